"""Cross-region comparison: comparable metrics x regions, grouped by theme.

Only figures that matched a catalogue metric with a compatible unit (Figure.comparable)
take part.  A row is one metric in one kind (地区生产总值 as a level and its growth rate
are different rows).  When a region has several figures for a row, the cell shows the one
with the latest period; a row whose cells come from different periods is flagged, and the
page says so, because 2021 and 2024 values side by side are not a like-for-like comparison.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .catalogue import Catalogue
from .ids import ascii_slug, stable_id
from .records import Article, Figure, Region

KIND_ORDER = {"level": 0, "share": 1, "growth": 2, "change": 3, "rank": 4}
KIND_LABEL = {"level": "", "share": "", "growth": "增速", "change": "增量", "rank": "排名"}
OTHER_THEME = "其他"


@dataclass
class Cell:
    figure: Figure
    link: str  # article url + "#p-N"
    alternatives: int = 0  # other figures of this region for the same row

    @property
    def value(self) -> str:
        return self.figure.value

    @property
    def unit(self) -> str:
        return self.figure.unit

    @property
    def period(self) -> str:
        return self.figure.period

    @property
    def qualifier(self) -> str:
        return self.figure.qualifier


@dataclass
class Row:
    key: str  # canonical metric key + kind
    metric: str  # label shown
    kind: str
    unit: str  # normalised unit shared by the cells
    cells: dict[str, Cell]  # region name -> cell (missing = no data)

    @property
    def periods(self) -> list[str]:
        return sorted({c.period for c in self.cells.values()})

    @property
    def mixed_periods(self) -> bool:
        return len(self.periods) > 1

    @property
    def slug(self) -> str:
        """URL part of the metric's own page: compare/<slug>/."""
        canonical, kind = self.key.split(":")[:2]
        return f"{ascii_slug(canonical) or 'metric'}-{kind}-{stable_id(self.key, length=6)}"

    def ranked(self) -> list[tuple[str, Cell]]:
        """Regions by value, largest first (ties by name), for the metric's own page."""
        return sorted(self.cells.items(), key=lambda item: (-item[1].figure.value_normalized, item[0]))

    def bars(self, regions: list[str]) -> list[tuple[str, float, str]]:
        """(region, normalised value, label as written) for a bar chart, in column order."""
        return [
            (name, self.cells[name].figure.value_normalized, value_label(self.cells[name]))
            for name in regions
            if name in self.cells
        ]


@dataclass
class Theme:
    key: str
    name: str
    rows: list[Row] = field(default_factory=list)


@dataclass
class Comparison:
    regions: list[str]  # column order
    themes: list[Theme]

    @property
    def rows(self) -> list[Row]:
        return [r for t in self.themes for r in t.rows]

    @property
    def has_mixed_periods(self) -> bool:
        return any(r.mixed_periods for r in self.rows)


def period_key(period: str) -> tuple[int, int, int]:
    """Sort key: latest end first wins; for the same end, the narrower period.
    '2021-2025' -> (2025, 12, 2021); '2025-01/2025-10' -> (2025, 10, 2025); '2024' -> (2024, 12, 2024)."""
    dates = re.findall(r"((?:19|20)\d{2})(?:-(\d{2})(?!\d))?", period or "")
    if not dates:
        return (0, 0, 0)
    end_year, end_month = dates[-1]
    if "/" in period:
        month = int(end_month or 12)
    else:
        month = 12
    return (int(end_year), month, int(dates[0][0]))


def value_label(cell: Cell) -> str:
    f = cell.figure
    return f"{f.qualifier if f.qualifier in ('超', '超过', '近', '约', '逾', '突破') else ''}{f.value}{f.unit}" + (
        f.qualifier if f.qualifier in ("余", "多", "以上", "以下", "左右") else ""
    )


def _row_label(figures: list[Figure], kind: str, catalogue: Catalogue | None) -> str:
    key = figures[0].canonical
    metric = catalogue.get(key) if catalogue else None
    if metric:
        return metric.name + KIND_LABEL.get(kind, "")
    return figures[0].metric


def build_comparison(
    figures: list[Figure],
    regions: list[Region],
    articles: list[Article],
    catalogue: Catalogue | None = None,
) -> Comparison:
    """The comparison table.  With a catalogue, themes and rows follow its order;
    without one, themes by name and rows by how many regions they cover."""
    urls = {a.id: a.url for a in articles}
    comparable = [f for f in figures if f.comparable and f.canonical]
    order = {r.name: i for i, r in enumerate(regions)}
    names = sorted({f.region for f in comparable}, key=lambda n: (order.get(n, len(order)), n))

    by_row: dict[tuple[str, str, str], list[Figure]] = {}
    for f in comparable:
        by_row.setdefault((f.canonical, f.kind, f.unit_normalized), []).append(f)

    themes: dict[str, Theme] = {}
    for (canonical, kind, unit), group in by_row.items():
        cells: dict[str, Cell] = {}
        per_region: dict[str, list[Figure]] = {}
        for f in group:
            per_region.setdefault(f.region, []).append(f)
        for name in names:
            mine = per_region.get(name)
            if not mine:
                continue
            # Latest period wins; ties keep reading order (the first mention).
            best = max(enumerate(mine), key=lambda item: (period_key(item[1].period), -item[0]))[1]
            link = f"{urls.get(best.article, '')}#p-{best.paragraph}"
            cells[name] = Cell(best, link, alternatives=len(mine) - 1)
        row = Row(f"{canonical}:{kind}:{unit}", _row_label(group, kind, catalogue), kind, unit, cells)
        theme_name = group[0].theme or OTHER_THEME
        theme_key = next((k for k, v in (catalogue.themes if catalogue else {}).items() if v == theme_name), theme_name)
        themes.setdefault(theme_key, Theme(theme_key, theme_name)).rows.append(row)

    def row_order(row: Row) -> tuple:
        canonical = row.key.split(":")[0]
        position = catalogue.order(canonical) if catalogue else 0
        return (position, -len(row.cells), KIND_ORDER.get(row.kind, 9), row.key)

    theme_keys = list(catalogue.themes) if catalogue else []
    ordered = sorted(
        themes.values(),
        key=lambda t: (theme_keys.index(t.key) if t.key in theme_keys else len(theme_keys), t.name),
    )
    for theme in ordered:
        theme.rows.sort(key=row_order)
    return Comparison(regions=names, themes=ordered)


def key_figures(figures: list[Figure], n: int, catalogue: Catalogue | None = None) -> list[Figure]:
    """The n most telling figures of one region, for its cards.

    Comparable catalogue metrics first (in catalogue order when one is given), one card per
    metric and kind, latest period; then the region's other level figures in reading order.
    """
    picked: dict[tuple[str, str], Figure] = {}
    for f in figures:
        # A bare number (one part of a 1.0:31.9:67.1 ratio) means nothing alone on a card.
        if not (f.comparable and f.canonical and f.unit):
            continue
        key = (f.canonical, f.kind)
        if key not in picked or period_key(f.period) > period_key(picked[key].period):
            picked[key] = f

    reading = {id(f): i for i, f in enumerate(figures)}

    def importance(f: Figure) -> tuple:
        position = catalogue.order(f.canonical) if catalogue else 0
        return (KIND_ORDER.get(f.kind, 9) > 1, position, reading[id(f)])

    cards = sorted(picked.values(), key=importance)
    if len(cards) < n:
        seen = {id(f) for f in cards}
        cards += [f for f in figures if id(f) not in seen and f.kind == "level" and f.unit][: n - len(cards)]
    return cards[:n]
