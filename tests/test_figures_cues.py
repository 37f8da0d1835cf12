"""generator/read/figures/cues.py: cue-word lookups give what a scan of every position gives."""

from __future__ import annotations

import random
import re

import pytest

from generator.read.figures.cues import Cues, load_cues
from generator.read.figures import carry


@pytest.fixture(scope="module")
def cues():
    return load_cues()


def _texts(cues, names: list[str], n: int = 300) -> list[str]:
    """Random texts of cue words (overlapping, nested, repeated) and filler characters."""
    rng = random.Random(7)
    words = [w for name in names for w in cues.get(name)] + ["的", "，", "全县", "2025年", "A"]
    return ["".join(rng.choice(words) for _ in range(rng.randint(0, 8))) for _ in range(n)]


def _last_by_position(cues, name: str, text: str) -> str:
    """Cues.last as a match at every position (the definition)."""
    pattern, best, end = cues.patterns[name], "", -1
    for at in range(len(text)):
        m = pattern.match(text, at)
        if m and m.end() >= end:
            best, end = m.group(), m.end()
    return best


@pytest.mark.parametrize("name", ["aspect.growth", "aspect.growth_avg", "scope.per_unit", "aspect.share"])
def test_last_is_the_cue_word_ending_last(cues, name):
    texts = _texts(cues, [name, "aspect.growth_noun"])
    assert any(cues.last(name, t) for t in texts)
    for text in texts:
        assert cues.last(name, text) == _last_by_position(cues, name, text), text


def test_last_prefers_the_later_of_two_words_ending_together():
    words = ("年均增长", "增长")
    cues = Cues(lists={"x": words}, indicators=(), patterns={"x": re.compile("|".join(words))})
    assert cues.last("x", "年均增长") == "增长"  # same end, later start
    assert cues.last("x", "年均增长率") == "增长"
    assert cues.last("x", "增长后年均增长") == "增长"
    assert cues.last("x", "") == "" and cues.last("y", "增长") == ""


def test_last_skips_a_text_no_word_starts_in_but_not_with_an_empty_word():
    words = ("年均增长", "增长")
    cues = Cues(lists={"x": words}, indicators=(), patterns={"x": re.compile("|".join(words))})
    assert cues.last("x", "全县生产总值") == "" and cues.last("x", "长期增长") == "增长"
    empty = ("增长", "")
    cues = Cues(lists={"x": empty}, indicators=(), patterns={"x": re.compile("|".join(empty))})
    assert cues.last("x", "增长了") == _last_by_position(cues, "x", "增长了")


def _indicator_by_position(cues, text: str):
    best = None
    for at in range(len(text)):
        m = cues.terms.match(text, at)
        if m is None:
            continue
        for ind in cues.term_owner[m.group()]:
            if any(n in text and text.find(n) <= at < text.find(n) + len(n) for n in ind.not_terms):
                continue
            key = (len(m.group()), m.end())
            if best is None or key > best[:2]:
                best = (key[0], key[1], ind, m.group())
    return (best[2], best[3]) if best else None


def test_indicator_term_is_the_longest_term_nearest_the_end(cues):
    rng = random.Random(3)
    terms = sorted(cues.term_owner)
    texts = ["".join(rng.choice(terms + ["增长", "的", "全市"]) for _ in range(rng.randint(1, 5))) for _ in range(300)]
    for text in texts:
        assert cues.indicator_term(text) == _indicator_by_position(cues, text), text


def test_opening_is_the_first_listed_word_a_text_starts_with(cues):
    for name in ("scope.anaphora", "scope.bare_anaphora"):
        for text in _texts(cues, [name]):
            expected = next((w for w in cues.get(name) if text.startswith(w)), None)
            assert carry._opening(text, cues, name) == expected
    assert carry._opening("该公司新增", cues, "scope.anaphora") == "该公司"
    assert carry._opening("全县", cues, "no.such.list") is None


def test_once_builds_a_thing_on_first_use_only():
    cues = load_cues()
    made = []
    make = lambda: made.append(1) or ["built"]  # noqa: E731 (a new object each call)
    first = cues.once(("test", 1), make)
    assert cues.once(("test", 1), make) is first and made == [1]
    assert cues.once(("test", 2), make) is not first and made == [1, 1]
    assert cues.word_set(("aspect.growth",), ("新增",)) is cues.word_set(("aspect.growth",), ("新增",))
    assert "新增" in cues.word_set(("aspect.growth",), ("新增",))
