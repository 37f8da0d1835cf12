"""description.page_description gives what main.html's filters once gave (striptags over the
whole text after the h1, ¶ removed, truncate(120, true, "…", 0)), reading less of a long page."""

from __future__ import annotations

import random

import jinja2
import pytest
from markupsafe import Markup

from generator.mkdocs import description
from generator.mkdocs.description import page_description

# The expression main.html used, in an environment like MkDocs' (no autoescape).
FILTERS = jinja2.Environment().from_string(
    '{{ (content or "").split("</h1>", 1)[-1] | striptags | replace("¶", "") | truncate(120, true, "…", 0) }}')

PIECES = ["测试县", "地区生产总值", "增长6.1%", " ", "  \n ", "&amp;", "&lt;b&gt;", "&#34;", "&#39;", "¶", "a&b",
          "<p>", "</p>", "<h2 id=\"x\">", "</h2>", '<a class="headerlink" href="#x" title="本节链接">¶</a>',
          "<table><tr><td>", "</td></tr></table>", "<br>", "&nbsp;", "&para;", "1 > 0", "\t"]


def _page(rng: random.Random, size: int) -> str:
    return "<h1>标题</h1>" + "".join(rng.choice(PIECES) for _ in range(size))


@pytest.mark.parametrize("seed", range(300))
def test_random_pages_are_described_as_the_filters_describe_them(seed):
    rng = random.Random(seed)
    page = _page(rng, rng.choice([3, 30, 300, 3000]))
    assert page_description(page) == FILTERS.render(content=page)


@pytest.mark.parametrize("page", [
    None, "", "<h1>只有标题</h1>", "没有标题的文字" * 40, "<h1>t</h1>" + "<p>短</p>",
    "<h1>t</h1><!-- 注释 <b> -->" + "<p>正文</p>" * 2000,  # a comment: read whole
    "<h1>t</h1><p>" + "字" * 5000 + "</p>",  # no ">" before the first cut
    "<h1>t</h1>" + "<b>" * 5000 + "文字" * 10,  # the text only after many tags
    "<h1>t</h1>" + "<p>1 &lt; 2</p>" * 600 + "<p",  # a "<" never closed
])
def test_edge_pages_are_described_as_the_filters_describe_them(page):
    assert page_description(page) == FILTERS.render(content=page)


def test_an_entity_or_whitespace_cut_at_the_read_limit_changes_nothing(monkeypatch):
    for first in range(20, 60):
        monkeypatch.setattr(description, "FIRST_READ", first)
        for tail in ("&amp;", "&#34;", "   ", "¶"):
            page = "<h1>t</h1>" + ("<i>字" + tail + "</i>") * 200
            assert page_description(page) == FILTERS.render(content=page)


def test_a_long_page_is_described_from_its_start_only(monkeypatch):
    stripped = []
    monkeypatch.setattr(description, "Markup", lambda html: stripped.append(len(html)) or Markup(html))
    page = "<h1>t</h1>" + "<p>正文一段。</p>" * 20000
    assert page_description(page) == FILTERS.render(content=page)
    assert stripped and max(stripped) <= description.FIRST_READ


def test_the_description_is_plain_text_to_escape():
    # main.html escapes it with | e, which leaves Markup as it is
    assert type(page_description("<h1>t</h1><p>&lt;b&gt; 引号&#34;</p>")) is str
