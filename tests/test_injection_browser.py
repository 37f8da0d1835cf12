"""Seed text is data, never markup: HTML, template syntax, Markdown links and `</script>`
placed anywhere in a page (title, heading, body, caption, next to a figure, sidecar) are
shown literally on every page that shows them, and nothing runs.

One corpus, built once for the module; each page type is then checked in the HTML files
and in headless Chromium (the `page` fixture fails on any JS dialog).
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

from generator import digest as digest_mod
from helpers import build_site, load_digest, serve, write_config

P_SCRIPT = "<script>alert(1)</script>"
P_IMG = "<img src=x onerror=alert(1)>"
P_CONFIG = "{{ config }}"
P_RAW = "{% raw %}"
P_MD = "[x](javascript:alert(1))"
P_END = "</script><script>alert(1)</script>"
PAYLOADS = [P_SCRIPT, P_IMG, P_CONFIG, P_RAW, P_MD, P_END]

# Titles and headings stay within clean.HEADING_MAX (32 characters), as printed ones do.
TITLE_A = "阳朔" + P_SCRIPT + "富民路"
HEADING_A = "民宿" + P_IMG + "兴"
CAPTION_A = "阳朔县遇龙河上的竹筏" + P_IMG + "。韦丽萍 摄"
BODY_A = [
    "漓江之畔的桂林市阳朔县，青山如黛，碧水如镜。游客撑着竹筏顺流而下，岸边的村民把自家小院改成了民宿。"
    "有人在留言板上写下" + P_MD + "，又被服务员笑着擦掉了。",
    "五年来，阳朔县坚持生态优先，新建" + P_SCRIPT + "公园12个，改造提升旅游厕所156座，2024年接待游客2100万人次。",
]
BODY_A2 = [
    "阳朔县把民宿作为富民产业，引导村民用闲置农房发展乡村旅游，模板里写着" + P_CONFIG + "和" + P_RAW + "的宣传单也一并收进了档案。",
    "全县民宿达到2800家" + P_END + "，床位超过4万张，民宿从业人员人均年收入达到5.6万元。",
    "=HYPERLINK(\"http://evil.example/\")阳朔县地区生产总值达到218.6亿元，同比增长6.1%。",
]
PAGE_A = "\n\n".join([
    "",
    TITLE_A,
    "——桂林市阳朔县推进文旅融合发展纪实" + P_RAW,
    "本报记者 韦丽萍 通讯员 黄志强",
    "",
    CAPTION_A,
    *BODY_A,
    HEADING_A,
    *BODY_A2,
    "",
]) + "\n"

TITLE_B = "婺源</script>新答卷"
BODY_B = [
    "江西省上饶市婺源县，粉墙黛瓦的徽派村落掩映在油菜花海中。近年来，婺源县坚持把乡村旅游作为富民强县的主导产业。",
    "2024年，婺源县地区生产总值达到186.4亿元，同比增长5.8%；一般公共预算收入完成14.2亿元" + P_IMG + "。",
    "+1 婺源县新建" + P_SCRIPT + "口袋公园8个，全县接待游客2680万人次，实现旅游综合收入245亿元。",
    "-1 全县森林覆盖率达到82.6%，空气质量优良天数比例保持在98%以上。",
    "@SUM(A1:A9) 婺源县农村居民人均可支配收入达到2.3万元，增长6.5%。",
]
PAGE_B = "\n\n".join([
    "", TITLE_B, "——上饶市婺源县推进乡村全面振兴纪实", "本报记者 程晓敏 通讯员 汪文斌", "",
    "婺源县篁岭村的晒秋景观" + P_SCRIPT + "。汪文斌 摄",
    BODY_B[0], BODY_B[1],
    "乡村旅游{% for x in range(3) %}越走越宽",
    *BODY_B[2:], "",
]) + "\n"

# A page whose sidecar overrides the title and sets a hostile source URL.
SIDECAR_TITLE = "德清" + P_SCRIPT + "侧车标题"
PAGE_C = "\n\n".join([
    "", "数字乡村的德清样本", "——湖州市德清县推进数字乡村建设纪实", "本报记者 沈建平", "",
    "湖州市德清县五四村的村民打开手机，就能看到村里的垃圾分类积分、停车位和养老服务预约情况。德清县是全国数字乡村试点县。",
    "德清县建成数字乡村一张图，覆盖全县137个行政村，2024年全县农村居民人均可支配收入达到4.9万元。",
    "",
]) + "\n"
SIDECAR_C = ("title: " + json.dumps(SIDECAR_TITLE, ensure_ascii=False) + "\n"
             "url: \"javascript:alert(1)\"\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    work = tmp_path_factory.mktemp("injection")
    seeds = work / "seeds"
    seeds.mkdir()
    (seeds / "yangshuo.txt").write_text(PAGE_A, "utf-8")
    (seeds / "wuyuan.txt").write_text(PAGE_B, "utf-8")
    (seeds / "deqing.txt").write_text(PAGE_C, "utf-8")
    (seeds / "deqing.yml").write_text(SIDECAR_C, "utf-8")
    config = write_config(work, seeds)
    site = work / "site"
    build_site(config, site, env={"SOURCE_DATE_EPOCH": "1764028800"})
    digest = load_digest(site)
    return {"site": site, "digest": digest}


@pytest.fixture(scope="module")
def url(built):
    with serve(built["site"]) as base:
        yield base


def _article(built, source: str) -> dict:
    articles = [a for a in built["digest"]["articles"] if a["source"] == source]
    assert articles, f"no article from {source}"
    return articles[0]


# --------------------------------------------------------------------------- static HTML

class _Scan(HTMLParser):
    """Finds markup that seed text could only have produced by being injected."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and "alert" in value:
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and \
                    re.match(r"\s*javascript:", value, re.I):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.problems.append("<img src=x>")
        if tag == "script":
            self._script = {"type": (dict(attrs).get("type") or "").lower(), "text": ""}

    def handle_data(self, data):
        if self._script is not None:
            self._script["text"] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            text = self._script["text"].strip()
            if text.startswith("alert(1)"):
                self.problems.append("<script>alert(1)</script> in the page")
            if "json" in self._script["type"] and text:
                try:
                    json.loads(text)
                except ValueError:
                    self.problems.append(f"embedded JSON cut short: {text[:120]!r}")
            self._script = None


