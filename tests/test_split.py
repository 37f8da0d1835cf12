"""split: articles, interleaved fragments, repeats, captions, authors."""

from __future__ import annotations

import pytest

from generator.read.clean import clean_source
from generator.lexicon.text import MISSING
from generator.read.split import split_articles
from stage_helpers import page_source, shared_gazetteer, shared_words


@pytest.fixture(scope="module")
def gaz():
    return shared_gazetteer()


def drafts_of(name: str, gaz, data: bytes | None = None):
    return split_articles(clean_source(page_source(name, data), words=shared_words()), gaz, shared_words())


def test_three_interleaved_articles_are_put_back_together(gaz):
    drafts = drafts_of("interleaved.txt", gaz)
    assert [d.title for d in drafts] == ["竹海安吉 绿色发展再提速", "武侯区打造社区养老新样板", "乐山市五通桥区盐业遗址焕新颜"]
    anji, wuhou, wutong = drafts
    assert "全县累计完成碳汇交易2300余万元，惠及农户5000余户。" in anji.paragraphs[-1]
    assert wuhou.paragraphs[-1].endswith("该区还探索建立“时间银行”互助养老机制，鼓励低龄老人服务高龄老人。")
    assert wutong.paragraphs[-1].endswith("同比增长12%，文旅消费持续升温。")
    assert [d.fragments for d in drafts] == [2, 2, 2]
    assert anji.lines == [(11, 19), (33, 33)]


def test_bylines_closing_fragments_go_to_the_right_article(gaz):
    anji, wuhou, wutong = drafts_of("interleaved.txt", gaz)
    assert anji.authors == ["王强", "李明", "陈晨", "周敏"]
    assert wuhou.authors == ["张华", "刘洋"]
    assert wutong.authors == ["赵磊"]


def test_repeat_dropped_caption_kept_out_of_body_subtitle_without_dash(gaz):
    anji = drafts_of("interleaved.txt", gaz)[0]
    paras = anji.paragraphs
    assert len(paras) == len(set(paras))
    assert anji.captions == ["竹林深处的茶园一角。"] and "竹林深处的茶园一角。" not in paras
    assert anji.subtitle == "浙江省湖州市安吉县生态经济观察"
    assert anji.headings == ["聚焦竹产业升级"]


def test_repeat_chopped_into_column_lines_is_dropped(gaz):
    text = ("新城区地处江北，近年来坚持生态优先，全区生产总值达到一百亿元，产业结构持续优化，"
            "居民收入稳步增长，城乡面貌焕然一新。\n\n"
            "新城区地处江北，近年来坚持生态优先，全区\n\n生产总值达到一百亿元，产业结构持续优化，\n\n"
            "居民收入稳步增长，城乡面貌焕然一新。\n\n下一步，新城区将继续推进高质量发展。")
    d = drafts_of("t.txt", gaz, ("新城区发展纪实\n\n记者 王强\n\n" + text).encode("utf-8"))[0]
    assert len([p for p in d.paragraphs if p.startswith("新城区地处江北")]) == 1


def test_missing_text_is_marked_not_glued(gaz):
    text = ("桂阳县科技创新纪实\n\n记者 王强\n\n"
            "桂阳县坚持创新驱动，全县高新技术企业达到43家，研发投入持续增长，创新平台不断\n\n"
            "桂阳县科技成果转化\n\n"
            "2024年，桂阳县新增省级研发平台5个，科技成果转化项目30项。")
    d = drafts_of("t.txt", gaz, text.encode("utf-8"))[0]
    assert MISSING in d.paragraphs
    assert d.paragraphs.index(MISSING) == 1


def test_page_without_title_is_titled_by_first_sentence_with_warning(gaz):
    (d,) = drafts_of("notitle.txt", gaz)
    assert d.title == "近日，义乌市举办小商品博览会，吸引了来自80多个国家和地区的客商"
    assert d.warnings and "no title" in d.warnings[0].message and d.warnings[0].line == 1


