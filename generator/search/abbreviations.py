"""Abbreviations of statistical words (规上 = 规模以上), from the `abbreviations` table of
generator/data/indicators.yml. The index carries them (FORMAT.md, index.json) and a query
holding one is searched in its full form too (web/query.js): 规上工业 finds 规模以上工业.
"""

from __future__ import annotations

import logging
from pathlib import Path

import yaml

from generator.search import segment
from generator.settings import PACKAGE_DIR

log = logging.getLogger("mkdocs.plugins.digest")

INDICATORS = PACKAGE_DIR / "data" / "indicators.yml"


def load_abbreviations(path: Path = INDICATORS) -> dict[str, str]:
    """Normalised short form -> normalised full form; a bad entry is skipped with a warning."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    table = data.get("abbreviations") or {}
    if not isinstance(table, dict):
        log.warning("%s: 'abbreviations' should map a short form to its full form (规上: 规模以上); ignored", path)
        return {}
    out: dict[str, str] = {}
    for short, full in table.items():
        short, full = segment.normalise(str(short)), segment.normalise(str(full or ""))
        if not short or not full or short == full:
            log.warning("%s: abbreviation %r -> %r needs a short form and a different full form; ignored", path, short, full)
            continue
        out[short] = full
    return dict(sorted(out.items()))
