"""Emptying site_dir off the critical path: the old site is moved aside at once and deleted
by a child process while the build works. (A finished site is rebuilt in place instead:
inplace.py moves its entries back after MkDocs' cleaning; what cannot go back is deleted here.)

MkDocs empties site_dir right after on_pre_build (utils.clean_directory: every entry whose
name does not start with '.'), file by file: at 10,000 articles ~36,000 files and 12,700
folders, seconds of a rebuild before any work starts. The plugin's on_pre_build (first of
all plugins) renames those entries into one hidden folder inside site_dir, a rename on the
same file system, so MkDocs finds nothing left to remove; a forked child deletes that folder,
at a low priority, while the pages are built. The build waits for it before it marks the
site complete (sitemarker.py), so a finished site holds no old file and no trash folder.

A build killed meanwhile takes the child with it (die_with_parent) and leaves its trash
folder, and the site marked unfinished; the next build deletes every trash folder it finds.
An entry that cannot be renamed stays where it is for MkDocs to remove, as before; a
`--dirty` build, which keeps the old files, moves nothing (the plugin learns of it in on_startup).
Where fork is not available the trash is deleted at once, in the build's own process.
"""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

from generator.mkdocs.background import BackgroundWriter, can_fork

TRASH_PREFIX = ".digest-old-site-"
_NICENESS = 10  # behind the build's own work, which the site waits for first
_REPORTED = 5  # failures named in the warning; the rest are counted


class Removal:
    """Deleting `folders` (trash folders of one site_dir), in a forked child when started
    with fork (background.BackgroundWriter, writing no file); wait() returns the problems as
    text lines ([] when every folder is gone)."""

    def __init__(self, folders: list[Path]):
        self.folders = folders
        self.child: BackgroundWriter | None = None
        self.problems: list[str] = []

    def start(self, fork: bool = True) -> None:
        if not self.folders:
            return
        if not fork:
            self.problems = _remove(self.folders)
            return
        folders = self.folders

        def remove() -> tuple:
            _lower_priority()
            _remove(folders)
            return ()  # nothing to write: what it could not delete is left for wait() to name
        self.child = BackgroundWriter(remove, folders[0].parent, "removal of the previous site", parallel=True)
        try:
            self.child.start()
        except OSError:  # no process to be had: deleted here, now
            self.child = None
            self.problems = _remove(self.folders)

    def wait(self) -> list[str]:
        """Wait for the child (at most once); what could not be deleted, as lines for a warning.
        What the child left is tried once more here, which names each failure."""
        if self.child is not None:
            child, self.child = self.child, None
            try:
                child.finish()
            except RuntimeError as error:
                self.problems.append(str(error))
            if left := self.left():
                self.problems = _remove(left) + self.problems
        if not self.left():
            self.problems = []  # gone after all (e.g. deleted by hand meanwhile)
        elif not self.problems:
            self.problems = ["not deleted"]
        return self.problems

    def left(self) -> list[Path]:
        return [folder for folder in self.folders if folder.exists()]


def empty_site(site_dir: Path, fork: bool | None = None, move: bool = True) -> Removal:
    """Move every visible entry of site_dir into a new trash folder there (unless `move` is
    False) and start deleting it, with any trash folder a killed build left; MkDocs'
    cleaning then has nothing to do."""
    removal = Removal([])
    if not site_dir.is_dir():
        return removal
    if move:
        move_aside(site_dir)
    removal.folders = sorted(p for p in site_dir.iterdir() if p.name.startswith(TRASH_PREFIX))
    removal.start(can_fork() if fork is None else fork)
    return removal


def move_aside(site_dir: Path) -> Path | None:
    """Rename the entries MkDocs would remove (names not starting with '.') into a new hidden
    folder of site_dir; None when there was nothing to move."""
    names = sorted(name for name in os.listdir(site_dir) if not name.startswith("."))
    if not names:
        return None
    trash = site_dir / f"{TRASH_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
    try:
        trash.mkdir()
    except OSError:
        return None  # MkDocs cleans site_dir itself, as without this module
    for name in names:
        try:
            os.rename(site_dir / name, trash / name)
        except OSError:
            pass  # (a mount point, a folder we may not move): MkDocs removes it in place
    return trash


def left_warning(removal: Removal, problems: list[str]) -> str:
    """The warning for trash that could not be deleted: it must not be published with the site."""
    left = ", ".join(str(p) for p in removal.left()) or "the old site files"
    return (f"could not delete the previous build's files in {left} ({shown(problems)}): delete that folder "
            "yourself and build again; until then the site folder is marked unfinished and must not be published")


def shown(problems: list[str]) -> str:
    """The first problems, and how many more."""
    more = [f"... and {len(problems) - _REPORTED} more"] if len(problems) > _REPORTED else []
    return "; ".join(problems[:_REPORTED] + more)


def _remove(folders: list[Path]) -> list[str]:
    problems: list[str] = []

    def failed(function, path, exc_info) -> None:
        error = exc_info[1]
        problems.append(f"{path}: {getattr(error, 'strerror', None) or error}")

    for folder in folders:
        shutil.rmtree(folder, onerror=failed)
    return problems


def _lower_priority() -> None:
    try:
        os.nice(_NICENESS)
    except OSError:
        pass
