"""The build, top to bottom, as MkDocs' own build() reads:

    build(settings, resources, ...)
      read_sources        seeds/ -> list[Source]
      per-file stages     Source -> FileResult (decode, clean, split, locate, figures), cached
      digest              list[FileResult] -> Digest (the data contract), and the articles' search terms
      search index        Digest, search terms -> files under site/, written by a background writer
      plan pages          Digest -> list[PagePlan] (bodies rendered on demand)
    -> BuildResult

Per-file stages only see one page, so they run in a process pool and their results are
cached by content hash. Cross-page data (regions, comparison, search index) is computed
from the complete digest afterwards, never while pages are half-built. The MkDocs plugin
(mkdocs/plugin.py) and the command line (__main__.py) both call into this module.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from generator import digest, heap, typedjson
from generator.cache import ResultCache, inputs_fingerprint, pack
from generator.cachelock import BuildLock, CacheAccess
from generator.mkdocs.background import BackgroundWriter, can_fork, die_with_parent
from generator.read import clean, decode, figures, locate, split
from generator.read.figures import trust
from generator.records import (Article, ArticleDraft, CleanPage, DataWarning, Digest, FileResult, Figure,
                               GeneratedFile, SearchTerms, Source, SourceStatus)
from generator.resources import Resources, load_resources
from generator.search import terms
from generator.search.feed import ArticleFeed
from generator.settings import Settings
from generator.site import keywords
from generator.site.pages import DATA_CSV, DATA_JSON, PagePlan, Renderer
from generator.site.typeset import typeset_digest
from generator.wordpack import pack_counts

log = logging.getLogger("mkdocs.plugins.digest")

READABLE = {SourceStatus.OK, SourceStatus.REPAIRED}
# Below this many files to process, starting worker processes costs more than it saves.
POOL_THRESHOLD = 8
# Fewer files are read in a worker too when at least this many cached results are decoded
# meanwhile: that decoding (~0.5 ms a result) outlasts starting the worker.
OVERLAP_DECODED = 100

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class BuildResult:
    """What one build produced, for MkDocs to render and write."""

    summary: str  # "N files, N articles, ...": what was read, for the build's last log line
    warnings: tuple[DataWarning, ...]  # the digest's
    plans: tuple[PagePlan, ...]  # generated pages, typeset (typeset.py), rendered on demand
    home_summary: str  # HTML appended to the hand-written home page
    data_files: tuple[GeneratedFile, ...]  # data/digest.json, data/figures.csv (unless in `written`), ...
    search: BackgroundWriter | None  # writing the search index into site_dir; None without one
    written: tuple[str, ...] = ()  # data files the build wrote into site_dir itself (streamed)


def summary(d: Digest) -> str:
    return (f"{len(d.sources)} files, {len(d.articles)} articles, {len(d.regions)} regions, "
            f"{len(d.figures)} figures, {len(d.warnings)} data warnings{trust.note(d.withheld)}")


def build(settings: Settings, resources: Resources, cache: CacheAccess, site_dir: Path | None = None,
          progress: Progress | None = None) -> BuildResult:
    """Read the seeds and plan the site. With `site_dir`, the search index is being
    written there when this returns (result.search.finish() waits for it)."""
    search = feed = None
    if site_dir is not None and can_fork():
        # Forked now, while this process is small, and sent the articles once they are read
        # (search/feed.py): it builds the index while the pages are planned and written.
        feed = ArticleFeed()
        search = start_search(feed.receive, resources, settings, site_dir, True)
        feed.forked()
    try:
        # Reading and planning make records that hold no cycles: no cyclic gc meanwhile, and
        # what they made frozen after (decoding()); at 10,000 articles its passes were a sixth of planning.
        with decoding():
            data, search_terms = read_all(settings, resources, progress, cache)
            if feed is not None:
                feed.send_words(search_terms)  # the writer makes the vocabulary meanwhile
            grouped = digest.articles_by_region(data)  # (by id: the same groups for the typeset copy)
            data = keywords.without_counts(data)  # `grouped` keeps them for by_region: nothing else reads them
            shown = typeset_digest(data)  # pages and snippets: full-width punctuation
            if feed is not None:
                feed.send(shown.articles, search_terms)
            elif site_dir is not None:  # no fork: in this process, now
                search = start_search(lambda: (shown, search_terms, ()), resources, settings, site_dir, False)
            del search_terms  # the writer has them: not held while the pages are planned and written
            # After the send: the search writer, now the last to finish a rebuild, starts sooner.
            region_keywords = keywords.by_region(grouped, resources.idf, settings.keywords)
            grouped = digest.regrouped(grouped, data.articles)  # the counted articles let go: pages never read them
            renderer = Renderer(shown, settings, resources, region_keywords=region_keywords,
                                by_region=digest.regrouped(grouped, shown.articles))
            data_files: list[GeneratedFile] = []
            if site_dir is not None:  # written in pieces: never the whole digest as JSON data or text
                digest.write_data(data, site_dir / DATA_JSON, site_dir / DATA_CSV, grouped)
            else:
                contract = digest.to_contract(data, grouped=grouped)
                data_files += [GeneratedFile(DATA_JSON, digest.contract_json(contract)),
                               GeneratedFile(DATA_CSV, digest.figures_csv(contract))]
            data_files += renderer.metric_files(data)
            read, warnings = summary(data), tuple(data.warnings)
            # The digest as read is written: the pages need only the typeset copy, which
            # shares its unchanged records (at 100,000 articles, ~120 MB less is held while
            # the pages are written).
            del data, grouped
            plans = tuple(renderer.plans())
            heap.give_back()  # what reading and planning freed: not held while the pages are written
            return BuildResult(
                summary=read,
                warnings=warnings,
                plans=plans,
                home_summary=renderer.home_summary(),
                data_files=tuple(data_files),
                search=search,
                written=(DATA_JSON, DATA_CSV) if site_dir is not None else (),
            )
    except BaseException:
        if search is not None:  # no search files may appear after a failed build
            search.cancel()
        raise


Indexed = Callable[[], tuple[Digest, Mapping[str, SearchTerms], Iterable[str]]]


def start_search(indexed: Indexed, resources: Resources, settings: Settings, site_dir: Path,
                 parallel: bool) -> BackgroundWriter:
    """The search index written under `site_dir` by a BackgroundWriter, from what `indexed()`
    returns there: the typeset digest, its articles' search terms by id and their vocabulary
    (index.search_files)."""
    log.debug("building the search index")
    one_file_bytes = settings.search_one_file_bytes

    def make() -> Iterator[GeneratedFile]:
        # Imported here: in the forked writer, the index's imports (numpy, lunr) do not hold up the pages.
        from generator.search import index
        shown, search_terms, vocabulary = indexed()
        # (a forked writer's articles are its own copy: let go once tokenised)
        return index.search_files(shown, resources, one_file_bytes, search_terms, vocabulary, consume=parallel)

    writer = BackgroundWriter(make, site_dir, "search index", parallel)
    writer.start()
    return writer


def read_digest(settings: Settings, resources: Resources | None = None, progress: Progress | None = None,
                cache: CacheAccess | None = None) -> Digest:
    """Read seeds/ and return the whole digest. `resources` is loaded on demand when None.

    `cache` is what the caller's build lock allows (cachelock.py); None: take the lock
    on settings.cache_dir for the duration of this call."""
    return read_all(settings, resources, progress, cache)[0]


def read_all(settings: Settings, resources: Resources | None = None, progress: Progress | None = None,
             cache: CacheAccess | None = None) -> tuple[Digest, dict[str, SearchTerms]]:
    """read_digest, and the search terms of its articles by article id (from the per-file results)."""
    if cache is None:
        with BuildLock(settings.cache_dir) as access:
            return read_all(settings, resources, progress, access)
    resources = resources or load_resources(settings)  # lazy: a fully cached build loads only the cues
    sources = decode.read_sources(settings.seeds_dir, settings)
    readable = [s for s in sources if s.status in READABLE]
    # The digest lists the sources without their text (build_digest); the readable ones' texts
    # are let go one by one as their results come in (process_sources), not all held till the end.
    sources = [_without_text(s) for s in sources]
    results = process_sources(readable, settings, resources, progress,
                              ResultCache(cache, inputs_fingerprint(settings), FileResult, digest.SHARED_WORDS))
    del readable
    with decoding():  # the digest's records hold no cycles either
        data = digest.build_digest(sources, results, settings, resources.cues)
        # (a result without terms, or with a wrong count, leaves its articles to the index to segment)
        computed = ((a, t) for r in results.values() if len(r.search_terms) == len(r.articles)
                    for a, t in zip(r.articles, r.search_terms))
        return data, terms.terms_by_id(data.articles, computed)


def process_source(source: Source, resources: Resources) -> FileResult:
    """Run the per-file stages on one decoded seed."""
    page = clean_page(source, resources)
    drafts = split_page(page, resources)
    articles = locate_articles(drafts, source, resources)
    warnings = list(page.warnings)
    for article in articles:  # split's warnings, then locate's, article by article
        warnings.extend(article.draft.warnings)
    return FileResult(articles=articles, figures=extract_figures(articles, source, resources), warnings=warnings,
                      search_terms=[article_search_terms(a, resources) for a in articles])


# The per-file stages one by one (python -m generator shows each one's output).

def clean_page(source: Source, resources: Resources) -> CleanPage:
    # Data keeps the printed punctuation (quotes stay exact); pages typeset it (typeset.py).
    return clean.clean_source(source, full_width=False, words=resources.words)


def split_page(page: CleanPage, resources: Resources) -> list[ArticleDraft]:
    # The gazetteer lets split notice a heading that names another place opening a new article.
    return split.split_articles(page, resources.gazetteer, resources.words)


def locate_articles(drafts: list[ArticleDraft], source: Source, resources: Resources) -> list[Article]:
    return [with_keywords(a, resources) for a in locate.locate_articles(drafts, resources.gazetteer, source)]


def extract_figures(articles: list[Article], source: Source, resources: Resources) -> list[Figure]:
    return [figure for article in articles
            for figure in figures.extract_figures(article, resources.catalogue, resources.units,
                                                  gazetteer=resources.gazetteer, cues=resources.cues,
                                                  pos=resources.pos, published=published_date(source))]


def with_keywords(article: Article, resources: Resources) -> Article:
    """The article with its keyword candidates: they need no other article, so they are
    computed here, in the cached per-file stage, not on every build."""
    counts = keywords.count_terms(article, resources.segmenter.tokenizer, resources.idf)
    return replace(article, term_counts=pack_counts(counts))


def article_search_terms(article: Article, resources: Resources) -> SearchTerms:
    """What the article gives the search index on its own, kept beside it (FileResult), so a
    rebuild does not segment unchanged files again."""
    return terms.article_terms(article, resources.segmenter, resources.synonyms)


def published_date(source: Source) -> str:
    """The page's publication date (or year) from its sidecar, as text; '' when unknown.
    The one place figures learn it: sidecar parsing may change shape, this stays."""
    override = source.override or {}
    return str(override.get("date") or override.get("year") or "")


def process_sources(readable: list[Source], settings: Settings, resources: Resources | None,
                    progress: Progress | None, cache: ResultCache) -> dict[str, FileResult]:
    """Each source's FileResult by file name: from the cache, else computed (in worker
    processes when there are enough to compute, or enough cached results to decode meanwhile).

    A computed result comes back encoded as the cache stores it (encoded()): it is stored as
    it is and decoded as a cached one is, so a full build and a warm one hold the same
    records, their recurring words shared as they are decoded (cache.shared).

    Each source of `readable` is replaced there by itself without its text once its result
    is in: the texts of a large corpus are not all held while it is read.

    The files without a cache entry are known before any entry is decoded: in worker
    processes, their reading starts first and runs beside the decoding (a rebuild after a
    few seeds changed in a large corpus: a worker reads them while this process decodes)."""
    results: dict[str, FileResult] = {}
    absent = [n for n, source in enumerate(readable) if not cache.holds(source)]
    ahead = _reading_pool(settings, len(absent), len(readable) - len(absent))
    # (the list of sources to map is the call's own: let go once they are submitted)
    read_ahead = ahead.map(_process_in_worker, [readable[n] for n in absent], chunksize=4) if ahead else ()
    todo: list[int] = [] if ahead else absent  # positions in `readable`, read after the decoding
    without = set(absent)
    thawed()
    try:
        with decoding():
            for n, source in enumerate(readable):
                cached = None if n in without else cache.get(source)
                if cached is not None:
                    results[source.file] = cached
                    readable[n] = _without_text(source)
                elif n not in without:  # an entry that could not be used
                    todo.append(n)
    except BaseException:
        if ahead:
            ahead.shutdown(wait=False, cancel_futures=True)
        raise
    todo.sort()
    done = len(results)

    def record(n: int, computed: bytes | FileResult) -> None:
        nonlocal done
        source = readable[n]
        readable[n] = _without_text(source)
        if isinstance(computed, bytes):
            cache.store(source, computed)
            with decoding():
                results[source.file] = cache.decode(computed)
        else:  # a result the cache format cannot hold: put() says so
            cache.put(source, computed)
            results[source.file] = computed
        done += 1
        if progress:
            progress(done, len(readable), source.file)

    if ahead:
        with ahead:
            for n, result in zip(absent, read_ahead):
                record(n, result)
    if pool := _reading_pool(settings, len(todo), 0):
        with pool:
            for n, result in zip(todo, pool.map(_process_in_worker, [readable[n] for n in todo], chunksize=4)):
                record(n, result)
    else:
        if todo and resources is None:
            resources = load_resources(settings)
        for n in todo:
            record(n, encoded(process_source(readable[n], resources)))
    if cache.hits:
        log.info("reused cached results for %d of %d files", cache.hits, len(readable))
    cache.prune()
    return results


def _without_text(source: Source) -> Source:
    return replace(source, text="") if source.text else source


@contextmanager
def decoding() -> Iterator[None]:
    """No cyclic garbage collection while results are decoded, and what was decoded then
    frozen (gc.freeze): a warm build makes ~500,000 records, none in a cycle, and the
    collector's passes over them, while they are made and at every full collection after
    (seconds at 10,000 articles), find nothing. Frozen objects are still freed when no
    longer referenced; thawed() gives them back to the collector at the next build."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def thawed() -> None:
    """Objects a previous build of this process froze (mkdocs serve) given back to the
    collector and collected once, so a rebuild does not keep the last one's cycles (MkDocs'
    pages and nav) for good. A one-shot build has nothing frozen here: no collection."""
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()


