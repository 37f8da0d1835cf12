"""Aspect, modality, scope and base of a number, from the cue words of its clause (data/frames.yml)."""

from __future__ import annotations

import re

from generator.lexicon.text import HAN
from generator.records import Aspect, Modality
from .cues import Cues
from .tokens import CLAUSE_END, Token

PERCENT_BASES = ("%",)
STREAK_BASES = ("年", "月", "季度", "连冠")
MONEY_BASES = ("元", "美元", "欧元")
RATE_BASES = ("%", "比例", "倍", "百分点", "位次", *STREAK_BASES)
ONE_TO = re.compile(r"[:：]1(?![0-9.:：])")  # the “:1” closing a ratio of two
CJK_RUN = re.compile(f"[{HAN}“”]+")
MAX_HEAD = 16  # a unit's name opening a clause is at most this long
MAX_EVENT = 30  # a clause framing an event (在某某大会上) is at most this long


def _ends(text: str, cues: Cues, name: str, within: int) -> str:
    """The cue word of list `name` found in the last `within` characters of text (nearest wins)."""
    return cues.last(name, text[-within:])


def aspect(token: Token, before: str, clause_before: str, after: str, cues: Cues, from_to: bool) -> Aspect:
    """The aspect of a token: `before` is its clause's text since the previous number,
    `clause_before` the whole clause before it, `after` the clause after it."""
    if token.kind == "rank":
        return Aspect.RANK
    if token.base == "倍":
        return Aspect.MULTIPLE
    if token.base in ("百分点", "位次"):
        return Aspect.CHANGE
    if token.base in STREAK_BASES:
        return Aspect.LEVEL  # 连续14年, 七个季度, 十二连冠: a streak is its own level
    if token.base == "比例" and ONE_TO.match(after):
        return Aspect.LEVEL  # 收入比为1.61:1: a ratio of two amounts, not a part of a whole
    if token.base in PERCENT_BASES or token.base == "比例":
        if after[:1] and after[:1] in cues.get("aspect.speed_after"):
            return Aspect.GROWTH  # 比全省的6.1%快1.4个百分点: only a rate of growth is faster
        if _ends(before, cues, "aspect.growth_avg", 8):
            return Aspect.GROWTH_AVG
        year_growth = _ends(before, cues, "aspect.growth_avg_year", 6)
        if year_growth:
            at = before.rfind(year_growth)
            if at > 0 and before[at - 1] not in cues.get("aspect.not_before_year"):
                return Aspect.GROWTH_AVG
        if _ends(clause_before, cues, "aspect.growth_noun", 12):
            return Aspect.GROWTH
        if from_to or _ends(before, cues, "aspect.share_to", 3):
            return Aspect.SHARE
        if _ends(before, cues, "aspect.growth", 6):
            return Aspect.GROWTH
        # 减少企业跑动次数50%: a verb of change over a plain noun (no 率, 占比) changes it by that much
        if _ends(before, cues, "aspect.growth", 14) and not _ends(before, cues, "aspect.share", 14):
            return Aspect.GROWTH
        return Aspect.SHARE
    if from_to:
        return Aspect.LEVEL
    near = before[-8:]
    if token.qualifier and near.endswith(token.qualifier):
        near = near[:-len(token.qualifier)]  # 提高约30公斤: the hedge stands between the verb and the number
    has_reference = bool(_ends(clause_before, cues, "aspect.reference", 16))
    change = _ends(near, cues, "aspect.change", 4)
    if change and (has_reference or near.endswith(change)) or _ends(clause_before, cues, "aspect.cut", 16):
        return Aspect.CHANGE
    if token.base in MONEY_BASES:
        return Aspect.INCREMENT if _ends(clause_before, cues, "aspect.money_increment", 14) else Aspect.LEVEL
    level = _ends(clause_before, cues, "aspect.level", 40)
    increment = _ends(clause_before, cues, "aspect.increment", 40)
    # 已建成 is a stock although it ends in 建成: compare where the cue words end
    if increment and (not level or clause_before.rfind(increment) + len(increment) > clause_before.rfind(level) + len(level)):
        # 完成粮食播面, 业务量累计完成: the total of a flow over the period, not things done
        total = increment in cues.get("aspect.total_verbs") and _ends(clause_before, cues, "aspect.total_nouns", 40)
        return Aspect.LEVEL if total else Aspect.INCREMENT
    # 153个老旧小区改造焕新, 28家餐馆入选: the verb after the number
    if not level and _ends(after[:12], cues, "aspect.increment_after", 12):
        return Aspect.INCREMENT
    return Aspect.LEVEL


