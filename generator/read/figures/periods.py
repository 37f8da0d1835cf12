"""Time words of a sentence, resolved to periods (shared FRAMES.md, "Period").

A figure takes the nearest governing time words: before it in its sentence, else earlier in
the paragraph, else its section's or the article's frame (headline, lead). Nothing governs:
no period (never a silent fallback to the article's year). Relative words (今年, 去年, N年来)
resolve against the reference year: the publication date's year, else the article's year.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from generator.lexicon.memo import Memo
from generator.lexicon.text import HAN, alternation
from generator.records import Aspect, Period
from . import required, slots
from .cues import FIXED_WORDS
from .times import Time, fresh
from .tokens import CLAUSE_END, parse_number

Y = r"((?:19|20)[0-9]{2})"
N = r"([0-9]{1,2}|[一二两三四五六七八九十]{1,3})"
DASH = r"\s*[—–\-~至到]\s*"
PLANS = {"十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}
HOLIDAYS = {"五一": 5, "国庆": 10}
QUARTERS = {"一": (1, 3), "1": (1, 3), "二": (4, 6), "2": (4, 6), "三": (7, 9), "3": (7, 9), "四": (10, 12), "4": (10, 12)}
# A time right after these is the reference of a comparison (较2020年增长), not the figure's period.
BASELINE_BEFORE = FIXED_WORDS["baseline_before"]
UNNAMED_PAST = re.compile(alternation(FIXED_WORDS["unnamed_past"]))
SPEAKER_SELF = re.compile("我(?![们国省市县区镇乡村])")  # 我 the speaker, not 我们 or 我市
NUMBER = re.compile(r"[0-9]")
YEAR_NAME_NOT_BEFORE = FIXED_WORDS["year_name_not_before"]
DURATION_BEFORE = FIXED_WORDS["duration_before"]
RANGE_FROM, RANGE_TO = FIXED_WORDS["range_from"], FIXED_WORDS["range_to"]
PREVIOUS_PERIOD = FIXED_WORDS["previous_period"]
YEAR = re.compile(r"(?:19|20)[0-9]{2}")
MAX_RANGE = 40  # 自A…至B: B closes A only this near it
APPROXIMATE = re.compile(r"[余多几]")  # 十余年, 二十多年: a count with no known start


def _n(text: str) -> int:
    n = parse_number(text)
    return int(n) if n is not None else 0


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _rules(ref: int | None) -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], tuple[str | None, str] | None], str]]:
    """(pattern, match -> (start, end), flag) in priority order; flag 'span' / 'stock' / ''."""
    r = ref

    def year_or_ref(m: re.Match[str], group: int) -> int | None:
        return int(m[group]) if m[group] else r

    def months(m: re.Match[str]):
        y = year_or_ref(m, 1)
        a, b = _n(m[2]), _n(m[3])
        if not y or not (1 <= a <= b <= 12):
            return None
        return _ym(y, a), _ym(y, b)

    def quarter(m: re.Match[str]):
        y = year_or_ref(m, 1)
        if not y:
            return None
        if m[2] == "上半年":
            return _ym(y, 1), _ym(y, 6)
        if m[2] == "下半年":
            return _ym(y, 7), _ym(y, 12)
        if m[2].startswith("前"):
            return _ym(y, 1), _ym(y, 3 * _n(m[2][1]))
        a, b = QUARTERS.get(m[2][0], (0, 0))
        return (_ym(y, a), _ym(y, b)) if a else None

    def until_month(m: re.Match[str]):
        y = year_or_ref(m, 1)
        mo = _n(m[2])
        return (_ym(y, 1), _ym(y, mo)) if y and 1 <= mo <= 12 else None

    def since_month(m: re.Match[str]):
        y = year_or_ref(m, 1)
        mo = _n(m[2])
        return (_ym(y, mo), str(r or y)) if y and 1 <= mo <= 12 else None

    def on_day(m: re.Match[str]):
        """12月6日: an event on a day stands for its month."""
        y, mo = year_or_ref(m, 1), _n(m[2])
        return (_ym(y, mo),) * 2 if y and 1 <= mo <= 12 else None

    def in_month(m: re.Match[str]):
        y = int(m[1]) if m[1] else (r - (1 if m[2] in ("去年", "上年") else 0) if r else None)
        mo = _n(m[3])
        return (_ym(y, mo),) * 2 if y and 1 <= mo <= 12 else None

    def years_back(m: re.Match[str]):
        n = _n(m[1])
        return (str(r - n + 1), str(r)) if r and 1 <= n <= 50 else None

    def rel(delta: int):
        return lambda m: (str(r + delta), str(r + delta)) if r else None

    return [
        (re.compile(Y + DASH + Y + "年"), lambda m: (m[1], m[2]), "span"),
        (re.compile(f"(?:{Y}年)?" + N + DASH + N + "月"), months, ""),
        (re.compile(f"(?:{Y}年)?(上半年|下半年|前[一二三]季度|[一二三四1-4]季度)"), quarter, ""),
        # 截至2024年12月 reads like 截至12月底: a stock stands at that month
        (re.compile(f"截至(?:{Y}年|今年)?{N}月(?:底|末|份)?"), until_month, "stock"),
        (re.compile(f"(?:{Y}年)?{N}月(?:份)?以来"), since_month, ""),
        (re.compile(f"{Y}年(?:末|底)"), lambda m: (_ym(int(m[1]), 12), _ym(int(m[1]), 12)), "stock"),
        (re.compile(r"“?(十[二三四五]五)”?(?:时期|期间|以来)?末"), lambda m: (str(PLANS[m[1]][1]),) * 2, ""),
        (re.compile(r"“?(十[二三四五]五)”?(?:时期|期间|以来|规划)?"), lambda m: tuple(map(str, PLANS[m[1]])), "span"),
        (re.compile(Y + "年(?:以来|来)"), lambda m: (m[1], str(r)) if r and int(m[1]) <= r else None, "span"),
        (re.compile(f"(?:{Y}年)?([0-9]{{1,2}})月[0-9]{{1,2}}日"), on_day, "day"),
        # 今年8月, 2024年3月: a month (no day) governs like any period
        (re.compile(f"(?:{Y}年|(今年|去年|上年))([0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}})月(?:份)?(?![0-9底末]|以来)"),
         in_month, ""),
        # 6月，…, 8月上旬…: a bare month opening a sentence or clause is that month of the year reported on
        (re.compile(r"(?:^|(?<=[，,。；;]))()()([0-9]{1,2}|[一二三四五六七八九十]{1,3})月(?:份|上旬|中旬|下旬|初)?"
                    r"(?![0-9一二三四五六七八九十日号底末至到—－\-~以])"), in_month, ""),
        (re.compile(Y + r"年(?!代)"), lambda m: (m[1], m[1]), ""),
        (re.compile(r"(?<![0-9.])" + Y + "(?=[“{}])".format(HAN) + "(?![{}])".format("".join(YEAR_NAME_NOT_BEFORE))),
         lambda m: (m[1], m[1]), "name"),
        (re.compile(r"(?:近|过去|这)" + N + "年(?:来|以来|间|里)?|" + N.replace("(", "(?P<b>", 1) + "年(?:来|以来|间)"),
         lambda m: years_back(_Alias(m[1] or m["b"])), "span"),
        (re.compile(r"连续第?" + N + r"(?:余)?(?:个)?(年|季度|月)|" + N.replace("(", "(?P<c>", 1) + "连冠"),
         lambda m: years_back(_Alias(m[1] or m["c"])) or (str(r), str(r)) if r else None, "streak"),
        (re.compile(r"近年来|近年|多年来|近些年"), lambda m: (None, str(r)) if r else None, "span"),
        (re.compile(r"(?:{}年)?“?(五一|国庆)”?(?:假期|小长假|黄金周|期间)".format(Y)),
         lambda m: (_ym(year_or_ref(m, 1), HOLIDAYS[m[2]]),) * 2 if year_or_ref(m, 1) else None, ""),
        # 今年上半年, 今年1—8月: the part of the year names the period (read by the rules above)
        (re.compile(r"今年以来|今年来|今年(?!上半年|下半年|前[一二三]季度|[一二三四1-4]季度|[0-9一二三四五六七八九十]{1,2}(?:月|"
                    + DASH + "))|" + alternation(FIXED_WORDS["present_time_words"])), rel(0), ""),
        # 近日 dates an event (a visit, a photo): like a day, it governs its own sentence only
        (re.compile(r"近日|日前"), rel(0), "day"),
        (re.compile(r"过去一年|过去的一年|去年|上年|上一年"), rel(-1), ""),
        (re.compile(r"全年"), rel(0), "weak"),
        (re.compile(r"前年"), rel(-2), ""),
        (re.compile(r"明年"), rel(1), ""),
    ]


class _Alias:
    """Lets years_back read group 1 of a match or a captured string alike."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __getitem__(self, _: int) -> str:
        return self.text


