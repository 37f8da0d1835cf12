"""Search in headless Chromium against the site built from seeds/.

QUERIES lists, for each query, the EXACT set of regions whose hits must come back.
The sets were derived by reading the seed texts (grepping the article sections of the
built site / data/digest.json for the query's words, the region names, the catalogue
synonyms), not by running this search. Semantics: every word of the query must occur in
one article (its sections' text, its title, or its region's names incl. city and
province), not necessarily in one section; a "quoted" phrase must occur contiguously in one section; pinyin matches region names;
catalogue synonyms are one word (GDP = 地区生产总值 = 生产总值).

The same table runs against the seeds built as a large corpus would be (every kind of
search file in several shards), through the page's own search code.
"""

from __future__ import annotations

import json
import re
import shutil
from urllib.parse import quote, unquote, urlsplit

import pytest

from helpers import ROOT, build_site, guarded_page, serve, write_config
from search_fixture import JS_PROPERTY_NAMES

pytestmark = pytest.mark.browser

ALL = {"天心区", "岳塘区", "蒸湘区", "邵阳市", "郴州市", "桂阳县", "安仁县", "常德市", "绥宁县", "中方县"}

QUERIES: list[tuple[str, set[str]]] = [
    # compound words and phrases
    ("民生实事", {"岳塘区", "蒸湘区"}),
    ('"民生实事"', {"岳塘区", "蒸湘区"}),
    ("办好民生实事", {"岳塘区", "蒸湘区"}),
    ("实事民生", {"岳塘区", "蒸湘区"}),  # typed as one unit, never contiguous: its words apart (issue 17)
    ('"实事民生"', set()),  # ... but never contiguous
    ("高质量发展", {"岳塘区", "桂阳县", "蒸湘区", "邵阳市"}),
    ("乡村振兴", {"安仁县", "蒸湘区"}),
    ("科技创新", {"桂阳县", "蒸湘区"}),
    ("网格化管理", {"天心区"}),
    ("城市合伙人", {"蒸湘区"}),
    ("红色引擎", {"天心区"}),
    ("科技之花", {"桂阳县"}),
    ("产业园", {"蒸湘区"}),
    # multi-word
    ("老旧小区 改造", {"天心区", "岳塘区", "蒸湘区"}),
    ("民生 实事", {"岳塘区", "蒸湘区"}),
    ("桂阳 科技", {"桂阳县"}),
    ("消费 帮扶", {"岳塘区", "蒸湘区"}),  # never in one section, both in these articles (issue 17)
    # two-character words, one character
    ("热线", {"天心区"}),
    ("党建", {"中方县", "天心区", "岳塘区", "蒸湘区"}),
    ("物业", {"天心区", "岳塘区", "蒸湘区"}),
    ("衡钢", {"蒸湘区"}),
    ("湘江", {"岳塘区"}),
    ("湘", {"天心区", "安仁县", "岳塘区", "常德市", "蒸湘区", "邵阳市"}),
    # letters and digits glued to Chinese
    ("12345热线", {"天心区"}),
    ("12345", {"天心区"}),
    ("5G", {"安仁县", "岳塘区", "蒸湘区"}),
    ("5g 工厂", {"岳塘区", "蒸湘区"}),
    ("2024年", {"安仁县", "蒸湘区", "郴州市"}),
    # region names (the region field holds the region, its city and its province)
    ("蒸湘区", {"蒸湘区"}),
    ("天心", {"天心区"}),
    ("郴州", {"安仁县", "桂阳县", "郴州市"}),
    # traditional characters
    ("產業", {"安仁县", "岳塘区", "桂阳县", "蒸湘区", "邵阳市"}),
    ("鄉村振興", {"安仁县", "蒸湘区"}),
    ("民生實事", {"岳塘区", "蒸湘区"}),
    ("網格化管理", {"天心区"}),
    ("「民生實事」", {"岳塘区", "蒸湘区"}),
    # pinyin, full and initials
    ("zhengxiang", {"蒸湘区"}),
    ("zxq", {"蒸湘区"}),
    ("yuetang", {"岳塘区"}),
    ("Guiyang", {"桂阳县"}),
    ("chenzhou", {"安仁县", "桂阳县", "郴州市"}),
    ("xiangtan", {"岳塘区"}),
    ("tianxinqu", {"天心区"}),
    ("hunan", ALL),
    # catalogue synonyms (generator/data/metrics.yml)
    ("GDP", {"蒸湘区"}),
    ("生产总值", {"蒸湘区"}),
    ("社零总额", {"蒸湘区"}),
    # no answer
    ("量子计算", set()),
    ("xyzzy", set()),
    ("一老一小", set()),
    ("财政总收入", set()),
]

