"""jieba's dictionary as one explicit resource, for the word questions the reading stages ask.

Loaded once per process (resources.py) and passed to whoever needs it: clean and split ask
whether a column break cuts a word in two, the gazetteer asks which short place names are
also ordinary words, search and keywords segment text with the same tokenizer.
"""

from __future__ import annotations

import logging
import marshal
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import ClassVar
from hashlib import md5
from math import log

import jieba
import jieba.finalseg

from generator.lexicon.blocks import PREFIX, STOP, best_ends, block_words
from generator.lexicon.memo import Memo
from generator.lexicon.posviterbi import tag_run
from generator.lexicon.tags import import_posseg, word_tags
from generator.lexicon.text import HAN_RE


class Tokenizer(jieba.Tokenizer):
    """jieba's Tokenizer with its two inner loops (the word graph of a text and the best path
    through it) written for speed, and fused into one pass for the block cuts (blocks.py):
    every cut, tagged or not, runs them. Same words, same floating-point sums in the same
    order, so the same segmentation.

    It also remembers the words of the blocks (runs between punctuation) it cut last: keyword
    counting and the search vocabulary cut the same clauses of an article, and stock clauses
    recur across articles (on the seeds four blocks in ten are cut again). Bounded (memo.py):
    a worker's memory does not grow with the corpus."""

    # Sizes from the synthetic corpus' key streams: most of what an unbounded memo saves, a few MB each
    BLOCKS = 16_000  # ~600 bytes a block
    _blocks: Memo[str, tuple[str, ...]] | None = None
    generation = 0  # counts dictionary changes: what a tagger remembered before one is stale

    # jieba's private step (Tokenizer.__cut_DAG) cutting one block with its HMM; jieba is pinned (requirements)
    def _Tokenizer__cut_DAG(self, sentence: str) -> Iterator[str]:  # noqa: N802
        self.check_initialized()  # (initialising forgets the blocks)
        if self._blocks is None:
            self._blocks = Memo(self.BLOCKS)
        words = self._blocks.get(sentence)
        if words is None:
            words = self._blocks.put(sentence, tuple(block_words(sentence, self.best_ends(sentence), self.FREQ,
                                                                 self._unknown_run)))
        return iter(words)

    # run of single characters -> jieba's HMM words (finalseg): a name recurs in other blocks
    _runs: Memo[str, tuple[str, ...]] | None = None
    _runs_forced = 0
    RUNS = 16_000

    def _unknown_run(self, run: str) -> tuple[str, ...]:
        forced = len(jieba.finalseg.Force_Split_Words)  # (grows when a word is deleted: add_word(w, 0))
        if self._runs is None or forced != self._runs_forced:
            self._runs, self._runs_forced = Memo(self.RUNS), forced
        words = self._runs.get(run)
        if words is None:
            words = self._runs.put(run, tuple(jieba.finalseg.cut(run)))
        return words

    def cut(self, sentence: str, cut_all: bool = False, HMM: bool = True,  # noqa: N803 (jieba's names)
            use_paddle: bool = False) -> Iterator[str]:
        """jieba's cut; its default mode (what keywords and search ask) with the text's words
        gathered in a list, not yielded through three nested generators: same words."""
        if cut_all or use_paddle or not HMM:
            return super().cut(sentence, cut_all, HMM, use_paddle)
        han, skip, words = jieba.re_han_default, jieba.re_skip_default, []
        for block in han.split(jieba.strdecode(sentence)):
            if not block:
                continue
            if han.match(block):
                words.extend(self._Tokenizer__cut_DAG(block))
            else:
                for x in skip.split(block):
                    if skip.match(x):
                        words.append(x)
                    else:
                        words.extend(x)  # character by character
        return iter(words)

    def best_ends(self, sentence: str) -> list[int]:
        """get_DAG and calc at once (blocks.py): where the best path's word from each position ends."""
        self.check_initialized()
        if self._scores is None or self._scores_total != self.total or len(self._scores) >= self.WORDS:
            self._scores, self._scores_total = {}, self.total  # bounded; a new word's total changes them
            self._unknown = log(1) - log(self.total)  # calc's sum for a character that is no word
        return best_ends(sentence, self._scores, self._score, self._unknown)

    # fragment -> log probability of the word, PREFIX or STOP (blocks.py), as best_ends met them
    _scores: dict[str, float] | None = None
    _scores_total: int | None = None
    _unknown = 0.0

    def _score(self, frag: str) -> float:
        f = self.FREQ.get(frag)
        p = self._scores[frag] = STOP if f is None else PREFIX if not f else log(f) - log(self.total)
        return p

    # A new word or dictionary can change how a remembered block is cut.
    def add_word(self, word: str, freq: int | None = None, tag: str | None = None) -> None:
        self._blocks = self._logp = self._scores = self._runs = None
        self.generation += 1
        super().add_word(word, freq, tag)

    def initialize(self, dictionary: str | None = None) -> None:
        self._blocks = self._logp = self._scores = self._runs = None
        self.generation += 1
        with self.lock:
            if dictionary is None and not self.initialized and self._read_cache():
                return
        super().initialize(dictionary)

    def _read_cache(self) -> bool:
        """Load the prefix dictionary from jieba's own cache file, as jieba would, but from the
        file's bytes: jieba's marshal.load(file) reads it in small pieces through Python, three
        times slower (~0.6 s of every build). False when jieba must build or check the cache."""
        path = self.cache_path()
        if self.dictionary != jieba.DEFAULT_DICT and not (
                os.path.isfile(path) and os.path.getmtime(path) > os.path.getmtime(self.dictionary)):
            return False
        try:
            with open(path, "rb") as cache:
                self.FREQ, self.total = marshal.loads(cache.read())
        except (OSError, ValueError, EOFError, TypeError):
            return False  # missing or unreadable: jieba builds it again
        self.initialized = True
        return True

    def cache_path(self) -> str:
        """Where jieba keeps this dictionary's prefix table (its naming, jieba.Tokenizer.initialize)."""
        if self.cache_file:
            name = self.cache_file
        elif self.dictionary == jieba.DEFAULT_DICT:
            name = "jieba.cache"
        else:
            name = "jieba.u%s.cache" % md5(self.dictionary.encode("utf-8", "replace")).hexdigest()
        return os.path.join(self.tmp_dir or tempfile.gettempdir(), name)

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:  # noqa: N802 (jieba's name)
        self.check_initialized()
        freq = self.FREQ
        dag = {}
        n = len(sentence)
        for k in range(n):
            ends = []
            i, frag = k, sentence[k]
            while frag in freq:  # frag is a word (a frequency) or the start of one (0)
                if freq[frag]:
                    ends.append(i)
                i += 1
                if i >= n:
                    break
                frag = sentence[k:i + 1]
            dag[k] = ends or [k]
        return dag

    def calc(self, sentence: str, DAG: dict[int, list[int]], route: dict) -> None:  # noqa: N803
        n = len(sentence)
        route[n] = (0, 0)
        logp = self._log_probabilities()
        for idx in range(n - 1, -1, -1):
            ends = DAG[idx]
            if len(ends) == 1:  # max() of one candidate, without the generator
                x = ends[0]
                word = sentence[idx:x + 1]
                p = logp.get(word)
                route[idx] = ((self._log_probability(word) if p is None else p) + route[x + 1][0], x)
            else:
                candidates = []
                for x in ends:
                    word = sentence[idx:x + 1]
                    p = logp.get(word)
                    candidates.append(((self._log_probability(word) if p is None else p) + route[x + 1][0], x))
                route[idx] = max(candidates)

    # log(freq or 1) - log(total) of each word calc met, computed once: jieba's sum, term by term
    # (log(f) - logtotal + rest is (log(f) - logtotal) + rest), so the same floating-point route.
    _logp: dict[str, float] | None = None
    _logp_total: int | None = None
    WORDS = 50_000  # (this and _scores: ~110 bytes a word, emptied when full)

    def _log_probabilities(self) -> dict[str, float]:
        # emptied when full (bounded), and when a new word changed the total
        if self._logp is None or self._logp_total != self.total or len(self._logp) >= self.WORDS:
            self._logp, self._logp_total = {}, self.total
        return self._logp

    def _log_probability(self, word: str) -> float:
        p = self._logp[word] = log(self.FREQ.get(word) or 1) - log(self.total)
        return p


