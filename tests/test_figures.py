"""figures.extract_figures on sentences written for these tests (none is from the seeds or the dev corpus)."""

from __future__ import annotations

import time

from generator.read.figures import sentences
from generator.read.figures.tokens import parse_number
from generator.records import Aspect, Modality
from figure_helpers import REGION, extract, one, span  # noqa: F401 (extract is a fixture)


def test_level_and_growth_take_the_indicator_and_the_year(extract):
    figs = extract("2022年，全县实现地区生产总值325.6亿元，同比增长6.1%。")
    gdp = one(figs, 325.6e8)
    assert (gdp.unit, gdp.unit_normalized, gdp.aspect) == ("亿元", "元", Aspect.LEVEL)
    assert gdp.indicator == "地区生产总值" and gdp.measure == "地区生产总值" and span(gdp) == ("2022", "2022")
    growth = one(figs, 6.1)
    assert growth.aspect == Aspect.GROWTH and growth.indicator == "地区生产总值" and growth.base is None
    assert growth.scope is None and growth.modality == Modality.ACTUAL


def test_growth_is_not_a_share_and_a_rate_reached_is(extract):
    figs = extract("全县固定资产投资增长8.2%，森林覆盖率达62.5%，增速达9.1%。")
    assert one(figs, 8.2).aspect == Aspect.GROWTH
    cover = one(figs, 62.5)
    assert cover.aspect == Aspect.SHARE and cover.indicator == "森林覆盖率"
    assert one(figs, 9.1).aspect == Aspect.GROWTH  # 增速达: a growth rate, not a share


def test_average_growth_and_decrease(extract):
    figs = extract("“十四五”期间，全县一般公共预算收入年均增长7.4%，单位能耗下降12.5%。", year=2025)
    avg = one(figs, 7.4)
    assert avg.aspect == Aspect.GROWTH_AVG and span(avg) == ("2021", "2025")
    assert one(figs, -12.5).aspect == Aspect.GROWTH


def test_from_to_gives_two_figures_with_their_own_periods(extract):
    figs = extract("全县一般公共预算收入从2019年的8.6亿元增长到2022年的12.05亿元。")
    start, end = one(figs, 8.6e8), one(figs, 12.05e8)
    assert span(start) == ("2019", "2019") and span(end) == ("2022", "2022")
    assert start.start_value and not end.start_value
    assert start.aspect == end.aspect == Aspect.LEVEL


def test_from_to_under_a_five_year_frame_starts_the_year_before(extract):
    figs = extract("“十四五”以来，全县规上工业企业从98家增至156家。", year=2025)
    assert span(one(figs, 98)) == ("2020", "2020")
    assert span(one(figs, 156)) == ("2025", "2025")  # a stock reached by the end of the span


def test_respectively_gives_one_figure_per_item(extract):
    figs = extract("全县城镇居民、农村居民人均可支配收入分别达到38650元和19870元，分别增长5.1%、7.2%。")
    assert one(figs, 38650).indicator == "城镇居民人均可支配收入"
    assert one(figs, 19870).indicator == "农村居民人均可支配收入"
    assert one(figs, 5.1).aspect == one(figs, 7.2).aspect == Aspect.GROWTH


def test_enumeration_items_share_the_increment_verb(extract):
    figs = extract("今年新增省级专业园区3个、数字化车间12个、智能工厂5家。")
    assert {one(figs, v).aspect for v in (3, 12, 5)} == {Aspect.INCREMENT}


def test_threshold_and_per_unit_are_not_region_totals(extract):
    figs = extract("全县年收入超20万元的村达到46个。", "全县18个村集体经济收入超50万元。", "每个小组配备1名联络员。")
    assert [f.value for f in figs if f.value in ("20", "50")] == []  # thresholds sort things
    assert one(figs, 46).base is None and one(figs, 18).base is None
    per_unit = one(figs, 1)
    assert per_unit.base == "每个"


def test_target_and_estimate_and_actual(extract):
    figs = extract("今年全县地区生产总值预计增长6%。", "力争明年规上工业增加值增长8%。", "全年新增就业5200人。")
    assert one(figs, 6).modality == Modality.ESTIMATE
    target = one(figs, 8)
    assert target.modality == Modality.TARGET and span(target) == ("2024", "2024")
    assert one(figs, 5200).modality == Modality.ACTUAL


def test_sessions_ordinals_and_dates_are_not_figures(extract):
    figs = extract("县第十三届人大五次会议开幕，十七届人大常委会第三次会议审议了报告。",
                   "12月3日，市民可拨打12345热线反映问题。", "县第二人民医院扩建完成。")
    assert figs == []


def test_thresholds_after_a_comparison_sign_and_list_members_are_not_figures(extract):
    assert extract("入选门槛为生产总值≥500亿元。") == []
    assert extract("该县入选全国40个示范县之一。") == []


