"""Segmentation shared by the index and the query (generator/segment.py, web/query.js)."""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest

from generator.search import segment
from generator.search.segment import Segmenter, dense_tokens, longest_match, normalise, runs

QUERY_JS = Path(segment.__file__).parent / "web" / "query.js"

TEXT = ("蒸湘区扎实推进“办好民生实事、做优特色品牌”工作，开通12345热线，建成5G基站32个，"
        "地区生产总值146.04亿元，老旧小区改造惠及2413户。")


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter()


@pytest.fixture(scope="module")
def vocab(segmenter) -> set[str]:
    return segment.vocabulary(segmenter, [TEXT, "中华人民共和国成立", "和平发展"])


def test_normalise_folds_full_width_and_case():
    assert normalise("１２３４５ＡＢ热线") == "12345ab热线"
    assert normalise("5G") == "5g"


@pytest.mark.parametrize("text, expected", [
    ("12345热线", [("ascii", "12345"), ("cjk", "热线")]),
    ("5G网络", [("ascii", "5g"), ("cjk", "网络")]),
    ("146.04亿元", [("ascii", "146.04"), ("cjk", "亿元")]),
    ("“网格+12345热线”", [("cjk", "网格"), ("ascii", "12345"), ("cjk", "热线")]),
    ("GDP、CPI", [("ascii", "gdp"), ("ascii", "cpi")]),
    ("年末。", [("cjk", "年末")]),
])
def test_runs_split_ascii_from_chinese(text, expected):
    assert list(runs(normalise(text))) == expected


def test_words_are_jieba_search_mode(segmenter):
    words = segmenter.words("中华人民共和国成立，12345热线")
    # Search mode adds the sub-words of long words.
    assert {"中华", "人民", "共和国", "中华人民共和国", "12345", "热线"} <= set(words)
    assert all(w.strip() and "，" not in w for w in words)


def test_dense_tokens_cover_every_character(vocab):
    tokens = dense_tokens(TEXT, vocab)
    for kind, run in runs(normalise(TEXT)):
        for ch in run:
            assert any(ch in t for t in tokens), ch
    # A character inside a word is not indexed again on its own.
    assert "湘" not in tokens and "蒸湘区" in tokens
    assert {"12345", "热线", "5g", "146.04"} <= set(tokens)


def test_dense_tokens_do_not_depend_on_the_context(vocab):
    # jieba cuts 和平 out of 和平发展, but 总和平均 has it too: the index must hold it there.
    assert "和平" in dense_tokens("总和平均", vocab)


def test_word_stems_only_cut_the_scan_short():
    """With stems the scan stops early; the tokens must be exactly those of the full scan."""
    rng = random.Random(7)
    alphabet = "蒸湘区民生实事热线中华人民共和国和平发展总均"
    vocab = {"".join(rng.choice(alphabet) for _ in range(rng.randint(2, 10))) for _ in range(300)}
    vocab |= {"民生", "民生实事", "中华人民共和国", "和平", "和平发展"}
    stems = segment.word_stems(vocab)
    assert {"中华人民共和", "民生", "和平"} <= stems
    for _ in range(200):
        text = "".join(rng.choice(alphabet + "，5g") for _ in range(rng.randint(1, 40)))
        assert dense_tokens(text, vocab, stems=stems) == dense_tokens(text, vocab), text


def test_dense_tokens_match_their_definition():
    """Every vocabulary word by (start, text), and each character no word covers, alone:
    the definition written as a sort, against the single pass dense_tokens makes."""
    rng = random.Random(11)
    alphabet = "蒸湘区民生实事热线中华人民共和国和平发展总均"
    vocab = {"".join(rng.choice(alphabet) for _ in range(rng.randint(2, 6))) for _ in range(200)}
    for _ in range(200):
        run = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
        words = [(i, run[i:j]) for i in range(len(run)) for j in range(i + 2, min(len(run), i + 8) + 1)
                 if run[i:j] in vocab]
        covered = {k for i, w in words for k in range(i, i + len(w))}
        singles = [(i, run[i]) for i in range(len(run)) if i not in covered]
        assert dense_tokens(run, vocab) == [w for _, w in sorted(words + singles)], run


def test_normalise_is_nfkc_whether_or_not_the_text_was_already():
    # (Ａ + a combining accent: NFKC composes the letter the full-width form becomes)
    for text in ("已是ＮＦＫＣ之外的文字①，（１）", "already nfkc 文字", "ﬁ ㎏ ｶ", "Ａ\u0301，ｂ\u0308"):
        expected = unicodedata.normalize("NFKC", text).lower()
        assert normalise(text) == expected
        assert normalise(expected) == expected
    for code in range(0xFF01, 0xFF5F):
        assert normalise(chr(code)) == unicodedata.normalize("NFKC", chr(code)).lower()


def test_longest_match_prefers_long_words_and_falls_back_to_characters(vocab):
    assert longest_match("民生实事", vocab) == [("民生", False), ("实事", False)]
    assert longest_match("12345热线", vocab) == [("12345", False), ("热线", False)]
    cut = longest_match("蒸湘区鑫", vocab)
    assert cut[0] == ("蒸湘区", False) and cut[-1] == ("鑫", True)


def test_every_substring_query_finds_its_text(vocab):
    """Recall by construction: each query term is a token of any text containing the query."""
    tokens = dense_tokens(TEXT, vocab)
    token_set = set(tokens)
    norm = normalise(TEXT)
    for kind, run in runs(norm):
        if kind == "ascii":
            continue  # ASCII words are matched whole, not by substring
        for i in range(len(run)):
            for j in range(i + 1, min(len(run), i + 7) + 1):
                for term, fallback in longest_match(run[i:j], vocab):
                    if fallback:
                        assert any(term in t for t in token_set), (run[i:j], term)
                    else:
                        assert term in token_set, (run[i:j], term)


def test_search_js_uses_the_same_token_pattern():
    js = QUERY_JS.read_text(encoding="utf-8")
    found = re.search(r"const TOKEN_RE = /(.+)/g;", js)
    assert found, "TOKEN_RE not found in query.js"
    js_pattern = found.group(1)
    py_pattern = f"({segment.ASCII_RE.pattern})|({segment.CJK_RE.pattern})"
    assert js_pattern == py_pattern.replace("\\.", "\\.")


def test_run_words_memo_gives_jieba_words_and_stays_bounded(monkeypatch):
    segmenter = Segmenter()
    monkeypatch.setattr(Segmenter, "MEMO_RUNS", 2)
    direct = [w for w in segmenter.tokenizer.cut_for_search("中华人民共和国成立", HMM=True)]
    assert segmenter.run_words("中华人民共和国成立") == tuple(direct)
    assert segmenter.run_words("中华人民共和国成立") == tuple(direct)  # from the memo
    for run in ("老旧小区", "民生实事", "热线电话"):
        segmenter.run_words(run)
    assert len(segmenter.memo) <= 2
