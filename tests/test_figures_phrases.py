"""Counted noun phrases (read/figures/phrases.py) on sentences written for these tests."""

from __future__ import annotations

import jieba
import jieba.posseg
import pytest

from generator.read.figures import phrases
from tests.figure_helpers import extract, one  # noqa: F401  (fixture)


@pytest.fixture(scope="module")
def pos():
    return jieba.posseg.POSTokenizer(jieba.Tokenizer())


def test_a_predicate_after_the_counted_noun_becomes_a_relative_clause(extract):
    figures = extract("县人社局安排20名大学生到企业、社区一线见习锻炼。")
    assert one(figures, 20).measure == "到企业、社区一线见习锻炼的大学生"
    figures = extract("全县有8个乡镇开通农村客运专线。")
    assert one(figures, 8).measure == "开通农村客运专线的乡镇"


def test_the_other_numbers_of_the_predicate_are_left_out(extract):
    figures = extract("今年全县在9个乡镇设置40个便民服务点。")
    assert one(figures, 9).measure == "设置便民服务点的乡镇"


def test_a_predicate_of_outcome_leaves_the_noun_alone(extract):
    figures = extract("目前，全县20余个业务系统全面上线。")
    assert one(figures, 20).measure == "业务系统"
    figures = extract("去年以来，全县14个农贸市场焕然一新。")
    assert one(figures, 14).measure == "农贸市场"


def test_the_next_item_of_a_list_is_no_predicate(extract):
    figures = extract("今年建成1个县级人力资源（零工）市场和6个村级零工驿站。")
    assert one(figures, 1).measure == "县级人力资源（零工）市场"
    assert one(figures, 6).measure == "村级零工驿站"


def test_counted_clause_parts(pos):
    assert phrases.counted_clause("干部到企业挂职", pos) == ("到企业挂职的干部", True)
    assert phrases.counted_clause("企业陆续落户", pos) == ("企业", False)
    assert phrases.counted_clause("驿站、食堂", pos) == ("", False)  # a list, no predicate
    assert phrases.rest_of_clause("在9个乡镇设置40个服务点", 3, 13, [(7, 10)]) == "乡镇设置服务点"


def test_amounts_listed_after_one_verb_share_it(extract):
    figures = extract("村里以共建模式，统筹使用80万元扶贫资金与12万元公共收益。")
    assert one(figures, 800000).measure == "使用的扶贫资金"  # 统筹使用: the last verb says what was done
    assert one(figures, 120000).measure == "使用的公共收益"  # 公共: 共 inside a word ends no noun


def test_a_lead_word_inside_a_verb_stays(extract):
    figures = extract("全县累计使用外资3.5亿美元。")
    assert one(figures, 3.5e8).measure.startswith("使用外资")


def test_a_percentage_before_an_outcome_is_its_rate(extract):
    figures = extract("出厂产品实现抽检100%合格。")
    assert one(figures, 100).measure.endswith("抽检合格率")


def test_an_amount_describing_a_place_does_not_count_it(extract):
    figures = extract("在这座面积仅320平方公里的县城，民营企业十分活跃。")
    assert one(figures, 320e6).measure == "面积"


def test_seats_are_the_seats_of_the_list_the_sentence_frames(extract):
    figures = extract("名单显示，先进县中，山区片占21席，平原片占9席。")
    assert one(figures, 21).measure == one(figures, 9).measure == "先进县席位"


def test_a_percentage_after_completed_work_is_its_progress(extract):
    figures = extract("青山湖绿道项目完成100%；滨江公园工程累计完成投资85%。")
    assert one(figures, 100).measure == "项目完成进度"
    assert one(figures, 85).measure == "投资完成率"


def test_a_figure_in_a_bracketed_note_restates_the_one_before(extract):
    figures = extract("2029年，全县GDP突破400亿元(人民币,下同,80.9亿新元),达到404.5亿元。")
    assert {f.measure for f in figures} == {"地区生产总值"}


def test_a_count_of_things_of_a_given_size_counts_the_things(extract):
    figures = extract("新建4座容积约2300平方米的钢制沉淀池。")
    assert one(figures, 4).measure == "钢制沉淀池"
    assert one(figures, 2300).measure == "钢制沉淀池容积"


def test_a_list_item_ending_in_a_grade_shares_the_next_items_noun(extract):
    figures = extract("全县形成1个百亿级和3个十亿级特色产业集群。")
    assert one(figures, 1).measure.endswith("百亿级特色产业集群")


def test_people_counted_as_owners_of_what_the_verb_acts_on(extract):
    figures = extract("工程解决了当地3000余名村民“饮水难”问题。")
    assert one(figures, 3000).measure == "解决“饮水难”问题的村民"