HIT_HREF = re.compile(r"^(\.\./)*articles/[0-9a-f-]+/#p-\d+$")


def results(page, base: str, query: str) -> list[dict]:
    """The hits of the search page opened with ?q=query."""
    page.goto(f"{base}search/?q={quote(query)}")
    page.wait_for_selector("#search-results[data-state=done]", timeout=15000)
    return shown_hits(page)


def typed_results(page, query: str) -> list[dict]:
    """The hits once `query` is typed into an open search page (the list says which query it answers)."""
    page.fill("#search-query", query)
    page.wait_for_function("q => { const c = document.getElementById('search-results');"
                           " return c.dataset.state === 'done' && c.dataset.query === q; }", arg=query, timeout=15000)
    return shown_hits(page)


def shown_hits(page) -> list[dict]:
    return page.eval_on_selector_all(
        "#search-results li.search-hit",
        "els => els.map(e => ({region: e.dataset.region, href: e.querySelector('a').getAttribute('href'),"
        " abs: e.querySelector('a').href, marks: [...e.querySelectorAll('mark')].map(m => m.textContent)}))")


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    """One search page for the query table: each query is typed into it, as a reader does
    (opening the page once per query would spend most of the module's time loading it)."""
    with guarded_page(browser) as page:
        page.goto(f"{site_url}search/")
        page.wait_for_selector("#search-results[data-state=done]")
        yield page


def test_query_table_is_big_enough():
    assert len(QUERIES) >= 30
    assert len({q for q, _ in QUERIES}) == len(QUERIES)


