"""Typed records to JSON and back, driven by type hints: the cache's format, which cannot run code.

`dump(value, hint)` and `load(text, hint)` handle dataclasses (via dataclasses.fields and
typing.get_type_hints, so a new field needs no code here), enums, tuples, lists, dicts,
`X | None` unions and JSON scalars. Loading checks every value against its hint and
raises SchemaError on anything else: a damaged, foreign or older entry is refused, never
half-read. Floats keep their exact value (repr round-trips) and an int stays an int.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from enum import Enum
from typing import Any

_SCALARS = (str, int, float, bool, type(None))


class SchemaError(ValueError):
    """The JSON does not match the type it is read as."""


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _is_union(hint) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)


def to_json(value, hint=Any):
    """`value` as JSON-ready data (dicts, lists, scalars), following `hint`."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        hints = _hints(type(value))
        return {f.name: to_json(getattr(value, f.name), hints[f.name]) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        args = typing.get_args(hint)
        if isinstance(value, tuple) and not (len(args) == 2 and args[1] is Ellipsis) and args:
            return [to_json(v, a) for v, a in zip(value, args, strict=True)]
        item = args[0] if args else Any
        return [to_json(v, item) for v in value]
    if isinstance(value, dict):
        key_hint, item_hint = typing.get_args(hint) or (Any, Any)
        if key_hint not in (str, Any):  # JSON keys are strings: other keys go as [key, value] pairs
            return [[to_json(k, key_hint), to_json(v, item_hint)] for k, v in value.items()]
        if not all(type(k) is str for k in value):
            raise SchemaError(f"cannot store non-string keys as {hint}")
        return {k: to_json(v, item_hint) for k, v in value.items()}
    if isinstance(value, _SCALARS):
        return value
    raise SchemaError(f"cannot store a {type(value).__name__}")


def from_json(data, hint):
    """The value of type `hint` that to_json turned into `data`; SchemaError if it does not fit."""
    if hint is Any or hint is object:
        return data
    if _is_union(hint):
        for arm in typing.get_args(hint):
            try:
                return from_json(data, arm)
            except SchemaError:
                continue
        raise SchemaError(f"{data!r:.60} is none of {hint}")
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass(data, hint)
    if isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(data)
        except (ValueError, TypeError) as error:
            raise SchemaError(str(error)) from None
    origin, args = typing.get_origin(hint) or hint, typing.get_args(hint)
    if origin in (list, tuple):
        if type(data) is not list:
            raise SchemaError(f"expected a list for {hint}, got {type(data).__name__}")
        if origin is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
            if len(args) != len(data):
                raise SchemaError(f"expected {len(args)} items for {hint}, got {len(data)}")
            return tuple(from_json(v, a) for v, a in zip(data, args))
        items = [from_json(v, args[0] if args else Any) for v in data]
        return tuple(items) if origin is tuple else items
    if origin is dict:
        key_hint, item_hint = args or (Any, Any)
        if key_hint not in (str, Any):
            if type(data) is not list or any(type(p) is not list or len(p) != 2 for p in data):
                raise SchemaError(f"expected [key, value] pairs for {hint}")
            return {from_json(k, key_hint): from_json(v, item_hint) for k, v in data}
        if type(data) is not dict:
            raise SchemaError(f"expected an object for {hint}, got {type(data).__name__}")
        return {k: from_json(v, item_hint) for k, v in data.items()}
    return _scalar(data, hint)


def _scalar(data, hint):
    if hint is None or hint is type(None):
        if data is None:
            return None
    elif hint is float:
        if type(data) in (int, float):  # an int stored in a float field stays an int
            return data
    elif hint in (str, int, bool):
        if type(data) is hint:
            return data
    else:
        raise SchemaError(f"cannot read a {hint}")
    raise SchemaError(f"expected {getattr(hint, '__name__', hint)}, got {type(data).__name__}")


def _dataclass(data, cls: type):
    fields = dataclasses.fields(cls)
    if type(data) is not dict or set(data) != {f.name for f in fields}:
        raise SchemaError(f"fields of {cls.__name__} do not match")
    hints = _hints(cls)
    values = {f.name: from_json(data[f.name], hints[f.name]) for f in fields}
    record = cls(**{f.name: values[f.name] for f in fields if f.init})
    for f in fields:
        if not f.init:
            object.__setattr__(record, f.name, values[f.name])
    return record


def dump(value, hint=Any) -> bytes:
    """Canonical JSON bytes (UTF-8, key order as in the record)."""
    return json.dumps(to_json(value, hint), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def load(data: bytes, hint):
    """Parse and type-check; SchemaError for anything that is not a faithful `hint`."""
    try:
        parsed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise SchemaError(f"not JSON: {error}") from None
    try:
        return from_json(parsed, hint)
    except (TypeError, RecursionError) as error:  # e.g. a record's own checks in __post_init__
        raise SchemaError(str(error)) from None
