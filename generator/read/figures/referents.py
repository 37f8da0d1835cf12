"""Referents: the topic a text names for a measure, whatever the measure is (shared FRAMES.md: the
measure says what is measured). Called by context.owned, which also completes generic measures.

- 考核结果显示… / 本次考核共评定…: a sentence opening with an event word is about the event of that kind
  named last in its paragraph or the headline (某某考核), for the event's results or a generic count.
- 对首次认定为某某企业的，给予每家企业奖励15万元: an award is the qualifying group's.
- “某某榜单”发布，全国120个乡镇榜上有名: places entering a list are its entrants.
- 这个服务队有16家商户: a demonstrative heading the clause names the owner.
- 其中新增7家、占总量的60%: a share of the total after an increment is the share of what was added.
- 盘活国有“三资”是…。全市累计盘活47亿元: a bare verb takes the object it was named with before.
"""

from __future__ import annotations

import re

from generator.lexicon.text import han_count
from generator.records import Figure
from .cues import FIXED_WORDS, Cues
from . import measures
from .measures import CLASSIFIERS, VERB_TAGS

GENERIC_HEADS = frozenset(FIXED_WORDS["generic_heads"])
SPEECH_TAIL = tuple(FIXED_WORDS["context_speech_verbs"])
CONTINUATIONS = tuple(FIXED_WORDS["frame_continuations"])
LISTING = tuple(FIXED_WORDS["listing_verbs"])
RESULT_VERBS = tuple(FIXED_WORDS["event_result_verbs"])
LIST_ENDS = tuple(sorted(FIXED_WORDS["list_name_ends"], key=len, reverse=True))
DEMONSTRATIVES = tuple(FIXED_WORDS["topic_demonstratives"])
QUOTED = re.compile("“[^“”]{2,30}”")
NUMBER = re.compile("[0-9０-９%％]")
CLAUSE_MARK = re.compile("[，,；;：:]")
OWNER_TAGS = frozenset(FIXED_WORDS["context_owner_tags"])
NAME_PART_TAGS = OWNER_TAGS - {"a"}  # 这个X: an adjective does not open a name
MAX_OWNER = 16  # han characters of an owner a clause can give
MAX_SUBJECT = 8  # han characters of a subject or object carried into a measure
MAX_VERB = 4  # characters of a measure that is one verb
QUALIFYING = re.compile(f"对([^对]{{2,{MAX_OWNER}}}?)(的?)$")  # 对首次认定为某某企业的，: who qualifies


def event_meant(sentence: str, before: str, headline: str, pos, cues: Cues | None) -> str:
    """考核结果显示，… / 本次考核共评定…: a sentence opening with a bare or pointed-at event word is
    about the event of that kind named last before it, in the paragraph or else the headline
    (某某战略实绩考核). '' when the sentence opens otherwise or no such name is found."""
    if cues is None:
        return ""
    head = sentence.lstrip(" ，,“")
    head = head[next((len(w) for w in cues.get("scope.this") if head.startswith(w)), 0):]
    kind = next((k for k in cues.get("scope.events") if head.startswith(k)), "")
    if not kind or head[len(kind):].startswith(SPEECH_TAIL):
        return ""  # 会议指出，…: what a meeting says is the region's, not the meeting's
    for text in (before, headline):
        at = text.rfind(kind)
        while at > 0:
            name = _nouns_before(text[max(0, at - MAX_OWNER): at], pos)
            if name:
                return name + kind
            at = text.rfind(kind, 0, at)
    return ""


def _nouns_before(text: str, pos) -> str:
    """The run of nouns that ends `text` (…实施乡村振兴战略实绩 -> 乡村振兴战略实绩), '' if under 2 han."""
    words = list(pos.cut(text))

    def named(i: int) -> bool:
        w = words[i]
        return (w.flag in OWNER_TAGS or w.flag == "ns") and not w.word.startswith("全") and not NUMBER.search(w.word)

    kept: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        # a verb between two nouns is part of the name (乡村/振兴/战略), not what was done to it (实施)
        if named(i) or (kept and words[i].flag in VERB_TAGS and i > 0 and named(i - 1)):
            kept.insert(0, words[i].word)
            continue
        break
    name = re.sub("^年度?", "", "".join(kept))  # 2024年度某某考核: the year's tail is no part of the name
    return name if han_count(name) >= 2 else ""