def test_qualifiers_are_placed_as_written(extract):
    figs = extract("带动就业3000余人，吸引游客超200万人次，发展油茶近5000亩，森林覆盖率达60%以上。")
    assert one(figs, 3000).qualifier == "余"
    assert one(figs, 2e6).qualifier == "超"
    assert one(figs, 5000).qualifier == "近"
    assert one(figs, 60).qualifier == "以上"


def test_change_against_a_named_year_spans_from_the_year_after(extract):
    figs = extract("2023年全县市场主体达2.3万户，较2020年增加6100户。")
    change = one(figs, 6100)
    assert change.aspect == Aspect.CHANGE and span(change) == ("2021", "2023") and change.base == "2020年"
    assert one(figs, 2.3e4).indicator == "经营主体"


def test_no_time_words_leave_the_period_empty(extract):
    figs = extract("全县土地面积1200平方公里。", year=2023)
    assert one(figs, 1.2e9).period is None


def test_relative_words_use_the_publication_date(extract):
    figs = extract("去年全县接待游客520万人次。", year=2021, published="2024-05-03")
    assert span(one(figs, 5.2e6)) == ("2023", "2023")


def test_a_named_village_is_a_scope_not_the_region(extract):
    figs = extract("石门镇青竹村集体经济年收入达52万元。", "全县新建公园12个。")
    assert one(figs, 52e4).scope
    assert one(figs, 12).scope is None


def test_rank_and_top_n(extract):
    figs = extract("2023年，该县综合实力位列全省第三，进入全国百强县前50位。")
    third = one(figs, 3)
    assert third.aspect == Aspect.RANK and third.unit_normalized == "位次" and third.base == "全省"
    top = one(figs, 50)
    assert top.aspect == Aspect.RANK and top.qualifier == "前"


def test_repeated_paragraph_does_not_duplicate_and_ids_are_stable(extract):
    text = "全县新增城镇就业5200人。"
    figs = extract(text, "另一段。", text)
    assert len(figs) == 1
    assert [f.id for f in extract(text)] == [f.id for f in extract(text)]


def test_quote_is_the_literal_clause(extract):
    paras = ["引言。", "全县建成5个驿站，服务群众2万人次。"]
    figs = extract(*paras)
    for f in figs:
        assert f.quote in paras[f.paragraph - 1]


def test_parse_number_reads_chinese_numerals():
    assert parse_number("两") == 2 and parse_number("十二") == 12 and parse_number("1,234.5") == 1234.5


def test_sentences_cut_long_runs():
    text = "甲" * 1000 + "，" + "乙" * 10 + "。丙。"
    pieces = list(sentences(text))
    assert "".join(p for _, p in pieces) == text
    assert max(len(p) for _, p in pieces) <= 400


def test_two_megabyte_paragraph_of_repeated_text_is_read_in_seconds(extract):
    """Issue 12: a 2 MB one-paragraph page (allowed by the size limit) must not stall the build."""
    unit = "全县新增城镇就业5200人，同比增长3.5%，其中青竹村新建公园2个；"
    big = unit * (2_000_000 // len(unit.encode()))
    t0 = time.process_time()
    figs = extract(big)
    assert time.process_time() - t0 < 10
    assert len(figs) == 3  # a verbatim restatement is one fact


def test_work_grows_linearly_with_distinct_sentences(extract):
    def text(n: int) -> str:
        return "".join(f"全县新增城镇就业{i}人，同比增长{i % 97}.5%，新建公园{i % 7 + 2}个；" for i in range(n))

    t0 = time.process_time()
    extract(text(150))
    t1 = time.process_time()
    extract(text(600))
    t2 = time.process_time()
    assert (t2 - t1) < 8 * max(t1 - t0, 0.02)  # four times the text, not sixteen times the time


def test_a_figure_whose_words_name_nothing_measures_what_the_one_before_it_does(extract):
    figs = extract("2023年全县出口总额120亿元，同比增长8.5%，增速比全省快2.1个百分点。")
    growth = one(figs, 8.5)
    assert growth.measure == one(figs, 120e8).measure and growth.aspect == Aspect.GROWTH
    gap = one(figs, 2.1)
    assert gap.aspect == Aspect.CHANGE and gap.indicator is None and "增速" in gap.measure


def test_streaks_and_first_places(extract):
    figs = extract("2024年，该县农村居民人均可支配收入连续12年位居全省首位。", year=2024)
    streak = one(figs, 12)
    assert streak.aspect == Aspect.LEVEL and span(streak) == ("2013", "2024")
    first = [f for f in figs if f.value == "首"][0]
    assert first.aspect == Aspect.RANK and span(first) == ("2013", "2024")


def test_a_range_is_one_figure_read_at_its_lower_bound(extract):
    figures = extract("比赛期间，店铺客流是平时的4至5倍。")
    assert [(f.value, f.value_normalized) for f in figures] == [("4至5", 4)]
    figures = extract("全县合作社从3到5个。")
    assert sorted(f.value_normalized for f in figures) == [3, 5]  # 从…到…: a start and an end value
