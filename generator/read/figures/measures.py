"""Measures written the way a reader labels a number (shared FRAMES.md: what is measured,
without aspect words): the label labels.py read, cleaned of time, modal, reference and
change words; streaks (连续9个月保持增长) named as counts of a state; counted nouns found
with jieba's part-of-speech tags.
"""

from __future__ import annotations

import re

from generator.lexicon.text import HAN, alternation, han_count
from . import edges
from .cues import FIXED_WORDS, Cues
from .tokens import Token

# From a reference onwards a label names the comparison, not the measure (较上年…, 比全省…);
# 比重, 比例, 比率, 评比 are nouns.
REFERENCE_TAIL = re.compile(rf"(?:(?<![同评])比(?![重例率])|{alternation(FIXED_WORDS['reference_words'])})"
                            rf"(?:{alternation(FIXED_WORDS['reference_wholes'])}|[0-9]{{4}}年)?.*$")
RATE_NOUNS = ("增速", "增幅", "占比", "比重")
MULTIPLE_OF = re.compile(f"(?:{alternation(FIXED_WORDS['adverbs_before_verb'])})?"
                         f"(?:{alternation(FIXED_WORDS['multiple_of'])})[^是为]*$")
ASPECT_VERBS = ("aspect.increment", "aspect.level", "aspect.increment_after", "measure_lead")
ASPECT_WORDS = ("aspect.growth", "aspect.change", "aspect.decrease")
LEAD_WORDS = FIXED_WORDS["measure_lead_words"]
NOUN_TAGS = FIXED_WORDS["noun_tags"]
CLASSIFIERS = frozenset(FIXED_WORDS["classifiers"])
VERB_TAGS = ("v", "vg", "vi", "vq")
NOUN_VERBS = frozenset(FIXED_WORDS["noun_heads_tagged_verb"])  # jieba: 社会|组织 (v); after a noun, the head noun
NAME_TAGS = FIXED_WORDS["name_tags"]
TRANSFER_VERBS = frozenset(FIXED_WORDS["transfer_verbs"])
KEEP_VERBS = frozenset(FIXED_WORDS["measure_verbs"])
STREAK_MEASURE = re.compile("的连续(?:年|月|季度)数$")
TOWN_HEAD = re.compile(f"([{HAN}]{{2,4}}?)(?:镇|乡|街道)(?=[{HAN}]{{4}})")
VILLAGE_HEAD = re.compile(f"([{HAN}]{{2,3}}?)(村|社区)(?=集体|股份|经济合作)")
DIMENSIONS = {w[0]: w for w in FIXED_WORDS["dimensions"]}
INNER_ADVERBS = frozenset(FIXED_WORDS["adverbs_in_measure"])
# 收入全部达…; not the 均 of 平均, 人均
ADVERB_TAIL = re.compile(f"(?<![{''.join(FIXED_WORDS['average_prefixes'])}])(?:{alternation(FIXED_WORDS['adverbs_before_verb'])})$")
STREAK_BEFORE = re.compile(r"(?:已|已经)?连续(?:第)?$")
STREAK_PREDICATE_CUT = re.compile(r"[，。；、,;（(]")
RANK_SCOPE_TAIL = re.compile(f"(?:{alternation(FIXED_WORDS['rank_scopes'])})$")
WIN_VERB_TAIL = re.compile(f"(?:{alternation(FIXED_WORDS['win_verbs'])})$")
INCLUSIVE = re.compile(alternation(FIXED_WORDS["inclusive_modifiers"]))  # 接待国内外游客: all, no kind
STATE_ATTRIBUTES = tuple(FIXED_WORDS["state_attributes"])
LIGHT_VERBS = tuple(FIXED_WORDS["manner_light_verbs"])  # 实现“零差错”迁移: the verb after them says what
QUOTED = re.compile("“[^“”]{1,10}”")  # a short quoted word (“零差错”)
SHORT_PREDICATE = 8  # han characters of a predicate that can describe what is counted


PER_UNIT_HEAD = re.compile(
    f"^(?:{alternation(FIXED_WORDS['per_unit_heads'], longest_first=True)})"
    f"(?:{alternation(FIXED_WORDS['per_unit_verbs'], longest_first=True)})?")
PER_UNIT_ONLY = re.compile(f"^(?:{alternation(FIXED_WORDS['per_unit_heads'], longest_first=True)})")
TIME_RATE = re.compile(f"(?:从|由)?({alternation(FIXED_WORDS['time_rates'], longest_first=True)})$")
RANKED_LIST = re.compile(f"^在(.+?)中")
RANKED_LIST_ENDS = tuple(FIXED_WORDS["ranked_list_ends"])


