"""referents.py: the topic a text names for a measure, whatever it is (invented sentences)."""

from __future__ import annotations

from tests.figure_helpers import extract, one  # noqa: F401  (fixture)


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


def test_a_share_of_the_total_after_an_increment_is_the_share_of_what_was_added(extract):
    figures = extract("青山县省级工程技术研究中心达到20家，其中近三年新增15家、占总数的75%。")
    assert one(figures, 75).measure == "近三年新增" + one(figures, 20).measure
    figures = extract("青山县创新平台达到20家，其中去年新增5家、占总数的25%。")
    assert one(figures, 25).measure == "去年新增" + one(figures, 20).measure
    assert one(figures, 5).measure == one(figures, 20).measure  # the increment itself keeps the named measure


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


def test_mentioned_units_are_read_only_when_an_anaphor_asks():
    import jieba
    import jieba.posseg

    from generator.lexicon.words import Tagger
    from generator.read.figures import carry, load_cues

    cues = load_cues()
    pos = Tagger(jieba.posseg.POSTokenizer(jieba.Tokenizer()))
    said = ["交流会在青山县人民医院举行。", "全县新建公园12个。", "大寨村村民代表参加。"]
    mentioned = carry.Mentioned((), cues, pos)
    for sentence in said[:2]:
        mentioned.add(sentence)
    assert mentioned.found == []  # nothing read yet
    paragraph = mentioned.mark()
    mentioned.add(said[2])
    eager = [u for s in said if (u := carry.mentioned_unit(s, (), cues, pos))]
    assert mentioned.units() == eager and len(mentioned.found) == 3
    assert len(eager) == 2 and mentioned.units(paragraph) == eager[-1:]
    # 该院 takes the latest hospital; 该企业 (a kind no unit name ends in) the paragraph's latest unit
    assert carry.referent("该院新增床位20张。", mentioned, cues)[0] == eager[0]
    assert carry.referent("该企业新增订单5个。", mentioned, cues, paragraph)[0] == eager[-1]
    assert carry.referent("该企业新增订单5个。", mentioned, cues, mentioned.mark())[0] is None
