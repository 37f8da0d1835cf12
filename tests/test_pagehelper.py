"""pagehelper: helper processes render runs of the pages left into the memo, ahead of the build;
the site is the same byte for byte with or without them, and when one fails; none is started
while the search writer is busy, when another plugin listens to page events, or with too few
pages left."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.mkdocs import pagehelper
from generator.mkdocs.memopages import MemoPages
from generator.mkdocs.pagehelper import PageHelper
from generator.mkdocs.pagememo import EMPTY_TEMPLATE, PageMemo
from helpers import ROOT, write_config


def _site(tmp_path: Path, name: str, monkeypatch, min_pages: int):
    """Build two seeds into tmp_path/name (a cache of its own) in this process; the plugin's pages."""
    seeds = tmp_path / "seeds"
    if not seeds.is_dir():
        seeds.mkdir()
        for path in sorted((ROOT / "seeds").glob("*.txt"))[:2]:
            shutil.copy(path, seeds)
    work = tmp_path / name
    work.mkdir()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    monkeypatch.setattr(pagehelper, "MIN_PAGES", min_pages)
    monkeypatch.setattr(pagehelper, "MIN_RUN", 1)  # (a two-seed site has a few dozen pages)
    monkeypatch.setattr(pagehelper.BackgroundWriter, "running", lambda self: False)  # the search is done
    config = load_config(str(write_config(work, seeds)), site_dir=str(work / "site"))
    build(config)
    return work / "site", config.plugins["digest"].state.pages


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.skipif(not pagehelper.can_fork(), reason="the helper needs fork (Linux)")
def test_the_helpers_render_half_the_pages_or_more_and_the_site_is_the_same(tmp_path, monkeypatch):
    alone, pages_alone = _site(tmp_path, "alone", monkeypatch, min_pages=10**9)
    helped, pages = _site(tmp_path, "helped", monkeypatch, min_pages=1)
    assert pages_alone.helped == 0 and pages.helped == len(pages.handed) >= len(pages.keys) // 2 - 2
    assert pages.unchanged == 0  # what the helper stored is not "unchanged since the last build"
    assert _files(helped) == _files(alone)


@pytest.mark.skipif(not pagehelper.can_fork(), reason="the helper needs fork (Linux)")
def test_a_fresh_helper_renders_each_batch_and_the_site_is_the_same(tmp_path, monkeypatch):
    """HELPER_PAGES pages a helper, then a fresh fork (its copied memory given back): here the
    build sees each one done at its next page, so a helper of its own renders a page ahead
    of the build at almost every step."""
    alone, _ = _site(tmp_path, "alone", monkeypatch, min_pages=10**9)
    forks = []
    start = pagehelper.BackgroundWriter.start
    monkeypatch.setattr(pagehelper.BackgroundWriter, "start", lambda self: forks.append(self) or start(self))
    monkeypatch.setattr(pagehelper, "HELPER_PAGES", 1)
    helped, pages = _site(tmp_path, "helped", monkeypatch, min_pages=1)
    helpers = [w for w in forks if w.what == "page helper"]  # (the search writer is one too)
    assert len(helpers) == len(pages.handed) >= 3  # one helper per batch of 1 page
    assert pages.helped == len(pages.handed) >= len(pages.keys) // 2 - 2
    assert _files(helped) == _files(alone)


@pytest.mark.skipif(not pagehelper.can_fork(), reason="the helper needs fork (Linux)")
def test_pages_a_failed_helper_did_not_store_are_rendered_by_the_build(tmp_path, monkeypatch, caplog):
    alone, _ = _site(tmp_path, "alone", monkeypatch, min_pages=10**9)

    def fail(page, *args):
        raise RuntimeError("helper broke")
    monkeypatch.setattr(pagehelper, "render_page", fail)  # (in the forked helper only: the build renders itself)
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.digest"):
        helped, pages = _site(tmp_path, "helped", monkeypatch, min_pages=1)
    assert pages.handed and pages.helped == 0 and "page helper failed" in caplog.text
    assert _files(helped) == _files(alone)


def _fakes(tmp_path, count: int, listeners: dict):
    page_files = [SimpleNamespace(src_uri=f"articles/a{i}.md") for i in range(count)]
    for f in page_files:
        f.page = SimpleNamespace(file=f, meta={})
    files = SimpleNamespace(documentation_pages=lambda inclusion: page_files)
    pages = MemoPages(PageMemo(tmp_path), "site", {}, "", keys={f.src_uri: "k" for f in page_files})
    config = SimpleNamespace(plugins=SimpleNamespace(events=listeners), site_dir=str(tmp_path / "site"))
    return pages, config, files, [f.page for f in page_files]


