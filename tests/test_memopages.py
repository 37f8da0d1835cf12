"""memopages: a memo hit is never rendered; a miss is rendered when written, memoised and let go;
a vanished entry is rendered."""

from __future__ import annotations

from types import SimpleNamespace

import jinja2

from generator.mkdocs.memopages import MemoPages, add_empty_template
from generator.mkdocs.pagememo import EMPTY_TEMPLATE, PageMemo
from generator.site.pages import PagePlan


def _page(path: str = "articles/a1.md", homepage: bool = False):
    return SimpleNamespace(file=SimpleNamespace(src_uri=path), url="articles/a1/", title="标题",
                           meta={"title": "标题"}, toc=[], is_homepage=homepage)


def _pages(tmp_path, render=lambda: "正文") -> MemoPages:
    env = add_empty_template(jinja2.Environment(loader=jinja2.DictLoader({"main.html": "<html>{{ page.content }}</html>"})))
    plans = {"articles/a1.md": PagePlan("articles/a1.md", "标题", "inputs", render)}
    return MemoPages(PageMemo(tmp_path), "site", plans, "<p>概况</p>", env=env)


def test_a_miss_is_rendered_when_written_memoised_and_let_go(tmp_path):
    rendered = []
    pages, page = _pages(tmp_path, lambda: rendered.append(1) or "正文"), _page()
    # MkDocs holds every body from on_page_content to the end: a generated page's is empty there ...
    page.content = pages.body("", page)
    assert page.content == "" and "template" not in page.meta and not rendered
    # ... and rendered only when its page is written
    context = {"page": page}
    assert pages.ready(context, page) is context and page.content == "正文" and pages.context is context
    assert pages.finished("<html>正文</html>", page) == "<html>正文</html>"
    assert PageMemo(tmp_path).get(pages.keys["articles/a1.md"]) == "<html>正文</html>"
    assert page.content == "" and len(rendered) == 1


def test_a_hit_is_never_rendered(tmp_path):
    def refuse() -> str:
        raise AssertionError("a memoised page was rendered")
    key = PageMemo(tmp_path).key("site", _page(), "inputs")
    PageMemo(tmp_path).put(key, "<html>旧</html>")
    pages, page = _pages(tmp_path, refuse), _page()
    page.content = pages.body("", page)
    assert page.content == "" and page.meta["template"] == EMPTY_TEMPLATE
    pages.ready({"page": page}, page)
    assert pages.env.get_template(EMPTY_TEMPLATE).render() == ""
    assert pages.finished("", page) == "<html>旧</html>" and pages.memo.hits == 1


def test_other_pages_pass_through_and_the_home_page_gets_the_summary(tmp_path):
    pages = _pages(tmp_path)
    assert pages.body("<p>手写</p>", _page("about.md")) == "<p>手写</p>"
    assert pages.body("<p>首页</p>", _page("index.md", homepage=True)) == "<p>首页</p><p>概况</p>"
    about = _page("about.md")
    about.content = "<p>手写</p>"
    pages.ready({}, about)
    assert about.content == "<p>手写</p>"
    assert pages.finished("<html>x</html>", about) == "<html>x</html>" and not pages.keys


def test_a_vanished_memo_entry_is_rendered_again(tmp_path):
    """body() saw the entry, finished() cannot read it: the page is rendered as usual."""
    key = PageMemo(tmp_path).key("site", _page(), "inputs")
    PageMemo(tmp_path).put(key, "<html>旧</html>")
    pages, page = _pages(tmp_path), _page()
    # a memo hit's body is not rendered, and the theme's template is set aside ...
    page.content = pages.body("", page)
    assert page.content == "" and page.meta["template"] == EMPTY_TEMPLATE
    pages.context = {"page": page}
    (tmp_path / f"{key}.html").unlink()
    # ... until its entry turns out to be gone: then the page is rendered after all
    assert pages.finished("", page) == "<html>正文</html>"
    assert PageMemo(tmp_path).get(key) == "<html>正文</html>"  # and memoised for next time