@dataclass(frozen=True)
class TimeReader:
    """The time rules for one reference year."""

    ref: int | None
    rules: list = field(init=False, repr=False, compare=False)  # built once per reader, not per sentence
    needs: list = field(init=False, repr=False, compare=False)  # per rule: characters a match needs (required.py)
    # (ref, sentence) -> its times: the figure loop reads each sentence more than once, and stock
    # sentences recur across the articles of a year. One memo for the readers of every reference
    # year (`read`, given; default: a memo of its own), bounded (memo.py) whatever years a corpus names.
    read: Memo[tuple[int | None, str], tuple[Time, ...]] = field(
        default_factory=lambda: Memo(TimeReader.READ), repr=False, compare=False)
    READ: ClassVar[int] = 16_000  # (~360 bytes a sentence)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rules", _rules(self.ref))
        object.__setattr__(self, "needs", [required.needs(pattern) for pattern, _, _ in self.rules])

    def find(self, sentence: str) -> list[Time]:
        """Every time expression of one sentence, in order; overlaps go to the earlier rule.
        Each call returns new Time objects, as reading afresh would: the figure loop tells
        a time read twice apart by identity (`is`)."""
        key = (self.ref, sentence)
        found = self.read.get(key)
        if found is None:
            found = self.read.put(key, tuple(self._find(sentence)))
        return [fresh(t) for t in found]

    def _find(self, sentence: str) -> list[Time]:
        found: list[Time] = []
        claimed: list[tuple[int, int]] = []
        for (pattern, resolve, flag), need in zip(self.rules, self.needs):
            if need is not None and not need.search(sentence):
                continue  # (the rule cannot match: most sentences name no month)
            for m in pattern.finditer(sentence):
                if any(a < m.end() and m.start() < b for a, b in claimed):
                    continue
                se = resolve(m)
                if not se:
                    continue
                claimed.append(m.span())
                before = sentence[max(0, m.start() - 2) : m.start()]
                if before.endswith(DURATION_BEFORE):
                    continue  # 历时近两年: how long something took, not when
                baseline = before.endswith(BASELINE_BEFORE)
                streak = None
                if flag == "streak":
                    count = _n(m.group(1) or m.group("c") or "")
                    streak = (count, (m.group(2) or "年") if m.group(1) else "年") if count else None
                found.append(Time(m.start(), m.end(), Period(m.group(), se[0], se[1]), baseline,
                                  flag in ("span", "streak") and se[0] != se[1], flag == "stock", flag == "day",
                                  flag == "weak", streak, flag == "name"))
        found.sort(key=lambda t: t.start)
        return _ranges(sentence, found)


