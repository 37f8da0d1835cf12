"""The reader's site in headless Chromium at phone and desktop size (issue 17)."""

from __future__ import annotations

import json
import shutil

import pytest

from helpers import ROOT, build_site, serve, write_config
from reader_pages import DESKTOP, OVERFLOWING, PHONE, all_pages, one_of_each

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_page_is_wider_than_the_viewport(browser, site_url, seeds_site, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    wide = {}
    for url in all_pages(seeds_site):
        page.goto(site_url + url)
        found = page.evaluate(OVERFLOWING)
        if found:
            wide[url] = found
    context.close()
    assert not wide, f"pages wider than {viewport['width']} px: {wide}"


def test_wide_table_scrolls_in_its_own_box_with_the_first_column_in_view(browser, site_url, seeds_site,
                                                                         seeds_digest):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + one_of_each(seeds_site, seeds_digest)["region"])
    table = page.locator("table.digest-figures").first
    assert table.evaluate("t => getComputedStyle(t).overflowX") == "auto"
    assert table.evaluate("t => t.scrollWidth > t.clientWidth"), "the figures table should need to scroll on a phone"
    first = table.locator("tbody td").first
    left = first.bounding_box()["x"]
    table.evaluate("t => { t.scrollLeft = t.scrollWidth; }")
    assert abs(first.bounding_box()["x"] - left) < 1, "the first column should stay in view"
    context.close()


@pytest.fixture(scope="module")
def project_site(tmp_path_factory):
    """A small site built for a GitHub Pages project site (served under /digest/)."""
    work = tmp_path_factory.mktemp("project_site")
    seeds = work / "seeds"
    seeds.mkdir()
    first = sorted((ROOT / "seeds").glob("*.txt"))[0]
    shutil.copy(first, seeds / first.name)
    config = write_config(work, seeds, site_url="https://example.github.io/digest/")
    build_site(config, work / "site")
    with serve(work / "site", "/digest/") as url:
        yield url


def test_404_under_a_sub_path_is_chinese_styled_and_leads_on(page, project_site):
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and not r.url.endswith("/no-such/") else None)
    response = page.goto(project_site + "no-such/")
    assert response.status == 404
    page.wait_for_load_state("networkidle")
    assert not failed, f"404 page asset requests failed: {failed}"
    assert "页面不存在" in page.inner_text("h1")
    # Material's stylesheet applied: the header is laid out, not an unstyled list.
    assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") in ("sticky", "fixed")
    home = page.get_attribute("article a:text('返回首页')", "href")
    assert home.startswith("/digest/")
    page.fill("#notfound-query", "发展")
    page.press("#notfound-query", "Enter")
    page.wait_for_load_state()
    assert page.url.startswith(project_site + "search/")


UI_WORDS = """() => {
  const words = [], skip = 'CODE,SCRIPT,STYLE,SVG,NOSCRIPT';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement.closest(skip.split(',').join(','))) continue;
    words.push(...(n.textContent.match(/[A-Za-z][A-Za-z+]+/g) || []));
  }
  for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]'))
    for (const a of ['title', 'aria-label', 'placeholder'])
      words.push(...((el.getAttribute(a) || '').match(/[A-Za-z][A-Za-z+]+/g) || []));
  return words;
}"""


def test_no_english_ui_strings_on_any_generated_page(page, site_url, seeds_site, seeds_digest):
    """English words are allowed only where the seed text has them (article words, names) or
    for the listed file names and codes."""
    allowed = {w for w in (ROOT / "tests" / "fixtures" / "ui_english_allowed.txt").read_text(encoding="utf-8").split()
               if not w.startswith("#")}
    seed_text = json.dumps(seeds_digest, ensure_ascii=False)
    english = {}
    for url in all_pages(seeds_site) + ["no-such-page/"]:
        page.goto(site_url + url)
        found = {w for w in page.evaluate(UI_WORDS) if w not in allowed and w not in seed_text}
        if found:
            english[url] = sorted(found)
    assert not english, f"English UI text: {english}"


TAB_OF = {"region": "地区", "article": "地区", "metric": "对比", "regions": "地区", "compare": "对比", "sources": "来源",
          "search": "搜索", "fields": "来源"}


def test_generated_pages_have_a_breadcrumb_and_light_their_tab(browser, site_url, seeds_site, seeds_digest):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    for kind, url in one_of_each(seeds_site, seeds_digest).items():
        if kind not in TAB_OF:
            continue
        page.goto(site_url + url)
        assert page.inner_text(".md-tabs__item--active").strip() == TAB_OF[kind], kind
        crumbs = page.locator("nav.digest-path li")
        assert crumbs.first.inner_text().strip() == "首页", kind
        assert crumbs.count() >= 2
        # every crumb but the page itself leads somewhere that exists
        for href in page.eval_on_selector_all("nav.digest-path a", "as => as.map(a => a.href)"):
            assert page.request.get(href).ok, (kind, href)
    context.close()


