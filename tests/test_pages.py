"""generator/pages.py: relative links, script-safe JSON, escaping in templates."""

from __future__ import annotations

import pytest

from generator.site.pages import make_environment, page_path, relative, script_json


@pytest.mark.parametrize("from_url,to_url,expected", [
    ("", "regions/x/", "regions/x/"),
    ("regions/x/", "articles/abc/#p-3", "../../articles/abc/#p-3"),
    ("compare/", "data/digest.json", "../data/digest.json"),
    ("articles/abc/", "", "../../"),
    ("search/", "search/", "./"),
])
def test_relative_links(from_url, to_url, expected):
    assert relative(from_url, to_url) == expected


def test_page_paths_follow_directory_urls():
    assert page_path("regions/x/") == "regions/x.md"
    assert page_path("") == "index.md"


def test_script_json_cannot_close_the_script_tag():
    text = str(script_json({"t": "</script><script>alert(1)</script>&"}))
    assert "</script>" not in text and "<" not in text and "&" not in text


def test_templates_escape_seed_text():
    env = make_environment()
    html = env.from_string("<p>{{ t }}</p>").render(t="<img src=x onerror=alert(1)>")
    assert "<img" not in html and "&lt;img" in html


@pytest.fixture(scope="module")
def resources():
    from generator.resources import load_resources
    from generator.settings import Settings

    return load_resources(Settings())


def _digest_with_three_regions():
    from generator.read.figures import select
    from generator.records import Article, ArticleDraft, Digest, Figure, Period, Region, Section

    regions = [Region(n, c, p, code, "county", slug) for n, c, p, code, slug in [
        ("安吉县", "湖州市", "浙江省", "330523", "anji-xian"),
        ("武侯区", "成都市", "四川省", "510107", "wuhou-qu"),
        ("鹿城区", "温州市", "浙江省", "330302", "lucheng-qu")]]
    articles, figures = [], []
    for i, (region, value) in enumerate(zip(regions, [300.5, 1200.0, 800.0])):
        quote = f"全区地区生产总值达到{value}亿元"
        draft = ArticleDraft(f"{i}.txt", f"{region.name}答卷", [Section(None, [quote + "。"])])
        article = Article(id=f"a{i}", draft=draft, region=region, year=2024, url=f"articles/a{i}/")
        articles.append(article)
        figures.append(Figure(id=f"f{i}", article=article.id, region=region.name, measure="地区生产总值",
                              value=str(value), unit="亿元", value_normalized=value * 1e8, unit_normalized="元",
                              period=Period("2024年", "2024", "2024"), quote=quote, paragraph=1,
                              indicator="地区生产总值"))
    return Digest(sources=[], articles=articles, regions=regions, figures=figures, warnings=[], build_date="2024",
                  key_figures={f.region: [f.id] for f in figures}, comparisons=select.comparisons(figures))


def test_many_regions_get_one_page_per_metric_instead_of_a_matrix(resources):
    from generator.site.pages import Renderer
    from generator.settings import Settings

    pages = {p.path: p for p in Renderer(_digest_with_three_regions(), Settings(compare_matrix_max_regions=2,
                                                                               chart_max_bars=2), resources).pages()}
    overview = pages["compare.md"].html
    assert "digest-compare\"" not in overview and "digest-metrics" in overview
    metric = next(p for path, p in pages.items() if path.startswith("compare/level-"))
    slug = metric.path[len("compare/"):-len(".md")]
    assert f'href="{slug}/"' in overview  # linked relative to compare/
    # Largest first; the chart keeps the top two and says how many regions there are.
    assert metric.html.index("武侯区") < metric.html.index("鹿城区") < metric.html.index("安吉县")
    assert metric.html.count("class=\"digest-chart__bar\"") == 2
    assert "共 3 个" in metric.html


def test_few_regions_keep_the_matrix(resources):
    from generator.site.pages import Renderer
    from generator.settings import Settings

    pages = {p.path: p for p in Renderer(_digest_with_three_regions(), Settings(), resources).pages()}
    assert "digest-compare\"" in pages["compare.md"].html


