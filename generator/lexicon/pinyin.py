"""Pinyin of place names, for the search index's keys: 蒸湘区 -> ("zhengxiangqu", "zxq").

pypinyin reads its phrase tables when imported (~0.25 s, in every build that writes the
search index). The gazetteer's compiled tables (gazetteer_tables.py) carry the spelling of
every unit's name and short name, made with the same calls by scripts/make_gazetteer.py, so a
build spells known units without importing pypinyin; other names are spelled here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.lexicon.text import split_region_suffix


def spell(name: str) -> tuple[str, str]:
    """(pinyin, initials) of a name, characters without a reading left out."""
    from pypinyin import Style, lazy_pinyin  # here: known names are spelled from the table

    return ("".join(lazy_pinyin(name, style=Style.NORMAL, errors="ignore")),
            "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")))


def short_name(name: str) -> str:
    """The name without its unit suffix when two characters or more remain: 蒸湘区 -> 蒸湘."""
    return split_region_suffix(name, min_stem=2)[0]


def spelling_table(names: Iterable[str]) -> dict[str, list[str]]:
    """name -> [pinyin, initials] for each name and its short name, in name order (the
    gazetteer tables' "pinyin" table)."""
    every = {n for name in names for n in (name, short_name(name)) if n}
    return {n: list(spell(n)) for n in sorted(every)}


@dataclass(frozen=True)
class Spelling:
    """spell(), with the names of `table` (spelling_table's) looked up instead of computed."""

    table: Mapping[str, Sequence[str]]

    def __call__(self, name: str) -> tuple[str, str]:
        known = self.table.get(name)
        return (known[0], known[1]) if known is not None else spell(name)
