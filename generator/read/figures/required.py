"""Characters a regular expression cannot match without: a cheap test that lets a scan skip
a pattern on a text that lacks them all (most sentences name no month, no plan period).

Derived from the pattern itself (Python's own parse of it), so it stays right when a rule is
edited; where the parse offers no such guarantee the answer is None and the pattern always runs.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as sre  # the stdlib's parse of a pattern (Python 3.11, pinned)
from re import _parser

MAX_CLASS = 64  # a character class wider than this ([一-龥]) guarantees nothing useful


def needs(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A character class every match of `pattern` contains a character of, else None."""
    return _needs(pattern.pattern, pattern.flags)


@lru_cache(maxsize=256)  # rules are compiled per article; their parse is the same every time
def _needs(source: str, flags: int) -> re.Pattern[str] | None:
    if flags & re.IGNORECASE:
        return None
    try:
        chars = _sequence(_parser.parse(source, flags))
    except (re.error, TypeError, ValueError):
        return None
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]") if chars else None


def _sequence(items) -> frozenset[str] | None:
    """Items that must all match: the smallest set one of them requires."""
    best = None
    for op, arg in items:
        found = _item(op, arg)
        if found is not None and (best is None or len(found) < len(best)):
            best = found
    return best


def _item(op, arg) -> frozenset[str] | None:
    if op == sre.LITERAL:
        return frozenset(chr(arg))
    if op == sre.IN:
        return _char_class(arg)
    if op == sre.SUBPATTERN:
        _, add_flags, _, sub = arg
        return None if add_flags & re.IGNORECASE else _sequence(sub)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, sub = arg
        return _sequence(sub) if low >= 1 else None
    if op == sre.BRANCH:
        found: set[str] = set()
        for branch in arg[1]:
            chars = _sequence(branch)
            if chars is None:
                return None  # one way through needs nothing
            found |= chars
        return frozenset(found)
    return None  # lookarounds, anchors, back references, any character: no guarantee


def _char_class(items) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, arg in items:
        if op == sre.LITERAL:
            chars.add(chr(arg))
        elif op == sre.RANGE and arg[1] - arg[0] < MAX_CLASS:
            chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
        else:
            return None  # a negated class, a category (\d, \s) or a wide range
        if len(chars) > MAX_CLASS:
            return None
    return frozenset(chars)
