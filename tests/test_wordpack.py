"""generator/wordpack.py: word lists kept as one string until they are read."""

from __future__ import annotations

import pytest

from generator.site.keywords import by_count
from generator.wordpack import pack_counts, pack_words, unpack_counts, unpack_words


@pytest.mark.parametrize("words", [(), ("一",), ("老旧", "小区", "gdp", "5.7"), ("重复", "重复")])
def test_words_come_back_as_packed_in_order(words):
    packed = pack_words(words)
    assert isinstance(packed, str) and unpack_words(packed) == words


@pytest.mark.parametrize("counts", [{}, {"公园": 1}, {"公园": 3, "养老": 1, "社区": 3}, {"一次": 1, "五次": 5}])
def test_counts_come_back_with_their_empty_groups(counts):
    grouped = by_count(counts)  # words counted once, twice, ...: gaps are empty groups
    assert unpack_counts(pack_counts(grouped)) == grouped


@pytest.mark.parametrize("word", ["两\n行", "制表\t符", ""])
def test_a_word_that_would_not_come_back_is_refused(word):
    with pytest.raises(ValueError):
        pack_words(["前", word])
    with pytest.raises(ValueError):
        pack_counts(((word,),))
