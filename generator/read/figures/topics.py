"""Topics: a measure that names only an attribute or a short head takes the thing it belongs to
from earlier in its sentence or paragraph (shared FRAMES.md: the measure says what is measured).

- 铺排重点项目120个，总投资300亿元: the investment is the projects' (重点项目总投资); 推进30个
  棚户区改造，涉及900户: the households are the renovation's (棚户区改造涉及…).
- 实现规模以上工业产值…；实现销售产值…: an attribute sharing its head with the measure before
  it belongs to the same thing (规模以上工业销售产值).
- 纺织业领跑全县，增加值增长9%: a sentence opening with a noun and no number is about that noun;
  a paragraph opening 医疗是民生之需。 is about 医疗.
- 新材料产业链入选…，产业链产值 / 全链产值: a short head stands for the fuller name given before.
- 进出口总额300亿元，其中出口200亿元: a part of the measure before it keeps that one's head (出口总额).
- 出口总额…；进口…: a short measure parallel to the opening of the one before keeps its head.
- 依托某服务平台，受理诉求300件 / 在某招商活动中，…签约项目8个: a count after a frame naming a
  platform, programme or event in its sentence counts that one's things.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.lexicon.text import HAN, alternation, han_count
from generator.records import Figure
from .cues import FIXED_WORDS, Cues
from . import completions, context, measures
from .measures import CLASSIFIERS, KEEP_VERBS, NOUN_TAGS, VERB_TAGS

ATTRIBUTES = frozenset(FIXED_WORDS["topic_attributes"])
COLLECTIVES = FIXED_WORDS["collective_owners"]
COLLECTIVE_MEASURES = frozenset(FIXED_WORDS["collective_measures"])
CONTINUATIONS = tuple(FIXED_WORDS["frame_continuations"])
RELATIONS = FIXED_WORDS["topic_relations"]
HEADS = re.compile(f"^(?:{alternation(FIXED_WORDS['topic_heads'], longest_first=True)})")
FRAME = re.compile(f"(?:(?:{alternation(FIXED_WORDS['topic_frame_verbs'])})([^，,。；;：:]{{2,16}}?)|"
                   f"在([^，,。；;：:]{{2,16}}?)(?:{alternation(FIXED_WORDS['topic_frame_ends'])}))[，,]")
FRAMED_ASPECTS = ("level", "increment")
MAX_FRAMED = 6  # han characters of a count's measure a frame completes (签约项目; not a measure of its own)
MAX_NAME = 8
MAX_PART = 4  # han characters of a part's name (出口 in 进出口总额)  # han characters of a name a topic can be
CLAUSE_MARK = re.compile("[，,：:；;]")
NAMED_LIST = re.compile(f"(?:{alternation(FIXED_WORDS['list_name_verbs'])})\\s*(?:“([^“”]{{2,30}})”|"
                        f"([^，,。；;：:“”]{{2,24}}?)(?:{alternation(FIXED_WORDS['list_name_ends'], longest_first=True)}))")
LEADING_YEAR = re.compile(r"^\s*(?:19|20)[0-9]{2}\s*(?:年度|年)?\s*")
MODIFIER_TAGS = frozenset(NOUN_TAGS) - {"ns", "s"} | {"a"}  # a place is a scope, not part of a name
SUBJECT_TAGS = MODIFIER_TAGS - {"vn"}  # a verbal noun opening a clause is its action, not its subject


def carry(sentence: str, before: str, found: list[Figure], earlier: list[Figure], pos,
          own: tuple[str, ...], cues: Cues | None = None, headline: str = "") -> list[Figure]:
    """The figures of one sentence, their measures completed with their topic. `before`: the
    paragraph's text before the sentence; `earlier`: the paragraph's figures before it; `cues`:
    to name the indicator a completed measure is (小麦…、产量 -> 小麦产量); `headline`: the
    article's title (what an event word opening a sentence may point back to)."""
    out: list[Figure] = []
    actor = counted_actor(sentence, found, pos, own)
    for figure in found:
        if actor and figure is not found[0] and figure.quote != found[0].quote and _framed(figure) \
                and not figure.quote.startswith(figure.value) \
                and not figure.measure.startswith(actor) and figure.indicator is None \
                and not any(v in figure.quote for v in KEEP_VERBS):  # 带动N户增收: counted by whom they benefit
            figure = replace(figure, measure=actor + figure.measure)  # 4个工作队走访…，签约项目9个
        if not figure.measure and not out and figure.aspect.value == "rank":
            # 入选“X百强”，排名第9位: a rank named by nothing before it in its sentence ranks in that list
            listed = named_list(before + sentence[:max(sentence.find(figure.quote), 0)])
            figure = replace(figure, measure=listed + measures.unnamed("rank")) if listed else figure
        if figure.indicator is None and figure.measure:
            measure = collective(figure.measure, figure.scope) or \
                completions.completed(sentence, before, figure, out, earlier, pos) or \
                _topic_measure(sentence, before, figure, out, earlier, pos, own, cues)
            if measure != figure.measure:
                figure = replace(figure, measure=measure, indicator=_indicator(measure, figure, cues))
        out.append(completions.area(figure, out))
    # once the sentence's measures are complete, a generic one takes the topic its context set up
    return [replace(f, measure=m) if (m := context.owned(sentence, before, f, out[:i], pos, own, cues, headline)) else f
            for i, f in enumerate(out)]



