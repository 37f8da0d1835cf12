"""Make generator/data/gazetteer.tsv from JioNLP's china_location dictionary.

JioNLP (Apache-2.0) keeps a national dictionary of administrative units with their codes
and the short names people write (蒸湘 for 蒸湘区), updated as units are renamed or merged.
Only its province, city and county levels are kept (towns and villages are left out), and
its parsing rules are followed: a unit line without code and alias is skipped.

    git clone https://github.com/dongrixinyu/JioNLP /tmp/jionlp
    .venv/bin/python scripts/make_gazetteer.py /tmp/jionlp          # at HEAD, or --rev COMMIT
    .venv/bin/python scripts/make_gazetteer.py china_location.txt --version "jionlp 1.5.31"

    .venv/bin/python scripts/make_gazetteer.py --tables      # only the tables, from gazetteer.tsv

It then compiles the data file into generator/data/gazetteer_tables.json (pinyin slugs with
pypinyin, common-word aliases with jieba's dictionary: lexicon/gazetteer_tables.py), which is
all a build reads; run it with --tables alone after upgrading jieba or pypinyin or changing
how lexicon/gazetteer.py builds its tables (tests/test_gazetteer_tables.py says when).
The build never reads JioNLP itself.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from source_files import read_source

from generator.lexicon.gazetteer import Gazetteer
from generator.lexicon.gazetteer_data import DATA_FILE, format_rows, tree_rows
from generator.lexicon.gazetteer_tables import TABLES_FILE, format_tables

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
    parser.add_argument("source", type=Path, nargs="?",
                        help="a JioNLP git repository, or china_location.txt / .zip (not with --tables)")
    parser.add_argument("--rev", default="HEAD", help="commit to read in a repository (default HEAD)")
    parser.add_argument("--version", default="", help="version of a plain source file (required for one)")
    parser.add_argument("--out", type=Path, default=DATA_FILE)
    parser.add_argument("--tables", action="store_true", help="only compile the tables from the data file --out")
    parser.add_argument("--tables-out", type=Path, default=TABLES_FILE)
    args = parser.parse_args()
    if args.tables == (args.source is not None):
        parser.error("give a source, or --tables alone")
    if args.source is not None:
        write_data_file(args)
    args.tables_out.write_text(format_tables(Gazetteer.compile(args.out).to_json(), args.out), encoding="utf-8")
    print(f"{args.tables_out}: tables of {args.out.name}")


def write_data_file(args: argparse.Namespace) -> None:
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
