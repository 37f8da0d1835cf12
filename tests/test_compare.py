"""compare.build_comparison: the comparison page's table is exactly the digest's rows."""

from __future__ import annotations

from dataclasses import replace

from generator.site.compare import build_comparison
from generator.site import labels as labels_mod
from generator.read.figures import select
from generator.records import Article, ArticleDraft, Aspect, Figure, Period, Region, Section

LABELS = labels_mod.load()
REGIONS = [Region("甲县", "某市", "某省", "999901", "county", "jia-xian"),
           Region("乙县", "某市", "某省", "999902", "county", "yi-xian")]


def fig(fid, region, period=("2024", "2024"), article="a1", aspect=Aspect.LEVEL):
    return Figure(id=fid, article=article, region=region, measure="地区生产总值", value="1", unit="亿元",
                  value_normalized=1e8, unit_normalized="元", quote="1亿元", paragraph=2, aspect=aspect,
                  indicator="地区生产总值", period=Period("t", *period) if period else None)


def articles():
    draft = ArticleDraft(source="x.txt", title="t", sections=[Section(None, ["p"])])
    return [Article(id="a1", draft=draft, region=REGIONS[0], url="articles/a1/"),
            Article(id="a2", draft=draft, region=REGIONS[1], url="articles/a2/")]


def test_rows_and_cells_follow_the_digest_rows_and_link_to_their_paragraph():
    figures = [fig("f1", "甲县"), fig("f2", "乙县", period=("2021", "2023"), article="a2")]
    table = build_comparison(select.comparisons(figures), figures, REGIONS, articles(), LABELS)
    assert table.regions == ["甲县", "乙县"]
    (row,) = table.rows
    assert row.metric == "地区生产总值" and row.kind == "level"
    assert row.cells["甲县"].link == "articles/a1/#p-2"
    assert row.cells["乙县"].period == "2021—2023年"
    assert row.mixed_periods and row.periods == ["2021—2023年", "2024年"]


def test_no_rows_no_themes():
    assert build_comparison([], [fig("f1", "甲县")], REGIONS, articles(), LABELS).themes == []


def test_metric_page_keeps_every_period_of_each_region_and_charts_each_period_apart():
    figures = [fig("f1", "甲县"), fig("f0", "甲县", period=("2021", "2021")), fig("f9", "甲县", period=("2021", "2021")),
               fig("f2", "乙县", period=("2021", "2021"), article="a2")]
    figures[1:3] = [replace(f, value_normalized=5e7) for f in figures[1:3]]
    (row,) = build_comparison(select.comparisons(figures), figures, REGIONS, articles(), LABELS).rows
    assert [c.period for c in row.history["甲县"]] == ["2024年", "2021年"]  # f9 repeats f0's value for 2021
    assert [(p, [b[0] for b in bars]) for p, bars in row.by_period()] == [("2024年", ["甲县"]), ("2021年", ["乙县", "甲县"])]


def test_growth_row_is_named_with_its_aspect():
    figures = [fig("g1", "甲县", aspect=Aspect.GROWTH), fig("g2", "乙县", aspect=Aspect.GROWTH, article="a2")]
    figures = [replace(f, unit="%", unit_normalized="%") for f in figures]
    rows = build_comparison(select.comparisons(figures), figures, REGIONS, articles(), LABELS).rows
    assert [r.metric for r in rows] == ["地区生产总值增速"]


def test_bars_of_a_mixed_row_carry_their_own_period():
    figures = [fig("f1", "甲县"), fig("f2", "乙县", period=("2021", "2023"), article="a2")]
    (row,) = build_comparison(select.comparisons(figures), figures, REGIONS, articles(), LABELS).rows
    labels = {name: label for name, _, label in row.bars(["甲县", "乙县"])}
    assert labels["甲县"].endswith("2024年") and labels["乙县"].endswith("2021—2023年")
    figures = [fig("f1", "甲县"), fig("f2", "乙县", article="a2")]
    (row,) = build_comparison(select.comparisons(figures), figures, REGIONS, articles(), LABELS).rows
    assert not any("2024" in label for _, _, label in row.bars(["甲县", "乙县"]))
