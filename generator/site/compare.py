"""The comparison page's table, from the digest's comparison rows (figures/select.py).

A row is one standard indicator in one aspect and unit (地区生产总值 as a level and its
growth rate are different rows); a cell is a region's latest whole-region actual figure and
shows its own period; a row whose cells come from different periods is flagged, and the
page says so, because 2021 and 2024 values side by side are not a like-for-like comparison.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.ids import stable_id
from generator.records import Article, ComparisonRow, Figure, Region
from generator.site import labels as labels_mod

THEME = ("indicators", "可比指标")


@dataclass
class Cell:
    figure: Figure
    link: str  # article url + "#p-N"
    period: str  # its label, or 时期未注明
    shown: labels_mod.ShownValue

    @property
    def value(self) -> str:
        return self.figure.value

    @property
    def unit(self) -> str:
        return self.figure.unit

    @property
    def qualifier(self) -> str:
        return self.figure.qualifier


@dataclass
class Row:
    key: str  # indicator:aspect:unit
    metric: str  # label shown
    kind: str
    unit: str  # normalised unit shared by the cells
    cells: dict[str, Cell]  # region name -> cell (missing = no data)
    history: dict[str, list[Cell]] = field(default_factory=dict)  # region -> every period, latest first

    @property
    def periods(self) -> list[str]:
        return sorted({c.period for c in self.cells.values()})

    @property
    def mixed_periods(self) -> bool:
        return len(self.periods) > 1

    @property
    def slug(self) -> str:
        """URL part of the metric's own page: compare/<slug>/."""
        return f"{self.kind}-{stable_id(self.key, length=8)}"

    def ranked(self) -> list[tuple[str, Cell]]:
        """Regions by value, largest first (ties by name), for the metric's own page."""
        return sorted(self.cells.items(), key=lambda item: (-item[1].figure.value_normalized, item[0]))

    def bars(self, regions: list[str]) -> list[tuple[str, float, str]]:
        """(region, normalised value, label as written) for a bar chart, in column order; in a
        row of mixed periods each label carries its own period (the title cannot name one)."""
        return [
            (name, self.cells[name].figure.value_normalized,
             value_label(self.cells[name]) + (f" · {self.cells[name].period}" if self.mixed_periods else ""))
            for name in regions
            if name in self.cells
        ]

    def by_period(self) -> list[tuple[str, list[tuple[str, float, str]]]]:
        """(period, bars) for every period some region has a value for, latest first: one chart
        per period, so values of different years are never drawn side by side."""
        periods: dict[str, list[tuple[str, float, str]]] = {}
        ends: dict[str, str] = {}
        for name, cells in sorted(self.history.items()):
            for cell in cells:
                ends[cell.period] = max(ends.get(cell.period, ""), _period_order(cell))
                bars = periods.setdefault(cell.period, [])
                if name not in [b[0] for b in bars]:
                    bars.append((name, cell.figure.value_normalized, cell.shown.text))
        ranked = {period: sorted(bars, key=lambda b: (-b[1], b[0])) for period, bars in periods.items()}
        return sorted(ranked.items(), key=lambda item: ends[item[0]], reverse=True)


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


def _period_order(cell: "Cell") -> str:
    """Sort key of a cell's period: its end, YYYY or YYYY-MM (2021—2025 after 2024); unknown last."""
    period = cell.figure.period
    return period.end if period is not None else ""


def value_label(cell: Cell) -> str:
    return cell.shown.text


def _comparable(figure: Figure, indicator: str, aspect: str, unit: str) -> bool:
    """A figure that could have been this row's cell: whole region, actual, not a starting value."""
    return (figure.indicator == indicator and figure.aspect.value == aspect and figure.unit_normalized == unit
            and figure.scope is None and figure.modality.value == "actual" and not figure.start_value)


def build_comparison(rows: list[ComparisonRow], figures: list[Figure], regions: list[Region],
                     articles: list[Article], labels: labels_mod.Labels) -> Comparison:
    """The comparison table of the digest's rows (already in indicator order); each row also
    keeps every period of each region (the indicator's own page shows them all)."""
    urls = {a.id: a.url for a in articles}
    by_id = {f.id: f for f in figures}
    order = {r.name: i for i, r in enumerate(regions)}
    names = sorted({c.region for row in rows for c in row.cells}, key=lambda n: (order.get(n, len(order)), n))
    theme = Theme(*THEME)

    def cell(f: Figure) -> Cell:
        return Cell(f, f"{urls.get(f.article, '')}#p-{f.paragraph}", labels_mod.period_label(f, labels),
                    labels_mod.shown_value(f, labels))

    # Figures by the row they could be in: a row looks at its own, not at every figure.
    by_row: dict[tuple[str | None, str, str], list[Figure]] = {}
    for f in figures:
        by_row.setdefault((f.indicator, f.aspect.value, f.unit_normalized), []).append(f)
    for row in rows:
        cells = {c.region: cell(by_id[c.figure]) for c in row.cells}
        history: dict[str, list[Cell]] = {}
        for f in by_row.get((row.indicator, row.aspect, row.unit), []):
            if f.region in cells and _comparable(f, row.indicator, row.aspect, row.unit):
                known = history.setdefault(f.region, [])
                new = cell(f)  # the same value for the same period, reported twice, is listed once
                if all((c.period, c.figure.value_normalized) != (new.period, f.value_normalized) for c in known):
                    known.append(new)
        for name, found in history.items():
            found.sort(key=_period_order, reverse=True)
        key = f"{row.indicator}:{row.aspect}:{row.unit}"
        theme.rows.append(Row(key, labels_mod.metric_name(row.indicator, row.aspect, labels), row.aspect, row.unit,
                              cells, history))
    return Comparison(regions=names, themes=[theme] if theme.rows else [])
