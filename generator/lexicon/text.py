"""Characters of written Chinese, each class defined once for every stage.

Han characters, sentence and clause punctuation, brackets, the layout markers printed before
captions and bylines, the gap marker put where text is missing, and the suffixes of
administrative unit names (from generator/data/chinese.yml, loaded once at import into
immutable values).
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.lexicon.datafile import read_yaml

from generator.settings import PACKAGE_DIR

_DATA = read_yaml(PACKAGE_DIR / "data" / "chinese.yml")

# Han characters: CJK Unified Ideographs with Extension A and the Compatibility Ideographs,
# as the body of a regex character class ([{HAN}]); search/web/query.js writes the same class
# (tests/test_segment.py compares them).
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RE = re.compile(f"[{HAN}]")

SENTENCE_END = "。！？!?"  # ends a sentence
FINAL = SENTENCE_END + "…；;"  # a line ending in one of these finished its sentence
CLOSERS = "”’」』）)》】"
BRACKET_PAIRS = tuple("“”《》（）「」‘’『』"[i:i + 2] for i in range(0, 12, 2))  # open + close
CONT_START = "，、；：。！？）》」』”’,;:)"  # a line starting with one of these continues the previous
CONT_END = "，、；：,;:（(《「『“‘—-/·+"  # a line ending with one of these is unfinished
FUNCTION_END = frozenset(_DATA["function_end"])  # a line ending on one breaks mid-sentence
FUNCTION_START = frozenset(_DATA["function_start"])  # a fragment opening with one continues
DASH = re.compile(r"^\s*(——|—|--|－－)\s*")  # opens a subtitle: ——副标题

# Layout markers printed before captions, credits and bylines (■ 张三 摄, ▲ 图为…).
MARKERS = "■□▲△▼▽◀◁▶▷●◆◇★☆"
# Put where the source text is missing between two fragments of an article.
MISSING = "（原文此处缺失）"

REGION_SUFFIXES: tuple[str, ...] = tuple(_DATA["region_suffixes"])
ZONE_ENDINGS: tuple[str, ...] = tuple(_DATA["zone_endings"])  # 开发区, 产业园: zones, not units


def alternation(words, longest_first: bool = False) -> str:
    """Words of a data file as a regex alternation (no group), in their order, or longest
    first where a word may start another one and the order in the file should not matter."""
    return _alternation(tuple(words), longest_first)


# Figure rules build their patterns per call from the same cue lists: the same string object
# each time also lets re.compile find it in its own cache without hashing it again.
@lru_cache(maxsize=512)
def _alternation(words: tuple[str, ...], longest_first: bool) -> str:
    if longest_first:
        words = tuple(sorted(words, key=len, reverse=True))
    return "|".join(re.escape(w) for w in words)


def han_count(text: str) -> int:
    """How many Han characters text holds."""
    return len(HAN_RE.findall(text))


def split_region_suffix(name: str, min_stem: int = 1) -> tuple[str, str]:
    """(stem, suffix) of a unit name, 蒸湘区 -> (蒸湘, 区): the first suffix that leaves a stem of
    at least min_stem characters; (name, "") when none does."""
    for suffix in REGION_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= min_stem:
            return name[: -len(suffix)], suffix
    return name, ""


_TRAILING_NOTE = re.compile(r"[（(][^（()）]*[)）]$")


def ends_finished(text: str) -> bool:
    """Does the text end a sentence (closing quotes and a bracketed note after it aside)?"""
    t = text.rstrip()
    note = _TRAILING_NOTE.search(t) if t.endswith((")", "）")) else None  # (a search runs through all of t)
    if note and note.start() > 0 and t[note.start() - 1] in FINAL:
        return True  # 俯瞰县城。（图片来源于…）: a note after a finished sentence
    while t and t[-1] in CLOSERS:
        t = t[:-1]
    return bool(t) and t[-1] in FINAL


def bracket_bridge(a: str, b: str) -> bool:
    """a leaves a bracket open that b closes before opening one: '《中华人民共和国' | '森林法》'."""
    for o, c in BRACKET_PAIRS:
        if a.count(o) > a.count(c):
            head = b[:40]
            i = head.find(c)
            if i >= 0 and head.find(o, 0, i) < 0:
                return True
    return False
