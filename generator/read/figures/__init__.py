"""Figures: every number of an article read into a frame (records.Figure; slots: shared FRAMES.md).

Paragraphs are cut into sentences and clauses; all work is per sentence (linear in the
paragraph). For each number: tokens.py finds value, unit and hedges; labels.py the words that
label it and measures.py the measure written from them (jieba part-of-speech tags, data/figure_words.yml;
edges.py its end words), phrases.py a counted noun's own predicate as "V的N", itemlists.py a 分别 list
named in the clause before, topics.py, completions.py, context.py and referents.py what a measure
takes from its sentence, paragraph, headline and neighbours; slots.py aspect, modality, scope and
base from cue words (data/frames.yml), parts.py a named part opening a clause, carry.py a unit
carried from earlier sentences (该院, a quotation's speaker); periods.py the governing time words;
cues.py the standard indicator (data/indicators.yml); trust.py marks frames a reader would
misread (Figure.doubt), which the digest withholds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from generator.lexicon.catalogue import Catalogue, Units
from generator.lexicon.memo import Memo
from generator.lexicon.text import alternation
from generator.ids import stable_id
from generator.records import Article, Aspect, Figure, Modality, Period
from . import carry, labels, measures, parts, periods, slots, topics, trust
from .fromto import ENUM_JOINS, from_to, from_to_years
from .cues import FIXED_WORDS, Cues, load_cues
from .tokens import CLAUSE_END, inside_quoted_name, scan

__all__ = ["extract_figures", "load_cues", "Cues", "reference_year", "sentences"]

SENTENCE_END = re.compile(r"[。；！？;!?\n]")
MAX_SENTENCE = 400
LEADING_CHARS = 4  # a time this near a sentence's start frames the sentences after it
LEAD_CHARS = 600  # how much of a lead paragraph can set the article's time frame  # longer runs are cut at clause marks (bounded work per piece)
GROWTH_OF = ("增速", "增幅", "增长", "占比", "比重")
ALLOTTED_TO = tuple(FIXED_WORDS["allotment_heads"])
TIME_ANAPHORS = tuple(FIXED_WORDS["time_anaphors"])
ANECDOTE_UNITS = tuple(FIXED_WORDS["anecdote_units"])


def reference_year(article: Article, published: str | None = None, cues: Cues | None = None) -> int | None:
    """The year relative time words resolve against: the publication date's, else the article's.
    A work report published in January–April reports on the year before."""
    m = re.match(r"((?:19|20)\d{2})(?:-(\d{2}))?", str(published or ""))
    if not m:
        return article.year
    year = int(m.group(1))
    if cues is not None and m.group(2) and int(m.group(2)) <= 4:
        lead = article.title + article.draft.subtitle + "".join(article.paragraphs[:2])
        if any(w in lead for w in cues.get("closed_year_report")):
            return year - 1
    return year


def sentences(paragraph: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each sentence; a long run is cut at clause marks, then hard."""
    start = 0
    for m in SENTENCE_END.finditer(paragraph + "。"):
        end = min(m.end(), len(paragraph))
        while end - start > MAX_SENTENCE:
            cut = start + MAX_SENTENCE
            piece = paragraph[start:cut]
            marks = [c.end() for c in CLAUSE_END.finditer(piece)]
            cut = start + marks[-1] if marks and marks[-1] > MAX_SENTENCE // 4 else cut
            yield start, paragraph[start:cut]
            start = cut
        if end > start:
            yield start, paragraph[start:end]
        start = end


def _spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in CLAUSE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _frame(reader: periods.TimeReader, texts: list[str]) -> periods.Time | None:
    """The first plain time of a section's heading or first sentence (the frame a section sets)."""
    return _frame_at(reader, texts)[0]


