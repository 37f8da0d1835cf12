"""From-to sentences (从149个增至315个): two figures, the start value and the end value."""

from __future__ import annotations

from generator.records import Period
from . import labels, periods
from .cues import FIXED_WORDS, Cues

ENUM_JOINS = FIXED_WORDS["enumeration_joins"]


def from_to(sentence: str, drafts: list[labels.Draft], cues: Cues) -> None:
    """从149个增至315个 (and 从A、B分别增至C、D): mark each start value and its end value."""
    to_words, from_words = cues.get("to_words"), cues.get("from_words")
    groups: list[list[labels.Draft]] = []
    for d in drafts:  # runs of numbers joined by 、/和 (an enumeration)
        if groups and sentence[groups[-1][-1].token.end:d.token.start].strip() in ENUM_JOINS:
            groups[-1].append(d)
        else:
            groups.append([d])
    for a, b in zip(groups, groups[1:]):
        first, last = a[0], b[0]
        if len(a) != len(b) or first.token.base != last.token.base:
            continue
        between = sentence[a[-1].token.end:last.token.start]
        lead = sentence[max(0, first.token.start - 14):first.token.start]
        if len(between) <= 24 and any(w in between for w in to_words) and any(w in lead for w in from_words):
            for start, end in zip(a, b):
                start.is_start = True
                end.previous = start.token.number * start.token.factor
                end.extras["from"] = start


def _dated(sentence: str, d: labels.Draft, times: list[periods.Time]) -> periods.Time | None:
    """The year written right before a number (2012年的146亿元)."""
    t = periods.governing(times, d.token.start)
    gap = sentence[t.end:d.token.start] if t is not None else "x"
    return t if t is not None and len(gap) <= 1 and not t.span and not t.day else None


def from_to_years(sentence: str, drafts: list[labels.Draft], times: list[periods.Time],
                   years: dict[str, Period]) -> None:
    """从2012年的A攀升至2021年的B, then 收入从C分别提升到D: an undated from-to pair right after a
    dated one in the same section runs over the same years."""
    for end in drafts:
        start = end.extras.get("from")
        if start is None:
            continue
        t0, t1 = _dated(sentence, start, times), _dated(sentence, end, times)
        if t0 is not None and t1 is not None:
            years.update(start=t0.period, end=t1.period)
        elif t0 is None and t1 is None and years and not periods.governing(times, start.token.start):
            start.extras["period"], end.extras["period"] = years["start"], years["end"]