def _tail(cues: Cues, keep_rates: bool) -> re.Pattern[str]:
    words = [w for name in ASPECT_WORDS for w in cues.get(name)]
    words += [v + to for v in FIXED_WORDS["measure_change_verbs"] for to in ("到", "至", "")]  # 期限延长至40年
    if keep_rates:  # 增速居全省第一: the rank is of the rate
        words = [w for w in words if w not in RATE_NOUNS]
    else:
        words += RATE_NOUNS
    return re.compile(f"(?:{alternation(FIXED_WORDS['measure_tail_prefixes'])})?(?:{alternation(words, longest_first=True)})+$")


def measure(label: str, term: str | None, kind: str, cues: Cues, pos=None, scope: str | None = None) -> str:
    """What is measured: the indicator as written, else the cleaned label ('' when it names nothing,
    so the figure takes the measure of the one before it). `scope`: the part of the region the
    figure is about, which the measure does not repeat."""
    if term:
        return INCLUSIVE.sub("", term) if han_count(INCLUSIVE.sub("", term)) >= 2 else term
    text = REFERENCE_TAIL.sub("", label)
    if kind == "multiple" and han_count(MULTIPLE_OF.sub("", text)) >= 2:
        text = MULTIPLE_OF.sub("", text)  # 客流都是平时的2倍: what it is a multiple of is the base, not the measure
    if scope and text.startswith(scope) and han_count(text) - han_count(scope) >= 2:
        text = text[len(scope):]
    text = without_place(edges.opening(text, kind, pos), cues)
    text = INCLUSIVE.sub("", text) if han_count(INCLUSIVE.sub("", text)) >= 2 else text
    text = object_of(text, pos, cues)
    text = _without_inner_adverbs(text, pos)
    lead = cues.patterns.get("measure_lead")
    extra = cues.once("measure.extra", lambda: re.compile(
        f"^(?:{alternation(LEAD_WORDS + cues.get('aspect.decrease'), longest_first=True)})"))
    keep_rates = kind in ("rank", "change")  # 增速高于全省1个百分点: a gap of the rate
    tail = cues.once(("measure.tail", keep_rates), lambda: _tail(cues, keep_rates))
    for _ in range(3):
        before = text
        while lead is not None and (m := lead.match(text)) and len(text) - m.end() >= 2 and _whole_word(text, m.end(), pos):
            text = text[m.end():]
        while (m := extra.match(text)) and len(text) - m.end() >= 2 and _whole_word(text, m.end(), pos):
            text = text[m.end():]
        text = time_rate(text)
        text = _without_per_unit(text, pos)
        if kind != "share":  # 占比 / 比重 name a share; other aspects say the change themselves
            text = tail.sub("", text)
        text = ADVERB_TAIL.sub("", text)
        text = text.strip("，、的")
        if text == before:
            break
    text = edges.tidy(text, kind, pos)
    text = DIMENSIONS.get(text, text)  # 直径达2240毫米、长23米: 长 is the length, not a change word
    if text in LEAD_WORDS or (lead is not None and lead.fullmatch(text)):
        return ""  # 新增65家: the verb alone names nothing; the measure before it is carried
    return text if han_count(text) or re.search("[A-Za-z]", text) else ""


def _without_per_unit(text: str, pos) -> str:
    """每万人口拥有体育指导员 -> 体育指导员 (the base slot carries 每万人口); the verb only as a word of its
    own (每万人有效发明专利: 有 is in 有效)."""
    m = PER_UNIT_HEAD.match(text)
    if not m or han_count(text[m.end():]) < 2:
        return text
    rest = text[PER_UNIT_ONLY.match(text).end():]
    verb = rest[:len(rest) - len(text) + m.end()]
    first = next(iter(pos.cut(rest)), None) if pos is not None and verb else None
    return rest if first is not None and len(first.word) > len(verb) else text[m.end():]


def _whole_word(text: str, end: int, pos) -> bool:
    """Whether text[:end] is a word of its own (使 in 使其…, not in 使用)."""
    if pos is None or end != 1:
        return True
    first = next(iter(pos.cut(text)), None)
    return first is None or len(first.word) <= end


def _without_inner_adverbs(text: str, pos) -> str:
    """回程班列共发运 -> 回程班列发运: an adverb between the noun and the verb of a measure."""
    words = [w for w in pos.cut(text)] if pos is not None and text else []
    return "".join(w.word for i, w in enumerate(words)
                   if not (0 < i < len(words) - 1 and w.word in INNER_ADVERBS and words[i + 1].flag.startswith("v")
                           and words[i - 1].flag[:1] in "nv")) or text


