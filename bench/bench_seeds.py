"""The common case: `mkdocs build` of the seed pages, against a plain Material site of the same pages.

Runs, interleaved and repeated (median of --runs, default 5):
  ours cold   the project's site from seeds/ with an empty cache folder
  ours warm   the same build again, cache and page memo warm, nothing changed
  Material    a stock Material site (search plugin, lang zh: jieba segments) whose pages
              are the seeds' texts as Markdown, one page per seed file

    .venv/bin/python bench/bench_seeds.py [--runs 5] [--out bench/out/seeds]

Each build is a fresh `python -m mkdocs build -q` process (imports included), after `sync`.
Target (issue 16): ours <= 1.5 x Material, cold and warm. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT / "tests"), str(ROOT)]

from bench_build import EPOCH, REFERENCE_YML, measure  # noqa: E402
from helpers import write_config  # noqa: E402

from generator.decode import read_sources  # noqa: E402
from generator.settings import Settings  # noqa: E402


def write_reference(folder: Path) -> Path:
    """The seeds' texts as the Markdown pages of a stock Material site."""
    if folder.exists():
        shutil.rmtree(folder)
    docs = folder / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# 参考站点\n", "utf-8")
    for n, source in enumerate(read_sources(ROOT / "seeds", Settings())):
        paragraphs = [line.strip() for line in (source.text or "").splitlines() if line.strip()]
        (docs / f"{n:02d}.md").write_text(f"# {source.file}\n\n" + "\n\n".join(paragraphs) + "\n", "utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(REFERENCE_YML, "utf-8")
    return config


def build(config: Path, site: Path) -> float:
    os.sync()  # a build must not pay for the previous one's disk write-back
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    return measure(cmd, config.parent, {"SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"})["seconds"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "seeds")
    args = parser.parse_args(argv)
    work = args.out
    work.mkdir(parents=True, exist_ok=True)
    ours = write_config(work, ROOT / "seeds")
    reference = write_reference(work / "reference")
    times: dict[str, list[float]] = {"ours cold": [], "ours warm": [], "Material": []}
    for run in range(args.runs):
        shutil.rmtree(work / "cache", ignore_errors=True)
        times["ours cold"].append(build(ours, work / "site"))
        times["Material"].append(build(reference, work / "reference" / "site"))
        times["ours warm"].append(build(ours, work / "site"))
        print(f"run {run + 1}: " + ", ".join(f"{k} {v[-1]:.2f} s" for k, v in times.items()), flush=True)
    median = {k: statistics.median(v) for k, v in times.items()}
    print("median: " + ", ".join(f"{k} {v:.2f} s" for k, v in median.items()))
    for kind in ("ours cold", "ours warm"):
        print(f"{kind} / Material: {median[kind] / median['Material']:.2f} (target <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
