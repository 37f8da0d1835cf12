"""Measures (read/figures/labels.py, measures.py) on sentences written for these tests."""

from __future__ import annotations

import jieba
import jieba.posseg
import pytest

from generator.read.figures import load_cues, measures
from tests.figure_helpers import extract, one  # noqa: F401  (fixture)


@pytest.fixture(scope="module")
def pos():
    return jieba.posseg.POSTokenizer(jieba.Tokenizer())


def test_time_modal_and_change_words_are_not_part_of_a_measure(extract):
    figures = extract("预计年内可减少群众办事跑腿次数40%以上。")
    assert one(figures, 40).measure == "群众办事跑腿次数"
    figures = extract("一季度，全县财政收入达到8.6亿元，较2021年激增37.5%。")
    assert one(figures, 37.5).measure == "财政收入"  # 激增 is a change word, the measure is carried


def test_a_growth_with_no_words_of_its_own_takes_the_measure_before_it(extract):
    figures = extract("全县地区生产总值达到320.5亿元。两年平均增长6.3%。")
    assert one(figures, 6.3).measure == "地区生产总值"


def test_a_streak_is_named_as_how_long_a_state_held(extract):
    figures = extract("全县用电量连续8个月保持同比正增长。")
    assert one(figures, 8).measure == "用电量同比正增长的连续月数"
    figures = extract("全县农村居民人均可支配收入增长7.1%，增速连续三年位居全市第一。")
    streak, rank = one(figures, 3), one(figures, 1)
    assert streak.measure.endswith("的连续年数") and "位居全市第一" in streak.measure
    assert rank.measure == "农村居民人均可支配收入增速"  # the rank is of the rate, not of the streak


def test_a_run_of_streaks_shares_the_state_and_drops_the_places(extract):
    figures = extract("其中，甲乡连续2年、乙镇连续4年获评综治工作先进单位。")
    assert [f.measure for f in figures] == ["获评综治工作先进单位的连续年数"] * 2


def test_ranks_part_the_measure_from_the_list(extract):
    figures = extract("青山县连续6年位居全国县域旅游百强榜首。")
    assert one(figures, 1).measure == "县域旅游百强排名"
    figures = extract("全县政务服务满意度位列全省山区县第二名。")
    rank = one(figures, 2)
    assert rank.measure == "政务服务满意度" and rank.base == "全省山区县"
    figures = extract("全县粮食总产量达9.6万吨，在全省产粮大县中排名第四。")
    rank = one(figures, 4)
    assert rank.measure == "粮食总产量" and rank.base == "全省产粮大县"


def test_a_counted_noun_after_its_unit_is_the_measure(extract):
    figures = extract("全县沿江片区48个省级重点帮扶村集体收入稳步增长。")
    assert "省级重点帮扶村" in one(figures, 48).measure
    figures = extract("新建的调度平台自动匹配600种作业方案。")
    assert one(figures, 600).measure == "调度平台匹配的作业方案"
    figures = extract("全力推进36个老旧小区改造。")
    assert one(figures, 36).measure == "老旧小区改造"  # 推进 only says the work is done


def test_list_items_share_the_verb(extract):
    figures = extract("项目投产后，可年减排粉尘1200吨、二氧化硫900吨。")
    assert one(figures, 900).measure == "年减排二氧化硫"
    figures = extract("改造涉及86栋住宅楼、1920户居民。")
    assert one(figures, 1920).measure == "涉及居民"


def test_participants_and_objects(extract):
    figures = extract("招聘会吸引2.3万人参与。")
    assert one(figures, 23000).measure == "参与人数"
    figures = extract("县农业农村局向1200户种粮大户发放耕地补贴资金860万元。")
    assert one(figures, 8600000).measure == "耕地补贴资金"


def test_per_unit_heads_and_time_rates_move_out_of_the_label(extract):
    figures = extract("全县每万人口拥有社会(公益)体育指导员21.5人。")
    assert one(figures, 21.5).measure == "社会(公益)体育指导员"
    figures = extract("扩建后，其处理能力从每日3万吨提升至6万吨。")
    assert {f.measure for f in figures} == {"日处理能力"}