def test_without_gazetteer_still_splits_on_titles_and_bylines():
    drafts = split_articles(clean_source(page_source("interleaved.txt")))
    assert drafts and drafts[0].title == "竹海安吉 绿色发展再提速"
    assert all("（" not in p[:1] for d in drafts for p in d.paragraphs)


def test_a_one_character_clause_continues_the_paragraph_before_it(gaz):
    page = ("潮涌新城\n\n记者 王五\n\n"
            "近年来，新城区坚持党建引领，建立信息台账，让分散的党员找到组织。在此基础\n\n"
            "上，该区积极探索社区兜底覆盖模式，先后成立新就业群体党支部12个。\n\n"
            "下一步，新城区将持续深化党建引领基层治理。\n").encode("utf-8")
    draft = drafts_of("one_char.txt", gaz, page)[0]
    assert MISSING not in draft.paragraphs
    assert any("在此基础上，该区积极探索" in p for p in draft.paragraphs)


# ---------------------------------------------------------------- composed pages (pieces in no corpus)
_LEAD_A = "本报讯近日，武功县召开苹果产业发展推进会，全县苹果种植面积稳定在八万亩，果农人均增收一千二百元，产业链条不断延伸。"
_MORE_A = "武功县还将新建冷链仓储中心三座，力争明年鲜果外销量突破十万吨，让更多果农分享产业发展的红利。"
_LEAD_B = "5月8日，富源县举办生姜产业博览会，吸引省内外客商三百余人参会，现场签约金额超过两亿元，带动种植户两千余户。"
_MORE_B = "富源县生姜种植面积达到两万亩，已建成标准化育苗基地五个，今年还将培育深加工企业三家。"


def _page(*lines: str) -> bytes:
    return "\n\n".join(lines).encode("utf-8")


def test_reporter_line_after_body_text_opens_a_second_article(gaz):
    data = _page("武功县苹果产业提质增效", "记者 赵一鸣", _LEAD_A, _MORE_A, "通讯员 钱二", _LEAD_B, _MORE_B)
    a, b = drafts_of("two.txt", gaz, data)
    assert a.title == "武功县苹果产业提质增效"
    assert a.paragraphs[-1] == _MORE_A and b.paragraphs == [_LEAD_B, _MORE_B]
    assert "钱二" in b.authors


def test_long_headline_over_a_byline_is_a_title(gaz):
    title = "二〇二五年度全县苹果产业高质量发展大会召开 武功县多个项目集中签约落地"
    (a,) = drafts_of("long.txt", gaz, _page(title, "记者 赵一鸣", _LEAD_A, _MORE_A))
    assert a.title.replace(" ", "") == title.replace(" ", "") and a.paragraphs == [_LEAD_A, _MORE_A]


def test_paragraph_naming_only_the_other_articles_place_moves_to_it(gaz):
    data = _page("武功县苹果产业提质增效", "记者 赵一鸣", _LEAD_A, "通讯员 钱二", _LEAD_B, _MORE_A, _MORE_B)
    a, b = drafts_of("mixed.txt", gaz, data)
    assert _MORE_A in a.paragraphs and _MORE_A not in b.paragraphs
    assert b.paragraphs == [_LEAD_B, _MORE_B]


def test_column_break_joins_without_a_gap_marker(gaz):
    # one sentence broken at a column edge, a photo caption printed in between; the words
    # do not cross the break (苹果 | 为主导), yet nothing is missing
    data = _page("武功县苹果产业提质增效", "记者 赵一鸣", "本报讯近日，武功县召开苹果产业发展推进会，总结去年工作，部署今年任务。会议提出，全县要坚持以苹果",
                 "▲果农在果园里忙着采摘。", "为主导的特色产业集群加快成形，果农人均增收一千二百元。")
    a = drafts_of("break.txt", gaz, data)[0]
    assert MISSING not in a.paragraphs
    assert any("全县要坚持以苹果为主导的特色产业集群" in p for p in a.paragraphs)