def test_no_markup_from_seed_text_in_any_html_file(built):
    problems = []
    files = sorted(built["site"].rglob("*.html"))
    assert len(files) > 5
    for path in files:
        scan = _Scan()
        scan.feed(path.read_text("utf-8"))
        problems += [f"{path.relative_to(built['site'])}: {p}" for p in scan.problems]
    assert not problems, problems[:20]


def test_template_syntax_is_not_evaluated(built):
    """`{{ config }}` rendered would print the MkDocs config; `{% raw %}` would vanish."""
    article = _article(built, "yangshuo.txt")
    text = (built["site"] / article["url"] / "index.html").read_text("utf-8")
    assert "{{ config }}" in text and "{% raw %}" in text
    # (the config's repr quotes its keys; og:site_name is the page's own meta tag)
    assert "'site_name'" not in text and "docs_dir" not in text
    assert "{% for x in range(3) %}" in json.dumps(built["digest"], ensure_ascii=False)


def test_payloads_survive_into_the_data(built):
    a = _article(built, "yangshuo.txt")
    assert a["title"] == TITLE_A
    assert HEADING_A in a["headings"]
    everything = "\n".join([a["title"], a["subtitle"], *a["headings"], *a["paragraphs"], *a["captions"]])
    for payload in PAYLOADS:
        assert payload in everything, payload
    assert any(P_IMG in c for c in a["captions"]), a["captions"]


def test_sidecar_title_is_data_and_hostile_url_is_not_a_link(built):
    c = _article(built, "deqing.txt")
    assert c["title"] == SIDECAR_TITLE
    page = (built["site"] / c["url"] / "index.html").read_text("utf-8")
    assert 'href="javascript:' not in page.replace("&#34;", '"')


def test_csv_cells_cannot_run_as_formulas(built):
    raw = (built["site"] / "data" / "figures.csv").read_bytes()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "id" and len(rows) > 1
    bad = [cell for row in rows[1:] for cell in row
           if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(cell)]
    assert not bad, bad[:10]


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


@pytest.mark.parametrize("value", ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "=HYPERLINK(\"http://x\")", "\t=1"])
def test_figures_csv_neutralises_formula_cells(value):
    columns = digest_mod.CSV_COLUMNS
    data = {"figures": [{c: value for c in columns}]}
    rows = list(csv.reader(io.StringIO(digest_mod.figures_csv(data).decode("utf-8-sig"))))
    assert all(cell.startswith("'") for cell in rows[1]), rows[1]


def test_figures_csv_keeps_negative_numbers():
    columns = digest_mod.CSV_COLUMNS
    data = {"figures": [{c: "-3.5" for c in columns}]}
    rows = list(csv.reader(io.StringIO(digest_mod.figures_csv(data).decode("utf-8-sig"))))
    assert rows[1] == ["-3.5"] * len(columns)


# --------------------------------------------------------------------------- browser

pytest_browser = pytest.mark.browser