def test_region_page_links_keywords_to_search_and_its_indicators(page, site_url, seeds_digest):
    compared = {c["region"] for row in seeds_digest["comparisons"] for c in row["cells"]}
    region = next(r for r in seeds_digest["regions"] if r["name"] in compared)
    page.goto(site_url + region["url"])
    keyword = page.locator(".digest-keywords a").first
    word = keyword.inner_text()
    keyword.click()
    page.wait_for_selector("#search-results[data-state='done']", timeout=15000)
    assert page.input_value("#search-query") == word
    page.goto(site_url + region["url"])
    indicators = page.locator(".digest-indicators a")
    assert indicators.count() == sum(1 for row in seeds_digest["comparisons"]
                                     if region["name"] in {c["region"] for c in row["cells"]})
    indicators.first.click()
    assert region["name"] in page.inner_text("table.digest-figures")


def test_region_list_is_grouped_by_province_and_city_with_counts(page, site_url, seeds_digest):
    page.goto(site_url + "regions/")
    headings = page.locator("article h2").all_inner_texts()
    assert sorted(headings) == sorted({r["province"] for r in seeds_digest["regions"]})
    region = seeds_digest["regions"][0]
    row = page.locator("table.digest-regions tr", has=page.get_by_role("link", name=region["name"], exact=True))
    figures = sum(1 for f in seeds_digest["figures"] if f["region"] == region["name"])
    assert f"{figures} 条" in row.inner_text()


def test_each_page_has_its_own_description_and_open_graph_title(seeds_site):
    import re
    descriptions = {}
    for url in all_pages(seeds_site):
        html = (seeds_site / url / "index.html").read_text(encoding="utf-8")
        (description,) = re.findall(r'<meta name="description" content="([^"]*)"', html)
        assert re.search(r'<meta property="og:title" content="[^"]+"', html), url
        descriptions.setdefault(description, []).append(url)
    shared = {d: urls for d, urls in descriptions.items() if len(urls) > 1}
    assert not shared, f"pages sharing one description: {shared}"


def search_for(page, site_url, query):
    page.goto(site_url + "search/?q=" + query)
    page.wait_for_selector("#search-results[data-state='done']", timeout=20000)
    return page.inner_text(".search-summary"), page.locator(".search-hit-list > li").count()


def test_search_count_is_what_it_lists(page, site_url, seeds_digest):
    import re
    summary, listed = search_for(page, site_url, "乡村振兴")
    (said,) = re.findall(r"找到 (\d+) 个相关小节", summary)
    assert int(said) == listed > 0


@pytest.mark.parametrize("letter", ["c", "x"])
def test_one_letter_is_no_pinyin_query(page, site_url, letter):
    assert search_for(page, site_url, letter)[1] == 0


@pytest.mark.parametrize("query", ["振兴乡村", "人均收入"])
def test_query_typed_without_spaces_falls_back_to_its_words(page, site_url, seeds_digest, query):
    """Two indexed words written together as the seeds never have them (B A for A…B; 人均…收入)."""
    assert not any(query in a["title"] or any(query in p for p in a["paragraphs"]) for a in seeds_digest["articles"])
    summary, listed = search_for(page, site_url, query)
    assert listed > 0 and "没有连续出现" in summary


def test_hit_found_only_through_the_region_name_says_so(page, site_url, seeds_digest):
    """A region's pinyin never occurs in the text: every hit says why it was found."""
    region = seeds_digest["regions"][0]
    _, listed = search_for(page, site_url, region["slug"].replace("-", ""))
    assert listed > 0
    assert page.locator(".search-hit__why").count() == listed
    _, listed = search_for(page, site_url, "乡村振兴")
    assert listed > 0 and page.locator(".search-hit__why").count() == 0


def test_words_in_different_sections_find_their_article(page, site_url, seeds_digest):
    """消费 and 帮扶 occur in seed articles, never in one section: each such article answers
    with the sections that hold them together, each saying what it leaves to the other."""
    summary, listed = search_for(page, site_url, "消费 帮扶")
    assert listed >= 2 and f"找到 {listed} 个相关小节" in summary
    hits = page.eval_on_selector_all(
        ".search-hit-list > li", "els => els.map(e => ({title: e.querySelector('.search-hit__title').textContent,"
        " text: e.innerText, part: e.querySelector('.search-hit__part')?.textContent || ''}))")
    for title in {h["title"] for h in hits}:
        own = [h for h in hits if h["title"] == title]
        assert len(own) >= 2, title
        assert all(h["part"].endswith("见同一篇文章的其他小节。") for h in own), own
        assert {"消费", "帮扶"} <= {w for h in own for w in ("消费", "帮扶") if w in h["text"]}


def test_abbreviation_of_the_catalogue_finds_the_full_form(page, site_url):
    """规上 is written out as 规模以上 (generator/data/indicators.yml, abbreviations)."""
    full = search_for(page, site_url, "规模以上工业")
    short = search_for(page, site_url, "规上工业")
    assert full[1] > 0 and short == (full[0].replace("规模以上工业", "规上工业"), full[1])


@pytest.mark.parametrize("url", ["no-such-page/", "search/?q=消费 帮扶", "search/?q=乡村振兴", "search/?q=规上工业"])
def test_404_and_search_results_fit_the_phone(browser, site_url, url):
    """Pages all_pages does not list: the 404 page and results pages (hits, notes, facets)."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + url)
    if url.startswith("search/"):
        page.wait_for_selector("#search-results[data-state='done']", timeout=20000)
        assert page.locator(".search-hit-list > li").count() > 0
    found = page.evaluate(OVERFLOWING)
    context.close()
    assert not found, f"{url} is wider than the phone: {found}"
