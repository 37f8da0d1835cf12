"""Parts of a region a clause opens with, beyond the units slots.py reads (a named unit, another
region, an event): a named zone, area, scenic spot or project (某某经开区跻身…, 沿江地区30个村…,
某某公园“冬泳”项目完成100%) and the region's subdivisions as a group (所辖乡镇全部…).
Cue words: data/frames.yml `parts`."""

from __future__ import annotations

import re

from .cues import Cues
from .slots import MAX_HEAD

DIGIT = re.compile(r"[0-9０-９]")


def named_part(clause_before: str, own: tuple[str, ...], cues: Cues, pos) -> str | None:
    """The named part a clause's text before the number opens with, or None."""
    head = clause_before.lstrip(" ，,")
    for lead in cues.get("scope.head_lead"):
        if head.startswith(lead):
            head = head[len(lead):]
            break
    return _subdivisions(head, cues) or (_named_zone(head[:MAX_HEAD], own, cues, pos) if pos is not None else None)


def _subdivisions(head: str, cues: Cues) -> str | None:
    lead = next((w for w in cues.get("parts.subdivision_leads") if head.startswith(w)), None)
    if lead is None:
        return None
    stops = set(cues.get("parts.subdivision_stops"))
    end = next((i for i, c in enumerate(head) if i >= len(lead) and (c in stops or DIGIT.match(c) or c in "，,")), len(head))
    name = head[:min(end, MAX_HEAD)]
    return name if len(name) > len(lead) else None


def _named_zone(head: str, own: tuple[str, ...], cues: Cues, pos) -> str | None:
    """某某经开区, 沿江地区, 某某公园“某某”项目: the first part-suffix in the head, with a named stem
    (a proper-name or direction tag; a quoted name alone is a programme: “保交楼”项目) and no number
    or verb."""
    found = [(head.find(s), s) for s in cues.get("parts.suffixes") if head.find(s) > 0]
    if not found:
        return None
    at, suffix = min(found, key=lambda x: (x[0], -len(x[1])))
    stem = head[:at]
    term = cues.indicator_term(head[at:])
    if term is not None and head.startswith(term[1], at):
        return None  # 某区地区生产总值: the suffix opens an indicator's name
    doing = [cues.patterns.get("aspect.increment"), cues.patterns.get("measure_lead")]
    if DIGIT.search(stem) or any(p is not None and p.search(stem) for p in doing) or \
            any(stem.startswith(w) for w in cues.get("scope.whole")):
        return None
    words = [(w.word, w.flag) for w in pos.cut(stem)]
    generic = cues.get("scope.generic")
    named = any(f in cues.get("parts.name_tags") and w not in generic for w, f in words)
    if not named or any(f.startswith("v") and f != "vn" for _, f in words):
        return None
    return stem + suffix
