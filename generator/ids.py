"""Stable identifiers and slugs, derived from content so they survive rebuilds and reordering."""

from __future__ import annotations

import hashlib
import re


def stable_id(*parts: str, length: int = 10) -> str:
    """A short hex id from the given text parts (never from order or time)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


def ascii_slug(text: str) -> str:
    """Lower-case ASCII slug: letters and digits joined by single hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