def _indicator(measure: str, figure: Figure, cues: Cues | None) -> str | None:
    """The standard indicator a completed measure names exactly, if its unit fits."""
    found = cues.indicator_term(measure) if cues is not None else None
    if found is None or found[1] != measure or figure.aspect.value == "rank" or not cues.fits(found[0], figure.unit_normalized):
        return figure.indicator
    return found[0].name


def _topic_measure(sentence: str, before: str, figure: Figure, prior: list[Figure], earlier: list[Figure],
                   pos, own: tuple[str, ...], cues: Cues | None = None) -> str:
    measure = figure.measure
    if measure.startswith(RELATIONS):
        anchor = _counted(prior)
        return anchor.measure + measure if anchor is not None else measure
    joined = _joined_attribute(measure, _counted(prior))
    if joined:
        return joined
    if measure in ATTRIBUTES:
        anchor = _counted(prior)
        if anchor is not None:
            return anchor.measure + measure
        # nearest first: the sentence's measures, the noun it opens with, then the paragraph's
        topic = _shared_head(measure, prior[::-1]) or _shared_modifier(figure, prior, pos) or \
            opening_subject(sentence, pos, own) or \
            _shared_head(measure, earlier[::-1]) or paragraph_topic(before, pos)
        return topic + measure
    related = _related_sibling(measure, prior)
    if related:
        return related
    whole = next((f for f in [*prior[::-1], *earlier[::-1]] if f.unit_normalized == figure.unit_normalized), None)
    if whole is not None:
        part = part_of(measure, whole.measure) or parallel(measure, whole.measure)
        if part:
            return part
    at = max(sentence.find(figure.quote), 0)
    m = HEADS.match(measure)
    if m:
        fuller = fuller_name(before + sentence[:at], pos)
        if fuller and fuller != m.group():
            return fuller + measure[m.end():]
        return measure
    if _framed(figure):
        frame = framing(sentence[:at], pos, own)  # a later sentence may open a frame of its own
        if not frame and sentence.lstrip("，, ").startswith(CONTINUATIONS):
            frame = framing(before, pos, own)  # 依托X，…。目前，累计…: the paragraph's frame goes on
        if frame and cues is not None and frame.endswith(cues.get("scope.events")):
            frame = context.short_event(frame) or frame  # 在2025“某某周”活动中 -> “某某周”
        if frame and not measure.startswith(frame):
            return frame + (context.acted(figure, pos) if pos is not None else measure)
    return measure


def _framed(figure: Figure) -> bool:
    """A short count of things done or had, which a frame or an actor can complete."""
    return figure.unit_normalized in CLASSIFIERS and figure.aspect.value in FRAMED_ASPECTS \
        and 2 <= han_count(figure.measure) <= MAX_FRAMED


