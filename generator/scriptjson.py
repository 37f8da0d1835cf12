"""JSON that stays inert inside an HTML <script> element, the one writer of it: page
templates inline it (site/pages.py, the `script_json` filter) and the search index files
are written with it (search/format.py), so seed text holding "</script>" never ends a tag.
"""

from __future__ import annotations

import json


def dumps(value, *, compact: bool) -> str:
    """Key-sorted JSON with '<', '>' and '&' written as \\u003c, \\u003e, \\u0026; `compact`
    leaves out the spaces after ',' and ':'. The same value gives the same text."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":") if compact else None)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
