"""Search index: a lunr.js-compatible index of article sections, built with lunr.py.

(First cut: the plugin imports this module; the full builder follows.)
"""

from __future__ import annotations

import json

from .records import Digest, GeneratedFile

INDEX_PATH = "search/index.json"


def build_search(digest: Digest, resources=None) -> list[GeneratedFile]:
    """Every file the search needs, as site-relative paths and bytes."""
    data = {"docs": [], "index": None}
    content = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return [GeneratedFile(path=INDEX_PATH, content=content.encode("utf-8"))]
