"""compare.build_comparison and key_figures on hand-built figures."""

from __future__ import annotations

import pytest

from generator.catalogue import load_catalogue
from generator.compare import build_comparison, key_figures, period_key
from generator.records import Article, ArticleDraft, Figure, Region, Section
from generator.settings import Settings

A = Region("甲县", "某市", "某省", "1", "county", "jia-xian")
B = Region("乙区", "某市", "某省", "2", "county", "yi-qu")


def fig(region, canonical, value, period, *, kind="level", article="a1", paragraph=1, comparable=True, theme="经济发展", unit="亿元", base="元", factor=1e8):
    return Figure(
        id=f"{region}{canonical}{value}{period}", article=article, region=region, metric=canonical, value=str(value),
        unit=unit, value_normalized=value * factor, unit_normalized=base, period=period, quote=f"{value}{unit}",
        paragraph=paragraph, kind=kind, canonical=canonical if comparable else "", theme=theme, comparable=comparable,
    )


def article(aid, region):
    draft = ArticleDraft(source="x.txt", title="t", sections=[Section(None, ["p"])])
    return Article(id=aid, draft=draft, region=region, year=2024, url=f"articles/{aid}/")


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(Settings().catalogue)


def test_cells_take_latest_period_and_link_to_paragraph(catalogue):
    figures = [
        fig("甲县", "gdp", 300, "2021", paragraph=2),
        fig("甲县", "gdp", 350, "2023", paragraph=5),
        fig("乙区", "gdp", 200, "2023", article="a2", paragraph=3),
    ]
    table = build_comparison(figures, [A, B], [article("a1", A), article("a2", B)], catalogue)
    assert table.regions == ["甲县", "乙区"]
    (row,) = table.rows
    assert row.metric == "地区生产总值"
    assert row.cells["甲县"].value == "350" and row.cells["甲县"].alternatives == 1
    assert row.cells["甲县"].link == "articles/a1/#p-5"
    assert row.cells["乙区"].link == "articles/a2/#p-3"
    assert not row.mixed_periods and not table.has_mixed_periods


def test_mixed_periods_are_flagged(catalogue):
    figures = [fig("甲县", "gdp", 300, "2022"), fig("乙区", "gdp", 200, "2024", article="a2")]
    table = build_comparison(figures, [A, B], [article("a1", A), article("a2", B)], catalogue)
    assert table.rows[0].mixed_periods and table.has_mixed_periods
    assert table.rows[0].periods == ["2022", "2024"]


def test_levels_and_growth_are_separate_rows_grouped_by_theme(catalogue):
    figures = [
        fig("甲县", "gdp", 300, "2024"),
        fig("甲县", "gdp", 6.1, "2024", kind="growth", unit="%", base="%", factor=1),
        fig("乙区", "forest_cover", 60.2, "2024", theme="生态环境", unit="%", base="%", factor=1, kind="share"),
        fig("乙区", "free", 3, "2024", comparable=False),
    ]
    table = build_comparison(figures, [A, B], [article("a1", A)], catalogue)
    assert [t.name for t in table.themes] == ["经济发展", "生态环境"]  # catalogue theme order
    economy = table.themes[0]
    assert [r.kind for r in economy.rows] == ["level", "growth"]
    assert economy.rows[1].metric.endswith("增速")
    assert all("free" not in r.key for r in table.rows)  # only comparable figures


def test_without_catalogue_still_builds(catalogue):
    figures = [fig("甲县", "gdp", 300, "2024")]
    table = build_comparison(figures, [A], [article("a1", A)])
    assert table.rows[0].cells["甲县"].value == "300"


def test_bars_follow_column_order(catalogue):
    figures = [fig("乙区", "gdp", 200, "2024", article="a2"), fig("甲县", "gdp", 300, "2024")]
    table = build_comparison(figures, [A, B], [article("a1", A), article("a2", B)], catalogue)
    assert [b[0] for b in table.rows[0].bars(table.regions)] == ["甲县", "乙区"]
    assert table.rows[0].bars(table.regions)[0][2] == "300亿元"


def test_period_key_orders_latest_and_narrowest():
    assert period_key("2025-01/2025-10") < period_key("2025")
    assert period_key("2021-2025") < period_key("2025")
    assert period_key("2024") < period_key("2021-2025")
    assert period_key("") == (0, 0, 0)


def test_key_figures_comparable_first_in_catalogue_order(catalogue):
    figures = [
        fig("甲县", "free", 9, "2024", comparable=False),
        fig("甲县", "tourists", 500, "2024", theme="文化旅游", unit="万人次", base="人次", factor=1e4),
        fig("甲县", "gdp", 300, "2022"),
        fig("甲县", "gdp", 320, "2023"),
    ]
    cards = key_figures(figures, 3, catalogue)
    assert [c.canonical for c in cards[:2]] == ["gdp", "tourists"]
    assert cards[0].value == "320"  # latest period of the metric
    assert cards[2].canonical == ""  # then the other figures
    assert len(key_figures(figures, 1, catalogue)) == 1


def test_cards_skip_bare_numbers_without_a_unit():
    from generator.compare import key_figures
    from generator.records import Figure

    def fig(value, unit, canonical, kind="level"):
        return Figure(id=value, article="a", region="安吉县", metric=canonical, value=value, unit=unit,
                      value_normalized=float(value), unit_normalized=unit, period="2024", quote=value,
                      paragraph=1, kind=kind, canonical=canonical, comparable=True)

    cards = key_figures([fig("1.0", "", "industry_structure", "share"), fig("605.3", "亿元", "gdp")], 6)
    assert [c.value for c in cards] == ["605.3"]