def _frame_at(reader: periods.TimeReader, texts: list[str], first_body: int = 2) -> tuple[periods.Time | None, int]:
    """The frame and the index of the text it stands in (-1: none). Headlines frame whatever
    time they name; a body paragraph (index >= first_body) only by a time that opens it or
    stands in a sentence with no number (今年以来，… / 2025年是收官之年): 2022年实现GDP… dates
    its own figures, and a 今年 in a quoted anecdote dates nothing else."""
    for i, text in enumerate(texts):
        for at, sentence in (sentences(text or "") if i >= first_body else [(0, text or "")]):
            for t in reader.find(sentence):
                # 近年来 opens no frame for later paragraphs: it says nothing about when a number stood
                if t.baseline or t.day or t.streak or t.period.start is None or periods.in_speech(sentence, t.start):
                    continue
                if i < first_body or at + t.start <= LEADING_CHARS or not periods.has_number(sentence, t):
                    return t, i
    return None, -1


def _first_sentence(paragraphs: list[str]) -> str:
    return next((s for _, s in sentences(paragraphs[0][:LEAD_CHARS])), "") if paragraphs else ""


def _level_word(name: str) -> str:
    return "全" + name[-1] if name else ""


@dataclass(frozen=True)
class _Reading:
    """What every sentence of one article is read with."""

    article: Article
    units: Units
    cues: Cues
    times: periods.TimeReader
    own: tuple[str, ...]  # the region's names
    level_word: str  # 全县 for a county
    pos: object  # jieba.posseg.POSTokenizer or None
    closed_year: bool  # a work report on the year before publication: its targets are for the next
    last_full: int | None = None  # the last complete year before a dated publication (a streak ends there)
    month: str | None = None  # the publication's month (YYYY-MM): when an event the page reports took place


