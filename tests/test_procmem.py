"""bench/procmem.py: the PSS of a process tree, by process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import procmem  # noqa: E402

pytestmark = pytest.mark.skipif(not os.path.exists("/proc/self/smaps_rollup"), reason="Linux /proc only")


def test_a_child_holding_memory_is_counted_by_process_and_in_the_tree_total():
    # A child that fills 64 MB of its own and waits: its PSS is at least that, and the tree counts it.
    child = subprocess.Popen([sys.executable, "-c", "import sys; b = bytearray(64 << 20); b[::4096] = b'x' * (64 << 8); "
                              "print('ok', flush=True); sys.stdin.read()"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ok"
        parts = procmem.tree_pss_by_process(os.getpid())
        assert list(parts)[0] == os.getpid() and child.pid in parts
        assert parts[child.pid] >= 64 * 1024
        total = procmem.tree_pss_kb(os.getpid())
        assert total >= parts[child.pid] + parts[os.getpid()] - 1024  # (sampled twice: a little may move)
        assert child.pid not in procmem.tree_pss_by_process(child.pid + 10**7)  # no such process: empty
    finally:
        child.stdin.close()
        child.wait()
