"""Split a cleaned page into articles and put interleaved fragments back together.

A newspaper page holds several articles whose columns are printed out of order: one
article's paragraph may stop mid-sentence and continue after another article. The
signals used here are general:

  * titles open an article, a byline in parentheses closes one;
  * a paragraph that ends unfinished is continued by a fragment that starts mid-sentence
    (a word split across the break, a bracket closed, a clause-initial comma);
  * the places an article's title names recur in its body and not in the others'
    (when a gazetteer is given);
  * verbatim repeated paragraphs are layout repeats.

The steps, in order: walk the page into title blocks and runs of body text (segment.py:
Head and Piece records in pieces.py), move runs and paragraphs that name another article's
places (topics.py, with the places from subjects.py), link the pieces a column break
separated (links.py), and assemble each article's draft (drafts.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.lexicon.words import Words
from generator.read.split.drafts import assign_chains, draft
from generator.read.split.links import link_fragments
from generator.read.split.segment import segment
from generator.read.split.subjects import Subjects
from generator.read.split.topics import reassign_by_topic, reassign_foreign_runs
from generator.records import ArticleDraft, BlockKind, CleanPage

if TYPE_CHECKING:
    from generator.lexicon.gazetteer import Gazetteer


def split_articles(page: CleanPage, gazetteer: "Gazetteer | None" = None, words: Words | None = None) -> list[ArticleDraft]:
    """Articles of one page, fragments in reading order. With a gazetteer, the places an
    article's title names also help to tell its paragraphs from other articles'."""
    blocks = [b for b in page.blocks if b.kind != BlockKind.FURNITURE]
    if not any(b.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING) for b in blocks):
        return []
    subjects = Subjects(gazetteer)
    heads, pieces = segment(blocks, subjects)
    reassign_foreign_runs(heads, pieces, subjects)
    reassign_by_topic(heads, pieces, subjects)
    link_fragments(heads, pieces, subjects, words or Words())
    per_article = assign_chains(heads, pieces)
    drafts = [draft(page, h, per_article[i]) for i, h in enumerate(heads)]
    return [d for d in drafts if d.paragraphs]
