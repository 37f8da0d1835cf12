"""Clearing the way for a file about to be written into a site folder that is being rebuilt
in place (inplace.py): an entry the previous build left where this build writes, and that
writing over would go wrong with, is removed first.

Such an entry is older than the build's start (the marker's mtime, sitemarker.py) and is a
folder where a file goes or a file where a folder goes, a symbolic link (never written
through: it may lead out of the site), or a file with other hard links (a copy of the site
made with hard links must not change). An entry this build wrote itself is never removed:
two writers of one path fail as they would in a clean build.
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterable
from pathlib import Path

from generator.mkdocs.sitemarker import started


def lone_file(st: os.stat_result) -> bool:
    """A regular file with no other hard link: one a build may write over, or leave as it is."""
    return stat.S_ISREG(st.st_mode) and st.st_nlink == 1


class Clearance:
    """Clears the way for files about to be written under `root`: removes an entry older
    than `since` that is in a file's way (see the module's docstring). Each folder is
    looked at once."""

    def __init__(self, root: Path, since: int):
        self.root = os.fspath(root)
        self.since = since
        self.folders: set[str] = {""}

    def files(self, paths: Iterable[str]) -> None:
        for path in paths:
            self.file(path)

    def file(self, path: str) -> int | None:
        """`path`: relative to root, '/'-separated. The size of the file there that will be
        written over, None when there is none."""
        folder, _, _ = path.rpartition("/")
        if folder not in self.folders:
            self._folder(folder)
        st = self._clear(f"{self.root}/{path}", want_folder=False)
        return st.st_size if st is not None else None

    def _folder(self, folder: str) -> None:
        parent = folder.rpartition("/")[0]
        if parent not in self.folders:
            self._folder(parent)
        self._clear(f"{self.root}/{folder}", want_folder=True)
        self.folders.add(folder)

    def _clear(self, full: str, want_folder: bool) -> os.stat_result | None:
        """The entry left at `full` when it is of the kind wanted."""
        try:
            st = os.lstat(full)
        except OSError:
            return None  # absent (or not reachable: the writer reports that)
        if stat.S_ISDIR(st.st_mode) if want_folder else lone_file(st):
            return st
        if st.st_mtime_ns >= self.since:
            return None  # this build's own: a real conflict, reported by the writer as in a clean build
        try:
            if stat.S_ISDIR(st.st_mode):
                shutil.rmtree(full)
            else:
                os.unlink(full)
        except OSError:
            pass  # the writer fails on it and says why
        return None


def clear_way(site_dir: Path, paths: Iterable[str]) -> None:
    """Clear the way for `paths` when site_dir is being rebuilt (its marker gives the start);
    in a folder without a marker, nothing is touched."""
    since = started(site_dir)
    if since is not None:
        Clearance(site_dir, since).files(paths)
