"""Counted noun phrases: what a count counts, written as a noun phrase (shared FRAMES.md).

A count before its noun (安排12名年轻干部到基层跟班锻炼) counts the noun as the predicate after
it describes it: the measure is that predicate turned into a relative clause, "V的N"
(到基层跟班锻炼的年轻干部), without the verb that only brings the count in (安排, 实现) and
without the other numbers of the clause (在12个县设置30个服务点 -> 设置服务点的县). A predicate
that only tells what became of the things (焕然一新, 被改建为…, 拔地而起) names nothing:
the noun alone is the measure. Works on the words after one number's unit (jieba tags).

complete() then turns labels the words around a number make into another measure: a percentage
before an outcome (100%合格 -> 合格率) or after 完成 (项目完成进度), seats of a list (X占N席), a
figure in a bracketed note (it restates the one before), list items sharing a head noun.
"""

from __future__ import annotations

import re

from generator.lexicon.text import HAN, alternation, han_count
from .cues import FIXED_WORDS
from .measures import NOUN_VERBS, QUOTED, counts_things, noun_after, without_manner, without_state

VERB_TAGS = ("v", "vd", "vi", "vg", "vq")
STATE_TAGS = ("i", "l")  # an idiom after the noun says how things turned out (焕然一新)
PARTICLES = tuple(FIXED_WORDS["predicate_skip_tags"])  # 了, 着, 过, adverbs: no part of the clause
OUTCOMES = tuple(FIXED_WORDS["predicate_outcomes"])
ADVERBS = frozenset(FIXED_WORDS["predicate_adverbs"])
ENDS = tuple(FIXED_WORDS["noun_after_ends"])
JOINS = ("、", "和", "与", "及", "同")
RATE_OUTCOMES = tuple(FIXED_WORDS["rate_outcomes_after"])
SEAT_UNITS = frozenset(FIXED_WORDS["seat_units"])
SEAT_MEASURE = FIXED_WORDS["seat_measure"][0]
LIST_OPENING = re.compile(f"^(?:[^，,。；;]*?[，,])?([{HAN}“”]{{2,12}}?)中[，,]")
COMPLETION = re.compile(f"(?:{alternation(FIXED_WORDS['completion_verbs'])})([{HAN}]{{0,4}})$")
PROGRESS_HEADS = tuple(FIXED_WORDS["progress_heads"])
GRADES = tuple(FIXED_WORDS["grade_suffixes"])
OWNER_ENDS = tuple(FIXED_WORDS["subject_endings"] + FIXED_WORDS["company_endings"])  # 某村, 某企业: a unit that owns
ATTRIBUTE_ENDS = tuple(FIXED_WORDS["measure_heads"] + FIXED_WORDS["company_attributes"]  # …what these name (收入, 产值)
                       + FIXED_WORDS["collective_measures"])
AMOUNT = re.compile("[0-9百千万亿]")
BECOMING = tuple(FIXED_WORDS["becoming_verbs"])
COLLECTIVES = tuple(FIXED_WORDS["collective_owners"])  # 村集体: what a village's income is the income of
PEOPLE = frozenset(("人", "户"))  # base units of counted people
PLACE_ENDS = tuple("市县区城镇乡村")
MAX_CLAUSE = 16  # han characters of a predicate that can describe what is counted
MIN_NOUN = 2


NOUN_AFTER_CUT = re.compile(rf"(?![^（(]*[）)])[，,。；;、]|[（(](?={alternation(FIXED_WORDS['bracket_note_starts'])})|"
                            rf"{alternation(FIXED_WORDS['noun_after_ends'])}")


def noun_after_unit(paragraph: str, token, limit: int, pos=None) -> str:
    """The words right after a number's unit, up to the next separator: 建成3个[驿站]."""
    after = paragraph[token.end : limit]
    # a separator outside brackets, a bracketed note (（预计…）), or a word ending the noun
    cut = NOUN_AFTER_CUT.split(after)[0]
    if han_count(cut) == 1 and pos is not None:  # 公|共收益: an end word inside a noun (jieba's words decide)
        cut = noun_after(after, pos) or cut
    if cut.startswith("的") and cut.endswith(PLACE_ENDS):
        return ""  # 面积649平方公里的县城: the amount describes the place, it does not count it
    # 10个部门的[300项…]: a noun ending in 的 qualifies the next number, it is not a label of its own.
    return re.sub(r"(?:[的和]|(?<!参)与|(?<![涉以])及)$", "", cut.strip())


