"""generator/words.py: the one jieba dictionary the reading stages share."""

from __future__ import annotations

from stage_helpers import shared_words

from generator.lexicon.words import Tagger


def test_a_column_break_inside_a_word_is_a_crossing():
    words = shared_words()
    assert words.crosses("在消费升级的大背景下，全县大力培", "育新型消费业态")
    assert words.crosses("依托大数据平台，实现业务系", "统互联互通")


def test_no_crossing_between_finished_words_or_non_chinese_text():
    words = shared_words()
    assert not words.crosses("全县新建公园", "同时推进绿道建设")
    assert not words.crosses("增长了12", "%")
    assert not words.crosses("发展看惠农", "惠农：以实干作答")  # a repeated word starts a new line


def test_frequency_and_tags_come_from_the_dictionary():
    words = shared_words()
    assert words.frequency("发展") > 1000
    assert words.frequency("不是一个词语吧") == 0
    assert words.tags()["北京"] == "ns"


def test_part_of_speech_tagging_shares_the_tokenizer_and_its_tags():
    words = shared_words()
    assert words.pos.tokenizer is words.tokenizer
    assert words.pos.word_tag_tab is words.tags() and words.tags()["发展"]
    assert [p.flag for p in words.pos.cut("北京") if p.word == "北京"] == ["ns"]


def test_tagging_gives_jiebas_tags_and_remembers_recent_texts():
    words = shared_words()
    text = "全县新建公园12个，同时推进绿道建设"
    assert [(p.word, p.flag) for p in words.pos.cut(text)] == [(p.word, p.flag) for p in words.pos.pos.cut(text)]
    calls = []

    class Counting:
        def cut(self, sentence, HMM=True):  # noqa: N803
            calls.append((sentence, HMM))
            return iter(sentence)

    tagger = Tagger(Counting(), remembered=2)
    assert list(tagger.cut("甲乙")) == list(tagger.cut("甲乙")) == ["甲", "乙"]
    assert calls == [("甲乙", True)]
    for text in ("丙", "丁", "甲乙"):  # the oldest is forgotten: memory stays bounded
        list(tagger.cut(text))
    list(tagger.cut("甲乙", HMM=False))
    assert calls[-2:] == [("甲乙", True), ("甲乙", False)] and len(calls) == 5
