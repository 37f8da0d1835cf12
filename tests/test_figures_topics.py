"""topics.py: attributes and short heads take the thing they belong to (invented sentences)."""

from __future__ import annotations

import jieba
import jieba.posseg
import pytest

from generator.read.figures import topics
from tests.figure_helpers import extract, one  # noqa: F401  (fixture)


@pytest.fixture(scope="module")
def pos():
    return jieba.posseg.POSTokenizer(jieba.Tokenizer())


def test_an_amount_after_a_count_belongs_to_the_counted_things(extract):
    figures = extract("今年，青山县铺排重点项目120个，总投资300亿元，年度计划投资90亿元。")
    projects = one(figures, 120).measure
    assert projects.endswith("重点项目")
    assert one(figures, 300e8).measure == projects + "总投资"
    assert one(figures, 90e8).measure == projects + "年度计划投资"


def test_what_a_renovation_involves_is_the_renovations(extract):
    figures = extract("今年，全县推进30个棚户区改造，涉及1200户居民、60栋住宅楼。")
    assert one(figures, 1200).measure == "棚户区改造涉及居民"
    assert one(figures, 60).measure == "棚户区改造涉及住宅楼"


def test_an_attribute_sharing_a_head_with_the_measure_before_it_is_of_the_same_thing(extract):
    figures = extract("上半年，青山县实现规模以上工业产值500亿元，同比增长8%；实现销售产值480亿元，同比增长7%。")
    assert one(figures, 480e8).measure == "规模以上工业销售产值"
    assert one(figures, 7).measure == "规模以上工业销售产值"  # the growth carries the completed measure


def test_a_sentence_opening_with_a_noun_is_about_that_noun(extract):
    figures = extract("今年以来，青山县工业稳步回升。纺织业领跑全县，增加值增长9.5%。")
    assert one(figures, 9.5).measure == "纺织业增加值"


def test_a_short_head_stands_for_the_full_name_given_before(extract):
    figures = extract("新型材料产业链入选省级先进制造业集群，产业链产值达到260亿元，全链年产值过亿企业达12家。")
    assert one(figures, 260e8).measure == "新型材料产业链产值"
    assert one(figures, 12).measure == "新型材料产业链年产值过亿企业"


def test_an_attribute_with_nothing_named_before_it_stays_as_it_is(extract):
    figures = extract("预计今年产值增长10%，达3.5亿元。")
    assert one(figures, 10).measure == "产值"
    # the region itself is no topic
    figures = extract("青山县经济稳中有进，增加值增长6%。")
    assert "青山" not in one(figures, 6).measure
    figures = extract("全县经济运行平稳，增加值增长6%。")  # nor is the whole county
    assert one(figures, 6).measure == "增加值"


def test_a_long_label_is_no_name_to_carry(extract):
    figures = extract("今年，市本级集中办理历史遗留资产不动产证600本，涉及建筑面积30万平方米。")
    assert one(figures, 30e4).measure == "涉及建筑面积"


def test_helpers(pos):
    assert topics.opening_subject("纺织业领跑全县，增加值增长9.5%", pos, ("青山县",)) == "纺织业"
    assert topics.opening_subject("2023年，增加值增长9.5%", pos, ()) == ""
    assert topics.fuller_name("新型材料产业链入选，全产业链", pos) == "新型材料产业链"
    assert topics.fuller_name("全产业链协同", pos) == ""


def test_a_count_in_a_frame_naming_an_event_or_platform_is_that_ones(extract):
    figures = extract("在首届茶叶博览会期间，青山县累计签约项目8个。")
    assert one(figures, 8).measure == "茶叶博览会签约项目"  # the event's short name
    figures = extract("依托县政务服务平台，今年累计受理群众诉求300件。")
    assert one(figures, 300).measure.startswith("县政务服务平台")


