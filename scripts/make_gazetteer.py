"""Make generator/data/gazetteer.tsv from JioNLP's china_location dictionary.

JioNLP (Apache-2.0) keeps a national dictionary of administrative units with their codes
and the short names people write (蒸湘 for 蒸湘区), updated as units are renamed or merged.
Only its province, city and county levels are kept (towns and villages are left out), and
its parsing rules are followed: a unit line without code and alias is skipped.

    git clone https://github.com/dongrixinyu/JioNLP /tmp/jionlp
    .venv/bin/python scripts/make_gazetteer.py /tmp/jionlp          # at HEAD, or --rev COMMIT
    .venv/bin/python scripts/make_gazetteer.py china_location.txt --version "jionlp 1.5.31"

The build reads only the data file (generator/gazetteer_data.py), never JioNLP itself.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from source_files import read_source

from generator.lexicon.gazetteer_data import DATA_FILE, format_rows, tree_rows

UPSTREAM = "https://github.com/dongrixinyu/JioNLP"
MEMBER = "jionlp/dictionary/china_location.zip"
LICENCE = "Apache-2.0 (copy: generator/data/LICENSE-Apache-2.0.txt)"


def parse_china_location(text: str) -> dict:
    """JioNLP's indented text (province, \\tcity, \\t\\tcounty, deeper levels ignored) as a
    province -> city -> county dict, as jionlp's own china_location_loader builds it."""
    tree: dict = {}
    province = city = None
    for line in text.splitlines():
        if line.startswith("\t\t\t"):
            continue  # towns and villages
        fields = line.strip().split("\t")
        if len(fields) != 3:
            continue
        name, code, alias = fields
        node = {"_full_name": name, "_admin_code": code, "_alias": alias.split("/") if alias else []}
        if not line.startswith("\t"):
            province = name
            tree[province] = node
        elif line.startswith("\t\t"):
            tree[province][city][name] = node
        else:
            city = name
            tree[province][city] = node
    return tree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="a JioNLP git repository, or china_location.txt / .zip")
    parser.add_argument("--rev", default="HEAD", help="commit to read in a repository (default HEAD)")
    parser.add_argument("--version", default="", help="version of a plain source file (required for one)")
    parser.add_argument("--out", type=Path, default=DATA_FILE)
    args = parser.parse_args()

    source = read_source(args.source, MEMBER, args.rev, args.version)
    rows = list(tree_rows(parse_china_location(source.text)))
    header = [
        "National gazetteer: province, city and county units (read by generator/gazetteer_data.py).",
        "Made by scripts/make_gazetteer.py; do not edit by hand.",
        f"Source: JioNLP china_location dictionary, {UPSTREAM} {source.member or ''}".rstrip(),
        f"Version: {source.version}",
        f"Source sha256: {source.sha256}",
        f"Licence: {LICENCE}. Changed: towns and villages left out, reformatted as columns.",
    ]
    args.out.write_text(format_rows(rows, header), encoding="utf-8")
    print(f"{args.out}: {len(rows)} units")


if __name__ == "__main__":
    main()
