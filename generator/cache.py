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
_CODE_SUFFIXES = {".py", ".yml", ".yaml", ".json", ".tsv"}


def code_fingerprint() -> str:
    """Hash of the generator's code and data files (templates do not affect per-file results)."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in _CODE_SUFFIXES and "__pycache__" not in path.parts:
            h.update(path.relative_to(PACKAGE).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def inputs_fingerprint(settings) -> str:
    """code_fingerprint plus the metric catalogue and unit table the settings name: a
    config may point them outside the package, and per-file results depend on them."""
    h = hashlib.sha256(code_fingerprint().encode())
    for path in (settings.catalogue, settings.units):
        h.update(str(path).encode() + b"\0")
        h.update(Path(path).read_bytes() if Path(path).is_file() else b"")
    return h.hexdigest()


class KeyedFiles:
    """One file per key in a folder (None: store nothing), written atomically.

    Keys read or written by this build are remembered; prune() removes the other files
    with this suffix, so the folder stays the size of one site.
    """

    def __init__(self, directory: Path | None, suffix: str):
        self.directory = directory
        self.suffix = suffix
        self.used: set[str] = set()

    def path(self, key: str) -> Path:
        return self.directory / f"{key}{self.suffix}"

    def has(self, key: str) -> bool:
        return self.directory is not None and self.path(key).is_file()

    def read(self, key: str) -> bytes | None:
        if self.directory is None:
            return None
        try:
            return self.path(key).read_bytes()
        except OSError:
            return None

    def mark_used(self, key: str) -> None:
        self.used.add(key)

    def write(self, key: str, data: bytes) -> None:
        if self.directory is None:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        tmp = self.path(key).with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(self.path(key))  # atomic: a killed build never leaves a half-written entry
        self.used.add(key)

    def prune(self) -> int:
        """Remove the entries this build did not use; returns how many."""
        if self.directory is None or not self.directory.is_dir():
            return 0
        removed = 0
        for path in self.directory.glob(f"*{self.suffix}"):
            if path.name[: -len(self.suffix)] not in self.used:
                path.unlink()
                removed += 1
        return removed


class ResultCache:
    def __init__(self, directory: Path | None, fingerprint: str):
        self.files = KeyedFiles(directory, ".pickle")
        self.fingerprint = fingerprint
        self.hits = 0

    def key(self, source: Source) -> str:
        override = json.dumps(source.override, sort_keys=True, ensure_ascii=False, default=str)
        parts = [self.fingerprint, source.file, source.sha256, override]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()

    def get(self, source: Source):
        key = self.key(source)
        data = self.files.read(key)
        if data is None:
            return None
        try:
            result = pickle.loads(data)
        except Exception:  # a cache entry from another version: just recompute
            return None
        self.hits += 1
        self.files.mark_used(key)
        return result

    def put(self, source: Source, result) -> None:
        self.files.write(self.key(source), pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))

    def prune(self) -> int:
        """Remove the entries this build did not use (old versions of changed or removed
        seeds, results of older code), so the cache stays the size of one corpus."""
        return self.files.prune()
