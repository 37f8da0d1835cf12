"""Build benchmark: synthetic corpora of 100 / 1,000 / 10,000 articles built with mkdocs.

For each size it prints: full build seconds (fresh cache), peak memory of the largest
build process, pages written, search index size (raw and gzip), bytes the search page
downloads for its first query, in-browser query latency p50/p95, warm rebuild time after
changing one seed (as % of the full build), and the build time of a plain Material site
(Material's own search plugin, jieba segmentation, lang zh) with the same text.

    .venv/bin/python bench/bench_build.py [--sizes 100,1000,10000] [--out bench/out] [--no-browser]

Targets (issue 7): 1,000 articles <= 60 s, linear growth, warm rebuild <= 20 % of a full
build, first query <= 100 KB gzip at 10,000 articles. This script measures and prints; it
asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT / "tests"), str(ROOT)]

import procmem  # noqa: E402
import synth  # noqa: E402
from helpers import CHROMIUM, CHROMIUM_ARGS, serve, write_config  # noqa: E402

EPOCH = "1764028800"
SEARCH_DIRS = ("assets/search/", "search/")  # engineer C's index lives in assets/search/
QUERIES = ["老旧小区", "乡村振兴", "地区生产总值", "党建引领", "高新技术企业", "物业", "民生实事", "营商环境",
           "产业园", "网格", "公园", "就业", "文旅", "一般公共预算收入", "科技创新", "养老", "农村公路",
           "招商引资", "生态", "社区"]


# --------------------------------------------------------------------------- measuring

def _child(cmd_json: str) -> None:
    """Run one command as our child and report its wall time, CPU time, peak RSS of its largest
    process (RUSAGE_CHILDREN) and peak PSS of the whole process tree (sampled every 0.25 s)."""
    cmd, cwd, env = json.loads(cmd_json)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, **env}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    peak_pss, peak_parts, peak_at = 0, [], 0.0
    outputs: list[str] = []
    reader = threading.Thread(target=lambda: outputs.extend(proc.communicate()))
    reader.start()
    while reader.is_alive():
        parts = procmem.tree_pss_by_process(proc.pid)
        if sum(parts.values()) > peak_pss:  # who held what at the peak: the build first, then its children
            peak_pss, peak_parts, peak_at = sum(parts.values()), list(parts.values()), time.perf_counter() - started
        reader.join(0.25)
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    out, err = outputs
    print(json.dumps({"seconds": seconds, "cpu_s": usage.ru_utime + usage.ru_stime,
                      "maxrss_mb": usage.ru_maxrss / 1024, "tree_pss_mb": peak_pss / 1024, "rc": proc.returncode,
                      "tree_peak_s": peak_at, "tree_parts_mb": [kb / 1024 for kb in peak_parts],
                      "out": out[-3000:], "err": err[-3000:], "load": os.getloadavg()[0]}))


def measure(cmd: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Time `cmd` in a fresh wrapper process, so peak memory is this build's alone.

    ru_maxrss of RUSAGE_CHILDREN is the largest single process among the build and its
    (waited-for) worker processes, not their sum.
    """
    wrapper = [sys.executable, __file__, "--_child", json.dumps([cmd, str(cwd), env or {}])]
    proc = subprocess.run(wrapper, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"measuring {cmd} failed:\n{proc.stderr}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    if result["rc"] != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({result['rc']}):\n{result['out']}\n{result['err']}")
    return result


def mkdocs_build(config: Path, site: Path) -> dict:
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    # Flush what earlier steps wrote first: a build must not pay for the previous one's
    # disk write-back (on this VM that alone moved a build by up to 10 s).
    os.sync()
    return measure(cmd, config.parent, {"SOURCE_DATE_EPOCH": EPOCH})


def search_files(site: Path) -> dict[str, int]:
    """Files of the search index as built (site-relative path -> bytes), pages excluded."""
    found = {}
    for prefix in SEARCH_DIRS:
        folder = site / prefix
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and path.suffix != ".html":
                    found[path.relative_to(site).as_posix()] = path.stat().st_size
    return found


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


# --------------------------------------------------------------------------- browser

LATENCY_JS = """async ([q, debounce]) => {
  const input = document.getElementById('search-query');
  const box = document.getElementById('search-results');
  box.setAttribute('data-state', 'bench');
  const t0 = performance.now();
  const done = new Promise(resolve => {
    const obs = new MutationObserver(() => {
      if (box.getAttribute('data-state') === 'done' || box.getAttribute('data-state') === 'error') {
        obs.disconnect(); resolve(performance.now());
      }
    });
    obs.observe(box, {attributes: true, attributeFilter: ['data-state']});
  });
  input.value = q;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  const t1 = await done;
  return {ms: t1 - t0 - debounce, hits: box.querySelectorAll('li').length};
}"""


