"""Number tokens of one sentence: a value, its unit and the hedges written around it.

* a value is a number followed by a unit from units.yml (or %, 倍, 成), a rank
  (第3名, 位列全省第六) or part of a ratio (1.0:31.9:67.1);
* never a value: dates (12月6日, 2024年), hotline and phone numbers (12345), codes and
  names with digits (5G, 559项目, “355”模式, 1+1+N), ordinals (第二人民医院), numbers inside
  quoted names and the lone 一 of 一个 / 一件事.

Works on one sentence at a time (callers cut paragraphs first), so the cost is linear in
the paragraph.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from generator.lexicon.text import HAN, HAN_RE, alternation, han_count
from generator.lexicon import numerals
from generator.lexicon.catalogue import Unit, Units
from .cues import FIXED_WORDS

CN_DIGITS = "零〇一二两三四五六七八九十百千"
NUM = rf"[0-9]+(?:,[0-9]{{3}})*(?:\.[0-9]+)?|[一二两三四五六七八九十][{CN_DIGITS}]*"
# Not after a letter, digit, dot or joiner: PM2.5, 4S, 1+1+N, 0734-1234567 are names and codes.
NUM_RE = re.compile(rf"(?:(?<=GDP)|(?<![0-9A-Za-z.．\-+_/#@]))(?:{NUM})")
RATIO_RE = re.compile(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?:[:：][0-9]+(?:\.[0-9]+)?)+(?![0-9])")
RANK_RE = re.compile(r"第([0-9]+|[一二三四五六七八九十]+)(名|位)?")
RANK_BEFORE = re.compile(f"(?:{alternation(FIXED_WORDS['rank_before'])}|(?<!安)排)$")  # not 安排12名
CLAUSE_END = re.compile(r"[，。；！？;!?]|(?<![0-9]),|,(?![0-9])")
SENTENCE_END = re.compile(r"[。；！？;!?]")

# 位居全省首位, 稳居榜首: first place written without a numeral
RANK_TOP_RE = re.compile(f"(?:{alternation(FIXED_WORDS['rank_top_verbs'])})[^，。；、,;]{{0,10}}?(首位|榜首)")

MODEL_WORDS = FIXED_WORDS["model_words"]


@dataclass
class Token:
    """A number found in a sentence, before it becomes a Figure (offsets in the sentence)."""

    start: int
    end: int  # end of number + unit + qualifiers
    num_end: int
    value: str
    number: float
    unit: str = ""
    base: str = ""
    factor: float = 1.0
    kind: str = "level"
    qualifier: str = ""
    group: int = -1  # ratio / enumeration group inside a sentence


@lru_cache(maxsize=4096)  # a pure function, and the same numerals recur through a corpus
def parse_number(text: str) -> float | None:
    """Arabic or Chinese numerals (两, 十二, 一百二十) to a float; None when it is not a number."""
    text = text.replace(",", "")
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", text):
        return float(text)
    number = numerals.value(text)
    return None if number is None else float(number)


def _is_year(number: float, value: str) -> bool:
    return value.isdigit() and len(value) == 4 and 1900 <= number <= 2100


def scan(text: str, units: Units) -> list[Token]:
    """All value tokens of one paragraph, in order."""
    tokens: list[Token] = []
    taken: list[tuple[int, int]] = []

    for m in RATIO_RE.finditer(text):
        parts = re.split(r"[:：]", m.group())
        if len(parts) < 3 and not any("." in p for p in parts):
            continue  # 8:30 is a time
        if len(parts) == 2 and parts[1] == "1":
            parts = parts[:1]  # 城乡居民收入比1.61:1 is one number
        pos = m.start()
        for i, part in enumerate(parts):
            tokens.append(Token(pos, pos + len(part), pos + len(part), part, float(part), "", "比例", 1.0, "share", group=m.start()))
            pos += len(part) + 1
        taken.append(m.span())

    for m in RANK_RE.finditer(text):
        number = parse_number(m.group(1))
        if number is None:
            continue
        before = text[max(0, m.start() - 8) : m.start()]
        after = text[m.end() : m.end() + 1]
        if m.group(2) or (any(c in before for c in units.hedges.get("rank", ())) and (not after or CLAUSE_END.match(after) or after in "、和…")):
            tokens.append(Token(m.start(), m.end(), m.end(), m.group(1), number, m.group(2) or "", "位次", 1.0, "rank"))
        taken.append(m.span())

    for m in RANK_TOP_RE.finditer(text):
        at = m.start(1)
        tokens.append(Token(at, m.end(1), at + 1, "首", 1.0, "", "位次", 1.0, "rank"))
        taken.append((at, m.end(1)))

    bare: list[Token] = []
    multipliers = sorted(units.multipliers, key=len, reverse=True)  # longest first (万亿 before 万)
    for m in NUM_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if m.start() > 0 and text[m.start() - 1] == "第":
            continue
        value = m.group()
        number = parse_number(value)
        if number is None or len(value.split(".")[0].replace(",", "")) > 10:
            continue  # more than ten digits: a phone number, an id or a code, never an amount
        chinese = not value[0].isdigit()
        token = _read_unit(text, m.start(), m.end(), value, number, units, chinese, multipliers)
        if token is None:
            if not chinese and not (_is_year(number, value) and text[m.end() : m.end() + 1] == "年"):
                bare.append(Token(m.start(), m.end(), m.end(), value, number))
            continue
        if chinese and value == "一":
            continue  # 一个 / 一件事 / 一批: idiom, not a count worth a card
        if token.unit in ("位", "名") and RANK_BEFORE.search(text, max(0, m.start() - 3), m.start()):
            # 前40位, 排名28位: a place in a list, not a number of people
            token.kind, token.base, token.factor = "rank", "位次", 1.0
            token.qualifier = "前" if text.endswith("前", 0, m.start()) else token.qualifier
        tokens.append(token)

    # 从3000跃升到10000个, 3、5个: a bare number takes the unit of the number it runs into.
    tokens.sort(key=lambda t: t.start)
    starts = [t.start for t in tokens]
    joined: list[Token] = []
    for b in bare:
        i = bisect.bisect_left(starts, b.end)
        nxt = tokens[i] if i < len(tokens) else None
        if nxt is None or not nxt.unit:
            continue
        between = text[b.end : nxt.start]
        unit = units.get(nxt.unit)
        if unit and RANGE.fullmatch(between) and not FROM_BEFORE.search(text, max(0, b.start - 4), b.start):
            # 平时的2至3倍: one figure, a range read at its lower bound (as written: 2至3)
            tokens[i] = Token(b.start, nxt.end, nxt.num_end, text[b.start:nxt.num_end], b.number, nxt.unit,
                              unit.base, unit.factor, unit.kind, nxt.qualifier)
        elif unit and re.fullmatch(f"[、和与及或]|[{HAN}]{{0,3}}[到至]", between):
            joined.append(Token(b.start, b.end, b.end, b.value, b.number, nxt.unit, unit.base, unit.factor, unit.kind))
    found = tokens + joined
    found.sort(key=lambda t: t.start)
    return found


RANGE = re.compile("[至到—～~－-]")  # 2至3倍: a range, unless 从/由 opens it (从3到5个 is a from-to)
FROM_BEFORE = re.compile("[从由][^0-9]{0,3}$")


def _read_unit(text: str, start: int, end: int, value: str, number: float, units: Units, chinese: bool,
               multipliers: list[str]) -> Token | None:
    """The unit (and hedges) right after a number, or None when there is none (`multipliers`:
    units.multipliers, longest first)."""
    pos = end
    qualifier = ""
    mult = ""
    for _ in range(2):  # 2000余万元, 4万余亩
        q = next((q for q in units.hedges.get("inside", ()) if text.startswith(q, pos)), "")
        if q and not qualifier:
            qualifier, pos = q, pos + len(q)
            continue
        mm = next((k for k in multipliers if text.startswith(k, pos)), "")
        if mm and not mult:
            mult, pos = mm, pos + len(mm)
            continue
        break
    um = units.pattern.match(text, pos)
    name = um.group() if um else ""
    unit: Unit | None = units.units.get(name) if name else None
    if unit and text[um.end() : um.end() + 1] in unit.not_before and text[um.end() : um.end() + 1]:
        unit = None
    if unit and text.startswith(MODEL_WORDS, um.end()):
        return None  # 6米系列数控机床生产线: a model's name, not an amount
    if unit and (mult or qualifier) and unit.base in ("%",):
        unit = None
    if unit is None:
        if mult and not chinese:
            unit_name, end_pos = mult, pos  # 投资2000余万: the noun (元) is understood
        else:
            return None
    else:
        unit_name, end_pos = mult + name, um.end()
    full = units.get(unit_name)
    if full is None:
        return None
    if full.needs_cue or (unit and unit.needs_cue):
        if _is_year(number, value) or not _has_cue(text, start, units.hedges.get("duration", ()), units.hedges.get("before", ())):
            return None
        if text[end_pos : end_pos + 1] and text[end_pos] in "来以前后间内度代底初末中":
            return None
    for q in units.hedges.get("before", ()):
        if text.endswith(q, 0, start):
            qualifier = qualifier or q
            break
    post = next((q for q in units.hedges.get("after", ()) if text.startswith(q, end_pos)), "")
    if post:
        follow = text[end_pos + len(post) : end_pos + len(post) + 1]
        if follow and HAN_RE.match(follow):
            return None  # 2亿元以上项目: a threshold inside a name, not a figure
        qualifier = qualifier or post
        end_pos += len(post)
    if not qualifier and text[end_pos : end_pos + 1] in ("余", "多") and full.base == "%":
        qualifier = text[end_pos]
    return Token(start, end_pos, end, value, number, unit_name, full.base, full.factor, full.kind, qualifier)


def _has_cue(text: str, start: int, cues: tuple[str, ...], hedges: tuple[str, ...]) -> bool:
    before = text[max(0, start - 4) : start]
    if before.endswith(cues):
        return True
    for q in hedges:
        if before.endswith(q):
            before = before[: -len(q)]
            break
    return before.endswith(cues)


def inside_quoted_name(paragraph: str, token: Token) -> bool:
    """“120吨纯电动自卸车”项目: a number inside a quoted name is part of the name."""
    open_at = paragraph.rfind("“", 0, token.start)
    if open_at < 0 or paragraph.rfind("”", 0, token.start) > open_at:
        return False
    close_at = paragraph.find("”", token.end)
    if close_at < 0:
        return False
    if close_at - open_at <= 8 and han_count(paragraph[open_at:token.start]) >= 1:
        return True  # “最后一百米”: a short quoted phrase is a name (but “十二连冠” is a count)
    return close_at - token.end >= 2 and han_count(paragraph[token.end : close_at]) >= 2 and close_at - open_at <= 30


