"""Reading the project's YAML data files fast.

(This module once also held a store of resources compiled into the cache folder: the
gazetteer's tables now ship compiled in the package, lexicon/gazetteer_tables.py, and jieba's
IDF table is read when needed, site/keywords.py.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def read_yaml(path: Path) -> Any:
    """A YAML data file, parsed by libyaml when PyYAML has it (the pure-Python parser takes
    ten times longer on metrics.yml); both are safe loaders and give the same data."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (a safe loader)