def _ranges(sentence: str, found: list[Time]) -> list[Time]:
    """自2023年7月启动，至2025年4月30日实现…: a time after 至 that closes one after 自 in the same
    sentence, with no number between, is the end of one span from the first to the second."""
    out: list[Time] = []
    for t in found:
        opened = next((o for o in reversed(out) if sentence[max(0, o.start - 1):o.start] in RANGE_FROM
                       and o.period.start and not o.baseline), None)
        closes = sentence[max(0, t.start - 1):t.start] in RANGE_TO and not t.baseline and t.period.start
        # no number between: 从2012年的146亿元增至2021年 is a from-to of values, each dated
        if opened is not None and closes and opened.period.start < t.period.end and t.start - opened.end <= MAX_RANGE \
                and not NUMBER.search(sentence, opened.end, t.start):
            text = sentence[opened.start - 1:t.end]
            t = Time(t.start, t.end, Period(text, opened.period.start, t.period.end), False, True)
        out.append(t)
    return out


def governing(times: list[Time], at: int) -> Time | None:
    """The nearest plain (not baseline) time before offset `at`; an edition's year (入选“2025…百强”)
    does not displace a time of the same year before it (今年8月)."""
    best = None
    for t in times:
        if t.end > at:
            break
        if not t.baseline and not (t.name and best is not None and best.period.end[:4] == t.period.end):
            best = t
    return best


