"""lexicon/text and lexicon/newsroom: the shared character classes and cue-word tables."""

from __future__ import annotations

import re

import pytest

from generator.lexicon import newsroom, text


def test_han_class_covers_the_three_blocks_and_nothing_else():
    assert text.han_count("蒸湘区㐀﨑2024年GDP，。") == 6  # 3 + 年 + Extension A + Compatibility
    assert not text.HAN_RE.match("䷀")  # U+4DC0, a hexagram symbol between the blocks


@pytest.mark.parametrize("name, min_stem, expected", [
    ("蒸湘区", 1, ("蒸湘", "区")),
    ("广西壮族自治区", 1, ("广西", "壮族自治区")),
    ("湘西土家族苗族自治州", 2, ("湘西土家族苗族", "自治州")),
    ("城区", 1, ("城", "区")),
    ("城区", 2, ("城区", "")),
    ("北京", 1, ("北京", "")),
])
def test_split_region_suffix(name, min_stem, expected):
    assert text.split_region_suffix(name, min_stem) == expected


def test_region_suffixes_are_tried_longest_first_where_one_ends_another():
    suffixes = text.REGION_SUFFIXES
    for i, longer in enumerate(suffixes):
        for shorter in suffixes[:i]:
            assert not longer.endswith(shorter), f"{longer} is never tried: {shorter} comes first"


@pytest.mark.parametrize("line, finished", [
    ("成效明显。", True), ("他说：“好。”", True), ("俯瞰县城。（图片来源于网络）", True),
    ("成效明显，", False), ("绿色发展再提速", False), ("", False),
])
def test_ends_finished(line, finished):
    assert text.ends_finished(line) is finished


def test_bracket_bridge():
    assert text.bracket_bridge("根据《中华人民共和国", "森林法》规定")
    assert not text.bracket_bridge("根据《森林法》", "规定》")
    assert not text.bracket_bridge("根据《中华人民共和国", "《森林法》")


def test_alternation_escapes_words_in_order():
    pattern = re.compile(f"^(?:{text.alternation(('a.b', 'ab'))})$")
    assert pattern.match("a.b") and not pattern.match("axb")


def test_newsroom_tables_load_immutable_and_complete(tmp_path):
    room = newsroom.NEWSROOM
    for name in newsroom.Newsroom.__dataclass_fields__:
        assert getattr(room, name), f"{name} is empty in newsroom.yml"
    assert all(isinstance(getattr(room, n), tuple) for n in newsroom.Newsroom.__dataclass_fields__
               if n != "five_year_plans")
    with pytest.raises(TypeError):
        room.five_year_plans["十六五"] = (2031, 2035)
    assert all(first + 4 == last for first, last in room.five_year_plans.values())
    other = tmp_path / "newsroom.yml"
    other.write_text("media: [某报]\nfive_year_plans: {十六五: [2031, 2035]}\n", encoding="utf-8")
    loaded = newsroom.load_newsroom(other)
    assert loaded.media == ("某报",) and loaded.five_year_plans["十六五"] == (2031, 2035) and loaded.byline_roles == ()
