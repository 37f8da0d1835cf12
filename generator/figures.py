"""Key figures: every number with a unit in an article's paragraphs, as records.Figure.

The rules are general, not tuned to any page:

* a value is a number followed by a unit from units.yml (or %, 倍, 成), a rank
  (第3名, 位列全省第六) or part of a ratio (1.0:31.9:67.1);
* never a value: dates (12月6日, 2024年), hotline and phone numbers (12345), codes and
  names with digits (5G, 559项目, “355”模式, 1+1+N), ordinals (第二人民医院), numbers inside
  slogans (十四五, 三高四新) and the lone 一 of 一个 / 一件事;
* the metric is the catalogue's canonical name when its words are there, else the words
  before the number (or after the unit when the number comes first: 建成3个驿站);
* the period comes from the nearest time expression before the number in the same
  sentence (2024年, 2021—2024年, 1至10月, 十四五, 今年, 去年, 10年来), else the paragraph's
  lead, else the article's year.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import cn2an

from .catalogue import Catalogue, Metric, Unit, Units
from .ids import stable_id
from .records import Article, Figure

CN_DIGITS = "零〇一二两三四五六七八九十百千"
NUM = rf"[0-9]+(?:,[0-9]{{3}})*(?:\.[0-9]+)?|[一二两三四五六七八九十][{CN_DIGITS}]*"
# Not after a letter, digit, dot or joiner: PM2.5, 4S, 1+1+N, 0734-1234567 are names and codes.
NUM_RE = re.compile(rf"(?<![0-9A-Za-z.．\-+_/#@])(?:{NUM})")
RATIO_RE = re.compile(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?:[:：][0-9]+(?:\.[0-9]+)?)+(?![0-9])")
RANK_RE = re.compile(r"第([0-9]+|[一二三四五六七八九十]+)(名|位)?")
RANK_CUES = ("全国", "全省", "全市", "全州", "全区", "全县", "省内", "市内", "居", "列", "排")
CLAUSE_END = re.compile(r"[，。；！？;!?]|(?<![0-9]),|,(?![0-9])")
SENTENCE_END = re.compile(r"[。；！？;!?]")

PRE_QUALIFIERS = ("超过", "将近", "接近", "大约", "不足", "不到", "突破", "超", "近", "约", "逾")
POST_QUALIFIERS = ("以上", "以下", "左右")
INNER_QUALIFIERS = ("余", "多")
# A duration (年, 天, 个月) is an amount only after one of these; "2024年" and "10年来" are not.
DURATION_CUES = ("逾", "超过", "长达", "达", "至", "历时", "用时", "仅用", "缩短", "延长", "提前", "期限")
GROWTH_WORDS = ("增长", "增速", "增幅", "提高", "提升", "下降", "降低", "减少", "上涨", "回落", "增加")
CHANGE_RE = re.compile(r"(较|比|相比|同比)(上年|去年|(19|20)[0-9]{2}年|同期)?.{0,8}?(增加|减少|新增|多|少|提高|提升|下降|降低)")

# Words trimmed from a free label: scope at the front, verbs and hedges at the back.
LEAD_TRIM = re.compile(
    r"^(?:其中|此外|同时|另外|目前|如今|当前|截至目前|今年以来|今年来|今年|去年|全年|累计|共|已|还|并|"
    r"全区|全县|全市|全省|全镇|全乡|全州|全国|该区|该县|该市|区内|县内|市内|辖区|共计|总计|预计|分别|均|"
    r"“十[二三四五]五”(?:期间|时期|以来|末)?|十[二三四五]五(?:期间|时期|以来|末)?)+"
)
TAIL_TRIM = re.compile(
    r"(?:达到|达|为|是|至|增至|增长至|增长到|提升至|提升到|提高到|提高至|跃升至|跃升到|攀升至|上升至|上升到|"
    r"突破|超过|超|约|近|逾|共|有|累计|实现|完成|从|由|分别|均|已|保持|稳定控制在|控制在|稳定在|在|的|了|"
    r"总量|总数|合计|共计|高达|多达|仅|以|将|拥有|新增了|"
    r"[、，,（(])+$"
)
TIME_WORDS = re.compile(
    r"(?:19|20)[0-9]{2}\s*[—–\-~至到]\s*(?:19|20)[0-9]{2}年|(?:19|20)[0-9]{2}年(?:[0-9]{1,2}\s*[—–\-~至到]\s*)?(?:[0-9]{1,2}月)?(?:底|末|份)?"
    r"|[0-9]{1,2}\s*[—–\-~至到]\s*[0-9]{1,2}月|截至|截止"
)
SUBJECT_RE = re.compile(
    r"([\u4e00-\u9fff]{2,12}?(?:村|社区|有限公司|公司|医院|集团|合作社|小区|学校|中学|小学|幼儿园|处理厂|工厂|街区))"
    r"(?=[\u4e00-\u9fff“]|$)"
)


@dataclass
class _Token:
    """A number found in a paragraph, before it becomes a Figure."""

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


def parse_number(text: str) -> float | None:
    """Arabic or Chinese numerals (两, 十二, 一百二十) to a float; None when it is not a number."""
    text = text.replace(",", "")
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", text):
        return float(text)
    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def _is_year(number: float, value: str) -> bool:
    return value.isdigit() and len(value) == 4 and 1900 <= number <= 2100


def _scan(text: str, units: Units) -> list[_Token]:
    """All value tokens of one paragraph, in order."""
    tokens: list[_Token] = []
    taken: list[tuple[int, int]] = []

    for m in RATIO_RE.finditer(text):
        parts = re.split(r"[:：]", m.group())
        if len(parts) < 3 and not any("." in p for p in parts):
            continue  # 8:30 is a time
        pos = m.start()
        for i, part in enumerate(parts):
            tokens.append(_Token(pos, pos + len(part), pos + len(part), part, float(part), "", "比例", 1.0, "share", group=m.start()))
            pos += len(part) + 1
        taken.append(m.span())

    for m in RANK_RE.finditer(text):
        number = parse_number(m.group(1))
        if number is None:
            continue
        before = text[max(0, m.start() - 8) : m.start()]
        after = text[m.end() : m.end() + 1]
        if m.group(2) or (any(c in before for c in RANK_CUES) and (not after or CLAUSE_END.match(after) or after in "、和")):
            tokens.append(_Token(m.start(), m.end(), m.end(), m.group(1), number, m.group(2) or "", "位次", 1.0, "rank"))
        taken.append(m.span())

    bare: list[_Token] = []
    for m in NUM_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if m.start() > 0 and text[m.start() - 1] == "第":
            continue
        value = m.group()
        number = parse_number(value)
        if number is None:
            continue
        chinese = not value[0].isdigit()
        token = _read_unit(text, m.start(), m.end(), value, number, units, chinese)
        if token is None:
            if not chinese and not (_is_year(number, value) and text[m.end() : m.end() + 1] == "年"):
                bare.append(_Token(m.start(), m.end(), m.end(), value, number))
            continue
        if chinese and value == "一":
            continue  # 一个 / 一件事 / 一批: idiom, not a count worth a card
        tokens.append(token)

    # 从3000跃升到10000个, 3、5个: a bare number takes the unit of the number it runs into.
    for b in bare:
        nxt = min((t for t in tokens if t.start >= b.end), key=lambda t: t.start, default=None)
        if nxt is None or not nxt.unit:
            continue
        between = text[b.end : nxt.start]
        if re.fullmatch(r"[、和与及或]|[\u4e00-\u9fff]{0,3}[到至]", between):
            unit = units.get(nxt.unit)
            if unit:
                tokens.append(_Token(b.start, b.end, b.end, b.value, b.number, nxt.unit, unit.base, unit.factor, unit.kind))
    tokens.sort(key=lambda t: t.start)
    return tokens


def _read_unit(text: str, start: int, end: int, value: str, number: float, units: Units, chinese: bool) -> _Token | None:
    """The unit (and hedges) right after a number, or None when there is none."""
    pos = end
    qualifier = ""
    mult = ""
    for _ in range(2):  # 2000余万元, 4万余亩
        q = next((q for q in INNER_QUALIFIERS if text.startswith(q, pos)), "")
        if q and not qualifier:
            qualifier, pos = q, pos + len(q)
            continue
        mm = next((k for k in sorted(units.multipliers, key=len, reverse=True) if text.startswith(k, pos)), "")
        if mm and not mult:
            mult, pos = mm, pos + len(mm)
            continue
        break
    um = units.pattern.match(text, pos)
    name = um.group() if um else ""
    unit: Unit | None = units.units.get(name) if name else None
    if unit and text[um.end() : um.end() + 1] in unit.not_before and text[um.end() : um.end() + 1]:
        unit = None
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
        if _is_year(number, value) or not _has_cue(text, start, DURATION_CUES):
            return None
        if text[end_pos : end_pos + 1] and text[end_pos] in "来以前后间内度代底初末中":
            return None
    for q in PRE_QUALIFIERS:
        if text.endswith(q, 0, start):
            qualifier = qualifier or q
            break
    post = next((q for q in POST_QUALIFIERS if text.startswith(q, end_pos)), "")
    if post:
        follow = text[end_pos + len(post) : end_pos + len(post) + 1]
        if follow and re.match(r"[\u4e00-\u9fff]", follow):
            return None  # 2亿元以上项目: a threshold inside a name, not a figure
        qualifier = qualifier or post
        end_pos += len(post)
    if not qualifier and text[end_pos : end_pos + 1] in ("余", "多") and full.base == "%":
        qualifier = text[end_pos]
    return _Token(start, end_pos, end, value, number, unit_name, full.base, full.factor, full.kind, qualifier)


def _has_cue(text: str, start: int, cues: tuple[str, ...]) -> bool:
    before = text[max(0, start - 4) : start]
    for q in PRE_QUALIFIERS:
        if before.endswith(q):
            before = before[: -len(q)]
            break
    return any(before.endswith(c) for c in cues)


# ----------------------------------------------------------------------------- periods


@dataclass
class _Time:
    start: int
    end: int
    period: str
    baseline: bool = False  # 较2020年: the "from" of a change, not the period


def _cn_or_int(text: str) -> int | None:
    n = parse_number(text)
    return int(n) if n is not None else None


def _times(text: str, year: int | None) -> list[_Time]:
    """Every time expression of a paragraph with the period it names."""
    y = str(year) if year else ""
    found: list[_Time] = []
    rules: list[tuple[str, Callable[[re.Match[str]], str]]] = [
        (r"((?:19|20)[0-9]{2})\s*[—–\-~至到]\s*((?:19|20)[0-9]{2})年", lambda m: f"{m[1]}-{m[2]}"),
        (
            r"(?:((?:19|20)[0-9]{2})年)?([0-9]{1,2})\s*[—–\-~至到]\s*([0-9]{1,2})月",
            lambda m: f"{m[1] or y}-{int(m[2]):02d}/{m[1] or y}-{int(m[3]):02d}" if (m[1] or y) else "",
        ),
        (r"“?十四五”?", lambda m: "2021-2025"),
        (r"“?十三五”?末", lambda m: "2020"),
        (r"“?十三五”?", lambda m: "2016-2020"),
        (r"“?十五五”?", lambda m: "2026-2030"),
        (r"“?十二五”?", lambda m: "2011-2015"),
        (r"((?:19|20)[0-9]{2})年(?!代)", lambda m: m[1]),
        (r"(?:近|过去)?([0-9]+|[一二三四五六七八九十]+)年(?:来|以来|间)|近([0-9]+|[一二三四五六七八九十]+)年", lambda m: _span_back(m, year)),
        (r"今年以来|今年来|今年|目前|如今|当前|截至目前|年内|本年度|全年", lambda m: y),
        (r"去年|上年|上一年", lambda m: str(year - 1) if year else ""),
        (r"前年", lambda m: str(year - 2) if year else ""),
    ]
    claimed: list[tuple[int, int]] = []
    for pattern, period in rules:
        for m in re.finditer(pattern, text):
            if any(a < m.end() and m.start() < b for a, b in claimed):
                continue
            claimed.append(m.span())
            baseline = m.start() > 0 and text[max(0, m.start() - 2) : m.start()].endswith(("较", "比", "相比", "比上", "于"))
            found.append(_Time(m.start(), m.end(), period(m), baseline))
    found.sort(key=lambda t: t.start)
    return found


def _span_back(m: re.Match[str], year: int | None) -> str:
    n = _cn_or_int(m[1] or m[2])
    if not year or not n:
        return ""
    return f"{year - n}-{year}"


def _period_for(token: _Token, sentence: tuple[int, int], times: list[_Time], lead: str, default: str) -> tuple[str, str]:
    """(period, baseline) for a token: nearest time before it in its sentence."""
    s_start = sentence[0]
    before = [t for t in times if s_start <= t.start and t.end <= token.start]
    baseline = next((t.period for t in reversed(before) if t.baseline), "")
    plain = [t for t in before if not t.baseline and t.period]
    period = plain[-1].period if plain else (lead or default)
    return period, baseline


# ----------------------------------------------------------------------------- labels


def _clean_label(text: str, region_words: tuple[str, ...]) -> str:
    text = TIME_WORDS.sub("", text)
    text = re.sub(r"[“”\"]\s*[”“\"]", "", text)
    for word in region_words:
        if word and text.startswith(word):
            text = text[len(word) :]
    prev = None
    while prev != text:
        prev = text
        text = LEAD_TRIM.sub("", text)
        text = TAIL_TRIM.sub("", text)
        text = text.strip(" ，,、：:（()）")
        for word in region_words:
            if word and text.startswith(word):
                text = text[len(word) :]
    return text[-16:]


def _label(paragraph: str, clause: tuple[int, int], token: _Token, prev_end: int, next_start: int, region_words: tuple[str, ...]) -> str:
    """Words before the number, or the noun after the unit when the number comes first."""
    start = max(clause[0], prev_end)
    before = _clean_label(paragraph[start : token.start], region_words)
    after = paragraph[token.end : min(clause[1], next_start)]
    after = re.split(r"[，,。；;、（(]|以上|以下|的|等", after)[0]
    after = re.sub(r"^[\u4e00-\u9fff]?[，,]", "", after).strip()
    noun_after = len(re.findall(r"[\u4e00-\u9fff]", after)) >= 2
    if noun_after and (not before or len(before) <= 4):
        return (before + after)[:20]
    return before or after[:20]


def _region_words(article: Article) -> tuple[str, ...]:
    name = article.region.name
    words = [name, article.region.city, article.region.province]
    for suffix in ("自治县", "区", "县", "市", "省"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            words.append(name[: -len(suffix)])
            break
    return tuple(sorted((w for w in words if w), key=len, reverse=True))


def _kind(token: _Token, clause_before: str) -> str:
    if token.kind in ("rank", "growth", "change") and token.base != "%":
        return token.kind
    tail = clause_before[-12:]
    if token.base == "%":
        if any(w in tail for w in GROWTH_WORDS):
            return "growth"
        return "share"
    if CHANGE_RE.search(clause_before[-16:]):
        return "change"
    return token.kind


# ----------------------------------------------------------------------------- main


def extract_figures(
    article: Article,
    catalogue: Catalogue,
    units: Units,
    locate_region: Callable[[str], str | None] | None = None,
) -> list[Figure]:
    """Every figure of an article, in reading order.

    `locate_region(sentence)` may name a different county-level unit the sentence is
    about (邵阳县 inside a 邵阳市 article); without it every figure is the article's region.
    """
    figures: list[Figure] = []
    seen: set[str] = set()
    region_words = _region_words(article)
    default_period = str(article.year) if article.year else ""
    for index, paragraph in enumerate(article.paragraphs, start=1):
        tokens = _scan(paragraph, units)
        if not tokens:
            continue
        times = _times(paragraph, article.year)
        lead = _paragraph_lead(paragraph, times)
        sentences = _spans(paragraph, SENTENCE_END)
        clauses = _spans(paragraph, CLAUSE_END)
        labelled: list[tuple[_Token, str, Metric | None, tuple[int, int]]] = []
        for i, token in enumerate(tokens):
            clause = next(c for c in clauses if c[0] <= token.start < c[1])
            prev_end = tokens[i - 1].end if i and tokens[i - 1].end > clause[0] else clause[0]
            next_start = tokens[i + 1].start if i + 1 < len(tokens) else clause[1]
            label = _label(paragraph, clause, token, prev_end, next_start, region_words)
            metric = catalogue.match(label) if label else None
            labelled.append((token, label, metric, clause))
        labelled = _inherit_enumerations(paragraph, labelled, sentences, catalogue)
        for token, label, metric, clause in labelled:
            sentence = next(s for s in sentences if s[0] <= token.start < s[1])
            period, baseline = _period_for(token, sentence, times, lead, default_period)
            clause_before = paragraph[sentence[0] : token.start]
            kind = _kind(token, clause_before)
            if baseline and kind == "level":
                kind = "change" if token.base != "%" else "growth"
            if baseline and period and "-" not in period and baseline < period:
                period = f"{baseline}-{period}"
            quote = paragraph[clause[0] : clause[1]].strip()
            fid = stable_id(article.id, quote, token.value, token.unit)
            if fid in seen:
                continue
            seen.add(fid)
            comparable = metric is not None and _compatible(metric, token, kind, units)
            name = _metric_name(metric, label, kind, token) if metric else (label or _fallback_label(token))
            sentence_text = paragraph[sentence[0] : token.start]
            region = article.region.name
            if locate_region:
                region = locate_region(sentence_text) or region
            figures.append(
                Figure(
                    id=fid,
                    article=article.id,
                    region=region,
                    metric=name,
                    value=token.value,
                    unit=token.unit,
                    value_normalized=round(token.number * token.factor, 6),
                    unit_normalized=token.base,
                    period=period,
                    quote=quote,
                    paragraph=index,
                    kind=kind,
                    qualifier=token.qualifier,
                    subject=_subject(sentence_text, region_words),
                    previous=_previous(tokens, token, paragraph),
                    canonical=metric.key if metric else "",
                    theme=metric.theme_name if metric else "",
                    comparable=comparable,
                )
            )
    return figures


def _metric_name(metric: Metric, label: str, kind: str, token: _Token) -> str:
    if kind == "growth":
        return f"{metric.name}增长" if token.base != "倍" else f"{metric.name}增长倍数"
    if kind == "change":
        return f"{metric.name}增加"
    return metric.name


def _fallback_label(token: _Token) -> str:
    return {"rank": "排名", "share": "比例"}.get(token.kind, "数量")


def _compatible(metric: Metric, token: _Token, kind: str, units: Units) -> bool:
    if kind in ("growth",):
        return token.base in ("%", "倍")
    if kind == "rank":
        return metric.kind == "rank"
    if metric.kind == "share":
        return token.base in ("%", "比例")
    want = units.get(metric.unit)
    return want is not None and want.base == token.base


def _spans(text: str, boundary: re.Pattern[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in boundary.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _paragraph_lead(paragraph: str, times: list[_Time]) -> str:
    """A time expression opening the paragraph ("十四五"期间，...) applies to all of it."""
    first = _spans(paragraph, CLAUSE_END)[0]
    for t in times:
        if t.start < first[1] and t.start <= 6 and not t.baseline and t.period:
            return t.period
    return ""


def _inherit_enumerations(paragraph, labelled, sentences, catalogue):
    """分别 / enumerations: 'A 71家、B 18家，较2020年分别增加39家、13家' -> the second
    group's labels are A and B, in order."""
    out = list(labelled)
    for s_start, s_end in sentences:
        idx = [i for i, (t, *_rest) in enumerate(out) if s_start <= t.start < s_end]
        if len(idx) < 2:
            continue
        groups = _groups(paragraph, [out[i] for i in idx])
        for g_pos, group in enumerate(groups):
            if len(group) < 2 or any(lbl and len(lbl) > 4 for _, lbl, *_ in [out[idx[k]] for k in group]):
                continue
            for prev in reversed(groups[:g_pos]):
                if len(prev) == len(group):
                    for k, p in zip(group, prev):
                        t, lbl, _m, clause = out[idx[k]]
                        pt, plbl, pm, _c = out[idx[p]]
                        out[idx[k]] = (t, plbl + (lbl or ""), pm, clause)
                    break
        # 城镇居民、农村居民人均可支配收入从21274元、10715元: split "A、B<noun>" over the values
        for group in groups:
            if len(group) < 2:
                continue
            first = out[idx[group[0]]]
            parts = _split_shared(first[1], len(group))
            if parts:
                for k, part in zip(group, parts):
                    t, _lbl, _m, clause = out[idx[k]]
                    out[idx[k]] = (t, part, catalogue.match(part), clause)
    return out


