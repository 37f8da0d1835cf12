"""The national gazetteer's data file: one row per province, city and county unit.

generator/data/gazetteer.tsv is made by scripts/make_gazetteer.py from a public source
(named with its version and licence in the file's header and in generator/data/README.md).
Rows are tab-separated, in the source's order, a unit's row before its children's:

    code  province  city  county  aliases

A province row leaves city and county empty, a city row leaves county empty (a
municipality's city row repeats the province's name); aliases are separated by "/".
This module reads and writes that format and nothing else: which rows are units, and
how names are matched, is gazetteer.py's business.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from generator.settings import PACKAGE_DIR

DATA_FILE = PACKAGE_DIR / "data" / "gazetteer.tsv"
COLUMNS = ("code", "province", "city", "county", "aliases")
ALIAS_SEPARATOR = "/"


def read_tree(path: Path = DATA_FILE) -> dict:
    """The file as a province -> city -> county dict; each unit's dict holds `_full_name`,
    `_admin_code` and `_alias` (a list) beside its children, in the file's order."""
    tree: dict = {}
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) != len(COLUMNS):
                raise ValueError(f"{path}:{number}: expected {len(COLUMNS)} tab-separated columns "
                                 f"({', '.join(COLUMNS)}); run scripts/make_gazetteer.py again")
            code, province, city, county, aliases = fields
            node = {"_full_name": county or city or province, "_admin_code": code,
                    "_alias": [a for a in aliases.split(ALIAS_SEPARATOR) if a]}
            if not city:
                tree[province] = node
            elif not county:
                tree[province][city] = node
            else:
                tree[province][city][county] = node
    return tree


def tree_rows(tree: dict) -> Iterator[tuple[str, ...]]:
    """The rows of a tree shaped like read_tree's (its `_alias` a string or a list)."""
    def row(node: dict, province: str, city: str = "", county: str = "") -> tuple[str, ...]:
        alias = node.get("_alias") or []
        aliases = [alias] if isinstance(alias, str) else list(alias)
        return (str(node.get("_admin_code", "")), province, city, county, ALIAS_SEPARATOR.join(aliases))

    for province, prov in _children(tree):
        yield row(prov, province)
        for city, city_node in _children(prov):
            yield row(city_node, province, city)
            for county, county_node in _children(city_node):
                yield row(county_node, province, city, county)


def format_rows(rows: Iterable[tuple[str, ...]], header: Iterable[str] = ()) -> str:
    """The file's text: `# ` header lines, the column names, then the rows."""
    rows = list(rows)
    for row in rows:
        if any(ALIAS_SEPARATOR in field or "\t" in field or "\n" in field for field in row[:4]):
            raise ValueError(f"a name or code contains a separator: {row}")
    lines = [f"# {text}" for text in header] + ["# " + "\t".join(COLUMNS)]
    lines += ["\t".join(row) for row in rows]
    return "\n".join(lines) + "\n"


def _children(node: dict) -> Iterator[tuple[str, dict]]:
    return ((name, child) for name, child in node.items() if not name.startswith("_") and isinstance(child, dict))
