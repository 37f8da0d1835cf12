"""Progress for long builds: a bar on a terminal, plain log lines in CI or when piped."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable

Progress = Callable[[int, int, str], None]
# Plain lines only once a run has taken this long: a rebuild of a few pages stays quiet.
QUIET_SECONDS = 5.0


def make_progress(log: logging.Logger, label: str = "reading seeds",
                  clock: Callable[[], float] = time.monotonic) -> tuple[Progress, Callable[[], None]]:
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

    state = {"next": 0, "started": clock()}

    def update(done: int, total: int, item: str) -> None:
        # At most about ten lines, none for a run shorter than QUIET_SECONDS.
        step = max(total // 10, 1)
        if done >= state["next"] or done == total:
            state["next"] = done + step
            if clock() - state["started"] >= QUIET_SECONDS:
                log.info("%s: %d/%d (%s)", label, done, total, item)

    return update, lambda: None
