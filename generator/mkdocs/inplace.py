"""Rebuilding a finished site in place: the old files stay where they are, the build writes
each file over its old copy, and what it did not write is removed at its end.

MkDocs empties site_dir right after on_pre_build (utils.clean_directory: every entry whose
name does not start with '.'), then writes every file anew: at 10,000 articles ~36,000 files
in 12,700 folders created again while the old ones are deleted. In place, the plugin's
on_pre_build renames those entries into one hidden folder (sitetrash.move_aside), so the
cleaning finds nothing, and its first on_files handler (MkDocs' next event) renames them
back (move_back). Writing over a file then creates no folder and deletes no file.

"Written by this build" means modified no earlier than the build's start and no later than
its end, by the file system's own clock: the start is the mtime of the marker sitemarker.py
writes first thing, the end the marker's mtime touched again (until()). At the end, sweep()
removes every other file of the visible entries, and the folders that leaves empty; hidden
top-level entries are left alone, as MkDocs leaves them. Before a file is written, an old
entry in its way is removed (Clearance): a folder where a file goes or the reverse, a
symbolic link (never written through), a file with other hard links (a copy of the site
made with hard links must not change).

Only a finished site is rebuilt in place, and only when the file system's clock has moved on
since that build ended (the site folder's mtime, set when its marker was removed): an old
file is then older than the start. Otherwise the site is emptied as before (sitetrash.py).
Should the wall clock jump during the build, new files could not be told from old ones:
nothing is removed and the site stays marked unfinished (the next build empties it).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from generator.mkdocs.siteclear import Clearance
from generator.mkdocs.sitemarker import MARKER, started
from generator.mkdocs.sitetrash import move_aside

_SETTLE_S = 0.05  # at most this long for the file system's clock to pass the last build's end
_CLOCK_JUMP_NS = 1_000_000_000  # wall clock against monotonic clock over the build


class InPlace:
    """One in-place rebuild of `site_dir`, from on_pre_build to on_post_build."""

    def __init__(self, site_dir: Path, since: int):
        self.site_dir = site_dir
        self.since = since  # ns, file system time: the build's start
        self.aside: Path | None = None  # the old entries, between on_pre_build and move_back()
        self.clocks = (time.time_ns(), time.monotonic_ns())

    @classmethod
    def begin(cls, site_dir: Path, finished: int | None) -> InPlace | None:
        """Call right after sitemarker.mark_incomplete. `finished`: the site folder's mtime
        before that (sitemarker.finished_at), None when it held no finished site. Moves the
        old entries aside; None: not in place (empty the site as before)."""
        if finished is None:
            return None
        since = started(site_dir)
        deadline = time.monotonic() + _SETTLE_S
        while since is not None and since <= finished and time.monotonic() < deadline:
            time.sleep(0.002)  # the last build ended within the clock's last tick
            os.utime(site_dir / MARKER)
            since = started(site_dir)
        if since is None or since <= finished:
            return None
        rebuild = cls(site_dir, since)
        rebuild.aside = move_aside(site_dir)
        return rebuild

    def move_back(self) -> None:
        """Put the old entries back where the build will write over them. One whose name was
        taken meanwhile, or a symbolic link, stays aside and is deleted with that folder."""
        aside, self.aside = self.aside, None
        if aside is None:
            return
        for name in sorted(os.listdir(aside)):
            source, target = aside / name, self.site_dir / name
            if source.is_symlink() or os.path.lexists(target):
                continue
            try:
                os.rename(source, target)
            except OSError:
                pass  # deleted with the folder
        try:
            aside.rmdir()
        except OSError:
            pass  # not empty: sitetrash deletes it

    def clearance(self) -> Clearance:
        return Clearance(self.site_dir, self.since)

    def until(self) -> int | None:
        """The build's end by the file system's clock; None when the wall clock jumped
        during the build (then no file can be told old)."""
        wall, monotonic = self.clocks
        if abs((time.time_ns() - wall) - (time.monotonic_ns() - monotonic)) > _CLOCK_JUMP_NS:
            return None
        try:
            os.utime(self.site_dir / MARKER)
        except OSError:
            return None
        end = started(self.site_dir)
        return end if end is not None and end >= self.since else None

    def sweep(self, until: int, kept: set[str] = frozenset(), skip: str | None = None) -> list[str]:
        """Remove what this build did not write or keep (`kept`: paths as os.scandir names them,
        pagefiles.py); see the module's docstring. The problems as lines. `skip`: a folder
        (site-relative) left as it is, where another process may still be writing:
        sweep_within() it once that ended."""
        problems: list[str] = []
        skipped = {f"{self.site_dir}/{skip}"} if skip else set()
        with os.scandir(self.site_dir) as entries:
            for entry in entries:
                if not entry.name.startswith("."):
                    _sweep(entry, self.since, until, kept, problems, skipped)
        return problems

    def sweep_within(self, until: int, folder: str, kept: set[str] = frozenset()) -> list[str]:
        """sweep() inside one folder (site-relative), which itself stays."""
        problems: list[str] = []
        try:
            with os.scandir(self.site_dir / folder) as entries:
                for entry in entries:
                    _sweep(entry, self.since, until, kept, problems)
        except FileNotFoundError:
            pass
        except OSError as error:
            problems.append(f"{self.site_dir / folder}: {error.strerror or error}")
        return problems


def _sweep(entry: os.DirEntry, since: int, until: int, kept: set[str], problems: list[str],
           skipped: set[str] = frozenset()) -> bool:
    """Remove `entry` if stale (for a folder: what in it is stale, then itself if left empty
    by that or old and empty); True when it was removed. Entries in `skipped` are kept."""
    if entry.path in skipped:
        return False
    try:
        if entry.is_dir(follow_symlinks=False):
            removed = left = 0
            with os.scandir(entry.path) as children:
                for child in children:
                    if _sweep(child, since, until, kept, problems, skipped):
                        removed += 1
                    else:
                        left += 1
            if left or not (removed or not since <= entry.stat(follow_symlinks=False).st_mtime_ns <= until):
                return False
            os.rmdir(entry.path)
            return True
        if entry.path in kept or since <= entry.stat(follow_symlinks=False).st_mtime_ns <= until:
            return False
        os.unlink(entry.path)
        return True
    except OSError as error:
        problems.append(f"{entry.path}: {error.strerror or error}")
        return False