@dataclass
class Words:
    tokenizer: jieba.Tokenizer = field(default_factory=Tokenizer)
    _crossings: Memo[tuple[str, str], bool] = field(default_factory=lambda: Memo(Words.CROSSINGS), repr=False)
    CROSSINGS: ClassVar[int] = 8_000

    def __post_init__(self) -> None:
        jieba.setLogLevel(logging.WARNING)  # jieba logs its dictionary loading at DEBUG/INFO

    def crosses(self, a: str, b: str) -> bool:
        """Does word segmentation of a+b put a word across the boundary (培|育, 系|统)?"""
        left, right = a[-6:], b[:6]
        if not left or not right or not HAN_RE.match(left[-1]) or not HAN_RE.match(right[0]):
            return False
        if len(left) >= 2 and left[-2:] == right[:2]:
            return False  # "…看惠农" | "惠农：…": a line repeating the previous one's last word starts anew
        key = (left, right)
        crossing = self._crossings.get(key)
        if crossing is None:
            pos, crossing = 0, False
            for word in self.tokenizer.lcut(left + right, HMM=False):
                if pos < len(left) < pos + len(word):
                    crossing = True
                    break
                pos += len(word)
            self._crossings.put(key, crossing)
        return crossing

    def frequency(self, word: str) -> int:
        self.tokenizer.check_initialized()
        return self.tokenizer.FREQ.get(word, 0)

    def tags(self) -> dict[str, str]:
        """Part-of-speech tag of each dictionary word (jieba's dict.txt), e.g. ns for place names."""
        return self.pos.word_tag_tab

    @cached_property
    def pos(self) -> Tagger:
        """Part-of-speech tagging on this tokenizer, made on first use: its tags are read from
        the dictionary (a fifth of a second, tags.py), which most rebuilds never need."""
        posseg = import_posseg()
        tokenizer_class = _remembering(posseg.POSTokenizer, posseg)
        pos = tokenizer_class.__new__(tokenizer_class)
        pos.tokenizer = self.tokenizer
        if self.tokenizer.dictionary == jieba.dt.dictionary:  # the import read this dictionary's tags
            pos.word_tag_tab = dict(posseg.dt.word_tag_tab)
        else:
            pos.word_tag_tab = word_tags(self.tokenizer, posseg)
        return Tagger(pos)