def bare_item(between: str, before: str, after: str, cues: Cues) -> bool:
    """A clause naming only a thing and its count (…，“晨星工厂”330家; …，投资总额80亿元), joined by
    `between` right after the clause before it: it shares that clause's verb. `before`/`after`: its text
    around the number; a cue word of its own (a verb, a comparison; 200家商家推出活动) breaks the list."""
    if between not in cues.get("aspect.list_joins"):
        return False
    verbs = ["aspect." + name for name in cues.get("aspect.list_item_breaks")]
    return not any(cues.last(name, before) or cues.last(name, after[:12]) for name in verbs)


def part_of(clause_before: str, after: str, cues: Cues) -> bool:
    """签约项目256个，其中2亿元以上项目82个: a verbless clause opening with 其中 counts a part of a
    figure before it, read the same way."""
    head = clause_before.lstrip(" ，,")
    word = next((w for w in cues.get("aspect.part_of") if head.startswith(w)), None)
    own_after = re.split(r"[、0-9]", after, maxsplit=1)[0]  # its own words, not the next item's (、同比增长)
    return word is not None and bare_item("，", head[len(word):], own_after, cues)


def continues_list(prev_base: str, base: str, cues: Cues) -> bool:
    """新增园区6个、工厂17家，“晨星工厂”330家: a bare item in the same kind of unit as the count before
    it is another thing added. Money is never one (新建项目5个，总投资8亿元)."""
    counts = cues.get("scope.count_units")
    return base not in RATE_BASES + MONEY_BASES and (base == prev_base or base in counts and prev_base in counts)


def flow(clause_before: str, cues: Cues) -> bool:
    """累计完成投资, 迈上…台阶: a total over a span, not a stock at its end."""
    return bool(_ends(clause_before, cues, "aspect.flow", 40))


def decrease(before: str, cues: Cues, clause_before: str = "") -> bool:
    """下降3%, 减少12家, 取消专项56个: the normalised value is negative."""
    return bool(_ends(before, cues, "aspect.decrease", 5) or _ends(clause_before, cues, "aspect.cut", 16))


def modality(sentence_before: str, cues: Cues, after: str = "") -> Modality:
    """target / estimate from the words of the sentence before the number (or a note right
    after it: 252.5亿元(预计数))."""
    if _ends(sentence_before, cues, "modality.estimate", 60) or _ends(after[:6], cues, "modality.estimate", 6):
        return Modality.ESTIMATE
    if _ends(sentence_before, cues, "modality.target", 150) or _ends(sentence_before, cues, "modality.target_future", 60):
        return Modality.TARGET
    return Modality.ACTUAL


def per_unit(clause_before: str, token: Token, after: str, cues: Cues) -> str | None:
    """The denominator of a per-unit or threshold figure (每个网格, 超15万元的村), else None."""
    unit = _ends(clause_before, cues, "scope.per_unit", 10)
    if unit and unit != "人均":
        return unit
    if after.startswith("的") and (token.qualifier or _ends(clause_before, cues, "scope.threshold_before", 3)):
        m = CJK_RUN.match(after[1:])
        return "门槛：" + (m.group()[:8] if m else "")
    return None


def scope(clause: str, own: tuple[str, ...], level_word: str, cues: Cues, pos) -> str | None:
    """The part of the region the figure covers, from its clause's text before the number:
    another level (全省新增…), or a named unit (土桥村, 某某有限公司) found by part of speech.

    `own` are the region's names; `level_word` its whole-region word (全县 for a county);
    `pos` jieba's POSTokenizer (None: named units are not looked for)."""
    head, levels, whole = clause.lstrip("其中，,另外此外同时")[:4], cues.get("scope.other_levels"), cues.get("scope.whole")
    for word in levels if head.startswith(levels) else ():  # (most clauses open with neither: one test each)
        if head.startswith(word) and not any(w in clause for w in cues.get("scope.other_level_not")):
            return word
    for word in whole if head.startswith(whole) else ():
        if head.startswith(word):
            return None if word == level_word or not word.startswith("全") or word == "全省" else word
    found = clause_subject(clause, own, cues, pos) or _listed_units(clause, cues)
    return found or named_in(clause, own, cues, pos)


def _listed_units(clause: str, cues: Cues) -> str | None:
    """甲、乙两大景区分别接待…: figures assigned one by one (分别) to units a list names are the units'."""
    at = min((i for i in (clause.find(w) for w in cues.get("scope.respectively")) if i > 0), default=-1)
    items = clause[:at].rstrip("均都也") if at > 0 else ""
    if not items.endswith(cues.get("scope.head_suffixes")) or items.startswith(cues.get("scope.whole")):
        return None
    return items.lstrip(" ，,其中")[-MAX_HEAD:]


