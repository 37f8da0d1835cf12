"""Unmarked photo captions, from their neighbours: a credit next to them, an isolated short
line, a line that repeats a body sentence's opening, a line naming a view (…夜色。)."""

from __future__ import annotations

import re

from generator.lexicon.newsroom import NEWSROOM
from generator.lexicon.text import SENTENCE_END, alternation, ends_finished
from generator.read.clean.lines import CAPTION_MAX, TextLine
from generator.records import BlockKind

_CAPTION_OPENER = re.compile(rf"^({alternation(NEWSROOM.caption_openers)}|图[:：])")
_PHOTO_END = re.compile(rf"({alternation(NEWSROOM.photo_subjects)})[。.]?$")


def _is_paragraph(u: TextLine | None) -> bool:
    return u is not None and u.kind == BlockKind.PARAGRAPH


def captions(lines: list[TextLine]) -> None:
    typical_gap = _typical_gap(lines)
    bodies = [u.text for u in lines if u.kind == BlockKind.PARAGRAPH and len(u.text) > CAPTION_MAX]
    for i, u in enumerate(lines):
        if u.kind != BlockKind.PARAGRAPH:
            continue
        text = u.text
        if len(text) > CAPTION_MAX or not ends_finished(text) or _sentences(text) > 1:
            continue
        prev = lines[i - 1] if i else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        credit_near = (prev is not None and prev.kind == BlockKind.CREDIT and u.extra.get("after_credit")) or \
            (nxt is not None and nxt.kind == BlockKind.CREDIT)
        isolated = u.gap > typical_gap
        between_furniture = len(text) <= 30 and (prev is None or (
            prev.kind in (BlockKind.BYLINE, BlockKind.TITLE, BlockKind.SUBTITLE) and not prev.extra.get("closing"))) \
            and (nxt is None or nxt.kind in (BlockKind.HEADING, BlockKind.CAPTION, BlockKind.TITLE, BlockKind.KICKER,
                                             BlockKind.CREDIT))
        short_clause = len(text) <= 30 and "，" not in text
        if _CAPTION_OPENER.match(text):  # 图为… / 上图： is how captions announce themselves
            u.kind = BlockKind.CAPTION
            continue
        repeats_body = len(text) <= 45 and not (_is_paragraph(prev) and _is_paragraph(nxt) and u.gap <= typical_gap) \
            and _repeats_body_start(text, bodies)
        if credit_near or repeats_body or between_furniture \
                or (isolated and (short_clause or _PHOTO_END.search(text))) \
                or (short_clause and _PHOTO_END.search(text) and (u.gap > typical_gap or not _is_paragraph(nxt)
                                                                  or not _is_paragraph(prev))):
            u.kind = BlockKind.CAPTION


def _typical_gap(lines: list[TextLine]) -> int:
    gaps = [u.gap for u in lines[1:]]
    if not gaps:
        return 1
    return max(set(gaps), key=gaps.count)


def _sentences(text: str) -> int:
    return len([s for s in re.split(f"[{SENTENCE_END}]", text) if s.strip("”’」』） ")])


def _repeats_body_start(text: str, bodies: list[str]) -> bool:
    """A caption often repeats the opening of a body sentence and then stops or diverges:
    '…岳塘区。' vs '…岳塘区，正以…'. An identical full sentence is a layout repeat, not a caption."""
    core = text.rstrip(SENTENCE_END)
    if len(core) < 12:
        return False
    for body in bodies:
        for sentence in re.split(f"(?<=[{SENTENCE_END}])", body):
            k = _common_prefix(core, sentence)
            if k >= 12 and k >= len(core) * 0.4:
                if k == len(core) and sentence[k:k + 1] in SENTENCE_END:  # ("" too: the end of it)
                    continue  # the same sentence: a repeat
                return True
            j = sentence.find(core)
            if j > 0 and sentence[j + len(core):j + len(core) + 1] not in SENTENCE_END:
                return True
    return False


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n
