import sys

import pytest

from generator import heap


def _rss_kb() -> int:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))


@pytest.mark.skipif(not sys.platform.startswith("linux") or heap._malloc_trim() is None,
                    reason="glibc's malloc_trim only")
def test_freed_memory_goes_back_to_the_system():
    # Many mid-sized strings (C malloc, not Python's small-object arenas), then all but every
    # hundredth freed: the survivors pin the heap's top, so only malloc_trim can return the rest.
    made = [("x" * 2000) + str(i) for i in range(100_000)]  # ~200 MB
    kept = made[::100]
    del made
    before = _rss_kb()
    assert heap.give_back() is True
    after = _rss_kb()
    assert before - after > 50_000, (before, after)  # at least 50 MB of the ~200 MB freed handed back
    assert len(kept) == 1000


def test_without_malloc_trim_nothing_is_asked(monkeypatch):
    monkeypatch.setattr(heap, "_malloc_trim", lambda: None)
    assert heap.give_back() is False
