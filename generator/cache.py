"""Content-hash cache of per-file results: a rebuild only redoes the seeds that changed.

The key covers the file's bytes, its sidecar override, the generator's own code and data
files (editing a rule or the metric catalogue invalidates every entry) and the entry
format with the Python that wrote it.

The cache is a pure optimisation: each entry is sealed with its key, length and SHA-256,
and one that is damaged, cut short, foreign or of another schema is computed again with a
warning. Entries are written under a unique temporary name and renamed into place, by one
build at a time (cachelock.py).

Trust model. A result is stored as marshal data of typedjson's plain form (lists, dicts,
strings, numbers: to_json), which loads faster than JSON text and holds each shared word
once (with typedjson's checks, a warm build decodes in ~2/3 of the CPU). Loading marshal
data runs no code, but it is not meant for data crafted by someone else (a crafted entry
could crash the loader). So the cache folder is
trusted as the user's own, as Python trusts its __pycache__ folders and git its .git: an
entry is decoded only if it is a regular file owned by the user running the build (an
entry planted in a shared or world-writable cache_dir by another user is refused) whose
seal matches, and what it decodes to is still checked field by field against the record's
types (typedjson.from_json) before it is used.
"""

from __future__ import annotations

import hashlib
import json
import logging
import marshal
import os
import secrets
import stat
import sys
from pathlib import Path

from generator import typedjson
from generator.cachelock import CacheAccess
from generator.records import Source

log = logging.getLogger("mkdocs.plugins.digest")

PACKAGE = Path(__file__).parent
_CODE_SUFFIXES = {".py", ".yml", ".yaml", ".json", ".tsv"}
# Entry header: magic, format version, key, payload length, payload SHA-256.
_MAGIC = b"digest-cache"
_FORMAT = b"1"
# What a ResultCache payload is: in the key, so entries of another format or Python are not found.
PAYLOAD_FORMAT = f"typed marshal {marshal.version} python {sys.version_info.major}.{sys.version_info.minor}"


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
        h.update(os.fsencode(str(path)) + b"\0")
        h.update(Path(path).read_bytes() if Path(path).is_file() else b"")
    return h.hexdigest()


class KeyedFiles:
    """One sealed file per key in a folder (None: store nothing), written atomically.

    Keys read or written by this build are remembered; prune() removes the other files
    with this suffix (and temporary files of killed builds), so the folder stays the size
    of one site. Read-only access reads entries and never writes, prunes or fails.
    """

    def __init__(self, directory: Path | None, suffix: str, writable: bool = True):
        self.directory = directory
        self.suffix = suffix
        self.writable = writable and directory is not None
        self.used: set[str] = set()
        self.foreign = 0  # entries refused as another user's

    def path(self, key: str) -> Path:
        return self.directory / f"{key}{self.suffix}"

    def has(self, key: str) -> bool:
        return self.directory is not None and self.path(key).is_file()

    def read(self, key: str) -> bytes | None:
        """The payload stored under key; None when absent or damaged (with a warning)."""
        if self.directory is None:
            return None
        path = self.path(key)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        except FileNotFoundError:
            return None
        except OSError as error:
            return self.refuse(key, f"cannot be read ({error.strerror or error})")
        with os.fdopen(fd, "rb") as f:
            status = os.fstat(f.fileno())
            if not stat.S_ISREG(status.st_mode):
                return self.refuse(key, "is not a regular file")
            if status.st_uid != os.geteuid():
                return self.refuse_foreign(key)
            data = f.read()
        header, _, payload = data.partition(b"\n")
        fields = header.split(b" ")
        if len(fields) != 5 or fields[:2] != [_MAGIC, _FORMAT]:
            return self.refuse(key, "is not an entry of this cache format")
        if fields[2] != key.encode("ascii"):
            return self.refuse(key, "belongs to another key")
        if fields[3] != str(len(payload)).encode() or fields[4] != hashlib.sha256(payload).hexdigest().encode():
            return self.refuse(key, "is damaged or cut short (length or checksum differs)")
        return payload

    def refuse(self, key: str, why: str) -> None:
        """Warn about an entry that cannot be used; the caller computes the value again."""
        log.warning("cache entry %s %s: ignored and computed again", self.path(key), why)
        return None

    def refuse_foreign(self, key: str) -> None:
        """An entry of another user (a shared cache folder): not trusted (see the module's
        docstring), said once per build, as a folder holds thousands of entries."""
        if not self.foreign:
            log.warning("cache entry %s belongs to another user: it and any other such entry in %s are ignored "
                        "and computed again (use a cache_dir of your own)", self.path(key), self.directory)
        self.foreign += 1
        return None

    def mark_used(self, key: str) -> None:
        self.used.add(key)

    def write(self, key: str, payload: bytes) -> None:
        if not self.writable:
            return
        digest = hashlib.sha256(payload).hexdigest().encode()
        header = b" ".join([_MAGIC, _FORMAT, key.encode("ascii"), str(len(payload)).encode(), digest])
        # A unique name: two writers never share a temporary file, and a killed one leaves
        # only a .tmp file that prune() removes; the rename makes the entry appear whole.
        tmp = self.directory / f".{key}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            with open(tmp, "xb") as f:
                f.write(header + b"\n" + payload)
            os.replace(tmp, self.path(key))
        except OSError as error:
            tmp.unlink(missing_ok=True)
            self.writable = False
            log.warning("cannot write to the cache folder %s (%s): this build stores nothing more there",
                        self.directory, error.strerror or error)
            return
        self.used.add(key)

    def prune(self) -> int:
        """Remove the entries this build did not use; returns how many."""
        if not self.writable or not self.directory.is_dir():
            return 0
        removed = 0
        stale = [p for p in self.directory.glob(f"*{self.suffix}") if p.name[: -len(self.suffix)] not in self.used]
        for path in stale + list(self.directory.glob(".*.tmp")):
            try:
                path.unlink()
                removed += 1
            except OSError:
                pass  # gone already, or not ours to remove: the next build tries again
        return removed


