"""Memory of a process tree, for the benchmarks (Linux /proc)."""

from __future__ import annotations

import os


def tree_pss_kb(root: int) -> int:
    """Proportional set size of `root` and its descendants (Linux /proc; 0 elsewhere): the
    memory the build really holds, shared pages of a forked child counted once."""
    return sum(tree_pss_by_process(root).values())


def tree_pss_by_process(root: int) -> dict[int, int]:
    """The PSS (KB) of `root` and of each of its descendants by process id, `root` first, then
    in the order the processes started (Linux /proc; {} elsewhere): who holds the memory."""
    children: dict[int, list[tuple[int, int]]] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            fields = stat[stat.rfind(")") + 2:].split()  # field 3 of stat onwards
            children.setdefault(int(fields[1]), []).append((int(fields[19]), int(entry)))  # (start time, pid)
        except (OSError, ValueError, IndexError):
            continue
    order, todo = [], [root]
    while todo:
        pid = todo.pop()
        order.append(pid)
        todo += [child for _, child in sorted(children.get(pid, []), reverse=True)]
    pss: dict[int, int] = {}
    for pid in order:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                pss[pid] = next((int(line.split()[1]) for line in f if line.startswith("Pss:")), 0)
        except OSError:
            continue
    return pss
