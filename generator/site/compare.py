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

ASPECT_LABEL = {"level": "", "share": "", "increment": "（新增）", "growth": "增速", "growth_avg": "年均增速",
                "change": "增量", "rank": "排名", "multiple": "倍数"}
NO_PERIOD = "时期未注明"
THEME = ("indicators", "可比指标")


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
        return period_label(self.figure)

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


def period_label(figure: Figure) -> str:
    return figure.period.label if figure.period else NO_PERIOD


def value_label(cell: Cell) -> str:
    f = cell.figure
    return f"{f.qualifier if f.qualifier in ('超', '超过', '近', '约', '逾', '突破') else ''}{f.value}{f.unit}" + (
        f.qualifier if f.qualifier in ("余", "多", "以上", "以下", "左右") else ""
    )


def build_comparison(rows: list[ComparisonRow], figures: list[Figure], regions: list[Region],
                     articles: list[Article]) -> Comparison:
    """The comparison table of the digest's rows (already in indicator order)."""
    urls = {a.id: a.url for a in articles}
    by_id = {f.id: f for f in figures}
    order = {r.name: i for i, r in enumerate(regions)}
    names = sorted({c.region for row in rows for c in row.cells}, key=lambda n: (order.get(n, len(order)), n))
    theme = Theme(*THEME)
    for row in rows:
        cells = {}
        for c in row.cells:
            f = by_id[c.figure]
            cells[c.region] = Cell(f, f"{urls.get(f.article, '')}#p-{f.paragraph}")
        key = f"{row.indicator}:{row.aspect}:{row.unit}"
        theme.rows.append(Row(key, row.indicator + ASPECT_LABEL.get(row.aspect, ""), row.aspect, row.unit, cells))
    return Comparison(regions=names, themes=[theme] if theme.rows else [])