def extract_figures(article: Article, catalogue: Catalogue, units: Units, gazetteer=None,
                    cues: Cues | None = None, published: str | None = None, pos=None) -> list[Figure]:
    """Every figure of an article, in reading order. `published`: the page's date (sidecar);
    `pos`: jieba's POSTokenizer, loaded once by the caller (None: no named sub-units as scopes)."""
    del catalogue, gazetteer  # indicators come from cues; sub-regions are scopes, not regions
    cues = cues or load_cues()
    ref = reference_year(article, published, cues)
    read = cues.once("time memo", lambda: Memo(periods.TimeReader.READ))  # (one for every year's reader)
    reader = cues.once(("time reader", ref), lambda: periods.TimeReader(ref, read))  # (shared: its rules and memo)
    closed = ref != reference_year(article, published)
    # The lead: headline, subtitle, then the start of the first two paragraphs.
    lead = [article.title, article.draft.subtitle, *(p[:LEAD_CHARS] for p in article.paragraphs[:2])]
    r = _Reading(article, units, cues, reader, labels.region_words(article.region),
                 _level_word(article.region.name), pos, closed, periods.last_full(published, ref, reader, lead),
                 periods.month_of(published))
    article_frame, at = _frame_at(reader, lead)
    # In the lead paragraph that sets the frame, its time governs what follows it, not the numbers before it.
    frame_source = lead[at] if at >= 2 else None
    if article_frame is None and r.closed_year and ref is not None:
        article_frame = periods.year_frame(ref)  # a work report on the closed year speaks of that year
    figures: list[Figure] = []
    seen: set[tuple[str, str]] = set()  # (id, measure): a verbatim restatement is one fact
    ids: set[str] = set()
    done: dict[tuple, periods.Time | None] = {}  # a sentence read before in the same frame adds nothing
    index = 0
    review = None  # the latest multi-year review read so far: what an average growth rate spans
    mentioned = carry.Mentioned(r.own, cues, r.pos)  # the named units read so far: what 该院 points back to
    for section in article.draft.sections:
        section_frame = _frame(reader, [section.heading or "", _first_sentence(section.paragraphs)]) or article_frame
        years: dict[str, Period] = {}  # the dated ends of the section's last from-to pair (从2012年的A至2021年的B)
        for paragraph in section.paragraphs:
            index += 1
            para_time = None
            own_frame = section_frame is article_frame and frame_source is not None \
                and paragraph.startswith(frame_source)
            lead_in = ""  # a target announced before a list (主要预期目标：A；B；C。) governs the list
            last_named: Figure | None = None
            onward = False  # (预计数，下同): the rest of the paragraph is estimated too
            frames_on = False  # the paragraph opens with a time and no figure (2025年是收官之年。回望这5年…)
            read: list[Figure] = []  # the paragraph's figures so far: what a later attribute belongs to
            said, topic, first = list(sentences(paragraph)), None, mentioned.mark()
            day = None  # the day the sentence before dated: 7月18日，…揭牌。其间，… happened then
            event = None  # the event an earlier sentence framed (某博览会上，…。…达成合作意向12个): its figures
            for i, (at, sentence) in enumerate(said):
                topic, unit = carry.carried_unit(said, i, topic, mentioned, first, r.own, cues, r.pos)
                mentioned.add(sentence)
                context = para_time or (None if own_frame else section_frame)
                context = day if day is not None and sentence.lstrip("，, ").startswith(TIME_ANAPHORS) else context
                key = (sentence, context, lead_in)
                if key in done:
                    para_time = done[key]
                    continue
                found, para_time = _read_sentence(r, sentence, context, index, lead_in, review, years, onward, unit)
                frames_on = frames_on or (at == 0 and not found and para_time is not None and para_time is not context)
                onward = onward or slots.estimate_onward(sentence, cues)
                done[key] = para_time
                said_times = reader.find(sentence)  # the sentence's own time words, read once here
                review = periods.last_review(said_times) or review
                day = next((t for t in said_times if t.day), None)
                if context is not None and context is section_frame and not said_times:
                    # FRAMES: an anecdote about one compound, community or shop is dated only by time words
                    found = [replace(f, period=None) if f.scope and f.scope.endswith(ANECDOTE_UNITS) else f
                             for f in found]
                if sentence.lstrip("，, ").startswith((*r.own, *cues.get("scope.whole"))):
                    event = None  # 全县…: back to the whole region
                found = [replace(f, scope=event) if event and f.scope is None else f for f in found]
                event = slots.opening_event(sentence, cues) or event
                found = topics.carry(sentence, paragraph[:at], found, read, r.pos, r.own, cues, article.title)
                read.extend(found)
                found, last_named = _carry_measures(found, cues, last_named)
                if sentence.endswith(("；", ";")):
                    lead_in = lead_in or (sentence if slots.modality(sentence, cues) != Modality.ACTUAL else "")
                else:
                    lead_in = ""
                # a restatement is a figure of an earlier sentence; in one clause, 甲市连续2年、丙县连续2年 are two
                fresh = [f for f in found if (f.id, f.measure) not in seen]
                seen.update((f.id, f.measure) for f in fresh)
                for figure in fresh:
                    if figure.id in ids:  # 3个综合体、3个街区: same clause and value, another measure
                        salt = figure.measure
                        while stable_id(figure.id, salt) in ids:
                            salt += "+"
                        figure = replace(figure, id=stable_id(figure.id, salt))
                    ids.add(figure.id)
                    figures.append(figure)
            if frames_on and para_time is not None:
                section_frame = para_time  # a framing paragraph governs the section's later paragraphs
    return trust.mark(figures, cues, r.pos)