def _remembering(base: type, posseg) -> type:
    """jieba.posseg.POSTokenizer remembering how it tagged each run of characters its dictionary
    does not know (a name: 某某岭, 某某村), and each block. Tagging such a run (an HMM,
    posviterbi.py: jieba's, faster) costs more than the rest of a cut, and a name recurs through
    its article. Bounded; the same tags as jieba's."""

    class RememberingPOSTokenizer(base):
        runs: Memo[str, tuple] | None = None
        RUNS = 8_000
        blocks: Memo[str, tuple] | None = None  # block -> its tagged words, for this dictionary generation
        BLOCKS = 8_000  # ~1,200 bytes a block
        generation: int | None = None

        # jieba's private step (POSTokenizer.__cut_DAG) tagging one block between punctuation:
        # clauses tagged for different questions share blocks (a third recur on the seeds)
        def _POSTokenizer__cut_DAG(self, sentence: str) -> Iterator:  # noqa: N802
            generation = getattr(self.tokenizer, "generation", None)
            if generation is None:  # a tokenizer that does not say when its dictionary changes
                return base._POSTokenizer__cut_DAG(self, sentence)
            if self.blocks is None or generation != self.generation:
                self.blocks, self.generation = Memo(self.BLOCKS), generation
            tagged = self.blocks.get(sentence)
            if tagged is None:
                tags, pair = self.word_tag_tab, posseg.pair
                tagged = self.blocks.put(sentence, tuple(block_words(
                    sentence, self.tokenizer.best_ends(sentence), self.tokenizer.FREQ,
                    self._POSTokenizer__cut_detail, lambda word: pair(word, tags.get(word, "x")))))
            return iter(tagged)

        # jieba's private step (POSTokenizer.__cut) tagging one such run; jieba is pinned (requirements)
        def _POSTokenizer__cut(self, sentence: str) -> Iterator:  # noqa: N802
            if self.runs is None:
                self.runs = Memo(self.RUNS)
            tagged = self.runs.get(sentence)
            if tagged is None:
                tagged = self.runs.put(sentence, tuple(tag_run(sentence, posseg)))
            return iter(tagged)

    return RememberingPOSTokenizer


class Tagger:
    """jieba's part-of-speech tagging (`cut`, as jieba.posseg's), remembering the tags of the
    texts it tagged last: the figure stages ask about the same phrase again and again (on the
    seeds, 2,100 cuts of 950 phrases). Bounded, so it does not grow with the corpus."""

    def __init__(self, pos: "jieba.posseg.POSTokenizer", remembered: int = 4096):
        self.pos = pos
        self._tagged = lru_cache(maxsize=remembered)(self._tag)

    @property
    def tokenizer(self) -> jieba.Tokenizer:
        return self.pos.tokenizer

    @property
    def word_tag_tab(self) -> dict[str, str]:
        return self.pos.word_tag_tab

    def cut(self, sentence: str, HMM: bool = True) -> Iterator["jieba.posseg.pair"]:  # noqa: N803 (jieba's name)
        return iter(self._tagged(sentence, HMM))

    def _tag(self, sentence: str, HMM: bool) -> tuple["jieba.posseg.pair", ...]:  # noqa: N803
        return tuple(self.pos.cut(sentence, HMM))
