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
DURATION_CUES = ("逾", "超过", "超", "长达", "达", "至", "历时", "用时", "仅用", "缩短", "延长", "提前", "期限")
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
    r"总量|总数|合计|共计|高达|多达|仅|以|将|拥有|新增了|和|与|及|"
    r"[、，,（(])+$"
)
TIME_WORDS = re.compile(
    r"(?:19|20)[0-9]{2}\s*[—–\-~至到]\s*(?:19|20)[0-9]{2}年|(?:19|20)[0-9]{2}年(?:[0-9]{1,2}\s*[—–\-~至到]\s*)?(?:[0-9]{1,2}月)?(?:底|末|份)?"
    r"|[0-9]{1,2}\s*[—–\-~至到]\s*[0-9]{1,2}月|截至|截止|近年来|近年|多年来|[0-9一二三四五六七八九十]+年(?:来|以来|间)"
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
        if m.group(2) or (any(c in before for c in RANK_CUES) and (not after or CLAUSE_END.match(after) or after in "、和…")):
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
        if number is None or len(value.split(".")[0].replace(",", "")) > 10:
            continue  # more than ten digits: a phone number, an id or a code, never an amount
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
    if any(before.endswith(c) for c in cues):
        return True
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


@dataclass
class _Draft:
    """A token with everything decided about it so far."""

    token: _Token
    clause: tuple[int, int]
    sentence: tuple[int, int]
    kind: str
    period: str
    label: str = ""
    metric: Metric | None = None
    previous: float | None = None


# What is left of a label once change words are gone tells whether it names anything.
CONNECTIVES = re.compile(
    r"较|比|同比|相比|分别|增加|减少|增长|提高|提升|下降|降低|跃升|攀升|上升|增至|新增|年均|年平均|平均|到|至|了|期间|时期|末|的|"
    r"上年|去年|同期|十[二三四五]五|[“”\"、，,（）()]"
)


def _content(label: str) -> str:
    return CONNECTIVES.sub("", label)


def _clean_label(text: str, region_words: tuple[str, ...]) -> str:
    text = TIME_WORDS.sub("", text)
    text = re.sub(r"（[^（）]*）?|\([^()]*\)?", "", text)  # (含高新区): a note, not the name
    text = re.sub(r"[“\"]\s*[”\"]", "", text)
    prev = None
    while prev != text:
        prev = text
        for word in region_words:
            if word and text.startswith(word):
                text = text[len(word) :]
        text = LEAD_TRIM.sub("", text)
        text = TAIL_TRIM.sub("", text)
        text = text.strip(" ，,、：:）)")
    return text[-18:]


def _noun_after(paragraph: str, token: _Token, limit: int) -> str:
    """The words right after a number's unit, up to the next separator: 建成3个[驿站]."""
    after = paragraph[token.end : limit]
    after = re.split(r"[，,。；;、]|以上|以下|等|分别|均|全部|相继|共|入驻|落户|落地|开业|投产|签约|上线|挂牌", after)[0]
    # 10个部门的[300项…]: a noun ending in 的 qualifies the next number, it is not a label of its own.
    return re.sub(r"的$", "", after.strip())


def _cjk(text: str) -> int:
    return len(re.findall(r"[\u4e00-\u9fff]", text))


def _label_clause(paragraph: str, drafts: list[_Draft], region_words: tuple[str, ...]) -> None:
    """Labels for the tokens of one clause.

    Number last (新成立小区党组织127个): a token's label is the text before it.
    Number first (建成5个驿站、3个食堂): each token's label is the noun after its unit.
    """
    c_start, c_end = drafts[0].clause
    first = drafts[0].token
    lead = _clean_label(paragraph[c_start : first.start], region_words)
    limits = [d.token.start for d in drafts[1:]] + [c_end]
    afters = [_noun_after(paragraph, d.token, lim) for d, lim in zip(drafts, limits)]
    # 1174户3501名贫困人口: adjacent numbers share the noun after the last one.
    for i in range(len(afters) - 2, -1, -1):
        if not afters[i] and drafts[i + 1].token.start - drafts[i].token.end <= 1:
            afters[i] = afters[i + 1]
    number_first = _cjk(afters[0]) >= 2 and len(_content(lead)) <= 4 and first.kind != "rank"
    prev_end = c_start
    for i, d in enumerate(drafts):
        raw = paragraph[prev_end : d.token.start]
        before = _clean_label(raw, region_words)
        # 完成造林、森林蓄积量年增长3.5%: only the last item names the number (but not in
        # 'A、B均达100%', where the value belongs to both)
        if len(drafts) == 1 and "、" in before and not re.search("[均都].{0,2}$", raw):
            tail = before.rsplit("、", 1)[1]
            before = tail if _cjk(tail) >= 4 else before
        if raw.rstrip().endswith("等") and _cjk(afters[i]) >= 2:
            # 甲、乙等10余家品牌首店: the named examples end in 等, the category comes after the number.
            d.label = afters[i][:20]
        elif number_first and _cjk(afters[i]) >= 2:
            verb = lead if i == 0 or len(drafts) == 1 else ""
            d.label = (verb + afters[i])[:20]
        else:
            d.label = before or (afters[i][:20] if _cjk(afters[i]) >= 2 else "")
        prev_end = d.token.end


def _inherit(paragraph: str, drafts: list[_Draft]) -> None:
    """Labels that only make sense with their neighbours in the sentence."""
    for i, d in enumerate(drafts):
        prev = drafts[i - 1] if i else None
        same_sentence = prev is not None and prev.sentence == d.sentence
        if not same_sentence:
            continue
        between = paragraph[prev.token.end : d.token.start]
        from_to = d.previous is not None or (
            re.search(r"[增升提跃攀上长加]{0,2}[至到]", between) and "从" in paragraph[d.sentence[0] : prev.token.start]
        )
        # 从8家，到“十四五”期间跃升至43家 / 较2020年增加132家: the metric is the one before.
        if not _content(d.label) and ((from_to and prev.token.base == d.token.base) or d.kind in ("change", "growth")):
            d.label = prev.label if from_to else prev.label + d.label
        # ratio parts share the label of the first part
        if d.token.group >= 0 and d.token.group == prev.token.group and not _content(d.label):
            d.label = prev.label


RANK_SCOPES = (re.compile(r"(全国|全省|全市|全州|全区|全县|省内|市内)$"), re.compile(r"((?:稳居|位居|位列|名列|居|列)?[\u4e00-\u9fff]{2,4}[省市])$"))
RANK_VERBS = re.compile(r"(连续[两三四五六七八九十0-9]+年)?(稳居|位居|位列|名列|排名|排在|居于|居|列|排)$")


def _rank_labels(paragraph: str, drafts: list[_Draft]) -> None:
    """'增速居全省第四' -> 增速排名（全省）; with nothing before it, the metric of the sentence."""
    for i, d in enumerate(drafts):
        if d.kind != "rank":
            continue
        text = paragraph[d.clause[0] : d.token.start]  # a rank token starts at 第
        scope_m = RANK_SCOPES[0].search(text) or RANK_SCOPES[1].search(text)
        scope = re.sub(r"^.*?(稳居|位居|位列|名列|居|列)", "", scope_m.group(1)) if scope_m else ""
        what = RANK_VERBS.sub("", text[: scope_m.start()] if scope_m else text)
        what = re.sub(r"^.*?(获评|获|在)", "", what) if len(what) > 12 else what
        if not _content(what):
            prev = next((p for p in reversed(drafts[:i]) if p.sentence == d.sentence and p.kind != "rank"), None)
            what = prev.label if prev else ""
        d.label = f"{what}排名" + (f"（{scope}）" if scope else "")


def _ratio_labels(drafts: list[_Draft]) -> None:
    groups: dict[int, list[_Draft]] = {}
    for d in drafts:
        if d.token.group >= 0:
            groups.setdefault(d.token.group, []).append(d)
    for members in groups.values():
        base = members[0].label
        if len(members) == 3 and "产业" in base:
            names = ("第一产业", "第二产业", "第三产业")  # 三次产业结构 a:b:c is always in this order
        else:
            names = tuple(str(i + 1) for i in range(len(members)))
        for d, name in zip(members, names):
            d.label = f"{base}（{name}）"


def _groups(paragraph: str, drafts: list[_Draft]) -> list[list[_Draft]]:
    """Consecutive tokens of a clause joined by 、/和/与 (an enumeration)."""
    groups: list[list[_Draft]] = []
    for d in drafts:
        if groups:
            last = groups[-1][-1]
            between = paragraph[last.token.end : d.token.start]
            # A 52家、B 85家 (number last) or 3个A、4个B (number first), within one clause
            if last.clause == d.clause and between and (between[0] in "、和与及" or between[-1] in "、和与及"):
                groups[-1].append(d)
                continue
        groups.append([d])
    return groups


def _enumerations(paragraph: str, drafts: list[_Draft]) -> None:
    """'A 71家、B 18家，较2020年分别增加39家、13家': the second group is about A and B.
    '城镇居民、农村居民人均可支配收入从21274元、10715元': the shared noun is split."""
    groups = _groups(paragraph, drafts)
    for g, group in enumerate(groups):
        if len(group) < 2:
            continue
        parts = _split_shared(group[0].label, len(group))
        if parts:
            for d, part in zip(group, parts):
                d.label = part
            continue
        if any(_content(d.label) for d in group):
            continue
        for prev in reversed(groups[:g]):
            if len(prev) == len(group) and prev[0].sentence == group[0].sentence:
                suffix = _content(group[0].label) and "" or ("增加" if group[0].kind == "change" else "")
                for d, p in zip(group, prev):
                    d.label = p.label + suffix
                break


def _split_shared(label: str, n: int) -> list[str] | None:
    """"城镇居民、农村居民人均可支配收入" with 2 values -> the two full names."""
    m = re.fullmatch(r"(.+?)((?:、[^、]+?)+)(人均[\u4e00-\u9fff]+|[\u4e00-\u9fff]{2,}?(?:率|量|额|数|值|面积|产量))", label)
    if not m:
        return None
    heads = [m[1]] + [h for h in m[2].split("、") if h]
    if len(heads) != n:
        return None
    return [h + m[3] for h in heads]


def _both(paragraph: str, draft: _Draft) -> list[str]:
    """'卫生厕所普及率、生活垃圾有效治理率均达100%': one value, one figure per metric."""
    if not re.search(r"均|都", paragraph[draft.clause[0] : draft.token.start][-4:]):
        return [draft.label]
    label = re.sub(r"(均|都)$", "", draft.label)
    parts = [p for p in label.split("、") if p]
    return parts if len(parts) > 1 else [draft.label]


def _region_words(article: Article) -> tuple[str, ...]:
    name = article.region.name
    words = [name, article.region.city, article.region.province]
    for suffix in ("自治县", "区", "县", "市", "省"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            words.append(name[: -len(suffix)])
            break
    return tuple(sorted((w for w in words if w), key=len, reverse=True))


def _kind(token: _Token, sentence_before: str) -> str:
    if token.kind in ("rank", "growth", "change") and token.base != "%":
        return token.kind
    tail = sentence_before[-12:]
    if token.base == "%":
        return "growth" if any(w in tail for w in GROWTH_WORDS) else "share"
    if CHANGE_RE.search(sentence_before[-16:]):
        return "change"
    return token.kind


# ----------------------------------------------------------------------------- regions


def _sub_regions(paragraph: str, article: Article, gazetteer) -> list[tuple[int, str, str]]:
    """(position, full name, scope suffix) of other county-level units named in full."""
    if gazetteer is None:
        return []
    found = []
    for m in gazetteer.scan(paragraph):
        unit = m.unit
        if not m.full or m.weak or unit is None or unit.level != "county" or unit.name == article.region.name:
            continue
        found.append((m.start, unit.name, unit.name[-1]))
    return found


def _region_for(paragraph: str, draft: _Draft, article: Article, subs: list[tuple[int, str, str]]) -> str:
    """The article's region, unless the sentence is about another county named just before:
    '邵阳县…。全县已建成3个…' inside a 邵阳市 article."""
    region = article.region.name
    s_start = draft.sentence[0]
    before = [(pos, name, suffix) for pos, name, suffix in subs if pos < draft.token.start]
    if not before:
        return region
    pos, name, suffix = before[-1]
    text = paragraph[s_start : draft.token.start]
    own = _region_words(article)
    if any(w in paragraph[pos : draft.token.start] for w in own if len(w) >= 2 and w != name and not name.startswith(w)):
        return region  # the article's own region is named again in between
    if pos >= s_start and pos - s_start <= 8:
        return name  # the sentence opens with the other unit
    if re.search(f"(全|该){suffix}", text):
        return name
    return region


# ----------------------------------------------------------------------------- main


def extract_figures(article: Article, catalogue: Catalogue, units: Units, gazetteer=None) -> list[Figure]:
    """Every figure of an article, in reading order.

    `gazetteer` (optional, generator.gazetteer.Gazetteer) lets a figure belong to another
    county-level unit the sentence is about (邵阳县 inside a 邵阳市 article).
    """
    figures: list[Figure] = []
    seen: dict[str, tuple[int, int]] = {}  # id -> (paragraph, offset) of its first figure
    region_words = _region_words(article)
    default_period = str(article.year) if article.year else ""
    for index, paragraph in enumerate(article.paragraphs, start=1):
        tokens = _scan(paragraph, units)
        tokens = [t for t in tokens if not _inside_quoted_name(paragraph, t)]
        if not tokens:
            continue
        times = _times(paragraph, article.year)
        lead = _paragraph_lead(paragraph, times)
        sentences = _spans(paragraph, SENTENCE_END)
        clauses = _spans(paragraph, CLAUSE_END)
        drafts: list[_Draft] = []
        for token in tokens:
            clause = next(c for c in clauses if c[0] <= token.start < c[1])
            sentence = next(s for s in sentences if s[0] <= token.start < s[1])
            period, _ = _period_for(token, sentence, times, lead, default_period)
            _, baseline = _period_for(token, clause, times, "", "")
            kind = _kind(token, paragraph[sentence[0] : token.start])
            if baseline and kind == "level":
                kind = "change" if token.base != "%" else "growth"
            if baseline and re.fullmatch(r"(?:19|20)\d{2}", period or "") and re.search(r"较(上年|去年)|比(上年|去年)", paragraph[clause[0] : token.start]):
                baseline = str(int(period) - 1)  # 2022年…较上年: the year before the figure's own
            if baseline and period and "-" not in period and baseline < period:
                period = f"{baseline}-{period}"
            drafts.append(_Draft(token, clause, sentence, kind, period, previous=_previous(tokens, token, paragraph)))
        for clause in clauses:
            members = [d for d in drafts if d.clause == clause]
            if members:
                _label_clause(paragraph, members, region_words)
        _enumerations(paragraph, drafts)
        _inherit(paragraph, drafts)
        _rank_labels(paragraph, drafts)
        _ratio_labels(drafts)
        subs = _sub_regions(paragraph, article, gazetteer)
        for d in drafts:
            token = d.token
            quote = paragraph[d.clause[0] : d.clause[1]].strip()
            region = _region_for(paragraph, d, article, subs)
            for label in _both(paragraph, d):
                metric = catalogue.match(label) if label else None
                fid = stable_id(article.id, quote, token.value, token.unit)
                where = (index, token.start)
                if fid in seen:
                    first_para, _first_at = seen[fid]
                    if first_para != index:
                        continue  # the same clause printed twice (a layout repeat)
                    # 3个综合体、3个街区: same clause, same value, a different figure
                    fid = stable_id(article.id, quote, token.value, token.unit, str(token.start), label)
                    if fid in seen:
                        continue
                seen[fid] = where
                figures.append(
                    Figure(
                        id=fid,
                        article=article.id,
                        region=region,
                        metric=_metric_name(metric, d.kind, token) if metric else (label or _fallback_label(d)),
                        value=token.value,
                        unit=token.unit,
                        value_normalized=round(token.number * token.factor, 6),
                        unit_normalized=token.base,
                        period=d.period,
                        quote=quote,
                        paragraph=index,
                        kind=d.kind,
                        qualifier=token.qualifier,
                        subject=_subject(paragraph[d.sentence[0] : token.start], region_words),
                        previous=d.previous,
                        canonical=metric.key if metric else "",
                        theme=metric.theme_name if metric else "",
                        comparable=metric is not None and _compatible(metric, token, d.kind, units),
                    )
                )
    return figures


def _inside_quoted_name(paragraph: str, token: _Token) -> bool:
    """“120吨纯电动自卸车”项目: a number inside a quoted name is part of the name."""
    open_at = paragraph.rfind("“", 0, token.start)
    if open_at < 0 or paragraph.rfind("”", 0, token.start) > open_at:
        return False
    close_at = paragraph.find("”", token.end)
    return close_at - token.end >= 2 and _cjk(paragraph[token.end : close_at]) >= 2 and close_at - open_at <= 30


def _metric_name(metric: Metric, kind: str, token: _Token) -> str:
    if kind == "rank" and metric.kind != "rank":
        return f"{metric.name}排名"
    if kind == "growth":
        return f"{metric.name}增长" if token.base != "倍" else f"{metric.name}增长倍数"
    if kind == "change":
        return f"{metric.name}增加"
    return metric.name


def _fallback_label(d: _Draft) -> str:
    return {"rank": "排名", "share": "比例", "growth": "增长", "change": "增加"}.get(d.kind, "数量")


def _compatible(metric: Metric, token: _Token, kind: str, units: Units) -> bool:
    if kind == "growth":
        return token.base in ("%", "倍")
    if kind == "rank":
        return metric.kind == "rank"
    if metric.kind == "share":
        return token.base in ("%", "比例")
    bases = {u.base for u in (units.get(name) for name in (metric.unit, *metric.also_units)) if u}
    return token.base in bases


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


def _previous(tokens: list[_Token], token: _Token, paragraph: str) -> float | None:
    """从149个增至315个: the 'to' figure remembers the 'from' value."""
    i = tokens.index(token)
    if i == 0:
        return None
    prev = tokens[i - 1]
    between = paragraph[prev.end : token.start]
    if prev.base == token.base and len(between) <= 16 and re.search(r"[增升提跃攀上长加]{1,2}.{0,3}[至到]|^[至到]", between):
        window = paragraph[max(0, prev.start - 12) : prev.start]
        if "从" in window or "由" in window:
            return round(prev.number * prev.factor, 6)
    return None


def _subject(sentence_before: str, region_words: tuple[str, ...]) -> str:
    """A village, company, community or hospital named before the number, if any."""
    found = SUBJECT_RE.findall(sentence_before)
    if not found:
        return ""
    name = re.sub(r"^.*[，,、：:“”的在由与和对从将让使向为是]", "", found[-1])
    if name in region_words or len(name) < 3:
        return ""
    return name
