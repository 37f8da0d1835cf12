"""Measures: what a number counts, read from the words of its clause and its neighbours.

Number last (新成立小区党组织127个): the label is the text before it. Number first
(建成5个驿站、3个食堂): the noun after its unit. Enumerations, from-to pairs, ranks and
ratios borrow from their neighbours in the sentence. All offsets are in one sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.lexicon.text import HAN, alternation, han_count, split_region_suffix
from generator.records import Region
from . import itemlists, measures, phrases
from .cues import FIXED_WORDS
from .tokens import Token

LEAD_TRIM = re.compile(
    rf"^(?:{alternation(FIXED_WORDS['label_lead_trim'] + FIXED_WORDS['label_lead_demonstratives'])}|"
    r"“十[二三四五]五”(?:期间|时期|以来|末)?|十[二三四五]五(?:期间|时期|以来|末)?)+"
)
TAIL_TRIM = re.compile(
    rf"(?:{alternation(FIXED_WORDS['label_tail_trim'])}|(?<!参)与|(?<![涉以])及|(?<![{''.join(FIXED_WORDS['average_prefixes'])}])均|"  # not 参与, 涉及, 以及, 平均
    r"[、，,（(])+$"
)
TIME_WORDS = re.compile(
    r"(?:19|20)[0-9]{2}\s*[—–\-~至到]\s*(?:19|20)[0-9]{2}年|(?:19|20)[0-9]{2}年(?:[0-9]{1,2}\s*[—–\-~至到]\s*)?(?:[0-9]{1,2}月)?(?:底|末|份)?"
    r"|[0-9]{1,2}\s*[—–\-~至到]\s*[0-9]{1,2}月|[0-9一二三四五六七八九十]+年(?:来|以来|间)|近[两二三四五六七八九十0-9]+年"
    r"|(?:第)?[一二三四1-4]季度|[上下]半年|[两二三四五六七八九十]年(?=均|平均)"
    f"|{alternation(FIXED_WORDS['label_time_words'])}"
)
LIST_FRAME = re.compile(rf"^在?([{HAN}]{{0,12}}?)(?:{alternation(FIXED_WORDS['list_frame_ends'])})$")
LEVEL_COMPOUNDS = tuple(FIXED_WORDS["region_level_compounds"])
LIST_SUMMARY = re.compile("^[两二三四五六七八九十]+(?:大|个|项|类)")
SUBJECT_RE = re.compile(
    rf"([{HAN}]{{2,12}}?(?:{alternation(FIXED_WORDS['subject_endings'])}))"
    rf"(?=[{HAN}“]|$)"
)




@dataclass
class Draft:
    """A token with everything decided about it so far."""

    token: Token
    clause: tuple[int, int]
    sentence: tuple[int, int]
    kind: str  # the aspect
    label: str = ""
    previous: float | None = None  # from-to: the "from" value of the "to" figure
    is_start: bool = False  # from-to: this is the "from" value
    extras: dict = field(default_factory=dict)


# What is left of a label once change words are gone tells whether it names anything.
CONNECTIVES = re.compile(
    rf"{alternation(FIXED_WORDS['label_connectives'])}|"
    r"十[二三四五]五|[“”\"、，,（）()]"
)


def _content(label: str) -> str:
    return CONNECTIVES.sub("", label)


NOTE = re.compile(rf"(?<=[{HAN}])[（(](?![含包不即])[^（）()]{{1,4}}[）)](?=[{HAN}])|(（[^（）]*）?|\([^()]*\)?)")
EMPTY_QUOTE = re.compile(r"[“\"]\s*[”\"]")


def _clean_label(text: str, region_words: tuple[str, ...]) -> str:
    text = TIME_WORDS.sub("", text)
    # (含高新区): a note, not the name; but 社会(公益)体育指导员 keeps a short part of the name
    text = NOTE.sub(lambda m: "" if m.group(1) is not None else m.group(), text)
    text = EMPTY_QUOTE.sub("", text)
    prev = None
    while prev != text:
        prev = text
        for word in region_words:  # 宣汉县域面积: the 县 of 县域 stays (宣汉 goes)
            if word and text.startswith(word) and not text[len(word):].startswith(LEVEL_COMPOUNDS):
                text = text[len(word) :]
        text = LEAD_TRIM.sub("", text)
        text = TAIL_TRIM.sub("", text)
        text = text.strip(" ，,、：:）)")
    return text[-24:]


def _label_clause(paragraph: str, drafts: list[Draft], region_words: tuple[str, ...], pos=None, cues=None) -> None:
    """Labels for the tokens of one clause.

    Number last (新成立小区党组织127个): a token's label is the text before it.
    Number first (建成5个驿站、3个食堂): each token's label is the noun after its unit.
    """
    c_start, c_end = drafts[0].clause
    first = drafts[0].token
    lead = _clean_label(paragraph[c_start : first.start], region_words)
    limits = [d.token.start for d in drafts[1:]] + [c_end]
    afters = [phrases.noun_after_unit(paragraph, d.token, lim, pos) for d, lim in zip(drafts, limits)]
    afters = [a if not LIST_SUMMARY.match(a) else "" for a in afters]  # …、6000亿元两大台阶: the list's, not a name
    # 1174户3501名贫困人口: adjacent numbers share the noun after the last one.
    for i in range(len(afters) - 2, -1, -1):
        if not afters[i] and drafts[i + 1].token.start - drafts[i].token.end <= 1:
            afters[i] = afters[i + 1]
    # 主要指标中有7项指标增速居全市第一: a list the counted things are picked from is no lead
    whole = LIST_FRAME.match(lead)
    lead = "" if whole else lead
    number_first = phrases.names_thing(afters[0]) and len(_content(lead)) <= 4 and first.kind != "rank"
    prev_end = c_start
    for i, d in enumerate(drafts):
        raw = paragraph[prev_end : d.token.start]
        before = _clean_label(raw, region_words)
        # 完成造林、森林蓄积量年增长3.5%: only the last item names the number (but not in
        # 'A、B均达100%', where the value belongs to both, nor in 申报A、B共9个, a count of the list
        # unless the list ends in 等 and the kind of thing its examples are, or names an indicator)
        if len(drafts) == 1 and "、" in before and not re.search("[均都].{0,2}$", raw):
            tail = before.rsplit("、", 1)[1]
            listed = measures.counts_things(d.token) and "等" not in tail and not (cues and cues.indicator_term(before))
            before = tail if han_count(tail) >= 4 and not listed else before
        if raw.rstrip().endswith("等") and han_count(afters[i]) >= 2:
            # 甲、乙等10余家品牌首店: the named examples end in 等, the category comes after the number.
            d.label = afters[i][:20]
        elif (people := measures.people_doing(d.token, afters[i], pos)):
            d.label = people  # 吸引6.2万人参与 -> 参与人数
        elif not whole and (phrase := phrases.described(paragraph, drafts, i, c_end, pos, measures.aspect_verbs(cues))):
            d.label = phrase  # 安排12名干部到基层锻炼 -> 到基层锻炼的干部
        elif number_first and phrases.names_thing(afters[i]):
            # 涉及86栋住宅楼、1920户居民: the items of a list share the verb
            verb = lead if i == 0 or len(drafts) == 1 or raw.rstrip()[-1:] in ("、", "和", "与", "及") else ""
            # 走访了60个农户 -> 走访的农户; 推进36个棚户区改造 -> 棚户区改造; GDP从…: kept
            verb = measures.counted_lead(verb, pos, cues) or ("" if measures.has_verb(verb, pos) else verb)
            # 37个老旧小区人居环境焕然一新: opening its clause, the number counts the subject only
            noun = measures.subject_noun(afters[i], pos) if not _content(lead) and pos is not None else ""
            noun = measures.picked(whole.group(1), afters[i]) if whole else noun
            d.label = (verb + (noun or afters[i]))[:24]
        elif counted := _counted(paragraph, d, raw, limits[i], pos):
            # 沿江片区48个重点帮扶村; 平台自动匹配600种作业方案 -> 平台匹配的作业方案
            d.label = (measures.counted_lead(before, pos, cues) if "、" not in raw else "") + counted
        else:
            d.label = before or (afters[i][:20] if phrases.names_thing(afters[i]) else "")
        prev_end = d.token.end


def _share_verb(sentence: str, drafts: list[Draft], pos) -> None:
    """年减排粉尘1200吨、二氧化硫900吨: later items of a list take the verb of the first."""
    if pos is None or len(drafts) < 2:
        return
    prefix = measures.verb_prefix(drafts[0].label, pos)
    if not prefix:
        return
    for prev, d in zip(drafts, drafts[1:]):
        between = sentence[prev.token.end : d.token.start].strip()
        if not between.startswith("、") or d.label.startswith(prefix) or measures.has_verb(d.label, pos) \
                or han_count(d.label) < 2:
            return
        d.label = prefix + d.label


def _counted(paragraph: str, d: Draft, raw: str, limit: int, pos) -> str:
    """The noun a number counts when one follows its unit: after a unit that counts things, or
    after an amount that a verb governs (发放860万元补贴资金)."""
    if pos is None or d.kind == "rank" or d.token.group >= 0:
        return ""
    noun = measures.noun_after(paragraph[d.token.end : limit], pos)
    if not noun:
        return ""
    if measures.counts_things(d.token):
        return noun
    words = [w for w in pos.cut(raw[-6:]) if w.flag != "ul"] if raw.strip() else []  # 慰问了
    return noun if han_count(noun) >= 2 and words and words[-1].flag == "v" else ""


def _inherit(paragraph: str, drafts: list[Draft]) -> None:
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


RANK_SCOPES = (re.compile(f"({alternation(FIXED_WORDS['rank_scopes'])})$"),
               re.compile(f"((?:{alternation(FIXED_WORDS['rank_scope_verbs'])})?[{HAN}]{{2,4}}[省市])$"))
STREAK = re.compile(r"(?:已|已经)?连续[0-9一二三四五六七八九十两余多]+(?:年|个月|个季度|季度)")
STREAK_HEAD = re.compile(r"(?:已|已经)?连续$")
RANK_VERBS = re.compile(rf"(连续[两三四五六七八九十0-9]+年)?({alternation(FIXED_WORDS['rank_verbs'])})$")
# 位居全国县域旅游百强榜首, 进入某榜单前50位: the verb parts what is ranked from the list it is ranked in
RANK_VERB_MID = re.compile(alternation(FIXED_WORDS["rank_verbs_mid"]))
ENTERS = ("进入", "跻身", "入围")


def _ranked_in(what: str, region_words: tuple[str, ...]) -> tuple[str, str]:
    """(measure, list): 政务服务满意度位列全省山区县 -> (政务服务满意度, 全省山区县); 位居县域旅游百强 ->
    (县域旅游百强排名, 县域旅游百强): a rank with nothing before its verb, or entering a list, is the list's ranking."""
    found = list(RANK_VERB_MID.finditer(what))
    if not found:
        return what, ""
    m = found[-1]
    subject, listed = what[: m.start()], re.sub("榜$", "", what[m.end() :])
    if han_count(listed) < 2:
        return subject, ""
    if m.group() in ENTERS or not _content(_clean_label(re.sub("[均都]$", "", subject), region_words)):
        return listed + "排名", listed
    return subject, listed