def test_a_frame_governs_its_own_sentence_only(extract):
    figures = extract("在首届茶叶博览会期间，青山县累计签约项目8个。全年新签约项目20个。")
    assert one(figures, 20).measure.endswith("签约项目")
    assert "博览会" not in one(figures, 20).measure
    # a frame of the whole region names nothing
    figures = extract("在全省年度考核中，青山县获评先进单位3个。")
    assert "全省" not in one(figures, 3).measure


def test_a_part_of_the_measure_before_it_keeps_its_head(extract):
    figures = extract("今年上半年，青山县实现进出口总额300.5亿元，同比增长12.8%，其中出口200.5亿元，同比增长10.3%。")
    assert one(figures, 200.5e8).measure == "出口总额"
    assert one(figures, 10.3).measure == "出口总额"
    assert topics.part_of("产值", "工业总产值") == ""  # the head itself is no part
    assert topics.part_of("出口", "出口总额") == ""  # nor the opening words of the measure


def test_what_counted_actors_did_is_theirs(extract):
    figures = extract("目前，青山县3个驻外联络小组累计走访企业、协会等200家，对接洽谈项目40个，签约项目9个。")
    assert one(figures, 40).measure == "驻外联络小组对接洽谈项目"
    assert one(figures, 9).measure == "驻外联络小组签约项目"
    # the people they benefit are counted by the benefit, not by the actors
    figures = extract("全县5个示范基地吸纳务工人员300人，带动80余户农户增收。")
    assert "示范基地" not in one(figures, 80).measure
    # a count that is no subject (5个乡镇，…) completes nothing
    figures = extract("项目覆盖5个乡镇，新建便民站点12个。")
    assert "乡镇" not in one(figures, 12).measure


def test_a_paragraph_opening_with_what_x_is_is_about_x(extract):
    figures = extract("医疗是民生之需。青山县坚持保基本、强基层，近年来累计投入2.5亿元，新建卫生院3所。")
    assert one(figures, 2.5e8).measure == "医疗投入"
    assert topics.paragraph_topic("2023年是关键之年。", None) == ""


def test_the_next_item_of_a_relation_shares_it(extract):
    figures = extract("今年，全县办结不动产登记900件，涉及房屋面积12万平方米，土地面积5万平方米。")
    house = one(figures, 12e4).measure
    assert house.endswith("涉及房屋面积")
    assert one(figures, 5e4).measure == house.replace("房屋面积", "土地面积")
    figures = extract("今年，全县建成安置房900套，建筑面积12万平方米，绿化面积5万平方米。")
    assert one(figures, 5e4).measure == "绿化面积"  # no relation to share


def test_an_attribute_listed_after_a_measure_shares_its_opening_noun(extract):
    figures = extract("2023年，青山县完成小麦播种面积60万亩、产量达25万吨。")
    wheat = one(figures, 25e4)
    assert wheat.measure == "小麦产量"


def test_a_measure_parallel_to_the_one_before_keeps_its_head(extract):
    figures = extract("本次会议应到委员200人，实到190人。")
    assert one(figures, 190).measure == "实到委员"
    figures = extract("上半年，青山县出口总额80亿元，同比增长5%；进口20亿元，同比增长9%。")
    assert one(figures, 20e8).measure == "进口总额"
    assert one(figures, 9).measure == "进口总额"
    assert topics.parallel("农业", "工业增加值") == "农业增加值"
    assert topics.parallel("外资", "出口总额") == ""  # nothing parallel


def test_an_attribute_opening_with_the_counted_things_last_word_is_theirs(extract):
    figures = extract("今年，全县推进30个棚户区改造，改造总面积12万平方米。")
    assert one(figures, 12e4).measure == "棚户区改造总面积"


def test_a_rank_named_by_nothing_ranks_in_the_list_entered_or_published(extract):
    figures = extract("今年6月，青山县再次入选“2030县域创新百强”，排名第41位。")
    assert one(figures, 41).measure == "县域创新百强排名"
    figures = extract("某研究院日前发布2030生态宜居百强榜单。青山县上榜全国百强县，排名17位。")
    assert one(figures, 17).measure == "生态宜居百强排名"
    assert topics.named_list("青山县上榜全国百强县，") == ""  # a category, not a named list