def recipient(sentence: str, at: int, figure: Figure, pos) -> str:
    """对首次认定为高新技术企业的，给予每家企业一次性奖励15万元: an award in a clause with no subject after
    a clause naming who qualifies (对…的) is that group's award (首次认定为高新技术企业一次性奖励). ''
    otherwise."""
    start = max((m.end() for m in CLAUSE_MARK.finditer(sentence, 0, at + 1)), default=0)
    if start == 0:
        return ""
    previous = sentence[max((m.end() for m in CLAUSE_MARK.finditer(sentence, 0, start - 1)), default=0): start - 1]
    m = QUALIFYING.search(previous.strip())
    if m is None or not (m.group(2) or "每" in figure.measure):
        return ""  # 对某某，…: a group, not a matter (对标…), only where each of it gets something (每人)
    words = list(pos.cut(sentence[start: at + len(figure.quote)]))
    if not words or words[0].flag not in VERB_TAGS:
        return ""
    measure = figure.measure
    if words[0].word and measure.startswith(words[0].word):
        measure = measure[len(words[0].word):]  # 给予…: the giving is no part of what is given
    per = measure.find("每")
    if per >= 0:  # 每家企业一次性奖励: the unit is the group's, the measure is what each gets
        rest = list(pos.cut(measure[per + 1:]))
        skip = 1 if rest and (rest[0].word[:1] in CLASSIFIERS or rest[0].flag[:1] == "n") else 0
        # 每家/企业: a measure word and its noun; 每人: the noun alone
        skip += 1 if skip and rest[0].flag == "q" and len(rest) > 1 and rest[1].flag[:1] == "n" else 0
        measure = "".join(w.word for w in rest[skip:])
    return m.group(1) + measure if han_count(measure) >= 2 else ""


def listed_in(sentence: str, at: int, figure: Figure) -> str:
    """“2024某某榜单”发布，全国120个乡镇榜上有名: places counted as entering a list are the list's
    entrants; the list is the last quoted name before them in the sentence ('' if none)."""
    clause = CLAUSE_MARK.split(sentence[at:], 1)[0]
    if not any(v in clause for v in LISTING):
        return ""
    text = sentence[:at]
    names = [m.group() + next((e for e in LIST_ENDS if text.startswith(e, m.end())), "")
             for m in QUOTED.finditer(text)]  # “…榜单” or “…”榜: a list, not any quoted name
    names = [n for n in names if n.rstrip("”").endswith(LIST_ENDS)]
    return names[-1] if names else ""


def demonstrated(text: str, figure: Figure, pos, cues: Cues | None) -> str:
    """这个服务队目前有16家商户: a demonstrative heading the clause points at what owns the counts,
    named by the nouns after it ('' when there is none, or a unit the scope already names: 该公司)."""
    if figure.unit_normalized not in CLASSIFIERS or han_count(figure.measure) > MAX_SUBJECT:
        return ""
    start = max((m.end() for m in CLAUSE_MARK.finditer(text)), default=0)
    clause = text[start:].lstrip("“ ")
    this = next((w for w in DEMONSTRATIVES if clause.startswith(w)), "")
    anaphora = cues.get("scope.anaphora") if cues is not None else ()
    if not this or clause.startswith(anaphora):
        return ""
    words = list(pos.cut(clause[len(this):]))
    nouns = [w.word for w in words[:measures.opening_run(words, NAME_PART_TAGS)]]
    name = "".join(nouns)
    if name in GENERIC_HEADS or not 3 <= han_count(name) <= MAX_SUBJECT or words[len(nouns) - 1].flag[:1] != "n":
        return ""  # 这些企业: plain things named before, no owner worth naming
    return name


def part_share(figure: Figure, prior: list[Figure], cues: Cues | None) -> str:
    """其中今年新增7家、占总量的60%: a share of the total right after an increment of the same things is
    the share of what was added, named as the increment's clause names it (今年新增某某). '' otherwise."""
    last = prior[-1] if prior else None
    if figure.aspect.value != "share" or last is None or last.quote != figure.quote \
            or last.aspect.value != "increment" or cues is None:
        return ""
    # the increment itself may name nothing yet (其中新增7家): it counts what the sentence named last
    lead = last.quote[: max(last.quote.find(last.value), 0)].strip(" ，,")
    lead = lead[next((len(w) for w in CONTINUATIONS if lead.startswith(w)), 0):]
    if not 2 <= han_count(lead) <= MAX_SUBJECT or NUMBER.search(lead):
        return ""
    # (an increment labelled by its own lead, 近三年新增, names no thing either)
    named = next((f.measure for f in reversed(prior) if f.measure and lead not in f.measure
                  and not measures.names_nothing(f.measure, cues)), "")
    return lead + named if named else ""


def measure_verb(measure: str, pos) -> bool:
    """盘活, 流转: a measure that is one verb alone, saying what was done but not to what."""
    if not 2 <= len(measure) <= MAX_VERB:
        return False
    words = list(pos.cut(measure))
    return len(words) == 1 and words[0].flag in (*VERB_TAGS, "vn") and han_count(measure) >= 2


def verb_object(verb: str, text: str, pos) -> str:
    """盘活国有“三资”是…: the verb with the object it last took in `text` ('' if none)."""
    at = text.rfind(verb)
    while at >= 0:
        words = list(pos.cut(text[at + len(verb): at + len(verb) + 16]))
        taken: list[str] = []
        quoted = False
        for w in words:
            if w.word in "“”":
                quoted = w.word == "“"
                taken.append(w.word)
            elif quoted or w.flag in OWNER_TAGS:
                taken.append(w.word)
            else:
                break
        obj = "".join(taken)
        if not quoted and 2 <= han_count(obj) <= MAX_SUBJECT:
            return verb + obj
        at = text.rfind(verb, 0, at)
    return ""
