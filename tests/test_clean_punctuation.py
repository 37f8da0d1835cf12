"""read/clean/punctuation: half-width punctuation and stray spaces in Chinese text."""

from __future__ import annotations

from generator.read.clean.punctuation import finish_text, normalize_punctuation, remove_stray_spaces
from generator.records import BlockKind


def test_half_width_punctuation_between_cjk():
    assert normalize_punctuation("近年来,该县坚持生态优先;成效:明显(初步)吗?是!") == "近年来，该县坚持生态优先；成效：明显（初步）吗？是！"


def test_ascii_kept_in_numbers_urls_and_latin():
    assert normalize_punctuation("三次产业结构为1.0:31.9:67.1，共1,200家") == "三次产业结构为1.0:31.9:67.1，共1,200家"
    assert normalize_punctuation("详见http://example.com/a,b") == "详见http://example.com/a,b"
    assert normalize_punctuation("采用转让—运营—移交(BOT)模式") == "采用转让—运营—移交（BOT）模式"
    assert normalize_punctuation("他说Hello, world") == "他说Hello, world"
    assert normalize_punctuation("2021—2024年") == "2021—2024年"


def test_stray_spaces_removed_except_between_latin_words():
    assert remove_stray_spaces("产值在 2024 年达到 186.7 亿元") == "产值在2024年达到186.7亿元"
    assert remove_stray_spaces("引进 Open AI 平台") == "引进Open AI平台"


def test_titles_keep_one_space_between_phrases_and_none_around_punctuation():
    assert finish_text("  竹海安吉   绿色发展 ， 再提速 ", BlockKind.TITLE) == "竹海安吉 绿色发展，再提速"
    assert finish_text("产值在 2024 年", BlockKind.PARAGRAPH) == "产值在2024年"
    assert finish_text("记者  张三", BlockKind.BYLINE) == "记者 张三"
