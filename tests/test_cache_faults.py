"""The cache never changes the site and never stops a build: damaged, garbage and crafted
entries, a cache shared by two builds, a read-only cache, a cache that cannot be written."""

from __future__ import annotations

import errno
import hashlib
import logging
import marshal
import os
import pickle
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from generator import cache as cache_mod
from generator.cache import KeyedFiles, ResultCache
from generator.cachelock import LOCK_NAME, NO_CACHE, BuildLock, CacheAccess
from generator.mkdocs.pagememo import PageMemo
from generator.records import Source, DataWarning
from helpers import ROOT, write_config

KEY = "a" * 64


def _source(sha: str = "s" * 64) -> Source:
    return Source(file="x.txt", sha256=sha, size=1)


def _cache(folder: Path, writable: bool = True) -> ResultCache:
    return ResultCache(CacheAccess(folder, writable), "code", list[DataWarning])


def _entry(folder: Path) -> Path:
    [path] = folder.glob("*.marshal")
    return path


RESULT = [DataWarning("x.txt", "消息", hint="提示", line=3)]


class Payload:
    """Unpickling this creates a file: proof that an entry was unpickled."""

    def __init__(self, target: Path):
        self.target = target

    def __reduce__(self):
        return (Path.touch, (self.target,))


def _damage(path: Path, how: str, tmp_path: Path) -> Path:
    """Damage an entry in place; returns the file whose existence would prove code ran."""
    proof = tmp_path / "code-ran"
    data = path.read_bytes()
    header, _, payload = data.partition(b"\n")
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif how == "garbage":
        path.write_bytes(os.urandom(300))
    elif how == "pickle":  # what the old cache format would have executed
        path.write_bytes(pickle.dumps(Payload(proof)))
    elif how == "pickle behind a valid header":
        body = pickle.dumps(Payload(proof))
        fields = header.split(b" ")
        fields[3:] = [str(len(body)).encode(), hashlib.sha256(body).hexdigest().encode()]
        path.write_bytes(b" ".join(fields) + b"\n" + body)
    elif how == "payload edited":
        path.write_bytes(header + b"\n" + payload.replace("消息".encode(), "改了".encode()))
    elif how == "symlink":
        path.unlink()
        path.symlink_to("/etc/passwd")
    return proof


@pytest.mark.parametrize("how", ["truncated", "garbage", "pickle", "pickle behind a valid header",
                                 "payload edited", "symlink"])
def test_a_bad_entry_is_computed_again_with_a_warning(tmp_path, caplog, how):
    folder = tmp_path / "cache"
    _cache(folder).put(_source(), RESULT)
    entry = _entry(folder)
    proof = _damage(entry, how, tmp_path)
    again = _cache(folder)
    with caplog.at_level(logging.WARNING):
        assert again.get(_source()) is None
    assert not proof.exists(), "the entry was executed"
    assert any(entry.name in r.getMessage() and "computed again" in r.getMessage() for r in caplog.records)
    again.put(_source(), RESULT)  # the recomputed result replaces the bad entry
    assert _cache(folder).get(_source()) == RESULT


def test_a_sealed_entry_that_is_not_marshal_data_or_not_the_record_is_refused(tmp_path, caplog):
    """What a crafted entry could hold behind a valid seal: garbage, or marshal data of
    another shape (even a code object, which loading never runs)."""
    folder = tmp_path / "cache"
    for body in (b"\x00garbage", marshal.dumps({"x": 1}), marshal.dumps(compile("1", "f", "eval"))):
        cache = _cache(folder)
        cache.files.write(cache.key(_source()), body)
        with caplog.at_level(logging.WARNING):
            assert _cache(folder).get(_source()) is None
        assert "does not hold a valid result" in caplog.text
        caplog.clear()


