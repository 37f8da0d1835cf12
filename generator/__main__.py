"""Run the generator's stages without MkDocs and print what they found.

    python -m generator [--seeds-dir DIR] [--json FILE] [--quiet] [any setting as --name VALUE]
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from pathlib import Path

from generator import digest as digest_mod
from generator import build
from generator.mkdocs.progress import make_progress
from generator.resources import load_resources
from generator.settings import Settings, add_cli_options


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Read seed pages, split them into articles, locate regions, extract figures, "
                    "and print a summary (files, articles, regions, figures, warnings). "
                    "The site itself is built by `mkdocs build`, which runs the same stages.")
    parser.add_argument("--json", type=Path, help="also write the digest (data contract) to this file")
    parser.add_argument("--quiet", action="store_true", help="only the summary line")
    add_cli_options(parser)
    args = parser.parse_args(argv)
    options = vars(args)
    if options["workers"] is None:
        options["workers"] = 1  # one page or a few: worker processes cost more than they save

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    log = logging.getLogger("generator")
    settings = Settings.from_options(options, Path.cwd())
    if not settings.seeds_dir.is_dir():
        print(f"error: {settings.seeds_dir} is not a folder; pass --seeds-dir DIR with the page texts",
              file=sys.stderr)
        return 2
    resources = load_resources(settings)
    update, close = make_progress(log)
    try:
        digest = build.read_digest(settings, resources, progress=update)
    finally:
        close()

    if not args.quiet:
        for source in digest.sources:
            count = sum(1 for a in digest.articles if a.source == source.file)
            print(f"{source.file}: {source.status.value}, {source.encoding or '-'}, {count} articles")
        regions = Counter(a.region.name for a in digest.articles)
        for article in digest.articles:
            figures = sum(1 for f in digest.figures if f.article == article.id)
            print(f"  [{article.region.name}] {article.title} ({article.year or '?'}; "
                  f"{len(article.paragraphs)} paragraphs, {figures} figures)")
        print("regions: " + ", ".join(f"{name} ({n})" for name, n in sorted(regions.items())))
        for warning in digest.warnings:
            print(f"warning: {warning}")
    print(f"{len(digest.sources)} files, {len(digest.articles)} articles, {len(digest.regions)} regions, "
          f"{len(digest.figures)} figures, {len(digest.warnings)} warnings")
    if args.json:
        args.json.write_bytes(digest_mod.contract_json(digest_mod.to_contract(digest)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
