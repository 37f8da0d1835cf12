"""Lists named before the values they share: 甲、乙表现抢眼，一季度分别增长39.5%、57.7% gives 甲 the first
value and 乙 the second (shared FRAMES.md: 分别 lists give one figure per item, each with its measure).

labels.py reads a 分别 list whose items stand in its own clause (甲、乙分别增长…); here the items stand in
the clause before, followed by a predicate that says nothing about the values (表现抢眼, 增势强劲).
Works on labels.Draft records of one sentence, with jieba's tagger.
"""

from __future__ import annotations

import re

from generator.lexicon.text import han_count
from .cues import FIXED_WORDS
from .measures import NOUN_VERBS

RESPECTIVELY = "分别"
JOINS = "、和与及"
CLAUSE_MARKS = re.compile("[，,；;：:]")
PREDICATE_TAGS = tuple(FIXED_WORDS["predicate_end_tags"])  # 抢眼, 较快: the predicate's last words
MIN_ITEM = 2  # han characters of an item
ALL = re.compile("[均都]")
RATE = "增速"


def respective(sentence: str, drafts: list, own: tuple[str, ...], pos) -> None:
    """Label each value of a 分别 list whose clause names nothing with the item of the same place in the
    list the clause before it opens with (`own`: the region's names, which no item keeps)."""
    if pos is None:
        return
    for group in _groups(sentence, drafts):
        first = group[0]
        lead = sentence[first.clause[0]:first.token.start]
        if RESPECTIVELY not in lead or re.search(f"[{JOINS}]", lead) or first.clause[0] == 0:
            continue
        before = CLAUSE_MARKS.split(sentence[:first.clause[0]].rstrip("，,；; "))[-1]
        if any(first.clause[0] - len(before) - 1 <= d.token.start < first.clause[0] for d in drafts):
            continue  # 甲、乙分别增长5%和6%，分别比全省快…: the clause before holds its own values
        items = before.split("、")
        if len(items) != len(group):
            continue
        items = [_without_own(items[0], own)] + items[1:-1] + [_without_predicate(items[-1], pos)]
        if all(han_count(item) >= MIN_ITEM for item in items):
            for d, item in zip(group, items):
                d.label = item
            _ranks_of_all(sentence, drafts, group)


def _ranks_of_all(sentence: str, drafts: list, group: list) -> None:
    """甲、乙分别增长a、b，均居全省第一: the rank after the list is each item's (one figure per item, the
    rank of a growth being of its rate)."""
    for d in drafts[drafts.index(group[-1]) + 1:]:
        if d.kind != "rank" or not ALL.search(sentence[d.clause[0]:d.token.start]):
            continue
        rate = RATE if group[0].kind in ("growth", "growth_avg") else ""
        d.label = "、".join(g.label + rate for g in group)
        return


def _groups(sentence: str, drafts: list) -> list[list]:
    """Runs of values of one clause joined by 、/和 (39.5%、57.7%)."""
    groups: list[list] = []
    for d in drafts:
        last = groups[-1][-1] if groups else None
        if last is not None and last.clause == d.clause and sentence[last.token.end:d.token.start].strip() in JOINS:
            groups[-1].append(d)
        else:
            groups.append([d])
    return [g for g in groups if len(g) >= 2]


def _without_own(item: str, own: tuple[str, ...]) -> str:
    """株洲高新技术产业增加值 -> 高新技术产业增加值: the region's name opening the list."""
    return next((item[len(w):] for w in own if w and item.startswith(w)), item)


def _without_predicate(item: str, pos) -> str:
    """规模以上服务业营业收入表现抢眼 -> 规模以上服务业营业收入: the predicate after the last item's noun
    goes from its first verb (收入 is a noun there: jieba tags it a verb)."""
    words = list(pos.cut(item))
    verb = next((i for i, w in enumerate(words) if i and w.flag in ("v", "vi", "vd") and w.word not in NOUN_VERBS), None)
    words = words[:verb] if verb is not None else words
    while words and words[-1].flag in PREDICATE_TAGS:
        words.pop()
    return "".join(w.word for w in words)
