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


def test_a_time_late_in_the_lead_frames_later_paragraphs_only_from_a_sentence_without_figures(extract):
    framed = extract("青山县是制造业大县，经营主体超5万户。2022年是全县工业攻坚之年。",
                     "全县规模以上工业企业120家。")
    assert span(one(framed, 5e4)) is None
    assert span(one(framed, 120)) == ("2022", "2022")
    own = extract("青山县是制造业大县，经营主体超5万户。2022年，全县新增企业300家。",
                  "全县规模以上工业企业120家。")
    assert span(one(own, 300)) == ("2022", "2022")
    assert span(one(own, 120)) is None  # 2022年 dates its own sentence's figures, not the article


def test_a_time_opening_the_lead_paragraph_frames_the_article(extract):
    figs = extract("今年以来，全县新增企业300家。", "全县规模以上工业企业120家。")
    assert span(one(figs, 120)) == ("2023", "2023")


def test_a_time_in_a_quoted_anecdote_frames_nothing_else(extract):
    figs = extract("“设备升级后，产量从300吨增到500吨，今年一定能卖上好价钱！”农户笑着说。",
                   "全县累计发展合作社示范社55家。")
    assert span(one(figs, 55)) is None


def test_a_framing_paragraph_governs_the_later_paragraphs_of_its_section(extract):
    figs = extract("2022年是“十三五”规划收官之年。回望这五年，全县经济稳步增长。",
                   "全县高新技术企业总数突破80家，外贸进出口总额年均增长9%。", year=2022)
    assert span(one(figs, 80)) == ("2022", "2022")
    assert span(one(figs, 9)) == ("2018", "2022")


def test_a_work_report_on_the_closed_year_frames_its_undated_figures(extract):
    figs = extract("县长向大会作政府工作报告。",
                   "全县地区生产总值达到300亿元，较“十三五”末增长20%。", published="2026-03-10", year=2026)
    assert span(one(figs, 300e8)) == ("2025", "2025")
    assert span(one(figs, 20)) == ("2021", "2025")


def test_a_streak_reported_mid_year_ends_in_the_last_full_year(extract):
    figs = extract("7月10日，市政府召开发布会。“十四五”以来，全市研发投入占比连续三年居全省第5位。",
                   published="2025", year=2025)
    assert span(one(figs, 3)) == ("2022", "2024")
    later = extract("全市研发投入占比连续三年居全省第5位。", published="2026-03-01", year=2025)
    assert span(one(later, 3)) == ("2023", "2025")


def test_an_approximate_streak_has_no_start(extract):
    figs = extract("2020年，全市在百强榜中已连续十余年位居榜首。")
    assert span(one(figs, 1)) == ("2020", "2020")


def test_a_two_year_average_runs_from_the_year_before(extract):
    figs = extract("今年一季度，全市地区生产总值同比增长18%，两年平均增长7.1%。", published="2021-04-20", year=2021)
    assert span(one(figs, 7.1)) == ("2020-01", "2021-03")


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


def test_a_named_unit_opening_the_clause_is_the_scope(extract):
    figs = extract("2023年，石门镇白沙村集体经济年收入达42.5万元。")
    assert one(figs, 42.5e4).scope == "石门镇白沙村"
    hospital = extract("2023年，县人民医院新建住院大楼，新增8个临床科室。")
    assert one(hospital, 8).scope == "县人民医院"


def test_a_generic_word_ending_in_a_unit_suffix_is_no_unit(extract):
    figs = extract("2023年，全县农村居民人均可支配收入达1.8万元，“四好农村路”通畅率100%，乡村振兴示范点新增12个。")
    assert one(figs, 1.8e4).scope is None
    assert one(figs, 100).scope is None
    assert one(figs, 12).scope is None


def test_the_regions_own_budget_level_is_a_part(extract):
    figs = extract("2023年，青山县本级办理不动产证320本。")
    assert one(figs, 320).scope == "县本级"


def test_an_abbreviated_company_before_its_verb_is_the_unit_for_its_sentence(extract):
    figs = extract("2023年，钢铁集团所属的湘钢实施技改项目近400个，运营成本降低20%。",
                   "2023年，湘钢建成200兆瓦发电机组，实现年减排烟尘3200吨、二氧化硫3000吨。")
    assert one(figs, 3200).scope == "湘钢" and one(figs, 3000).scope == "湘钢"
    plain = extract("2023年，全县同比增长8%，规上工业增加值增长9%。")
    assert one(plain, 8).scope is None and one(plain, 9).scope is None