def test_a_villages_income_is_its_collectives():
    assert topics.collective("年收入", "东湖镇柳溪村") == "村集体年收入"
    assert topics.collective("年收入", None) == ""  # the region's own income is no collective's
    assert topics.collective("游客", "柳溪村") == ""


def test_a_rate_listed_after_a_rate_of_a_named_thing_is_of_that_thing(extract):
    figures = extract("今年以来，全县政务热线工单回访满意率达90.5%，问题解决率达81.2%。")
    assert one(figures, 81.2).measure == "政务热线工单问题解决率"


def test_the_absolute_value_of_a_measure_is_that_measure(extract):
    figures = extract("全县城镇居民人均可支配收入4.1万元，同比增长5.2%，收入绝对值连续9年位居全市首位。")
    assert one(figures, 1).measure == "城镇居民人均可支配收入"


def test_a_companys_own_figures_are_the_firms(extract):
    figures = extract("青山精密机械有限公司经理介绍，预计今年产值增长12%，达2.6亿元。")
    assert one(figures, 2.6e8).measure == "企业产值"


def test_a_count_opening_its_own_clause_takes_no_actor(extract):
    figures = extract("全县12个老旧小区改造完工，86台加装电梯“拔地而起”。")
    assert one(figures, 86).measure == "加装电梯"


def test_a_sentence_going_on_after_a_framing_one_counts_the_frames_things(extract):
    figures = extract("同时，依托县智慧政务服务平台，生成预警事项。目前，累计预警热点诉求41个。")
    assert one(figures, 41).measure == "县智慧政务服务平台预警热点诉求"


def test_holders_of_an_honour_named_before_count_that_honour(extract):
    figures = extract("该县成功跻身全国县域电商“示范县”。至此，云岭市已有5个县获此殊荣。")
    assert one(figures, 5).measure == "全国县域电商“示范县”"


def test_participants_count_for_the_activity_named_before_them(extract):
    figures = extract("创新开展“县长直播带货”，吸引3.1万人参与。")
    assert one(figures, 31000).measure == "“县长直播带货”参与人数"


def test_an_amount_of_land_measures_the_area_of_what_it_names(extract):
    figures = extract("全县建设高标准农田2.4万亩。")
    assert one(figures, 24000).measure == "高标准农田面积"
    figures = extract("辐射带动周边300余户农户参与玉米种植4万余亩。")
    assert one(figures, 40000).measure == "参与玉米种植面积"  # the farmers are the count before it


def test_an_attribute_of_things_counted_just_before_is_theirs(extract):
    figures = extract("该县成功跻身全国县域电商“示范县”。至此，云岭市已有5个县获此殊荣，数量居全省第一。")
    assert one(figures, 1).measure == "全国县域电商“示范县”数量"


def test_a_thing_named_by_a_quoted_brand_before_keeps_the_brand(extract):
    figures = extract("“甬新欧”中欧班列共开行808列；回程班列共发运338列。")
    assert one(figures, 338).measure == "“甬新欧”回程班列发运"
    figures = extract("“安居房”项目交房5755套，安置房交房4636套。")
    assert one(figures, 4636).measure == "安置房交房"  # another kind doing the same: no brand


def test_modifiers_saying_all_name_no_kind(extract):
    figures = extract("去年，景区接待国内外游客67.5万人次。")
    assert one(figures, 675000).measure == "接待游客"


def test_a_bare_dimension_after_another_measures_the_same_object(extract):
    figures = extract("新建的大桥主跨长度达300米、宽30米。")
    assert one(figures, 30).measure == "大桥主跨宽度"
    figures = extract("全县新修绿道12条、宽度3米。")
    assert one(figures, 3).measure == "宽度"  # after a count, not after a dimension: left alone