def test_cut_with_no_continuation_is_marked(gaz):
    # the first fragment stops mid-sentence (a page edge) and nothing on the page continues it
    data = _page("武功县苹果产业提质增效", "记者 赵一鸣", "本报讯近日，武功县召开苹果产业发展推进会，总结去年工作，部署今年任务。全县苹果种植面积稳定在八万亩左右，果农人均",
                 "冷链物流补短板", _MORE_A)
    a = drafts_of("cut.txt", gaz, data)[0]
    assert MISSING in a.paragraphs
    assert a.paragraphs.index(MISSING) == 1


def test_second_headline_line_is_the_subtitle_not_the_first_paragraph(gaz):
    data = _page("武功县苹果产业提质增效", "一颗苹果带富一方百姓武功县依托特色产业富民强县（走进县城看发展）", "记者 赵一鸣", _LEAD_A, _MORE_A)
    (a,) = drafts_of("sub.txt", gaz, data)
    assert a.subtitle == "一颗苹果带富一方百姓武功县依托特色产业富民强县（走进县城看发展）" and a.paragraphs == [_LEAD_A, _MORE_A]


def test_headline_like_line_left_open_is_not_glued_to_the_next_sentence(gaz):
    data = _page("奋进新征程!武功县第六届人民代表大会第五次会议开幕",
                 "3月5日，武功县第六届人民代表大会第五次会议开幕。", _MORE_A)
    paragraphs = [p for d in drafts_of("open.txt", gaz, data) for p in d.paragraphs]
    assert "3月5日，武功县第六届人民代表大会第五次会议开幕。" in paragraphs and MISSING not in paragraphs


@pytest.mark.parametrize("headline", ["富源县生姜产业蓬勃发展",
                                      "小小生姜撬动大产业 富源县生姜产业蓬勃发展带动两千余户增收致富奔小康"])
def test_headline_in_the_middle_of_the_page_opens_an_article(gaz, headline):
    data = _page("武功县苹果产业提质增效", "记者 赵一鸣", _LEAD_A, _MORE_A, headline, _LEAD_B, _MORE_B)
    a, b = drafts_of("mid.txt", gaz, data)
    assert a.paragraphs == [_LEAD_A, _MORE_A] and b.paragraphs == [_LEAD_B, _MORE_B]
    assert b.title.replace(" ", "") == headline.replace(" ", "")


def test_neutral_paragraph_dated_only_with_the_other_articles_year_moves_to_it(gaz):
    title_a = "2019年度全县苹果产业考核结果公布 武功县获评优秀"
    lead_b = "5月8日，富源县举办2025年生姜产业博览会，吸引省内外客商三百余人参会，居民收入持续增长。"
    dated = "2019年，种植户人均可支配收入一万二千元，标准化育苗基地带动种植户增收，客商参会踊跃。"  # B's wording
    data = _page(title_a, "记者 赵一鸣", _LEAD_A, "通讯员 钱二", lead_b, _MORE_A, dated, _MORE_B)
    a, b = drafts_of("years.txt", gaz, data)
    assert dated in a.paragraphs and dated not in b.paragraphs
    assert _MORE_B in b.paragraphs


def test_features_are_every_overlapping_bigram_and_the_years():
    from generator.read.split.topics import _features
    assert _features("全县2025年GDP增长") == {"全县", "2025", "增长"}
    assert _features("白茶产业") == {"白茶", "茶产", "产业"}
    assert _features("1899年，2031年") == {"2031"}
    assert _features("茶") == set()


def test_a_growing_body_is_counted_as_a_fresh_scan_counts_it(gaz):
    from generator.read.split.subjects import Subjects

    growing, body = Subjects(gaz), ""
    for paragraph in ["衡阳市蒸湘区召开会议，部署重点工作。", "安仁县代表发言，", "郴州市", "桂阳县、常德市参会。"] * 4:
        body += paragraph
        assert growing.mentions(body) == Subjects(gaz).mentions(body)
    assert growing._scanned  # the long bodies were resumed from the one before
