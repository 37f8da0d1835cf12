"""Titles, kickers and subtitles from position: the headings stacked around a title before
an article's body, a heading before a —— subtitle or a byline, the first heading of a page."""

from __future__ import annotations

import re

from generator.read.clean.units import Unit
from generator.records import BlockKind

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_KICKER = re.compile(rf"[{_CIRCLED}]|·\S{{1,6}}$|[篇]$|系列|之[一二三四五六七八九十]+$|[(（][一二三四五六七八九十]+[)）]$")


def titles(units: list[Unit]) -> None:
    """Promote headings to titles (and neighbours to kickers/subtitles) by position:
    a heading right before a —— subtitle or a byline, the first heading of the page,
    a heading after a closing byline, or one that interrupts an unfinished paragraph."""
    n = len(units)
    seen_paragraph = False
    for i, u in enumerate(units):
        if u.kind == BlockKind.PARAGRAPH:
            seen_paragraph = True
        if u.kind != BlockKind.HEADING:
            continue
        nxt = _next_significant(units, i)
        prev = _prev_significant(units, i)
        if nxt is not None and nxt.kind in (BlockKind.SUBTITLE, BlockKind.BYLINE) and not nxt.extra.get("closing"):
            u.kind = BlockKind.TITLE
        elif prev is not None and prev.kind == BlockKind.BYLINE and prev.extra.get("closing"):
            u.kind = BlockKind.TITLE
        elif not seen_paragraph and not any(x.kind == BlockKind.TITLE for x in units[:i]):
            # first heading of the page: a title unless a later head-zone line is the title
            zone_title = _zone_has_title(units, i)
            if not zone_title:
                u.kind = BlockKind.TITLE
    _title_blocks(units)


def _title_blocks(units: list[Unit]) -> None:
    """Inside a title block (headings stacked around a title before the body): with a ——
    subtitle, the line right above it is the title and the lines above that are kickers;
    otherwise series-looking lines (②, ·科技篇) are kickers, the first other line is the
    title and a heading after it (or after the byline) is the subtitle."""
    n = len(units)
    for i, u in enumerate(units):
        if u.kind != BlockKind.TITLE:
            continue
        # collect the block: headings/kickers above, up to the first paragraph below
        start = i
        while start > 0 and units[start - 1].kind in (BlockKind.HEADING, BlockKind.KICKER, BlockKind.FURNITURE):
            start -= 1
        if start > 0 and units[start - 1].kind == BlockKind.PARAGRAPH and not _before_title_zone(units, start):
            # headings right after body text are that article's sections, not kickers
            while start < i and units[start].kind == BlockKind.HEADING and not _KICKER.search(units[start].text):
                start += 1
        above = [units[j] for j in range(start, i) if units[j].kind in (BlockKind.HEADING, BlockKind.KICKER)]
        nxt = _next_significant(units, i)
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
        while k < n and units[k].kind in (BlockKind.BYLINE, BlockKind.CAPTION, BlockKind.CREDIT, BlockKind.FURNITURE):
            k += 1
        if k < n and units[k].kind == BlockKind.HEADING and units[k - 1].kind in (BlockKind.TITLE, BlockKind.BYLINE):
            nk = _next_significant(units, k)
            if nk is None or nk.kind == BlockKind.PARAGRAPH:
                units[k].kind = BlockKind.SUBTITLE


def _zone_has_title(units: list[Unit], i: int) -> bool:
    for u in units[i + 1:]:
        if u.kind == BlockKind.PARAGRAPH:
            return False
        if u.kind in (BlockKind.SUBTITLE, BlockKind.BYLINE) and not u.extra.get("closing"):
            return True
    return False


def _before_title_zone(units: list[Unit], j: int) -> bool:
    """A heading above a title with no paragraph in between belongs to the title block."""
    return not any(u.kind == BlockKind.PARAGRAPH for u in units[:j]) or (
        j > 0 and units[j - 1].kind in (BlockKind.BYLINE, BlockKind.KICKER))


def _next_significant(units: list[Unit], i: int) -> Unit | None:
    for u in units[i + 1:]:
        if u.kind not in (BlockKind.FURNITURE, BlockKind.CAPTION, BlockKind.CREDIT):
            return u
    return None


def _prev_significant(units: list[Unit], i: int) -> Unit | None:
    for u in reversed(units[:i]):
        if u.kind not in (BlockKind.FURNITURE, BlockKind.CAPTION, BlockKind.CREDIT):
            return u
    return None