def test_a_unit_named_in_an_earlier_clause_covers_the_rest_of_the_sentence_until_the_region_returns(extract):
    figs = extract("在各方努力下，2023年，青山县本级办理不动产证320本，涉及建筑面积32万平方米，全县新增企业80家。")
    assert one(figs, 32e4).scope == "县本级"
    assert one(figs, 80).scope is None


def test_a_government_body_of_the_region_is_no_unit(extract):
    figs = extract("2023年，县农业局引进企业和合作社13家。")
    assert one(figs, 13).scope is None


def test_a_news_source_is_no_unit(extract):
    figs = extract("据新华社报道，青山县已连续十年位居百强榜首，2023年地区生产总值增长6%。")
    assert all(f.scope is None for f in figs)


def test_what_a_cutting_verb_cuts_is_a_change_over_the_review(extract):
    figs = extract("“十四五”期间，全县取消部门专项资金56个，压减规模2300万元，120台加装电梯投入使用。", year=2025)
    cut, money, lifts = one(figs, -56), one(figs, -2300e4), one(figs, 120)  # a cut is negative
    assert cut.aspect == Aspect.CHANGE and money.aspect == Aspect.CHANGE
    assert span(cut) == ("2021", "2025") and span(money) == ("2021", "2025")
    assert lifts.aspect == Aspect.INCREMENT and span(lifts) == ("2021", "2025")


def test_a_sentence_without_figures_reframes_only_by_a_time_it_opens_with(extract):
    figs = extract("县长说，2025年是“十四五”规划收官之年。我们始终坚持创新驱动，在“十四五”征程中写下新篇章。全县地区生产总值增长5%。",
                   year=2025)
    assert span(one(figs, 5)) == ("2025", "2025")


def test_a_gap_to_another_level_under_a_review_stands_at_its_end(extract):
    figs = extract("“十四五”以来，全县产业投资占比达60%，高于全省平均水平3.5个百分点。", year=2025)
    assert span(one(figs, 3.5)) == ("2025", "2025")


def test_an_event_the_clause_opens_with_is_the_scope(extract):
    figs = extract("2023年3月，县人民代表大会开幕。本次大会应到代表280人，实到271人。")
    assert one(figs, 280).scope == "本次大会" and one(figs, 271).scope == "本次大会"


def test_another_region_heading_an_item_or_a_clause_is_the_scope(extract):
    figs = extract("2023年，青山县获评优秀，其中青山县连续2年、石岭县连续3年获评优秀单位。")
    assert one(figs, 2).scope is None
    assert one(figs, 3).scope == "石岭县"
    own = extract("2023年，某某省青山县地区生产总值增长6%。")
    assert one(own, 6).scope is None


def test_the_regions_own_named_body_with_an_ordinal_is_a_unit(extract):
    figs = extract("2023年，青山县第二污水处理厂扩容改造，使其处理能力从每日3万吨提升至6万吨。")
    assert one(figs, 6e4).scope == "青山县第二污水处理厂"
    acting = extract("2023年，青山县依托社区服务中心，精心打造12个“红色驿站”。")
    assert one(acting, 12).scope is None  # the region acting through a place: its own figure


def test_a_quotation_counts_for_the_unit_of_its_speaker(extract):
    figs = extract("“今年我们新接订单200份，产值预计增长12%。”青山华宇电子科技有限公司经理李明笑着说。")
    assert one(figs, 200).scope == "青山华宇电子科技有限公司"
    assert one(figs, 12).scope == "青山华宇电子科技有限公司"
    official = extract("“全县今年新增企业300家。”县长王强介绍。")
    assert one(official, 300).scope is None
    unsaid = extract("“今年新接订单200份。”青山华宇电子科技有限公司新建了车间。")
    assert one(unsaid, 200).scope is None  # no verb of saying: not an attribution


def test_an_anaphor_carries_the_unit_named_before_through_its_paragraph(extract):
    figs = extract("5月8日，全省医疗交流会在青山县中医医院举行。",
                   "该院以改革为契机启动系统建设。项目实现20余个业务系统上线。",
                   "全县新建卫生室15个。")
    assert one(figs, 20).scope == "青山县中医医院"
    assert one(figs, 15).scope is None  # the next paragraph is no longer about it
    plain = extract("5月8日，全省医疗交流会在青山县中医医院举行。", "项目实现20余个业务系统上线。")
    assert one(plain, 20).scope is None
    mismatch = extract("5月8日，全省医疗交流会在青山县中医医院举行。", "该村实现20余个项目落地。")
    assert one(mismatch, 20).scope is None  # 该村 points to no village named before


