"""Figures a reader would misread are marked (Figure.doubt) and withheld from the digest (trust.py)."""

from __future__ import annotations

from dataclasses import replace

import jieba
import jieba.posseg
import pytest

from generator.read.figures import load_cues, trust
from generator.records import Figure
from figure_helpers import extract, one  # noqa: F401  (extract is a fixture)

CUES = load_cues()


@pytest.fixture(scope="module")
def pos():
    return jieba.posseg.POSTokenizer(jieba.Tokenizer())


def fig(measure: str, unit: str = "个", scope: str | None = None, indicator: str | None = None) -> Figure:
    return Figure(id="f", article="a", region="青山县", measure=measure, value="5", unit=unit,
                  value_normalized=5.0, unit_normalized=unit, quote="q", paragraph=1,
                  scope=scope, indicator=indicator)


def test_a_measure_opening_with_a_preposition_is_an_adverbial(pos):
    assert trust.doubt(fig("向困难群众"), CUES, pos) == "adverbial"
    assert trust.doubt(fig("从立项到投产仅用", "月"), CUES, pos) == "adverbial"


def test_a_preposition_inside_a_word_is_no_opener(pos):
    # 从业人员 and 向阳村 open with the characters, not with the preposition
    assert trust.doubt(fig("从业人员", "人"), CUES, pos) == ""
    assert trust.doubt(fig("向阳村农户", "户"), CUES, pos) == ""


def test_without_a_tagger_the_preposition_signal_is_not_read():
    assert trust.doubt(fig("向困难群众"), CUES, None) == ""


def test_a_bare_attribute_needs_an_owner():
    assert trust.doubt(fig("产值", "元"), CUES) == "bare_attribute"
    # the company it is scoped to, or the indicator, says whose it is
    assert trust.doubt(fig("产值", "元", scope="某某科技公司"), CUES) == ""
    assert trust.doubt(fig("工业产值", "元"), CUES) == ""


def test_a_measure_ending_in_an_object_verb_is_an_open_clause():
    assert trust.doubt(fig("山区乡镇占", "席"), CUES) == "open_clause"
    # before a rate 占 stands for 占比
    assert trust.doubt(fig("民间投资占", "百分点"), CUES) == ""


def test_half_a_bracket_is_a_broken_label():
    assert trust.doubt(fig("万美元)"), CUES) == "broken_pair"
    assert trust.doubt(fig("县(市、区)"), CUES) == ""


def test_a_measure_that_only_names_its_scope():
    assert trust.doubt(fig("滨河公园改造项目", "%", scope="滨河公园改造项目"), CUES) == "names_scope"
    assert trust.doubt(fig("改造面积", "平方米", scope="滨河公园改造项目"), CUES) == ""


def test_a_measure_holding_a_clause_mark_is_a_clause():
    assert trust.doubt(fig("部分：工作回顾和主要成"), CUES) == "clause_mark"
    assert trust.doubt(fig("工作回顾和主要成就"), CUES) == ""


def test_withhold_keeps_the_rest_and_counts_each_reason():
    kept = fig("学校")
    figures = [kept, replace(fig("x"), id="g", doubt="adverbial"), replace(fig("y"), id="h", doubt="adverbial"),
               replace(fig("z"), id="i", doubt="broken_pair")]
    shown, counts = trust.withhold(figures)
    assert shown == [kept]
    assert counts == {"adverbial": 2, "broken_pair": 1}
    assert trust.note(counts) == "; 3 figures withheld as unreliable (adverbial 2, broken_pair 1)"
    assert trust.note({}) == ""


def test_the_reader_marks_an_adverbial_figure_and_not_its_neighbours(extract):  # noqa: F811
    figures = extract("今年，青山县向12家热心助学、扶危济困的企业授牌，全县新建学校3所。")
    assert one(figures, 12).doubt == "adverbial"
    assert one(figures, 3).doubt == ""


def test_the_reader_marks_an_attribute_with_no_owner(extract):  # noqa: F811
    figures = extract("今年压减规模800万元，全县工业产值增长5%。")
    assert one(figures, -8e6).doubt == "bare_attribute"  # 压减: a decrease
    assert one(figures, 5).doubt == ""


def test_a_preposition_after_the_first_word_makes_the_measure_an_actors_clause(pos):
    assert trust.doubt(fig("市里对全市", "个"), CUES, pos) == "inner_adverbial"
    assert trust.doubt(fig("某物业公司更是以平均", "元"), CUES, pos) == "inner_adverbial"
    # a preposition fixed inside a noun phrase is no adverbial
    assert trust.doubt(fig("公办幼儿园在园幼儿", "人"), CUES, pos) == ""
    assert trust.doubt(fig("吸纳为会员的商户", "家"), CUES, pos) == ""


def test_an_actors_clause_before_a_count_is_withheld(extract):
    figures = extract("州政府对全州18个县(市)开展2022年度县域经济高质量发展分类考核工作。")
    assert one(figures, 18).doubt == "inner_adverbial"


def test_a_preposition_inside_a_measure_ending_in_a_measure_head_is_kept(pos):
    assert trust.doubt(fig("群众对政务服务满意率", "%"), CUES, pos) == ""
    assert trust.doubt(fig("企业向银行贷款额", "元"), CUES, pos) == ""
