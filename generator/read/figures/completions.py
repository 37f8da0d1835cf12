"""Measures completed from the figures and words around them (shared FRAMES.md: the measure says
what is measured): a company's own figures (企业产值), X绝对值 after a measure ending in X, a short
rate listed after a rate of a named thing, holders of an honour named before (获此殊荣), participants
of an activity named before them, an attribute of the things counted just before (数量), and the
area an amount of land measures (造林面积). Called from topics.carry with the sentence's figures.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.lexicon.text import alternation, han_count
from generator.records import Figure
from .cues import FIXED_WORDS
from .measures import VERB_TAGS

COMPANY_ENDINGS = tuple(FIXED_WORDS["company_endings"])
COMPANY_ATTRIBUTES = frozenset(FIXED_WORDS["company_attributes"])
LEVEL_WORDS = tuple(FIXED_WORDS["level_words"])
AREA_BASES = frozenset(FIXED_WORDS["area_bases"])
AREA_MEASURE = FIXED_WORDS["area_measure"][0]
AREA_ENDS = tuple(FIXED_WORDS["area_label_ends"])
COUNT_ATTRIBUTES = frozenset(FIXED_WORDS["count_attributes"])
DIMENSION_WORDS = tuple(sorted(FIXED_WORDS["dimension_words"], key=len, reverse=True))
HONOURS = tuple(FIXED_WORDS["honour_anaphors"])
HONOURED = re.compile(f"(?:{alternation(FIXED_WORDS['honour_verbs'])})([^，,。；;！!？?]{{2,24}})[，,。；;！!？?]")
ACTIVITY = re.compile(f"(?:{alternation(FIXED_WORDS['activity_verbs'])})([^，,。；;：:]{{2,16}}?)[，,]")
PARTICIPANTS = ("参与人数", "参与人次")
QUOTED_NAME = re.compile("“[^“”]{2,12}”")
MAX_RATE = 6  # han characters of a short rate that takes the topic of the one before it


def completed(sentence: str, before: str, figure: Figure, prior: list[Figure], earlier: list[Figure], pos) -> str:
    """The completed measure of `figure` ('' when none of these applies). `prior`: the sentence's
    figures before it; `earlier`: the paragraph's; `before`: the paragraph's text before the sentence."""
    measure = figure.measure
    counted = prior[-1].measure + measure if prior and measure in COUNT_ATTRIBUTES else ""
    return company(measure, figure.scope) or honour(measure, before + sentence) or same_object(measure, prior) or \
        participants(figure, sentence) or counted or of_level(measure, [*prior[::-1], *earlier[::-1]], pos) or \
        parallel_rate(figure, prior, pos) or named_kind(measure, [*prior[::-1], *earlier[::-1]], pos)


def named_kind(measure: str, before: list[Figure], pos) -> str:
    """“某新欧”中欧班列开行808列…；回程班列发运338列: a measure sharing a noun with one named by a
    quoted brand before it is of that brand too (“某新欧”回程班列发运). '' otherwise."""
    if pos is None or "“" in measure:
        return ""
    # the thing shared, not the action (“某”项目交房…；安置房交房 are two kinds)
    nouns = {w.word for w in pos.cut(measure) if w.flag[:1] == "n" and len(w.word) >= 2 and not measure.endswith(w.word)}
    for f in before:
        m = QUOTED_NAME.match(f.measure)
        if m and nouns & {w.word for w in pos.cut(f.measure[m.end():]) if w.flag[:1] == "n"}:
            return m.group() + measure
    return ""


def same_object(measure: str, prior: list[Figure]) -> str:
    """钢管直径达2240毫米、长23米 -> 钢管长度: a bare dimension after another dimension of the sentence
    measures the same object. '' otherwise."""
    if measure not in DIMENSION_WORDS or not prior:
        return ""
    last = prior[-1].measure
    dim = next((d for d in DIMENSION_WORDS if last.endswith(d) and d != last), "")
    return last[: -len(dim)] + measure if dim and han_count(last) - len(dim) >= 2 else ""


def company(measure: str, scope: str | None) -> str:
    """某科技有限公司…产值达3.5亿元 -> 企业产值: a company's own figure is the firm's. '' otherwise."""
    return "企业" + measure if scope and scope.endswith(COMPANY_ENDINGS) and measure in COMPANY_ATTRIBUTES else ""


def of_level(measure: str, before: list[Figure], pos) -> str:
    """农村居民人均可支配收入39801元…，收入绝对值连续17年位居全省首位: X绝对值 after a measure ending in
    X is that measure itself. '' otherwise."""
    words = [w.word for w in pos.cut(measure)] if pos is not None and measure else []
    if len(words) < 2 or not "".join(words[1:]).startswith(LEVEL_WORDS):
        return ""
    head, rest = words[0], "".join(words[1:])
    level = next(w for w in LEVEL_WORDS if rest.startswith(w))
    whole = next((f.measure for f in before if f.measure.endswith(head) and han_count(f.measure) > len(head)), "")
    return whole + rest[len(level):] if whole else ""


def parallel_rate(figure: Figure, prior: list[Figure], pos) -> str:
    """12345热线工单回访满意率达90%，问题解决率达80%: a short rate listed after a rate of a named thing
    (the nouns before its verb) is of that thing too. '' otherwise."""
    measure = figure.measure
    last = prior[-1] if prior else None
    if pos is None or last is None or last.unit_normalized != "%" \
            or not measure.endswith("率") or not last.measure.endswith("率") or han_count(measure) > MAX_RATE:
        return ""
    words = list(pos.cut(last.measure))
    verb = next((i for i, w in enumerate(words) if w.flag in VERB_TAGS), 0)
    topic = "".join(w.word for w in words[:verb])
    return topic + measure if verb and han_count(topic) >= 2 and not measure.startswith(topic) else ""


def honour(measure: str, text: str) -> str:
    """该县跻身全国X“领跑县”。…已有4个县获此殊荣 -> 全国X“领跑县”: a count of holders of an honour
    named before. '' otherwise."""
    if not any(w in measure for w in HONOURS):
        return ""
    at = max(text.find(w) for w in HONOURS)
    found = list(HONOURED.finditer(text[:at] if at > 0 else text))
    return found[-1].group(1).strip() if found else ""


def participants(figure: Figure, sentence: str) -> str:
    """创新开展“X”活动，吸引6.2万人参与 -> “X”活动参与人数: participants of the activity named before
    them in the sentence. '' otherwise."""
    if figure.measure not in PARTICIPANTS:
        return ""
    at = sentence.find(figure.quote)
    found = list(ACTIVITY.finditer(sentence[:at] if at > 0 else ""))
    return found[-1].group(1).strip() + figure.measure if found else ""


def area(figure: Figure, prior: list[Figure]) -> Figure:
    """造林5万亩 -> 造林面积; 3000户农户参与种植4万亩 -> 参与种植面积: an amount of land measures the area
    of what it names, without the people a count before it in the clause counted."""
    measure = figure.measure
    if figure.unit_normalized not in AREA_BASES or han_count(measure) < 2 or measure.endswith(AREA_ENDS):
        return figure
    last = prior[-1] if prior and prior[-1].quote == figure.quote else None
    counted = last.measure.rsplit("的", 1)[-1] if last is not None and "的" in last.measure else ""
    if counted and measure.startswith(counted) and han_count(measure) - han_count(counted) >= 2:
        measure = measure[len(counted):]
    return replace(figure, measure=measure + AREA_MEASURE)
