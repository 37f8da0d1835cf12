"""compare.build_comparison: the comparison page's table is exactly the digest's rows."""

from __future__ import annotations

from generator.site.compare import NO_PERIOD, build_comparison, period_label
from generator.read.figures import select
from generator.records import Article, ArticleDraft, Aspect, Figure, Period, Region, Section

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
    table = build_comparison(select.comparisons(figures), figures, REGIONS, articles())
    assert table.regions == ["甲县", "乙县"]
    (row,) = table.rows
    assert row.metric == "地区生产总值" and row.kind == "level"
    assert row.cells["甲县"].link == "articles/a1/#p-2"
    assert row.cells["乙县"].period == "2021—2023"
    assert row.mixed_periods and row.periods == ["2021—2023", "2024"]


def test_no_rows_no_themes():
    assert build_comparison([], [fig("f1", "甲县")], REGIONS, articles()).themes == []


def test_period_label_says_when_the_text_gives_no_time():
    assert period_label(fig("f", "甲县", period=None)) == NO_PERIOD
    assert period_label(fig("f", "甲县", period=("2025-01", "2025-10"))) == "2025-01—2025-10"
