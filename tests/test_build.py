"""build.build: read -> digest -> search index (background) -> page plans, as one BuildResult."""

from __future__ import annotations

import gc
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from generator import build, digest
from generator.cache import ResultCache
from generator.cachelock import NO_CACHE, BuildLock
from generator.records import FileResult
from generator.resources import load_resources
from generator.settings import Settings
from generator.site import pages

_PAGE = ("富源县生姜产业提质增效\n\n记者 赵一鸣\n\n"
         "2024年，富源县生姜种植面积达到2.5万亩，同比增长12.3%。\n\n"
         "全县生姜产值突破8亿元，带动农户增收。\n")


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("seeds")
    (seeds / "page.txt").write_text(_PAGE, "utf-8")
    (seeds / "blank.txt").write_text("\n", "utf-8")
    settings = Settings(seeds_dir=seeds, cache_dir=None, workers=1)
    return settings, load_resources(settings)


def test_build_writes_the_digest_and_returns_plans_warnings_and_the_search_writer(setup, tmp_path):
    settings, resources = setup
    result = build.build(settings, resources, NO_CACHE, tmp_path)
    result.search.finish()
    assert result.written == ("data/digest.json", "data/figures.csv")  # streamed into the site folder, not held
    (article,) = json.loads((tmp_path / "data" / "digest.json").read_bytes())["articles"]
    assert article["title"] == _PAGE.split("\n")[0]
    assert pages.page_path(article["url"]) in {p.path for p in result.plans}
    assert (tmp_path / "data" / "figures.csv").read_bytes().startswith("\ufeffid,".encode())
    assert len(result.warnings) == 1 and result.warnings[0].file == "blank.txt"
    assert any(path.suffix == ".json" for path in (tmp_path / "assets").rglob("*"))  # the index was written
    assert "2 files, 1 articles" in result.summary and "1 data warnings" in result.summary  # blank.txt


def test_no_garbage_collection_while_reading_and_planning_and_as_before_afterwards(setup, monkeypatch):
    settings, resources = setup
    seen = []
    real_plans = pages.Renderer.plans
    monkeypatch.setattr(pages.Renderer, "plans", lambda self: seen.append(gc.isenabled()) or real_plans(self))
    for enabled in (True, False):
        (gc.enable if enabled else gc.disable)()
        try:
            build.build(settings, resources, NO_CACHE)
            assert gc.isenabled() == enabled
        finally:
            gc.enable()
    assert seen == [False, False]
    with pytest.raises(RuntimeError):  # also after a failed build
        monkeypatch.setattr(pages.Renderer, "plans", lambda self: _raise())
        build.build(settings, resources, NO_CACHE)
    assert gc.isenabled()


def _raise():
    raise RuntimeError("planning failed")


def test_without_a_site_dir_no_search_index_is_written(setup):
    settings, resources = setup
    assert build.build(settings, resources, NO_CACHE).search is None


def test_a_failed_plan_cancels_the_search_index(setup, tmp_path, monkeypatch):
    settings, resources = setup
    started = []
    real_start = build.start_search
    monkeypatch.setattr(build, "start_search", lambda *a: started.append(real_start(*a)) or started[-1])

    def fail(self):
        raise RuntimeError("planning failed")
    monkeypatch.setattr(pages.Renderer, "plans", fail)
    with pytest.raises(RuntimeError, match="planning failed"):
        build.build(settings, resources, NO_CACHE, tmp_path)
    (writer,) = started
    assert writer.process is None  # cancelled (or never forked): nothing goes on writing


def test_search_terms_travel_beside_the_articles_and_are_reused_from_the_cache(tmp_path, monkeypatch):
    """The per-file stage computes each article's search terms (jieba) and the cache keeps
    them: a warm read hands every article's terms to the index without segmenting again."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "page.txt").write_text(_PAGE, "utf-8")
    (seeds / "copy.txt").write_text(_PAGE.replace("富源县", "罗平县"), "utf-8")
    settings = Settings(seeds_dir=seeds, cache_dir=tmp_path / "cache", workers=1)
    resources = load_resources(settings)
    data, terms = build.read_all(settings, resources)
    assert set(terms) == {a.id for a in data.articles} and len(terms) == 2

    def no_segmenting(*args, **kwargs):
        raise AssertionError("a warm read segmented an unchanged file again")
    monkeypatch.setattr(build.terms, "article_terms", no_segmenting)
    again, warm_terms = build.read_all(settings, resources)
    assert warm_terms == terms and [a.id for a in again.articles] == [a.id for a in data.articles]


@pytest.mark.parametrize("workers", [1, 2])
def test_computed_and_cached_results_are_equal_records_with_shared_words(tmp_path, workers):
    """A computed result comes back encoded as the cache stores it (in a worker, or in
    process), is stored as it is and decoded like a cached one: the cold read and the warm
    read give equal records, their recurring words one object each (digest.SHARED_WORDS)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for n in range(build.POOL_THRESHOLD):
        (seeds / f"page{n}.txt").write_text(_PAGE.replace("富源县", "罗平县") if n % 2 else _PAGE, "utf-8")
    settings = Settings(seeds_dir=seeds, cache_dir=tmp_path / "cache", workers=workers)
    resources = load_resources(settings)
    sources = build.decode.read_sources(seeds, settings)

    def results() -> tuple[dict, int]:
        with BuildLock(settings.cache_dir) as access:
            cache = ResultCache(access, "fingerprint", FileResult, digest.SHARED_WORDS)
            readable = list(sources)
            read = build.process_sources(readable, settings, resources, None, cache), cache.hits
            # each text let go once its result was in; the rest of each source as it was
            assert readable == [replace(s, text="") for s in sources] and all(s.text for s in sources)
            return read

    cold, hits = results()
    assert hits == 0 and len(list((tmp_path / "cache").glob("*.marshal"))) == len(sources)
    warm, hits = results()
    assert hits == len(sources) and warm == cold
    for read in (cold, warm):
        first, second = read["page0.txt"], read["page2.txt"]  # the same text in two files
        assert first.search_terms[0].words == second.search_terms[0].words != ""  # packed (wordpack.py)
        assert first.figures and first.figures[0].unit is second.figures[0].unit


