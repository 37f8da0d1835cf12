"""figures.select: region cards and comparison rows take only complete, whole-region frames."""

from __future__ import annotations

from generator.read.figures import load_cues, select
from generator.records import Aspect, Figure, Modality, Period

CUES = load_cues()


def fig(fid, region, indicator="地区生产总值", value=100.0, aspect=Aspect.LEVEL, period=("2024", "2024"),
        scope=None, modality=Modality.ACTUAL, base=None, start_value=False, unit="元"):
    return Figure(id=fid, article="a", region=region, measure=indicator or "某项", value=str(value), unit="亿元",
                  value_normalized=value * 1e8, unit_normalized=unit, quote=f"{value}亿元", paragraph=1,
                  aspect=aspect, indicator=indicator, base=base, scope=scope, modality=modality,
                  period=Period("t", *period) if period else None, start_value=start_value)


def test_cards_take_only_whole_region_figures_with_a_known_period_and_an_indicator():
    figures = [
        fig("ok", "甲县"),
        fig("village", "甲县", indicator="居民人均可支配收入", scope="某村"),
        fig("target", "甲县", indicator="固定资产投资", modality=Modality.TARGET),
        fig("noperiod", "甲县", indicator="一般公共预算收入", period=None),
        fig("start", "甲县", indicator="社会消费品零售总额", start_value=True),
        fig("perunit", "甲县", indicator="税收收入", base="每户"),
        fig("free", "甲县", indicator=None),
        fig("estimate", "甲县", indicator="进出口总额", modality=Modality.ESTIMATE),
    ]
    assert select.key_figures(figures, 6, CUES) == {"甲县": ["ok", "estimate"]}


def test_cards_keep_the_latest_period_order_by_importance_and_stop_at_n():
    figures = [fig("old", "甲县", period=("2022", "2022")), fig("new", "甲县", period=("2023", "2023")),
               fig("forest", "甲县", indicator="森林覆盖率", aspect=Aspect.SHARE),
               fig("growth", "甲县", aspect=Aspect.GROWTH)]
    cards = select.key_figures(figures, 2, CUES)["甲县"]
    assert cards == ["new", "growth"]


def test_comparison_rows_need_two_regions_and_like_for_like_cells():
    figures = [
        fig("a1", "甲县", period=("2023", "2023")), fig("a2", "甲县", period=("2024", "2024")),
        fig("b1", "乙县"),
        fig("c1", "丙县", modality=Modality.ESTIMATE),  # estimates never enter a row
        fig("d1", "丁县", scope="某园区"),
        fig("g1", "甲县", aspect=Aspect.GROWTH), fig("g2", "乙县", aspect=Aspect.GROWTH, unit="%"),
    ]
    rows = select.comparisons(figures, CUES)
    assert len(rows) == 1
    row = rows[0]
    assert (row.indicator, row.aspect, row.unit) == ("地区生产总值", "level", "元")
    assert {(c.region, c.figure) for c in row.cells} == {("甲县", "a2"), ("乙县", "b1")}


def test_contract_json_has_the_frame_slots():
    data = select.figure_json(fig("x", "甲县"))
    for slot in ("measure", "indicator", "aspect", "base", "scope", "modality", "period", "qualifier",
                 "value", "unit", "value_normalized", "unit_normalized", "quote"):
        assert slot in data
    assert data["aspect"] == "level" and data["modality"] == "actual"
    assert data["period"] == {"text": "t", "start": "2024", "end": "2024"}
    assert select.figure_json(fig("y", "甲县", period=None))["period"] is None


def test_a_growth_rate_over_several_years_without_average_or_base_is_no_card():
    figures = [fig("span", "甲县", aspect=Aspect.GROWTH, period=("2021", "2025")),
               fig("year", "乙县", aspect=Aspect.GROWTH, period=("2025", "2025"))]
    assert select.key_figures(figures, 6, CUES) == {"乙县": ["year"]}
    assert select.comparisons(figures, CUES) == []