def baseline_before(times: list[Time], clause_start: int, at: int) -> Time | None:
    """The reference period of a comparison in the clause before `at` (较2020年)."""
    best = None
    for t in times:
        if t.end > at:
            break
        if t.baseline and t.start >= clause_start:
            best = t
    return best


def after_reference(period: Period | None, ref: Time) -> Period | None:
    """From the period after R to the current one: 2025 vs 2020 -> 2021..2025."""
    if period is None:
        return None
    r_end = ref.period.end
    if len(r_end) == 4 and len(period.end) == 4 and r_end < period.end:
        return Period(period.text, str(int(r_end) + 1), period.end)
    if len(r_end) == 4 and len(period.end) == 7 and r_end < period.end[:4]:
        return Period(period.text, _ym(int(r_end) + 1, 1), period.end)  # 比2019年同期: from 2020-01
    if len(r_end) == 7 and len(period.end) == 7 and r_end < period.end:
        y, m = int(r_end[:4]), int(r_end[5:])
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return Period(period.text, _ym(y, m), period.end)
    return period


def year_frame(year: int) -> Time:
    """The frame of a report on one closed year that names no time of its own."""
    return Time(0, 0, Period(f"{year}年", str(year), str(year)), False, False)


def shift_start(period: Period, years: int) -> Period:
    """The same period starting `years` earlier (两年平均: from the year before)."""
    start = period.start or period.end
    return Period(period.text, f"{int(start[:4]) + years:04d}{start[4:]}", period.end)


def point_of(period: Period) -> Period:
    """A stock, share or rank reached by the end of a multi-year span: the end year."""
    return Period(period.text, period.end, period.end)


