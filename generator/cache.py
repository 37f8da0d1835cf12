"""Content-hash cache of per-file results: a rebuild only redoes the seeds that changed.

The key covers the file's bytes, its sidecar override, and the generator's own code and
data files, so editing a rule or the metric catalogue invalidates every entry.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from pathlib import Path

from .records import Source

PACKAGE = Path(__file__).parent
_CODE_SUFFIXES = {".py", ".yml", ".yaml", ".json"}


def code_fingerprint() -> str:
    """Hash of the generator's code and data files (templates do not affect per-file results)."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in _CODE_SUFFIXES and "__pycache__" not in path.parts:
            h.update(path.relative_to(PACKAGE).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


class ResultCache:
    def __init__(self, directory: Path | None, fingerprint: str):
        self.directory = directory
        self.fingerprint = fingerprint
        self.hits = 0
        self.used: set[str] = set()  # keys read or written by this build

    def key(self, source: Source) -> str:
        override = json.dumps(source.override, sort_keys=True, ensure_ascii=False, default=str)
        parts = [self.fingerprint, source.file, source.sha256, override]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()

    def _path(self, source: Source) -> Path | None:
        return self.directory / f"{self.key(source)}.pickle" if self.directory else None

    def get(self, source: Source):
        path = self._path(source)
        if path is None or not path.is_file():
            return None
        try:
            result = pickle.loads(path.read_bytes())
        except Exception:  # a cache entry from another version: just recompute
            return None
        self.hits += 1
        self.used.add(path.stem)
        return result

    def put(self, source: Source, result) -> None:
        path = self._path(source)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)  # atomic: a killed build never leaves a half-written entry
        self.used.add(path.stem)

    def prune(self) -> int:
        """Remove the entries this build did not use (old versions of changed or removed
        seeds, results of older code), so the cache stays the size of one corpus."""
        if self.directory is None or not self.directory.is_dir():
            return 0
        removed = 0
        for path in self.directory.glob("*.pickle"):
            if path.stem not in self.used:
                path.unlink()
                removed += 1
        return removed
