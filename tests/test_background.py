"""generator/background.py: files built beside MkDocs's page work, forked or in-process."""

from __future__ import annotations

import time

import pytest

from generator.mkdocs.background import BackgroundWriter, can_fork
from generator.records import GeneratedFile

FILES = [GeneratedFile("assets/search/index.json", b"{}"), GeneratedFile("assets/search/t/0.json", "正文".encode())]

modes = [False] + ([True] if can_fork() else [])


@pytest.mark.parametrize("parallel", modes)
def test_the_files_are_written_by_finish(tmp_path, parallel):
    writer = BackgroundWriter(lambda: FILES, tmp_path, "search index", parallel=parallel)
    writer.start()
    writer.finish()
    assert (tmp_path / "assets/search/t/0.json").read_bytes() == "正文".encode()
    assert (tmp_path / "assets/search/index.json").read_bytes() == b"{}"
    writer.finish()  # twice is harmless


@pytest.mark.parametrize("parallel", modes)
def test_a_failure_is_reported(tmp_path, parallel):
    def broken():
        raise ValueError("bad shard")

    writer = BackgroundWriter(broken, tmp_path, "search index", parallel=parallel)
    if parallel:
        writer.start()
        with pytest.raises(RuntimeError, match="building the search index failed"):
            writer.finish()
    else:
        with pytest.raises(ValueError, match="bad shard"):
            writer.start()
    assert not (tmp_path / "assets").exists()


@pytest.mark.skipif(not can_fork(), reason="fork only on Linux")
def test_the_forked_work_sees_data_made_before_it_started(tmp_path):
    data = {"n": 1}
    writer = BackgroundWriter(lambda: [GeneratedFile("n.txt", str(data["n"]).encode())], tmp_path, "x", parallel=True)
    writer.start()
    data["n"] = 2  # the child has its own copy from the moment of the fork
    writer.finish()
    assert (tmp_path / "n.txt").read_text() == "1"


@pytest.mark.skipif(not can_fork(), reason="fork only on Linux")
@pytest.mark.skipif(not can_fork(), reason="no fork here")
def test_the_forked_work_leaves_the_parents_objects_to_the_collector_of_the_parent(tmp_path):
    import gc
    seen = []

    def make():
        return [GeneratedFile("frozen.txt", str(gc.get_freeze_count() > 0).encode())]
    gc.unfreeze()  # (a build earlier in this process may have frozen its results)
    writer = BackgroundWriter(make, tmp_path, "search index", parallel=True)
    writer.start()
    seen.append(gc.get_freeze_count())
    writer.finish()
    assert (tmp_path / "frozen.txt").read_bytes() == b"True"  # the child's collector skips them
    assert seen == [0]  # the parent collects as before


@pytest.mark.skipif(not can_fork(), reason="no fork here")
def test_objects_frozen_before_the_fork_stay_frozen(tmp_path):
    """The cached results are frozen once loaded (build.decoding()): a fork must not give
    them back to the collector, which would walk them again at every full collection."""
    import gc
    gc.unfreeze()
    loaded = [[n] for n in range(1000)]
    gc.freeze()
    frozen = gc.get_freeze_count()
    writer = BackgroundWriter(lambda: [], tmp_path, "x", parallel=True)
    writer.start()
    writer.finish()
    assert gc.get_freeze_count() >= frozen and loaded
    gc.unfreeze()


def test_cancel_stops_the_work(tmp_path):
    def slow():
        time.sleep(30)
        return FILES

    writer = BackgroundWriter(slow, tmp_path, "search index", parallel=True)
    writer.start()
    started = time.monotonic()
    writer.cancel()
    assert time.monotonic() - started < 10
    writer.finish()  # nothing left to wait for
    assert not (tmp_path / "assets").exists()


@pytest.mark.skipif(not can_fork(), reason="fork only on Linux")
def test_a_child_whose_parent_is_already_gone_exits():
    import multiprocessing
    import os

    from generator.mkdocs.background import die_with_parent

    child = multiprocessing.get_context("fork").Process(target=die_with_parent, args=(os.getpid() + 10**6,))
    child.start()
    child.join(10)
    assert child.exitcode == 1
    alive = multiprocessing.get_context("fork").Process(target=die_with_parent, args=(os.getpid(),))
    alive.start()
    alive.join(10)
    assert alive.exitcode == 0
