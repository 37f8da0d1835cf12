"""The cue-word tables of frame reading (generator/data/frames.yml, indicators.yml), loaded once."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any
from pathlib import Path

from generator.lexicon.datafile import read_yaml
from generator.settings import PACKAGE_DIR

DATA_DIR = PACKAGE_DIR / "data"


@dataclass(frozen=True)
class Indicator:
    name: str
    rank: int  # importance: position in indicators.yml
    bases: tuple[str, ...]  # normalised units a level of it is counted in (rates are always allowed)
    terms: tuple[str, ...]  # name and synonyms, longest first
    not_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cues:
    """Every cue list of frames.yml, as tuples, plus the indicator table."""

    lists: dict[str, tuple[str, ...]]
    indicators: tuple[Indicator, ...]
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)  # one alternation per list
    terms: re.Pattern[str] | None = None  # every indicator term
    term_owner: dict[str, tuple[Indicator, ...]] = field(default_factory=dict)
    # name -> (?=(alternation)): one C-level scan yields every position a word of the list
    # starts at (pattern.match at each position, without a Python loop over them); built on use
    ahead: dict[str | None, re.Pattern[str]] = field(default_factory=dict, repr=False, compare=False)
    sets: dict[tuple, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)  # word_set's
    built: dict[Hashable, Any] = field(default_factory=dict, repr=False, compare=False)  # once()'s

    RATES = ("%", "倍", "百分点", "位次", "比例")

    def fits(self, indicator: Indicator, base: str) -> bool:
        """Can a number in this normalised unit be a value of the indicator? (五个千亿级台阶 cannot)."""
        return base in self.RATES or base in indicator.bases

    def get(self, name: str) -> tuple[str, ...]:
        """A list by dotted name (aspect.growth); longest words first, so 年均增长 beats 增长."""
        return self.lists.get(name, ())

    def word_set(self, names: tuple[str, ...], extra: tuple[str, ...] = ()) -> frozenset[str]:
        """The words of lists `names` and `extra`, as one set built once (the lists never change)."""
        key = (names, extra)
        found = self.sets.get(key)
        if found is None:
            found = self.sets[key] = frozenset(w for name in names for w in self.get(name)) | frozenset(extra)
        return found

    def once(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """What make() builds from these cues (a pattern of their words), built on first use only."""
        if key not in self.built:
            self.built[key] = make()
        return self.built[key]

    def indicator(self, text: str) -> Indicator | None:
        """The indicator named in `text`: the longest term, the last one on a tie (nearest the number)."""
        found = self.indicator_term(text)
        return found[0] if found else None

    def indicator_term(self, text: str) -> tuple[Indicator, str] | None:
        """The indicator named in `text` and the term as written there (外商直接投资, 人均GDP)."""
        if self.terms is None or not text:
            return None
        best: tuple[int, int, Indicator, str] | None = None
        # overlapping matches: a shorter term may sit inside a longer one
        for m in self._ahead(None, self.terms).finditer(text):
            at, term = m.start(), m.group(1)
            for ind in self.term_owner[term]:
                if any(n in text and text.find(n) <= at < text.find(n) + len(n) for n in ind.not_terms):
                    continue
                key = (len(term), at + len(term))
                if best is None or key > best[:2]:
                    best = (key[0], key[1], ind, term)
        return (best[2], best[3]) if best else None

    def last(self, name: str, text: str) -> str:
        """The cue word of list `name` that ends last in `text` ('' if none)."""
        pattern = self.patterns.get(name)
        if pattern is None or not text:
            return ""
        first = self.once(("first", name), lambda: _first_chars(self.get(name)))
        if first is not None and first.isdisjoint(text):
            return ""  # (no word of the list starts anywhere in text)
        best, end = "", -1
        for m in self._ahead(name, pattern).finditer(text):
            word = m.group(1)
            if m.start() + len(word) >= end:
                best, end = word, m.start() + len(word)
        return best

    def _ahead(self, name: str | None, pattern: re.Pattern[str]) -> re.Pattern[str]:
        """`pattern` as a lookahead: finditer gives, at every position where it matches, the
        match pattern.match would give there (empty matches advance one character at a time)."""
        ahead = self.ahead.get(name)
        if ahead is None:
            ahead = self.ahead[name] = re.compile(f"(?=({pattern.pattern}))")
        return ahead


def _first_chars(words: tuple[str, ...]) -> frozenset[str] | None:
    """The characters the words start with; None when one is empty (it matches anywhere)."""
    return None if "" in words else frozenset(w[0] for w in words)


def _flatten(data: dict, prefix: str, out: dict[str, tuple[str, ...]]) -> None:
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            _flatten(value, name + ".", out)
        elif isinstance(value, str):
            out[name] = tuple(value)  # a string of single characters
        elif isinstance(value, list):
            out[name] = tuple(sorted((str(v) for v in value), key=len, reverse=True))


def load_cues(frames: Path = DATA_DIR / "frames.yml", indicators: Path = DATA_DIR / "indicators.yml") -> Cues:
    lists: dict[str, tuple[str, ...]] = {}
    _flatten(read_yaml(frames) or {}, "", lists)
    table_data = read_yaml(indicators) or {}
    table = table_data.get("indicators") or []
    data_kinds = table_data.get("kinds") or {}
    found = []
    for i, spec in enumerate(table):
        terms = [str(spec["name"]), *(str(s) for s in spec.get("synonyms") or ())]
        terms += [t.replace("“", "").replace("”", "") for t in terms if "“" in t]
        terms += _other_forms(terms, table_data.get("abbreviations") or {})
        kind = str(spec.get("kind", "money"))
        bases = tuple(str(b) for b in (data_kinds.get(kind) or ()))
        found.append(Indicator(str(spec["name"]), i, bases, tuple(sorted(set(terms), key=len, reverse=True)),
                               tuple(str(s) for s in spec.get("not") or ())))
    patterns = {name: re.compile("|".join(re.escape(w) for w in words)) for name, words in lists.items()
                if words and not name.endswith("_chars")}
    owner: dict[str, list[Indicator]] = {}
    for ind in found:
        for term in ind.terms:
            owner.setdefault(term, []).append(ind)
    terms = re.compile("|".join(re.escape(t) for t in sorted(owner, key=len, reverse=True))) if owner else None
    return Cues(lists=lists, indicators=tuple(found), patterns=patterns, terms=terms,
                term_owner={t: tuple(v) for t, v in owner.items()})


def _other_forms(terms: list[str], short: dict) -> list[str]:
    """规上工业产值 and 规模以上工业产值 name the same thing: each term also in its full and short forms."""
    pairs = [(str(a), str(b)) for a, b in short.items()]
    return [t.replace(a, b) for t in terms for a, b in pairs if a in t] + \
        [t.replace(b, a) for t in terms for a, b in pairs if b in t]


def _fixed_words(path: Path = DATA_DIR / "figure_words.yml") -> dict[str, tuple[str, ...]]:
    """Function words used as constants by the figure modules (immutable: no module state)."""
    data = read_yaml(path) or {}
    return {name: tuple(str(w) for w in words) for name, words in data.items()}


FIXED_WORDS = _fixed_words()