def counted_actor(sentence: str, found: list[Figure], pos, own: tuple[str, ...]) -> str:
    """全县4个工作队累计走访企业300家，签约项目9个: a sentence whose subject is a count of
    actors doing something is about what those actors did. '' when it opens otherwise."""
    if pos is None or not found or found[0].unit_normalized not in CLASSIFIERS:
        return ""
    first = found[0]
    written = first.value + first.unit
    at = first.quote.find(written)
    if at < 0:
        return ""
    lead = first.quote[:at]
    for name in own:
        lead = lead.replace(name, "")
    if han_count(lead) > 2:
        return ""
    words = list(pos.cut(first.quote[at + len(written):][:20]))
    nouns = [w.word for w in words[:measures.opening_run(words, MODIFIER_TAGS)]]
    rest = words[len(nouns):]
    actor = "".join(nouns)
    if han_count(actor) < 2 or words[len(nouns) - 1].flag[:1] != "n" or not rest or rest[0].flag not in (*VERB_TAGS, "d"):
        return ""
    return actor


def collective(measure: str, scope: str | None) -> str:
    """某村年收入达110万元 -> 村集体年收入: a village's income is its collective's. '' otherwise."""
    owner = next((o for o in COLLECTIVES if scope and scope.endswith(o.removesuffix("集体"))), "")
    return owner + measure if owner and measure in COLLECTIVE_MEASURES else ""






def named_list(text: str) -> str:
    """入选“2030城市创新百强”，排名第9位 -> 城市创新百强: the last list `text` names as entered or
    published, without its year; '' if none."""
    found = list(NAMED_LIST.finditer(text))
    if not found:
        return ""
    name = LEADING_YEAR.sub("", found[-1].group(1) or found[-1].group(2)).strip()
    return name if han_count(name) >= 2 else ""


def framing(text: str, pos, own: tuple[str, ...]) -> str:
    """The platform, programme or event the last frame of `text` names (依托X，/ 在X中，), '' if none."""
    if pos is None:
        return ""
    found = list(FRAME.finditer(text))
    if not found:
        return ""
    m = found[-1]
    name = (m.group(1) or m.group(2) or "").strip()
    words = list(pos.cut(name))
    tags = NOUN_TAGS if m.group(1) else (*NOUN_TAGS, *VERB_TAGS)  # 在评选中: an activity
    if not words or words[-1].flag not in tags or name.startswith(("全", *own)) or han_count(name) < 2:
        return ""
    return name


def part_of(measure: str, whole: str) -> str:
    """进出口总额…，其中出口…: a short measure inside the one before it names a part, and keeps the
    whole's head (出口总额). '' when it is no part."""
    if not 2 <= han_count(measure) <= MAX_PART or measure == whole:
        return ""
    i = whole.find(measure)
    head = whole[i + len(measure):] if i > 0 else ""
    return measure + head if han_count(head) >= 1 else ""


def parallel(measure: str, before: str) -> str:
    """出口总额…；进口…, 应到代表…，实到…: a short measure parallel to the opening of the one before
    it (same length, same last character) keeps that one's head. '' otherwise."""
    n = len(measure)
    if not 2 <= han_count(measure) <= MAX_PART or han_count(before) - n < 2 or before[:n] == measure \
            or before[n - 1] != measure[-1] or measure in before:
        return ""
    return measure + before[n:]


def _related_sibling(measure: str, prior: list[Figure]) -> str:
    """涉及建筑面积3万平方米，宗地面积1万平方米: the next item of the same kind shares the relation."""
    if not prior or han_count(measure) > MAX_PART + 2 or measure.startswith(RELATIONS):
        return ""
    last = prior[-1].measure
    at = max((last.find(w) for w in RELATIONS), default=-1)
    if at < 0:
        return ""
    verb = next(w for w in RELATIONS if last.find(w) == at)
    item = last[at + len(verb):]
    return last[: at + len(verb)] + measure if len(item) >= 2 and item[-2:] == measure[-2:] and item != measure else ""


def _joined_attribute(measure: str, anchor: Figure | None) -> str:
    """推进12个棚户区改造…，改造总面积3万平方米: an attribute opening with the counted thing's last
    word is that thing's (棚户区改造总面积). '' otherwise."""
    if anchor is None:
        return ""
    name = anchor.measure
    for n in range(min(len(name) - 1, 4), 1, -1):
        if measure.startswith(name[-n:]) and measure[n:] in ATTRIBUTES:
            return name + measure[n:]
    return ""


