"""Freed memory handed back to the system.

A large build frees much of what it made on the way (the decoded cache entries' plain forms,
the source texts, the search terms sent to the writer, the tokenising caches), but the C
allocator keeps freed memory for reuse, and the process's memory stays at its high-water mark
while it holds every page's data for hours of page writing. glibc's malloc_trim returns the
free pages inside its heap to the system (on a 1,000-article build, about a quarter of the
build's own memory). Elsewhere (another C library, another system) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import cache


@cache
def _malloc_trim():
    """glibc's malloc_trim, or None where there is no glibc (loaded once per process)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # musl and others have no malloc_trim
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def give_back() -> bool:
    """Return the allocator's free memory to the system; False where that cannot be asked."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