def without_place(label: str, cues: Cues) -> str:
    """白沙镇柳塘村集体经济年收入 -> 村集体经济年收入: a named town or village opening a measure is
    its scope (FRAMES), not part of what is measured; generic heads (示范村, 特色小镇) stay."""
    generic = cues.get("scope.generic")
    m = TOWN_HEAD.match(label)
    if m and not m.group(1).startswith(generic):
        label = label[m.end() :]
    m = VILLAGE_HEAD.match(label)
    if m and not m.group(1).startswith(generic):
        label = label[m.start(2) :]
    return label


def opening_run(words: list, tags: frozenset[str]) -> int:
    """How many of a cut clause's words from its start carry one of `tags` (the nouns a clause
    opens with before its verb: its subject or the name it gives)."""
    n = 0
    for w in words:
        if w.flag not in tags:
            break
        n += 1
    return n


def unnamed(aspect: str) -> str:
    """The label of a figure whose words name nothing and that follows no other (排名第93位)."""
    return "排名" if aspect == "rank" else "数值"


def names_nothing(measure: str, cues: Cues) -> bool:
    """同比增长, 增速居全省, 比全省快: a measure of change and comparison words only."""
    if measure in DIMENSIONS.values():
        return False
    empty = cues.word_set(("measure_empty_chars",))
    return all(c in empty or c.isdigit() for c in measure)


def is_streak(measure: str) -> bool:
    return bool(STREAK_MEASURE.search(measure))


def object_of(label: str, pos, cues: Cues) -> str:
    """某钢厂实施技改项目 -> 技改项目, 向种粮大户发放补贴资金 -> 补贴资金: after a subject and its verb, the
    object is what the number measures (but 带动农民增收, 惠及农户 keep the verb: FRAMES)."""
    if pos is None or han_count(label) < 5:
        return label
    words = list(pos.cut(label))
    # only after an explicit recipient (向/对/为/给 …) or a name doing work (实施, 建成 …): compounds
    # such as 回访满意率 or 城镇登记失业率 hold verbs too
    transfer = next((i for i, w in enumerate(words) if i and w.word in TRANSFER_VERBS), None)
    if transfer is not None:  # 向种粮大户发放耕地补贴资金: the money is what is given
        after = "".join(w.word for w in words[transfer + 1 :])
        return after if han_count(after) >= 2 and words[-1].flag[:1] == "n" else label
    if not words or not (words[0].flag == "p" or (words[0].flag in NAME_TAGS and len(words) > 2
                                                    and words[1].word in aspect_verbs(cues))):
        return label
    for i, w in enumerate(words[1:], 1):
        if w.flag not in VERB_TAGS:
            continue
        after = "".join(x.word for x in words[i + 1 :])
        if w.word in KEEP_VERBS or han_count(after) < 2 or words[-1].flag[:1] != "n":
            return label
        return after
    return label


def verb_phrase(text: str, pos, cues: Cues | None) -> str:
    """平台则自动匹配 -> 平台匹配: the words before a counted noun when they end in a verb that is part
    of what is counted, without adverbs and particles (the verb alone when they run long); '' when
    the verb only says the aspect (建成, 打造, 推进 …: FRAMES writes the noun alone), for a per-unit
    setting (每个网格配备) or after a list of names."""
    if pos is None or not text or "每" in text or "、" in text:
        return ""
    words = [w for w in pos.cut(text) if w.flag not in ("d", "ul", "uz", "ug", "ad") and w.word not in LEAD_WORDS]
    if not words or words[-1].flag not in VERB_TAGS + ("vn",) or len(words[-1].word) < 2:
        return ""
    if cues is not None and words[-1].word in aspect_verbs(cues):
        return ""
    phrase = "".join(w.word for w in words)
    serial = len(words) >= 2 and words[-2].flag in VERB_TAGS  # 统筹使用: the last verb says what was done
    return phrase if han_count(phrase) <= 10 and not serial else words[-1].word


def counted_lead(text: str, pos, cues: Cues | None) -> str:
    """What a counted noun's measure opens with: 平台匹配的 for a verb that is part of the measure,
    涉及 / 带动 for a verb FRAMES keeps, '' for a verb that only says the aspect (建成, 推进)."""
    phrase = verb_phrase(text, pos, cues)
    if phrase:
        return phrase + "的"
    words = [w.word for w in pos.cut(text)] if pos is not None and text else []
    return words[-1] if words and words[-1] in KEEP_VERBS else ""


