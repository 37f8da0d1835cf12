"""progress: plain progress lines in CI and pipes, none for a short run."""

from __future__ import annotations

import logging

from generator.mkdocs.progress import QUIET_SECONDS, make_progress

log = logging.getLogger("test.progress")


def run(total: int, seconds_per_item: float, monkeypatch, caplog) -> list[str]:
    monkeypatch.setenv("CI", "1")  # plain lines, never a bar
    now = [0.0]
    update, close = make_progress(log, clock=lambda: now[0])
    with caplog.at_level(logging.INFO, logger="test.progress"):
        for done in range(1, total + 1):
            now[0] += seconds_per_item
            update(done, total, f"f{done}.txt")
        close()
    return [r.getMessage() for r in caplog.records]


def test_a_short_run_prints_nothing(monkeypatch, caplog):
    assert run(5, 0.5, monkeypatch, caplog) == []


def test_a_long_run_prints_about_ten_lines_after_the_quiet_start(monkeypatch, caplog):
    lines = run(1000, QUIET_SECONDS / 100, monkeypatch, caplog)  # quiet for the first tenth
    assert 5 <= len(lines) <= 11
    assert lines[-1] == "reading seeds: 1000/1000 (f1000.txt)"
    assert not any(line.startswith("reading seeds: 100/") for line in lines)