def _read_sentence(r: _Reading, sentence: str, context: periods.Time | None, index: int, lead_in: str = "",
                   review: periods.Time | None = None,
                   years: dict[str, Period] | None = None,
                   onward: bool = False, unit: tuple[str, int] | None = None) -> tuple[list[Figure], periods.Time | None]:
    """Figures of one sentence, and the time that governs the rest of the paragraph.
    `unit`: (a unit carried from earlier sentences, where in this one it starts to hold)."""
    cues = r.cues
    times = r.times.find(sentence)
    # The time that governs the next sentences: one opening this sentence (2025年是…), else its
    # last plain time; never a date or a streak (连续三年), which speak of one event.
    plain = [t for t in times if not (t.baseline or t.day or t.streak or t.weak)]
    opening = next((t for t in plain if t.start <= LEADING_CHARS or sentence[t.end:t.end + 1] == "是"), None)
    tokens = [t for t in scan(sentence, r.units) if not inside_quoted_name(sentence, t) and not _not_figure(sentence, t, cues)]
    # a sentence without figures reframes the paragraph only by a time it opens with (在“十四五”征程中 is rhetoric)
    # after the sentence's first figure a single period dates its own clauses only (…62.7万亩，2022年完成…);
    # a review span still frames what follows; 从“十三五”末的8家 dates a start value
    leading = [t for t in plain if not tokens or t.span or t.end <= tokens[0].start
               and not sentence[:t.start].endswith(cues.get("from_words"))]
    next_context = opening or (leading[-1] if leading and (tokens or context is None) else context)
    if next_context is None:  # 全年实现…；规模工业增加值增长8.5%: with nothing else, 全年 frames the paragraph
        next_context = next((t for t in times if t.weak), None)
    if not tokens:
        return [], next_context
    clauses = _spans(sentence)
    drafts: list[labels.Draft] = []
    ci = 0
    for token in tokens:
        while ci < len(clauses) - 1 and token.start >= clauses[ci][1]:
            ci += 1
        drafts.append(labels.Draft(token, clauses[ci], (0, len(sentence)), "level"))
    drafts = [d for i, d in enumerate(drafts) if not _threshold(sentence, d, drafts[:i], cues)]
    from_to(sentence, drafts, cues)
    from_to_years(sentence, drafts, times, years if years is not None else {})
    prev: labels.Draft | None = None
    for d in drafts:
        c0, c1 = d.clause
        start = prev.token.end if prev is not None and prev.clause == d.clause else c0
        before = sentence[start:d.token.start]
        if prev is not None and prev.clause == d.clause and before.strip() in ENUM_JOINS \
                and prev.token.base == d.token.base:
            d.kind = prev.kind  # A、B分别增长5%、6%: the items share the first one's aspect
        else:
            d.kind = slots.aspect(d.token, before, sentence[c0:d.token.start], sentence[d.token.end:c1], cues,
                                  d.is_start or d.previous is not None)
            bare = prev is not None and not (d.is_start or d.previous) and \
                slots.bare_item(sentence[prev.clause[1]:c0], before, sentence[d.token.end:c1], cues)
            if bare and prev.kind == Aspect.INCREMENT and slots.continues_list(prev.token.base, d.token.base, cues):
                d.kind = prev.kind  # 新增A 6个，B 330家: B is added too
            whole = next((e for e in reversed(drafts[:drafts.index(d)]) if e.token.base == d.token.base), None)
            if whole is not None and slots.part_of(sentence[c0:d.token.start], sentence[d.token.end:c1], cues):
                d.kind = whole.kind  # 签约项目256个，其中…项目82个: a part of what was signed
            if bare and slots.flow(sentence[prev.clause[0]:prev.token.start], cues):
                d.extras["flow"] = True  # 累计引进项目12个，投资总额80亿元: a total over the span too
        if prev is not None and prev.clause == d.clause and before.lstrip().startswith("、"):
            d.extras["item"] = before  # 甲县连续2年、乙县连续3年: an item of its own
        prev = d
    labels.label_sentence(sentence, drafts, r.own, r.pos, cues)
    drafts = [d for d in drafts if not d.extras.get("drop")]
    _counted_subjects(r, sentence, drafts)
    out = []
    units: dict = {}  # the sentence's clauses read for the unit they name, shared by its figures
    for d in drafts:
        out.extend(_frames(r, sentence, d, times, context, index, lead_in, review, onward, unit, units))
    return out, next_context


