"""Region keywords by TF-IDF (jieba's IDF table), split into a per-article and a per-region step.

Counting words is the expensive part (a jieba cut of the whole text), and it only depends on
one article, so it runs in the per-file stage (parallel, cached by content). Ranking the
summed counts of a region's articles is cheap: done for every region once the digest is read
(by_region), after which the build lets the articles' counts go (a few KB per article).
The weights are jieba.analyse.extract_tags' own: count x idf / total, stop words and
one-character words left out.
"""

from __future__ import annotations

import heapq
import importlib.resources
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import repeat
from operator import itemgetter
from importlib.resources.abc import Traversable
from pathlib import Path

import jieba
import yaml

from generator.records import Article, Digest, Region, TermCounts
from generator.settings import PACKAGE_DIR
from generator.wordpack import unpack_counts

IDF_TABLE = importlib.resources.files("jieba") / "analyse" / "idf.txt"
STOP_WORDS = PACKAGE_DIR / "data" / "stop_words.yml"


@dataclass(frozen=True)
class Idf:
    """Stop words, and jieba's IDF table read from the installed jieba on first use: a
    rebuild whose region pages all come from the page memo never reads it."""

    stop_words: frozenset[str]
    table: Traversable | Path = IDF_TABLE

    @classmethod
    def load(cls, table: Traversable | Path = IDF_TABLE, stop_words: Path = STOP_WORDS) -> "Idf":
        words = yaml.safe_load(Path(stop_words).read_text(encoding="utf-8"))["stop_words"]
        return cls(frozenset(words), table)

    @cached_property
    def freq(self) -> dict[str, float]:
        """word -> IDF weight, as jieba.analyse reads the table (without importing it: that
        also reads every dictionary word's part-of-speech tag, a second or more)."""
        text = self.table.read_text(encoding="utf-8")
        lines = text.splitlines()
        tokens = text.split()
        if len(tokens) != 2 * len(lines):  # a word with inner white space: read it line by line
            tokens = [part for line in lines for part in _word_and_weight(line)]
        # (split and dict in C: a third of the time of a loop over the 270,000 lines; the table
        # has a few thousand distinct weights, each parsed once)
        weights = tokens[1::2]
        value = {weight: float(weight) for weight in set(weights)}
        return dict(zip(tokens[0::2], map(value.__getitem__, weights)))

    @cached_property
    def highest(self) -> float:
        """The highest weight a word can have: the table's, or the median a word it lacks gets."""
        return max(max(self.freq.values(), default=self.median), self.median)

    @cached_property
    def median(self) -> float:
        """The weight of a word the table lacks: jieba's median_idf (the middle of the sorted
        weights, counted by distinct value rather than sorting 270,000 of them)."""
        middle = len(self.freq) // 2
        for weight, count in sorted(Counter(self.freq.values()).items()):
            if middle < count:
                return weight
            middle -= count
        raise ValueError(f"{self.table}: no IDF weights")


def _word_and_weight(line: str) -> list[str]:
    word, weight = line.strip().split(" ")  # jieba.analyse's own reading (a ValueError where it fails)
    return [word, weight]


def count_terms(article: Article, tokenizer: jieba.Tokenizer, idf: Idf) -> TermCounts:
    """Word counts of an article's paragraphs (only words that can become keywords): its
    words by count (records.TermCounts; the article keeps them packed, wordpack.py)."""
    cut: Counter[str] = Counter()  # jieba's words as cut, in order of first use
    for paragraph in article.paragraphs:
        cut.update(tokenizer.cut(paragraph))
    counts: dict[str, int] = {}  # each word judged once; the same order as counting word by word
    for word, n in cut.items():
        counted = _countable(word, idf.stop_words)
        if counted is not None:
            counts[counted] = counts.get(counted, 0) + n
    return by_count(counts)


def by_count(counts: Mapping[str, int]) -> TermCounts:
    """Words counted once, twice, ... (each in the order of `counts`): item i, the words
    counted i + 1 times (a count costs a slot whether or not a word has it: at most the
    article's length)."""
    groups: list[list[str]] = [[] for _ in range(max(counts.values(), default=0))]
    for word, n in counts.items():
        groups[n - 1].append(word)
    return tuple(map(tuple, groups))


def summed(counts: Iterable[TermCounts]) -> dict[str, int]:
    """Each word's count over all of `counts`, in the order first counted."""
    total: dict[str, int] = {}
    get = total.get
    for counted in counts:
        fresh = not total  # (an article counts each word once: the first one's are all new)
        for n, words in enumerate(counted, 1):
            if not words:
                continue
            if fresh:
                total.update(zip(words, repeat(n)))
            else:  # total[word] = get(word, 0) + n for each word, in C (a group's words are
                # distinct: each is read before it is written)
                total.update(zip(words, map(n.__add__, map(get, words, repeat(0)))))
    return total


def _countable(word: str, stop_words: frozenset[str]) -> str | None:
    """The word as counted, or None: numbers and one-character words say nothing about a region."""
    word = word.strip()
    if len(word) < 2 or word.lower() in stop_words or word.replace(".", "").isdigit():
        return None
    return word


def top_keywords(counts: Iterable[TermCounts], idf: Idf, n: int) -> list[str]:
    """The n words with the highest TF-IDF weight over the summed counts (ties: the first word
    in code point order; the order words were counted in does not matter)."""
    total = summed(counts)
    size = sum(total.values())
    if not size:
        return []
    weight, median = idf.freq.get, idf.median

    def ranked(words: Iterable[tuple[str, int]]) -> list[tuple[float, str]]:
        return [(-(c * weight(w, median) / size), w) for w, c in words]
    # Weighing every word of a region was most of the time this took. The most frequent
    # first: once n words weigh at least `least`, a word whose count times the highest weight
    # there is falls short of it cannot be among the n (the same products and quotients as
    # the weights, so never a rounding apart); only the words that do not fall short are
    # weighed (picked out, not sorted: sorting every word by count cost more than weighing).
    frequent = heapq.nlargest(_FIRST * n, total.items(), key=itemgetter(1))
    first = sorted(ranked(frequent))
    more: list[tuple[str, int]] = []
    if len(first) >= n and len(total) > len(first):
        least, bound = -first[n - 1][0], idf.highest / size
        weighed = {w for w, _ in frequent}
        more = [(w, c) for w, c in total.items() if c * bound >= least and w not in weighed]
    return [w for _, w in heapq.nsmallest(n, first + ranked(more))]


# How many of the most frequent words (times n) are weighed to find the least weight the n
# keywords have at least: more weighs more words first, fewer finds a lower least weight.
_FIRST = 3


def by_region(grouped: Mapping[Region, list[Article]], idf: Idf, n: int) -> dict[Region, list[str]]:
    """Each region's keywords from its articles' counts (digest.articles_by_region's groups)."""
    return {region: top_keywords((unpack_counts(a.term_counts) for a in articles), idf, n)
            for region, articles in grouped.items()}


def without_counts(digest: Digest) -> Digest:
    """The digest with its articles' keyword counts let go (once by_region has used them):
    they are most of what an article holds besides its text."""
    return replace(digest, articles=[replace(a, term_counts="") if a.term_counts else a for a in digest.articles])
