"""Scope and period rules of figures.extract_figures on sentences written for these tests
(none is from the seeds or the dev corpus)."""

from __future__ import annotations

from generator.records import Aspect, Modality, Region
from figure_helpers import REGION, extract, one, span  # noqa: F401 (extract is a fixture)


def test_the_other_levels_figure_in_a_comparison_is_theirs(extract):
    figs = extract("今年前三季度，全县生产总值同比增长8.0%，比全省的5.9%快2.1个百分点。")
    assert one(figs, 8.0).scope is None
    assert one(figs, 5.9).scope == "全省"
    plain = extract("今年，全县生产总值同比增长8.0%，高于全国平均水平1.2个百分点。")
    assert one(plain, 1.2).scope is None  # the gap is the county's own


def test_a_village_named_in_one_word_is_a_scope(extract):
    figs = extract("2022年，大寨村接待游客30.5万人次，全县接待游客800万人次。")
    assert one(figs, 30.5e4).scope == "大寨村"
    assert one(figs, 800e4).scope is None
    generic = extract("2022年，示范村接待游客12万人次。")
    assert one(generic, 12e4).scope is None


def test_a_recent_day_word_does_not_date_the_rest_of_the_article(extract):
    figs = extract("近日，记者走进县城的一家工厂，工人正在赶制订单。",
                   "这里有经营主体超5万户，是全省制造业大县。", published="2023-06-01")
    assert span(one(figs, 5e4)) is None
    same = extract("近日，县统计局发布数据，全县经营主体达5万户。", published="2023-06-01")
    assert span(one(same, 5e4)) == ("2023", "2023")


def test_average_growth_takes_the_multi_year_review_before_it(extract):
    figs = extract("2022年，全县经济持续回升。",
                   "过去五年，全县坚持创新驱动，产业结构不断优化。",
                   "城乡居民人均可支配收入达3.5万元、年均增长6.8%。", published="2023-01-15",
                   title="县政府工作报告解读")
    avg = one(figs, 6.8)
    assert avg.aspect == Aspect.GROWTH_AVG and span(avg) == ("2018", "2022")


def test_a_time_late_in_the_lead_frames_later_paragraphs_not_the_numbers_before_it(extract):
    figs = extract("青山县是制造业大县，经营主体超5万户。2022年，全县新增企业300家。",
                   "全县规模以上工业企业120家。")
    assert span(one(figs, 5e4)) is None
    assert span(one(figs, 300)) == ("2022", "2022")
    assert span(one(figs, 120)) == ("2022", "2022")


def test_a_figure_of_counted_units_heading_the_clause_is_theirs(extract):
    figs = extract("2022年，全县8个乡村旅游示范点共接待游客45万人次，全县接待游客900万人次。")
    assert one(figs, 45e4).scope == "8个乡村旅游示范点"
    assert one(figs, 900e4).scope is None
    listed = extract("2022年，全县新建3个园区、5家企业投产，完成投资20亿元。")
    assert one(listed, 20e8).scope is None


def test_an_autonomous_county_is_named_by_its_short_name():
    from generator.read.figures.labels import region_words
    words = region_words(Region("白水各族自治县", "云岭市", "某某省", "999902", "county", "baishui"))
    assert "白水县" in words and "白水" in words


def test_an_undated_from_to_after_a_dated_one_runs_over_the_same_years(extract):
    figs = extract("十年来，全县生产总值从2012年的80亿元增至2021年的160亿元。",
                   "城镇居民人均可支配收入从2万元提升到4.1万元。", published="2022-06-01")
    assert span(one(figs, 4.1e4)) == ("2021", "2021")
    assert span(one(figs, 2e4)) == ("2012", "2012")
    alone = extract("十年来，城镇居民人均可支配收入从2万元提升到4.1万元。", published="2022-06-01")
    assert span(one(alone, 4.1e4)) == ("2022", "2022")


def test_the_part_of_this_year_names_the_period(extract):
    figs = extract("今年上半年，全县生产总值同比增长5.1%。", published="2023-07-20")
    assert span(one(figs, 5.1)) == ("2023-01", "2023-06")
    whole = extract("今年，全县生产总值同比增长5.1%。", published="2023-07-20")
    assert span(one(whole, 5.1)) == ("2023", "2023")


def test_whole_year_frames_the_rest_of_its_paragraph(extract):
    figs = extract("全年实现生产总值120亿元；规模工业增加值增长6.5%。", published="2023-12-20")
    assert span(one(figs, 6.5)) == ("2023", "2023")


def test_an_estimate_note_for_what_follows_and_start_values_are_actual(extract):
    figs = extract("全年实现生产总值120亿元（预计数，下同）；规模工业增加值增长6.5%。",
                   "社会消费品零售总额增长4.2%。", published="2023-12-20")
    assert one(figs, 6.5).modality == Modality.ESTIMATE
    assert one(figs, 4.2).modality == Modality.ACTUAL  # another paragraph
    pair = extract("力争生产总值从100亿元提高到150亿元。")
    assert one(pair, 100e8).modality == Modality.ACTUAL and one(pair, 150e8).modality == Modality.TARGET