def test_entries_of_another_user_are_refused_with_one_warning(tmp_path, caplog, monkeypatch):
    """A cache folder others can write (shared): marshal data is only loaded from our own files."""
    folder = tmp_path / "cache"
    sources = [_source(), _source("t" * 64)]
    for source in sources:
        _cache(folder).put(source, RESULT)
    monkeypatch.setattr(cache_mod.os, "geteuid", lambda: os.stat(folder).st_uid + 1)
    cache = _cache(folder)
    with caplog.at_level(logging.WARNING):
        assert [cache.get(s) for s in sources] == [None, None]
    assert len(caplog.records) == 1 and "another user" in caplog.text and cache.hits == 0
    monkeypatch.undo()
    assert _cache(folder).get(_source()) == RESULT


def test_a_well_sealed_entry_of_the_wrong_schema_is_refused(tmp_path, caplog):
    folder = tmp_path / "cache"
    ResultCache(CacheAccess(folder, True), "code", dict[str, int]).put(_source(), {"x": 1})
    with caplog.at_level(logging.WARNING):
        assert _cache(folder).get(_source()) is None
    assert "does not hold a valid result" in caplog.text


def test_an_entry_copied_under_another_key_is_refused(tmp_path, caplog):
    files = KeyedFiles(tmp_path, ".json")
    files.write(KEY, b"payload")
    files.path(KEY).rename(files.path("b" * 64))
    with caplog.at_level(logging.WARNING):
        assert files.read("b" * 64) is None
    assert "another key" in caplog.text


def test_a_truncated_page_is_never_served(tmp_path, caplog):
    memo = PageMemo(tmp_path)
    memo.put(KEY, "<html><body>" + "正文" * 500 + "</body></html>")
    path = tmp_path / f"{KEY}.html"
    path.write_bytes(path.read_bytes()[:-20])
    again = PageMemo(tmp_path)
    assert again.has(KEY)  # cheap check at page start: the file is there ...
    with caplog.at_level(logging.WARNING):
        assert again.get(KEY) is None  # ... but the page is rendered again, not served cut short
    assert "cut short" in caplog.text and again.hits == 0


