"""Column breaks: a sentence printed over several lines is one line again.

A line continues the one before when the break cuts a sentence: punctuation that cannot end
or open a sentence, a function character, an open bracket, a word segmentation that crosses
the break, or printed column lines of one width.
"""

from __future__ import annotations

from generator.lexicon.text import CONT_END, CONT_START, FUNCTION_END, bracket_bridge, ends_finished
from generator.lexicon.words import Words
from generator.read.clean.lines import TextLine
from generator.records import BlockKind


def continues(a: str, b: str, words: Words, column_width: int = 0) -> bool:
    """Does text b continue the unfinished sentence at the end of a?"""
    if not a or not b or ends_finished(a):
        return False
    if b[0] in CONT_START:
        return True
    if a[-1] in CONT_END:
        return True
    if a[-1] in FUNCTION_END:
        return True
    if a[-1].isdigit() and (b[0].isdigit() or b[0] in "%.万亿千百元个吨米年月日平"):
        return True
    if bracket_bridge(a, b):
        return True
    if words.crosses(a, b):
        return True
    # Without evidence a long unfinished line stays apart: the split stage pairs it with
    # whichever fragment of the page continues it (or marks the text as missing).
    return bool(column_width) and len(a) >= column_width - 3


def _column_width(lines: list[TextLine]) -> int:
    """Width of printed column lines when the extraction kept them: runs of three or more
    consecutive unfinished lines of nearly the same length. 0 when the page prints one
    paragraph per line (headings alone never form such runs)."""
    in_runs: list[int] = []
    run: list[int] = []
    for u in lines + [TextLine("。", 0, 0, 0)]:
        n = len(u.text)
        if u.kind == BlockKind.PARAGRAPH and not ends_finished(u.text) and n >= 18 \
                and (not run or abs(n - run[-1]) <= 4):
            run.append(n)
            continue
        if len(run) >= 3:
            in_runs += run
        run = [n] if u.kind == BlockKind.PARAGRAPH and not ends_finished(u.text) and n >= 18 else []
    if len(in_runs) < 6:
        return 0
    in_runs.sort()
    return in_runs[len(in_runs) // 4]  # lower quartile: short column lines still count


def _joinable(u: TextLine) -> bool:
    return u.kind == BlockKind.PARAGRAPH


def join_breaks(lines: list[TextLine], words: Words) -> list[TextLine]:
    width = _column_width(lines)
    out: list[TextLine] = []
    for u in lines:
        prev = out[-1] if out else None
        if prev is not None and _joinable(prev) and _joinable(u):
            if _split_heading(prev, u):
                prev.append(u)
                prev.extra["heading"] = True
                continue
            if not prev.extra.get("heading") and continues(prev.text, u.text, words, width) \
                    and not (prev.heading_like and not _strong_continuation(prev.text, u.text, words, width)) \
                    and not (u.heading_like and not _joins_heading_like(prev.text, u.text, words, width)):
                prev.append(u, " " if _glue(prev.text, u.text) != prev.text + u.text else "")
                prev.heading_like = False
                continue
        out.append(u)
    return out


def _strong_continuation(a: str, b: str, words: Words, column_width: int = 0) -> bool:
    """A short line may be a heading; only join it when the break is unmistakable."""
    return ((column_width and len(a) >= column_width - 3) or b[0] in CONT_START + "（(" or a[-1] in CONT_END or a[-1] in FUNCTION_END or words.crosses(a, b)
            or bracket_bridge(a, b) or (a[-1].isdigit() and b[0].isdigit()))


def _joins_heading_like(a: str, b: str, words: Words, column_width: int) -> bool:
    """A short unfinished line after an unfinished paragraph is usually a heading or the
    next article's title; join only on evidence inside the words themselves."""
    return bool((column_width and len(a) >= column_width - 3) or b[0] in CONT_START
                or words.crosses(a, b) or bracket_bridge(a, b))


def _split_heading(a: TextLine, b: TextLine) -> bool:
    """'聚力惠民生：' + '回应群众期盼，打造幸福样本' is one heading printed on two lines."""
    return (a.text[-1] in "：:" and len(a.text) <= 12 and b.heading_like and len(a.text) + len(b.text) <= 40)


def _glue(a: str, b: str) -> str:
    if a[-1:].isascii() and a[-1:].isalnum() and b[:1].isascii() and b[:1].isalpha():
        return a + " " + b
    return a + b
