"""Context: a measure that says what is measured only with the topic the text set up around it
(shared FRAMES.md: the measure says what is measured). Called from topics.carry once a sentence's
measures are complete; each finder returns the completed measure or ''. referents.py finds the
topics a text names for any measure (an event pointed at, a qualifying group, a list, 这个X); this
module the topics of a generic measure (签约项目, 部门, 问题化解率: plain heads, `generic_heads`):
- 集团增至11个，覆盖85%的学校 / 培训学员700人，就业率70%: a share or rate with no owner of its own is
  of what the clause before counts; 推动组织参与A、B等项目，化解率92%: or of what that clause says.
- 某某大会上，签约项目22个: the event's short name (某某大会签约项目).
- 整合10个部门的300项事项，编制《某某清单》: the list the sentence makes of what it gathers.
- 小程序通过…实现…。目前已更新政策40条: a sentence with no subject goes on about the one before's.
- 某生产线等12个项目，纳入省级重点项目: things counted in a clause of their own are named by the next.

Which measures are generic is read from jieba's tags and word lists in data/figure_words.yml, never
from a page's wording.
"""

from __future__ import annotations

import re

from generator.lexicon.text import alternation, han_count
from generator.records import Figure
from .cues import FIXED_WORDS, Cues
from . import measures
from .measures import CLASSIFIERS, VERB_TAGS
from .referents import (CLAUSE_MARK, GENERIC_HEADS, MAX_OWNER, MAX_SUBJECT, NUMBER, OWNER_TAGS, RESULT_VERBS,
                        SPEECH_TAIL, demonstrated, event_meant, listed_in, measure_verb, part_share, recipient,
                        verb_object)

ATTRIBUTES = tuple(sorted(FIXED_WORDS["topic_attributes"], key=len, reverse=True))
CAUSATIVES = tuple(FIXED_WORDS["causative_verbs"])
EVENT_KINDS = tuple(FIXED_WORDS["generic_event_kinds"])
GATHERING = tuple(FIXED_WORDS["gathering_verbs"])
DOCUMENT = re.compile(f"(?:{alternation(FIXED_WORDS['document_verbs'])})[^，,。；;《》]{{0,4}}(《[^《》]{{2,24}}》)")
ORDINAL = re.compile("^(?:第[0-9一二三四五六七八九十百]+|首)(?:届|次|期)")
LEADING_YEAR = re.compile(r"^(?:19|20)[0-9]{2}(?:年度|年)?")
NAMED_TAGS = frozenset(FIXED_WORDS["context_name_tags"])
SUBJECT_NEXT = frozenset((*VERB_TAGS, "p", "d"))  # what follows a clause's subject (小程序通过…)
PEOPLE = "人"  # the normalised unit of a count of people
MAX_GENERIC = 6  # han characters of a measure (without its attribute) too short to name its owner
MAX_RATE_STEM = 4  # han characters before 率 of a rate with no owner of its own (化解率, 就业、创业率)


def owned(sentence: str, before: str, figure: Figure, prior: list[Figure], pos, own: tuple[str, ...],
          cues: Cues | None, headline: str = "") -> str:
    """`figure`'s measure with the owner its context names; '' when the measure stands alone or no
    owner is found. `before`: the paragraph's text before the sentence; `prior`: the sentence's
    figures before this one; `headline`: the article's title, which names what it reports on."""
    measure = figure.measure
    if pos is None or figure.indicator is not None:
        return ""
    if not measure or (cues is not None and measures.names_nothing(measure, cues)):
        return part_share(figure, prior, cues)  # 新增7家、占总量的60%: named by the increment before it
    at = max(sentence.find(figure.quote), 0)
    value_at = at + max(figure.quote.find(figure.value), 0)
    # topics the text names for whatever the measure is; an event pointed at only for its results
    # or a generic count (本次大会应到代表302人 counts delegates, the event is the scope)
    meant = any(v in figure.quote for v in RESULT_VERBS) or generic(measure, pos)
    owner = (event_meant(sentence, before, headline, pos, cues) if meant else "") or \
        listed_in(sentence, at, figure) or demonstrated(sentence[:value_at], figure, pos, cues)
    if owner:
        return owner + measure if owner not in measure else ""
    found = (verb_object(measure, before + sentence[:at], pos) if measure_verb(measure, pos) else "") or \
        recipient(sentence, at, figure, pos) or clause_owner(sentence, at, figure, prior, pos)
    if found or not generic(measure, pos):
        return found
    # topics for a generic measure; an event carried on from another sentence framed that one,
    # and 全省考核 is the whole region's
    event = figure.scope if figure.scope and figure.scope in sentence and not figure.scope.startswith(("全", *own)) else None
    owner = event_name(event, cues) or document(sentence[at:], figure) or \
        subject_before(sentence, before, figure, pos, own)
    if owner and owner not in measure:
        return owner + acted(figure, pos)
    return predicate_after(sentence, at, figure, pos)