@pytest.mark.parametrize("query, expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_query_returns_exactly_these_regions(search_page, query, expected):
    hits = typed_results(search_page, query)
    assert {h["region"] for h in hits} == expected
    for hit in hits:
        assert HIT_HREF.match(hit["href"]), hit["href"]


def test_hit_opens_the_paragraph_that_matched(page, site_url):
    hits = results(page, site_url, "12345热线")
    assert hits and all(h["marks"] for h in hits)
    assert all(re.fullmatch("(12345|热线)+", m) for h in hits for m in h["marks"])
    page.click("#search-results li.search-hit a")
    page.wait_for_load_state()
    anchor = urlsplit(page.url).fragment
    assert anchor.startswith("p-")
    text = page.inner_text(f"#{anchor}")
    assert "12345" in text and "热线" in text


def test_phrase_hits_contain_the_phrase(page, site_url):
    hits = results(page, site_url, '"办好民生实事"')
    assert hits
    for hit in hits:
        page.goto(hit["abs"])
        assert "办好民生实事" in page.inner_text(f"#{urlsplit(hit['abs']).fragment}")


def test_facets_filter_hits(page, site_url):
    hits = results(page, site_url, "党建")
    assert len({h["region"] for h in hits}) == 4
    page.click("button.search-facet[data-region='天心区']")
    regions = page.eval_on_selector_all("#search-results li.search-hit", "els => els.map(e => e.dataset.region)")
    assert regions and set(regions) == {"天心区"}
    assert "region=" in page.url
    page.click("button.search-facet[data-region='']")
    assert page.locator("#search-results li.search-hit").count() == len(hits)


def test_typing_updates_results(page, site_url):
    page.goto(f"{site_url}search/")
    page.wait_for_selector("#search-results[data-state=done]")
    page.fill("#search-query", "衡钢")
    page.wait_for_function("() => document.querySelectorAll('#search-results li.search-hit').length > 0")
    page.wait_for_selector("#search-results[data-state=done]")
    regions = page.eval_on_selector_all("#search-results li.search-hit", "els => els.map(e => e.dataset.region)")
    assert set(regions) == {"蒸湘区"}
    assert "q=" in page.url


def test_header_box_loads_index_lazily_slash_focuses_enter_opens_first_hit(page, site_url):
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(site_url)
    page.wait_for_load_state("load")
    assert not any(u.endswith(("index.json", "docs.json", "lunr.js")) for u in fetched), "index loaded on page view"
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "digest-search-input"
    page.keyboard.type("城市合伙人")
    page.wait_for_selector(".digest-search__panel li.search-hit")
    assert any(u.endswith("assets/search/index.json") for u in fetched)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/articles/[^/]+/#p-\d+$"))
    anchor = urlsplit(page.url).fragment
    assert "城市合伙人" in page.inner_text(f"#{anchor}")


def test_query_text_is_not_markup(page, site_url):
    hits = results(page, site_url, '<img src=x onerror=alert(1)>"')
    assert hits == []
    assert page.locator("#search-results img").count() == 0
    assert "<img" in page.inner_text("#search-results")


def test_search_under_a_sub_path(page, seeds_site):
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    with serve(seeds_site, prefix="/sub/") as base:
        assert base.endswith("/sub/")
        hits = results(page, base, "民生实事")
        assert {h["region"] for h in hits} == {"岳塘区", "蒸湘区"}
        for hit in hits:
            assert urlsplit(hit["abs"]).path.startswith("/sub/articles/")
        page.click("#search-results li.search-hit a")
        page.wait_for_load_state()
        assert urlsplit(page.url).path.startswith("/sub/articles/")
        # The header box on an article page submits to the sub-path's results page.
        action = page.eval_on_selector("form.digest-search", "f => f.action")
        assert urlsplit(action).path == "/sub/search/"
        page.fill("#digest-search-input", "zxq")
        page.wait_for_selector(".digest-search__panel li.search-hit")
        href = page.eval_on_selector(".digest-search__panel li.search-hit a", "a => a.href")
        assert unquote(urlsplit(href).path).startswith("/sub/articles/")
    assert not failed, f"failed requests: {failed}"


def collect_errors(page) -> list[str]:
    """Console errors and uncaught exceptions of the page, as they happen."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def test_javascript_property_names_are_ordinary_queries(page, site_url):
    errors = collect_errors(page)
    for name in JS_PROPERTY_NAMES:
        page.goto(f"{site_url}search/?q={quote(name)}")
        page.wait_for_selector("#search-results[data-state=done]", timeout=15000)
        summary = page.inner_text(".search-summary")
        assert summary.startswith(("没有找到", "找到")), (name, summary)
    # and the search still works afterwards, in the same page
    page.fill("#search-query", "衡钢")
    page.wait_for_function("() => document.querySelectorAll('#search-results li.search-hit').length > 0")
    # the header box on another page
    page.goto(site_url)
    for name in ("constructor", "__proto__", "hasOwnProperty"):
        page.fill("#digest-search-input", name)
        page.wait_for_selector(".digest-search__panel:not([hidden]) .digest-search__more")
        page.wait_for_function("n => document.querySelector('.digest-search__more').href.includes(n)",
                               arg=quote(name, safe=""))
    assert not errors, errors


ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")


@pytest.mark.parametrize("query", ["民生实事", "12345热线", "zhengxiang"])
def test_zero_width_character_inside_a_word_changes_nothing(search_page, query):
    plain = typed_results(search_page, query)
    assert plain
    for zw in ZERO_WIDTH:
        assert typed_results(search_page, query[:2] + zw + query[2:]) == plain, repr(zw)


# ----------------------------------------------------------------------------- sharded

@pytest.fixture(scope="module")
def sharded_site(tmp_path_factory, seeds_build):
    """The seeds with every kind of search file split as for a large corpus."""
    work = tmp_path_factory.mktemp("sharded_site")
    site = work / "site"
    shutil.copytree(seeds_build.cache, work / "cache")  # per-file results: the search's size limit is not in them
    build_site(write_config(work, ROOT / "seeds", search_one_file_bytes=1), site,
               env={"SOURCE_DATE_EPOCH": "1764028800"})
    return site


@pytest.fixture(scope="module")
def sharded_url(sharded_site):
    with serve(sharded_site) as url:
        yield url


def test_sharded_index_returns_exactly_the_same_regions(page, sharded_site, sharded_url):
    entry = json.loads((sharded_site / "assets" / "search" / "index.json").read_text(encoding="utf-8"))
    assert entry["shards"]["v"] > 1 and entry["shards"]["c"] > 0 and entry["shards"]["t"] > 1
    assert len(list((sharded_site / "assets" / "search" / "p").iterdir())) > entry["shards"]["v"]
    page.goto(f"{sharded_url}search/")
    page.wait_for_selector("#search-results[data-state=done]")
    got = page.evaluate("""async queries => {
        const out = {};
        for (const q of queries) {
            const r = await window.digestSearch.search(q, 1e9);  // every hit checked
            out[q] = [r.exact, r.hits.map(h => h.region)];
        }
        return out;
    }""", [q for q, _ in QUERIES])
    for query, expected in QUERIES:
        exact, regions = got[query]
        assert exact, query
        assert set(regions) == expected, query


def test_sharded_index_takes_javascript_property_names_as_words(page, sharded_url):
    page.goto(f"{sharded_url}search/")
    page.wait_for_selector("#search-results[data-state=done]")
    failed = page.evaluate("""async names => {
        const failed = [];
        for (const q of names) {
            try { await window.digestSearch.search(q, 1e9); } catch (err) { failed.push(q + ": " + err); }
        }
        return failed;
    }""", list(JS_PROPERTY_NAMES))
    assert failed == []


def test_sharded_results_page_loads_a_page_of_hits_at_a_time(page, sharded_url):
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(urlsplit(r.url).path))
    total = None
    page.goto(f"{sharded_url}search/?q={quote('湘')}")
    page.wait_for_selector("#search-results[data-state=done]")
    total = page.evaluate("window.digestSearch.search('湘', 1e9).then(r => r.hits.length)")
    assert total > 20
    assert page.locator("#search-results li.search-hit").count() == 10
    assert "/assets/search/trad.json" not in fetched  # every character of 湘 starts a term
    page.click("#search-results button.search-more")
    page.wait_for_selector("#search-results[data-state=done]")
    assert page.locator("#search-results li.search-hit").count() == 20
    # Facets name the regions whose text is loaded; a facet filters all candidates.
    page.click("button.search-facet[data-region='岳塘区']")
    page.wait_for_selector("#search-results[data-state=done]")
    regions = page.eval_on_selector_all("#search-results li.search-hit", "els => els.map(e => e.dataset.region)")
    assert regions and set(regions) == {"岳塘区"}


def test_sharded_phrase_hits_shown_are_checked(page, sharded_url):
    hits = results(page, sharded_url, "办好民生实事")
    assert hits and {h["region"] for h in hits} <= {"岳塘区", "蒸湘区"}
    summary = page.inner_text(".search-summary")
    exact = page.evaluate("window.digestSearch.search('办好民生实事').then(r => r.exact)")
    assert ("约" in summary) == (not exact)
    hits = results(page, sharded_url, "鄉村振興")
    assert {h["region"] for h in hits} <= {"安仁县", "蒸湘区"} and hits
