"""Each article's draft from its chains of pieces: sections, gap markers, layout repeats
dropped, authors from its bylines."""

from __future__ import annotations

import re

from generator.lexicon.text import MARKERS, MISSING, SENTENCE_END
from generator.read.bylines import parse_authors
from generator.read.split.links import is_sentence
from generator.read.split.pieces import Head, Piece
from generator.records import ArticleDraft, BlockKind, CleanPage, DataWarning, Section


def assign_chains(heads: list[Head], pieces: list[Piece]) -> list[list[list[Piece]]]:
    """Chains of linked pieces, each given to one article: the owner of its first piece,
    or for an orphan chain the owner of any piece in it, else the article printed above."""
    chains: list[list[Piece]] = []
    for p in pieces:
        if p.prev is not None:
            continue
        chain, q = [], p
        while q is not None and q not in chain:
            chain.append(q)
            q = q.next
        chains.append(chain)
    per_article: list[list[list[Piece]]] = [[] for _ in heads]
    for chain in chains:
        owner = next((q.owner for q in chain if q.owner is not None), None)
        if owner is None:
            before = [q for q in pieces[:pieces.index(chain[0])] if q.owner is not None]
            owner = before[-1].owner if before else 0
            chain[0].gap_before = True
        per_article[owner].append(chain)
    for chains_of in per_article:
        chains_of.sort(key=lambda c: (0 if c[0].after_title and not c[0].starts_mid else 1, pieces.index(c[0])))
    return per_article


def draft(page: CleanPage, head: Head, chains: list[list[Piece]]) -> ArticleDraft:
    file = page.source.file
    order = [p for chain in chains for p in chain]
    sections: list[Section] = [Section(None, [])]
    spans: list[tuple[int, int]] = []
    seen: list[str] = []
    warnings: list[DataWarning] = []
    bylines = list(head.bylines)
    for n, piece in enumerate(order):
        spans.append((piece.blocks[0].line, piece.blocks[-1].end_line or piece.blocks[-1].line))
        bylines += piece.bylines
        if (piece.gap_before or (piece.starts_mid and piece.prev is None)) and \
                any(s.paragraphs for s in sections) and sections[-1].paragraphs[-1:] != [MISSING]:
            sections[-1].paragraphs.append(MISSING)
        glue = n > 0 and piece.prev is order[n - 1] and piece.glued and sections[-1].paragraphs \
            and piece.blocks[0].kind == BlockKind.PARAGRAPH
        for b in piece.blocks:
            if glue:
                # the sentence broken across the fragments is one paragraph again
                sections[-1].paragraphs[-1] += b.text
                seen[-1:] = [_squash(sections[-1].paragraphs[-1])]
                glue = False
                continue
            if b.kind == BlockKind.HEADING:
                sections.append(Section(b.text, []))
                continue
            key = _squash(b.text)
            if len(key) >= 12 and any(key in s for s in seen):
                continue  # a layout repeat of an earlier paragraph (or a piece of one)
            seen.append(key)
            sections[-1].paragraphs.append(b.text)
        if piece.ends_open and piece.next is None and n < len(order) - 1 and is_sentence(piece.blocks[-1].text):
            sections[-1].paragraphs.append(MISSING)
    sections = [s for s in sections if s.paragraphs or s.heading]
    while sections and not sections[-1].paragraphs:
        sections.pop()  # a heading with nothing after it is not a section
    title = head.title
    if not title:
        first = next((p for s in sections for p in s.paragraphs if p != MISSING), "")
        title = _first_sentence(first)
        warnings.append(DataWarning(file, "no title found; the article is titled by its first sentence",
                                hint="add a title line above the article or a sidecar with title:",
                                line=order[0].blocks[0].line if order else None))
    captions = list(dict.fromkeys(c.lstrip(MARKERS + " ") for c in head.captions))
    return ArticleDraft(source=file, title=title, sections=sections, subtitle=head.subtitle,
                        kicker=" / ".join(head.kicker), authors=parse_authors(bylines, head.credits),
                        captions=captions, fragments=len(order), lines=spans, warnings=warnings)


def _first_sentence(text: str) -> str:
    m = re.match(f"(.+?[{SENTENCE_END}])", text)
    sentence = (m.group(1) if m else text).rstrip(SENTENCE_END)
    return sentence if len(sentence) <= 40 else sentence[:40] + "…"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)
