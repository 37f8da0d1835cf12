"""context.py: a generic measure takes the topic its context set up (invented sentences)."""

from __future__ import annotations

import jieba
import jieba.posseg
import pytest

from generator.read.figures import context
from tests.figure_helpers import extract, one  # noqa: F401  (fixture)


@pytest.fixture(scope="module")
def pos():
    return jieba.posseg.POSTokenizer(jieba.Tokenizer())


def test_plain_heads_are_generic_and_named_things_are_not(pos):
    assert context.generic("签约项目", pos)
    assert context.generic("签约项目总金额", pos)  # an attribute of a generic thing
    assert context.generic("就业率", pos)
    assert not context.generic("规模以上工业企业", pos)  # long enough to say what it is
    assert not context.generic("水质达标率", pos)  # the rate names whose it is
    assert not context.generic("“青山号”项目", pos)


def test_an_event_is_known_by_its_short_name():
    assert context.short_event("第五届青山茶叶博览会暨2024年“茶友回乡”大会") == "青山茶叶博览会"
    assert context.short_event("2024“青山美食周”活动") == "“青山美食周”"
    assert context.short_event("青山招商推介会") == "青山招商推介会"
    assert context.short_event("首届青山招商推介会") == "青山招商推介会"


def test_counts_at_an_event_are_the_events(extract):
    figures = extract("今年，青山县赴各地推介。第五届青山茶叶博览会暨2024年乡贤大会上，现场签约项目18个，总金额达40亿元。")
    assert one(figures, 18).measure == "青山茶叶博览会现场签约项目"
    assert one(figures, 40e8).measure == "青山茶叶博览会现场签约项目总金额"
    figures = extract("在2024“青山美食周”活动中，举办对接会3场，现场签约项目9个。")
    assert one(figures, 9).measure == "“青山美食周”现场签约项目"


def test_counts_gathered_into_a_list_are_the_lists(extract):
    figures = extract("青山县梳理12个部门的260项涉企事项，编制印发《涉企服务事项清单》，方便群众办事。")
    assert one(figures, 12).measure.startswith("《涉企服务事项清单》")
    assert one(figures, 12).measure.endswith("部门")
    assert one(figures, 260).measure.startswith("《涉企服务事项清单》")
    figures = extract("青山县新增企业30家，编制印发《涉企服务事项清单》。")  # what was not gathered is not the list's
    assert "《" not in one(figures, 30).measure


def test_a_rate_with_no_owner_is_of_what_the_clause_before_counts(extract):
    figures = extract("今年累计培训电工学员1200人，持证上岗率达85%。")
    assert one(figures, 85).measure == one(figures, 1200).measure + "持证上岗率"


def test_a_share_in_a_clause_with_no_subject_is_of_the_things_counted_before(extract):
    figures = extract("目前，医共体增至6个，覆盖全县90%的卫生院。")
    assert one(figures, 90).measure == "医共体覆盖的卫生院"


def test_a_rate_after_a_clause_without_a_number_is_of_what_it_says(extract):
    figures = extract("引导物业企业参与楼道清理、垃圾分类等小区治理，问题解决率达95%。")
    assert one(figures, 95).measure == "物业企业参与小区治理问题解决率"
    # a rate that names its own thing keeps it
    figures = extract("全面推行河长制，水质达标率达95%。")
    assert one(figures, 95).measure == "水质达标率"


def test_a_sentence_with_no_subject_goes_on_about_the_one_before(extract):
    figures = extract("服务站负责人李某介绍，服务专区通过统一发布模式，实现信息直达。目前已发布政策30余条，推送信息50余次。")
    assert one(figures, 30).measure.startswith("服务专区")
    assert one(figures, 50).measure == "服务专区推送信息"
    # a sentence that has its own subject does not
    figures = extract("服务专区通过统一发布模式，实现信息直达。合作社发布政策30余条。")
    assert not one(figures, 30).measure.startswith("服务专区")
    # nor is the region, or a figure's own measure, a topic
    figures = extract("青山县推行网上办事，办件量增长20%。目前已办理事项300余项。")
    assert not one(figures, 300).measure.startswith(("青山", "办件"))


def test_a_bare_verb_takes_the_object_it_was_named_with(extract):
    figures = extract("实践表明，盘活闲置厂房是增加集体收入的有效办法。今年，全县累计盘活完成2.5亿元。")
    assert one(figures, 2.5e8).measure == "盘活闲置厂房"


def test_places_entering_a_list_are_its_entrants(extract):
    figures = extract("日前，“2024全国美丽乡镇榜单”在杭州发布，全国120个乡镇榜上有名，某省有青山镇等5个乡镇上榜。")
    assert one(figures, 120).measure == "“2024全国美丽乡镇榜单”乡镇"
    assert one(figures, 5).measure.startswith("“2024全国美丽乡镇榜单”")
    # a count that enters no list keeps its measure
    figures = extract("“美丽乡镇”建设全面推进，全县新建公园12个。")
    assert "美丽乡镇" not in one(figures, 12).measure