def test_the_rank_words_of_an_arrangement_are_no_rank(extract):
    figures = extract("县委组织部安排15名年轻干部到乡镇挂职。")
    assert one(figures, 15).aspect.value != "rank"


def test_measure_cleaning_rules(pos):
    cues = load_cues()
    assert measures.measure("预计全年可降低物流成本", None, "growth", cues, pos) == "物流成本"
    assert measures.measure("分别增长", None, "growth", cues, pos) == ""  # nothing named: carried
    assert measures.measure("增速", None, "rank", cues, pos) == "增速"  # a rank keeps the rate it ranks
    assert measures.measure("工业比重", None, "share", cues, pos) == "工业比重"  # 比重 is no comparison
    assert measures.measure("同比增长", None, "growth", cues, pos) == ""
    assert measures.time_rate("污水处理能力从每日") == "日污水处理能力"
    assert measures.ranked_list("在全市县区综合考核排名中") == ("全市县区综合考核排名", "")
    assert measures.ranked_list("在二类县中") == ("", "二类县")


def test_noun_phrases_and_places(pos):
    assert measures.noun_after("标志性产业链，", pos) == "标志性产业链"
    assert measures.noun_after("实现增长", pos) == ""
    assert measures.is_place("甲乡", pos)
    assert not measures.is_place("获评先进单位", pos)


def test_a_second_list_of_comparisons_is_about_the_items_of_the_first(extract):
    figures = extract("全县工业投资、税收收入分别同比增长12%和9.5%，分别比全市快3.2个百分点和1.5个百分点。")
    assert one(figures, 3.2).measure == "工业投资增速"
    assert one(figures, 1.5).measure == "税收收入增速"


def test_a_counted_noun_keeps_its_bracketed_list(extract):
    figures = extract("全省68个县(市、区)参加了评比。")
    assert one(figures, 68).measure == "参加评比的县(市、区)"  # 评比 is a noun, no comparison


def test_a_named_town_or_village_opening_a_measure_is_left_to_the_scope():
    cues = load_cues()
    assert measures.without_place("白沙镇柳塘村集体经济年收入", cues) == "村集体经济年收入"
    assert measures.without_place("东湖街道停车位改造", cues) == "停车位改造"
    assert measures.without_place("示范村集体经济收入", cues) == "示范村集体经济收入"
    assert measures.without_place("城镇居民人均可支配收入", cues) == "城镇居民人均可支配收入"
    assert measures.without_place("乡镇企业营业收入", cues) == "乡镇企业营业收入"


def test_a_size_written_with_one_character_is_its_dimension(extract):
    figures = extract("新建的人行天桥宽6米、长48米。")
    assert one(figures, 48).measure == "长度"


def test_a_verb_alone_names_nothing_and_takes_the_measure_before_it(extract):
    figures = extract("全县家庭农场达420家，其中今年新增65家。")
    assert one(figures, 65).measure == "家庭农场"


def test_a_rank_of_counted_things_is_no_figure_of_the_region(extract):
    figures = extract("全县主要经济指标中有6项指标增速居全市第一、2项指标增速居全市第二。")
    assert sorted(f.value_normalized for f in figures) == [2, 6]
    figures = extract("全县地区生产总值增速居全市第一。")
    assert one(figures, 1).aspect.value == "rank"


def test_a_size_in_a_model_name_is_no_figure(extract):
    figures = extract("园区新上6米系列数控机床生产线等8个项目。")
    assert [f.value_normalized for f in figures] == [8]


def test_a_number_opening_its_clause_counts_the_subject_not_its_predicate(extract, pos):
    figures = extract("去年以来，全县42个文化广场焕然一新。")
    assert one(figures, 42).measure == "文化广场"
    figures = extract("全年15个特色产品获得绿色食品认证。")
    assert one(figures, 15).measure == "获得绿色食品认证的特色产品"
    assert measures.subject_noun("仓库被改建为展览馆", pos) == "仓库"
    assert measures.subject_noun("文化广场", pos) == ""  # no predicate: the whole noun stays


def test_things_picked_from_a_list_are_named_by_what_sets_them_apart(extract):
    figures = extract("全县重点工业企业中有6家企业产值超过十亿元、9家企业产值超过五亿元。")
    assert one(figures, 6).measure == "产值超过十亿元的重点工业企业"
    assert one(figures, 9).measure == "产值超过五亿元的重点工业企业"


