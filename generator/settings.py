"""Settings of the generator: one typed record, filled from the `digest` plugin block of mkdocs.yml.

Each field's docstring is its documentation; `python -m generator --help` and the
README list the same names.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

PACKAGE_DIR = Path(__file__).parent


@dataclass(frozen=True)
class Settings:
    seeds_dir: Path = Path("seeds")
    """Folder of input page texts (any encoding); sidecar NAME.yml files override fields of NAME.txt."""

    max_file_bytes: int = 2_000_000
    """Files larger than this are listed with a warning and not read (a newspaper page is ~20 KB)."""

    catalogue: Path = PACKAGE_DIR / "data" / "metrics.yml"
    """Metric catalogue (canonical metrics, synonyms, themes, preferred units)."""

    units: Path = PACKAGE_DIR / "data" / "units.yml"
    """Units and their normalisation factors."""

    cache_dir: Path = Path(".cache/digest")
    """Per-file results and finished pages keyed by content hash, so a rebuild only redoes
    what changed; entries the last build did not use are removed."""

    workers: int = 0
    """Processes for the per-file stages; 0 = one per CPU, 1 = run in-process."""

    key_figures: int = 6
    """How many figures a region page shows as cards."""

    keywords: int = 12
    """How many keywords a region page lists."""

    compare_matrix_max_regions: int = 20
    """Up to this many regions the comparison page is one metrics x regions table; beyond,
    it lists the metrics and each metric gets its own page (a matrix of thousands of columns
    would be tens of megabytes)."""

    chart_max_bars: int = 30
    """Bars in a metric's chart: the regions with the largest values, the rest in its table."""

    search_one_file_bytes: int = 256 * 1024
    """Each kind of search data (vocabulary, postings, text) up to this size is one file; a
    larger corpus is split into shards that a query fetches on demand."""

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]
