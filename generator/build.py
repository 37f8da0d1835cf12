"""The pipeline, top to bottom: read every seed, then build the cross-page data.

Per-file stages (decode -> clean -> split -> locate -> figures) only see one page, so
they run in a process pool and their results are cached by content hash. Cross-page
data (regions, comparison, search index) is computed from the complete digest
afterwards, never while pages are half-built.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from generator.read import clean, decode, figures, locate, split
from generator import digest
from generator.site import keywords
from generator.search import terms
from generator.mkdocs.background import die_with_parent
from generator.cache import ResultCache, inputs_fingerprint
from generator.cachelock import BuildLock, CacheAccess
from generator.records import Article, Digest, Figure, Region, Source, SourceStatus, DataWarning
from generator.resources import Resources, load_resources
from generator.settings import Settings

log = logging.getLogger("mkdocs.plugins.digest")

READABLE = {SourceStatus.OK, SourceStatus.REPAIRED}
# Below this many files to process, starting worker processes costs more than it saves.
POOL_THRESHOLD = 8


@dataclass
class FileResult:
    """What the per-file stages produced for one seed."""

    articles: list[Article]
    figures: list[Figure]
    warnings: list[DataWarning]
    regions: list[Region] = field(default_factory=list)  # units named by figures, not by articles


def process_source(source: Source, resources: Resources) -> FileResult:
    """Run the per-file stages on one decoded seed."""
    # Data keeps the printed punctuation (quotes stay exact); pages typeset it (typeset.py).
    page = clean.clean_source(source, full_width=False, words=resources.words)
    # The gazetteer lets split notice a heading that names another place opening a new article.
    drafts = split.split_articles(page, resources.gazetteer, resources.words)
    articles = locate.locate_articles(drafts, resources.gazetteer, source)
    found: list[Figure] = []
    for article in articles:
        article.term_counts = keywords.count_terms(article, resources.segmenter.tokenizer, resources.idf)
        article.search_terms = terms.article_terms(article, resources.segmenter, resources.synonyms)
        found.extend(figures.extract_figures(article, resources.catalogue, resources.units,
                                             gazetteer=resources.gazetteer, cues=resources.cues, pos=resources.pos,
                                             published=published_date(source)))
    warnings = list(page.warnings)
    for draft in drafts:
        warnings.extend(draft.warnings)
    return FileResult(articles=articles, figures=found, warnings=warnings)


def published_date(source: Source) -> str:
    """The page's publication date (or year) from its sidecar, as text; '' when unknown.
    The one place figures learn it: sidecar parsing may change shape, this stays."""
    override = source.override or {}
    return str(override.get("date") or override.get("year") or "")


# Each worker process loads the gazetteer and catalogue once, in its initializer.
_worker_resources: Resources | None = None


def _init_worker(settings: Settings, parent: int) -> None:
    global _worker_resources
    die_with_parent(parent)  # a build killed mid-way leaves no idle workers behind
    _worker_resources = load_resources(settings)


def _process_in_worker(source: Source) -> FileResult:
    return process_source(source, _worker_resources)


def _worker_count(settings: Settings, jobs: int) -> int:
    wanted = settings.workers or os.cpu_count() or 1
    return max(1, min(wanted, jobs))


def run(settings: Settings, resources: Resources | None = None,
        progress: Callable[[int, int, str], None] | None = None, cache: CacheAccess | None = None) -> Digest:
    """Read seeds/ and return the whole digest. `resources` is loaded on demand when None.

    `cache` is what the caller's build lock allows (cachelock.py); None: take the lock
    on settings.cache_dir for the duration of this call."""
    if cache is None:
        with BuildLock(settings.cache_dir) as access:
            return run(settings, resources, progress, access)
    return _run(settings, resources, progress, ResultCache(cache, inputs_fingerprint(settings), FileResult))


def _run(settings: Settings, resources: Resources | None, progress: Callable[[int, int, str], None] | None,
         cache: ResultCache) -> Digest:
    sources = decode.read_sources(settings.seeds_dir, settings)
    readable = [s for s in sources if s.status in READABLE]
    results: dict[str, FileResult] = {}
    todo: list[Source] = []
    for source in readable:
        cached = cache.get(source)
        if cached is not None:
            results[source.file] = cached
        else:
            todo.append(source)
    done = len(results)

    def record(source: Source, result: FileResult) -> None:
        nonlocal done
        results[source.file] = result
        cache.put(source, result)
        done += 1
        if progress:
            progress(done, len(readable), source.file)

    workers = _worker_count(settings, len(todo))
    if workers > 1 and len(todo) >= POOL_THRESHOLD:
        with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                                 initargs=(settings, os.getpid())) as pool:
            for source, result in zip(todo, pool.map(_process_in_worker, todo, chunksize=4)):
                record(source, result)
    else:
        if todo and resources is None:
            resources = load_resources(settings)
        for source in todo:
            record(source, process_source(source, resources))
    if cache.hits:
        log.info("reused cached results for %d of %d files", cache.hits, len(readable))
    cache.prune()
    return digest.build_digest(sources, results, settings)
