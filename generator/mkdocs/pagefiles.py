"""Generated pages whose file in the site folder is already right: a rebuild in place
(inplace.py) neither reads them from the page memo nor writes them.

After a build the plugin records, for every generated page, its memo key (pagememo.py: a
hash of everything that shapes the page's finished HTML) and the identity of the file it
wrote: inode, size, mtime and ctime. A file written over, replaced, moved, linked or touched
since has another identity (ctime cannot be set back by hand). The record is a sealed cache
entry (cache.KeyedFiles) per site folder: a damaged one is ignored, and every page written.

The next build in place compares: a page with the same key and an unchanged file is left as
it is. MkDocs still "writes" it: to the null device, by way of its File's abs_dest_path (a
public attribute) for that one write (redirect(), undone by restore()); the sweep keeps the
file (kept). Only when no other plugin sees finished pages (post_page): it would see none.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

from generator.cache import KeyedFiles
from generator.cachelock import CacheAccess
from generator.mkdocs.siteclear import lone_file

KEEP_OTHERS = 3  # records of other site folders kept
POSIX_NULL = os.path.isabs(os.devnull)  # MkDocs makes the destination's folder first: "/dev" is there


def _identity(st: os.stat_result) -> list[int]:
    return [st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


class PageFiles:
    """The record of one site folder's generated pages, and this build's pages left as they are."""

    def __init__(self, files: KeyedFiles, site_dir: Path, recorded: dict[str, list], enabled: bool):
        self.files = files
        self.site_dir = site_dir
        self.key = hashlib.sha256(os.fsencode(os.path.realpath(site_dir))).hexdigest()
        self.recorded = recorded  # dest_uri -> [memo key, *identity] after the last build
        self.enabled = enabled
        self.pages: dict[str, str] = {}  # dest_uri -> memo key, of this build's generated pages
        self.kept: set[str] = set()  # dest_uris left as they are in this build
        self.redirected: list[tuple[object, str]] = []  # (File, its abs_dest_path) until restore()

    @classmethod
    def load(cls, access: CacheAccess, site_dir: Path, enabled: bool) -> PageFiles:
        """`enabled`: this build is in place and no other plugin listens to post_page."""
        files = KeyedFiles(access.directory / "sites" if access.directory else None, ".json", access.writable)
        pages = cls(files, site_dir, {}, enabled and POSIX_NULL)
        data = files.read(pages.key) if pages.enabled else None
        try:
            recorded = json.loads(data) if data is not None else {}
        except ValueError:
            recorded = files.refuse(pages.key, "is not JSON") or {}
        pages.recorded = recorded if isinstance(recorded, dict) else {}
        return pages

    def unchanged(self, dest: str, key: str) -> bool:
        """A generated page: True when its file holds the finished HTML of `key` (then it is kept)."""
        self.pages[dest] = key
        record = self.recorded.get(dest)
        if not self.enabled or record is None or record[0] != key:
            return False
        try:
            st = os.lstat(self.site_dir / dest)
        except OSError:
            return False
        if not lone_file(st) or _identity(st) != record[1:]:
            return False
        self.kept.add(dest)
        return True

    def redirect(self, file) -> None:
        """MkDocs writes this kept page's output to the null device (until restore())."""
        self.redirected.append((file, file.abs_dest_path))
        file.abs_dest_path = os.devnull

    def restore(self) -> None:
        for file, path in self.redirected:
            file.abs_dest_path = path
        self.redirected = []

    def kept_paths(self) -> set[str]:
        """The kept pages' files, as the sweep names them (inplace.py)."""
        return {f"{self.site_dir}/{dest}" for dest in self.kept}

    def record(self) -> dict[str, list]:
        """The generated pages' files as this build left them, for save() ({} when nothing is saved)."""
        recorded = {}
        for dest, key in self.pages.items() if self.files.writable else ():
            try:
                st = os.lstat(self.site_dir / dest)
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode):
                recorded[dest] = [key, *_identity(st)]
        return recorded

    def save(self, recorded: dict[str, list] | None = None) -> None:
        """Store the record of the generated pages' files (record()'s; taken now when None)."""
        if not self.files.writable:
            return
        recorded = self.record() if recorded is None else recorded
        self.files.write(self.key, json.dumps(recorded, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        self._prune()

    def _prune(self) -> None:
        """Keep the records of the site folders built last (`mkdocs serve` builds into a new one)."""
        folder = self.files.directory
        others = [p for p in folder.glob("*.json") if p.stem != self.key]
        others.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for path in others[KEEP_OTHERS:] + list(folder.glob(".*.tmp")):
            path.unlink(missing_ok=True)