def _rank_labels(paragraph: str, drafts: list[Draft], region_words: tuple[str, ...]) -> None:
    """'增速居全省第四' -> 增速排名（全省）; with nothing before it, the metric of the sentence."""
    for i, d in enumerate(drafts):
        if d.kind != "rank":
            continue
        text = STREAK.sub("", paragraph[d.clause[0] : d.token.start])  # a rank token starts at 第
        text = re.sub("(?:榜)?前$", "", text)  # 前五位
        text = re.sub("(?:排名|排在|排)$", "", text)  # 在全省排名第七: the level before the verb
        scope_m = RANK_SCOPES[0].search(text) or RANK_SCOPES[1].search(text)
        scope = re.sub(f"^.*?({alternation(FIXED_WORDS['rank_scope_verbs'])})", "", scope_m.group(1)) if scope_m else ""
        what = RANK_VERBS.sub("", text[: scope_m.start()] if scope_m else text)
        what = re.sub(r"^.*?(获评|获|在)", "", what) if len(what) > 12 else re.sub("在$", "", what)
        what, listed = _ranked_in(what, region_words)
        scope = scope or listed
        if not _content(what):
            what = prev_label(drafts, i)
        what, ranked = measures.ranked_list(what)
        what = _clean_label(what, region_words)
        d.label = what if _content(what) else (prev_label(drafts, i) if ranked else what)
        if scope or ranked:
            d.extras["base"] = scope or ranked


