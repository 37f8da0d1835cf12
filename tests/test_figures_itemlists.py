"""Lists named in the clause before the values they share (read/figures/itemlists.py), on sentences
written for these tests."""

from __future__ import annotations

from tests.figure_helpers import REGION, extract, one  # noqa: F401  (fixture)


def test_items_named_in_the_clause_before_take_the_values_in_order(extract):
    stem = REGION.name[:-1]
    figures = extract(f"{stem}数字经济核心产业增加值、限额以上批发业销售额表现亮眼,上半年分别增长21.5%、18.2%。")
    assert one(figures, 21.5).measure == "数字经济核心产业增加值"
    assert one(figures, 18.2).measure == "限额以上批发业销售额"


def test_a_clause_before_with_values_of_its_own_gives_no_items(extract):
    figures = extract("工业投资、民间投资分别增长9%和6%，分别比全省快2.1个百分点和1.5个百分点。")
    assert one(figures, 2.1).measure.startswith("工业投资")
    assert one(figures, 1.5).measure.startswith("民间投资")


def test_a_list_of_another_length_gives_no_items(extract):
    figures = extract("甲产业、乙产业、丙产业发展迅速，分别增长8%、9%。")
    assert one(figures, 8).measure != "甲产业"


def test_a_rank_all_items_share_is_one_figure_per_item(extract):
    figures = extract("数字经济核心产业增加值、限额以上批发业销售额表现亮眼，上半年分别增长21.5%、18.2%，均居全市第一。")
    ranks = sorted(f.measure for f in figures if f.aspect.value == "rank")
    assert ranks == ["数字经济核心产业增加值增速", "限额以上批发业销售额增速"]
