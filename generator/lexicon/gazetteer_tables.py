"""The gazetteer's compiled tables: generator/data/gazetteer_tables.json, read by every build.

Turning gazetteer.tsv into the tables of the mention scan needs pypinyin (region slugs, and
the units' pinyin for search keys: lexicon/pinyin.py) and jieba's dictionary (which aliases
are ordinary words, which ordinary words contain one): over a second per process. scripts/make_gazetteer.py does it once and writes the result here, so a
build only reads this file (a few milliseconds). The file records the sha256 of the
gazetteer.tsv it was made from and the versions of the libraries that made it;
tests/test_gazetteer_tables.py makes it again with the pinned libraries and compares, so it
cannot drift from its source silently. This module reads and writes the file, nothing more:
what the tables mean is gazetteer.py's business.
"""

from __future__ import annotations

import hashlib
import json
import logging
from importlib import metadata
from pathlib import Path

from generator.settings import PACKAGE_DIR

log = logging.getLogger("mkdocs.plugins.digest")

TABLES_FILE = PACKAGE_DIR / "data" / "gazetteer_tables.json"
FORMAT = 2
# The libraries whose data the tables are computed from (slugs, common words).
LIBRARIES = ("jieba", "pypinyin")
TABLES = ("regions", "full", "alias", "weak", "containers", "pinyin")
REMAKE = "run `python scripts/make_gazetteer.py --tables`"


def source_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def library_versions() -> dict[str, str]:
    return {name: metadata.version(name) for name in LIBRARIES}


def format_tables(tables: dict, source: Path) -> str:
    """The file's text: a header, then each table with one entry per line (reviewable diffs)."""
    header = {"format": FORMAT, "made_by": "scripts/make_gazetteer.py", "source": source.name,
              "source_sha256": source_sha256(source), "libraries": library_versions()}
    parts = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in header.items()]
    for name in TABLES:
        value = tables[name]
        if isinstance(value, dict):
            items = [f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                     for k, v in value.items()]
            parts.append(f'{json.dumps(name)}: {{\n' + ",\n".join(items) + "\n}")
        else:
            items = [json.dumps(v, ensure_ascii=False) for v in value]
            parts.append(f'{json.dumps(name)}: [\n' + ",\n".join(items) + "\n]")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def read_tables(source: Path, path: Path = TABLES_FILE) -> dict | None:
    """The tables made from `source` (its bytes as recorded), or None with a warning when the
    file is missing, unreadable or made from another version of the source."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        log.warning("gazetteer tables %s missing: %s; compiling them for this build", path, REMAKE)
        return None
    except (OSError, ValueError) as err:
        log.warning("gazetteer tables %s unreadable (%s): %s; compiling them for this build", path, err, REMAKE)
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not all(t in data for t in TABLES):
        log.warning("gazetteer tables %s are not in format %s: %s; compiling them for this build", path, FORMAT,
                    REMAKE)
        return None
    if data.get("source_sha256") != source_sha256(source):
        log.warning("gazetteer tables %s were made from another %s: %s; compiling them for this build", path,
                    source.name, REMAKE)
        return None
    return {name: data[name] for name in TABLES}