def prev_label(drafts: list[Draft], i: int) -> str:
    """The label of the nearest figure before drafts[i] in its sentence that is no rank or streak."""
    prev = next((p for p in reversed(drafts[:i]) if p.sentence == drafts[i].sentence and p.kind != "rank"
                 and not p.extras.get("streak")), None)
    return prev.label if prev else ""


def _streaks(sentence: str, drafts: list[Draft], region_words: tuple[str, ...], pos=None) -> None:
    """连续9个月保持同比正增长: the count of a streak names the state that held. In a run
    (甲市连续2年、乙县连续3年获评…) every item shares what follows the last one; the places are scopes."""
    for i, d in enumerate(drafts):
        if not d.extras.get("streak"):
            continue
        prev = drafts[i - 1] if i and drafts[i - 1].clause == d.clause else None
        start = prev.token.end if prev is not None else d.clause[0]
        subject = STREAK_HEAD.sub("", _clean_label(sentence[start : d.token.start], region_words))
        if measures.is_place(subject, pos):
            subject = ""
        elif not _content(subject):
            subject = prev_label(drafts, i)
        last = d
        for e in drafts[i + 1 :]:
            if e.clause != d.clause or not e.extras.get("streak") or sentence[last.token.end : last.token.end + 1] != "、":
                break
            last = e
        d.extras["measure"] = measures.streak(sentence, last.token.end, d.token.base, d.clause[1], subject)


