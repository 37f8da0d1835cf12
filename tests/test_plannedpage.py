"""PlannedPage (memopages.py): a generated page read and rendered without the Markdown
machinery ends up exactly as MkDocs' own Page would from the same front matter; text from
another plugin is still rendered; pages the nav names keep MkDocs' Page (the nav's title)."""

from __future__ import annotations

import html
import json

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator.mkdocs.memopages import PlannedPage
from generator.mkdocs.plugin import _nav_paths, _page_file
from generator.site.pages import PagePlan


def _config(tmp_path) -> MkDocsConfig:
    (tmp_path / "docs").mkdir(exist_ok=True)
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "测试", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site"),
                      "markdown_extensions": [{"toc": {"permalink": True}}, "tables", "attr_list"]})
    errors, _ = config.validate()
    assert not errors
    config.plugins._current_plugin = None  # what MkDocs sets around plugin events; File.generated reads it
    return config


def _read_and_render(page: Page, config: MkDocsConfig) -> Page:
    page.read_source(config)
    page.render(config, Files([page.file]))
    return page


@pytest.mark.parametrize("title", ["县城更新：\"一老一小\" <b>&</b> 'x'", "标题\t#1 ---", "简单"])
def test_a_planned_page_ends_up_as_mkdocs_page_from_its_front_matter(tmp_path, title):
    config = _config(tmp_path)
    escaped = html.escape(title)
    front = "---\ntitle: " + json.dumps(escaped, ensure_ascii=False) + "\n---\n"
    ordinary = File.generated(config, "articles/a.md", content=front, inclusion=InclusionLevel.NOT_IN_NAV)
    planned = File.generated(config, "articles/a.md", content=front, inclusion=InclusionLevel.NOT_IN_NAV)
    page = _read_and_render(Page(None, ordinary, config), config)
    quick = _read_and_render(PlannedPage(escaped, planned, config), config)
    assert planned.page is quick
    assert (quick.title, quick.meta, quick.markdown, quick.content) == (page.title, page.meta, page.markdown, "")
    assert str(quick.toc) == str(page.toc) and quick.present_anchor_ids == page.present_anchor_ids == set()


def test_markdown_from_another_plugin_is_rendered_the_ordinary_way(tmp_path):
    config = _config(tmp_path)

    class Source:
        def on_page_read_source(self, page, config):
            return "---\ntitle: 别的\n---\n## 小节\n\n正文"
    config.plugins["source"] = Source()
    config.plugins._register_event("page_read_source", Source().on_page_read_source, "source")
    page = _read_and_render(PlannedPage("原题", File.generated(config, "a.md", content=""), config), config)
    assert page.title == "别的" and "<h2" in page.content and page.toc.items[0].title == "小节"


def test_only_pages_the_nav_does_not_name_are_planned(tmp_path):
    config = _config(tmp_path)
    nav = [{"首页": "index.md"}, {"地区": [{"全部": "./regions.md"}, "compare.md"]}, "search.md"]
    assert _nav_paths(nav) == {"index.md", "regions.md", "compare.md", "search.md"}
    assert _nav_paths(None) == set()
    plan = PagePlan("regions.md", "地区", "inputs", lambda: "")
    assert _page_file(plan, config, planned=False).page is None
    assert isinstance(_page_file(plan, config).page, PlannedPage)
