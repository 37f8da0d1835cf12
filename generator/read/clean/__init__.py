"""Turn a decoded page into Blocks: normalise punctuation, join column breaks, classify.

The text comes from PDF extraction of newspaper pages, so:
  * a paragraph may be split over several lines by column breaks (mid-word even);
  * titles, kickers, bylines, photo captions and credits sit among body paragraphs;
  * half-width , : ; ( ) ? ! and stray ASCII spaces appear inside Chinese text.

Each decision uses general signals (punctuation, length, position, word segmentation),
never the content of a particular page. The steps, in order: the page's text lines
(lines.py, punctuation.py), lines printing two roles split (glued.py), each line's own
role (roles.py), column breaks joined (breaks.py), captions and titles from their
neighbours (captions.py, titles.py).
"""

from __future__ import annotations

from generator.lexicon.words import Words
from generator.read.clean.breaks import join_breaks
from generator.read.clean.captions import captions
from generator.read.clean.glued import split_glued
from generator.read.clean.punctuation import finish_text
from generator.read.clean.roles import classify_alone, merge_bylines
from generator.read.clean.titles import titles
from generator.read.clean.lines import TextLine, text_lines
from generator.records import Block, BlockKind, CleanPage, DataWarning, Source


def clean_source(source: Source, full_width: bool = True, words: Words | None = None) -> CleanPage:
    """Blocks of one page with their roles and source line numbers. `full_width=False`
    keeps half-width punctuation as printed (quotes then match the source verbatim)."""
    warnings: list[DataWarning] = []
    lines = text_lines(source.text)
    lines = split_glued(lines)
    for u in lines:
        classify_alone(u)
    lines = merge_bylines(lines)
    lines = join_breaks(lines, words or Words())
    _classify_in_context(lines)
    blocks = [Block(kind=u.kind, text=finish_text(u.text if full_width else u.raw, u.kind), line=u.line,
                    end_line=u.end_line) for u in lines if u.text.strip()]
    if not any(b.kind == BlockKind.PARAGRAPH for b in blocks) and source.text.strip():
        warnings.append(DataWarning(source.file, "no body paragraphs found on the page",
                                hint="check that the file is the page's text, one paragraph per line"))
    return CleanPage(source=source, blocks=blocks, warnings=warnings)


def _classify_in_context(lines: list[TextLine]) -> None:
    """Titles, kickers, subtitles, headings and unmarked captions from their neighbours."""
    for u in lines:
        if u.kind == BlockKind.PARAGRAPH and (u.heading_like or u.extra.get("heading")):
            u.kind = BlockKind.HEADING
    captions(lines)
    titles(lines)