def _ratio_labels(drafts: list[Draft]) -> None:
    groups: dict[int, list[Draft]] = {}
    for d in drafts:
        if d.token.group >= 0:
            groups.setdefault(d.token.group, []).append(d)
    for members in groups.values():
        base = members[0].label
        if len(members) == 3 and "产业" in base:
            names = ("第一产业增加值", "第二产业增加值", "第三产业增加值")  # 三次产业结构 a:b:c, in this order
        else:
            names = tuple(str(i + 1) for i in range(len(members)))
        for d, name in zip(members, names):
            d.label = name if name.endswith("增加值") else f"{base}（{name}）"


def _groups(paragraph: str, drafts: list[Draft]) -> list[list[Draft]]:
    """Consecutive tokens of a clause joined by 、/和/与 (an enumeration)."""
    groups: list[list[Draft]] = []
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


def _enumerations(paragraph: str, drafts: list[Draft]) -> None:
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
        # 分别比全省快A和B个百分点: a comparison names no measure of its own
        if any(_content(measures.REFERENCE_TAIL.sub("", d.label)) for d in group):
            continue
        for prev in reversed(groups[:g]):
            if len(prev) == len(group) and prev[0].sentence == group[0].sentence:
                of_rate = prev[0].kind in ("growth", "growth_avg") and group[0].kind in ("change", "rank")
                suffix = "增速" if of_rate else "增加" if group[0].kind == "change" else ""
                for d, p in zip(group, prev):
                    d.label = p.label + suffix
                break