def test_adjectives_split_by_jieba_still_open_the_counted_noun(extract):
    figures = extract("上月，镇干部走访慰问了3名困难新就业群体人员。")
    assert one(figures, 3).measure == "困难新就业群体人员"


def test_the_attribute_that_changed_is_no_part_of_what_is_counted(extract):
    figures = extract("十年来，全县25个老旧小区人居环境焕然一新。")
    assert one(figures, 25).measure == "老旧小区"
    figures = extract("去年以来，全县14个农贸市场焕然一新。")
    assert one(figures, 14).measure == "农贸市场"



def test_an_amount_followed_by_de_and_a_noun_is_that_things(extract):
    figures = extract("县文旅局为一棵树高约40米的银杏树安装了避雷设施。")
    assert one(figures, 40).measure == "银杏树树高"
    figures = extract("今年签约总投资12亿元的储能电站项目。")
    assert one(figures, 1.2e9).measure == "储能电站项目总投资"


def test_an_owned_amount_after_a_verb_and_a_per_unit_word_is_the_noun_with_its_time_rate(extract):
    figures = extract("合作社每月给社员发放每人约600元的养老补贴。")
    assert one(figures, 600).measure == "养老月补贴"
    assert one(figures, 600).base == "每人"


def test_a_count_before_an_owned_size_keeps_its_own_noun(extract):
    figures = extract("新建2座高约30米的混凝土水塔。")
    assert one(figures, 2).measure == "混凝土水塔"


def test_a_quoted_manner_word_before_the_verb_is_no_part_of_the_measure(extract):
    figures = extract("全县2万余份档案实现“无纸化”归档。")
    assert one(figures, 20000).measure == "归档的档案"
    figures = extract("全县15个茶叶品牌获得“地理标志”认证。")  # the quoted word is the object's: it stays
    assert "“地理标志”" in one(figures, 15).measure


def test_a_count_before_an_amount_of_its_units_counts_the_units(extract):
    figures = extract("北部片区27个省级重点帮扶村集体经营性收入全部达25万元。")
    assert one(figures, 27).measure == "省级重点帮扶村"
    assert one(figures, 250000).measure == "村集体经营性收入"


def test_units_whose_attribute_passes_a_threshold_are_counted_with_it(extract):
    figures = extract("全镇9个社区集体收入超过50万元。")
    assert one(figures, 9).measure == "集体收入超过50万元的社区"


def test_owner_split(pos):
    assert phrases.owner_split("示范村集体经济收入", pos) == ("示范村", "集体经济收入")
    assert phrases.owner_split("老旧小区", pos) == ("", "")


def test_firms_whose_amount_passes_a_threshold_are_counted_as_firms(extract):
    figures = extract("全市有12家民营企业纳税超过5000万元。")
    assert one(figures, 12).measure == "纳税超过5000万元的民营企业"
    figures = extract("全市5家企业技术中心获批国家级。")  # no amount: the centres are counted
    assert one(figures, 5).measure.endswith("企业技术中心")


def test_a_place_of_one_character_is_what_a_count_counts(extract):
    figures = extract("其中3个村集体收入迈上百万元台阶。")
    assert one(figures, 3).measure.endswith("的村")
    figures = extract("全镇有6个村、2个社区。")
    assert one(figures, 6).measure == "村"


def test_things_counted_as_they_became_a_kind_are_counted_as_that_kind(extract):
    figures = extract("五年来，15个村庄“变身”森林乡村、美丽庭院示范点。")
    assert one(figures, 15).measure == "森林乡村、美丽庭院示范点"
    figures = extract("全县3个村成为省级美丽乡村示范村。")
    assert one(figures, 3).measure == "省级美丽乡村示范村"


def test_a_predicate_of_becoming_with_a_verb_after_it_is_no_kind(pos):
    assert phrases.counted_clause("村庄成为带动增收的样板", pos)[0] != "带动增收的样板"


def test_an_amount_before_a_quoted_name_is_that_things(extract):
    figures = extract("精度达0.05毫米的“AI视觉质检系统”正在检测产品缺陷。")
    assert [f.measure for f in figures if f.value == "0.05"] == ["“AI视觉质检系统”精度"]


def test_an_amount_restated_by_the_noun_after_it_keeps_its_own_measure(extract):
    figures = extract("全市地区生产总值迈上5000亿元的新台阶。")
    assert one(figures, 5e11).measure == "地区生产总值"
    figures = extract("投资5亿元的污水处理厂正式投运。")
    assert one(figures, 5e8).measure == "污水处理厂投资"


def test_a_word_jieba_tags_an_adverb_inside_a_name_stays(extract):
    figures = extract("全县13家企业入选省级专精特新企业名单。")
    assert "特新" in one(figures, 13).measure
