"""One build at a time per cache folder: an advisory lock on `<cache_dir>/.lock`.

A build takes the lock exclusively before it reads the cache and keeps it until its last
page is stored and the cache pruned; a second build sharing the folder waits for it (and
says so), or after LOCK_WAIT_SECONDS goes on without a cache. A folder the build cannot
write is used read-only (shared lock when there is a lock file to take), with a warning.
The lock is an flock: the kernel drops it when the holder dies, even by `kill -9`.
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.digest")

LOCK_NAME = ".lock"
LOCK_WAIT_SECONDS = 900.0
_POLL_SECONDS = 0.1


@dataclass(frozen=True)
class CacheAccess:
    """What this build may do with the cache: directory None means no cache at all."""

    directory: Path | None
    writable: bool = False


NO_CACHE = CacheAccess(None)


class BuildLock:
    """acquire() -> CacheAccess; release() when the build is done (or failed). Reusable."""

    def __init__(self, cache_dir: Path | None, wait_seconds: float = LOCK_WAIT_SECONDS):
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.wait_seconds = wait_seconds
        self.fd: int | None = None

    def acquire(self) -> CacheAccess:
        self.release()
        folder = self.cache_dir
        if folder is None:
            return NO_CACHE
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as error:
            return self._read_only(folder, error)
        if not self._lock(fd, fcntl.LOCK_EX):
            return NO_CACHE
        return CacheAccess(folder, writable=True)

    def _read_only(self, folder: Path, error: OSError) -> CacheAccess:
        if not folder.is_dir():
            log.warning("cannot create the cache folder %s (%s): this build uses no cache; set cache_dir "
                        "to a writable folder to make rebuilds faster", folder, error.strerror or error)
            return NO_CACHE
        log.warning("the cache folder %s is not writable (%s): this build reads it but stores nothing; "
                    "make it writable or set cache_dir to another folder", folder, error.strerror or error)
        try:
            fd = os.open(folder / LOCK_NAME, os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            return CacheAccess(folder, writable=False)  # no lock file: nobody can write there either
        if not self._lock(fd, fcntl.LOCK_SH):
            return NO_CACHE
        return CacheAccess(folder, writable=False)

    def _lock(self, fd: int, mode: int) -> bool:
        """Take the lock on fd, waiting up to wait_seconds for another build; keeps fd if taken."""
        deadline = time.monotonic() + self.wait_seconds
        said = False
        while True:
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
                self.fd = fd
                return True
            except BlockingIOError:
                pass
            except OSError as error:  # a file system without locks: better no cache than a shared one
                log.warning("cannot lock the cache folder %s (%s): this build uses no cache",
                            self.cache_dir, error.strerror or error)
                os.close(fd)
                return False
            if time.monotonic() >= deadline:
                log.warning("another build still uses the cache folder %s after %.0f s: this build goes on "
                            "without a cache", self.cache_dir, self.wait_seconds)
                os.close(fd)
                return False
            if not said:
                log.info("waiting for another build that uses the cache folder %s (up to %.0f s)",
                         self.cache_dir, self.wait_seconds)
                said = True
            time.sleep(_POLL_SECONDS)

    def release(self) -> None:
        if self.fd is not None:
            fd, self.fd = self.fd, None
            fcntl.flock(fd, fcntl.LOCK_UN)  # also for copies of fd held by forked children
            os.close(fd)

    def __enter__(self) -> CacheAccess:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