def named_in(clause: str, own: tuple[str, ...], cues: Cues, pos) -> str | None:
    """A named unit anywhere in the clause: a word ending in a unit suffix with a proper name before it."""
    suffixes, named = cues.get("scope.suffixes"), cues.patterns.get("scope.suffixes")
    if pos is None or named is None or not named.search(clause):  # (no suffix in the clause)
        return None
    tags = cues.get("scope.name_tags")
    words = [(w.word, w.flag) for w in pos.cut(clause)]
    for i, (word, flag) in enumerate(words):
        if not word.endswith(suffixes) or word in cues.get("scope.generic"):
            continue  # 乡村, 农村: common nouns, not a named village
        # 大寨村 tagged as a place name by itself counts as named
        name = [word]
        proper = flag in tags and not any(word == s for s in suffixes) and word not in own
        for w, flag in reversed(words[max(0, i - 4):i]):
            if flag in ("v", "p", "x", "c", "uj", "d", "r", "m") and not w.startswith("第"):
                break
            name.insert(0, w)
            proper = proper or (flag in tags and w not in own and not any(o.startswith(w) for o in own))
        after = clause[sum(len(w) for w, _ in words[:i + 1]):]
        if "等" in after:
            continue  # 甲公司、乙集团等13家企业: named examples of what is counted
        if proper and len(name) > 1:
            return "".join(name)[-16:]
        if _single_name(word, flag, suffixes, own, cues):
            return word  # 大寨村 tagged as a place name by itself
    return None


def head_unit(clause: str, own: tuple[str, ...], cues: Cues, pos) -> str | None:
    """The named unit a clause opens with as its subject (某镇某村集体经济年收入达, 区某某医院新增,
    在某某街区试点推出): jieba's words from the clause head to the first word ending in a unit
    suffix, chained to a next one close after it (某镇某村). Named: a proper-name tag before the
    suffix, or a run of single characters jieba could not join (a name it does not know).
    Not a unit: a generic word (农村, 乡村), a verb of doing or a particle before the suffix."""
    text = clause.lstrip(" ，,")
    for lead in cues.get("scope.head_lead"):
        if text.startswith(lead):
            text = text[len(lead):]
            break
    suffixes, generic = cues.get("scope.head_suffixes"), cues.get("scope.generic")
    words = _suffix_joined([(w.word, w.flag) for w in pos.cut(text[:MAX_HEAD])], suffixes)
    at = next((i for i, (w, _) in enumerate(words) if w.endswith(suffixes) and w not in generic), None)
    if at is None or at > 6:
        return _short_name(words, own, cues)
    chained = next((j for j in range(at + 1, min(at + 3, len(words)))
                    if words[j][0].endswith(suffixes) and words[j][0] not in generic), None)
    end = chained if chained is not None else at
    stem = words[:at] + ([] if words[at][0] in suffixes else [words[at]])
    doing = [cues.patterns.get("aspect.increment"), cues.patterns.get("measure_lead")]
    breaks = cues.get("scope.name_breaks")
    # an ordinal is part of a name (某市第四污水处理厂); other numbers, particles and verbs of doing are not
    if any(f in breaks and not w.startswith("第") or any(p is not None and p.fullmatch(w) for p in doing)
           for w, f in words[:end + 1]):
        return None
    tags = cues.get("scope.name_tags") + ("j", "nr")
    named = any(f in tags and w not in own and not any(o.startswith(w) for o in own) for w, f in stem)
    singles = any(len(a[0]) == 1 and len(b[0]) == 1 for a, b in zip(words[:end + 1], words[1:end + 1]))
    # 县人民医院, 郴州市第四污水处理厂: the region's own body, named by its name or level character
    named = named or (words[0][0] in own and at > 1 and all(f[:1] in "nmz" for _, f in words[1:at]))
    named = named or bool(own and words[0][0] == own[0][-1:] and len(words) > 1 and at > 0 or
                          own and words[at][0].startswith(own[0][-1:]) and len(words[at][0]) > 3)
    name = "".join(w for w, _ in words[:end + 1])
    if not (named or singles) or name in own or any(name.startswith(g) for g in generic if len(g) == 1):
        return None
    return name


