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


def test_counted_things_standing_alone_are_named_by_the_next_clause(extract):
    figures = extract("青山县水泥搅拌站等12个项目，列入省级绿色制造示范项目。")
    assert one(figures, 12).measure == "列入省级绿色制造示范项目的项目"
    figures = extract("青山县实施项目12个，带动就业3000人。")  # a clause with its own verb, a next one with a number
    assert "带动" not in one(figures, 12).measure


def test_a_bare_noun_done_to_at_an_event_keeps_its_verb(extract):
    figures = extract("在2024“青山美食周”活动中，举办推介会，县乡两级组团走访60家企业和商会，现场签约项目9个。")
    assert one(figures, 60).measure == "“青山美食周”走访企业"


def test_no_topic_where_the_text_sets_up_none(extract):
    figures = extract("坚持问题导向，群众满意率达98%。")  # a clause about no actor owns no rate
    assert one(figures, 98).measure == "群众满意率"
    figures = extract("会议强调，今年全县要新建项目30个。", title="青山县召开经济工作会议")
    assert "会议" not in one(figures, 30).measure


def test_a_count_of_the_outcome_owns_no_rate_of_it(extract):
    figures = extract("青山县累计培训农村实用人才5000人次，带动就业2000人，就业率达85%。")
    assert one(figures, 85).measure == "就业率"