def _counted_subjects(r: _Reading, sentence: str, drafts: list[labels.Draft]) -> None:
    """A figure after a count heading its clause (6个教学点接待游客60万人次) is scoped to the counted units."""
    counts = r.cues.get("scope.count_units")
    for i, e in enumerate(drafts):
        if e.token.base not in counts:
            continue
        later = next((d for d in drafts[i + 1:] if d.clause == e.clause), None)
        if later is None or later.token.base == e.token.base:
            continue
        scope = slots.counted_subject(sentence[e.clause[0]:e.token.start], sentence[e.token.start:e.token.end],
                                      sentence[e.token.end:later.token.start], r.own, r.level_word, r.cues, r.pos)
        if scope:
            later.extras["scope"] = scope


def _carry_measures(found: list[Figure], cues: Cues, last: Figure | None) -> tuple[list[Figure], Figure | None]:
    """出口2029.5亿元，同比增长28.3%: a figure whose words name nothing (同比增长, 增速居全省第一,
    比全省快1.4个百分点) measures what the figure before it in the paragraph measures.
    Returns the figures (new records where a measure was carried or named) and the last named one."""
    carried: list[Figure] = []
    for figure in found:
        if last is None and not figure.measure:
            figure = replace(figure, measure=measures.unnamed(figure.aspect.value))
        if not measures.names_nothing(figure.measure, cues) or last is None:
            last = last if measures.is_streak(figure.measure) and last is not None else figure
            carried.append(figure)
            continue
        of_rate = figure.aspect in (Aspect.RANK, Aspect.CHANGE) and last.aspect in (Aspect.GROWTH, Aspect.GROWTH_AVG)
        indicator = figure.indicator
        if indicator is None and not of_rate and figure.aspect not in (Aspect.RANK,):
            indicator = last.indicator if figure.unit_normalized in ("%", "倍") else None
        carried.append(replace(figure, measure=last.measure + ("增速" if of_rate else ""), indicator=indicator))
    return carried, last


def _not_figure(sentence: str, token, cues: Cues) -> bool:
    """十七届人大 / 二十届历次全会 (a session), GDP≥600亿元 (a threshold)."""
    after = sentence[token.end:token.end + 4]
    before = sentence[max(0, token.start - 4):token.start].rstrip()
    clause_after = CLAUSE_END.split(sentence[token.end:token.end + 40], 1)[0]
    return after.startswith(cues.get("not_figure_after")) or before.endswith(cues.get("not_figure_before")) or \
        any(w in clause_after for w in cues.get("not_figure_in_clause_after"))


def _threshold(sentence: str, d: labels.Draft, earlier: list[labels.Draft], cues: Cues) -> bool:
    """超15万元的村, 21个村年收入超15万元: an amount that sorts things, not a region total."""
    token = d.token
    if token.qualifier not in cues.get("scope.threshold_qualifiers") or token.base not in slots.MONEY_BASES:
        return False
    if sentence[token.end:token.end + 1] == "的":
        return True
    return any(e.clause == d.clause and e.token.base in ("个", "家", "户") for e in earlier)


