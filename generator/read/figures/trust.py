"""Figures a reader would misread: frames whose measure could not be read as what is counted.

The product rule: a number shown with the wrong label, period or scope misleads; a missing number
does not. Each signal below is a general reason a figure's frame is unreliable (cue words in
data/frames.yml `trust`). The figure stage writes the reason into Figure.doubt (it has jieba's
tagger); the digest withholds those figures from its figures, cards and comparisons and reports
how many it withheld for which reason (build summary).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from generator.records import Figure
from .cues import Cues

REASONS = {
    "adverbial": "measure opens with a preposition (an adverbial phrase, not what is counted)",
    "bare_attribute": "measure is an attribute with no owner (产值 of what?)",
    "open_clause": "measure ends in a verb that takes an object (a clause, not a noun phrase)",
    "broken_pair": "measure holds half of a bracket or quotation pair",
    "names_scope": "measure is only the name of the unit it is scoped to",
    "clause_mark": "measure holds a clause mark (a clause, not a noun phrase)",
    "inner_adverbial": "measure holds a preposition after its first word (an actor's clause: 甲对乙…, 以…, 从…到…)",
}


def doubt(figure: Figure, cues: Cues, pos=None) -> str:
    """The reason (a key of REASONS) the figure's frame is unreliable, or ''. `pos`: jieba's
    POSTokenizer (None: the preposition signal is not read)."""
    m = figure.measure.strip()
    if pos is not None and m:
        words = list(pos.cut(m))
        if words[0].flag == "p" and words[0].word in cues.get("trust.adverbial_openers"):
            return "adverbial"  # 为财政贡献收入, not 为老服务中心 (为 a word of its own, tagged p)
        if any(w.flag == "p" and w.word in cues.get("trust.inner_prepositions") for w in words[1:]) \
                and not m.endswith(cues.get("trust.measure_heads")):
            return "inner_adverbial"  # 自治区对全区, 某物业更是以平均 (but 群众对政务服务满意率 names a rate)
    if m in cues.get("trust.bare_attributes") and figure.scope is None and figure.indicator is None:
        return "bare_attribute"
    if m.endswith(cues.get("trust.object_verbs")) and figure.unit_normalized not in cues.get("trust.rate_units"):
        return "open_clause"
    if any(len(p) == 2 and m.count(p[0]) != m.count(p[1]) for p in cues.get("trust.pairs")):
        return "broken_pair"
    if figure.scope and m and m in figure.scope:
        return "names_scope"
    if any(c in m for c in cues.get("trust.clause_mark_chars")):
        return "clause_mark"
    return ""


def mark(figures: list[Figure], cues: Cues, pos=None) -> list[Figure]:
    """The figures with the reason a reader would misread each (Figure.doubt) filled in."""
    return [replace(f, doubt=why) if (why := doubt(f, cues, pos)) else f for f in figures]


def withhold(figures: list[Figure]) -> tuple[list[Figure], dict[str, int]]:
    """(the figures a reader sees, how many were withheld for each reason)."""
    why = Counter(f.doubt for f in figures if f.doubt)
    return [f for f in figures if not f.doubt], dict(sorted(why.items()))


def note(counts: dict[str, int]) -> str:
    """'; 3 figures withheld as unreliable (adverbial 2, broken_pair 1)' to end a summary line; '' when none were."""
    if not counts:
        return ""
    return f"; {sum(counts.values())} figures withheld as unreliable (" + ", ".join(f"{k} {n}" for k, n in counts.items()) + ")"
