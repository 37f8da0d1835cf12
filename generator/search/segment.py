"""Segmentation shared by the search index (Python) and the query parser (web/query.js).

The index and the query must cut text the same way or a query term never meets its
document. Both compare text in one normal form and take ASCII runs as terms, as
generator/search/FORMAT.md ("Text form and terms") specifies; web/normalise.js and
web/query.js are the browser side. The words of a Chinese run are chosen here:

* Chinese runs are cut by jieba in search mode (cut_for_search) to build the vocabulary,
  then every vocabulary word that occurs in a run is indexed (``dense_tokens``), so the
  tokens of a text do not depend on how jieba happened to cut one context. A query is cut
  by longest match against that vocabulary, so any contiguous occurrence is found.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import jieba

from generator.lexicon.text import HAN

# Kept in sync with TOKEN_RE in web/query.js (tests/test_segment.py compares them).
ASCII_RE = re.compile(r"[a-z0-9]+(?:\.[0-9]+)*")
CJK_RE = re.compile(f"[{HAN}]+")
TOKEN_RE = re.compile(f"(?P<ascii>{ASCII_RE.pattern})|(?P<cjk>{CJK_RE.pattern})")

# Longest vocabulary word tried by the query's longest match (longer jieba words are rare
# HMM inventions; they stay searchable through their parts).
MAX_WORD = 8

# Invisible characters a copy-paste leaves inside words; web/normalise.js has the same class.
ZERO_WIDTH_RE = re.compile("[\u200b-\u200d\u2060\ufeff]")


# U+FF01-FF5E: NFKC maps each to the ASCII character 0xFEE0 below it.
FULL_WIDTH_RE = re.compile("[\uff01-\uff5e]+")
_HALF_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def _half_width(match: re.Match) -> str:
    return match.group().translate(_HALF_WIDTH)


def normalise(text: str) -> str:
    """The normal form both sides compare (FORMAT.md, "Text form and terms")."""
    # Full-width ASCII forms (Chinese punctuation ，：（） and the like) are the usual reason text
    # is not NFKC; each is replaced by the one ASCII character NFKC makes of it, which leaves
    # the text's NFKC unchanged. Most text is NFKC then, and the check costs less than normalize.
    text = FULL_WIDTH_RE.sub(_half_width, text)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return ZERO_WIDTH_RE.sub("", text.lower())


def runs(text: str) -> Iterator[tuple[str, str]]:
    """(kind, run) pairs of already-normalised text: kind is 'ascii' or 'cjk'; the rest is dropped."""
    for match in TOKEN_RE.finditer(text):
        yield match.lastgroup, match.group()


@dataclass
class Segmenter:
    """jieba loaded once, explicitly: a private Tokenizer, not jieba's module-level one."""

    tokenizer: jieba.Tokenizer = field(default_factory=jieba.Tokenizer)
    # Chinese run -> its search-mode words. Stock phrases, names and clauses recur across
    # the articles one process handles; the memo is emptied when it reaches MEMO_RUNS.
    memo: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    MEMO_RUNS = 20_000  # (~730 bytes a run: a reading worker keeps its memory flat whatever the corpus)

    def run_words(self, run: str) -> tuple[str, ...]:
        """jieba's search-mode words of one Chinese run (the vocabulary's source)."""
        words = self.memo.get(run)
        if words is None:
            if len(self.memo) >= self.MEMO_RUNS:
                self.memo.clear()
            words = self.memo[run] = tuple(w for w in self.tokenizer.cut_for_search(run, HMM=True) if CJK_RE.fullmatch(w))
        return words

    def words(self, text: str) -> list[str]:
        """jieba search-mode words and ASCII tokens of text, in order (the vocabulary source)."""
        out: list[str] = []
        for kind, run in runs(normalise(text)):
            if kind == "ascii":
                out.append(run)
            else:
                out.extend(self.run_words(run))
        return out


def word_stems(vocabulary: set[str], max_word: int = MAX_WORD) -> set[str]:
    """Proper prefixes (2+ characters) of the vocabulary words dense_tokens can match: a
    piece of text that is none of them cannot grow into a word, so the scan stops there."""
    return {word[:k] for word in vocabulary if len(word) <= max_word for k in range(2, len(word))}


def dense_tokens(text: str, vocabulary: set[str], max_word: int = MAX_WORD,
                 cache: dict[str, list[str]] | None = None, stems: set[str] | None = None) -> list[str]:
    """Every occurrence of a vocabulary word in text, ASCII tokens whole.

    Chinese: all substrings of 2..max_word characters that are vocabulary words, and each
    character that no such word covers, on its own. So every character of the text is in
    some token: a query character that starts no word is looked up as "any word containing
    it" (a lunr wildcard, see web/query.js) and finds every occurrence.

    `cache` (run -> its tokens) saves recomputing the runs that recur across a corpus, and
    `stems` (word_stems(vocabulary)) cuts the scan short; the result is the same without them.
    """
    out: list[str] = []
    # (runs() inlined: a generator step per run costs more than the work on a cached run)
    for ascii_run, run in TOKEN_RE.findall(normalise(text)):
        if ascii_run:
            out.append(ascii_run)
        elif cache is not None:
            tokens = cache.get(run)
            if tokens is None:
                tokens = cache[run] = _run_tokens(run, vocabulary, max_word, stems)
            out.extend(tokens)
        else:
            out.extend(_run_tokens(run, vocabulary, max_word, stems))
    return out


def _run_tokens(run: str, vocabulary: set[str], max_word: int, stems: set[str] | None = None) -> list[str]:
    """dense_tokens of one Chinese run: by start, the words starting there shortest first,
    or the character alone when no word covers it."""
    n = len(run)
    out: list[str] = []
    covered_to = 0  # the characters before this are inside some word found so far
    for i in range(n):
        last = 0  # end of the longest word starting at i
        end = i + max_word if i + max_word < n else n
        for j in range(i + 2, end + 1):
            piece = run[i:j]
            if piece in vocabulary:
                out.append(piece)
                last = j
            if stems is not None and piece not in stems:
                break
        if last > covered_to:
            covered_to = last
        elif not last and i >= covered_to:
            out.append(run[i])
    return out


def longest_match(text: str, vocabulary: set[str], max_word: int = MAX_WORD) -> list[tuple[str, bool]]:
    """Query cut, as web/query.js does it: (term, is_fallback_char) pairs.

    A fallback character is one that starts no vocabulary word of 2+ characters; the
    query looks it up as "any indexed word containing it".
    """
    out: list[tuple[str, bool]] = []
    for kind, run in runs(normalise(text)):
        if kind == "ascii":
            out.append((run, False))
            continue
        i = 0
        while i < len(run):
            for j in range(min(len(run), i + max_word), i + 1, -1):
                if run[i:j] in vocabulary:
                    out.append((run[i:j], False))
                    i = j
                    break
            else:
                out.append((run[i], True))
                i += 1
    return out


def vocabulary(segmenter: Segmenter, texts: Iterable[str]) -> set[str]:
    """The union of segmenter.words over texts, each distinct Chinese run cut once.

    jieba cuts a run without looking past it, so cutting each distinct run once gives the
    same set as cutting every text (runs recur a lot: clauses, names, stock phrases).
    """
    words: set[str] = set()
    cjk_runs: set[str] = set()
    for text in texts:
        for kind, run in runs(normalise(text)):
            if kind == "ascii":
                words.add(run)
            else:
                cjk_runs.add(run)
    for run in cjk_runs:
        words.update(segmenter.run_words(run))
    return words
