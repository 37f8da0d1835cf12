"""The metric catalogue and the unit table, loaded from YAML data files.

Both are plain data (generator/data/metrics.yml, units.yml): adding a metric or a
unit never needs a code change.  They are loaded once per build and passed to the
figure extractor explicitly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from generator.lexicon.datafile import read_yaml

GAP = "…"  # in a synonym: up to GAP_CHARS characters of anything (民生支出…占…比)
GAP_CHARS = 10


@dataclass(frozen=True)
class Unit:
    name: str  # as written: 亿元
    base: str  # unit_normalized: 元
    factor: float  # value_normalized = value * factor
    kind: str = "level"
    not_before: tuple[str, ...] = ()
    needs_cue: bool = False


@dataclass
class Units:
    """All known units, including the scaled forms (万元, 亿元 ...)."""

    units: dict[str, Unit]
    multipliers: dict[str, float]
    hedges: dict[str, tuple[str, ...]] = field(default_factory=dict)  # qualifier and cue words (units.yml)
    pattern: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Longest first so 平方米 wins over 米 and 人次 over 人; multipliers are matched apart.
        names = sorted(self.units, key=len, reverse=True)
        self.pattern = re.compile("|".join(re.escape(n) for n in names))

    def get(self, name: str) -> Unit | None:
        """A unit by its written name; scaled forms (万元 = 万 + 元) are composed."""
        if name in self.units:
            return self.units[name]
        for prefix in sorted(self.multipliers, key=len, reverse=True):
            if name.startswith(prefix):
                rest = name[len(prefix):]
                scale = self.multipliers[prefix]
                if not rest:  # "2000余万": an amount of 万 with the noun left out
                    return Unit(name, "", scale)
                unit = self.units.get(rest)
                if unit and unit.base not in ("%", "倍"):
                    return Unit(name, unit.base, unit.factor * scale, unit.kind, unit.not_before)
        return None


def load_units(path: Path) -> Units:
    data = read_yaml(path) or {}
    multipliers = {str(k): float(v) for k, v in (data.get("multipliers") or {}).items()}
    units: dict[str, Unit] = {}
    for name, spec in (data.get("units") or {}).items():
        units[str(name)] = _unit(str(name), spec)
    hedges = {str(k): tuple(str(w) for w in v or ()) for k, v in (data.get("hedges") or {}).items()}
    return Units(units=units, multipliers=multipliers, hedges=hedges)


def _unit(name: str, spec: dict) -> Unit:
    return Unit(
        name=name,
        base=str(spec.get("base", name)),
        factor=float(spec.get("factor", 1)),
        kind=str(spec.get("kind", "level")),
        not_before=tuple(str(c) for c in spec.get("not_before") or ()),
        needs_cue=bool(spec.get("needs_cue", False)),
    )


@dataclass(frozen=True)
class Metric:
    key: str
    name: str
    theme: str  # theme key (economy ...)
    theme_name: str  # 经济发展
    unit: str  # preferred unit, as written in units.yml
    kind: str = "level"
    synonyms: tuple[str, ...] = ()
    also_units: tuple[str, ...] = ()  # other units it is counted in (经营主体: 户 or 家)


@dataclass
class Catalogue:
    metrics: list[Metric]
    themes: dict[str, str]  # key -> Chinese name, in display order

    @cached_property
    def _patterns(self) -> list[tuple[int, re.Pattern[str], Metric]]:
        """Every name and synonym as a regex, compiled on the first match: hundreds of them
        take about a second, and a rebuild from the cache only needs names and themes."""
        patterns = []
        for metric in self.metrics:
            for term in (metric.name, *metric.synonyms):
                # Weight = literal characters, so the most specific term wins.
                patterns.append((len(term.replace(GAP, "")), _term_pattern(term), metric))
        patterns.sort(key=lambda item: -item[0])
        return patterns

    def match(self, text: str) -> Metric | None:
        """The most specific metric named in `text` (longest matching term), or None."""
        found = self.match_span(text)
        return found[0] if found else None

    def match_span(self, text: str) -> tuple[Metric, int, int] | None:
        """Like match(), with where the term was found; ties go to the LAST occurrence,
        because the words nearest a number name it."""
        best: tuple[int, int, Metric, int, int] | None = None
        for weight, pattern, metric in self._patterns:
            if best and weight < best[0]:
                break
            for m in pattern.finditer(text):
                if best is None or (weight, m.end()) > (best[0], best[1]):
                    best = (weight, m.end(), metric, m.start(), m.end())
        return (best[2], best[3], best[4]) if best else None

    def get(self, key: str) -> Metric | None:
        return next((m for m in self.metrics if m.key == key), None)

    def order(self, key: str) -> int:
        """Position in the catalogue (importance), unknown keys last."""
        for i, m in enumerate(self.metrics):
            if m.key == key:
                return i
        return len(self.metrics)


def _term_pattern(term: str) -> re.Pattern[str]:
    # Curly quotes are decoration: “四上”企业 and 四上企业 are the same term.
    parts = [p.replace("“", "").replace("”", "") for p in term.split(GAP)]
    quoted = ["[“”\"]?".join(re.escape(c) for c in p) for p in parts]
    return re.compile(f".{{0,{GAP_CHARS}}}?".join(quoted))


def load_catalogue(path: Path) -> Catalogue:
    data = read_yaml(path) or {}
    themes = {str(k): str(v) for k, v in (data.get("themes") or {}).items()}
    metrics: list[Metric] = []
    seen: set[str] = set()
    for spec in data.get("metrics") or []:
        key = str(spec["key"])
        if key in seen:
            raise ValueError(f"{path}: metric key {key!r} is listed twice")
        theme = str(spec.get("theme", ""))
        if theme not in themes:
            raise ValueError(f"{path}: metric {key!r} has unknown theme {theme!r}")
        seen.add(key)
        metrics.append(
            Metric(
                key=key,
                name=str(spec["name"]),
                theme=theme,
                theme_name=themes[theme],
                unit=str(spec.get("unit", "")),
                also_units=tuple(str(u) for u in spec.get("also_units") or ()),
                kind=str(spec.get("kind", "level")),
                synonyms=tuple(str(s) for s in spec.get("synonyms") or ()),
            )
        )
    return Catalogue(metrics=metrics, themes=themes)
