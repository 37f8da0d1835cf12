"""Display copy of the digest: punctuation typeset the Chinese way for the pages.

The data (digest.json, figure quotes) keeps the characters as printed in the source, so
every quote can be checked against the newspaper text character for character. Readers,
though, expect full-width ，：；（）？！ between Chinese characters, so pages and search
snippets are rendered from this display copy.
"""

from __future__ import annotations

from dataclasses import replace

from generator.read.clean.punctuation import normalize_punctuation as typeset
from generator.records import Article, Digest, Figure, Section


def typeset_article(article: Article) -> Article:
    draft = article.draft
    shown = replace(
        draft,
        title=typeset(draft.title),
        subtitle=typeset(draft.subtitle),
        kicker=typeset(draft.kicker),
        captions=[typeset(c) for c in draft.captions],
        sections=[Section(typeset(s.heading) if s.heading else s.heading, [typeset(p) for p in s.paragraphs])
                  for s in draft.sections],
    )
    return replace(article, draft=shown)


def typeset_digest(digest: Digest) -> Digest:
    """A copy of digest with every displayed text typeset; the original is left untouched."""
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
