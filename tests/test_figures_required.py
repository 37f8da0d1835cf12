"""generator/read/figures/required.py: characters a pattern cannot match without."""

from __future__ import annotations

import random
import re

from generator.read.figures import periods
from generator.read.figures.required import needs


def _chars(pattern: str) -> str | None:
    found = needs(re.compile(pattern))
    return found.pattern if found is not None else None


def test_a_literal_the_pattern_always_matches_is_needed():
    assert _chars("(?:19|20)[0-9]{2}年") == "[年]"
    assert _chars("截至(?:今年)?[0-9]{1,2}月") in ("[截]", "[至]", "[月]")


def test_each_way_through_an_alternation_needs_one_of_its_characters():
    assert _chars("近日|日前") == "[日近]"
    assert _chars("(?:上|下)半年|[一二]季度") is not None


def test_nothing_is_needed_where_the_pattern_offers_no_guarantee():
    assert _chars("(?:年)?[0-9]*") is None  # optional parts only
    assert _chars(r"\d+") is None  # a category
    assert _chars("[^年]+") is None  # a negated class
    assert _chars("年|.") is None  # one way needs nothing
    assert _chars("(?i)abc") is None  # case-insensitive: either case would do
    assert _chars("[一-龥]{2}") is None  # a class too wide to test cheaply


def test_every_match_of_every_time_rule_contains_a_needed_character():
    reader = periods.TimeReader(2024)
    rng = random.Random(11)
    pieces = ["2023", "年", "3", "月", "至", "5", "日", "今年", "“十四五”", "以来", "上半年", "连续", "近", "五一",
              "假期", "去年", "全年", "，", "增长", "季度", "截至", "底", "前", "明年", "3年来", "多年来"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    matched = 0
    for (pattern, _, _), need in zip(reader.rules, reader.needs):
        for text in texts:
            for m in pattern.finditer(text):
                matched += 1
                assert need is None or need.search(m.group()) or not m.group(), (pattern.pattern, text)
    assert matched > 1000
    assert sum(n is not None for n in reader.needs) > len(reader.needs) // 2