def browser_figures(site: Path, index_files: dict[str, int]) -> dict:
    """First-query download and query latency, measured in headless Chromium."""
    from playwright.sync_api import sync_playwright

    debounce = _debounce_ms()
    out: dict = {}
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context()
        page = context.new_page()
        responses = []
        page.on("response", lambda r: responses.append(r))
        started = time.perf_counter()
        page.goto(base + "search/?q=" + quote(QUERIES[0]))
        page.wait_for_function("() => ['done', 'error'].includes("
                               "document.getElementById('search-results').getAttribute('data-state'))",
                               timeout=600_000)
        out["first_result_s"] = time.perf_counter() - started
        out["state"] = page.get_attribute("#search-results", "data-state")
        fetched_index, fetched_all = {}, 0
        for r in responses:
            try:
                body = r.body()
            except Exception:  # redirects and aborted requests have no body
                continue
            fetched_all += len(body)
            path = urlsplit(r.url).path[len(urlsplit(base).path):]
            if path in index_files:
                fetched_index[path] = len(body)
        out["fetched_index"] = fetched_index
        out["first_query_raw"] = sum(fetched_index.values())
        out["first_query_gzip"] = sum(gzip_size(site / p) for p in fetched_index)
        out["first_query_requests"] = len(fetched_index)
        out["page_load_all_raw"] = fetched_all
        latencies, hits = [], []
        for q in QUERIES * 2:  # warm engine: only the query itself
            r = page.evaluate(LATENCY_JS, [q, debounce])
            latencies.append(max(r["ms"], 0.0))
            hits.append(r["hits"])
        out["p50_ms"] = statistics.median(latencies)
        out["p95_ms"] = statistics.quantiles(latencies, n=20)[-1]
        out["queries_with_hits"] = sum(1 for h in hits if h)
        context.close()
        browser.close()
    return out


def _debounce_ms() -> float:
    import re

    js = ROOT / "generator" / "search" / "web" / "search.js"
    m = re.search(r"DEBOUNCE_MS\s*=\s*(\d+)", js.read_text("utf-8")) if js.is_file() else None
    return float(m.group(1)) if m else 0.0


# --------------------------------------------------------------------------- reference

REFERENCE_YML = """site_name: reference
docs_dir: docs
use_directory_urls: true
theme:
  name: material
  language: zh
  font: false
plugins:
  - search:
      lang: zh
      separator: '[\\s\\u200b\\-]'
"""


def write_reference(pages: list[synth.SynthPage], folder: Path) -> Path:
    """The same articles as plain Markdown pages of a stock Material site (jieba via its search plugin)."""
    if folder.exists():
        shutil.rmtree(folder)
    docs = folder / "docs"
    (docs / "a").mkdir(parents=True)
    (docs / "index.md").write_text("# 参考站点\n", "utf-8")
    n = 0
    for page in pages:
        for article in page.articles:
            lines = [f"# {article.title}", "", f"——{article.subtitle}", "", article.byline, ""]
            for heading, paragraphs in article.sections:
                if heading:
                    lines += [f"## {heading}", ""]
                for paragraph in paragraphs:
                    lines += [paragraph, ""]
            (docs / "a" / f"{n:05d}.md").write_text("\n".join(lines), "utf-8")
            n += 1
    config = folder / "mkdocs.yml"
    config.write_text(REFERENCE_YML, "utf-8")
    return config


# --------------------------------------------------------------------------- one size

