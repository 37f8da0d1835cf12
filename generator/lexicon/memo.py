"""A bounded memo for the reading stages' remembered results (blocks cut, names tagged, texts scanned).

A worker process reads tens of thousands of articles: a memo that kept everything it met would
grow with the corpus. This one keeps two generations: the entries met since the last turn, and
those of the turn before; when the new one holds half the size, it becomes the old one and the
entries nobody asked for again in the meantime are dropped. What recurs (a stock clause, a name
through its article) stays, at most `size` entries are held, and a look-up costs one or two dict
look-ups, with no bookkeeping per hit as a least-recently-used order would need.
"""

from __future__ import annotations

from collections.abc import Hashable, ItemsView, Iterator
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(Generic[K, V]):
    """key -> value, at most `size` entries (values must not be None: None means not remembered)."""

    __slots__ = ("size", "_half", "_new", "_old")

    def __init__(self, size: int):
        if size < 2:
            raise ValueError(f"a memo holds at least 2 entries, not {size}")
        self.size = size
        self._half = size // 2
        self._new: dict[K, V] = {}
        self._old: dict[K, V] = {}

    def __len__(self) -> int:
        return len(self._new) + len(self._old)

    def __contains__(self, key: K) -> bool:
        return key in self._new or key in self._old

    def __iter__(self) -> Iterator[K]:
        return iter(self.items_now())

    def items_now(self) -> dict[K, V]:
        """What is remembered, as one dict (a copy: for looking at, not a hot path)."""
        return {**self._old, **self._new}

    def items(self) -> ItemsView[K, V]:
        return self.items_now().items()

    def get(self, key: K) -> V | None:
        """The remembered value, or None; one found in the old generation moves to the new."""
        value = self._new.get(key)
        if value is None:
            value = self._old.get(key)
            if value is not None:
                self.put(key, value)
        return value

    def put(self, key: K, value: V) -> V:
        if len(self._new) >= self._half:
            self._old, self._new = self._new, {}
        self._new[key] = value
        return value

    def clear(self) -> None:
        self._new, self._old = {}, {}
