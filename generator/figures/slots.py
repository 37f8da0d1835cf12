"""Aspect, modality, scope and base of a number, from the cue words of its clause (data/frames.yml)."""

from __future__ import annotations

import re

from ..records import Aspect, Modality
from .cues import Cues
from .tokens import Token

PERCENT_BASES = ("%",)
MONEY_BASES = ("元", "美元", "欧元")
CJK_RUN = re.compile(r"[\u4e00-\u9fff“”]+")


def _ends(text: str, words: tuple[str, ...], within: int) -> str:
    """The cue word among `words` found in the last `within` characters of text (nearest wins)."""
    tail = text[-within:]
    best, at = "", -1
    for w in words:
        i = tail.rfind(w)
        if i >= 0 and i + len(w) > at:
            best, at = w, i + len(w)
    return best


def aspect(token: Token, before: str, clause_before: str, cues: Cues, from_to: bool) -> Aspect:
    """The aspect of a token: `before` is its clause's text since the previous number,
    `clause_before` the whole clause before it."""
    if token.kind == "rank":
        return Aspect.RANK
    if token.base == "倍":
        return Aspect.MULTIPLE
    if token.base in ("百分点", "位次"):
        return Aspect.CHANGE
    if token.base in PERCENT_BASES or token.base == "比例":
        if _ends(before, cues.get("aspect.growth_avg"), 8):
            return Aspect.GROWTH_AVG
        if from_to or _ends(before, cues.get("aspect.share_to"), 3):
            return Aspect.SHARE
        if _ends(before, cues.get("aspect.growth"), 6):
            return Aspect.GROWTH
        return Aspect.SHARE
    if from_to:
        return Aspect.LEVEL
    near = before[-8:]
    has_reference = bool(_ends(clause_before, cues.get("aspect.reference"), 16))
    change = _ends(near, cues.get("aspect.change"), 4)
    if change and (has_reference or near.endswith(change)):
        return Aspect.CHANGE
    level = _ends(clause_before, cues.get("aspect.level"), 12)
    increment = _ends(clause_before, cues.get("aspect.increment"), 14)
    if token.base in MONEY_BASES:
        return Aspect.INCREMENT if _ends(clause_before, cues.get("aspect.money_increment"), 14) else Aspect.LEVEL
    if increment and (not level or clause_before.rfind(increment) > clause_before.rfind(level)):
        return Aspect.INCREMENT
    return Aspect.LEVEL


def decrease(before: str, cues: Cues) -> bool:
    """下降3%, 减少12家: the normalised value is negative."""
    return bool(_ends(before, cues.get("aspect.decrease"), 5))


def modality(sentence_before: str, cues: Cues) -> Modality:
    """target / estimate from the words of the sentence before the number."""
    if _ends(sentence_before, cues.get("modality.estimate"), 40):
        return Modality.ESTIMATE
    if _ends(sentence_before, cues.get("modality.target") + cues.get("modality.target_future"), 40):
        return Modality.TARGET
    return Modality.ACTUAL


def per_unit(clause_before: str, token: Token, after: str, cues: Cues) -> str | None:
    """The denominator of a per-unit or threshold figure (每个网格, 超15万元的村), else None."""
    unit = _ends(clause_before, cues.get("scope.per_unit"), 10)
    if unit and unit != "人均":
        return unit
    if after.startswith("的") and (token.qualifier or _ends(clause_before, cues.get("scope.threshold_before"), 3)):
        m = CJK_RUN.match(after[1:])
        return "门槛：" + (m.group()[:8] if m else "")
    return None


def scope(text: str, own: tuple[str, ...], level_word: str, cues: Cues) -> str | None:
    """The named part of the region the figure covers, from the clause text before the number.

    `own` are the region's names; `level_word` its whole-region word (全县 for a county)."""
    for word in cues.get("scope.other_levels"):
        if word in text and word != level_word:
            return word
    for word in cues.get("scope.whole"):
        if text.startswith(word) or word in text[:4]:
            if word != level_word and word.startswith("全") and word not in ("全省",):
                return word
            return None
    generic = cues.get("scope.generic")
    for m in CJK_RUN.finditer(text):
        run = m.group().replace("“", "").replace("”", "")
        for suffix in cues.get("scope.suffixes"):
            at = run.find(suffix)
            while at >= 0:
                name = run[:at + len(suffix)]
                head = run[:at]
                if len(head) >= 2 and not any(head.endswith(g) or head == g for g in generic) \
                        and not any(name.endswith(o) or o.endswith(name) for o in own) and not _generic_head(head, generic):
                    return name[-12:]
                at = run.find(suffix, at + 1)
    return None


def _generic_head(head: str, generic: tuple[str, ...]) -> bool:
    # 全区128个行政村: a count word or a generic word right before the suffix.
    return bool(re.search(r"[0-9一二两三四五六七八九十百千万个家座]$", head)) or any(head[-len(g):] == g for g in generic)
