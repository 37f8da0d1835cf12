"""The role of a line from its own text (furniture, credit, caption, subtitle, byline, or
heading-like), and bylines printed over several lines merged into one."""

from __future__ import annotations

import re

from generator.lexicon.newsroom import NEWSROOM
from generator.lexicon.text import DASH, HAN, MARKERS, SENTENCE_END, alternation, ends_finished
from generator.read.bylines import ROLE, is_byline, names_only
from generator.read.clean.lines import CAPTION_MAX, HEADING_MAX, TextLine
from generator.records import BlockKind

_FURNITURE = re.compile(
    rf"^({alternation(NEWSROOM.furniture_roles)})\s*[:：/|｜\s]"
    r"|^第?\s*[A-Z]?\d{1,3}\s*版"
    r"|^\d{4}年\d{1,2}月\d{1,2}日\s*(星期|周)[一二三四五六日天]"
    r"|^(星期|周)[一二三四五六日天]\s*\d{4}"
    r"|^[A-Z]\d{1,2}\s*[|｜]")
_CREDIT = re.compile(
    rf"^[{MARKERS}]?\s*(?:图[/／:：]\s*)?(?P<who>[^。！？!?，,]{{1,24}}?)\s*(?:/\s*)?(?:摄影?|供图|提供|图片由.{{1,16}}提供)$"
    rf"|^[{MARKERS}]?\s*图[/／:：]\s*\S{{2,24}}$")
_SUBTITLE = re.compile(DASH.pattern + r"(?=\S)")  # ——副标题
_BANNER = re.compile(r"^【[^【】]+】$")
# A caption that ends with its photographer in brackets: …开幕（张三 摄）/ …（记者 李四 摄影）.
_PAREN_CREDIT = re.compile(rf"[(（]\s*[^()（）。，]{{0,12}}?[{HAN}]{{2,4}}\s*摄影?\s*[)）]$")


def classify_alone(u: TextLine) -> None:
    """Role from the line's own text only (context decides the rest)."""
    if u.kind != BlockKind.PARAGRAPH:
        return
    text = u.text
    if _FURNITURE.search(text):
        u.kind = BlockKind.FURNITURE
    elif len(text) <= 40 and _CREDIT.match(text) and not ends_finished(text):
        u.kind = BlockKind.CREDIT
    elif _BANNER.match(text) and len(text) <= 2 * HEADING_MAX:
        u.kind = BlockKind.KICKER  # 【…专栏名…】 over a title: a series banner, never the title
    elif _PAREN_CREDIT.search(text) and len(text) <= CAPTION_MAX + 20:
        u.kind = BlockKind.CAPTION
    elif _SUBTITLE.match(text) and len(text) <= 80 and not ends_finished(text):
        u.kind = BlockKind.SUBTITLE
    elif text[0] in MARKERS and ROLE.search(text[1:]) and len(text) <= 120:
        u.kind = BlockKind.BYLINE
    elif text[0] in MARKERS and len(text) <= CAPTION_MAX + 2:
        u.kind = BlockKind.CAPTION
    elif is_byline(text):
        u.kind = BlockKind.BYLINE
        u.extra["closing"] = text[0] in "(（"
    elif len(text) <= HEADING_MAX and not ends_finished(text) and not text.endswith(("，", "、", "；")) \
            and not re.search(f"[{SENTENCE_END}]", text):
        u.heading_like = True


def merge_bylines(lines: list[TextLine]) -> list[TextLine]:
    """A byline printed over several lines (one role per line) is one block; a lone short
    name line between byline lines belongs to it."""
    out: list[TextLine] = []
    for i, u in enumerate(lines):
        prev = out[-1] if out else None
        lone_name = (prev is not None and prev.kind == BlockKind.BYLINE and u.gap == 0
                     and names_only(u.text) and u.kind in (BlockKind.PARAGRAPH, BlockKind.BYLINE))
        if prev is not None and prev.kind == BlockKind.BYLINE and u.gap == 0 and (u.kind == BlockKind.BYLINE or lone_name):
            prev.append(u, " ")
            continue
        if lone_name:
            u.kind = BlockKind.BYLINE
        out.append(u)
    return out
