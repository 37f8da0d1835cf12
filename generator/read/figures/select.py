"""Which figures a reader sees side by side: region cards and comparison rows (data side).

A figure a reader would misread is worse than none, so both take only complete frames:
a standard indicator, the whole region (scope None, no base), a known period, not the
"from" value of a from-to pair. Cards also take estimates; comparison rows only actuals.
"""

from __future__ import annotations

from generator.records import ComparisonCell as Cell
from generator.records import ComparisonRow, Figure, Modality
from .cues import Cues

CARD_ASPECTS = ("level", "growth", "growth_avg", "share", "increment")


def period_key(figure: Figure) -> tuple:
    """Latest end first; for the same end, the narrower period."""
    p = figure.period
    if p is None:
        return ("", "")
    end = p.end if len(p.end) == 7 else p.end + "-12"
    return (end, p.start or "")


def complete(figure: Figure) -> bool:
    """A whole-region figure with a standard indicator and a known period. A growth rate over
    several years with no average and no named base (增长4.8% under “十四五”) is ambiguous."""
    p = figure.period
    if not figure.indicator or figure.scope is not None or figure.base is not None or figure.start_value:
        return False
    if p is None or p.start is None:
        return False
    return not (figure.aspect.value == "growth" and p.start[:4] != p.end[:4])


def _importance(cues: Cues | None):
    ranks = {i.name: i.rank for i in cues.indicators} if cues else {}
    return lambda name: ranks.get(name, len(ranks))


def key_figures(figures: list[Figure], n: int, cues: Cues | None = None) -> dict[str, list[str]]:
    """region -> ordered card figure ids: one per indicator and aspect, latest period,
    levels before rates, by indicator importance; at most n."""
    rank = _importance(cues)
    picked: dict[tuple[str, str, str], Figure] = {}
    order: dict[str, int] = {}
    for i, f in enumerate(figures):
        if not complete(f) or f.modality == Modality.TARGET or f.aspect.value not in CARD_ASPECTS:
            continue
        key = (f.region, f.indicator, f.aspect.value)
        order.setdefault(f.id, i)
        if key not in picked or period_key(f) > period_key(picked[key]):
            picked[key] = f
    cards: dict[str, list[Figure]] = {}
    for (region, _, _), f in picked.items():
        cards.setdefault(region, []).append(f)
    return {region: [f.id for f in sorted(fs, key=lambda f: (rank(f.indicator), CARD_ASPECTS.index(f.aspect.value),
                                                                  order[f.id]))][:n]
            for region, fs in cards.items()}


def comparisons(figures: list[Figure], cues: Cues | None = None) -> list[ComparisonRow]:
    """Rows of indicator + aspect + unit over whole-region actual figures; a cell is the
    region's latest such figure; only rows with two regions or more."""
    rank = _importance(cues)
    groups: dict[tuple[str, str, str], dict[str, Figure]] = {}
    for f in figures:
        if not complete(f) or f.modality != Modality.ACTUAL:
            continue
        cells = groups.setdefault((f.indicator, f.aspect.value, f.unit_normalized), {})
        if f.region not in cells or period_key(f) > period_key(cells[f.region]):
            cells[f.region] = f
    rows = [ComparisonRow(ind, aspect, unit, tuple(Cell(r, cells[r].id) for r in sorted(cells)))
            for (ind, aspect, unit), cells in groups.items() if len(cells) >= 2]
    return sorted(rows, key=lambda r: (rank(r.indicator), r.aspect, r.unit))


def period_json(figure: Figure) -> dict | None:
    p = figure.period
    return None if p is None else {"text": p.text, "start": p.start, "end": p.end}


def figure_json(f: Figure) -> dict:
    """A figure's slots under the contract's names (the URL is added by digest.py)."""
    return {
        "id": f.id, "article": f.article, "region": f.region, "measure": f.measure, "indicator": f.indicator,
        "aspect": f.aspect.value, "base": f.base, "scope": f.scope, "modality": f.modality.value,
        "period": period_json(f), "qualifier": f.qualifier, "value": f.value, "unit": f.unit,
        "value_normalized": f.value_normalized, "unit_normalized": f.unit_normalized, "quote": f.quote,
        "paragraph": f.paragraph, "start_value": f.start_value,
    }


def comparison_json(row: ComparisonRow) -> dict:
    return {"indicator": row.indicator, "aspect": row.aspect, "unit": row.unit,
            "cells": [{"region": c.region, "figure": c.figure} for c in row.cells]}
