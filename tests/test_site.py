"""The built site: strict build, contract, pages, nothing loaded from another host."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema

from helpers import ROOT

SCHEMA = json.loads((ROOT / "generator" / "schema" / "digest.schema.json").read_text("utf-8"))


def test_digest_validates_against_schema(seeds_digest):
    jsonschema.validate(seeds_digest, SCHEMA)


def test_every_seed_is_listed_and_read(seeds_digest):
    files = sorted(p.name for p in (ROOT / "seeds").iterdir() if p.suffix == ".txt")
    assert sorted(s["file"] for s in seeds_digest["sources"]) == files
    assert all(s["articles"] for s in seeds_digest["sources"])


def test_one_page_per_region_and_article(seeds_site, seeds_digest):
    for region in seeds_digest["regions"]:
        assert (seeds_site / region["url"] / "index.html").is_file(), region["url"]
    for article in seeds_digest["articles"]:
        page = (seeds_site / article["url"] / "index.html").read_text("utf-8")
        assert 'id="p-1"' in page
        assert f'id="p-{len(article["paragraphs"])}"' in page
    for url in ("compare", "search", "regions"):
        assert (seeds_site / url / "index.html").is_file()


def test_csv_download_has_bom(seeds_site):
    raw = (seeds_site / "data" / "figures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")


def test_home_shows_regions_and_build_date_from_data(seeds_site, seeds_digest):
    home = (seeds_site / "index.html").read_text("utf-8")
    assert seeds_digest["build_date"] == "2025-11-25"  # SOURCE_DATE_EPOCH set by the fixture
    assert "2025-11-25" in home
    for region in seeds_digest["regions"]:
        assert region["name"] in home


def test_html_is_chinese(seeds_site):
    assert '<html lang="zh"' in (seeds_site / "index.html").read_text("utf-8")


class _Resources(HTMLParser):
    """Collects every URL the browser would fetch by itself (not plain links)."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.urls.append(attrs["href"])
        if attrs.get("srcset"):
            self.urls.append(attrs["srcset"])
        for value in (attrs.get("style") or "",):
            self.urls += re.findall(r"url\(([^)]*)\)", value)


EXTERNAL = re.compile(r"^\s*['\"]?(https?:)?//")


def test_nothing_loads_from_another_host(seeds_site):
    offenders = []
    for path in seeds_site.rglob("*.html"):
        parser = _Resources()
        parser.feed(path.read_text("utf-8"))
        offenders += [(str(path.relative_to(seeds_site)), u) for u in parser.urls if EXTERNAL.match(u)]
    for path in seeds_site.rglob("*.css"):
        for url in re.findall(r"url\(([^)]*)\)", path.read_text("utf-8", errors="replace")):
            if EXTERNAL.match(url):
                offenders.append((str(path.relative_to(seeds_site)), url))
        for url in re.findall(r"@import\s+['\"]([^'\"]+)", path.read_text("utf-8", errors="replace")):
            if EXTERNAL.match(url):
                offenders.append((str(path.relative_to(seeds_site)), url))
    assert not offenders, offenders[:10]


def test_no_generated_page_is_committed():
    for folder in ("regions", "articles"):
        assert not (ROOT / "docs_src" / folder).exists()


def test_sources_page_lists_every_file_with_its_status(seeds_site, seeds_digest):
    page = (seeds_site / "sources" / "index.html").read_text("utf-8")
    for source in seeds_digest["sources"]:
        assert source["file"] in page
    assert page.count("正常") >= sum(s["status"] == "ok" for s in seeds_digest["sources"])


def test_chart_of_a_mixed_period_row_says_the_periods_differ(seeds_site, seeds_digest):
    """Its title names no period as if one; each bar's label carries its own."""
    import re
    html = (seeds_site / "compare" / "index.html").read_text("utf-8")
    mixed = set(re.findall(r'<tr data-row="([^"]+)" class="digest-compare__mixed"', html))
    assert mixed, "the seeds have a row of mixed periods"
    for key, svg in re.findall(r'<figure class="digest-chart-figure" data-row="([^"]+)">(.*?)</figure>', html):
        title = re.search(r"<title id=[^>]*>([^<]*)</title>", svg).group(1)
        values = re.findall(r'class="digest-chart__value">([^<]*)</text>', svg)
        if key.replace("&amp;", "&") in {m.replace("&amp;", "&") for m in mixed}:
            assert "时期不一" in title and "、" not in title, title
            assert all(re.search(r" · .*年", v) for v in values), values
        else:
            assert "年" in title and not any(" · " in v for v in values), (title, values)


def test_each_indicator_page_links_a_csv_of_its_own_rows(seeds_site, seeds_digest):
    """Every region's figure of the indicator, with its period and source (figures.csv's columns)."""
    import csv
    import io
    import re
    from generator import digest as digest_mod
    pages = sorted((seeds_site / "compare").glob("*/index.html"))
    assert pages
    figures = {f["id"]: f for f in seeds_digest["figures"]}
    for page in pages:
        html = page.read_text("utf-8")
        (href,) = re.findall(r'class="digest-metric-csv" href="([^"]+)"', html)
        rows = list(csv.reader(io.StringIO((page.parent / href).resolve().read_bytes().decode("utf-8-sig"))))
        assert rows[0] == digest_mod.CSV_COLUMNS
        history = html.split('id="history"', 1)[1]
        assert len(rows) - 1 == history.count("<tr>") - 1  # minus the header row
        for row in rows[1:]:
            record = dict(zip(rows[0], row))
            assert figures[record["id"]]["region"] == record["region"] and record["url"] and record["quote"]
            assert record["region"] in history
