"""Punctuation and spacing of Chinese text extracted from PDF pages.

Half-width , : ; ( ) ? ! and stray ASCII spaces appear inside Chinese text; they become
full-width (or are dropped) except in numbers, URLs and Latin words.
"""

from __future__ import annotations

import re

from generator.lexicon.text import HAN_RE
from generator.records import BlockKind

SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF_RE = re.compile("[" + re.escape("".join(_HALF_TO_FULL)) + "]")


def normalize_punctuation(text: str) -> str:
    """Half-width , : ; ? ! ( ) in Chinese text -> full-width; ASCII kept in numbers/URLs/Latin."""
    # Only the half-width marks are visited (most paragraphs have none): every decision
    # reads the original text, so the order of visits does not matter.
    if not _HALF_RE.search(text) or not HAN_RE.search(text):
        return text
    out = list(text)
    n = len(text)
    for i in (m.start() for m in _HALF_RE.finditer(text)):
        ch = text[i]
        prev = _neighbour(text, i, -1)
        nxt = _neighbour(text, i, +1)
        if ch in ",:" and prev.isdigit() and nxt.isdigit():
            continue  # 1,000  1:31.9  10:30
        if ch == ":" and text[i + 1:i + 3] == "//":
            continue  # URL scheme
        if ch in "()":
            if _paren_is_ascii(text, i):
                continue
        elif _is_ascii_word(prev) and (_is_ascii_word(nxt) or nxt in " " or i == n - 1) and not _is_han(nxt):
            continue  # Hello, world  /  Q&A?
        out[i] = _HALF_TO_FULL[ch]
    return "".join(out)


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] == " ":
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _is_han(ch: str) -> bool:
    return bool(ch) and bool(HAN_RE.match(ch))


def _is_ascii_word(ch: str) -> bool:
    return bool(ch) and ch.isascii() and ch.isalnum()


def _paren_is_ascii(text: str, i: int) -> bool:
    """Parentheses stay ASCII when they and their content sit in Latin/number context."""
    if text[i] == "(":
        close = text.find(")", i)
        inner = text[i + 1:close] if close > 0 else text[i + 1:]
        before = _neighbour(text, i, -1)
        after = _neighbour(text, close, +1) if close > 0 else ""
    else:
        open_ = text.rfind("(", 0, i)
        inner = text[open_ + 1:i] if open_ >= 0 else text[:i]
        before = _neighbour(text, open_, -1) if open_ >= 0 else ""
        after = _neighbour(text, i, +1)
    return not HAN_RE.search(inner) and not _is_han(before) and not _is_han(after)


def remove_stray_spaces(text: str) -> str:
    """Drop ASCII spaces next to CJK characters or CJK punctuation; keep them between Latin words."""
    def keep(m: re.Match) -> str:
        a, b = text[m.start() - 1], text[m.end()]
        return " " if (a.isascii() and b.isascii()) else ""
    return re.sub(r"(?<=\S) +(?=\S)", keep, text)


def finish_text(text: str, kind: BlockKind) -> str:
    text = text.strip()
    if kind in (BlockKind.TITLE, BlockKind.HEADING, BlockKind.SUBTITLE, BlockKind.KICKER):
        # A space in a title separates two phrases: keep exactly one, but not around CJK punctuation.
        text = re.sub(r" ?([，。、；：！？“”‘’（）《》「」]) ?", r"\1", text)
        return SPACES.sub(" ", text)
    if kind in (BlockKind.BYLINE, BlockKind.CREDIT):
        return SPACES.sub(" ", text)
    return remove_stray_spaces(text)