def test_relative_links_match_posixpath():
    """The string version gives what posixpath.relpath would, over many URL pairs."""
    import itertools
    import posixpath

    def reference(from_url: str, to_url: str) -> str:
        target, _, anchor = to_url.partition("#")
        base = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else "."
        rel = posixpath.relpath(target or ".", base or ".")
        if target.endswith("/") or target == "":
            rel = rel.rstrip("/") + "/"
        return rel + (f"#{anchor}" if anchor else "")

    pages = ["", "search/", "compare/", "compare/gdp/", "regions/", "regions/zhengxiang-qu/", "articles/abc/",
             "articles/abd/", "regions/x/y/"]
    targets = pages + ["data/digest.json", "assets/search/index.json", "articles/abc/#p-3", "regions/#r",
                       "compare/gdp", "regions/zhengxiang-qu/#s-1"]
    for from_url, to_url in itertools.product(pages, targets):
        assert relative(from_url, to_url) == reference(from_url, to_url), (from_url, to_url)


def test_plan_inputs_follow_every_input_of_a_page(resources, monkeypatch):
    """Article and region pages are rendered on demand; their inputs hash (the page memo's
    key) must be equal for equal data built separately and change with anything shown."""
    import copy
    from dataclasses import replace

    from generator.site import pages as pages_mod
    from generator.site.pages import Renderer
    from generator.settings import Settings

    def plans(digest):
        return {p.path: p for p in Renderer(digest, Settings(), resources).plans()}

    base = plans(_digest_with_three_regions())
    again = plans(copy.deepcopy(_digest_with_three_regions()))
    assert {k: p.inputs for k, p in base.items()} == {k: p.inputs for k, p in again.items()}
    assert {k: p.render() for k, p in base.items()} == {k: p.render() for k, p in again.items()}
    unshared = _digest_with_three_regions()  # as loaded from separate cache entries: no shared objects
    unshared.articles = [replace(article, region=replace(article.region)) for article in unshared.articles]
    assert unshared.articles[0].region is not unshared.regions[0]
    assert {k: p.inputs for k, p in plans(unshared).items()} == {k: p.inputs for k, p in base.items()}

    edited = _digest_with_three_regions()
    edited.articles[0].draft.sections[0].paragraphs.append("新增一段。")
    changed = plans(edited)
    assert changed["articles/a0.md"].inputs != base["articles/a0.md"].inputs
    assert "新增一段" in changed["articles/a0.md"].render()
    assert changed["articles/a1.md"].inputs == base["articles/a1.md"].inputs
    assert changed["regions/anji-xian.md"].inputs != base["regions/anji-xian.md"].inputs  # its article list
    assert changed["regions/wuhou-qu.md"].inputs == base["regions/wuhou-qu.md"].inputs

    edited = _digest_with_three_regions()
    edited.figures[1] = replace(edited.figures[1], quote="全区地区生产总值达到1300亿元")
    changed = plans(edited)
    region = "regions/wuhou-qu.md"
    assert changed[region].inputs != base[region].inputs and "1300亿元" in changed[region].render()
    assert changed["articles/a1.md"].inputs != base["articles/a1.md"].inputs  # its figure table
    assert changed["regions/anji-xian.md"].inputs == base["regions/anji-xian.md"].inputs

    monkeypatch.setattr(pages_mod, "templates_fingerprint", lambda: "edited templates")
    retemplated = plans(_digest_with_three_regions())
    assert all(retemplated[k].inputs != base[k].inputs for k in ("articles/a0.md", region))


def test_article_page_credits_the_printed_source_else_the_file(resources):
    from generator.site.pages import Renderer
    from generator.records import Sidecar, Source
    from generator.settings import Settings

    digest = _digest_with_three_regions()
    digest.sources = [Source(file="0.txt", sha256="", size=0,
                             sidecar=Sidecar("0.yml", outlet="某某日报", date="2025-11-20", page="3",
                                             url="https://example.com/a")),
                      Source(file="1.txt", sha256="", size=0)]
    pages = {p.path: p for p in Renderer(digest, Settings(), resources).pages()}
    printed, bare = pages["articles/a0.md"].html, pages["articles/a1.md"].html
    assert "《某某日报》2025年11月20日 第3版" in printed and 'href="https://example.com/a"' in printed
    assert "<code>1.txt</code>" in bare and "《" not in bare.split("来源")[1].split("</dd>")[0]
