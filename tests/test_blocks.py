"""generator/lexicon/blocks.py: a block's best path and words, as jieba's own block steps give them."""

from __future__ import annotations

import jieba
import jieba.posseg

from stage_helpers import shared_words

from generator.lexicon.words import Tokenizer

# Sentences written for these tests (an unknown name recurs; digits, Latin letters, spaces).
TEXTS = ["岚溪镇青篁村今年新建停车位120个，较去年增长15%。", "青篁村的岚溪茶园面积达3000亩，茶农人均增收2万元。",
         "全县共有小微企业4500家，其中岚溪镇占到三成。", "岚溪 App 上线\n用户破万，GDP增长6.5%  以上"]


def _jiebas_ends(tokenizer: jieba.Tokenizer, block: str) -> list[int]:
    route: dict = {}
    jieba.Tokenizer.calc(tokenizer, block, jieba.Tokenizer.get_DAG(tokenizer, block), route)
    return [route[i][1] for i in range(len(block))]


def test_the_best_path_ends_where_jiebas_does_in_every_block_and_substring():
    tokenizer = shared_words().tokenizer
    blocks = [b for text in TEXTS for b in jieba.re_han_default.findall(text)]
    pieces = [b[i:j] for b in blocks for i in range(0, len(b), 3) for j in range(i + 1, len(b) + 1, 2)]
    assert len(pieces) > 100
    for piece in pieces:
        assert tokenizer.best_ends(piece) == _jiebas_ends(tokenizer, piece)


def test_a_tie_goes_to_the_later_end_as_in_jiebas_maximum(tmp_path):
    dictionary = tmp_path / "dict.txt"  # 甲乙|丙 and 甲|乙丙 score exactly the same
    dictionary.write_text("甲乙 10 n\n乙丙 10 n\n甲 10 n\n丙 10 n\n", "utf-8")
    tokenizer = Tokenizer(str(dictionary))
    tokenizer.tmp_dir = str(tmp_path)
    assert tokenizer.best_ends("甲乙丙") == _jiebas_ends(tokenizer, "甲乙丙")
    assert tokenizer.best_ends("甲乙丙")[0] == 1 and tokenizer.lcut("甲乙丙") == ["甲乙", "丙"]


def test_cuts_plain_and_tagged_give_jiebas_words():
    words = shared_words()
    plain = jieba.Tokenizer()
    plain.FREQ, plain.total, plain.initialized = words.tokenizer.FREQ, words.tokenizer.total, True
    tagger = jieba.posseg.POSTokenizer(plain)
    tagger.word_tag_tab = words.tags()
    for text in TEXTS:
        assert list(words.tokenizer.cut(text)) == list(plain.cut(text))
        for hmm in (True, False):
            assert words.tokenizer.lcut(text, HMM=hmm) == plain.lcut(text, HMM=hmm)
        assert [(p.word, p.flag) for p in words.pos.pos.cut(text)] == [(p.word, p.flag) for p in tagger.cut(text)]


def test_a_new_word_changes_the_remembered_scores():
    tokenizer = Tokenizer()
    assert tokenizer.lcut("岚溪镇青篁村") != ["岚溪镇", "青篁村"]
    assert tokenizer._scores
    tokenizer.add_word("青篁村", 100000)
    tokenizer.add_word("岚溪镇", 100000)
    assert tokenizer.lcut("岚溪镇青篁村") == ["岚溪镇", "青篁村"]
    assert tokenizer.best_ends("岚溪镇青篁村") == _jiebas_ends(tokenizer, "岚溪镇青篁村")