def test_an_adverb_between_a_measures_noun_and_verb_is_no_part_of_it(extract):
    figures = extract("上半年，东湖港货运班列共发运1200列。")
    assert one(figures, 1200).measure == "东湖港货运班列发运"


def test_n_wins_in_a_row_is_a_streak_of_first_places(extract):
    figures = extract("2030年，全县茶叶出口增幅实现全市“七连冠”。")
    assert one(figures, 7).measure == "茶叶出口增幅居全市第一的连续年数"


def test_an_adverb_of_continuation_before_a_rank_verb_names_nothing(extract):
    figures = extract("全县农村居民人均可支配收入增长8.1%，增幅继续保持全市第一。")
    assert one(figures, 1).measure == "农村居民人均可支配收入增速"


def test_a_count_summing_up_a_list_names_none_of_its_items(extract):
    figures = extract("全县财政收入突破20亿元、30亿元两大关口。")
    assert one(figures, 30e8).measure == one(figures, 20e8).measure == "财政收入"


def test_a_verb_changing_an_amount_is_no_part_of_its_measure(extract):
    figures = extract("今年，镇卫生院门诊服务时间延长至12小时。")
    assert one(figures, 12).measure == "镇卫生院门诊服务时间"
    figures = extract("公交线网覆盖范围扩大到8个乡镇。")
    assert "扩大" not in one(figures, 8).measure


def test_a_multiple_is_measured_without_what_it_is_a_multiple_of(extract):
    figures = extract("节日期间，景区游客量都是平日的4倍。")
    assert one(figures, 4).measure == "景区游客量"


def test_a_count_after_a_list_of_names_counts_the_whole_list(extract):
    figures = extract("五年来，全县创建省级森林乡村、园林单位18个。")
    assert one(figures, 18).measure == "省级森林乡村、园林单位"
    figures = extract("今年完成植树造林、森林抚育面积增长4.5%。")  # a rate: the last item names it
    assert "植树" not in one(figures, 4.5).measure


def test_a_compound_noun_jieba_splits_before_a_verb_tag_stays_whole(extract):
    figures = extract("这支队伍有9家经济组织、15个志愿服务队。")
    assert one(figures, 9).measure.endswith("经济组织")


def test_a_time_word_inside_a_label_is_no_part_of_the_measure(extract):
    figures = extract("街道目前有9家经济组织。")
    assert "目前" not in one(figures, 9).measure


def test_a_one_character_lead_word_inside_a_word_stays(extract):
    figures = extract("今年再生资源回收站点新增20个。")
    assert one(figures, 20).measure.startswith("再生资源")
    figures = extract("平台更新政策30余条。")
    assert one(figures, 30).measure.endswith("更新政策")


def test_words_a_label_is_trimmed_of_are_trimmed_only_whole(extract):
    figures = extract("全县每万人有效发明专利拥有量达12.5件。")
    assert one(figures, 12.5).measure == "有效发明专利拥有量"
    figures = extract("全镇共有护林员80人。")
    assert one(figures, 80).measure == "护林员"
    figures = extract("小区物业费为平均1.2元/月·平方米。")
    assert one(figures, 1.2).measure.endswith("平均")  # 均 of 平均 is no adverb


def test_a_list_naming_an_indicator_is_no_count_of_the_whole_list(extract):
    figures = extract("全县共有“专精特新”企业、“小巨人”企业28家。")
    assert one(figures, 28).indicator is None


def test_jin_n_nian_is_a_time_no_part_of_the_measure(extract):
    figures = extract("全县近三年新增省级工程研究中心9家。")
    assert one(figures, 9).measure == "省级工程研究中心"


def test_opening_run_counts_the_nouns_a_clause_opens_with(pos):
    words = list(pos.cut("服务平台通过线上办理减少跑动"))
    nouns = frozenset({"n", "vn", "nz"})
    n = measures.opening_run(words, nouns)
    assert "".join(w.word for w in words[:n]) == "服务平台"
    assert words[n].flag not in nouns
    assert measures.opening_run(words, frozenset({"p"})) == 0
    assert measures.opening_run([], nouns) == 0