def test_temporary_names_are_unique_and_leftovers_pruned(tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append(Path(src).name)
        real_replace(src, dst)

    monkeypatch.setattr(cache_mod.os, "replace", spy)
    first, second = KeyedFiles(tmp_path, ".json"), KeyedFiles(tmp_path, ".json")
    first.write(KEY, b"1")
    second.write(KEY, b"1")
    assert len(set(seen)) == 2 and all(name.startswith(f".{KEY}.{os.getpid()}.") for name in seen)
    (tmp_path / f".{KEY}.999.dead.tmp").write_bytes(b"half")  # left by a killed build
    assert first.prune() == 1 and sorted(p.name for p in tmp_path.iterdir()) == [f"{KEY}.json"]


# ----------------------------------------------------------------------------- the build lock

def test_a_second_build_waits_for_the_first(tmp_path, caplog):
    first, second = BuildLock(tmp_path), BuildLock(tmp_path, wait_seconds=30)
    assert first.acquire() == CacheAccess(tmp_path, writable=True)
    threading.Timer(0.5, first.release).start()
    started = time.monotonic()
    with caplog.at_level(logging.INFO):
        assert second.acquire() == CacheAccess(tmp_path, writable=True)
    assert time.monotonic() - started >= 0.4
    assert "waiting for another build" in caplog.text
    second.release()


def test_a_build_that_cannot_wait_uses_no_cache(tmp_path, caplog):
    with BuildLock(tmp_path):
        with caplog.at_level(logging.WARNING):
            assert BuildLock(tmp_path, wait_seconds=0.2).acquire() == NO_CACHE
    assert "without a cache" in caplog.text
    with BuildLock(tmp_path) as access:  # released: the next build has it again
        assert access.writable


def _refuse_writes(monkeypatch):
    """What a read-only folder does to a writer (chmod does not stop root, who runs some CI)."""
    real_open = os.open

    def read_only_open(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr("generator.cachelock.os.open", read_only_open)


def test_a_read_only_cache_is_read_but_not_written(tmp_path, monkeypatch, caplog):
    folder = tmp_path / "cache"
    with BuildLock(folder) as access:
        _cache(folder, access.writable).put(_source(), RESULT)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    _refuse_writes(monkeypatch)
    with caplog.at_level(logging.WARNING):
        with BuildLock(folder) as access:
            assert access == CacheAccess(folder, writable=False)
            cache = _cache(folder, access.writable)
            assert cache.get(_source()) == RESULT  # read ...
            cache.put(_source("t" * 64), RESULT)  # ... but nothing stored or pruned
            assert cache.prune() == 0
    assert "not writable" in caplog.text
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a chmod 555 folder; the mock test covers it")
def test_a_chmod_read_only_cache_is_read_but_not_written(tmp_path, caplog):
    folder = tmp_path / "cache"
    with BuildLock(folder) as access:
        _cache(folder, access.writable).put(_source(), RESULT)
    (folder / LOCK_NAME).chmod(0o444)
    folder.chmod(0o555)
    try:
        with BuildLock(folder) as access:
            assert not access.writable and _cache(folder, False).get(_source()) == RESULT
    finally:
        folder.chmod(0o755)


def test_a_cache_folder_that_cannot_exist_means_no_cache(tmp_path, caplog):
    (tmp_path / "file").write_text("x")
    with caplog.at_level(logging.WARNING):
        assert BuildLock(tmp_path / "file" / "cache").acquire() == NO_CACHE
    assert "uses no cache" in caplog.text


def test_a_write_that_fails_stops_writing_with_one_warning(tmp_path, monkeypatch, caplog):
    files = KeyedFiles(tmp_path, ".json")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("builtins.open", full)
    with caplog.at_level(logging.WARNING):
        files.write(KEY, b"1")
        files.write("b" * 64, b"2")
    monkeypatch.undo()
    assert caplog.text.count("cannot write to the cache folder") == 1
    assert not files.writable and list(tmp_path.iterdir()) == []


# ----------------------------------------------------------------------------- whole builds

EPOCH = {"SOURCE_DATE_EPOCH": "1764028800"}


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _build(config: Path, site: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
    return subprocess.Popen(cmd, cwd=config.parent, env={**os.environ, **EPOCH}, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """Two builds of the seeds started together, sharing one cache folder."""
    work = tmp_path_factory.mktemp("shared_cache")
    config = write_config(work, ROOT / "seeds")
    builds = [_build(config, work / name) for name in ("site_a", "site_b")]
    logs = [build.communicate(timeout=900)[0] for build in builds]
    return {"work": work, "config": config, "codes": [b.returncode for b in builds], "logs": logs}


@pytest.mark.slow
def test_two_builds_sharing_a_cache_both_succeed_alike(shared):
    assert shared["codes"] == [0, 0], "\n".join(shared["logs"])
    assert any("waiting for another build" in log for log in shared["logs"])
    a, b = _tree(shared["work"] / "site_a"), _tree(shared["work"] / "site_b")
    assert len(a) > 10 and a == b
    assert not list((shared["work"] / "cache").rglob("*.tmp"))


@pytest.mark.slow
def test_a_damaged_cache_rebuilds_the_same_site_with_warnings(shared):
    cache = shared["work"] / "cache"
    entries, pages = list(cache.glob("*.marshal")), list((cache / "pages").glob("*.html"))
    assert entries and pages
    for path in entries:
        path.write_bytes(path.read_bytes()[:100])  # cut short
    for path in pages:
        path.write_bytes(path.read_bytes()[:-50])  # a page cut mid-tag
    build = _build(shared["config"], shared["work"] / "site_c")
    log = build.communicate(timeout=900)[0]
    assert build.returncode == 0, log
    assert _tree(shared["work"] / "site_c") == _tree(shared["work"] / "site_a")
    assert log.count("cut short") >= len(entries) + len(pages)
