"""Cue-word lists live in generator/data/*.yml, not in Python (issue 13's acceptance).

Two shapes of a word list are found in generator/**/*.py:

- a list, tuple or set literal with more than five string constants;
- a regular-expression alternation with more than five literal words: every string constant
  (the literal parts of f-strings too; docstrings excepted) is read as a pattern, and each
  alternation in it, at the top level or inside a group, counts its alternatives that are
  plain text (``re.compile("甲|乙|丙|丁|戊|己")`` has six). An alternative with any regex
  operator in it (a class, a quantifier, a group, an anchor) is a pattern, not a word, and
  does not count. Character classes (``[，。；]``, ``[0-9一二三四五六七八九十]``) are not word
  lists: they are sets of single characters, punctuation, digits and numerals, which
  lexicon/text.py defines once where they are shared. Words built into a pattern from data
  (lexicon.text.alternation over a list of a data file) are not string constants, so they pass.

Either fails unless the allow-list below names it with the reason it is not a list of cue words.
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
    ("lexicon/gazetteer_tables.py", "regions"): "the names of the tables in gazetteer_tables.json: its format, not words",
}


def _string_literals(path: Path):
    """(line, first string, count, source) of each list/tuple/set literal with > MAX_STRINGS strings."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            strings = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(strings) > MAX_STRINGS:
                yield node.lineno, strings[0], len(strings), ast.unparse(node)[:80]


_GROUP_OPENERS = ("?:", "?<=", "?<!", "?=", "?!", "?>")
_OPERATORS = set("\\[](){}.*+?^$|")


def alternations(pattern: str) -> list[list[str | None]]:
    """Every alternation of a pattern (the top level and each group) as its alternatives:
    the text of a plain-text alternative, None for one holding any regex operator. A
    fragment (part of an f-string) with unbalanced parentheses is read as far as it goes."""
    stack: list[list[list[str | None]]] = [[[]]]  # open groups -> alternatives -> characters (None: operator)
    done: list[list[list[str | None]]] = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):  # an escaped punctuation mark is a literal character
            stack[-1][-1].append(None if pattern[i + 1].isalnum() else pattern[i + 1])
            i += 2
        elif c == "[":  # a character class, skipped whole
            i += 2 if pattern.startswith("[^", i) else 1
            i += 1 if pattern.startswith("]", i) else 0
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            stack[-1][-1].append(None)
            i += 1
        elif c == "(":
            stack.append([[]])
            i += 1
            if pattern.startswith("?P<", i):
                i = pattern.find(">", i) + 1 or len(pattern)
            else:
                i += next((len(o) for o in _GROUP_OPENERS if pattern.startswith(o, i)), 0)
        elif c == ")":
            done.append(stack.pop())
            stack = stack or [[[]]]  # a group opened in an earlier fragment: what follows is a new top level
            stack[-1][-1].append(None)
            i += 1
        elif c == "|":
            stack[-1].append([])
            i += 1
        else:
            stack[-1][-1].append(None if c in _OPERATORS else c)
            i += 1
    done.extend(stack)
    return [["".join(chars) if chars and None not in chars else None for chars in alts] for alts in done]


def _alternation_words(path: Path):
    """(line, first word, count, words) of each alternation of > MAX_STRINGS plain words."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            for alts in alternations(node.value):
                words = [a for a in alts if a]
                if len(words) > MAX_STRINGS:
                    yield node.lineno, words[0], len(words), "|".join(words)[:80]


def _found() -> dict[tuple[str, str], str]:
    found = {}
    for path in sorted(GENERATOR.rglob("*.py")):
        rel = path.relative_to(GENERATOR).as_posix()
        for line, first, count, source in _string_literals(path):
            found[(rel, first)] = f"generator/{rel}:{line}: {count} strings: {source}"
        for line, first, count, words in _alternation_words(path):
            found[(rel, first)] = f"generator/{rel}:{line}: a regex alternation of {count} words: {words}"
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


@pytest.mark.parametrize("pattern, words", [
    ("甲|乙|丙|丁|戊|己", [["甲", "乙", "丙", "丁", "戊", "己"]]),
    (r"^(?:其中|此外)+$", [["其中", "此外"], [None]]),
    (r"(?:较|比)(?:全省|[0-9]{4}年)?", [["较", "比"], ["全省", None], [None]]),
    ("[甲乙丙丁戊己庚]", [[None]]),  # a class is not a word list
    (r"(?P<n>\.|一)", [[".", "一"], [None]]),
])
def test_alternations_are_read_group_by_group(pattern, words):
    assert alternations(pattern) == words


def test_the_scan_finds_a_regex_alternation(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('"""甲|乙|丙|丁|戊|己: a docstring is prose."""\nimport re\n'
                   'RE = re.compile(r"^(?:甲|乙|丙|丁|戊|己)+$")\n'
                   'OK = re.compile(r"[甲乙丙丁戊己]|a|b|c{2}|d+|e?|f*")\n'
                   'F = re.compile(f"({X}|子|丑|寅|卯|辰|巳)")\n', encoding="utf-8")
    assert [(line, first, count) for line, first, count, _ in _alternation_words(bad)] == [(3, "甲", 6), (5, "子", 6)]
