"""Lines that print two roles at once: credit+caption, caption+credit, dateline+lead,
paragraph+closing byline. Each is split into lines of one role."""

from __future__ import annotations

import re

from generator.lexicon.text import CLOSERS, FINAL, HAN, MARKERS, SENTENCE_END
from generator.read.bylines import PAREN_BYLINE, names_only
from generator.read.clean.lines import CAPTION_MAX, TextLine
from generator.records import BlockKind

_CREDIT_HEAD = re.compile(rf"^([{MARKERS}]\s*[{HAN}]{{2,4}}(?:\s+[{HAN}]{{2,4}})*\s*摄)(?=[^\s影])")
_CREDIT_TAIL = re.compile(rf"(?<=[{SENTENCE_END}])\s*([{MARKERS}]?\s*[{HAN}]{{2,4}}(?:\s+[{HAN}]{{2,4}})*\s*摄|[{HAN}]{{2,16}}供图)$")
# A news dateline with its reporters opening the first paragraph: 本报讯（记者 张三 通讯员 李四）,
# 新华社北京10月1日电（记者 张三）, 本报长沙讯(记者 王五).
_DATELINE = re.compile(r"^((?:本报|[^\s（(，。]{1,12}?)(?:[^\s（(，。]{0,10}?)(?:讯|电)\s*[（(]\s*(?:特约)?(?:记者|通讯员|实习生)[^）)]{1,40}[）)])")


def split_glued(lines: list[TextLine]) -> list[TextLine]:
    """Split credit+caption ('■俞琳 摄蒸水河边夕阳余晖。'), caption+credit ('…典范。张福芳 摄')
    and paragraph+byline ('…能力。(宋群 胡翔)') printed on one line."""
    out: list[TextLine] = []
    for u in lines:
        text = u.text
        m = _CREDIT_HEAD.match(text)
        if m and len(text) > m.end():
            out.append(u.piece(0, m.end(1), kind=BlockKind.CREDIT))
            u = u.piece(m.end(), gap=0)
            u.extra["after_credit"] = True
            text = u.text
        m = _CREDIT_TAIL.search(text)
        if m and m.start() > 0 and len(text) - len(m.group(1)) <= CAPTION_MAX:
            out.append(u.piece(0, m.start(), kind=BlockKind.CAPTION))
            out.append(u.piece(m.start(1), m.end(1), kind=BlockKind.CREDIT, gap=0))
            continue
        m = _DATELINE.match(text)
        # not when the line breaks right after it, inside the lead's first word (…）1 | 月10日)
        if m and len(text.rstrip()) > m.end() + 3:
            out.append(u.piece(0, m.end(), kind=BlockKind.BYLINE))
            u = u.piece(m.end(), gap=0)
            text = u.text
        m = PAREN_BYLINE.search(text)
        if m and m.start() > 0 and text[m.start() - 1] in FINAL + CLOSERS and names_only(m.group(1)):
            out.append(u.piece(0, m.start()))
            byline = u.piece(m.start(), kind=BlockKind.BYLINE, gap=0)
            byline.extra["closing"] = True
            out.append(byline)
            continue
        out.append(u)
    return out