def aspect_verbs(cues: Cues | None) -> frozenset[str]:
    """Verbs that only say the aspect (建成, 新增) or the work done (推进, 改造)."""
    if cues is None:
        return frozenset(FIXED_WORDS["doing_verbs"])
    return cues.word_set(ASPECT_VERBS, FIXED_WORDS["doing_verbs"])


def people_doing(token: Token, after: str, pos) -> str:
    """吸引6.2万人参与 -> 参与人数: people counted by what they do (FRAMES: participant counts)."""
    if pos is None or token.base not in ("人", "人次") or not 2 <= len(after) <= 3:
        return ""
    words = list(pos.cut(after))
    if len(words) != 1 or words[0].flag not in VERB_TAGS:
        return ""
    return after + ("人次" if token.base == "人次" else "人数")


def verb_prefix(label: str, pos) -> str:
    """年减排粉尘 -> 年减排: the words up to the verb of a label that ends in a noun."""
    words = list(pos.cut(label)) if label else []
    verbs = [i for i, w in enumerate(words) if w.flag in VERB_TAGS]
    # the verb must govern the noun (年减排粉尘), not modify it (交付的桥梁跨度)
    if not verbs or verbs[-1] == len(words) - 1 or words[-1].flag[:1] != "n" or words[verbs[-1] + 1].flag[:1] != "n":
        return ""
    return "".join(w.word for w in words[: verbs[-1] + 1])


def has_verb(label: str, pos) -> bool:
    return pos is None or any(w.flag in VERB_TAGS + ("vn",) for w in pos.cut(label))


def time_rate(label: str) -> str:
    """供水能力从每日 -> 日供水能力: a time rate is part of the measure (FRAMES: 日产量 stays)."""
    m = TIME_RATE.search(label)
    if not m or han_count(label[: m.start()]) < 2:
        return label
    return m.group(1)[-1] + label[: m.start()]


def ranked_list(what: str) -> tuple[str, str]:
    """(measure, list) of a rank label opening 在X中: 在全市县区综合考核排名中 names the measure,
    在二类县中 only the list ranked."""
    m = RANKED_LIST.match(what)
    if not m:
        return what, ""
    inner = m.group(1)
    if inner.endswith(RANKED_LIST_ENDS):
        return inner + what[m.end():], ""
    return what[m.end():], inner


def is_streak_token(sentence: str, token: Token) -> bool:
    """连续9个月, 已连续三年: the number counts how long something held."""
    return token.base == "连冠" or (token.base in ("年", "月", "季度") and bool(STREAK_BEFORE.search(sentence, 0, token.start)))


def is_place(text: str, pos) -> bool:
    """甲市, 某某县: a place name alone (jieba tags it ns, or it is a short name ending in a level)."""
    if not text:
        return False
    if re.fullmatch(f"[{HAN}]{{1,5}}[省市县区州旗盟镇乡村]", text):
        return True
    words = list(pos.cut(text)) if pos is not None else []
    return bool(words) and all(w.flag == "ns" for w in words)


def streak(sentence: str, after: int, base: str, clause_end: int, subject: str) -> str:
    """连续8个月保持同比正增长 -> 用电量同比正增长的连续月数: a streak counts how long a state held
    (`after`: where the words of the state start)."""
    if base == "连冠":  # 增幅全省“五连冠”: five years in a row first in the list
        head = subject.rstrip("“\"")
        scope = RANK_SCOPE_TAIL.search(head)
        what = WIN_VERB_TAIL.sub("", head[:scope.start()] if scope else head)
        return f"{what}居{scope.group() if scope else ''}第一的连续年数"
    rest = sentence[after:clause_end]
    rest = STREAK_PREDICATE_CUT.split(rest, 1)[0]
    rest = re.sub(f"^(?:{alternation(FIXED_WORDS['streak_hold_words'])})", lambda m: "保持" if m.group().startswith("保持") else m.group(), rest)
    rest = re.sub("^保持(?=同比|正增长|增长)", "", rest)
    head = STREAK_BEFORE.sub("", subject)
    return f"{head}{rest[:20]}的连续{base}数"


