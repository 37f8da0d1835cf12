"""Titles, kickers and subtitles from position: the headings stacked around a title before
an article's body, a heading before a —— subtitle or a byline, the first heading of a page."""

from __future__ import annotations

import re

from generator.read.clean.lines import TextLine
from generator.records import BlockKind

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_KICKER = re.compile(rf"[{_CIRCLED}]|·\S{{1,6}}$|[篇]$|系列|之[一二三四五六七八九十]+$|[(（][一二三四五六七八九十]+[)）]$")


def titles(lines: list[TextLine]) -> None:
    """Promote headings to titles (and neighbours to kickers/subtitles) by position:
    a heading right before a —— subtitle or a byline, the first heading of the page,
    a heading after a closing byline, or one that interrupts an unfinished paragraph."""
    n = len(lines)
    seen_paragraph = False
    for i, u in enumerate(lines):
        if u.kind == BlockKind.PARAGRAPH:
            seen_paragraph = True
        if u.kind != BlockKind.HEADING:
            continue
        nxt = _next_significant(lines, i)
        prev = _prev_significant(lines, i)
        if nxt is not None and nxt.kind in (BlockKind.SUBTITLE, BlockKind.BYLINE) and not nxt.extra.get("closing"):
            u.kind = BlockKind.TITLE
        elif prev is not None and prev.kind == BlockKind.BYLINE and prev.extra.get("closing"):
            u.kind = BlockKind.TITLE
        elif not seen_paragraph and not any(x.kind == BlockKind.TITLE for x in lines[:i]):
            # first heading of the page: a title unless a later head-zone line is the title
            zone_title = _zone_has_title(lines, i)
            if not zone_title:
                u.kind = BlockKind.TITLE
    _title_blocks(lines)


def _title_blocks(lines: list[TextLine]) -> None:
    """Inside a title block (headings stacked around a title before the body): with a ——
    subtitle, the line right above it is the title and the lines above that are kickers;
    otherwise series-looking lines (②, ·科技篇) are kickers, the first other line is the
    title and a heading after it (or after the byline) is the subtitle."""
    n = len(lines)
    for i, u in enumerate(lines):
        if u.kind != BlockKind.TITLE:
            continue
        # collect the block: headings/kickers above, up to the first paragraph below
        start = i
        while start > 0 and lines[start - 1].kind in (BlockKind.HEADING, BlockKind.KICKER, BlockKind.FURNITURE):
            start -= 1
        if start > 0 and lines[start - 1].kind == BlockKind.PARAGRAPH and not _before_title_zone(lines, start):
            # headings right after body text are that article's sections, not kickers
            while start < i and lines[start].kind == BlockKind.HEADING and not _KICKER.search(lines[start].text):
                start += 1
        above = [lines[j] for j in range(start, i) if lines[j].kind in (BlockKind.HEADING, BlockKind.KICKER)]
        nxt = _next_significant(lines, i)
        if nxt is not None and nxt.kind == BlockKind.SUBTITLE:
            for a in above:
                a.kind = BlockKind.KICKER
            continue
        stack = above + [u]
        title_at = next((k for k, a in enumerate(stack) if a.kind != BlockKind.KICKER and not _KICKER.search(a.text)),
                        len(stack) - 1)
        for k, a in enumerate(stack):
            a.kind = BlockKind.KICKER if k < title_at else (BlockKind.TITLE if k == title_at else BlockKind.SUBTITLE)
        if title_at < len(stack) - 1:
            continue
        # one heading after the title or its byline, before the body: the subtitle
        k = i + 1
        while k < n and lines[k].kind in (BlockKind.BYLINE, BlockKind.CAPTION, BlockKind.CREDIT, BlockKind.FURNITURE):
            k += 1
        if k < n and lines[k].kind == BlockKind.HEADING and lines[k - 1].kind in (BlockKind.TITLE, BlockKind.BYLINE):
            nk = _next_significant(lines, k)
            if nk is None or nk.kind == BlockKind.PARAGRAPH:
                lines[k].kind = BlockKind.SUBTITLE


def _zone_has_title(lines: list[TextLine], i: int) -> bool:
    for u in lines[i + 1:]:
        if u.kind == BlockKind.PARAGRAPH:
            return False
        if u.kind in (BlockKind.SUBTITLE, BlockKind.BYLINE) and not u.extra.get("closing"):
            return True
    return False


def _before_title_zone(lines: list[TextLine], j: int) -> bool:
    """A heading above a title with no paragraph in between belongs to the title block."""
    return not any(u.kind == BlockKind.PARAGRAPH for u in lines[:j]) or (
        j > 0 and lines[j - 1].kind in (BlockKind.BYLINE, BlockKind.KICKER))


def _next_significant(lines: list[TextLine], i: int) -> TextLine | None:
    for u in lines[i + 1:]:
        if u.kind not in (BlockKind.FURNITURE, BlockKind.CAPTION, BlockKind.CREDIT):
            return u
    return None


def _prev_significant(lines: list[TextLine], i: int) -> TextLine | None:
    for u in reversed(lines[:i]):
        if u.kind not in (BlockKind.FURNITURE, BlockKind.CAPTION, BlockKind.CREDIT):
            return u
    return None