def test_an_event_framing_a_clause_scopes_the_counts_after_it(extract):
    figs = extract("在2023年山货博览会上，客商纷纷前来洽谈，累计签约项目12个；全县新增企业300家。")
    assert one(figs, 12).scope is not None
    assert one(figs, 300).scope is None
    bare = extract("今年，客商纷纷前来洽谈，累计签约项目12个。")
    assert one(bare, 12).scope is None


def test_a_quotation_counts_for_the_body_of_a_speakers_role(extract):
    figs = extract("“今年我们已走访客商80余家。”驻外招商小组负责人介绍。")
    assert one(figs, 80).scope == "驻外招商小组"
    bureau = extract("“今年全县已走访客商80余家。”县商务局相关负责人介绍。")
    assert one(bureau, 80).scope is None  # the region's own bureau speaks for the region


def test_a_bare_unit_word_points_back_to_the_unit_of_its_kind(extract):
    figs = extract("红星社区党委组建了志愿团队。", "社区党委将辖区15家商户吸纳为伙伴。")
    assert one(figs, 15).scope == "红星社区"
    none_before = extract("全县推进基层治理。", "社区党委将辖区15家商户吸纳为伙伴。")
    assert one(none_before, 15).scope is None


def test_one_batch_or_delivery_is_its_own_scope(extract):
    figs = extract("此次交付的桥梁构件长度达36米、重18吨。")
    assert one(figs, 36).scope and one(figs, 18).scope


def test_local_people_after_a_named_unit_are_that_units(extract):
    figs = extract("今年，全县推进供水工程，6月青龙镇供水项目完工，解决了当地5000余名群众饮水难题。")
    assert one(figs, 5000).scope is not None
    plain = extract("今年，全县推进供水工程，解决了当地5000余名群众饮水难题。")
    assert one(plain, 5000).scope is None


def test_an_untyped_anaphor_points_only_within_its_paragraph(extract):
    figs = extract("3月5日，红星社区志愿服务站揭牌成立。其间，工作人员走访了12户困难家庭。")
    assert one(figs, 12).scope is not None
    apart = extract("3月5日，红星社区志愿服务站揭牌成立。", "其间，全县走访了12户困难家庭。")
    assert one(apart, 12).scope is None


def test_figures_assigned_one_by_one_to_listed_units_are_theirs(extract):
    figs = extract("一季度，青龙湖、白云洞两大景区分别接待游客5.2万人次、4.1万人次。")
    assert one(figs, 5.2e4).scope and one(figs, 4.1e4).scope
    whole = extract("一季度，全县第一、第二产业增加值分别增长5.2%、4.1%。")
    assert one(whole, 5.2).scope is None and one(whole, 4.1).scope is None



def test_a_year_after_the_first_figure_dates_only_its_own_clauses(extract):
    figs = extract("县域经济是国民经济的基础。", "在农业方面，全县建成高标准农田12万亩，2022年完成粮食播种面积80万亩。"
                   "建成示范村45个，村集体经济总收入达900万元。", year=None)
    assert span(one(figs, 80e4)) == ("2022", "2022")
    assert span(one(figs, 45)) is None and span(one(figs, 900e4)) is None


def test_a_time_before_the_first_figure_frames_the_next_sentences(extract):
    figs = extract("全县就业形势稳定，截至9月底，全县新增城镇就业6200人。开展线上招聘活动12场。")
    assert span(one(figs, 12)) == ("2023-01", "2023-09")


def test_a_review_span_after_a_from_value_frames_what_follows(extract):
    figs = extract("全县高新技术企业从“十三五”末的9家，到“十四五”期间增至40家。"
                   "新增科技型中小企业120家。", year=2025)
    assert span(one(figs, 120)) == ("2021", "2025")


def test_a_verbless_clause_after_a_list_of_added_things_is_added_too(extract):
    figs = extract("“十四五”以来，全县新增省级园区4个、省级车间21个，省级“示范工厂”95家，企业总数达到900家。",
                   year=2025)
    item = one(figs, 95)
    assert item.aspect == Aspect.INCREMENT and span(item) == ("2021", "2025")
    assert one(figs, 900).aspect == Aspect.LEVEL  # a stock word of its own


