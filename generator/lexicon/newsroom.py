"""The newsroom's cue words (generator/data/newsroom.yml), loaded once at import.

Every value is immutable (tuples, a mapping proxy), so the module holds no state: the
reading stages compile their patterns from these words, and a test may load another file
with `load_newsroom(path)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from generator.lexicon.datafile import read_yaml

from generator.settings import PACKAGE_DIR

DATA_FILE = PACKAGE_DIR / "data" / "newsroom.yml"


@dataclass(frozen=True)
class Newsroom:
    furniture_roles: tuple[str, ...]
    byline_roles: tuple[str, ...]
    media: tuple[str, ...]
    byline_organisations: tuple[str, ...]
    institutions: tuple[str, ...]
    institution_endings: tuple[str, ...]
    caption_openers: tuple[str, ...]
    photo_subjects: tuple[str, ...]
    target_words: tuple[str, ...]
    five_year_plans: MappingProxyType  # name -> (first year, last year)
    plan_closing: tuple[str, ...]


def load_newsroom(path: Path = DATA_FILE) -> Newsroom:
    data = read_yaml(path) or {}
    plans = {str(k): (int(v[0]), int(v[1])) for k, v in (data.get("five_year_plans") or {}).items()}
    lists = {name: tuple(str(w) for w in data.get(name) or ()) for name in Newsroom.__dataclass_fields__
             if name != "five_year_plans"}
    return Newsroom(five_year_plans=MappingProxyType(plans), **lists)


NEWSROOM = load_newsroom()