def _suffix_joined(words: list[tuple[str, str]], suffixes: tuple[str, ...]) -> list[tuple[str, str]]:
    """商业街|区 -> 商业街区: a one-character word that completes a unit suffix with the word before it."""
    out: list[tuple[str, str]] = []
    for w, f in words:
        if out and len(w) == 1 and not out[-1][0].endswith(suffixes) and (out[-1][0] + w).endswith(suffixes):
            out[-1] = (out[-1][0] + w, out[-1][1])
        else:
            out.append((w, f))
    return out


def _short_name(words: list[tuple[str, str]], own: tuple[str, ...], cues: Cues) -> str | None:
    """湘钢建成…, 某某集团实施…: an abbreviation or organisation name (jieba j/nt) as the subject
    right before a verb is a company or body, not the region (unless it is the region's name or
    names an indicator: 规上工业增加值增长)."""
    if len(words) < 2 or words[0][1] not in cues.get("scope.short_name_tags") or len(words[0][0]) < 2:
        return None
    word, verb = words[0][0], words[1]
    if not verb[1].startswith("v") or len(verb[0]) < 2 or word.endswith(cues.get("scope.region_bodies")) or \
            any(word.startswith(g) or word.endswith(g) for g in cues.get("scope.generic") if len(g) > 1):
        return None
    if any(o.startswith(word) or word.startswith(o) for o in own) or cues.indicator_term(word) or \
            all(c in cues.get("measure_empty_chars") for c in word):
        return None  # 同比增长: a comparison word, not a name
    return word


def clause_subject(clause: str, own: tuple[str, ...], cues: Cues, pos) -> str | None:
    """What a clause opens with as its subject when that is not the whole region: its own level
    (市本级), an event (本次大会), another region (青田县连续3年) or a named unit."""
    found = _own_part(clause, own, cues) or _this_event(clause, cues) or _event_frame(clause, cues)
    if found or pos is None:
        return found
    return _other_region(clause, own, cues, pos) or head_unit(clause, own, cues, pos)


def _this_event(clause: str, cues: Cues) -> str | None:
    """本次大会应到代表302人, 此次考核评定61家: the figure counts the event, not the region;
    此次交付的钢管直径, 这批投资: one batch or delivery (此次交付, 这批)."""
    head = clause.lstrip(" ，,其中")
    this = next((w for w in cues.get("scope.this") if head.startswith(w)), None)
    if this is None:
        return None
    m = cues.patterns["scope.events"].search(head, len(this), len(this) + 6)
    if m:
        return head[:m.end()]
    if this not in cues.get("scope.this_batch"):
        return None
    of = head.find("的", 0, MAX_HEAD)  # 此次交付(的钢管), 这批(投资…): the event only; its noun stays in the measure
    name = CJK_RUN.match(head, 0, of) if of > 0 else None
    return name.group() if name else this


def this_event(sentence: str, cues: Cues) -> str | None:
    """本次大会…: the event a sentence opens with (not a batch: 此次交付的钢管), else None."""
    return found if (found := _this_event(sentence, cues)) and cues.patterns["scope.events"].search(found) else None


def _event_frame(clause: str, cues: Cues) -> str | None:
    """在某某博览会上, 某某推介活动中: a clause that is only an event frames the figures after it."""
    head = clause.strip(" ，,")
    head = head[1:] if head.startswith("在") else head
    if len(head) > MAX_EVENT or not head.endswith(cues.get("scope.event_frames")):  # (the whole list at once)
        return None
    frame = next(w for w in cues.get("scope.event_frames") if head.endswith(w))
    name = head[:-len(frame)]
    return name if name.endswith(cues.get("scope.events")) and len(name) > 2 else None


def opening_event(sentence: str, cues: Cues) -> str | None:
    """6月，某某博览会上，…: the event a clause of the sentence frames alone, else None."""
    clauses = CLAUSE_END.split(sentence) if cues.patterns["scope.events"].search(sentence) else ()  # (most name none)
    return next((e for clause in clauses if (e := _event_frame(clause, cues))), None)


def _other_region(clause: str, own: tuple[str, ...], cues: Cues, pos) -> str | None:
    """青田县连续3年 in a 丽水市 article: a clause whose subject is another named region is its figure."""
    words = [(w.word, w.flag) for w in pos.cut(clause.lstrip(" ，,、其中")[:MAX_HEAD])]
    if len(words) > 1 and words[0][1] == "ns" and words[1][0] in cues.get("scope.region_suffixes"):
        words[:2] = [(words[0][0] + words[1][0], "ns")]  # 石岭/ns 县: a name jieba does not know whole
    if not words or words[0][1] != "ns" or not words[0][0].endswith(cues.get("scope.region_suffixes")):
        return None
    name = words[0][0]
    if name in own or len(name) < 3 or (len(words) > 1 and any(words[1][0].startswith(o) for o in own)):
        return None  # 湖南省长沙县…: the region's own address
    return name