def _counted(prior: list[Figure]) -> Figure | None:
    """The nearest figure before, in the sentence, that counts things (重点项目120个)."""
    for f in reversed(prior):
        if any(w in f.measure for w in RELATIONS) or f.measure.endswith(tuple(ATTRIBUTES)):
            continue  # another attribute of the same thing
        # a long label is a clause (本级办理不动产证), not the name of what is counted
        if f.unit_normalized in CLASSIFIERS and 2 <= han_count(f.measure) <= MAX_NAME and f.indicator is None:
            return f
        return None
    return None


def _shared_head(attribute: str, before: list[Figure]) -> str:
    """规模以上工业产值 before 销售产值 -> 规模以上工业: the nearest measure ending in the attribute's head."""
    for f in before:
        name = f.measure
        if not name or name == attribute:
            continue
        n = 0
        while n < min(len(name), len(attribute)) and name[-1 - n] == attribute[-1 - n]:
            n += 1
        if n >= 2 and han_count(name[: len(name) - n]) >= 2 and not attribute.startswith(name[: len(name) - n]):
            return name[: len(name) - n]
    return ""


def _shared_modifier(figure: Figure, prior: list[Figure], pos) -> str:
    """完成小麦播种面积60万亩、产量25万吨: an attribute listed after a measure of the same clause
    shares its opening noun (小麦产量)."""
    if pos is None or not prior or prior[-1].quote != figure.quote:
        return ""
    words = list(pos.cut(prior[-1].measure))
    return words[0].word if len(words) >= 2 and words[0].flag == "n" and han_count(words[0].word) >= 2 else ""


def opening_subject(sentence: str, pos, own: tuple[str, ...]) -> str:
    """The noun a sentence opens with when its first clause holds no number and goes on with a
    verb (纺织业领跑全县，…): what the sentence is about. '' otherwise."""
    if pos is None:
        return ""
    parts = CLAUSE_MARK.split(sentence, 1)
    if len(parts) < 2 or re.search("[0-9一二三四五六七八九十百千万亿]", parts[0]):
        return ""
    words = list(pos.cut(parts[0]))
    nouns = [w.word for w in words[:measures.opening_run(words, SUBJECT_TAGS)]]
    subject = "".join(nouns)
    rest = words[len(nouns):]
    if han_count(subject) < 2 or not rest or rest[0].flag not in VERB_TAGS or subject.startswith(("全", *own)):
        return ""
    return subject


def paragraph_topic(before: str, pos) -> str:
    """教育是民生之本。…累计投入3亿元: a paragraph opening with a short sentence saying what X is,
    with no number, is about X. '' otherwise."""
    first = re.split("[。！？!?]", before, 1)[0] if re.search("[。！？!?]", before) else ""
    m = re.match(f"([{HAN}]{{2,6}}?)(?:是|乃)", first)
    if pos is None or not m or re.search("[0-9]", first):
        return ""
    words = list(pos.cut(m.group(1)))
    return m.group(1) if words and all(w.flag in MODIFIER_TAGS for w in words) and words[-1].flag[:1] in "nv" else ""


def fuller_name(text: str, pos) -> str:
    """The last full name ending in a topic head in `text`: …先进材料产业链成功入选… -> 先进材料产业链."""
    best = ""
    for m in re.finditer(f"[{HAN}]{{2,12}}?(?:产业链|产业集群)", text):
        head = "产业集群" if m.group().endswith("集群") else "产业链"
        stem = text[max(0, m.end() - len(head) - 12): m.end() - len(head)]
        if stem.endswith("全"):
            continue
        modifier = _modifier_before(stem, pos)
        if modifier:
            best = modifier + head
    return best


def _modifier_before(text: str, pos) -> str:
    """The run of nouns and adjectives that ends `text` (…钢铁材料 -> 钢铁材料)."""
    if pos is None or not text:
        return ""
    words = list(pos.cut(text))
    kept: list[str] = []
    for w in reversed(words):
        if w.flag in MODIFIER_TAGS and re.fullmatch(f"[{HAN}]+", w.word):
            kept.insert(0, w.word)
            continue
        break
    phrase = "".join(kept)
    return phrase if han_count(phrase) >= 2 else ""