def test_money_and_clauses_with_a_verb_of_their_own_are_no_items_of_the_list(extract):
    figs = extract("今年，全县新建重点项目12个，总投资80亿元。全县新建商业街区5个，联动300家商家推出促销活动。")
    assert one(figs, 80e8).aspect == Aspect.LEVEL
    assert one(figs, 300).aspect == Aspect.LEVEL


def test_a_meeting_the_page_reports_is_dated_by_the_publication(extract):
    figs = extract("3月2日上午，县第九届人民代表大会第三次会议开幕。", "本次大会应到代表210人，实到201人。",
                   published="2024-03-02", title="县人代会开幕")
    assert span(one(figs, 210)) == ("2024-03", "2024-03")
    assert span(one(figs, 201)) == ("2024-03", "2024-03")
    batch = extract("今年，全县经济平稳。", "此次交付的钢管长23米。", published="2024-03-02")
    assert span(one(batch, 23)) == ("2024", "2024")  # a delivery is no event the page dates


def test_a_total_after_a_cumulative_clause_spans_the_review(extract):
    figs = extract("“十四五”期间，全县累计引进重大项目120个，投资总额560亿元，人均GDP突破9万元。", year=2025)
    assert span(one(figs, 560e8)) == ("2021", "2025")
    assert span(one(figs, 9e4)) == ("2025", "2025")  # a level reached by the end: a verb of its own


def test_funds_won_over_a_review_span_are_a_total_over_it(extract):
    figs = extract("这5年，全县争取中央资金3.2亿元。", year=2025)
    assert span(one(figs, 3.2e8)) == ("2021", "2025")


def test_a_change_against_the_previous_year_keeps_the_current_period(extract):
    figs = extract("今年8月，全县排名第41位，较上年提高3个名次。2024年全县市场主体较2020年增加6100户。", year=2024)
    gain = one(figs, 3)
    assert span(gain) == ("2024-08", "2024-08") and gain.base is None
    assert span(one(figs, 6100)) == ("2021", "2024")  # a named earlier year: from the year after it


def test_a_flows_volume_completed_is_its_total_but_projects_completed_are_done(extract):
    figs = extract("今年上半年，全县快递业务量累计完成3.2亿件，完成粮食播面45万亩，完成重点项目18个。")
    assert one(figs, 3.2e8).aspect == Aspect.LEVEL
    assert one(figs, 45e4).aspect == Aspect.LEVEL
    assert one(figs, 18).aspect == Aspect.INCREMENT


def test_things_set_up_or_landed_are_added(extract):
    figs = extract("今年，全县推动建立完善制度12项，落地乡村振兴项目65个。")
    assert one(figs, 12).aspect == Aspect.INCREMENT
    assert one(figs, 65).aspect == Aspect.INCREMENT


def test_participants_drawn_by_a_date_are_a_total_since_january(extract):
    figs = extract("截至9月底，全县新增城镇就业6200人，开展直播带岗活动，吸引3.1万人参与。")
    assert span(one(figs, 3.1e4)) == ("2023-01", "2023-09")


def test_a_duration_stands_over_the_span_it_took(extract):
    figs = extract("县医院信息化工程自2022年3月启动，至2024年5月20日上线核心系统12个，历时两年完成改造。", year=2024)
    assert span(one(figs, 12)) == ("2022-03", "2024-05")
    assert span(one(figs, 2)) == ("2022-03", "2024-05")


def test_a_verb_of_agreement_or_conversion_after_the_count_makes_it_added(extract):
    figs = extract("今年，全县与东盟等8个国家达成合作意向，300平方米闲置仓库升级为社区食堂。")
    assert one(figs, 8).aspect == Aspect.INCREMENT
    assert one(figs, 300).aspect == Aspect.INCREMENT


def test_a_hedge_between_a_verb_of_change_and_its_amount_keeps_it_a_change(extract):
    figs = extract("今年，全县推广新品种，推动玉米亩产量提高约25公斤。")
    assert one(figs, 25).aspect == Aspect.CHANGE


def test_a_verb_of_change_over_a_plain_noun_makes_a_percent_a_growth(extract):
    figs = extract("今年，全县推行一网通办，减少群众办事跑动次数60%，网上办理率达到90%。")
    assert one(figs, 60).aspect == Aspect.GROWTH
    assert one(figs, 90).aspect == Aspect.SHARE