def _own_part(clause: str, own: tuple[str, ...], cues: Cues) -> str | None:
    """郴州市本级办理…: the region's own budget level is a part of it."""
    head = clause.lstrip(" ，,其中")
    for o in own:
        for part in cues.get("scope.own_parts"):
            if head.startswith(o + part) or head.startswith(o[-1:] + part):
                return o[-1:] + part
    return None


def _single_name(word: str, flag: str, suffixes: tuple[str, ...], own: tuple[str, ...], cues: Cues) -> bool:
    """A one-token proper name of a unit (大寨村/ns): tagged as a name, longer than two characters
    (城镇, 新村 are common nouns), not the region itself and not a generic word (示范村)."""
    if flag not in cues.get("scope.name_tags") or len(word) < 3 or word in own or word in suffixes:
        return False
    suffix = next((s for s in suffixes if word.endswith(s)), "")
    stem = word[:len(word) - len(suffix)]
    return not (stem.startswith(cues.get("scope.generic")) or stem.endswith(cues.get("scope.generic")))


def reference_scope(clause_before: str, after: str, level_word: str, cues: Cues) -> str | None:
    """比全省的6.1%快1.4个百分点: a number standing right after a comparison with another level,
    the comparative after it, is that level's figure (scope 全省), not the region's
    (高于全国平均水平1.2个百分点 is the region's own gap)."""
    if not _ends(after.lstrip("）)")[:1], cues, "scope.comparative_after", 1):
        return None
    text = clause_before.rstrip("（(：:的平均水值增速长幅")
    levels = [w for w in cues.get("scope.other_levels") + cues.get("scope.whole") if w.startswith("全") or w.endswith("内")]
    word = next((w for w in levels if text.endswith(w)), None)
    if word is None or word == level_word:
        return None
    return word if _ends(text[:len(text) - len(word)], cues, "aspect.reference", 3) else None


def counted_subject(clause_head: str, count_phrase: str, between: str, own: tuple[str, ...],
                    level_word: str, cues: Cues, pos) -> str | None:
    """6个教学点已接待游客60万人次: a figure whose subject is a count of units (the count heading
    its clause) covers those units, not the region. `clause_head`: the clause before the count;
    `count_phrase`: the count as written; `between`: from the count to the figure."""
    head = clause_head.strip(" ，,")
    for word in (*own, level_word, *cues.get("scope.whole")):
        head = head.replace(word, "") if word else head
    if pos is None or head.strip("其中共有，,") or any(j in between for j in cues.get("scope.count_list_joins")):
        return None
    noun = ""
    for w in pos.cut(between):
        if (w.flag[:1] in ("v", "d", "p", "c", "m") and w.flag != "vn") or w.flag in ("uj", "x"):  # 旅游/vn is a noun
            break
        noun += w.word
    return count_phrase + noun if noun and len(noun) < len(between) else None


def estimate_onward(sentence: str, cues: Cues) -> bool:
    """252.5亿元(预计数，下同): an estimate note that says it holds for what follows."""
    return any(w in sentence for w in cues.get("modality.estimate")) and \
        any(w in sentence for w in cues.get("modality.onward"))


def sentence_unit(sentence: str, times: list[tuple[int, int]], before: int, own: tuple[str, ...],
                  level_word: str, cues: Cues, pos, memo: dict[tuple[str, bool], str | None]) -> str | None:
    """The unit the sentence's earlier clauses are about (某村…，年收入达110万元; 某厂新建…，使其处理能力…):
    the latest clause before `before` opening with a named unit, unless a later one turns back to
    the region (全县…, the region's name). Clauses that are only a time (`times`: spans) are skipped."""
    unit, start, first, higher = None, 0, True, cues.get("scope.other_levels")
    for m in CLAUSE_END.finditer(sentence, 0, before):
        text, at = sentence[start:m.start()], start
        start = m.end()
        if any(t0 <= at and m.start() <= t1 + 1 for t0, t1 in times):
            continue
        # the first clause read whole, later ones only by a unit at their head; each once per sentence (memo)
        if (text, first) not in memo:
            memo[text, first] = scope(text, own, level_word, cues, pos) if first else clause_subject(text, own, cues, pos)
        found, first = memo[text, first], False
        if found and found not in higher:
            unit = found
        elif text.lstrip().startswith((*own, level_word)):
            unit = None
    return unit

