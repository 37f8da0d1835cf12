"""The pieces of a page and the evidence that gives them to articles.

split.py cuts a page into Pieces (runs of body blocks printed together) under Heads (an
article's title block). Here: those records, the places a text names (via the gazetteer),
and the two moves made on that evidence before fragments are linked: the tail of a run
that is another article's lead, and whole paragraphs printed inside another article's run.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.read.clean import CJK, ends_finished
from generator.records import Block, BlockKind

if TYPE_CHECKING:
    from generator.lexicon.gazetteer import Gazetteer


@dataclass
class Piece:
    """A run of body blocks printed together."""

    blocks: list[Block]
    owner: int | None  # index of the article whose title precedes it on the page
    starts_mid: bool = False  # first paragraph starts mid-sentence
    after_title: bool = False  # printed right after its owner's title block
    next: "Piece | None" = None
    prev: "Piece | None" = None
    gap_before: bool = False  # text is missing before this piece (a cut word's tail opens it)
    glued: bool = False  # its first paragraph continues the sentence its prev piece left open
    bylines: list[str] = field(default_factory=list)  # a closing byline printed after it
    moved: bool = False  # split off another article's run by topic: may continue an open end

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == BlockKind.PARAGRAPH]

    @property
    def ends_open(self) -> bool:
        last = self.blocks[-1]
        return last.kind == BlockKind.PARAGRAPH and not ends_finished(last.text) and not last.text.endswith(("：", "——"))

    @property
    def text(self) -> str:
        return "".join(b.text for b in self.blocks)


@dataclass
class Head:
    """An article's title block as printed."""

    title: str = ""
    title_line: int = 0
    kicker: list[str] = field(default_factory=list)
    subtitle: str = ""
    bylines: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)


# ---------------------------------------------------------------- subject words
class Subjects:
    """Which administrative units a text names (via the gazetteer), for telling articles
    apart. Provinces are left out: a Hunan page names 湖南 everywhere. Without a gazetteer
    every text names nothing and only the textual signals are used."""

    def __init__(self, gazetteer: "Gazetteer | None"):
        self._gaz = gazetteer
        self._cache: dict[str, Counter] = {}

    def mentions(self, text: str) -> Counter:
        if self._gaz is None:
            return Counter()
        if text not in self._cache:
            found: Counter = Counter()
            for m in self._gaz.scan(text):
                if m.weak or len(m.units) != 1 or m.units[0].level == "province":
                    continue
                found[m.units[0].name] += 1
            self._cache[text] = found
        return self._cache[text]

    def terms(self, text: str) -> set[str]:
        """Units named in a title block, with the city of each county (a county's article
        often names its city too: 中方县 / 怀化市)."""
        names = set(self.mentions(text))
        if self._gaz is not None:
            for name in list(names):
                for r in self._gaz.lookup(name):
                    if r.level == "county" and r.city:
                        names.add(r.city)
        return names

    def affinity(self, text: str, terms: set[str]) -> int:
        found = self.mentions(text)
        return sum(n for name, n in found.items() if name in terms)

    def affinity_within(self, text: str, terms: set[str]) -> int:
        """Like affinity, but a unit inside a named city counts too (龙泉市 for a 丽水市 article)."""
        if self._gaz is None:
            return 0
        total = 0
        for name, n in self.mentions(text).items():
            units = self._gaz.lookup(name)
            if name in terms or (len(units) == 1 and units[0].city in terms):
                total += n
        return total


def key_terms(head: Head, subjects: Subjects) -> set[str]:
    if not head.title and head.pieces:
        # an excerpt without a headline is about what its lead names
        lead = next((b.text for b in head.pieces[0].paragraphs), "")
        return subjects.terms(" ".join([head.subtitle, lead] + head.kicker))
    return subjects.terms(" ".join([head.title, head.subtitle] + head.kicker))


