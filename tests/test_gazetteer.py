"""gazetteer: names, aliases, parents, slugs and the mention scan."""

from __future__ import annotations

import pytest
from stage_helpers import shared_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return shared_gazetteer()


@pytest.mark.parametrize("name, full, level, city, province", [
    ("蒸湘", "蒸湘区", "county", "衡阳市", "湖南省"),
    ("安仁", "安仁县", "county", "郴州市", "湖南省"),
    ("常德", "常德市", "city", "常德市", "湖南省"),
    ("安吉县", "安吉县", "county", "湖州市", "浙江省"),
    ("武侯", "武侯区", "county", "成都市", "四川省"),
    ("邵阳", "邵阳市", "city", "邵阳市", "湖南省"),  # the bare alias means the city, not 邵阳县
])
def test_lookup_full_names_and_aliases(gaz, name, full, level, city, province):
    r = gaz.get(name)
    assert r is not None and (r.name, r.level, r.city, r.province) == (full, level, city, province)
    assert r.code.isdigit() and len(r.code) == 6


def test_parents_code_and_slug(gaz):
    r = gaz.get("蒸湘区")
    assert r.code == "430408" and r.slug == "zhengxiang-qu"
    city = gaz.get(r.city)
    assert city.level == "city" and city.province == "湖南省" and gaz.get(city.province).level == "province"
    assert r.label == "湖南省 衡阳市 蒸湘区"


def _weak(gaz, name: str) -> bool:
    """The gazetteer marks a name weak when scanning it alone finds only weak mentions."""
    found = gaz.scan(name)
    assert [m.text for m in found] == [name]
    return found[0].weak


def test_slugs_are_unique_and_ascii(gaz):
    slugs = [r.slug for r in gaz.regions]
    assert len(slugs) == len(set(slugs))
    assert all(s.isascii() and s == s.lower() for s in slugs)
    chaoyang = [r for r in gaz.regions if r.name == "朝阳区"]
    assert len(chaoyang) >= 2 and all(r.code in r.slug for r in chaoyang)  # collision -> code added


def test_development_zones_are_not_units(gaz):
    assert not any("开发区" in r.name or "高新技术产业" in r.name for r in gaz.regions)
    assert gaz.get("高新区") is None and gaz.get("管理区") is None


def test_ambiguous_alias_needs_context(gaz):
    assert len(gaz.lookup("朝阳")) >= 3
    assert gaz.get("朝阳") is None
    assert gaz.get("朝阳区", within="北京市").province == "北京市"


def test_scan_finds_longest_names_in_order(gaz):
    text = "衡阳市蒸湘区与安仁县、成都市武侯区开展合作，中方代表出席。"
    found = [(m.text, m.full, m.weak) for m in gaz.scan(text)]
    assert found[:5] == [("衡阳市", True, False), ("蒸湘区", True, False), ("安仁县", True, False),
                         ("成都市", True, False), ("武侯区", True, False)]
    # 中方 is the alias of 中方县 but also an ordinary word ("the Chinese side")
    assert ("中方", False, True) in found


def test_scan_positions(gaz):
    text = "在浙江省安吉县"
    m = [x for x in gaz.scan(text) if x.text == "安吉县"][0]
    assert text[m.start:m.end] == "安吉县" and m.unit.city == "湖州市"


def test_common_words_are_not_aliases(gaz):
    assert all(m.weak for m in gaz.scan("资源") ) or gaz.scan("资源") == []
    assert _weak(gaz, "城区")


def test_common_words_are_weak_and_proper_names_are_not(gaz):
    # jieba knows these as ordinary words (a verb, a noun, a brand name): weak aliases
    assert _weak(gaz, "振兴") and _weak(gaz, "老城") and _weak(gaz, "新华")
    # place names, and cities jieba mis-tags as person names, stay strong
    assert not _weak(gaz, "蒸湘") and not _weak(gaz, "常德") and not _weak(gaz, "桂阳")


def test_alias_inside_an_ordinary_word_is_skipped_but_not_when_standing_alone(gaz):
    assert [m.text for m in gaz.scan("新华社记者在市中心采访")] == []
    assert [m.text for m in gaz.scan("枣庄市市中区")] == ["枣庄市", "市中区"]


def test_scan_tries_names_by_their_first_two_characters():
    from generator.lexicon.gazetteer import _lengths_by_first
    lengths = _lengths_by_first(["长沙县", "长沙", "长沙市望城区", "长春市", "", "长"])
    assert lengths == {"长沙": (6, 3, 2), "长春": (3,)}


def test_scan_jumps_only_over_places_no_name_starts(gaz):
    # names right after digits, Latin letters and punctuation, at the very start and end
    text = "2024年衡阳市GDP增长，蒸湘区、安仁县（郴州市）常德"
    assert [m.text for m in gaz.scan(text)] == ["衡阳市", "蒸湘区", "安仁县", "郴州市", "常德"]
    assert gaz._starts.search("ABC，。123") is None


def test_a_longer_text_scanned_from_near_its_prefix_end_finds_what_a_whole_scan_finds(gaz):
    # a name, or an ordinary word containing an alias, running across the prefix's end
    prefix = "在浙江省安吉县调研。" * 4 + "新华社记者在枣庄市市"
    found = gaz.scan(prefix)
    for tail in ("中区采访", "中心采访", "华社报道", "", "衡阳市蒸湘区" * 3):
        text = prefix + tail
        assert gaz.scan_longer(text, prefix, found) == gaz.scan(text)
    assert gaz.scan_longer("衡阳市" + "蒸湘", "衡阳市", gaz.scan("衡阳市")) == gaz.scan("衡阳市蒸湘")


def test_a_text_scanned_again_gives_the_same_mentions_in_a_list_of_its_own(gaz):
    text = "衡阳市蒸湘区、安仁县调研"
    first = gaz.scan(text)
    first.append("changed by its caller")
    again = gaz.scan(text)
    assert again == first[:-1] and [m.text for m in again] == ["衡阳市", "蒸湘区", "安仁县"]
    assert text in gaz._scans  # remembered
    assert [m.text for m in gaz.scan(text, 4)] == ["安仁县"]  # a scan from a place is its own


def test_the_remembered_scans_stay_bounded(gaz, monkeypatch):
    from generator.lexicon.memo import Memo

    monkeypatch.setattr(gaz, "_scans", Memo(4))
    texts = [f"蒸湘区第{i}个项目" for i in range(20)]
    for text in texts:
        assert gaz.scan(text) == gaz.scan(text, 0, [])
        assert len(gaz._scans) <= 4