def test_a_ratio_of_two_is_a_level_and_a_structure_is_shares(extract):
    figs = extract("2022年，全县城乡居民收入比为1.75:1，三次产业结构为8.2:40.5:51.3。")
    assert one(figs, 1.75).aspect == Aspect.LEVEL
    assert one(figs, 40.5).aspect == Aspect.SHARE


def test_a_percent_that_is_faster_or_slower_is_a_growth_rate(extract):
    figs = extract("今年一季度，全县生产总值增长7.1%，比全省的5.2%快1.9个百分点。")
    assert one(figs, 5.2).aspect == Aspect.GROWTH


def test_a_part_counted_after_qizhong_is_read_like_the_whole(extract):
    figs = extract("今年，全县签约项目120个、同比增长12%，其中亿元以上项目35个、同比增长20%；企业总数达到800家，其中规上企业90家。")
    assert one(figs, 35).aspect == Aspect.INCREMENT
    assert one(figs, 90).aspect == Aspect.LEVEL


def test_a_count_allotted_to_each_unit_is_a_standing_level_without_period(extract):
    figures = extract("今年，每个村配备2名专职网格员、1名法律顾问。", year=2024)
    for value in (2, 1):
        figure = one(figures, value)
        assert figure.aspect.value == "level" and figure.period is None
    assert one(extract("今年，全县新增专职网格员30名。", year=2024), 30).period is not None


def test_a_unit_suffix_jieba_splits_off_still_names_the_unit(extract):
    figures = extract("东湖商业街区成为首店集聚地，甲、乙等12家品牌首店相继落户。", year=2024)
    assert one(figures, 12).scope == "东湖商业街区"


def test_things_handed_out_or_built_up_in_the_period_are_its_total(extract):
    figures = extract("今年，全县发放果苗5万余株，建设高标准农田3.2万亩，新建村级驿站12个。", year=2024)
    assert one(figures, 50000).aspect == Aspect.LEVEL  # FRAMES: the total of a flow over the period
    assert one(figures, 32000).aspect == Aspect.LEVEL
    assert one(figures, 12).aspect == Aspect.INCREMENT


def test_a_sentence_pointing_back_to_the_day_before_takes_its_month(extract):
    figures = extract("今年7月18日，某社区党支部揭牌成立。其间，相关负责人慰问了3名困难群众。", year=2024)
    assert span(one(figures, 3)) == ("2024-07", "2024-07")
    figures = extract("今年7月18日，某社区党支部揭牌成立。相关负责人慰问了3名困难群众。", year=2024)
    assert span(one(figures, 3)) != ("2024-07", "2024-07")  # no pointing back: the day dates its own sentence


def test_a_speakers_own_story_or_an_unnamed_past_takes_no_frame(extract):
    figures = extract("今年，县里开展家政培训。", "“入行后，我已经服务了近60个家庭。”月嫂李某说。", year=2024)
    assert one(figures, 60).period is None
    figures = extract("今年，县里新建厂房3座。“以前，一个月拿2800块钱，现在工资翻番。”居民王某说。", year=2024)
    assert one(figures, 2800).period is None
    figures = extract("今年，县里招商成效明显。", "“我们归集各类招商信息150条。”县投促中心主任说。", year=2024)
    assert span(one(figures, 150)) == ("2024", "2024")  # an office speaking: the article's frame holds


def test_an_event_framed_by_an_earlier_sentence_scopes_the_later_counts(extract):
    figures = extract("6月，第三届东盟经贸博览会上，青山专场推介活动亮相。产品获得广泛关注，与8个国家达成合作意向。",
                      "全年全县新增市场主体900户。", year=2024)
    assert one(figures, 8).scope == "第三届东盟经贸博览会"
    assert one(figures, 900).scope is None  # a new paragraph: the event frames it no more


def test_an_anecdote_about_one_compound_is_dated_only_by_its_own_time_words(extract):
    figures = extract("今年以来，全县推进老旧小区改造。",
                      "在此基础上，东湖小区物业三方联动，统筹使用600余万元维修资金。",
                      "如今，东湖小区新增停车位120个。", year=2024)
    assert one(figures, 6_000_000).period is None
    assert span(one(figures, 120)) == ("2024", "2024")  # 如今 governs it