def acted(figure: Figure, pos) -> str:
    """拜访82家企业: a bare noun counted as what a verb right before its number was done to is
    named with that verb once an owner comes before it (某某周拜访企业), not as the things alone."""
    nouns = list(pos.cut(figure.measure))
    at = figure.quote.find(figure.value)
    before = list(pos.cut(figure.quote[:at])) if at > 0 else []
    if len(nouns) != 1 or nouns[0].flag[:1] != "n" or not before or before[-1].flag not in VERB_TAGS:
        return figure.measure
    return before[-1].word + figure.measure


def predicate_after(sentence: str, at: int, figure: Figure, pos) -> str:
    """某生产线等12个项目，纳入省级重点项目: counted things standing as a clause of their own (no verb)
    are named by the predicate the next clause gives them (纳入省级重点项目的项目). '' otherwise."""
    if figure.unit_normalized not in CLASSIFIERS:
        return ""
    start = max((m.end() for m in CLAUSE_MARK.finditer(sentence, 0, at)), default=0)
    mark = CLAUSE_MARK.search(sentence, at + len(figure.quote))
    clause = sentence[start: mark.start()] if mark else ""
    clause = clause[clause.rfind("等") + 1:]  # A、B等12个项目: the examples' own words are no predicate
    if mark is None or any(w.flag in VERB_TAGS for w in pos.cut(clause)):
        return ""
    end = CLAUSE_MARK.search(sentence, mark.end())
    said = sentence[mark.end(): end.start() if end else len(sentence)].rstrip("。！？!?")
    words = list(pos.cut(said))
    if not words or words[0].flag not in VERB_TAGS or NUMBER.search(said) or not 2 <= han_count(said) <= MAX_OWNER:
        return ""
    return said + "的" + figure.measure


def generic(measure: str, pos) -> bool:
    """签约项目, 高频事项, 就业、创业率, 签约项目总金额: too short and plain to say whose it is."""
    # The longest attribute it ends in (ATTRIBUTES: longest first); most measures end in none
    attribute = next((a for a in ATTRIBUTES if measure.endswith(a) and len(measure) > len(a)), "") \
        if measure.endswith(ATTRIBUTES) else ""
    core = measure[: len(measure) - len(attribute)]
    if "“" in core or "《" in core:
        return False
    words = list(pos.cut(core))
    if not words or any(w.flag in NAMED_TAGS for w in words):
        return False
    if core.endswith("率"):  # a rate whose own words name no one's: 问题化解率, 就业率
        # the stem's last word is the outcome (化解, 就业); any noun before it names whose the rate is
        stem = [w for w in list(pos.cut(core[:-1]))[:-1] if w.flag[:1] == "n" and w.flag != "vn"]
        return han_count(core) - 1 <= MAX_RATE_STEM and all(w.word in GENERIC_HEADS for w in stem)
    return han_count(core) <= MAX_GENERIC and words[-1].word in GENERIC_HEADS


def event_name(scope: str | None, cues: Cues | None) -> str:
    """The short name of an event a figure is scoped to: 第七届某某大会暨…大会 -> 某某大会; 2025“某某周”活动
    -> “某某周”. '' when the scope is no event, or only points at one (本次大会)."""
    if not scope or cues is None or not scope.endswith(cues.get("scope.events")) or scope.startswith(cues.get("scope.this")):
        return ""
    return short_event(scope)


def short_event(name: str) -> str:
    """An event's name as a reader shortens it: without its ordinal, year, joint second name, or a
    generic kind after a quoted name."""
    name = LEADING_YEAR.sub("", ORDINAL.sub("", name.split("暨")[0].strip()))
    kind = next((k for k in EVENT_KINDS if name.endswith(k)), "")
    if kind and name[: -len(kind)].endswith("”"):
        name = name[: -len(kind)]
    return name if han_count(name) >= 2 else ""


def document(after: str, figure: Figure) -> str:
    """整合10个部门的300项事项，编制出台《某某清单》: the list or document the sentence makes of the
    things its clause gathers, named after them ('' if none)."""
    if figure.unit_normalized not in CLASSIFIERS or not any(v in figure.quote for v in GATHERING):
        return ""  # 新增企业30家，编制《…》: what was not gathered is not the list's
    m = DOCUMENT.search(after)
    return m.group(1) if m else ""