def test_a_demonstrative_names_what_owns_the_counts(extract):
    figures = extract("“这个志愿服务队目前有16家爱心商户、25个居民兴趣小组，主要是根据居民需求开展活动。”社区书记王某介绍。")
    assert one(figures, 16).measure == "志愿服务队爱心商户"
    assert one(figures, 25).measure == "志愿服务队居民兴趣小组"
    figures = extract("该公司新增订单30个。")  # a unit the scope names is no topic of the measure
    assert one(figures, 30).measure.count("公司") <= 1


def test_an_event_word_opening_a_sentence_points_at_the_event_named_before(extract):
    figures = extract("本次考核共评定45家单位为优秀。", title="2024年度全省实施乡村振兴战略实绩考核结果公布")
    assert one(figures, 45).measure.startswith("乡村振兴战略实绩考核")  # not the verb done to it, nor 全省
    figures = extract("近日，省里公布了2024年度美丽乡村综合考核结果。考核结果显示，青山县连续3年获评优秀单位。")
    assert one(figures, 3).measure.startswith("美丽乡村综合考核")
    figures = extract("本次考核共评定45家单位为优秀。")  # nothing named before: as it is
    assert "考核" not in one(figures, 45).measure


def test_counted_things_standing_alone_are_named_by_the_next_clause(extract):
    figures = extract("青山县水泥搅拌站等12个项目，列入省级绿色制造示范项目。")
    assert one(figures, 12).measure == "列入省级绿色制造示范项目的项目"
    figures = extract("青山县实施项目12个，带动就业3000人。")  # a clause with its own verb, a next one with a number
    assert "带动" not in one(figures, 12).measure


def test_a_share_of_the_total_after_an_increment_is_the_share_of_what_was_added(extract):
    figures = extract("青山县省级工程技术研究中心达到20家，其中近三年新增15家、占总数的75%。")
    assert one(figures, 75).measure == "近三年新增" + one(figures, 20).measure
    figures = extract("青山县创新平台达到20家，其中去年新增5家、占总数的25%。")
    assert one(figures, 25).measure == "去年新增" + one(figures, 20).measure
    assert one(figures, 5).measure == one(figures, 20).measure  # the increment itself keeps the named measure


def test_a_bare_noun_done_to_at_an_event_keeps_its_verb(extract):
    figures = extract("在2024“青山美食周”活动中，举办推介会，县乡两级组团走访60家企业和商会，现场签约项目9个。")
    assert one(figures, 60).measure == "“青山美食周”走访企业"


def test_an_award_after_a_clause_naming_who_qualifies_is_that_groups(extract):
    figures = extract("青山县对新认定为省级专精特新企业的，给予每家企业一次性补助20万元，"
                      "对复核通过为专精特新企业的，给予每家企业一次性补助5万元。")
    assert one(figures, 20e4).measure == "新认定为省级专精特新企业一次性补助"
    assert one(figures, 5e4).measure == "复核通过为专精特新企业一次性补助"
    figures = extract("对此，青山县给予企业奖励20万元。")  # no 对…的 clause naming a group
    assert "对此" not in one(figures, 20e4).measure


def test_only_a_list_names_its_entrants(extract):
    figures = extract("“四好农村路”建设全面推进，全县5个乡镇入选省级示范乡镇。")
    assert "四好农村路" not in one(figures, 5).measure
    figures = extract("“全国乡村振兴示范县”榜单发布，全国100个县榜上有名。")  # the list word after the quote
    assert one(figures, 100).measure.startswith("“全国乡村振兴示范县”榜单")


def test_no_topic_where_the_text_sets_up_none(extract):
    figures = extract("坚持问题导向，群众满意率达98%。")  # a clause about no actor owns no rate
    assert one(figures, 98).measure == "群众满意率"
    figures = extract("会议强调，今年全县要新建项目30个。", title="青山县召开经济工作会议")
    assert "会议" not in one(figures, 30).measure


def test_an_event_pointed_at_names_only_its_results_or_a_generic_count(extract):
    figures = extract("本次大会应到代表302人，实到代表296人。", title="青山县第十八届人民代表大会第三次会议开幕")
    assert not one(figures, 302).measure.startswith("人民代表大会")


def test_a_demonstrative_before_plain_things_names_no_owner(extract):
    figures = extract("这些企业今年新增订单300个。")
    assert not one(figures, 300).measure.startswith("企业新增")


def test_an_award_to_each_of_a_group_named_without_a_closing_de(extract):
    figures = extract("青山县对新引进的高层次人才，给予每人安家补贴10万元。")
    assert one(figures, 10e4).measure == "新引进的高层次人才安家补贴"
    figures = extract("对标先进地区，新增企业30家。")  # 对标 names no group, and nothing each gets
    assert "先进" not in one(figures, 30).measure


def test_a_count_of_the_outcome_owns_no_rate_of_it(extract):
    figures = extract("青山县累计培训农村实用人才5000人次，带动就业2000人，就业率达85%。")
    assert one(figures, 85).measure == "就业率"
