"""Display copy of the digest: punctuation typeset the Chinese way for the pages.

The data (digest.json, figure quotes) keeps the characters as printed in the source, so
every quote can be checked against the newspaper text character for character. Readers,
though, expect full-width ，：；（）？！ between Chinese characters, so pages and search
snippets are rendered from this display copy.
"""

from __future__ import annotations

from dataclasses import replace
from operator import is_

from generator.read.clean.punctuation import normalize_punctuation as typeset
from generator.records import Article, Digest, Figure, Section


def typeset_article(article: Article) -> Article:
    """The article with its displayed text typeset: the same record where nothing changes (most
    paragraphs have no half-width marks), and each unchanged section and list shared with it."""
    draft = article.draft
    sections = [_typeset_section(s) for s in draft.sections]
    captions = _typeset_texts(draft.captions)
    title, subtitle, kicker = typeset(draft.title), typeset(draft.subtitle), typeset(draft.kicker)
    if all(map(is_, sections, draft.sections)):
        sections = draft.sections
    if (title is draft.title and subtitle is draft.subtitle and kicker is draft.kicker and captions is draft.captions
            and sections is draft.sections):
        return article
    return replace(article, draft=replace(draft, title=title, subtitle=subtitle, kicker=kicker, captions=captions,
                                          sections=sections))


def _typeset_section(section: Section) -> Section:
    heading = typeset(section.heading) if section.heading else section.heading
    paragraphs = _typeset_texts(section.paragraphs)
    if heading is section.heading and paragraphs is section.paragraphs:
        return section
    return Section(heading, paragraphs)


def _typeset_texts(texts: list[str]) -> list[str]:
    """The texts typeset; the list itself when none changes (typeset returns an unchanged text as it is)."""
    shown = [typeset(t) for t in texts]
    return texts if all(map(is_, shown, texts)) else shown


def typeset_digest(digest: Digest) -> Digest:
    """A copy of digest with every displayed text typeset; the original is left untouched (and
    shares each record, section and list that typesetting leaves as it is)."""
    return replace(
        digest,
        articles=[typeset_article(a) for a in digest.articles],
        figures=[typeset_figure(f) for f in digest.figures],
    )


def typeset_figure(figure: Figure) -> Figure:
    quote, measure, scope, base = figure.quote, figure.measure, figure.scope, figure.base
    shown = {"quote": typeset(quote) if quote else quote, "measure": typeset(measure) if measure else measure,
             "scope": typeset(scope) if scope else scope, "base": typeset(base) if base else base}
    if shown["quote"] == quote and shown["measure"] == measure and shown["scope"] == scope and shown["base"] == base:
        return figure  # most figures: nothing to typeset, no copy (records are not mutated)
    return replace(figure, **shown)