def _groups(paragraph: str, items) -> list[list[int]]:
    """Consecutive tokens joined only by 、/和/与 (an enumeration) form one group."""
    groups: list[list[int]] = [[0]]
    for k in range(1, len(items)):
        between = paragraph[items[k - 1][0].end : items[k][0].start]
        if re.fullmatch(r"[、和与及]|[:：]", between) or (items[k][0].group >= 0 and items[k][0].group == items[k - 1][0].group):
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups


def _split_shared(label: str, n: int) -> list[str] | None:
    """"城镇居民、农村居民人均可支配收入" with 2 values -> the two full names."""
    m = re.fullmatch(r"(.+?)((?:、[^、]+?)+)(人均[\u4e00-\u9fff]+|[\u4e00-\u9fff]{2,}?(?:率|量|额|数|值))", label)
    if not m:
        return None
    heads = [m[1]] + [h for h in m[2].split("、") if h]
    if len(heads) != n:
        return None
    return [h + m[3] for h in heads]


def _previous(tokens: list[_Token], token: _Token, paragraph: str) -> float | None:
    """从149个增至315个: the 'to' figure remembers the 'from' value."""
    i = tokens.index(token)
    if i == 0:
        return None
    prev = tokens[i - 1]
    between = paragraph[prev.end : token.start]
    if prev.base == token.base and re.search(r"[增升提跃攀上长加]{1,2}.{0,3}[至到]", between) and len(between) <= 16:
        window = paragraph[max(0, prev.start - 12) : prev.start]
        if "从" in window or "由" in window:
            return round(prev.number * prev.factor, 6)
    return None


def _subject(sentence_before: str, region_words: tuple[str, ...]) -> str:
    """A village, company, community or hospital named before the number, if any."""
    found = SUBJECT_RE.findall(sentence_before)
    if not found:
        return ""
    name = found[-1]
    name = re.sub(r"^.*?[，,、：:“”的在由与和对从将让使向为]", "", name)
    if any(name == w for w in region_words) or len(name) < 3:
        return ""
    return name
