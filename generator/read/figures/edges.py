"""The edges of a measure: grammar words of the sentence left at a measure's end that are no part of
what is measured (shared FRAMES.md: the measure without aspect words).

* a verb of reaching a new amount (工业税收增至 -> 工业税收): the aspect and value say the rest;
* a localizer closing a frame 在…上, 在…中 (在民生项目上增加19个 -> 民生项目);
* the 年 of 年增长 split from its verb (森林蓄积量年增长3.5% -> 森林蓄积量) in a growth rate;
* 占 before a rate stands for 占比 (产业投资占…提高3个百分点 -> 产业投资占比);
* 在 opening a rank's measure (在某某考核位列全省第六 -> 某某考核).

Works on one measure with jieba's tagger (None: the measure is returned as it is).
"""

from __future__ import annotations

import re

from generator.lexicon.text import alternation, han_count
from .cues import FIXED_WORDS

REACHED = re.compile(f"(?:{alternation(FIXED_WORDS['measure_to_words'], longest_first=True)})$")
LOCALIZERS = frozenset(FIXED_WORDS["frame_localizers"])
FRAME_OPENER = "在"
RATE_ASPECTS = ("growth", "growth_avg", "change", "share")
SHARE_OF = FIXED_WORDS["share_verb_noun"]  # 占 -> 占比
MIN_LEFT = 2  # han characters a measure keeps after its edge is cut


def tidy(measure: str, kind: str, pos) -> str:
    """The measure without the grammar words at its end (`kind`: the figure's aspect)."""
    if pos is None or han_count(measure) <= MIN_LEFT:
        return measure
    cut = REACHED.sub("", measure)
    if han_count(cut) >= MIN_LEFT:
        measure = cut
    words = list(pos.cut(measure))
    last = words[-1] if words else None
    if last is None:
        return measure
    rest = measure[: len(measure) - len(last.word)]
    if last.word in LOCALIZERS and last.flag == "f" and han_count(rest) >= MIN_LEFT:
        # 在民生福祉基础设施建设项目上, 在55个新建项目中: the localizer closes the frame 在 opens
        return rest[len(FRAME_OPENER):] if rest.startswith(FRAME_OPENER) and han_count(rest) > MIN_LEFT else rest
    if last.word == "年" and last.flag == "m" and kind in ("growth", "growth_avg") and han_count(rest) >= MIN_LEFT:
        return rest  # 蓄积量年|增长: the yearly rate is the aspect's
    if last.word == SHARE_OF[0] and kind in RATE_ASPECTS and han_count(rest) >= MIN_LEFT:
        return rest + SHARE_OF[1]
    return measure


def opening(measure: str, kind: str, pos) -> str:
    """在某某考核位列全省第六 -> 某某考核: 在 opening a rank's measure frames the assessment ranked."""
    first = next(iter(pos.cut(measure)), None) if pos is not None and measure else None
    if kind == "rank" and first is not None and first.word == FRAME_OPENER and first.flag == "p" \
            and han_count(measure) > MIN_LEFT + 1:
        return measure[len(FRAME_OPENER):]
    return measure
