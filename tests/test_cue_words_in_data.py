"""Cue-word lists live in generator/data/*.yml, not in Python (issue 13's acceptance).

Every list, tuple or set literal in generator/**/*.py with more than five string constants
fails, unless the allow-list below names it with the reason it is not a list of cue words.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
MAX_STRINGS = 5

# (file under generator/, its first string constant): why it may stay in Python.
ALLOWED = {
    ("digest.py", "id"): "the CSV columns: the file format's contract, not cue words",
    ("digest.py", "="): "characters that start a spreadsheet formula (CSV injection), not words",
    ("read/figures/slots.py", "v"): "jieba part-of-speech tags, not words",
}


def _string_literals(path: Path):
    """(line, first string, count, source) of each list/tuple/set literal with > MAX_STRINGS strings."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            strings = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(strings) > MAX_STRINGS:
                yield node.lineno, strings[0], len(strings), ast.unparse(node)[:80]


def _found() -> dict[tuple[str, str], str]:
    found = {}
    for path in sorted(GENERATOR.rglob("*.py")):
        rel = path.relative_to(GENERATOR).as_posix()
        for line, first, count, source in _string_literals(path):
            found[(rel, first)] = f"generator/{rel}:{line}: {count} strings: {source}"
    return found


def test_no_list_of_more_than_five_literal_words_in_python():
    offenders = [where for key, where in _found().items() if key not in ALLOWED]
    assert not offenders, "move these lists to generator/data/*.yml (or allow-list a non-cue list with a reason):\n" \
        + "\n".join(offenders)


def test_every_allowed_entry_still_exists():
    """An allow-list entry whose literal is gone must be removed, so the list cannot grow stale."""
    stale = sorted(set(ALLOWED) - set(_found()))
    assert not stale, f"remove from ALLOWED: {stale}"


def test_the_scan_finds_a_literal_list(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('WORDS = ("甲", "乙", "丙", "丁", "戊", "己")\nOK = ["a", "b", 3, 4, 5, 6]\n', encoding="utf-8")
    assert [(line, first, count) for line, first, count, _ in _string_literals(bad)] == [(1, "甲", 6)]
