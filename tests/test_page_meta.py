"""theme_overrides/main.html: each page's description and Open Graph tags stay attribute
values whatever the seed text holds. MkDocs' templates do not autoescape, and striptags
unescapes the page's own escaping, so a quote in an article's title once closed the
description attribute of its region page and let the title's markup into the head."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from helpers import build_site, write_config

TITLE = '测试"><i onmouseover=alert(1)>县</i>纪实'
PAGE = f"\n{TITLE}\n\n测试县地区生产总值达到218.6亿元，同比增长6.1%。\n\n测试县新建公园12个。\n"
DESCRIBED = ("description", "og:description", "og:title")


class _Head(HTMLParser):
    """Every start tag's name, and the description-like meta tags' content."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        key = attrs.get("name") or attrs.get("property")
        if tag == "meta" and key in DESCRIBED:
            self.meta[key] = attrs.get("content") or ""


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, _Head]:
    work = tmp_path_factory.mktemp("meta")
    seeds = work / "seeds"
    seeds.mkdir()
    (seeds / "page.txt").write_text(PAGE, "utf-8")
    site = work / "site"
    build_site(write_config(work, seeds), site, env={"SOURCE_DATE_EPOCH": "1764028800"})
    parsed = {}
    for path in sorted(site.rglob("*.html")):
        head = _Head()
        head.feed(path.read_text("utf-8"))
        parsed[path.relative_to(site).as_posix()] = head
    return parsed


def test_seed_markup_never_becomes_a_tag(pages):
    injected = [(path, tag) for path, head in pages.items() for tag, attrs in head.tags
                if tag == "i" and "onmouseover" in attrs]
    assert not injected


def test_descriptions_show_the_title_as_text(pages):
    regions = {path: head for path, head in pages.items() if path.startswith("regions/") and path != "regions/index.html"}
    assert regions, "no region page was built"
    for path, head in regions.items():
        assert set(head.meta) == set(DESCRIBED), path
        assert TITLE in head.meta["description"] and head.meta["description"] == head.meta["og:description"], path
