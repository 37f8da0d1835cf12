"""Two moves made on the places a text names, before fragments are linked: the tail of a run
that is another article's lead, and whole paragraphs printed inside another article's run."""

from __future__ import annotations

import re

from generator.lexicon.text import HAN
from generator.read.split.pieces import Head, Piece
from generator.read.split.subjects import Subjects, key_terms
from generator.records import Block, BlockKind


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


def reassign_by_topic(heads: list[Head], pieces: list[Piece], subjects: Subjects) -> None:
    """On a page of several articles, whole paragraphs of one may be printed inside another's
    run. A paragraph that names only another article's places (or units inside them) moves to
    it. In a run known to mix two articles, a paragraph naming no place goes with the article
    whose years (all of them named by one other article only) or distinctive wording it shares;
    otherwise it stays with the paragraph above it."""
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

    # a run known to interleave two articles: its paragraphs naming no place go by wording
    mixed = {id(p) for p in pieces if p.owner is not None
             and any(placed.get(id(b)) not in (None, p.owner) for b in p.blocks[1:])}
    if mixed:  # (else no paragraph moves, and the articles' wording is not needed)
        _move_paragraphs(heads, pieces, placed, mixed)
    for h in heads:
        h.pieces.sort(key=pieces.index)


def _move_paragraphs(heads: list[Head], pieces: list[Piece], placed: dict[int, int | None], mixed: set[int]) -> None:
    """Cut the runs into pieces of the articles their paragraphs go to (`placed` by places,
    in the `mixed` runs the rest by years or wording)."""
    refs = [_features(" ".join([h.title, h.subtitle] + h.kicker)) for h in heads]
    for p in pieces:
        for j, b in enumerate(p.blocks):
            k = p.owner if j == 0 else placed.get(id(b))
            if k is not None and b.kind == BlockKind.PARAGRAPH:
                refs[k] |= _features(b.text)
    for p in list(pieces):
        if p.owner is None:
            continue
        owners: list[int] = [p.owner]  # the first block stays: it opens the run (or is a lead)
        for b in p.blocks[1:]:
            k = placed.get(id(b))
            if k is None and id(p) in mixed and b.kind == BlockKind.PARAGRAPH:
                k = _by_years(b.text, refs, p.owner)
                k = _by_wording(b.text, refs) if k is None else k
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


# (a lookahead: finditer then yields the overlapping bigrams too, one per position)
_FEATURE = re.compile(f"(?=([{HAN}]{{2}}|(?:19|20)\\d{{2}}(?=年)))")
# A paragraph goes by wording when it shares this many distinctive features (character
# bigrams, years) with one article and at least twice as many as with any other.
_WORDING_MIN = 3


def _features(text: str) -> set[str]:
    return {m.group(1) for m in _FEATURE.finditer(text)}


def _by_years(text: str, refs: list[set[str]], host: int) -> int | None:
    """2020年，全市…: a paragraph dated only with years one other article names, and its host
    does not, reports that article's time (its wording may be shared: 收入, 增长)."""
    years = {f for f in _features(text) if f.isdigit()}
    if not years:
        return None
    owners = [k for k, ref in enumerate(refs) if years <= ref]
    return owners[0] if len(owners) == 1 and owners[0] != host and not years & refs[host] else None


def _by_wording(text: str, refs: list[set[str]]) -> int | None:
    mine = _features(text)
    hits = []
    for k, ref in enumerate(refs):
        others = set().union(*(r for i, r in enumerate(refs) if i != k))
        hits.append(len((mine & ref) - others))
    best = max(range(len(refs)), key=lambda k: hits[k])
    second = max((h for k, h in enumerate(hits) if k != best), default=0)
    return best if hits[best] >= _WORDING_MIN and hits[best] >= 2 * second else None