def streak_span(time: Time, anchor_end: str) -> Period:
    """连续N年 / N个季度 / N个月 ending in the latest reported period (anchor_end: YYYY or YYYY-MM).
    连续十余年 gives no start: only the period it is reported in."""
    count, unit = time.streak or (1, "年")
    year = int(anchor_end[:4])
    if APPROXIMATE.search(time.period.text):
        return Period(time.period.text, anchor_end, anchor_end)
    if unit == "年":
        return Period(time.period.text, str(year - count + 1), str(year))
    if len(anchor_end) == 4:
        return Period(time.period.text, anchor_end, anchor_end)  # months within a year given by its year
    month = int(anchor_end[5:7])
    back = count * (3 if unit == "季度" else 1)
    index = year * 12 + month - 1 - back + 1
    return Period(time.period.text, _ym(index // 12, index % 12 + 1), anchor_end)


def containing(times: list[Time], start: int, end: int) -> Time | None:
    """The time expression a token sits inside (the 14年 of 连续14年)."""
    return next((t for t in times if t.start <= start and end <= t.end), None)


def last_review(times: list[Time]) -> Time | None:
    """The last multi-year span of a sentence with both ends known (过去五年, “十四五”以来)."""
    return next((t for t in reversed(times) if t.span and not t.baseline and not t.streak
                 and t.period.start is not None), None)


def last_full(published: str | None, ref: int | None, reader: TimeReader, lead: list[str]) -> int | None:
    """The year before the reference year when the page is dated inside it (2025-07 -> 2024);
    with only a year known, the lead's dateline (7月24日) gives the month."""
    date = str(published or "")
    if re.fullmatch(r"(?:19|20)\d{2}", date):
        day = next((t for text in lead for t in reader.find(text or "") if t.day and t.period.start), None)
        date = day.period.start if day is not None and day.period.start[:4] == date else date
    m = re.match(r"((?:19|20)\d{2})-(\d{2})", date)
    return ref - 1 if m and ref is not None and int(m.group(1)) == ref and int(m.group(2)) < 12 else None


def month_of(published: str | None) -> str | None:
    """The publication's month (YYYY-MM) when the date gives one."""
    m = re.match(r"((?:19|20)\d{2})-(\d{2})", str(published or ""))
    return f"{m.group(1)}-{m.group(2)}" if m else None


def in_speech(text: str, at: int) -> bool:
    """Inside quoted speech (“…，今年一定能卖上好价钱！”): an anecdote's time frames nothing else."""
    opened = text.rfind("“", 0, at)
    return opened >= 0 and text.rfind("”", 0, at) < opened and bool(CLAUSE_END.search(text, opened, at))


def anecdote(sentence: str, clause_start: int, at: int) -> bool:
    """“我已经服务了70个家庭”, “以前一个月拿3000块”: a speaker's own story or an unnamed past. Only
    time words that govern the number date it (FRAMES), not the frame of the article."""
    opened = sentence.rfind("“", 0, at)
    speech = sentence[opened + 1:at] if opened >= 0 and sentence.rfind("”", 0, at) < opened else ""
    return bool(SPEAKER_SELF.search(speech) or UNNAMED_PAST.search(sentence[clause_start:at]) or
                speech and UNNAMED_PAST.search(speech))


def has_number(sentence: str, time: Time) -> bool:
    return bool(NUMBER.search(sentence[:time.start] + sentence[time.end:]))


def figure_period(d, sentence: str, times: list[Time], context: Time | None, clause_start: int, cues, r_year=None,
                  review: Time | None = None, last_full: int | None = None) -> tuple[Period | None, str | None]:
    """(period, base) of a draft (labels.Draft: token, aspect kind, from-to marks). `review`: the latest multi-year span read before the sentence;
    `last_full`: the last complete year when the page is dated within the reference year."""
    own = containing(times, d.token.start, d.token.end) or governing(times, d.token.start)
    if own is None and d.kind == Aspect.GROWTH_AVG and review is not None and not (context and context.span):
        context = review  # 年均增长 spans years: the review it belongs to, not one year
    if own is not None and own.weak and context is not None:
        own = None  # 全年 in a paragraph about 2023: that year
    if own is not None and own.streak:
        # 连续14年位居榜首: the streak and what it qualifies span the N years ending in the reported one
        anchor = next((t for t in reversed(times) if t.end <= own.start and not t.baseline and not t.streak), None)
        anchor = anchor or context
        end = anchor.period.end if anchor is not None else str(r_year) if r_year else None
        if end == str(r_year) and last_full and own.streak and own.streak[1] == "年" and \
                (anchor is None or not YEAR.search(anchor.period.text)):
            end = str(last_full)  # 连续三年上榜, reported mid-year: the ranked years end in the last full one
        return (streak_span(own, end), None) if end else (None, None)
    background = d.kind == Aspect.LEVEL and any(w in d.label for w in cues.get("background"))
    chosen = own or (None if background else context)
    if chosen is None:
        return None, None
    period = chosen.period
    clause_before = sentence[clause_start:d.token.start]
    # a gap to another level (高于全省3.5个百分点) stands at the review's end like the rate it compares
    gap = d.kind == Aspect.CHANGE and d.token.base == "百分点" and any(w in clause_before for w in cues.get("scope.other_levels"))
    point = (d.kind in (Aspect.LEVEL, Aspect.SHARE, Aspect.RANK) or gap) and not slots.flow(clause_before, cues) \
        and not d.extras.get("flow") and not any(w in clause_before[-4:] for w in DURATION_BEFORE)
    if chosen.span and period.start is not None and point:
        period = point_of(period)  # a stock reached by the end of a multi-year review
    if chosen.stock_end and point:
        period = point_of(period)  # 截至10月底 for a stock: that month
    if d.is_start and chosen.span and chosen.period.start:
        # 从A增至B under a multi-year frame: A stands at the year before the span.
        y = chosen.period.start[:4]
        period = Period(chosen.period.text, str(int(y) - 1), str(int(y) - 1))
    if d.kind == Aspect.GROWTH_AVG and period.start and cues.last("period.two_year_average", sentence[clause_start:d.token.start]):
        period = shift_start(period, -1)  # 两年平均增长: over the year before as well
    ref = baseline_before(times, clause_start, d.token.start)
    if ref is not None and d.kind in (Aspect.GROWTH, Aspect.CHANGE, Aspect.MULTIPLE, Aspect.GROWTH_AVG) \
            and ref.period.text not in PREVIOUS_PERIOD:  # 较上年: the current period, no base
        return after_reference(period, ref), ref.period.text
    return period, None
