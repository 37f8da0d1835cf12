"""Reading the project's YAML data files fast (the gazetteer's tables are JSON:
lexicon/gazetteer_tables.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def read_yaml(path: Path) -> Any:
    """A YAML data file, parsed by libyaml when PyYAML has it (the pure-Python parser takes
    ten times longer on metrics.yml); both are safe loaders and give the same data."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (a safe loader)