def encoded(result: FileResult) -> bytes | FileResult:
    """The result as the cache stores it (cache.pack with read_all's record type and shared
    words), made where it was computed: in a worker, the main process, which shares the
    cores with the workers, gets bytes to store and decode instead of a record to unpickle,
    encode and share. A result the format cannot hold is returned as it is."""
    try:
        return pack(result, FileResult, digest.SHARED_WORDS)
    except typedjson.SchemaError:
        return result


# Each worker process loads the gazetteer and catalogue once, in its initializer.
_worker_resources: Resources | None = None


def _init_worker(settings: Settings, parent: int) -> None:
    global _worker_resources
    die_with_parent(parent)  # a build killed mid-way leaves no idle workers behind
    _worker_resources = load_resources(settings)


def _process_in_worker(source: Source) -> bytes | FileResult:
    return encoded(process_source(source, _worker_resources))


def _reading_pool(settings: Settings, jobs: int, decoding: int) -> ProcessPoolExecutor | None:
    """Worker processes for `jobs` files to read while `decoding` cached results are decoded;
    None: read them here (workers: 1, one CPU, few files and little to decode beside them)."""
    wanted = settings.workers or os.cpu_count() or 1
    if wanted < 2 or not jobs or (jobs < POOL_THRESHOLD and decoding < OVERLAP_DECODED):
        return None
    return ProcessPoolExecutor(max_workers=min(wanted, jobs), initializer=_init_worker,
                               initargs=(settings, os.getpid()))
