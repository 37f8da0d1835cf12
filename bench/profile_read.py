"""CPU cost of the per-file stages (build.process_source), in one process.

    .venv/bin/python bench/profile_read.py DIR [DIR ...] [--profile out.prof] [--top 25] [--digest]

Loads the resources once and warms them on the first file (not timed), then runs
process_source over every readable file of the folders and prints CPU seconds (process
time) per 1,000 articles. --digest prints a sha256 of the results' repr: two checkouts
giving the same hash read the files the same way.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import pstats
import sys
import time
from pathlib import Path

# The checkout to measure: the current directory when it holds one (before/after runs of two
# checkouts with the same script), else this script's own.
ROOT = Path.cwd() if (Path.cwd() / "generator").is_dir() else Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import build  # noqa: E402
from generator.read.decode import read_sources  # noqa: E402
from generator.resources import load_resources  # noqa: E402
from generator.settings import Settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--digest", action="store_true")
    args = parser.parse_args()
    settings = Settings()
    sources = [s for d in args.dirs for s in read_sources(d, settings) if s.status in build.READABLE]
    resources = load_resources(settings)
    build.process_source(sources[0], resources)  # load and warm every resource
    profiler = cProfile.Profile() if args.profile else None
    start = time.process_time()
    if profiler:
        profiler.enable()
    results = [build.process_source(s, resources) for s in sources]
    if profiler:
        profiler.disable()
    cpu = time.process_time() - start
    articles = sum(len(r.articles) for r in results)
    print(f"{len(sources)} files, {articles} articles, {cpu:.2f} s CPU, {1000 * cpu / articles:.1f} s per 1,000 articles")
    if args.digest:
        h = hashlib.sha256()
        for s, r in zip(sources, results):
            h.update(s.file.encode() + repr(r).encode())
        print("results sha256", h.hexdigest())
    if profiler:
        profiler.dump_stats(args.profile)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
