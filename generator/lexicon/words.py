"""jieba's dictionary as one explicit resource, for the word questions the reading stages ask.

Loaded once per process (resources.py) and passed to whoever needs it: clean and split ask
whether a column break cuts a word in two, the gazetteer asks which short place names are
also ordinary words, search and keywords segment text with the same tokenizer.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cached_property

import jieba

from generator.lexicon.text import HAN_RE



@dataclass
class Words:
    tokenizer: jieba.Tokenizer = field(default_factory=jieba.Tokenizer)
    _crossings: dict[tuple[str, str], bool] = field(default_factory=dict, repr=False)

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
        if key not in self._crossings:
            pos, crossing = 0, False
            for word in self.tokenizer.lcut(left + right, HMM=False):
                if pos < len(left) < pos + len(word):
                    crossing = True
                    break
                pos += len(word)
            self._crossings[key] = crossing
        return self._crossings[key]

    def frequency(self, word: str) -> int:
        self.tokenizer.check_initialized()
        return self.tokenizer.FREQ.get(word, 0)

    def tags(self) -> dict[str, str]:
        """Part-of-speech tag of each dictionary word (jieba's dict.txt), e.g. ns for place names."""
        return self.pos.word_tag_tab

    @cached_property
    def pos(self) -> "jieba.posseg.POSTokenizer":
        """Part-of-speech tagging on this tokenizer, made on first use: importing jieba.posseg
        reads the default dictionary's tags (a second or more), which most builds never need."""
        import jieba.posseg

        if self.tokenizer.dictionary != jieba.dt.dictionary:
            return jieba.posseg.POSTokenizer(self.tokenizer)
        # The import read this dictionary's tags already: reading them again would cost as much.
        pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
        pos.tokenizer, pos.word_tag_tab = self.tokenizer, dict(jieba.posseg.dt.word_tag_tab)
        return pos