class ResultCache:
    """Per-file results of type `record` (any type hint typedjson handles) by content key.

    `shared`: the strings a decoded result shares with the others (typedjson.Shared)."""

    def __init__(self, access: CacheAccess, fingerprint: str, record=object, shared: typedjson.Shared | None = None):
        self.files = KeyedFiles(access.directory, SUFFIX, access.writable)
        self.fingerprint = fingerprint
        self.record = record
        self.shared = shared
        self.hits = 0

    def key(self, source: Source) -> str:
        override = json.dumps(source.override, sort_keys=True, ensure_ascii=False, default=str)
        parts = [PAYLOAD_FORMAT, self.fingerprint, source.file, source.sha256, override]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogateescape")).hexdigest()

    def holds(self, source: Source) -> bool:
        """Whether an entry is stored for source (get() may still refuse it)."""
        return self.files.has(self.key(source))

    def get(self, source: Source):
        key = self.key(source)
        data = self.files.read(key)
        if data is None:
            return None
        try:
            result = self.decode(data)
        except typedjson.SchemaError as error:
            return self.files.refuse(key, f"does not hold a valid result ({error})")
        self.hits += 1
        self.files.mark_used(key)
        return result

    def decode(self, payload: bytes):
        """A result from an entry's payload (or encode()'s); SchemaError when it is not one."""
        return unpack(payload, self.record, self.shared)

    def encode(self, source: Source, result) -> bytes | None:
        """The payload stored for `result`; None, with a warning, for one the format cannot hold."""
        try:
            return pack(result, self.record, self.shared)
        except typedjson.SchemaError as error:  # a record the format cannot hold: just not cached
            log.warning("the result for %s cannot be cached (%s)", source.file, error)
            return None

    def put(self, source: Source, result) -> None:
        if self.files.writable and (payload := self.encode(source, result)) is not None:
            self.store(source, payload)

    def store(self, source: Source, payload: bytes) -> None:
        """Store an encoded result (encode(), or pack() with this cache's record type and shared table)."""
        self.files.write(self.key(source), payload)

    def prune(self) -> int:
        """Remove the entries this build did not use (old versions of changed or removed
        seeds, results of older code), so the cache stays the size of one corpus."""
        return self.files.prune() + KeyedFiles(self.files.directory, _OLD_SUFFIX, self.files.writable).prune()


SUFFIX = ".marshal"
_OLD_SUFFIX = ".json"  # entries of the former JSON format: removed by prune()


def pack(value, hint, shared: typedjson.Shared | None = None) -> bytes:
    """A ResultCache payload: marshal data of typedjson's plain form of `value`. With
    `shared`, the value is first made as unpack() will make it, its words shared by the
    rules: marshal then writes each shared word once (a reference after) and flags it
    interned, so loading makes it once too. SchemaError for a value the format cannot hold."""
    if shared is not None:
        value = typedjson.from_json(typedjson.to_json(value, hint), hint, shared)
    return marshal.dumps(typedjson.to_json(value, hint))


def unpack(payload: bytes, hint, shared: typedjson.Shared | None = None):
    """The value pack() stored (checked against `hint`); SchemaError when it is not one."""
    try:
        data = marshal.loads(payload)
    except (ValueError, EOFError, TypeError) as error:
        raise typedjson.SchemaError(f"not marshal data: {error}") from None
    return typedjson.from_json(data, hint, shared)
