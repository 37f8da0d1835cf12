"""The edges of a measure (read/figures/edges.py) on sentences and words written for these tests."""

from __future__ import annotations

import jieba
import jieba.posseg
import pytest

from generator.read.figures import edges
from tests.figure_helpers import REGION, extract, one  # noqa: F401  (fixture)


@pytest.fixture(scope="module")
def pos():
    return jieba.posseg.POSTokenizer(jieba.Tokenizer())


def test_a_verb_of_reaching_a_new_amount_is_cut(pos):
    assert edges.tidy("财政税收增至", "level", pos) == "财政税收"
    assert edges.tidy("财政税收", "level", pos) == "财政税收"


def test_a_localizer_closing_a_frame_is_cut_with_its_opener(pos):
    assert edges.tidy("在农村公路建设项目上", "change", pos) == "农村公路建设项目"
    assert edges.tidy("线上", "level", pos) == "线上"  # nothing would be left


def test_the_year_of_a_yearly_rate_goes_only_from_a_growth(pos):
    assert edges.tidy("林木蓄积量年", "growth_avg", pos) == "林木蓄积量"
    assert edges.tidy("林木蓄积量年", "level", pos) == "林木蓄积量年"


def test_zhan_before_a_rate_is_a_share(pos):
    assert edges.tidy("民间投资占", "change", pos) == "民间投资占比"
    assert edges.tidy("民间投资占", "rank", pos) == "民间投资占"  # withheld as an open clause (trust)


def test_without_a_tagger_the_measure_is_kept():
    assert edges.tidy("财政税收增至", "level", None) == "财政税收增至"


def test_edges_in_a_sentence(extract):
    figures = extract("全县在农村公路建设项目上增加12个。")
    assert one(figures, 12).measure == "农村公路建设项目"


def test_the_level_of_a_region_named_before_a_compound_stays(extract):
    figures = extract(f"{REGION.name[:-1]}县域面积1800平方公里。")
    assert one(figures, 1.8e9).measure == "县域面积"


def test_zai_opening_a_ranks_measure_frames_the_assessment(extract):
    figures = extract("该县在全市营商环境年度考核中位列全市第二。")
    assert not one(figures, 2).measure.startswith("在")
    assert edges.opening("在营商环境考核", "rank", None) == "在营商环境考核"  # no tagger: kept
