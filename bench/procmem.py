"""Memory of a process tree, for the benchmarks (Linux /proc)."""

from __future__ import annotations

import os


def tree_pss_kb(root: int) -> int:
    """Proportional set size of `root` and its descendants (Linux /proc; 0 elsewhere): the
    memory the build really holds, shared pages of a forked child counted once."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            children.setdefault(int(stat[stat.rfind(")") + 2:].split()[1]), []).append(int(entry))
        except (OSError, ValueError, IndexError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("Pss:")), 0)
        except OSError:
            continue
    return total
