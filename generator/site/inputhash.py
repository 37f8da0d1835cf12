"""Hashes of what a deferred page is rendered from (pages.PagePlan.inputs).

A page's inputs are pickled and hashed: equal data, equal hash, so the page memo
(mkdocs/pagememo.py) can stand in for rendering. Records shown on several pages (an article
on its page and its region's, a figure in its article's table and its region's) are hashed
once each and stand in the pages' inputs by that hash: pickling the records was most of
the cost of planning the pages.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable
from dataclasses import fields
from enum import Enum
from operator import attrgetter

# Field values pickled as they are; anything else is looked at by _value.
_PLAIN = frozenset({str, int, float, bool, type(None)})


class InputHasher:
    """One pickler reused for every hash (making one per value cost a third of the time),
    and the hashes of the records hashed so far."""

    def __init__(self) -> None:
        self._buffer = io.BytesIO()
        self._pickler = pickle.Pickler(self._buffer, protocol=5)
        # Without its memo: equal data gives equal bytes however its objects happen to be
        # shared (a region object reused by many articles in one build, copies in another).
        # Records hold no cycles, which is what the memo would be needed for.
        self._pickler.fast = True
        # id -> (the record, its hash): the record is held so that its id is never reused
        self._records: dict[int, tuple[object, bytes]] = {}
        self._converters: dict[type, Callable[[object], object]] = {}  # a type -> _converter(type)

    def data_bytes(self, value) -> bytes:
        """`value` pickled (records, strings, numbers, lists, dicts...)."""
        self._buffer.seek(0)
        self._buffer.truncate()
        self._pickler.dump(value)
        return self._buffer.getvalue()

    def record(self, value) -> bytes:
        """The hash of one record's data, computed once however many pages show it."""
        known = self._records.get(id(value))
        if known is None:
            known = self._records[id(value)] = (value, hashlib.sha256(self.data_bytes(self._value(value))).digest())
        return known[1]

    def records(self, values: list) -> list[bytes]:
        return [self.record(v) for v in values]

    def forget(self) -> None:
        """Let go of the records hashed so far and their hashes (recomputed, the same, if asked
        again): once the pages are planned, nothing asks, and at 10,000 articles they held ~20 MB."""
        self._records.clear()

    def _value(self, value):
        kind = type(value)
        convert = self._converters.get(kind)
        if convert is None:
            convert = self._converters[kind] = self._converter(kind)
        return convert(value)

    def _converter(self, kind: type) -> Callable[[object], object]:
        """What a value of this type is hashed as. A slotted record: its class's name and its
        field values, nested records and enums likewise: what its pickle says, without the
        pickle naming every class of every field (a global looked up per object when pickling
        without a memo: most of the time it took). An enum: its class's name and its value.
        Anything else (lists, dicts, other objects): as pickle writes it."""
        module, name = kind.__module__, kind.__qualname__
        if issubclass(kind, Enum):
            return lambda value: (module, name, value._value_)  # (.value is a slow descriptor)
        if not (hasattr(kind, "__dataclass_fields__") and "__slots__" in vars(kind)):
            return lambda value: value
        # the field values in field order, as its __getstate__ lists them (without making the
        # list of its fields on every call)
        names = [f.name for f in fields(kind)]
        get = attrgetter(*names) if len(names) > 1 else lambda record: tuple(getattr(record, n) for n in names)
        plain, value_of = _PLAIN, self._value
        return lambda record: (module, name, [v if type(v) in plain else value_of(v) for v in get(record)])
