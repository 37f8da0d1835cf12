"""The marker of a site folder that does not hold a finished build: `site/.build-incomplete`.

The plugin writes it before MkDocs empties site/ and removes it as the very last step of
a successful build; a build that fails, is interrupted or killed leaves it behind. A
deploy step must refuse a site folder that has it. MkDocs never deletes or copies hidden
files of site/, so the marker survives the cleaning and never reaches a page or a feed.
"""

from __future__ import annotations

import os
from pathlib import Path

MARKER = ".build-incomplete"


def mark_incomplete(site_dir: Path, why: str = "") -> None:
    """`why`: what is wrong with the folder, when not simply a build that has not finished."""
    site_dir.mkdir(parents=True, exist_ok=True)
    what = why or f"A build started here (process {os.getpid()}) has not finished"
    (site_dir / MARKER).write_text(f"{what}: this folder is not a complete site. Build again; do not publish it.\n",
                                   encoding="utf-8")


def mark_complete(site_dir: Path) -> None:
    (site_dir / MARKER).unlink(missing_ok=True)


def is_incomplete(site_dir: Path) -> bool:
    return (site_dir / MARKER).exists()


def started(site_dir: Path) -> int | None:
    """The marker's mtime (ns, by the file system's clock): when the build at work started."""
    try:
        return (site_dir / MARKER).stat().st_mtime_ns
    except OSError:
        return None


def finished_at(site_dir: Path) -> int | None:
    """The mtime (ns) of a folder holding a finished site: no later than that build's end,
    whose last step removed the marker. None for no folder or an unfinished site."""
    try:
        st = site_dir.stat()
    except OSError:
        return None
    return None if is_incomplete(site_dir) else st.st_mtime_ns
