"""read/clean on whole pages: column breaks joined and the role of each block (punctuation:
test_clean_punctuation.py)."""

from __future__ import annotations

from generator.read.clean import clean_source
from generator.records import BlockKind
from stage_helpers import page_source, shared_words


def blocks_of(text: str, **kw):
    return clean_source(page_source("t.txt", text.encode("utf-8")), words=shared_words(), **kw).blocks


def kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in blocks_of(text)]


def test_title_keeps_one_space_between_phrases():
    bl = blocks_of("竹海安吉  绿色发展再提速\n\n——安吉县生态经济观察\n\n王 强\n\n安吉县坚持生态优先，成效明显。")
    assert (bl[0].kind, bl[0].text) == (BlockKind.TITLE, "竹海安吉 绿色发展再提速")
    assert bl[1].kind == BlockKind.SUBTITLE


def test_mid_sentence_column_break_is_joined_with_line_numbers():
    bl = blocks_of("在消费升级的大背景下，该区大力培\n\n育“首店经济”，激活城市消费新引擎。")
    assert len(bl) == 1 and bl[0].text == "在消费升级的大背景下，该区大力培育“首店经济”，激活城市消费新引擎。"
    assert (bl[0].line, bl[0].end_line) == (1, 3)


def test_line_starting_with_comma_continues():
    bl = blocks_of("加大公共休闲绿地建设力度\n，大力植树造林。")
    assert [b.text for b in bl] == ["加大公共休闲绿地建设力度，大力植树造林。"]


def test_heading_printed_over_two_lines_is_one_heading():
    text = "该区坚持把民生实事作为头等大事，一件接着一件办，一年接着一年干。\n\n聚力惠民生：\n\n回应群众期盼，打造幸福样本\n\n民生无小事，枝叶总关情。"
    assert ("heading", "聚力惠民生：回应群众期盼，打造幸福样本") in kinds(text)


def test_heading_is_not_glued_to_an_unfinished_paragraph():
    text = "截至今年10月，该区已建成综合体15个。该区还\n\n乐山市五通桥区盐业遗址焕新颜\n\n五通桥区依托百年盐业遗产，推进老街改造。"
    got = kinds(text)
    assert got[0][1].endswith("该区还") and got[1][0] in ("heading", "title")


def test_roles_on_a_composed_page():
    text = "\n".join([
        "2025年11月20日 星期四",
        "", "善治武侯③", "", "武侯区打造社区养老新样板", "", "——成都市武侯区养老服务观察", "",
        "■策划/王 强 文/成都日报全媒体记者 李明 通讯员 赵 磊", "", "社区长者食堂一角。", "",
        "成都市武侯区坚持以老年人需求为导向，在全区布局社区养老服务综合体。", "",
        "织密服务网络", "",
        "截至今年10月，武侯区已建成社区养老服务综合体15个，为老年人提供助餐服务。", "", "", "",
        "老人们在食堂用餐。", "■张华 摄", "",
        "▲志愿者为老人理发。", "",
        "下一步，武侯区将继续完善养老服务体系。（周敏 陈晨）", "",
        "责任编辑：刘洋",
    ])
    got = kinds(text)
    assert got[0][0] == "furniture" and got[-1] == ("furniture", "责任编辑：刘洋")
    assert ("kicker", "善治武侯③") in got
    assert ("title", "武侯区打造社区养老新样板") in got
    assert ("subtitle", "——成都市武侯区养老服务观察") in got
    assert got[4][0] == "byline"
    assert ("caption", "社区长者食堂一角。") in got  # caption before the first paragraph
    assert ("heading", "织密服务网络") in got
    assert ("caption", "老人们在食堂用餐。") in got and ("credit", "■张华 摄") in got
    assert ("caption", "▲志愿者为老人理发。") in got
    assert ("paragraph", "下一步，武侯区将继续完善养老服务体系。") in got
    assert ("byline", "（周敏 陈晨）") in got  # glued byline split off the paragraph


def test_credit_glued_to_next_caption_and_caption_with_inline_credit():
    got = kinds("正文结束了。\n\n\n\n夜色中的江滩。\n■张华 摄江边的夕阳。\n■刘洋 摄\n\n新社区成为了治理的典范。李明 摄\n\n新社区曾经问题很多，如今焕然一新，居民满意度显著提升，大家都说好。")
    assert ("credit", "■张华 摄") in got and ("caption", "江边的夕阳。") in got and ("credit", "■刘洋 摄") in got
    assert ("caption", "新社区成为了治理的典范。") in got and ("credit", "李明 摄") in got


