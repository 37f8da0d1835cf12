"""Make generator/data/trad_simp.tsv from OpenCC's traditional -> simplified character table.

OpenCC (Apache-2.0) is the maintained reference for Chinese script conversion; its
data/dictionary/TSCharacters.txt lists each traditional character with its simplified
candidates, in OpenCC's order (several when the choice depends on the word: 餘 -> 余 馀).
The rows are copied as they are; search.terms.trad_map decides which pairs a site ships.

    git clone https://github.com/BYVoid/OpenCC /tmp/opencc
    .venv/bin/python scripts/make_trad_table.py /tmp/opencc          # at HEAD, or --rev COMMIT
    .venv/bin/python scripts/make_trad_table.py TSCharacters.txt --version "OpenCC 1.4.1"
"""

from __future__ import annotations

import argparse
from pathlib import Path

from source_files import read_source

UPSTREAM = "https://github.com/BYVoid/OpenCC"
MEMBER = "data/dictionary/TSCharacters.txt"
LICENCE = "Apache-2.0 (copy: generator/data/LICENSE-Apache-2.0.txt)"
OUT = Path(__file__).resolve().parent.parent / "generator" / "data" / "trad_simp.tsv"


def rows(text: str) -> list[str]:
    """OpenCC's `key<TAB>value value ...` lines, comments and blank lines left out."""
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        trad, tab, simp = line.partition("\t")
        if not tab or not simp.strip():
            raise SystemExit(f"unexpected line in {MEMBER}: {line!r}")
        out.append(f"{trad}\t{simp.strip()}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="an OpenCC git repository, or TSCharacters.txt")
    parser.add_argument("--rev", default="HEAD", help="commit to read in a repository (default HEAD)")
    parser.add_argument("--version", default="", help="version of a plain source file (required for one)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    source = read_source(args.source, MEMBER, args.rev, args.version)
    table = rows(source.text)
    header = [
        "Traditional -> simplified characters: traditional<TAB>simplified candidates, space-separated.",
        "Made by scripts/make_trad_table.py; do not edit by hand. Read by generator/search/terms.py (trad_map).",
        f"Source: OpenCC, {UPSTREAM} {source.member}".rstrip(),
        f"Version: {source.version}",
        f"Source sha256: {source.sha256}",
        f"Licence: {LICENCE}. Changed: OpenCC's own header and blank lines left out.",
    ]
    args.out.write_text("".join(f"# {h}\n" for h in header) + "\n".join(table) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(table)} characters")


if __name__ == "__main__":
    main()
