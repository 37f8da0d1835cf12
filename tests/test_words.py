"""generator/words.py: the one jieba dictionary the reading stages share."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

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


# Sentences written for these tests: an unknown name (a run jieba's dictionary lacks) recurs.
MADE_UP = ["岚溪镇青篁村今年新建停车位120个，较去年增长15%。", "青篁村的岚溪茶园面积达3000亩，茶农人均增收2万元。",
           "全县共有小微企业4500家，其中岚溪镇占到三成。"]


def test_the_fast_word_graph_cuts_as_jieba_does():
    import jieba

    words = shared_words()
    plain = jieba.Tokenizer()
    plain.FREQ, plain.total, plain.initialized = words.tokenizer.FREQ, words.tokenizer.total, True
    for text in MADE_UP:
        assert words.tokenizer.get_DAG(text) == plain.get_DAG(text)
        for hmm in (True, False):
            assert words.tokenizer.lcut(text, HMM=hmm) == plain.lcut(text, HMM=hmm)
        assert words.tokenizer.lcut_for_search(text) == plain.lcut_for_search(text)


def test_the_best_path_has_jiebas_exact_scores_and_follows_a_new_word():
    import jieba

    from generator.lexicon.words import Tokenizer

    tokenizer = Tokenizer()
    tokenizer.check_initialized()
    plain = jieba.Tokenizer()
    plain.FREQ, plain.total, plain.initialized = dict(tokenizer.FREQ), tokenizer.total, True
    for text in [*MADE_UP, *MADE_UP]:  # the second time from remembered log probabilities
        block = "".join(c for c in text if "\u4e00" <= c <= "\u9fff")
        ours, theirs = {}, {}
        tokenizer.calc(block, tokenizer.get_DAG(block), ours)
        plain.calc(block, plain.get_DAG(block), theirs)
        assert ours == theirs  # the same floats, not merely the same words
    assert tokenizer._logp
    tokenizer.add_word("青篁村", 1000)  # a new total: every probability changes
    plain.add_word("青篁村", 1000)
    ours, theirs = {}, {}
    tokenizer.calc("青篁村", tokenizer.get_DAG("青篁村"), ours)
    plain.calc("青篁村", plain.get_DAG("青篁村"), theirs)
    assert ours == theirs and ours[0][1] == 2


def test_tagging_remembers_unknown_runs_and_tags_them_as_jieba_does():
    import jieba.posseg

    words = shared_words()
    plain = jieba.posseg.POSTokenizer(words.tokenizer)
    for text in MADE_UP * 2:
        assert [(p.word, p.flag) for p in words.pos.pos.cut(text)] == [(p.word, p.flag) for p in plain.cut(text)]
    assert words.pos.pos.runs  # the names' runs were tagged once and remembered


def test_remembered_blocks_are_forgotten_when_a_word_is_added():
    from generator.lexicon.words import Tokenizer

    tokenizer = Tokenizer()
    text = "岚溪镇青篁村今年新建停车位"
    before = tokenizer.lcut(text)
    assert tokenizer.lcut(text) == before and tokenizer._blocks  # cut once, remembered
    tokenizer.add_word("青篁村", 1000)
    assert "青篁村" in tokenizer.lcut(text)


def test_the_prefix_dictionary_is_read_from_jiebas_cache_as_jieba_reads_it(tmp_path):
    import jieba

    from generator.lexicon.words import Tokenizer

    ours, plain = Tokenizer(), jieba.Tokenizer()
    plain.initialize()  # jieba's own way (writes its cache when there is none)
    ours.initialize()
    assert ours.initialized and ours.total == plain.total and ours.FREQ == plain.FREQ
    assert ours.cache_path() == str(Path(tempfile.gettempdir()) / "jieba.cache")


def test_a_custom_dictionary_cache_is_read_only_when_newer_than_the_dictionary(tmp_path):
    from generator.lexicon.words import Tokenizer

    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("岚溪 30 ns\n青篁村 20 ns\n", "utf-8")
    first = Tokenizer(str(dictionary))
    first.tmp_dir = str(tmp_path)
    first.initialize()  # no cache yet: jieba builds the table and writes the cache
    assert Path(first.cache_path()).is_file() and first._read_cache()
    assert first.FREQ == {"岚": 0, "岚溪": 30, "青": 0, "青篁": 0, "青篁村": 20} and first.total == 50
    dictionary.write_text("岚溪 30 ns\n", "utf-8")
    os.utime(dictionary, (time.time() + 60, time.time() + 60))  # edited after the cache was written
    second = Tokenizer(str(dictionary))
    second.tmp_dir = str(tmp_path)
    assert not second._read_cache()
    second.initialize()
    assert second.FREQ == {"岚": 0, "岚溪": 30} and second.total == 30
    Path(second.cache_path()).write_bytes(b"not marshal")
    os.utime(second.cache_path(), (time.time() + 120, time.time() + 120))
    third = Tokenizer(str(dictionary))
    third.tmp_dir = str(tmp_path)
    assert not third._read_cache()  # unreadable: jieba builds it again
    third.initialize()
    assert third.FREQ == {"岚": 0, "岚溪": 30}


def test_unknown_runs_get_jiebas_hmm_route_and_tags():
    import re

    from generator.lexicon.posviterbi import tag_run, viterbi
    from generator.lexicon.tags import import_posseg

    posseg = import_posseg()
    model = (posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)
    runs = [run for text in MADE_UP for run in re.findall("[\u4e00-\u9fff]+", text)]
    runs += [text[i:i + n] for text in runs for n in (1, 2, 3, 5) for i in range(0, len(text) - n + 1, 2)]
    for run in runs + ["a", "Ab"]:  # (a character the model never saw: every state)
        assert viterbi(run, *model) == posseg.viterbi(run, *model)  # the same probability, to the bit
        assert [(p.word, p.flag) for p in tag_run(run, posseg)] == \
            [(p.word, p.flag) for p in posseg.POSTokenizer._POSTokenizer__cut(posseg.dt, run)]


def test_tagged_blocks_are_remembered_until_the_dictionary_changes():
    import jieba.posseg

    from generator.lexicon.words import Words

    words = Words()
    text = "岚溪镇青篁村今年新建停车位"
    before = [(p.word, p.flag) for p in words.pos.pos.cut(text)]
    assert [(p.word, p.flag) for p in words.pos.pos.cut(text)] == before and words.pos.pos.blocks
    assert before == [(p.word, p.flag) for p in jieba.posseg.POSTokenizer(words.tokenizer).cut(text)]
    words.tokenizer.add_word("青篁村", 1000, "ns")
    assert ("青篁村", "ns") in [(p.word, p.flag) for p in words.pos.pos.cut(text)]


def test_unknown_runs_of_plain_cuts_are_remembered_as_jieba_cuts_them():
    import jieba.finalseg

    from generator.lexicon.words import Tokenizer

    tokenizer = Tokenizer()
    text = "岚溪镇青篁村今年新建停车位"
    assert tokenizer.lcut(text) == tokenizer.lcut("，" + text)[1:]
    assert tokenizer._runs and all(words == tuple(jieba.finalseg.cut(run)) for run, words in tokenizer._runs.items())
    forced = set(jieba.finalseg.Force_Split_Words)
    try:
        jieba.finalseg.add_force_split("青篁")  # (jieba's module-wide set: another tokenizer's deleted word)
        runs = list(tokenizer._runs)
        assert all(tokenizer._unknown_run(run) == tuple(jieba.finalseg.cut(run)) for run in runs)
        assert "青篁" not in [w for run in runs for w in tokenizer._unknown_run(run)]
    finally:
        jieba.finalseg.Force_Split_Words.intersection_update(forced)


def test_the_remembered_blocks_runs_and_crossings_stay_bounded(monkeypatch):
    from generator.lexicon.words import Tokenizer, Words

    monkeypatch.setattr(Tokenizer, "BLOCKS", 6)
    monkeypatch.setattr(Tokenizer, "RUNS", 6)
    monkeypatch.setattr(Words, "CROSSINGS", 6)
    words = Words()
    plain = Tokenizer()
    places = [f"{a}{b}岭" for a in "岚青篁溪" for b in "篁岚溪青"]
    for place in places:
        text = f"{place}村今年新建停车位"
        assert words.tokenizer.lcut(text) == plain.lcut(text)  # the same words, remembered or not
        words.crosses(f"全县大力培{place}", "育新型消费业态")
        assert len(words.tokenizer._blocks) <= 6 and len(words.tokenizer._runs) <= 6 and len(words._crossings) <= 6
    assert words.tokenizer._blocks and words._crossings


def test_the_remembered_tagged_blocks_stay_bounded():
    words = shared_words()
    pos = words.pos.pos
    size = type(pos).BLOCKS
    for i in range(size + 10):
        list(pos.cut(f"全县新建停车位{i}个"))
        assert len(pos.blocks) <= size