def noun_after(text: str, pos) -> str:
    """The noun phrase that opens `text` (建成[12条]标志性产业链 -> 标志性产业链), '' if none."""
    if pos is None or not text or not re.match(f"[{HAN}“]", text):
        return ""
    words = list(pos.cut(text[:24]))
    out: list[str] = []
    for i, w in enumerate(words):
        flag = w.flag
        nxt = words[i + 1].flag if i + 1 < len(words) else ""
        if flag in NOUN_TAGS or (flag.endswith("g") and out) or (w.word in NOUN_VERBS and out and nxt[:1] != "n"):  # 社会|组织
            out.append(w.word)
        elif flag.startswith("v") and out and (nxt[:1] == "n" or nxt == "zg"):  # 土地流转租金, 帮扶村
            out.append(w.word)
        elif flag.startswith("v") and not out and nxt[:1] == "n" and len(w.word) == 2:  # 加装电梯
            out.append(w.word)
        elif flag in ("a", "an") and _before_noun(words, i):  # 老旧小区, 困难新就业群体人员
            out.append(w.word)
        else:
            break
    phrase = "".join(out)
    return phrase if han_count(phrase) >= 1 and any(w.flag[:1] == "n" or w.flag in ("l", "j") for w in words[: len(out)]) else ""


def _before_noun(words: list, i: int) -> bool:
    """words[i] (an adjective) opens a noun phrase: more adjectives, at most one verb inside the
    name (新就业群体), then a noun (老|旧|小区: jieba splits some adjective pairs)."""
    rest = [w.flag for w in words[i + 1 : i + 4]]
    while rest and rest[0] in ("a", "an"):
        rest.pop(0)
    if rest[:1] == ["v"] and rest[1:2] and rest[1][:1] == "n":
        rest.pop(0)
    return bool(rest) and rest[0][:1] in "nz"


def counts_things(token: Token) -> bool:
    """A unit that counts things (个, 家, 条): a noun right after it is what is counted."""
    return token.unit in CLASSIFIERS or token.unit.lstrip("万亿千百余多") in CLASSIFIERS


def subject_noun(after: str, pos) -> str:
    """A number opening its clause counts the noun phrase after it, described by what the
    predicate says they did (30个产品获得认证 -> 获得认证的产品); a predicate that only tells
    what became of them (人居环境焕然一新, 被改造为…, 则…) is dropped (37个小区 -> 小区).
    '' when no predicate follows the noun phrase."""
    noun = noun_after(after, pos)
    # 产品获得认证: noun_after keeps a verb before a noun (土地流转租金); here it starts the predicate
    cut = [w.word for w in pos.cut(noun)] if noun else []
    verb_at = next((i for i, w in enumerate(pos.cut(noun)) if i and w.flag in VERB_TAGS and w.word not in NOUN_VERBS),
                   None) if noun else None
    noun = "".join(cut[:verb_at]) if verb_at else noun
    rest = after[len(noun):] if noun and after.startswith(noun) else ""
    if han_count(noun) < 2 or not rest.strip("“”\""):
        return ""
    words = list(pos.cut(rest.lstrip("“”\"")))
    if words[0].flag in VERB_TAGS and len(words) > 1 and han_count(rest) <= SHORT_PREDICATE:
        return without_manner(rest, pos) + "的" + noun
    return without_state(noun, words[0].flag) if words[0].flag in VERB_TAGS + ("p", "d", "i") else ""


def without_manner(clause: str, pos) -> str:
    """实现“零差错”迁移 -> 实现迁移: a quoted word right before a verb, opening the predicate or after a
    light verb, says how it was done (a manner adverbial), not what was done; before a noun (“饮水难”问题)
    or after a verb that takes it as object (获得“两品一标”认证) it names the thing and stays."""
    for m in reversed(list(QUOTED.finditer(clause))):
        before, rest = clause[:m.start()], clause[m.end():]
        first = next(iter(pos.cut(rest)), None) if rest else None
        opens = not before or before.endswith(LIGHT_VERBS) or [w.flag for w in pos.cut(before)][-1:] == ["d"]
        if opens and first is not None and first.flag in VERB_TAGS and han_count(clause) - han_count(m.group()) >= 2:
            clause = before + rest
    return clause


def without_state(noun: str, first_tag: str) -> str:
    """37个小区人居环境焕然一新 -> 小区: before a predicate of state (an idiom), the attribute that
    changed is no part of what is counted."""
    attribute = next((a for a in STATE_ATTRIBUTES if noun.endswith(a)), "") if first_tag in ("i", "l") else ""
    return noun[: len(noun) - len(attribute)] if han_count(noun) - len(attribute) >= 2 else noun


def picked(listed: str, after: str) -> str:
    """主要指标中有[7项]指标增速居全市第一 -> 增速居全市第一的主要指标: things picked from a list
    named before them are the list's, set apart by the words after their name ('' if no such name)."""
    k = next((k for k in range(len(after), 0, -1) if listed.endswith(after[:k])), 0)
    rest = after[k:]
    return f"{rest}的{listed}" if k and han_count(rest) >= 2 else ""
