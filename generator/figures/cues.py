"""The cue-word tables of frame reading (generator/data/frames.yml, indicators.yml), loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Indicator:
    name: str
    rank: int  # importance: position in indicators.yml
    terms: tuple[str, ...]  # name and synonyms, longest first
    not_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cues:
    """Every cue list of frames.yml, as tuples, plus the indicator table."""

    lists: dict[str, tuple[str, ...]]
    indicators: tuple[Indicator, ...]

    def get(self, name: str) -> tuple[str, ...]:
        """A list by dotted name (aspect.growth); longest words first, so 年均增长 beats 增长."""
        return self.lists.get(name, ())

    def indicator(self, text: str) -> Indicator | None:
        """The indicator named in `text`: the longest term, the last one on a tie (nearest the number)."""
        best: tuple[int, int, Indicator] | None = None
        for ind in self.indicators:
            for term in ind.terms:
                at = text.rfind(term)
                if at < 0:
                    continue
                if any(n in text and text.find(n) <= at < text.find(n) + len(n) for n in ind.not_terms):
                    continue
                key = (len(term), at + len(term))
                if best is None or key > best[:2]:
                    best = (key[0], key[1], ind)
        return best[2] if best else None

    def pattern(self, name: str) -> re.Pattern[str]:
        """One regex alternation of a list (cached on the frozen record's dict)."""
        key = "re:" + name
        cached = self.lists.get(key)
        if cached is None:
            words = self.get(name) or ("\uffff",)
            cached = (re.compile("|".join(re.escape(w) for w in words)),)
            self.lists[key] = cached  # type: ignore[index]
        return cached[0]


def _flatten(data: dict, prefix: str, out: dict[str, tuple[str, ...]]) -> None:
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            _flatten(value, name + ".", out)
        elif isinstance(value, list):
            out[name] = tuple(sorted((str(v) for v in value), key=len, reverse=True))


def load_cues(frames: Path = DATA_DIR / "frames.yml", indicators: Path = DATA_DIR / "indicators.yml") -> Cues:
    lists: dict[str, tuple[str, ...]] = {}
    _flatten(yaml.safe_load(Path(frames).read_text(encoding="utf-8")) or {}, "", lists)
    table = (yaml.safe_load(Path(indicators).read_text(encoding="utf-8")) or {}).get("indicators") or []
    found = []
    for i, spec in enumerate(table):
        terms = [str(spec["name"]), *(str(s) for s in spec.get("synonyms") or ())]
        terms += [t.replace("“", "").replace("”", "") for t in terms if "“" in t]
        found.append(Indicator(str(spec["name"]), i, tuple(sorted(set(terms), key=len, reverse=True)),
                               tuple(str(s) for s in spec.get("not") or ())))
    return Cues(lists=lists, indicators=tuple(found))