ENUM_TAIL = re.compile(rf"(?:分别|均|都)?(?:同比|比上年|较上年)?(?:{alternation(FIXED_WORDS['enumeration_tail_verbs'])})?$")


def _split_shared(label: str, n: int) -> list[str] | None:
    """"城镇居民、农村居民人均可支配收入" with 2 values -> the two full names."""
    if n == 2 and "城乡居民" in label:  # 城乡居民收入分别达A和B: urban first, then rural
        return [label.replace("城乡居民", "城镇居民"), label.replace("城乡居民", "农村居民")]
    # 固定资产投资、一般公共预算收入分别增长A和B: one named item per value; 水稻、油菜机械化率:
    # short heads of one length share what follows the last head.
    items = [p for p in re.split(r"[、和]|(?<!参)与|(?<![涉以])及", ENUM_TAIL.sub("", label)) if p]
    if len(items) == n and all(han_count(p) >= 2 for p in items):
        size = len(items[0])
        if all(len(p) == size for p in items[:-1]) and len(items[-1]) > size + 1 and size <= 4:
            shared = items[-1][size:]
            return [p + shared for p in items[:-1]] + [items[-1]]
        return items
    m = re.fullmatch(f"(.+?)((?:、[^、]+?)+)(人均[{HAN}]+|[{HAN}]{{2,}}?(?:{alternation(FIXED_WORDS['measure_heads'])}))",
                     label)
    if not m:
        return None
    heads = [m[1]] + [h for h in m[2].split("、") if h]
    if len(heads) != n:
        return None
    return [h + m[3] for h in heads]


def both(paragraph: str, draft: Draft) -> list[str]:
    """'卫生厕所普及率、生活垃圾有效治理率均达100%': one value, one figure per metric."""
    if not re.search(r"均|都", paragraph[draft.clause[0] : draft.token.start][-4:]):
        return [draft.label]
    label = re.sub(r"(均|都)$", "", draft.label)
    parts = [p for p in label.split("、") if p]
    return parts if len(parts) > 1 else [draft.label]


def region_words(region: Region) -> tuple[str, ...]:
    """The region's names as a label may open with them: 蒸湘区, 蒸湘, 衡阳市, 湖南省."""
    name = region.name
    words = [name, region.city, region.province]
    stem, suffix = split_region_suffix(name, min_stem=2)
    if suffix:
        words.append(stem)
    if len(name) >= 5 and name[-3:-1] == "自治":  # 龙胜各族自治县 is written 龙胜县, 龙胜
        words += [name[:2], name[:2] + name[-1]]
    return tuple(sorted((w for w in words if w), key=len, reverse=True))


def label_sentence(sentence: str, drafts: list[Draft], own: tuple[str, ...], pos=None, cues=None) -> None:
    """Set the label of every draft of one sentence (`pos`: jieba's tagger; `cues`: the cue words)."""
    by_clause: dict[tuple[int, int], list[Draft]] = {}
    for d in drafts:
        d.extras["streak"] = measures.is_streak_token(sentence, d.token)
        by_clause.setdefault(d.clause, []).append(d)
    for members in by_clause.values():
        _label_clause(sentence, members, own, pos, cues)
        _share_verb(sentence, members, pos)
    _enumerations(sentence, drafts)
    _inherit(sentence, drafts)
    _rank_labels(sentence, drafts, own)
    _ratio_labels(drafts)
    _streaks(sentence, drafts, own, pos)
    _ranks_of_counted(sentence, drafts)
    phrases.complete(sentence, drafts, pos)
    itemlists.respective(sentence, drafts, own, pos)


def _ranks_of_counted(sentence: str, drafts: list[Draft]) -> None:
    """7项指标增速居全市第一: the rank is of the counted things, not of the region: no figure."""
    for prev, d in zip(drafts, drafts[1:]):
        between = sentence[prev.token.end : d.token.start]
        if d.kind == "rank" and prev.clause == d.clause and measures.counts_things(prev.token) \
                and prev.kind != "rank" and not re.search("[、，,；;]", between):
            d.extras["drop"] = True
