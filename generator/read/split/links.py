"""Link each piece that ends mid-sentence to the piece that continues it, and tell where
text is missing between them."""

from __future__ import annotations

import re

from generator.lexicon.text import CONT_END, CONT_START, FUNCTION_END, FUNCTION_START, HAN, bracket_bridge
from generator.lexicon.words import Words
from generator.read.clean.lines import HEADING_MAX
from generator.read.split.pieces import Head, Piece
from generator.read.split.segment import one_char_clause
from generator.read.split.subjects import Subjects, key_terms
from generator.records import BlockKind


def link_fragments(heads: list[Head], pieces: list[Piece], subjects: Subjects, words: Words) -> None:
    """Pair each piece that ends mid-sentence with the piece that continues it."""
    terms = [key_terms(h, subjects) for h in heads]
    ends = [p for p in pieces if p.ends_open]
    starts = [p for p in pieces if p.blocks[0].kind == BlockKind.PARAGRAPH
              and (p.starts_mid or p.owner is None or p.moved)]
    scored: list[tuple[float, int, int]] = []
    for ei, e in enumerate(ends):
        a = e.blocks[-1].text
        for si, s in enumerate(starts):
            if s is e:
                continue
            b = s.blocks[0].text
            evidence = 0.0
            if words.crosses(a, b):
                evidence += 3
            if bracket_bridge(a, b):
                evidence += 3
            if b[:1] in CONT_START or one_char_clause(b):
                evidence += 1
            if b[:1] in FUNCTION_START or a[-1:] in FUNCTION_END or a[-1:] in CONT_END:
                evidence += 0.5
            if a[-1:].isdigit() and b[:1].isdigit():
                evidence -= 1  # 2300|平方米 is handled by clean; two numbers do not glue
            owner = e.owner
            topic = 0.0
            if owner is not None and s.owner != owner:
                own = subjects.affinity(s.text, terms[owner])
                other = max((subjects.affinity(s.text, terms[k]) for k in range(len(heads)) if k != owner), default=0)
                topic = 1.0 if own > other else (-1.0 if other > own else 0.0)
            elif owner is not None and s.owner == owner:
                topic = 0.5
            adjacent = 0.5 if pieces.index(s) == pieces.index(e) + 1 else 0.0
            score = evidence + topic + adjacent
            if evidence > 0 or (s.starts_mid and topic >= 0.5):
                scored.append((score, ei, si))
    used_e: set[int] = set()
    used_s: set[int] = set()
    for score, ei, si in sorted(scored, key=lambda t: -t[0]):
        if ei in used_e or si in used_s or score <= 0:
            continue
        e, s = ends[ei], starts[si]
        if _reaches(s, e):
            continue  # would make a loop
        used_e.add(ei)
        used_s.add(si)
        e.next, s.prev = s, e
        a, b = e.blocks[-1].text, s.blocks[0].text
        evidence = (words.crosses(a, b) or bracket_bridge(a, b) or b[:1] in CONT_START or b[:1] in FUNCTION_START
                    or one_char_clause(b) or a[-1:] in FUNCTION_END or a[-1:] in CONT_END)
        s.gap_before = not evidence and _word_cut_off(a, b, words)
        # without evidence in the words, only a sentence reads on (茶油 | 焖鸡); a headline-like
        # line stays a paragraph of its own
        s.glued = evidence or (not s.gap_before and is_sentence(a))


# A character jieba counts this often is a word by itself, not the tail of a cut one.
_FREE_CHAR_FREQ = 10000


def is_sentence(text: str) -> bool:
    """Running text, not a headline-shaped line (【…】 kickers end unfinished too)."""
    return len(text) > 2 * HEADING_MAX or bool(re.search("[，。；：,;:]", text))


def _word_cut_off(a: str, b: str, words: Words) -> bool:
    """Evidence that text is missing between two linked fragments: b opens with the last
    character of a word (务“加码”), not a word by itself, that finishes no word with a's end
    (…平方米 | 务: the 服 of 服务 is lost). Lines that read on (茶油|焖鸡, 获|此殊荣) join."""
    if len(b) < 2 or not re.match(f"[{HAN}]", b[0]) or re.match(f"[{HAN}0-9A-Za-z]", b[1]):
        return False
    if words.frequency(b[0]) >= _FREE_CHAR_FREQ:
        return False  # 上，/ 中，: a word of its own closes the clause (在此基础 | 上，)
    return not any(words.frequency(a[-k:] + b[0]) for k in (1, 2, 3) if len(a) >= k)


def _reaches(a: Piece, b: Piece) -> bool:
    seen = set()
    while a is not None and id(a) not in seen:
        if a is b:
            return True
        seen.add(id(a))
        a = a.next
    return False
