"""Progress for long builds: a bar on a terminal, plain log lines in CI or when piped."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable

Progress = Callable[[int, int, str], None]


def make_progress(log: logging.Logger, label: str = "reading seeds") -> tuple[Progress, Callable[[], None]]:
    """Return (update, close). update(done, total, item) is cheap to call for every item."""
    interactive = sys.stderr.isatty() and not os.environ.get("CI")
    if interactive:
        from tqdm import tqdm

        bar: dict = {}

        def update(done: int, total: int, item: str) -> None:
            if "bar" not in bar:
                bar["bar"] = tqdm(total=total, desc=label, unit="file", leave=False)
            bar["bar"].update(1)

        def close() -> None:
            if "bar" in bar:
                bar["bar"].close()

        return update, close

    state = {"next": 0}

    def update(done: int, total: int, item: str) -> None:
        # About ten lines for a long run, every file for a short one.
        step = max(total // 10, 1)
        if done >= state["next"] or done == total:
            log.info("%s: %d/%d (%s)", label, done, total, item)
            state["next"] = done + step

    return update, lambda: None
