"""The places a text names (via the gazetteer): the evidence that tells articles apart."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from generator.read.split.pieces import Head

if TYPE_CHECKING:
    from generator.lexicon.gazetteer import Gazetteer


class Subjects:
    """Which administrative units a text names (via the gazetteer), for telling articles
    apart. Provinces are left out: a Hunan page names 湖南 everywhere. Without a gazetteer
    every text names nothing and only the textual signals are used."""

    GROWING = 64  # texts this long are remembered by their start for a longer text to resume (scan_longer)

    def __init__(self, gazetteer: "Gazetteer | None"):
        self._gaz = gazetteer
        self._cache: dict[str, Counter] = {}
        # first characters -> the last such text scanned and its mentions: segment asks about the
        # current article's body as it grows, a paragraph longer each time
        self._scanned: dict[str, tuple[str, list]] = {}

    def mentions(self, text: str) -> Counter:
        if self._gaz is None:
            return Counter()
        if text not in self._cache:
            found: Counter = Counter()
            for m in self._scan(text):
                if m.weak or len(m.units) != 1 or m.units[0].level == "province":
                    continue
                found[m.units[0].name] += 1
            self._cache[text] = found
        return self._cache[text]

    def _scan(self, text: str) -> list:
        if len(text) < self.GROWING:
            return self._gaz.scan(text)
        key = text[:self.GROWING]
        before = self._scanned.get(key)
        if before is not None and len(text) > len(before[0]) and text.startswith(before[0]):
            found = self._gaz.scan_longer(text, *before)
        else:
            found = self._gaz.scan(text)
        self._scanned[key] = (text, found)
        return found

    def terms(self, text: str) -> set[str]:
        """Units named in a title block, with the city of each county (a county's article
        often names its city too: 中方县 / 怀化市)."""
        names = set(self.mentions(text))
        if self._gaz is not None:
            for name in list(names):
                for r in self._gaz.lookup(name):
                    if r.level == "county" and r.city:
                        names.add(r.city)
        return names

    def affinity(self, text: str, terms: set[str]) -> int:
        found = self.mentions(text)
        return sum(n for name, n in found.items() if name in terms)

    def affinity_within(self, text: str, terms: set[str]) -> int:
        """Like affinity, but a unit inside a named city counts too (龙泉市 for a 丽水市 article)."""
        if self._gaz is None:
            return 0
        total = 0
        for name, n in self.mentions(text).items():
            units = self._gaz.lookup(name)
            if name in terms or (len(units) == 1 and units[0].city in terms):
                total += n
        return total


def key_terms(head: Head, subjects: Subjects) -> set[str]:
    if not head.title and head.pieces:
        # an excerpt without a headline is about what its lead names
        lead = next((b.text for b in head.pieces[0].paragraphs), "")
        return subjects.terms(" ".join([head.subtitle, lead] + head.kicker))
    return subjects.terms(" ".join([head.title, head.subtitle] + head.kicker))
