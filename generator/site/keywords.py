"""Region keywords by TF-IDF (jieba's IDF table), split into a per-article and a per-region step.

Counting words is the expensive part (a jieba cut of the whole text), and it only depends on
one article, so it runs in the per-file stage (parallel, cached by content). Ranking the
summed counts of a region's articles is cheap and done when the region page is rendered.
The weights are jieba.analyse.extract_tags' own: count x idf / total, stop words and
one-character words left out.
"""

from __future__ import annotations

import heapq
import importlib.resources
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import jieba
import yaml

from generator.records import Article
from generator.settings import PACKAGE_DIR

IDF_TABLE = importlib.resources.files("jieba") / "analyse" / "idf.txt"
STOP_WORDS = PACKAGE_DIR / "data" / "stop_words.yml"


@dataclass
class Idf:
    """jieba's IDF table and stop words, loaded once."""

    freq: dict[str, float]
    median: float
    stop_words: frozenset[str]

    @classmethod
    def load(cls, table=IDF_TABLE, stop_words: Path = STOP_WORDS) -> "Idf":
        """Read jieba's IDF table as jieba.analyse does, without importing jieba.analyse:
        that import also reads the part-of-speech tag of every dictionary word (a second
        or more), which a rebuild from the cache never needs."""
        freq: dict[str, float] = {}
        for line in table.read_text(encoding="utf-8").splitlines():
            word, value = line.strip().split(" ")
            freq[word] = float(value)
        median = sorted(freq.values())[len(freq) // 2]
        words = yaml.safe_load(Path(stop_words).read_text(encoding="utf-8"))["stop_words"]
        return cls(freq, median, frozenset(words))


def count_terms(article: Article, tokenizer: jieba.Tokenizer, idf: Idf) -> dict[str, int]:
    """Word counts of an article's paragraphs (only words that can become keywords)."""
    counts: Counter[str] = Counter()
    for paragraph in article.paragraphs:
        for word in tokenizer.cut(paragraph):
            word = word.strip()
            # Numbers and one-character words say nothing about a region.
            if len(word) < 2 or word.lower() in idf.stop_words or word.replace(".", "").isdigit():
                continue
            counts[word] += 1
    return dict(counts)


def top_keywords(counts: Iterable[dict[str, int]], idf: Idf, n: int) -> list[str]:
    """The n words with the highest TF-IDF weight over the summed counts."""
    total: Counter[str] = Counter()
    for c in counts:
        total.update(c)
    size = sum(total.values())
    if not size:
        return []
    # (nsmallest = sorted(...)[:n] without sorting every word of a large region)
    return heapq.nsmallest(n, total, key=lambda w: (-(total[w] * idf.freq.get(w, idf.median) / size), w))
