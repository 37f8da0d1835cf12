"""The pipeline, top to bottom: read every seed, then build the cross-page data.

Per-file stages (decode -> clean -> split -> locate -> figures) only see one page;
cross-page data (regions, comparison, search index) is computed from the complete
digest afterwards, never while pages are half-built.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from . import clean, decode, digest, figures, locate, split
from .records import Article, Digest, Figure, Source, SourceStatus, Warning
from .resources import Resources
from .settings import Settings

log = logging.getLogger("mkdocs.plugins.digest")

READABLE = {SourceStatus.OK, SourceStatus.REPAIRED}


@dataclass
class FileResult:
    """What the per-file stages produced for one seed."""

    articles: list[Article]
    figures: list[Figure]
    warnings: list[Warning]


def process_source(source: Source, resources: Resources) -> FileResult:
    """Run the per-file stages on one decoded seed."""
    page = clean.clean_source(source)
    drafts = split.split_articles(page)
    articles = locate.locate_articles(drafts, resources.gazetteer, source)
    found: list[Figure] = []
    for article in articles:
        found.extend(figures.extract_figures(article, resources.catalogue, resources.units))
    warnings = list(page.warnings)
    for draft in drafts:
        warnings.extend(draft.warnings)
    return FileResult(articles=articles, figures=found, warnings=warnings)


def run(settings: Settings, resources: Resources,
        progress: Callable[[int, int, str], None] | None = None) -> Digest:
    """Read seeds/ and return the whole digest."""
    sources = decode.read_sources(settings.seeds_dir, settings)
    results: dict[str, FileResult] = {}
    readable = [s for s in sources if s.status in READABLE]
    for done, source in enumerate(readable, 1):
        results[source.file] = process_source(source, resources)
        if progress:
            progress(done, len(readable), source.file)
    return digest.build_digest(sources, results, settings)