# ---------------------------------------------------------------- foreign runs
def reassign_foreign_runs(heads: list[Head], pieces: list[Piece], subjects: Subjects) -> None:
    """A piece that ends open may carry at its tail the lead of another article printed
    inside this one: split that tail off when its paragraphs name the other article's
    subject and not their host's."""
    terms = [key_terms(h, subjects) for h in heads]
    for pi, p in enumerate(list(pieces)):
        if p.owner is None or not p.ends_open or len(p.blocks) < 2:
            continue
        cut = None
        target = None
        for j in range(len(p.blocks) - 1, 0, -1):
            blk = p.blocks[j]
            if blk.kind == BlockKind.HEADING:
                continue
            scores = [subjects.affinity(blk.text, t) for t in terms]
            best = max(range(len(heads)), key=lambda k: scores[k])
            if best != p.owner and scores[best] > 0 and scores[p.owner] == 0:
                cut, target = j, best if target in (None, best) else target
                continue
            if scores[p.owner] == 0 and target is not None:
                cut = j
                continue
            break
        if cut is None or target is None:
            continue
        while cut > 0 and p.blocks[cut - 1].kind == BlockKind.HEADING and cut - 1 > 0:
            cut -= 1
        tail = Piece(p.blocks[cut:], target, starts_mid=False, after_title=True)
        p.blocks = p.blocks[:cut]
        pieces.insert(pieces.index(p) + 1, tail)
        heads[target].pieces.insert(0, tail)


# ---------------------------------------------------------------- paragraphs by topic
def reassign_by_topic(heads: list[Head], pieces: list[Piece], subjects: Subjects) -> None:
    """On a page of several articles, whole paragraphs of one may be printed inside another's
    run. A paragraph that names only another article's places (or units inside them) moves to
    it. In a run known to mix two articles, a paragraph naming no place goes with the article
    whose distinctive wording it shares; otherwise it stays with the paragraph above it."""
    if len(heads) < 2:
        return
    terms = [key_terms(h, subjects) for h in heads]
    if sum(1 for t in terms if t) < 2:
        return

    def by_places(text: str) -> int | None:
        # units named outright decide first; units inside a named city only when nothing is
        for affinity in (subjects.affinity, subjects.affinity_within):
            aff = [affinity(text, t) for t in terms]
            best = max(range(len(heads)), key=lambda k: aff[k])
            if aff[best] > 0:
                return best if all(a == 0 for k, a in enumerate(aff) if k != best) else None
        return None

    placed: dict[int, int | None] = {id(b): by_places(b.text) for p in pieces for b in p.blocks[1:]
                                     if b.kind == BlockKind.PARAGRAPH}
    refs = [_features(" ".join([h.title, h.subtitle] + h.kicker)) for h in heads]
    for p in pieces:
        for j, b in enumerate(p.blocks):
            k = p.owner if j == 0 else placed.get(id(b))
            if k is not None and b.kind == BlockKind.PARAGRAPH:
                refs[k] |= _features(b.text)
    for p in list(pieces):
        if p.owner is None:
            continue
        # a run known to interleave two articles: paragraphs naming no place go by wording
        mixed = any(placed.get(id(b)) not in (None, p.owner) for b in p.blocks[1:])
        owners: list[int] = [p.owner]  # the first block stays: it opens the run (or is a lead)
        for b in p.blocks[1:]:
            k = placed.get(id(b))
            if k is None and mixed and b.kind == BlockKind.PARAGRAPH:
                k = _by_wording(b.text, refs)
            owners.append(owners[-1] if k is None else k)
        if all(o == p.owner for o in owners):
            continue
        runs: list[tuple[int, list[Block]]] = []
        for o, b in zip(owners, p.blocks):
            if runs and runs[-1][0] == o:
                runs[-1][1].append(b)
            else:
                runs.append((o, [b]))
        p.blocks = runs[0][1]
        at = pieces.index(p)
        for o, blocks in runs[1:]:
            at += 1
            q = Piece(blocks, o, moved=True)
            pieces.insert(at, q)
            heads[o].pieces.append(q)
    for h in heads:
        h.pieces.sort(key=pieces.index)


_FEATURE = re.compile(f"[{CJK}]{{2}}|(?:19|20)\\d{{2}}(?=年)")
# A paragraph goes by wording when it shares this many distinctive features (character
# bigrams, years) with one article and at least twice as many as with any other.
_WORDING_MIN = 3


def _features(text: str) -> set[str]:
    return {m.group(0) for i in range(len(text) - 1) if (m := _FEATURE.match(text, i))}


def _by_wording(text: str, refs: list[set[str]]) -> int | None:
    mine = _features(text)
    hits = []
    for k, ref in enumerate(refs):
        others = set().union(*(r for i, r in enumerate(refs) if i != k))
        hits.append(len((mine & ref) - others))
    best = max(range(len(refs)), key=lambda k: hits[k])
    second = max((h for k, h in enumerate(hits) if k != best), default=0)
    return best if hits[best] >= _WORDING_MIN and hits[best] >= 2 * second else None