_DOM_CHECK = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.startsWith('on') && a.value.includes('alert')) bad.push(el.outerHTML.slice(0, 160));
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name) && /^\\s*javascript:/i.test(a.value))
        bad.push(el.outerHTML.slice(0, 160));
    }
  }
  for (const img of document.querySelectorAll('img')) if (img.getAttribute('src') === 'x') bad.push('img src=x');
  for (const s of document.querySelectorAll('script')) {
    const t = s.textContent.trim();
    if (t.startsWith('alert(1)')) bad.push('script alert(1)');
    if ((s.type || '').includes('json') && t) { try { JSON.parse(t); } catch (e) { bad.push('bad JSON ' + t.slice(0, 80)); } }
  }
  return bad;
}"""

_SVG_TEXT = "() => [...document.querySelectorAll('svg text, svg title, svg desc, canvas')].map(e => e.textContent || e.getAttribute('aria-label') || '')"


def _open(page, address: str) -> str:
    page.goto(address)
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # onerror handlers and deferred scripts would have run by now
    assert page.evaluate(_DOM_CHECK) == []
    assert not page.dialogs, page.dialogs
    return page.inner_text("body")


def _literal_only(text: str) -> list[str]:
    """Places where 'alert(1)' shows without the markup around it that the seed had."""
    bad = []
    for m in re.finditer(r"alert\(1\)", text):
        before = text[max(0, m.start() - 20):m.start()]
        if not before.endswith(("<script>", "onerror=", "javascript:")):
            bad.append(text[max(0, m.start() - 40):m.end() + 20])
    return bad


@pytest_browser
def test_article_page_shows_payloads_literally(page, url, built):
    a = _article(built, "yangshuo.txt")
    text = _open(page, url + a["url"])
    assert page.inner_text("article h1") == TITLE_A
    assert TITLE_A in page.title()
    for heading in page.locator("article h2").all_inner_texts():
        if heading.startswith("民宿"):
            assert HEADING_A in heading
            break
    else:
        pytest.fail(f"heading missing: {HEADING_A}")
    for paragraph in BODY_A + BODY_A2[:2]:
        assert paragraph in text, paragraph
    assert "阳朔县遇龙河上的竹筏" + P_IMG in text
    assert not _literal_only(text)


@pytest_browser
def test_second_article_and_sidecar_title_shown_literally(page, url, built):
    b = _article(built, "wuyuan.txt")
    text = _open(page, url + b["url"])
    assert page.inner_text("article h1") == TITLE_B
    assert BODY_B[1] in text
    assert "{% for x in range(3) %}" in text
    c = _article(built, "deqing.txt")
    _open(page, url + c["url"])
    assert page.inner_text("article h1") == SIDECAR_TITLE
    assert SIDECAR_TITLE in page.title()


@pytest_browser
def test_region_pages_show_titles_literally(page, url, built):
    regions = {r["name"]: r for r in built["digest"]["regions"]}
    assert {"阳朔县", "婺源县", "德清县"} <= set(regions), sorted(regions)
    for name, title in (("阳朔县", TITLE_A), ("婺源县", TITLE_B), ("德清县", SIDECAR_TITLE)):
        text = _open(page, url + regions[name]["url"])
        assert title in text, (name, title)
        assert not _literal_only(text)


@pytest_browser
def test_regions_index_and_home_are_clean(page, url):
    for address in (url, url + "regions/"):
        text = _open(page, address)
        assert not _literal_only(text)


@pytest_browser
def test_comparison_page_and_chart_labels_are_literal(page, url, built):
    text = _open(page, url + "compare/")
    assert not _literal_only(text)
    labels = page.evaluate(_SVG_TEXT)
    for label in labels:
        assert not _literal_only(label), label
    # Whatever the comparison shows of the figures next to the payloads is shown literally.
    for f in built["digest"]["figures"]:
        if "<" in f["quote"] and f["quote"] in text:
            assert any(p in f["quote"] for p in PAYLOADS)


@pytest_browser
def test_search_results_show_titles_literally(page, url, built):
    for term, title in (("阳朔", TITLE_A), ("婺源", TITLE_B)):
        _open(page, url + "search/?q=" + quote(term))
        results = page.locator("#search-results")
        page.wait_for_function(
            "() => { const r = document.querySelector('#search-results');"
            " return r && !['idle', 'loading'].includes(r.dataset.state || '') && r.innerText.trim().length > 0; }",
            timeout=15000)
        page.wait_for_timeout(200)
        assert page.evaluate(_DOM_CHECK) == []
        text = results.inner_text()
        assert title in text, (term, text[:500])
        assert not _literal_only(text)