def touch_one_seed(seeds: Path) -> str:
    """Edit one page's text the way a correction would: a sentence added to its longest
    paragraph, so an article, its region page and the search index really change (the
    cache is keyed by content, not mtime)."""
    path = sorted(seeds.glob("*.txt"))[len(list(seeds.glob("*.txt"))) // 2]
    raw = path.read_bytes()
    try:
        text, enc = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, enc = raw.decode("gb18030"), "gb18030"
    longest = max(text.splitlines(), key=len)
    path.write_bytes(text.replace(longest, longest + "全年新增就业岗位1234个。", 1).encode(enc))
    return path.name


def run_size(n: int, out: Path, with_browser: bool, with_reference: bool, warm_repeats: int = 3) -> dict:
    work = out / f"n{n}"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    seeds = work / "seeds"
    pages = synth.synthesize(n, seeds)
    config = write_config(work, seeds)  # cache in work/cache: fresh
    site = work / "site"
    row: dict = {"articles": n, "files": len(pages),
                 "corpus_mb": sum(p.stat().st_size for p in seeds.iterdir()) / 1e6}
    print(f"[{n}] corpus: {len(pages)} files, {row['corpus_mb']:.1f} MB; full build ...", flush=True)

    full = mkdocs_build(config, site)
    row["build_s"], row["peak_mb"] = full["seconds"], full["maxrss_mb"]
    row["cpu_s"], row["tree_pss_mb"], row["load"] = full["cpu_s"], full["tree_pss_mb"], full["load"]
    row["tree_peak_s"], row["tree_parts_mb"] = full["tree_peak_s"], full["tree_parts_mb"]
    row["pages"] = sum(1 for _ in site.rglob("index.html"))
    digest = json.loads((site / "data" / "digest.json").read_text("utf-8"))
    row["built_articles"] = len(digest["articles"])
    row["regions"] = len(digest["regions"])
    index = search_files(site)
    # index: entry, vocabulary, postings, trad map; text: the section text shards (t/)
    data_files = {p: s for p, s in index.items() if p.endswith(".json") and not p.startswith("assets/search/t/")}
    text_files = {p: s for p, s in index.items() if p.startswith("assets/search/t/")}
    row["index_files"] = len(index)
    row["index_raw"] = sum(data_files.values())
    row["index_gzip"] = sum(gzip_size(site / p) for p in data_files)
    row["text_raw"] = sum(text_files.values())
    print(f"[{n}] built in {row['build_s']:.1f} s; warm rebuild ...", flush=True)

    # Each warm run follows a fresh one-seed edit; the median of the runs is reported
    # (file writing on this VM varies by seconds from run to run). Each rebuilds into the
    # same site folder, as a maintainer's `mkdocs build` does: the previous site's files
    # are replaced, and removing them (sitetrash.py) is part of the measured rebuild.
    warm_runs, warm_cpu = [], []
    for _ in range(warm_repeats):
        changed = touch_one_seed(seeds)
        warm = mkdocs_build(config, site)
        warm_runs.append(warm["seconds"])
        warm_cpu.append(warm["cpu_s"])
    row["warm_runs_s"] = warm_runs
    row["warm_s"] = statistics.median(warm_runs)
    row["warm_pct"] = 100 * row["warm_s"] / full["seconds"]
    row["warm_cpu_pct"] = 100 * statistics.median(warm_cpu) / full["cpu_s"]
    row["changed"] = changed

    if with_browser:
        print(f"[{n}] browser ...", flush=True)
        row.update(browser_figures(site, search_files(site)))  # the site as last rebuilt
    if with_reference:
        print(f"[{n}] reference Material build ...", flush=True)
        ref_config = write_reference(pages, work / "reference")
        ref = measure([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ref_config), "-d",
                       str(work / "reference" / "site")], ref_config.parent, {"SOURCE_DATE_EPOCH": EPOCH})
        row["ref_s"] = ref["seconds"]
        row["ref_peak_mb"] = ref["maxrss_mb"]
        ref_index = work / "reference" / "site" / "search" / "search_index.json"
        row["ref_index_raw"] = ref_index.stat().st_size if ref_index.is_file() else 0
        row["ref_index_gzip"] = gzip_size(ref_index) if ref_index.is_file() else 0
    return row


# --------------------------------------------------------------------------- report

def _kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB" if n < 10 * 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MB"