def rest_of_clause(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """text[start:end] without the other numbers of the clause (`spans`: their offsets)."""
    out, at = [], start
    for s, e in sorted(spans):
        if e <= start or s >= end:
            continue
        out.append(text[at:max(at, s)])
        at = max(at, e)
    out.append(text[at:end])
    return "".join(out)


def _noun(text: str, pos) -> str:
    """The noun phrase `text` opens with: nouns and their modifiers up to the first verb that follows
    a noun (农户|参与油菜种植) or an adverb that opens a predicate (核心业务系统|全面上线)."""
    words = list(pos.cut(text[:24]))
    out: list[str] = []
    inside = False  # 县(市、区), 人力资源（零工）市场: a bracketed part belongs to the noun
    for i, w in enumerate(words):
        nxt = words[i + 1].flag if i + 1 < len(words) else ""
        if out and (inside or w.word in "(（"):
            inside = w.word not in ")）"
            out.append(w.word)
            continue
        noun = w.flag[:1] == "n" or w.flag in ("j", "b", "an", "zg") or (w.flag == "a" and (nxt[:1] == "n" or nxt == "zg")) \
            or (bool(out) and w.word in NOUN_VERBS and (nxt[:1] != "n" or words[i + 1].word in ENDS))  # 社会|组织
        if w.flag.startswith("v") and w.flag != "vn" and not out and nxt[:1] == "n" and len(w.word) == 2:
            noun = True  # 加装电梯: a verb opening a compound noun
        if w.flag.startswith("v") and out and (nxt[:1] == "n" or nxt == "zg") and len(words[i + 1].word) == 1:
            noun = True  # 重点帮扶村: a verb before a one-character head noun
        if not noun or w.word in ENDS or w.word in ADVERBS:
            break
        out.append(w.word)
    phrase = "".join(out)
    return phrase if names_thing(phrase) else ""


def names_thing(noun: str) -> bool:
    """Whether the words after a count name what it counts: two characters or more, or a place
    alone (5个村, 2个村突破…)."""
    return han_count(noun) >= MIN_NOUN or noun in PLACE_ENDS


def _balanced(text: str) -> str:
    """“拔地而起” -> 拔地而起, 设置赛事“第二现场” kept: quotes around the whole text or left unpaired go."""
    if re.fullmatch("“[^“”]*”", text):
        return text[1:-1]
    if text.count("“") != text.count("”"):
        text = text.lstrip("“").rstrip("“")
    return text


def _became(rest: str, pos) -> str:
    """“变身”示范村、美丽屋场 -> 示范村、美丽屋场: things counted as they became a kind of thing are counted
    as that kind (the list of kinds, FRAMES); '' when no verb of becoming opens the predicate or what
    follows it is no list of nouns."""
    plain = re.sub("[“”\"]", "", rest)
    verb = next((v for v in BECOMING if plain.startswith(v)), "")
    kinds = plain[len(verb):]
    if not verb or han_count(kinds) < MIN_NOUN or any(w.flag in VERB_TAGS for w in pos.cut(kinds)):
        return ""
    return kinds


def counted_clause(after: str, pos) -> tuple[str, bool]:
    """(measure, described) for a count followed by `after` (its words up to the clause end, other
    numbers removed): ("到基层跟班锻炼的年轻干部", True) when a predicate describes the counted noun,
    ("文化广场", False) when the predicate only says what became of it, ("", False) when no
    predicate follows the noun or it is no plain noun phrase."""
    if pos is None or not re.match(f"[{HAN}“]", after or ""):
        return "", False
    noun = _noun(after, pos)
    rest = after[len(noun):] if noun and after.startswith(noun) else ""
    if not noun or not rest.strip("“”\"") or rest.startswith(JOINS) or rest.startswith(ENDS):
        return "", False
    category = _became(rest, pos)
    if category:
        return category, True
    cut = list(pos.cut(rest))
    # adverbs and particles go, but not a word jieba tags so inside a name (专精|特新|企业)
    words = [w for i, w in enumerate(cut) if (w.flag not in PARTICLES and w.word not in ADVERBS)
             or (0 < i < len(cut) - 1 and cut[i - 1].flag[:1] in "nb" and cut[i + 1].flag[:1] == "n")]
    content = [w for w in words if w.word not in "“”\""]
    if not content:
        return "", False
    first = content[0]
    opened = cut[0].word in ADVERBS and len(content) == 1  # 全面上线: what follows the adverb is the verb
    if not opened and (len(content) == 1 and first.flag == "vn" or len(content) == 2 and first.flag in ("v", "vn")
                       and content[1].flag[:1] == "n" and len(words) == 2):
        return "", False  # 政务|服务, 社区|零工驿站: a verb ending or inside a compound name
    if first.word in ENDS or not opened and (any(w.flag in STATE_TAGS for w in content) or first.word.startswith(OUTCOMES)
                                             or first.flag[:1] == "n" and (first.flag != "nz" or len(content) == 1)):
        return without_state(noun, first.flag if first.flag in STATE_TAGS else next(
            (w.flag for w in content if w.flag in STATE_TAGS), "")), False  # 人居环境焕然一新, 收入稳步增长, 被改建为…, 相继落户: what became of them
    verb = opened or first.flag in VERB_TAGS or first.flag == "vn" or \
        (first.flag == "p" and any(w.flag in VERB_TAGS for w in content[1:]))
    if not verb:
        return "", False
    clause = without_manner(_balanced("".join(w.word for w in words).strip("，,、")), pos)
    if not 2 <= han_count(clause) <= MAX_CLAUSE:
        return "", False
    # 民营企业纳税超1亿元: an amount in the predicate is of the attribute, the count is of the owners
    owner, attribute = owner_split(noun, pos) if AMOUNT.search(clause) else ("", "")
    return f"{attribute}{clause}的{owner or noun}", True


def owner_split(noun: str, pos) -> tuple[str, str]:
    """(owner, attribute) of a noun phrase naming a unit and then an amount of it: 薄弱村集体经营性收入 ->
    (薄弱村, 集体经营性收入); ("", "") when it names no such unit before an amount noun (企业技术中心)."""
    words = [w.word for w in pos.cut(noun)]
    for k in range(len(words) - 1, 0, -1):
        owner, attribute = "".join(words[:k]), "".join(words[k:])
        if owner.endswith(OWNER_ENDS) and han_count(attribute) >= MIN_NOUN and attribute.endswith(ATTRIBUTE_ENDS):
            return owner, attribute
    return "", ""


def counted_owners(sentence: str, drafts: list, pos) -> None:
    """38个帮扶村集体经营性收入全部达30万元: the count counts the villages, the amount after it in the
    clause is their income (labels.Draft records)."""
    for d, later in zip(drafts, drafts[1:]):
        between = sentence[d.token.end:later.token.start]
        if later.clause != d.clause or not counts_things(d.token) or counts_things(later.token) \
                or re.search("[、，,和与及]", between):
            continue
        noun = _noun(between, pos)
        owner, attribute = owner_split(noun, pos) if noun else ("", "")
        if owner:
            d.label = owner
            head = next((c for c in COLLECTIVES if owner.endswith(c[:-2]) and attribute.startswith(c[-2:])), "")
            later.label = head[:-2] + attribute if noun in later.label else later.label  # 村|集体收入: 村集体收入


def described(sentence: str, drafts: list, i: int, clause_end: int, pos, aspect_verbs: frozenset[str]) -> str:
    """The measure of drafts[i] (labels.Draft records of one clause) when it counts things and a
    predicate follows them: the relative clause, or the noun alone after a predicate of outcome;
    '' otherwise."""
    token = drafts[i].token
    if drafts[i].kind == "rank" or token.group >= 0 or not counts_things(token):
        return ""
    spans = [(d.token.start, d.token.end) for d in drafts if d is not drafts[i]]
    later = drafts[i + 1] if i + 1 < len(drafts) else None
    if later is not None and sentence[later.token.end:later.token.end + 1] == "的" and \
            not re.search("[、，,和与及]", sentence[token.end:later.token.start]):
        # 新建4座容积约2300平方米的二沉池: the count counts the noun after the size that describes it
        return NOUN_AFTER_CUT.split(sentence[later.token.end + 1:clause_end])[0].strip()
    nxt = next((d.token.start for d in drafts[i + 1:]), clause_end)
    if sentence[token.end:nxt].rstrip().endswith(JOINS):
        clause_end = nxt  # 建成1个市场和5个驿站: the next item is no part of this one's predicate
    rest = rest_of_clause(sentence, token.end, clause_end, spans).rstrip().rstrip("".join(JOINS))
    phrase, found = counted_clause(rest, pos)
    # 推进36个小区改造, 12个小区改造焕新: a predicate of the work done alone is that work (小区改造)
    # The longest such verb (建成 before 建): a set's order differs between processes.
    verb = max((v for v in aspect_verbs if found and phrase.startswith(v)), key=len, default="")
    done = verb and not any(w.flag[:1] == "n" for w in pos.cut(phrase[len(verb): phrase.rindex("的")]))
    if not found and phrase and token.base in PEOPLE:
        return _owners(sentence[drafts[i].clause[0]:token.start], phrase, rest[len(phrase):], pos) or phrase
    return "" if done else phrase


def _owners(lead: str, noun: str, owned: str, pos) -> str:
    """解决了当地8000名群众“用水难”问题 -> 解决“用水难”问题的群众: people counted as the owners of what
    the verb before them acts on. '' when no such verb or object."""
    words = [w for w in pos.cut(owned)] if owned else []
    if not words or words[-1].flag[:1] != "n" or any(w.flag in VERB_TAGS + STATE_TAGS for w in words):
        return ""
    verbs = [w.word for w in pos.cut(lead) if w.flag in VERB_TAGS or w.flag == "i"]  # 彻底解决 (tagged i)
    verb = verbs[-1] if verbs else ""
    return f"{verb}{owned}的{noun}" if len(verb) >= 2 else ""


def complete(sentence: str, drafts: list, pos=None) -> None:
    """Labels that the words around a number turn into another measure (labels.Draft records)."""
    rates_of_outcome(sentence, drafts)
    owned_amounts(sentence, drafts, pos)
    if pos is not None:
        counted_owners(sentence, drafts, pos)
    for prev, d in zip(drafts, drafts[1:]):
        grade = next((g for g in GRADES if prev.label.endswith(g) and g in d.label), "")
        if grade and prev.clause == d.clause and sentence[prev.token.end:d.token.start].endswith(JOINS):
            head = d.label.split(grade, 1)[1]  # 1个五千亿级和4个千亿级新兴产业集群: the items share the head
            prev.label += head if han_count(head) >= 2 else ""
    for prev, d in zip(drafts, drafts[1:]):
        attr = re.sub("(?:约|达|近|为|超)$", "", sentence[prev.token.end:d.token.start])
        if prev.clause == d.clause and sentence[d.token.end:d.token.end + 1] == "的" and \
                re.fullmatch(f"[{HAN}]{{1,3}}", attr) and d.label and not d.label.endswith(attr):
            d.label += attr  # 4座容积约2300平方米的沉淀池: the size is the noun's (沉淀池容积)
    for d in drafts:
        before, prefix = sentence[d.clause[0]:d.token.start], sentence[:d.token.start]
        if prefix.count("(") + prefix.count("（") > prefix.count(")") + prefix.count("）") and d.clause[0] > 0 \
                and sentence[d.clause[0] - 1] in ",，" and d is not drafts[0]:
            d.label = ""  # 4000亿元(人民币,下同,809.18亿新元): a note restates the figure before it
        elif d.token.unit in SEAT_UNITS and before.rstrip().endswith("占"):
            listed = LIST_OPENING.match(sentence)  # 百强县中，东部地区占67席: the list's seats
            d.extras["measure"] = (listed.group(1) if listed else "") + SEAT_MEASURE
        elif d.token.base == "%" and (m := COMPLETION.search(before.rstrip())):
            head = next((h for h in PROGRESS_HEADS if before[:m.start()].rstrip("累计已 ").endswith(h)), "")
            d.label = m.group(1) + "完成率" if m.group(1) else head + "完成进度"  # 项目完成100%


def rates_of_outcome(sentence: str, drafts: list) -> None:
    """实现无损检测100%合格 -> 无损检测合格率: a percentage followed by an outcome is the rate of it."""
    for d in drafts:
        after = sentence[d.token.end:d.clause[1]]
        word = next((w for w in RATE_OUTCOMES if after.startswith(w)), "")
        if d.token.base == "%" and word and d.label and not d.label.endswith("率"):
            # 抽检100%合格 read number first (抽检的合格): the outcome is no noun counted
            d.label = d.label.removesuffix(word).removesuffix("的") + word + "率"



LABEL_TAIL = re.compile(f"(?:{alternation(FIXED_WORDS['label_tail_trim'])})+$")
ATTRIBUTE_STOPS = tuple(FIXED_WORDS["attribute_stop_tags"])  # 对, 一株, 每亩, 约: no part of an attribute
TIME_RATES = tuple(FIXED_WORDS["time_rates"])
RESTATING_HEADS = tuple(FIXED_WORDS["amount_restating_heads"])
COUNTED_LEAD = re.compile(f"^[0-9一二两三四五六七八九十]+(?:{alternation(FIXED_WORDS['classifiers'])})")


def owned_amounts(sentence: str, drafts: list, pos) -> None:
    """一株树龄逾300年的古树 -> 古树树龄, 带来每亩900元的土地流转租金 -> 土地流转租金: an amount followed
    by 的 and a noun phrase is that thing's; the noun the words before the number end in names the
    dimension measured (树龄), and a time rate of the clause (每年) stays in the measure (FRAMES)."""
    if pos is None:
        return
    for i, d in enumerate(drafts):
        token = d.token
        if sentence[token.end:token.end + 1] != "的" or counts_things(token) or token.base == "%" \
                or d.kind == "rank" or token.group >= 0:
            continue
        prev = drafts[i - 1] if i and drafts[i - 1].clause == d.clause else None
        if prev is not None and counts_things(prev.token):
            continue  # 4座容积约2300平方米的沉淀池: the count's noun, read with the count (complete)
        after = sentence[token.end + 1:d.clause[1]]
        quoted = QUOTED.match(after)  # 精度达0.02毫米的“某某系统”: the quoted name is the noun
        noun = quoted.group() + noun_after(after[quoted.end():], pos) if quoted else noun_after(after, pos)
        if han_count(noun) < MIN_NOUN or noun.endswith(PLACE_ENDS) or \
                any(h in NOUN_AFTER_CUT.split(after)[0] for h in RESTATING_HEADS):
            continue  # 面积649平方公里的县城 (the region), 产值迈上100亿元的新台阶 (the amount restated)
        start = prev.token.end if prev is not None else d.clause[0]
        d.label = _with_rate(noun, sentence[d.clause[0]:token.start], pos) + _attribute(sentence[start:token.start], pos)


def _attribute(before: str, pos) -> str:
    """The nouns the words before a number end in (对一株树龄 -> 树龄, 总投资), '' when they end in
    a verb, a per-unit word or a numeral (带来每亩)."""
    words = list(pos.cut(LABEL_TAIL.sub("", before.strip())))
    if not words or _plain_verb(words[-1].flag):
        return ""
    out: list = []
    for w in reversed(words):
        if w.flag.startswith(ATTRIBUTE_STOPS) or (_plain_verb(w.flag) and out):
            break
        out.insert(0, w)
    attribute = COUNTED_LEAD.sub("", "".join(w.word for w in out))  # 一棵树高 (jieba: 一棵树|高) -> 树高
    nominal = any(w.flag[:1] in "nb" or w.flag == "vn" for w in out)
    return attribute if nominal and han_count(attribute) >= MIN_NOUN else ""


def _plain_verb(flag: str) -> bool:
    return flag.startswith("v") and flag != "vn"


def _with_rate(noun: str, clause_before: str, pos) -> str:
    """土地流转租金 after 每年… -> 土地流转年租金: a time rate is part of the measure (日产量, 年租金)."""
    rate = next((r for r in TIME_RATES if r in clause_before), "")
    words = [w.word for w in pos.cut(noun)]
    if not rate or len(words) < 2 or len(words[-1]) < 2:
        return noun
    return "".join(words[:-1]) + rate[-1] + words[-1]
