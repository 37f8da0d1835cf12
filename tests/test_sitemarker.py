"""A build that is killed or fails leaves no running children and a site folder marked
unfinished (site/.build-incomplete); the next build finishes it and removes the mark."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.mkdocs.background import can_fork
from generator.mkdocs.sitemarker import MARKER, is_incomplete, mark_complete, mark_incomplete
from helpers import ROOT, build_site, write_config

EPOCH = {"SOURCE_DATE_EPOCH": "1764028800"}


def test_mark_and_unmark(tmp_path):
    site = tmp_path / "site"
    mark_incomplete(site)
    assert is_incomplete(site) and (site / MARKER).read_text(encoding="utf-8").strip()
    mark_complete(site)
    assert not is_incomplete(site)
    mark_complete(site)  # twice is harmless


def test_a_failed_build_leaves_the_mark(tmp_path):
    """on_build_error marks the site even when on_post_build had removed the mark (--strict)."""
    from types import SimpleNamespace

    from generator.mkdocs.plugin import DigestPlugin
    from generator.settings import Settings

    plugin = DigestPlugin()
    plugin.settings = Settings(cache_dir=None)
    plugin.on_pre_build(config=SimpleNamespace(site_dir=str(tmp_path / "site")))
    assert is_incomplete(tmp_path / "site")
    mark_complete(tmp_path / "site")  # as on_post_build does, before --strict aborts the build
    plugin.on_build_error(error=RuntimeError("x"))
    assert is_incomplete(tmp_path / "site")


# ----------------------------------------------------------------------------- kill -9

def _stat(pid: str) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()  # state, ppid, pgrp, ...


def _children(pid: int) -> list[int]:
    return [int(p) for p in os.listdir("/proc") if p.isdigit() and (s := _stat(p)) and s[1] == str(pid)]


def _alive_in_group(pgrp: int) -> list[int]:
    return [int(p) for p in os.listdir("/proc")
            if p.isdigit() and (s := _stat(p)) and s[2] == str(pgrp) and s[0] != "Z"]


def _kill_when_children_run(config: Path, site: Path) -> None:
    """Start a build, kill -9 it as soon as it has a child process, check none survives."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    build = subprocess.Popen(cmd, cwd=config.parent, env={**os.environ, **EPOCH}, start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    while not _children(build.pid):
        assert build.poll() is None, "the build ended before it started a child process"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.3)  # let the children get going
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 15
    while (left := _alive_in_group(build.pid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert left == [], f"orphan processes of the killed build: {left}"
    assert is_incomplete(site), "a killed build left a site that looks complete"


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.slow
@pytest.mark.skipif(not (can_fork() and Path("/proc/self/stat").exists()), reason="needs Linux /proc")
def test_kill_9_mid_build_leaves_no_orphans_and_a_marked_site(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for copy in range(2):  # enough files for the worker pool
        for path in sorted((ROOT / "seeds").glob("*.txt")):
            (seeds / f"c{copy}_{path.name}").write_text(path.read_text("utf-8") + f"\n副本{copy}。\n", "utf-8")
    config = write_config(tmp_path, seeds, workers=2)
    site = tmp_path / "site"

    _kill_when_children_run(config, site)  # cold: killed while the worker pool runs
    build_site(config, site, env=EPOCH)
    assert not is_incomplete(site)
    finished = _tree(site)

    _kill_when_children_run(config, site)  # warm: nothing to compute, killed while the search index is written
    build_site(config, site, env=EPOCH)
    assert not is_incomplete(site)
    assert _tree(site) == finished
    assert not list((tmp_path / "cache").rglob("*.tmp")), "temporary files of the killed builds remain"
    shutil.rmtree(site)