def report(rows: list[dict]) -> str:
    cols = [
        ("articles", lambda r: f"{r['articles']:,}"),
        ("files", lambda r: f"{r['files']:,}"),
        ("build s", lambda r: f"{r['build_s']:.1f}"),
        ("s/1k art", lambda r: f"{1000 * r['build_s'] / r['articles']:.1f}"),
        ("cpu s", lambda r: f"{r['cpu_s']:.0f}"),
        ("load", lambda r: f"{r['load']:.1f}"),
        ("peak MB", lambda r: f"{r['peak_mb']:.0f}"),
        ("tree MB", lambda r: f"{r['tree_pss_mb']:.0f}"),
        ("pages", lambda r: f"{r['pages']:,}"),
        ("index raw", lambda r: _kb(r["index_raw"])),
        ("index gz", lambda r: _kb(r["index_gzip"])),
        ("1st query raw", lambda r: _kb(r["first_query_raw"]) if "first_query_raw" in r else "-"),
        ("1st query gz", lambda r: _kb(r["first_query_gzip"]) if "first_query_gzip" in r else "-"),
        ("1st query req", lambda r: str(r["first_query_requests"]) if "first_query_requests" in r else "-"),
        ("1st result s", lambda r: f"{r['first_result_s']:.1f}" if "first_result_s" in r else "-"),
        ("q p50 ms", lambda r: f"{r['p50_ms']:.0f}" if "p50_ms" in r else "-"),
        ("q p95 ms", lambda r: f"{r['p95_ms']:.0f}" if "p95_ms" in r else "-"),
        ("warm s", lambda r: f"{r['warm_s']:.1f}"),
        ("warm %", lambda r: f"{r['warm_pct']:.0f}%"),
        ("warm cpu %", lambda r: f"{r['warm_cpu_pct']:.0f}%"),
        ("Material s", lambda r: f"{r['ref_s']:.1f}" if "ref_s" in r else "-"),
        ("ours/Material", lambda r: f"{r['build_s'] / r['ref_s']:.2f}" if r.get("ref_s") else "-"),
    ]
    table = [[name for name, _ in cols]] + [[f(r) for _, f in cols] for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(cols))]
    lines = ["  ".join(cell.rjust(w) for cell, w in zip(row, widths)) for row in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    notes = ["", "build s: `mkdocs build` with a fresh cache; cpu s: its CPU time, all processes; load: 1-min load",
             "average at its end; peak MB: largest single process (RUSAGE_CHILDREN maxrss, a forked child's",
             "shared pages included); tree MB: peak PSS of the build and all its processes together;",
             "index: assets/search/**/*.json but the text shards t/ (gzip -6); 1st query: search files the search page",
             "fetched for one query (gzip -6 each) and how many requests;",
             "q p50/p95: in-page query after the engine is loaded (debounce subtracted);",
             "warm: rebuild into the same site folder after one seed changed, median of --warm-runs runs (each after a new edit);",
             "warm cpu %: its CPU time as % of the full build's (steadier than wall time on a loaded machine);",
             "Material: stock Material + search plugin (lang zh, jieba) over the same articles as Markdown."]
    targets = ["", "Targets: 1,000 articles <= 60 s; linear growth; warm <= 20 %; first query <= 100 KB gzip at 10,000."]
    for r in rows:
        checks = []
        if r["articles"] == 1000:
            checks.append(f"1,000 articles in {r['build_s']:.1f} s ({'ok' if r['build_s'] <= 60 else 'OVER'})")
        checks.append(f"warm {r['warm_pct']:.0f}% ({'ok' if r['warm_pct'] <= 20 else 'OVER'})")
        if r["articles"] >= 10000 and "first_query_gzip" in r:
            checks.append(f"first query {_kb(r['first_query_gzip'])} gzip "
                          f"({'ok' if r['first_query_gzip'] <= 100 * 1024 else 'OVER'})")
        if r["built_articles"] != r["articles"]:
            checks.append(f"site has {r['built_articles']} articles for {r['articles']} synthesised")
        targets.append(f"  {r['articles']:>6,}: " + "; ".join(checks))
        parts = r.get("tree_parts_mb") or [0]
        targets.append(f"          tree MB at its peak, {r.get('tree_peak_s', 0):.0f} s into the build: build "
                       f"{parts[0]:.0f} + children {', '.join(f'{mb:.0f}' for mb in parts[1:]) or 'none'}")
    if len(rows) > 1:
        base = rows[0]
        growth = [f"{r['articles'] // base['articles']}x articles -> {r['build_s'] / base['build_s']:.1f}x time"
                  for r in rows[1:]]
        targets.append("  growth: " + ", ".join(growth))
    return "\n".join(lines + notes + targets)


def main(argv: list[str] | None = None) -> int:
    if argv is None and len(sys.argv) > 2 and sys.argv[1] == "--_child":
        _child(sys.argv[2])
        return 0
    parser = argparse.ArgumentParser(description="Build synthetic corpora and print build/search figures.")
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated article counts")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="work folder (default bench/out)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurements")
    parser.add_argument("--no-reference", action="store_true", help="skip the plain Material build")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--warm-runs", type=int, default=3, help="warm rebuilds per size, each after a new "
                        "one-seed edit; the median is reported (default 3)")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    with_browser = not args.no_browser and Path(CHROMIUM).exists()
    if not args.no_browser and not with_browser:
        print(f"{CHROMIUM} missing: browser figures skipped (make chromium)", file=sys.stderr)
    rows = []
    for n in sizes:
        rows.append(run_size(n, args.out, with_browser, not args.no_reference, max(1, args.warm_runs)))
        print(report(rows), flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), "utf-8")
    print("\n" + "=" * 40 + " results " + "=" * 40)
    print(report(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
