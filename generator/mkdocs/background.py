"""Output built beside MkDocs's own work: the search index, in a forked process.

After the digest is ready, MkDocs spends seconds reading, rendering and writing pages on
one core, and the search index takes seconds more on one core too. Neither needs the
other, so on Linux the index is built and written by a forked child (it sees the
parent's memory as it was at the fork: nothing is copied or pickled) while the parent
goes on with the pages. Elsewhere, or with `parallel=False`, the work runs in-process
when started. Either way the same files are written.

A child must not outlive its build: die_with_parent() (used here and by the pipeline's
worker processes) has the kernel kill the child when the build process dies, even by
`kill -9`, so no orphan goes on writing into site/ or waiting for work.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.mkdocs.siteclear import Clearance
from generator.mkdocs.sitemarker import started
from generator.records import GeneratedFile

log = logging.getLogger("mkdocs.plugins.digest")


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent: int) -> None:
    """Call first thing in a child of process `parent`: the child ends when the parent does.

    On Linux the kernel sends SIGKILL when the parent (strictly: the thread that forked
    us) exits; elsewhere a daemon thread polls the parent's id once a second."""
    armed = False
    if sys.platform.startswith("linux"):
        try:
            armed = ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent:  # the parent died before we could ask
        os._exit(1)
    if not armed:
        threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def can_fork() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def write_files(files: Iterable[GeneratedFile], site_dir: Path) -> None:
    """Each file over its old copy, when site_dir is being rebuilt in place (siteclear.py);
    an old copy that holds the content already is only touched (no block freed and written
    again: seconds for the search index's ~20,000 files at 10,000 articles)."""
    site_dir = Path(site_dir)
    since = started(site_dir)
    clearance = Clearance(site_dir, since) if since is not None else None
    for f in files:
        size = clearance.file(f.path) if clearance is not None else None
        path = site_dir / f.path
        if size == len(f.content) and _holds(path, f.content):
            os.utime(path)  # this build's now (inplace.py's sweep keeps it)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(f.content)


def _holds(path: Path, content: bytes) -> bool:
    try:
        return path.read_bytes() == content
    except OSError:
        return False


@contextmanager
def frozen() -> Iterator[None]:
    """Every object frozen (gc.freeze) while a child is forked: the child's garbage collector
    must not walk the parent's objects (the whole digest), as every object it visits is
    written to and its memory page copied into the child. Afterwards the parent's objects
    are given back to its collector, unless some were frozen already (build.decoding(): the
    cached results): unfreezing is all or nothing, so then they all stay frozen."""
    frozen_before = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not frozen_before:
            gc.unfreeze()


class BackgroundWriter:
    """Calls `make()` and writes the files it yields under `site_dir`, each as it comes (a
    large index is never all in memory); finish() waits for that and raises RuntimeError
    if it failed."""

    def __init__(self, make: Callable[[], Iterable[GeneratedFile]], site_dir: Path, what: str,
                 parallel: bool | None = None):
        self.make = make
        self.site_dir = site_dir
        self.what = what
        self.parallel = can_fork() if parallel is None else parallel
        self.process: multiprocessing.process.BaseProcess | None = None

    def _run(self, parent: int | None = None) -> None:
        if parent is not None:
            die_with_parent(parent)
        write_files(self.make(), self.site_dir)

    def start(self) -> None:
        if not self.parallel:
            self._run()
            return
        self.process = multiprocessing.get_context("fork").Process(target=self._run, args=(os.getpid(),),
                                                                   name=f"digest {self.what}", daemon=True)
        with frozen():
            self.process.start()
        self.make = None  # the child has it: what only it needs (the search terms) is let go here

    def running(self) -> bool:
        """Still at work in its process (not yet finished, or finish() not yet called)."""
        return self.process is not None and self.process.is_alive()

    def finish(self) -> None:
        if self.process is None:
            return
        process, self.process = self.process, None
        process.join()
        if process.exitcode != 0:
            raise RuntimeError(f"building the {self.what} failed (exit code {process.exitcode}); the error is "
                               "printed above. Fix it and build again.")

    def cancel(self) -> None:
        """Stop the work (the build failed elsewhere): no files appear after the build ended."""
        if self.process is not None:
            self.process.terminate()
            self.process.join()
            self.process = None