def _frames(r: _Reading, sentence: str, d: labels.Draft, times: list[periods.Time],
            context: periods.Time | None, index: int, lead_in: str = "",
            review: periods.Time | None = None, onward: bool = False, unit: tuple[str, int] | None = None,
            units: dict | None = None) -> list[Figure]:
    """The figures of one draft (`units`: sentence_unit's memo for the sentence)."""
    cues, article = r.cues, r.article
    token = d.token
    c0, c1 = d.clause
    clause_before = sentence[c0:token.start]
    sentence_before = sentence[:token.start]
    after = sentence[token.end:c1]
    modality = slots.modality(lead_in[-30:] + sentence_before, cues, after)
    modality = Modality.ESTIMATE if onward and modality == Modality.ACTUAL else modality
    modality = Modality.ACTUAL if d.is_start else modality  # 力争从A提高到B: A is where things stand
    period, base = periods.figure_period(d, sentence, times, context, c0, cues, r.times.ref, review, r.last_full)
    period = d.extras.get("period") or period
    if periods.anecdote(sentence, c0, token.start) and not periods.containing(times, token.start, token.end) \
            and periods.governing(times, token.start) is None:
        period = None
    event = slots.this_event(sentence, cues)
    if event and r.month and periods.governing(times, token.start) is None:
        period = Period(event, r.month, r.month)  # 本次大会应到代表302人: the meeting the page reports, held when published
    if r.closed_year and modality == Modality.TARGET and period is not None and period.end == str(r.times.ref):
        period = Period(period.text, str(r.times.ref + 1), str(r.times.ref + 1))  # 今年的目标 in the report
    per = slots.per_unit(clause_before, token, after, cues)
    kind = d.kind
    if measures.counts_things(token) and any(w in clause_before for w in ALLOTTED_TO):
        kind, period = Aspect.LEVEL, None  # 每个网格配备1名网格长: a standing allotment, no event in time
    base = d.extras.get("base") or per or base
    item = d.extras.get("item")
    scope = d.extras.get("scope") or slots.reference_scope(clause_before, after, r.level_word, cues) or \
        (slots.clause_subject(item.lstrip("、 "), r.own, cues, r.pos) if item else None) or \
        slots.scope(clause_before, r.own, r.level_word, cues, r.pos)
    whole_region = clause_before.lstrip().startswith(cues.get("scope.whole"))  # 全县…
    if scope is None and not whole_region:
        scope = parts.named_part(clause_before, r.own, cues, r.pos)  # 某某经开区跻身…, 沿江地区…
    if scope is None and c0 > 0 and not whole_region:
        scope = slots.sentence_unit(sentence, [(t.start, t.end) for t in times], c0, r.own, r.level_word, cues, r.pos,
                                    {} if units is None else units)
    if scope is None and unit and token.start >= unit[1] and not clause_before.lstrip().startswith((*r.own, *cues.get("scope.whole"))):
        scope = unit[0]  # 该院…: the unit the paragraph is about
    value = token.number * token.factor
    if d.kind in (Aspect.GROWTH, Aspect.CHANGE) and slots.decrease(sentence[max(c0, token.start - 6):token.start], cues, clause_before):
        value = -value
    quote = sentence[c0:c1].strip()
    out = []
    for label in labels.both(sentence, d):
        share_base = None
        if d.kind == Aspect.SHARE and "占" in label:  # 工业占GDP比重40%: the whole is the base, not the indicator
            label, _, whole = label.partition("占")
            share_base = re.sub(r"(?:的)?(?:比重|比例|比)?$", "", whole) or None
        found = cues.indicator_term(label) or (cues.indicator_term(clause_before) if not label and not share_base else None)
        name, term = (found[0].name, found[1]) if found and cues.fits(found[0], token.base) else (None, None)
        term = name if term and term.isascii() else term  # GDP: the indicator's own name
        if name and (d.kind == Aspect.RANK or token.base == "百分点") and any(w in label for w in GROWTH_OF):
            name = term = None  # 增速居全市第三: the rank of a rate is no indicator
        fid = stable_id(article.id, quote, token.value, token.unit)
        out.append(Figure(
            id=fid, article=article.id, region=article.region.name, measure=d.extras.get("measure") or measures.measure(label, term, d.kind, cues, r.pos, scope),
            value=token.value, unit=token.unit, value_normalized=round(value, 6), unit_normalized=token.base,
            quote=quote, paragraph=index, aspect=Aspect(kind), indicator=name, base=base or share_base,
            scope=scope, modality=modality, period=period, qualifier=token.qualifier, start_value=d.is_start))
    return out
