"""Search benchmark on the site built from seeds/: index size, load time, latency, precision, recall.

    .venv/bin/python bench/bench_search.py [--site DIR]

Builds the site (unless --site points at a built one), serves it on 127.0.0.1, opens
it in headless Chromium and runs the query table of tests/test_search_browser.py
through the page's own search code (window.digestSearch), timing each query.
Targets: index gzip <= 1.5 x gzip of the raw article text; p95 <= 50 ms; precision
>= 0.95 and recall 1.0 over the table (region sets).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from helpers import CHROMIUM, CHROMIUM_ARGS, build_site, serve, write_config  # noqa: E402
from test_search_browser import QUERIES  # noqa: E402

ROUNDS = 5  # each query is timed this many times; the first (cold) run included
FIRST_QUERIES = ("老旧小区", "乡村振兴", "zhengxiang")  # first query of a fresh page: bytes fetched


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def sizes(site: Path) -> dict:
    """gzip sizes: the index (entry, vocabulary, postings, trad map: every JSON file but the
    text shards), the text shards, the raw article text, lunr.js and search.js with the modules it imports."""
    assets = site / "assets" / "search"
    files = sorted(p for p in assets.rglob("*.json"))
    index = [p for p in files if p.relative_to(assets).parts[0] != "t"]
    text = [p for p in files if p.relative_to(assets).parts[0] == "t"]
    total = lambda paths: (sum(p.stat().st_size for p in paths), sum(gz(p.read_bytes()) for p in paths))  # noqa: E731
    digest = json.loads((site / "data" / "digest.json").read_text(encoding="utf-8"))
    raw = "\n".join(p for a in digest["articles"] for p in a["paragraphs"]).encode("utf-8")
    entry = assets / "index.json"
    return {"index": total(index), "entry": total([entry]), "text": total(text), "raw": (len(raw), gz(raw)),
            "files": {"index": len(index), "text": len(text)},
            "lunr.js": total([assets / "lunr.js"]), "search.js": total(sorted(p for p in assets.glob("*.js") if p.name != "lunr.js"))}


def first_query(site: Path, url: str, page, query: str) -> tuple[int, int]:
    """(gzip bytes, requests) of the search files a fresh results page fetches for query."""
    from urllib.parse import quote, urlsplit

    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(urlsplit(r.url).path[len(urlsplit(url).path):]))
    page.goto(f"{url}search/?q={quote(query)}")
    page.wait_for_selector("#search-results[data-state=done]")
    paths = [p for p in fetched if p.startswith("assets/search/")]
    return sum(gz((site / p).read_bytes()) for p in paths), len(paths)


def run_browser(site: Path) -> tuple[list[float], list[float], list[tuple[str, set, set]], dict]:
    from playwright.sync_api import sync_playwright

    loads, latencies, outcomes, firsts = [], [], [], {}
    with serve(site) as url, sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                                       headless=True)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for query in FIRST_QUERIES:  # a fresh context (empty cache) per query
            fresh = browser.new_context()
            firsts[query] = first_query(site, url, fresh.new_page(), query)
            fresh.close()
        browser.close()
        page = context.new_page()
        for _ in range(3):  # index load, cold each time (fresh page, cache disabled)
            page.route("**/*", lambda route: route.continue_(headers={**route.request.headers,
                                                                        "cache-control": "no-cache"}))
            page.goto(url)
            loads.append(page.evaluate("() => window.digestSearch.engine().then(e => e.loadMs)"))
            page.unroute("**/*")
        for query, expected in QUERIES:
            times = []
            regions: set[str] = set()
            for _ in range(ROUNDS):
                res = page.evaluate("""async q => {
                    await window.digestSearch.engine();
                    const t0 = performance.now();
                    const r = await window.digestSearch.search(q);
                    return {ms: performance.now() - t0, regions: r.hits.map(h => h.region), exact: r.exact};
                }""", query)
                times.append(res["ms"])
                regions = set(res["regions"])
            latencies += times
            outcomes.append((query, expected, regions))
        context.close()
    return loads, latencies, outcomes, firsts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build seeds/ now)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        site = args.site
        if site is None:
            config = write_config(Path(work), ROOT / "seeds")
            site = Path(work) / "site"
            started = time.monotonic()
            build_site(config, site, env={"SOURCE_DATE_EPOCH": "1764028800"})
            print(f"built site from seeds/ in {time.monotonic() - started:.1f} s")
        s = sizes(site)
        loads, latencies, outcomes, firsts = run_browser(site)

    kb = lambda n: f"{n / 1024:.1f} KB"  # noqa: E731
    print(f"index (entry, vocabulary, postings, trad; {s['files']['index']} files) "
          f"raw {kb(s['index'][0]):>9}  gzip {kb(s['index'][1]):>8}")
    print(f"  of which index.json (entry) raw {kb(s['entry'][0])}  gzip {kb(s['entry'][1])}")
    print(f"text shards ({s['files']['text']} files)  raw {kb(s['text'][0]):>9}  gzip {kb(s['text'][1]):>8}")
    print(f"lunr.js / search.js gzip {kb(s['lunr.js'][1])} / {kb(s['search.js'][1])}")
    print(f"raw article text   raw {kb(s['raw'][0]):>9}  gzip {kb(s['raw'][1]):>8}")
    ratio = s["index"][1] / s["raw"][1]
    print(f"index gzip / text gzip = {ratio:.2f} (target <= 1.5); "
          f"with text shards {(s['index'][1] + s['text'][1]) / s['raw'][1]:.2f}")
    for query, (size, requests) in firsts.items():
        print(f"first query {query!r} on a fresh page: {kb(size)} gzip in {requests} requests (search files)")
    print(f"index load in browser: {', '.join(f'{t:.0f}' for t in loads)} ms (median {statistics.median(loads):.0f} ms)")
    latencies.sort()
    p50 = latencies[len(latencies) // 2]
    p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
    print(f"query latency over {len(QUERIES)} queries x {ROUNDS}: p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
          f"max {latencies[-1]:.1f} ms (target p95 <= 50 ms)")
    tp = sum(len(got & exp) for _, exp, got in outcomes)
    returned = sum(len(got) for _, _, got in outcomes)
    relevant = sum(len(exp) for _, exp, _ in outcomes)
    precision = tp / returned if returned else 1.0
    recall = tp / relevant if relevant else 1.0
    print(f"precision {precision:.3f} (target >= 0.95), recall {recall:.3f} (target 1.0) "
          f"over region sets of {len(QUERIES)} queries")
    for query, expected, got in outcomes:
        if got != expected:
            print(f"  MISMATCH {query!r}: extra {sorted(got - expected)} missing {sorted(expected - got)}")


if __name__ == "__main__":
    main()