def test_few_new_files_are_read_in_a_worker_while_the_cached_ones_are_decoded(tmp_path, monkeypatch):
    """Files without a cache entry start in a worker before the others are decoded, and give
    the same results as when read in this process, after the decoding."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for n in range(4):
        (seeds / f"page{n}.txt").write_text(_PAGE.replace("2.5万亩", f"{n + 2}万亩"), "utf-8")
    monkeypatch.setattr(build, "OVERLAP_DECODED", 3)  # (the seeds are few: as many cached as a large corpus)

    def read(workers: int, cache_dir: Path, new: str | None = None) -> dict:
        if new:
            (seeds / "page9.txt").write_text(new, "utf-8")
        settings = Settings(seeds_dir=seeds, cache_dir=cache_dir, workers=workers)
        with BuildLock(settings.cache_dir) as access:
            cache = ResultCache(access, "fingerprint", FileResult, digest.SHARED_WORDS)
            readable = build.decode.read_sources(seeds, settings)
            started = []  # what the first _reading_pool call was asked and gave
            pool = build._reading_pool
            monkeypatch.setattr(build, "_reading_pool", lambda *a: started.append((a, pool(*a))) or started[-1][1])
            read = build.process_sources(readable, settings, None, None, cache)
            monkeypatch.setattr(build, "_reading_pool", pool)
            return read, cache.hits, started[0]

    for workers, cache_dir in ((2, tmp_path / "ahead"), (1, tmp_path / "here")):
        read(workers, cache_dir)  # the four files cached
    ahead, hits, (asked, pool) = read(2, tmp_path / "ahead", _PAGE.replace("富源县", "罗平县"))
    assert hits == 4 and asked[1:] == (1, 4) and pool is not None  # one file for a worker, four to decode
    here, hits, (_, pool) = read(1, tmp_path / "here")
    assert hits == 4 and pool is None and ahead == here and "page9.txt" in ahead


def test_a_reading_pool_only_when_it_pays():
    many, one = Settings(workers=0), Settings(workers=1)
    assert build._reading_pool(many, 0, 10_000) is None  # nothing to read
    assert build._reading_pool(one, 1, 10_000) is None  # workers: 1 = in this process
    assert build._reading_pool(many, 1, build.OVERLAP_DECODED - 1) is None  # too little to decode beside it
    for jobs, decoding in ((1, build.OVERLAP_DECODED), (build.POOL_THRESHOLD, 0)):
        pool = build._reading_pool(many, jobs, decoding)
        assert pool is not None or (os.cpu_count() or 1) < 2
        if pool is not None:
            pool.shutdown()


def test_loaded_results_are_frozen_and_a_rebuild_collects_what_the_last_one_froze(tmp_path):
    """Decoded results are left out of the collector's passes (gc.freeze: they hold no
    cycle); the next build in the process (mkdocs serve) gives frozen objects back to the
    collector first, so a cycle the last build left is freed, not kept for good."""
    import gc
    import weakref
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "page.txt").write_text(_PAGE, "utf-8")
    settings = Settings(seeds_dir=seeds, cache_dir=tmp_path / "cache", workers=1)
    resources = load_resources(settings)
    sources = build.decode.read_sources(seeds, settings)

    def results() -> dict:
        with BuildLock(settings.cache_dir) as access:
            cache = ResultCache(access, "fingerprint", FileResult, digest.SHARED_WORDS)
            return build.process_sources(sources, settings, resources, None, cache)

    gc.unfreeze()
    results()
    warm = results()
    result = warm["page.txt"]
    assert gc.is_tracked(result) and not any(o is result for o in gc.get_objects())  # tracked, but frozen

    class Node:
        pass
    cycle = Node()
    cycle.me = cycle
    left = weakref.ref(cycle)
    gc.freeze()  # as a page helper's fork would leave it
    del cycle
    assert left() is not None  # frozen: no collection frees it
    assert results() == warm
    assert left() is None  # given back to the collector and freed
    gc.unfreeze()


def test_the_search_index_is_the_same_fed_to_a_forked_writer_or_built_in_process(setup, tmp_path, monkeypatch):
    """Linux forks the writer before reading and sends it the articles (search/feed.py);
    elsewhere the index is built in-process from the digest: the same files either way."""
    settings, resources = setup

    def files(folder):
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    forked = build.build(settings, resources, NO_CACHE, tmp_path / "forked")
    assert forked.search.process is not None or not build.can_fork()
    forked.search.finish()
    monkeypatch.setattr(build, "can_fork", lambda: False)
    build.build(settings, resources, NO_CACHE, tmp_path / "here").search.finish()
    assert files(tmp_path / "forked") == files(tmp_path / "here")