def test_the_helper_starts_once_nothing_else_is_busy_and_enough_pages_are_left(tmp_path, monkeypatch):
    started = []
    monkeypatch.setattr(pagehelper.BackgroundWriter, "start", lambda self: started.append(self))
    monkeypatch.setattr(pagehelper, "can_fork", lambda: True)
    ours, other = SimpleNamespace(), SimpleNamespace()
    only_ours = {"page_context": [SimpleNamespace(__self__=ours)], "post_page": []}
    theirs = {"page_context": [SimpleNamespace(__self__=ours)], "post_page": [SimpleNamespace(__self__=other)]}
    busy = [True]

    def make(count, listeners):
        pages, config, files, todo = _fakes(tmp_path, count, listeners)
        return pages, PageHelper(pages, ours, config, None, files, None, busy=lambda: busy[0]), todo
    n = pagehelper.MIN_PAGES + 10
    for pages, helper, todo in (make(n, theirs), make(pagehelper.MIN_PAGES, only_ours)):
        busy[0] = False
        assert helper.consider(todo[0]) is None and not started and not pages.handed
    pages, helper, todo = make(n, only_ours)
    busy[0] = True
    assert helper.consider(todo[0]) is None  # the search writer is at work: not yet
    busy[0] = False
    chain = helper.consider(todo[5])
    assert chain is not None and pages.helper is chain and started == [chain.current]
    left = todo[6:]  # MIN_PAGES + 4 pages, fewer than HELPER_PAGES: one run, to the end
    run = [p for p in left if p.file.src_uri in pages.handed]
    start = len(left) - len(run)
    assert run == left[start:] and all(p.meta["template"] == EMPTY_TEMPLATE for p in run)
    # where the build, rendering its own pages and writing each out, arrives as the helper is done
    own = 1 + pagehelper.WRITE_SHARE
    assert (start - 1) * own < len(run) + 1 and start * own >= len(run)
    assert helper.consider(left[0]) is None and len(started) == 1  # nothing left after the run


def _chain(tmp_path, monkeypatch, count):
    started = []
    monkeypatch.setattr(pagehelper.BackgroundWriter, "start", lambda self: started.append(self))
    monkeypatch.setattr(pagehelper, "can_fork", lambda: True)
    ours = SimpleNamespace()
    pages, config, files, todo = _fakes(tmp_path, count, {"page_context": [SimpleNamespace(__self__=ours)],
                                                          "post_page": []})
    helper = PageHelper(pages, ours, config, None, files, None, busy=lambda: False)
    return pages, helper, todo, started


def test_each_run_lies_where_the_build_reaches_it_as_its_helper_is_done(tmp_path, monkeypatch):
    pages, helper, todo, started = _chain(tmp_path, monkeypatch, 5 * pagehelper.HELPER_PAGES)
    runs = []  # (the build's next page, the run's first, after its last), positions in todo
    hand_over = pages.hand_over
    monkeypatch.setattr(pages, "hand_over", lambda batch, chain: runs.append(
        (chain.at + 1, todo.index(batch[0]), todo.index(batch[-1]) + 1)) or hand_over(batch, chain))
    own, write = 1 + pagehelper.WRITE_SHARE, pagehelper.WRITE_SHARE
    for page in todo:  # each helper is done (never started here) by the build's next page
        helper.consider(page)
    assert len(runs) == len(started) >= 3
    for n, (at, start, stop) in enumerate(runs):
        handed = sum(1 for _, a, b in runs[:n] for i in range(a, b) if at <= i < start)
        # while the helper renders the run, the build renders its own pages before it and
        # writes out those of earlier runs: not done sooner, and a page sooner it would be
        assert (start - at - handed) * own + handed * write >= stop - start
        first = max(at, runs[n - 1][2] if n else 0)  # (after the last run)
        assert start == first or (start - 1 - at - handed) * own + handed * write < stop - start + 1
    assert all(stop - start == pagehelper.HELPER_PAGES for _, start, stop in runs[:-1])
    assert runs[-1][2] == len(todo) and helper.chain.stopped  # the last runs to the end: no run after it
    assert len(pages.handed) > len(todo) // 2  # the helpers render more than the build (it also writes theirs)


def test_the_build_waits_only_for_the_helper_whose_run_it_reached(tmp_path, monkeypatch):
    pages, helper, todo, started = _chain(tmp_path, monkeypatch, 10 * pagehelper.MIN_PAGES)
    finished = []
    monkeypatch.setattr(pagehelper.BackgroundWriter, "finish", lambda self: finished.append(self))
    monkeypatch.setattr(pagehelper.BackgroundWriter, "running", lambda self: True)
    chain = helper.consider(todo[0])
    run = [p.file.src_uri for p in todo if p.file.src_uri in pages.handed]
    pages.wait_for_helper(todo[1].file.src_uri)  # not the helper's: no wait
    assert finished == [] and pages.helper is chain
    pages.wait_for_helper(run[0])  # the helper's run: waited for, and the chain goes on
    assert finished == started and pages.helper is chain and not chain.stopped
    pages.wait_for_helper()  # the end of the build: the helper at work waited for, none after
    assert pages.helper is None and chain.stopped
    monkeypatch.setattr(pagehelper.BackgroundWriter, "running", lambda self: False)
    assert helper.consider(todo[1]) is None and len(started) == 1
