"""locate: the region an article is about, its year, id and url."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.ids import stable_id
from generator.read.locate import find_region, find_year, locate_articles
from generator.records import UNKNOWN_REGION, ArticleDraft, Section, Sidecar
from stage_helpers import page_source, run_page, shared_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return shared_gazetteer()


def draft(title: str, paragraphs: list[str], subtitle: str = "", captions: list[str] | None = None) -> ArticleDraft:
    return ArticleDraft(source="t.txt", title=title, subtitle=subtitle, sections=[Section(None, paragraphs)],
                        captions=captions or [], lines=[(3, 9)])


def test_regions_outside_hunan(gaz):
    arts = run_page("interleaved.txt")
    assert [(a.region.name, a.region.city, a.region.province) for a in arts] == [
        ("安吉县", "湖州市", "浙江省"), ("武侯区", "成都市", "四川省"), ("五通桥区", "乐山市", "四川省")]
    assert all(a.region_evidence for a in arts)


def test_no_region_gives_unknown_and_a_warning(gaz):
    (a,) = run_page("noregion.txt")
    assert a.region == UNKNOWN_REGION
    w = a.draft.warnings[-1]
    assert w.file == "noregion.txt" and w.line == 5 and "region" in w.message and w.hint


def test_county_named_with_its_city_is_the_county(gaz):
    d = draft("奋楫立潮头 五年谱新篇", ["对于衡阳市蒸湘区而言，这是奋进的五年。衡阳市的发展日新月异。"],
              subtitle="看衡阳市蒸湘区如何实现全面跃升")
    region, evidence = find_region(d, gaz)
    assert region.name == "蒸湘区" and "蒸湘区" in evidence


def test_media_name_in_byline_is_not_the_subject(gaz):
    d = draft("书写民生答卷", ["成都日报全媒体记者 王强 报道", "今年以来，安吉县坚持以人民为中心，办好民生实事。"])
    assert find_region(d, gaz)[0].name == "安吉县"


def test_institution_belongs_to_the_unit_in_its_name(gaz):
    d = draft("守护绿色乡愁 检察公益诉讼齐飞", [
        "近年来，绥宁县人民检察院充分发挥公益诉讼检察职能。", "该院还与邵阳市有关部门开展协作。"])
    assert find_region(d, gaz)[0].name == "绥宁县"
    d = draft("常德二医智慧医院系统上线", ["研讨会在常德市第二人民医院举行，湖南省有关部门出席。"])
    assert find_region(d, gaz)[0].name == "常德市"


def test_ambiguous_alias_resolved_by_its_parent(gaz):
    d = draft("朝阳发展新篇章", ["北京市朝阳区坚持创新驱动。朝阳的发展活力持续增强。"])
    assert find_region(d, gaz)[0].province == "北京市"


def test_common_word_alias_alone_does_not_count(gaz):
    d = draft("中外合作交流会举行", ["中方代表与外方代表就资源开发深入交流。"])
    assert find_region(d, gaz)[0] == UNKNOWN_REGION


@pytest.mark.parametrize("paragraphs, year", [
    (["2025年全县水稻综合机械化率达到90%。"], 2025),
    (["2021—2024年地区生产总值年均增长5.7%，力争到2030年翻番。"], 2024),
    (["站在“十四五”即将收官的节点回望，五年来成效显著。"], 2025),
])
def test_year_from_text(paragraphs, year):
    assert find_year(draft("标题", paragraphs))[0] == year


def test_year_from_caption_and_page(gaz):
    source = page_source("t.txt", "x".encode())
    a = draft("甲", ["今年以来，安吉县成效明显。"], captions=["安吉县2025年招聘专项行动。"])
    b = draft("乙", ["今年以来，武侯区发展良好。"])
    arts = locate_articles([a, b], gaz, source)
    assert [x.year for x in arts] == [2025, 2025]
    assert "2025" in arts[0].year_evidence and "甲" in arts[1].year_evidence


def test_override_from_sidecar_wins(gaz):
    source = page_source("t.txt", "x".encode())
    source = replace(source, sidecar=Sidecar("t.yml", region="湖南省 衡阳市 蒸湘区", year=2023, title="新标题"))
    (a,) = locate_articles([draft("安吉县发展纪实", ["安吉县今年发展良好。2025年成效明显。"])], gaz, source)
    assert (a.region.name, a.year, a.title) == ("蒸湘区", 2023, "新标题")
    assert "sidecar" in a.region_evidence


def test_locate_changes_no_draft_it_is_given(gaz):
    """Records are not changed after the stage that made them: locate's warnings (and a
    sidecar's title) go on a new draft, after split's warnings, in the order they arose."""
    from generator.records import DataWarning
    source = page_source("t.txt", "x".encode())
    source = replace(source, sidecar=Sidecar("t.yml", region="不存在县", title="新标题"))
    split_warning = DataWarning("t.txt", "from split")
    given = ArticleDraft(source="t.txt", title="无名", sections=[Section(None, ["没有地名的正文。"])],
                         lines=[(3, 9)], warnings=[split_warning])
    before = repr(given)
    (a,) = locate_articles([given], gaz, source)
    assert repr(given) == before
    assert a.title == "新标题" and a.draft.warnings[0] == split_warning
    assert ["sidecar" in w.message for w in a.draft.warnings[1:]] == [True, False]  # then: no region found
    assert "no region" in a.draft.warnings[-1].message


def test_id_and_url_are_stable(gaz):
    source = page_source("t.txt", "x".encode())
    d = draft("安吉县发展纪实", ["安吉县今年发展良好。"])
    (a,) = locate_articles([d], gaz, source)
    assert a.id == stable_id("t.txt", "安吉县发展纪实", "安吉县今年发展良好。")
    assert a.url == f"articles/{a.id}/"


def test_year_from_a_look_back_over_n_years():
    from generator.read.locate import find_year
    from generator.records import ArticleDraft, Section

    draft = ArticleDraft("p.txt", "十年巨变", [Section(None, [
        "十年来，武侯区地区生产总值从2013年的800亿元增长到2022年的1300亿元。",
        "今年以来，全区新开工项目40个。"])])
    year, evidence = find_year(draft)
    assert year == 2023
    assert "从2013年" in evidence


def _region_of(gaz, title: str, *paragraphs: str):
    from generator.read.locate import find_region
    from generator.records import ArticleDraft, Section

    return find_region(ArticleDraft("p.txt", title, [Section(None, list(paragraphs))]), gaz)[0]


def test_a_shared_county_name_is_resolved_by_the_parent_named_before_it(gaz):
    # 南山区 exists in 深圳市 and 鹤岗市; 新城区 in 西安市 and 呼和浩特市.
    region = _region_of(gaz, "南山区：科创高地再升级", "近年来，深圳市南山区坚持创新驱动。南山区还推进城市更新。")
    assert (region.name, region.city) == ("南山区", "深圳市")
    region = _region_of(gaz, "新城区民生答卷", "西安市新城区今年新增就业岗位1万个。")
    assert (region.name, region.city) == ("新城区", "西安市")


def test_an_unconfirmed_short_name_loses_to_a_confirmed_full_name(gaz):
    # 老城 is also the alias of 洛阳市老城区; nothing in the text confirms it.
    region = _region_of(gaz, "鼓楼区老城焕新", "福州市鼓楼区推进老旧小区改造，鼓楼区完成改造小区60个。")
    assert (region.name, region.city) == ("鼓楼区", "福州市")


def test_a_year_reached_by_growth_is_a_result_not_a_target():
    from generator.read.locate import find_year
    from generator.records import ArticleDraft, Section

    draft = ArticleDraft("p.txt", "稳步增长", [Section(None, [
        "全区居民人均可支配收入从2019年的3万元增长到2023年的4万元，到2030年力争突破6万元。"])])
    assert find_year(draft)[0] == 2023


# ---------------------------------------------------------------- common words, parents, close calls
def test_common_word_alias_does_not_outweigh_the_named_county(gaz):
    # 振兴 is also 振兴区 (丹东市); here it is only the word in 乡村振兴, said again and again
    body = [f"武功县第{n}个乡村振兴示范片区建成，乡村振兴带动农民增收。" for n in "一二三"]
    region, _ = find_region(draft("乡村振兴的新答卷", body), gaz)
    assert region.name == "武功县"
    alone = find_region(draft("春耕时节", ["乡村振兴正当时，乡村振兴看产业，乡村振兴靠人才。"]), gaz)[0]
    assert alone == UNKNOWN_REGION


def test_common_word_alias_counts_with_its_parent(gaz):
    region, _ = find_region(draft("丹东新闻", ["丹东市振兴区今年新开工项目十个。振兴区还将新建公园两座。"]), gaz)
    assert (region.name, region.city) == ("振兴区", "丹东市")


def test_alias_inside_a_longer_word_is_not_a_place(gaz):
    assert not [m for m in gaz.scan("据新华社报道，市中心广场开放") if m.text in ("新华", "市中")]


def test_shared_county_name_is_resolved_by_the_city_the_text_names(gaz):
    d = draft("老街焕新", ["福州市鼓楼区推进老街改造。鼓楼区已完成街巷整治二十条，鼓楼区居民满意度提升。"])
    region, _ = find_region(d, gaz)
    assert (region.name, region.city) == ("鼓楼区", "福州市")
    d = draft("老街焕新", ["开封市鼓楼区推进老街改造。鼓楼区已完成街巷整治二十条。"])
    assert find_region(d, gaz)[0].city == "开封市"


def test_a_phrase_that_is_a_unit_name_brings_in_no_parents(gaz):
    # 老城区 is a district of 洛阳市, but the phrase must not make 洛阳市/河南省 "named"
    d = draft("城市更新", ["富源县推进老城区改造，老城区道路全部完成提质。富源县新增停车位八百个。"])
    region, _ = find_region(d, gaz)
    assert region.name == "富源县"


def test_close_call_warns_with_candidates_and_the_sidecar_line(gaz):
    d = draft("两地携手", ["武功县与富源县签订合作协议。武功县企业赴富源县考察，富源县客商回访武功县。"])
    (a,) = locate_articles([d], gaz, page_source("pair.txt", "两地携手\n\n正文".encode()))
    w = next(w for w in a.draft.warnings if "guess" in w.message)
    assert w.file == "pair.txt" and "武功县" in w.message and "富源县" in w.message
    assert "region: " in w.hint and "pair.yml" in w.hint


def test_sidecar_region_settles_a_close_call(gaz):
    d = draft("两地携手", ["武功县与富源县签订合作协议。武功县企业赴富源县考察，富源县客商回访武功县。"])
    source = page_source("pair.txt", "两地携手\n\n正文".encode())
    source = replace(source, sidecar=Sidecar(file="pair.yml", region="云南省 曲靖市 富源县"))
    (a,) = locate_articles([d], gaz, source)
    assert a.region.name == "富源县" and not [w for w in a.draft.warnings if "guess" in w.message]


def test_repeated_name_of_several_units_is_not_outvoted_by_a_phrase(gaz):
    # 鼓楼区 exists in four cities and none is named; 老城区 (a 洛阳 district) is only a phrase
    d = draft("老街焕新", ["鼓楼区推进老城区改造。鼓楼区已完成街巷整治二十条，鼓楼区居民满意度提升。"])
    (a,) = locate_articles([d], gaz, page_source("drum.txt", "老街焕新\n\n正文".encode()))
    assert a.region.name != "老城区"
    w = next(w for w in a.draft.warnings if "guess" in w.message)
    assert "鼓楼区" in w.message and "region: " in w.hint and "drum.yml" in w.hint