def clause_owner(sentence: str, at: int, figure: Figure, prior: list[Figure], pos) -> str:
    """A rate or share with no owner of its own, opening its clause: of the things the clause before
    counts (服务员就业率; 集团增至11个，覆盖85%的学校 -> 集团覆盖的学校), else of what that clause,
    holding no number, says (推动组织参与A、B等项目，化解率92% -> 组织参与项目化解率)."""
    if figure.unit_normalized != "%":
        return ""
    start = max((m.end() for m in CLAUSE_MARK.finditer(sentence, 0, at)), default=0)
    if start == 0:
        return ""
    clause = sentence[start: at + len(figure.quote)]
    measure = figure.measure
    last = prior[-1] if prior else None
    if last is not None and last.quote != figure.quote and last.indicator is None \
            and last.unit_normalized in CLASSIFIERS and 2 <= han_count(last.measure) <= MAX_SUBJECT:
        if measure.endswith("率"):  # people counted before: any short rate is of their outcome (持证上岗率)
            short = han_count(measure) - 1 <= MAX_RATE_STEM and last.unit_normalized == PEOPLE
            # 带动就业2000人，就业率…: a count of the outcome itself is no owner of its rate
            return last.measure + measure if (short or generic(measure, pos)) and last.measure not in measure else ""
        words = list(pos.cut(clause))
        nouns = list(pos.cut(measure))
        if words and words[0].flag in VERB_TAGS and len(nouns) == 1 and nouns[0].flag[:1] == "n":
            return last.measure + words[0].word + "的" + measure  # 覆盖全县90%的卫生院: a bare noun's share
        return ""
    if not measure.endswith("率") or not generic(measure, pos):
        return ""
    previous = sentence[max((m.end() for m in CLAUSE_MARK.finditer(sentence, 0, start - 1)), default=0): start - 1]
    if NUMBER.search(previous) or re.search("[一二三四五六七八九十百千万亿]", previous):
        return ""
    said = compressed(previous, pos)
    opening = next(iter(pos.cut(said)), None)
    if opening is None or opening.flag[:1] != "n" or opening.flag == "vn":
        return ""  # 坚持问题导向，…率: only a clause about an actor (某组织参与…) owns the rate
    return said + measure if 4 <= han_count(said) <= MAX_OWNER else ""


def compressed(clause: str, pos) -> str:
    """推动社会组织参与A、B等民生项目 -> 社会组织参与民生项目: a clause without the verb that only
    makes it happen and without the examples of a 等-list."""
    words = [w for w in pos.cut(clause.strip(" ，,"))]
    if words and words[0].word in CAUSATIVES:
        words = words[1:]
    listed = next((i for i, w in enumerate(words) if w.word == "、"), -1)
    until = next((i for i, w in enumerate(words) if w.word == "等" and i > listed), -1)
    if listed > 0 and until > listed:
        first = next((i for i in range(listed - 2, -1, -1) if words[i].flag in VERB_TAGS), -1)
        if first < 0:
            return ""
        words = words[: first + 1] + words[until + 1:]
    return "".join(w.word for w in words)


def subject_before(sentence: str, before: str, figure: Figure, pos, own: tuple[str, ...]) -> str:
    """小程序通过…实现…。目前已更新政策40条: a count in a sentence with no subject of its own is
    of the subject of the paragraph's sentence before it ('' if that has none)."""
    if figure.unit_normalized not in CLASSIFIERS or has_subject(sentence, pos):
        return ""
    last = [s for s in re.split("[。！？!?]", before) if s.strip()]
    if not last:
        return ""
    found = ""
    for clause in CLAUSE_MARK.split(last[-1]):
        if clause.strip().endswith(SPEECH_TAIL) or NUMBER.search(clause):
            continue  # 某中心主任王某介绍，…: the speaker is no topic; nor is a figure's own measure
        subject = clause_subject(clause, pos)
        if subject and not subject.startswith(("全", *own)):
            found = subject
    return found


def has_subject(sentence: str, pos) -> bool:
    """Does the sentence's first clause open with a noun (after time words)? 目前已集成… has none."""
    for w in pos.cut(CLAUSE_MARK.split(sentence.strip(" ，,"), 1)[0]):
        if w.flag in ("t", "m", "x"):
            continue
        return w.flag not in (*VERB_TAGS, "d", "p", "c")
    return True


def clause_subject(clause: str, pos) -> str:
    """小程序通过…: the nouns a clause opens with before its verb, '' when it opens otherwise."""
    words = list(pos.cut(clause.strip(" ，,")))
    nouns = [w.word for w in words[:measures.opening_run(words, OWNER_TAGS)]]
    rest = words[len(nouns):]
    subject = "".join(nouns)
    if not 2 <= han_count(subject) <= MAX_SUBJECT or words[len(nouns) - 1].flag[:1] != "n" or words[len(nouns) - 1].flag == "vn" \
            or not rest or rest[0].flag not in SUBJECT_NEXT:
        return ""
    return subject