def test_byline_over_several_lines_is_one_block():
    got = kinds("潮涌新城 扬帆正当时\n\n策划 王强\n统筹 李明\n撰文 某某日报记者\n赵磊\n\n新城区坚持党建引领，发展成效明显。")
    assert ("byline", "策划 王强 统筹 李明 撰文 某某日报记者 赵磊") in got
    assert got[0] == ("title", "潮涌新城 扬帆正当时")


def test_keeps_printed_punctuation_when_asked():
    bl = blocks_of("近年来,该县坚持生态优先,成效明显。", full_width=False)
    assert bl[0].text == "近年来,该县坚持生态优先,成效明显。"


def test_source_line_numbers_survive_blank_lines():
    bl = blocks_of("\n\n标题在这里\n\n记者 王强\n\n\n第一段正文说的是该县的发展，内容很长，有好几句话。\n\n第二段正文。")
    assert [(b.line, b.kind.value) for b in bl] == [(3, "title"), (5, "byline"), (8, "paragraph"), (10, "paragraph")]


def test_caption_followed_by_a_marked_credit_on_one_line():
    got = kinds("标题在这里\n\n湖畔新村全景。■王强 摄\n\n今年以来，全县新建美丽乡村示范村12个，村容村貌焕然一新，群众获得感持续增强。")
    assert ("caption", "湖畔新村全景。") in got and ("credit", "■王强 摄") in got


def test_news_dateline_with_reporters_is_a_byline_not_body():
    got = kinds("标题在这里\n\n本报讯（记者 陈七 通讯员 周八）记者从武侯区获悉，全区已建成社区养老服务综合体18个。\n\n"
                "新华社北京10月1日电(记者 王五)国家统计局今天发布数据，前三季度经济运行总体平稳。就业形势保持稳定，居民收入持续增长。")
    assert ("byline", "本报讯（记者 陈七 通讯员 周八）") in got
    assert ("paragraph", "记者从武侯区获悉，全区已建成社区养老服务综合体18个。") in got
    assert any(k == "byline" and t.startswith("新华社北京10月1日电") for k, t in got)
    assert ("paragraph", "国家统计局今天发布数据，前三季度经济运行总体平稳。就业形势保持稳定，居民收入持续增长。") in got


def test_kicker_ending_with_the_word_the_title_starts_with_is_not_joined():
    got = kinds("高质量发展看惠农\n\n惠农：以实干作答 用实绩交卷\n\n——石嘴山市惠农区建设和美乡村纪实\n\n"
                "今年以来，惠农区坚持高质量发展，全区新建产业项目36个，新增就业岗位2800个。")
    texts = [t for _, t in got]
    assert "高质量发展看惠农" in texts
    assert "惠农：以实干作答 用实绩交卷" in texts


def test_a_line_announcing_a_photo_is_a_caption():
    got = kinds("标题在这里\n\n今年以来，全县新建美丽乡村示范村12个，村容村貌焕然一新，群众获得感持续增强。\n\n图为新建成的乡村文化广场。")
    assert ("caption", "图为新建成的乡村文化广场。") in got


def test_banner_over_a_title_is_a_kicker_and_bracketed_photo_credit_ends_a_caption():
    page = ("【奋进新时代 建设新家园——走进县城看发展系列报道】\n\n武功县苹果产业提质增效\n\n记者 赵一鸣\n\n"
            "本报讯近日，武功县召开苹果产业发展推进会，总结去年工作，部署今年任务。\n\n"
            "果农在武功县果园里采摘苹果（王小明 摄）\n\n"
            "全县苹果种植面积稳定在八万亩左右，果农人均增收一千二百元。")
    got = kinds(page)
    assert got[0][0] == "kicker" and got[1] == ("title", "武功县苹果产业提质增效")
    assert ("caption", "果农在武功县果园里采摘苹果（王小明摄）") in got
    assert [k for k, _ in got].count("paragraph") == 2  # the caption is not glued to the next paragraph


def test_dateline_is_not_cut_off_one_character_of_the_lead():
    # the dateline's line breaks inside the lead's date (3 | 月5日): no one-character block
    got = kinds("标题一行\n\n记者 赵一鸣\n\n本报讯近日，武功县召开苹果产业发展推进会，总结去年工作。\n\n"
                "中新网西安3月5日电 (记者 赵一鸣)3\n月5日上午，武功县召开苹果产业发展推进会，部署今年任务。")
    assert not [t for _, t in got if t == "3"]
    assert not [t for k, t in got if k == "byline" and t.startswith("中新网")]
