"""Typed records to JSON data and back, driven by type hints (the cache stores that data: cache.py).

`to_json(value, hint)` and `from_json(data, hint)` handle dataclasses (via dataclasses.fields
and typing.get_type_hints, so a new field needs no code here), enums, tuples, lists, dicts,
`X | None` unions and JSON scalars. Loading checks every value against its hint and raises
SchemaError on anything else: a damaged, foreign or older entry is refused, never half-read.
Floats keep their exact value and an int stays an int.
A converter is compiled once per hint (functools.cache), so a value costs one call.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

_SCALARS = frozenset({str, int, float, bool, type(None)})


class SchemaError(ValueError):
    """The JSON does not match the type it is read as."""


def _is_union(hint) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)


def _is_dataclass_type(hint) -> bool:
    return isinstance(hint, type) and dataclasses.is_dataclass(hint)


def _fixed_tuple(args: tuple) -> bool:
    return bool(args) and not (len(args) == 2 and args[1] is Ellipsis)


def _string_keys(key_hint) -> bool:
    """JSON object keys are strings: dicts with other keys are stored as [key, value] pairs."""
    return key_hint in (str, Any)


def _lazy_fields(cls: type, coder: Callable) -> Callable[[], list]:
    """(name, converter, init) per field, made on first use: a record may contain itself."""
    made: list = []

    def fields() -> list:
        if not made:
            hints = typing.get_type_hints(cls)
            made.extend((f.name, coder(hints[f.name]), f.init) for f in dataclasses.fields(cls))
        return made
    return fields


# ----------------------------------------------------------------------------- writing

def _string_key(key):
    if type(key) is not str:
        raise SchemaError(f"cannot store the key {key!r:.40} as a string")
    return key


def _any_to_json(value):
    """A value whose hint says nothing (Any, bare dict/list): only plain JSON data is stored."""
    if type(value) in _SCALARS:
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _encoder(type(value))(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list):
        return [_any_to_json(v) for v in value]
    if isinstance(value, dict):
        if not all(type(k) is str for k in value):
            raise SchemaError("cannot store non-string keys without a type hint")
        return {k: _any_to_json(v) for k, v in value.items()}
    raise SchemaError(f"cannot store a {type(value).__name__} without a type hint")


@functools.cache
def _encoder(hint) -> Callable:
    if hint is Any or hint is object or _is_union(hint):
        return _any_to_json  # the value's own type says what it is
    if _is_dataclass_type(hint):
        fields = _lazy_fields(hint, _encoder)
        return lambda value: {name: enc(getattr(value, name)) for name, enc, _ in fields()}
    if isinstance(hint, type) and issubclass(hint, Enum):
        return lambda value: value.value
    origin, args = typing.get_origin(hint) or hint, typing.get_args(hint)
    if origin is tuple and _fixed_tuple(args):
        encs = [_encoder(a) for a in args]
        return lambda value: [enc(v) for enc, v in zip(encs, value, strict=True)]
    if origin in (list, tuple):
        enc = _encoder(args[0]) if args else _any_to_json
        if enc is _any_to_json:  # items of a scalar type: usually already JSON data
            return lambda value: list(value) if all(type(v) in _SCALARS for v in value) else [enc(v) for v in value]
        return lambda value: [enc(v) for v in value]
    if origin is dict:
        key_hint, item_hint = args or (Any, Any)
        enc_k, enc_v = _encoder(key_hint), _encoder(item_hint)
        if _string_keys(key_hint):
            return lambda value: {_string_key(k): enc_v(v) for k, v in value.items()}
        return lambda value: [[enc_k(k), enc_v(v)] for k, v in value.items()]
    return _any_to_json


# ----------------------------------------------------------------------------- reading
#
# A decoder may carry two attributes, which let the decoders around it skip calls and failed
# attempts (a cache read decodes millions of values): `accepted`, the JSON types it returns
# unchanged (scalars: checking the type is all it does), and `takes`, the JSON types it can
# succeed on at all (absent: any).
#
# Decoders are compiled per (hint, shared, longest): `shared` is the load's Shared table (or
# None), `longest` the longest string interned in this value (0: none), from the rule of the
# record field the value belongs to; a record inside it follows its own rules.

_NONE = 0


@dataclass(frozen=True)
class Shared:
    """The strings a load makes one object each (sys.intern), as it decodes them.

    Decoded apart, equal strings are objects of their own (json.loads makes new ones for
    every entry), which for recurring words costs more memory than the pointers to them.
    Each rule: a record type, one of its fields ("" for every field) and the longest string
    shared there (None: any). In a field a rule names, every string of the value is shared:
    the value itself, a dict's keys and values, a list's items; a record in it follows the
    rules of its own type. Only objects change, never values. A field typed Any is not
    looked into."""

    rules: tuple[tuple[type, str, int | None], ...]

    def longest(self, cls: type, name: str) -> int:
        """The longest string shared in that field; 0: none is."""
        for record, field_name, longest in self.rules:
            if record is cls and field_name in ("", name):
                return sys.maxsize if longest is None else longest
        return _NONE


def _interning(longest: int) -> Callable[[str], str]:
    if longest == sys.maxsize:
        return sys.intern
    return lambda text: sys.intern(text) if len(text) <= longest else text


def _scalar_decoder(hint, longest: int = _NONE) -> Callable:
    if hint is None or hint is type(None):
        accepted = (type(None),)
    elif hint is float:
        accepted = (int, float)  # an int stored in a float field stays an int
    elif hint in (str, int, bool):
        accepted = (hint,)
    else:
        raise SchemaError(f"cannot read a {hint}")
    return _accepting(accepted, getattr(hint, "__name__", str(hint)), longest)


def _accepting(accepted: tuple, name: str, longest: int = _NONE) -> Callable:
    if longest and str in accepted:  # returns the shared object: not `accepted`
        share = _interning(longest)

        def decode_shared(data):
            kind = type(data)
            if kind not in accepted:
                raise SchemaError(f"expected {name}, got {kind.__name__}")
            return share(data) if kind is str else data
        decode_shared.takes = accepted
        return decode_shared

    def decode(data):
        if type(data) not in accepted:
            raise SchemaError(f"expected {name}, got {type(data).__name__}")
        return data
    decode.accepted = decode.takes = accepted
    return decode


def _type_set(dec: Callable) -> frozenset | None:
    """The types `dec` passes unchanged, as a set: a list of them is checked in one C-level pass."""
    accepted = getattr(dec, "accepted", None)
    return frozenset(accepted) if accepted is not None else None


def _union_decoder(hint, shared, longest) -> Callable:
    arms = [_decoder(a, shared, longest) for a in typing.get_args(hint)]
    scalars = [_decoder(a) for a in typing.get_args(hint)]
    if all(hasattr(arm, "accepted") for arm in scalars):  # scalars only: one type check
        return _accepting(tuple(t for arm in scalars for t in arm.accepted), str(hint), longest)
    # (arm, the types it can succeed on or None): the first arm that succeeds wins, as
    # written, but an arm that cannot take the value's type is not tried
    tries = [(arm, getattr(arm, "takes", None)) for arm in arms]

    def decode(data):
        kind = type(data)
        for arm, takes in tries:
            if takes is None or kind in takes:
                try:
                    return arm(data)
                except SchemaError:
                    continue
        raise SchemaError(f"{data!r:.60} is none of {hint}")
    return decode


def _dataclass_decoder(cls: type, shared: Shared | None) -> Callable:
    compiled: list = []  # made on first use: a record may contain itself

    def decode(data):
        if not compiled:
            compiled.append(_compile_record(cls, shared))
        return compiled[0](data)
    decode.takes = (dict,)
    return decode


def _compile_record(cls: type, shared: Shared | None) -> Callable:
    """A decoding function written out for cls's fields, as dataclasses writes __init__: a
    warm build decodes ~500,000 records, and a loop over the fields took twice as long.
    Per field: a scalar of the types its decoder passes unchanged is taken as it is, anything
    else goes through the decoder (which raises on a wrong type); a string a `shared` rule
    names is interned right here. A record with slots is made by filling them (_slot_setters)."""
    hints = typing.get_type_hints(cls)
    env = {"names": {f.name for f in dataclasses.fields(cls)}, "cls": cls, "intern": sys.intern,
           "set_field": object.__setattr__, "SchemaError": SchemaError,
           "mismatch": f"fields of {cls.__name__} do not match"}
    lines = ["def decode(data):",
             "    if type(data) is not dict or data.keys() != names:",
             "        raise SchemaError(mismatch)"]
    given, later = [], []
    for i, f in enumerate(dataclasses.fields(cls)):
        longest = shared.longest(cls, f.name) if shared is not None else _NONE
        plain = _decoder(hints[f.name], shared)
        accepted = getattr(plain, "accepted", None)
        here = longest if accepted is not None else _NONE  # else the field's decoder shares them
        env[f"d{i}"] = plain if here or not longest else _decoder(hints[f.name], shared, longest)
        lines.append(f"    v{i} = data[{f.name!r}]")  # (names are dataclass field names: identifiers)
        if (optional := _optional(hints[f.name])) and accepted is None:  # X | None: no union to try
            env[f"d{i}"] = _decoder(optional, shared, longest)
            lines += [f"    if v{i} is not None:", f"        v{i} = d{i}(v{i})"]
        elif accepted is None:
            lines.append(f"    v{i} = d{i}(v{i})")
        else:
            env[f"a{i}"] = accepted[0] if len(accepted) == 1 else accepted
            lines += [f"    if type(v{i}) {'is not' if len(accepted) == 1 else 'not in'} a{i}:",
                      f"        v{i} = d{i}(v{i})"]
        if here:  # (a string for sure when str is the only type its decoder passes)
            lines += [f"    if {'' if accepted == (str,) else f'type(v{i}) is str and '}len(v{i}) <= {here}:",
                      f"        v{i} = intern(v{i})"]
        (given if f.init else later).append((i, f.name))
    slots = _slot_setters(cls)
    if slots is not None:  # filled straight from the values: a third of the cost of cls(...)
        env.update({"new": object.__new__, **{f"s{i}": setter for i, setter in enumerate(slots)}})
        lines.append("    record = new(cls)")
        lines += [f"    s{i}(record, v{i})" for i in range(len(slots))]
    else:
        lines.append(f"    record = cls({', '.join(f'{name}=v{i}' for i, name in given)})")
        lines += [f"    set_field(record, {name!r}, v{i})" for i, name in later]
    lines.append("    return record")
    exec(compile("\n".join(lines), f"<decode {cls.__qualname__}>", "exec"), env)  # (a name profiles show)
    return env["decode"]


def _optional(hint):  # X for a hint `X | None` (or `None | X`), else None
    args = typing.get_args(hint) if _is_union(hint) else ()
    return next((a for a in args if a is not type(None)), None) if len(args) == 2 and type(None) in args else None


def _slot_setters(cls: type) -> list | None:
    """Per field, its slot's setter when cls is made as unpickling makes it: a dataclass with
    slots whose __init__ (written by dataclasses, with exec) only stores the fields; else None."""
    written = getattr(getattr(cls.__init__, "__code__", None), "co_filename", "")
    if "__slots__" not in vars(cls) or hasattr(cls, "__post_init__") or written != "<string>":
        return None
    slots = [vars(cls).get(f.name) for f in dataclasses.fields(cls)]
    return [slot.__set__ for slot in slots] if all(type(s) is types.MemberDescriptorType for s in slots) else None


def _enum_decoder(cls: type) -> Callable:
    members = {member.value: member for member in cls}  # (a dict look-up: cls(data) costs ten times more)

    def decode(data):
        try:
            return members[data]
        except (KeyError, TypeError):
            pass
        try:
            return cls(data)  # (an enum's own _missing_ may know it)
        except (ValueError, TypeError) as error:
            raise SchemaError(str(error)) from None
    return decode


def _sequence_decoder(hint, origin, args, shared, longest) -> Callable:
    if origin is tuple and _fixed_tuple(args):
        decs = [_decoder(a, shared, longest) for a in args]

        def decode_fixed(data):
            if type(data) is not list or len(data) != len(decs):
                raise SchemaError(f"expected {len(decs)} items for {hint}")
            return tuple(dec(v) for dec, v in zip(decs, data))
        decode_fixed.takes = (list,)
        return decode_fixed
    item = args[0] if args else Any
    dec = _decoder(item, shared, longest)
    make = tuple if origin is tuple else list
    accepted, share = _type_set(_decoder(item, shared)), None
    if longest and accepted is not None and str in accepted:
        # strings only: shared in one C-level pass; strings among other types: one by one
        share = _interning(longest) if accepted == {str} else None
        accepted = accepted if share is not None else None

    def decode(data):
        if type(data) is not list:
            raise SchemaError(f"expected a list for {hint}, got {type(data).__name__}")
        if accepted is not None and accepted.issuperset(map(type, data)):
            return make(map(share, data)) if share is not None else make(data)
        return make([dec(v) for v in data])
    decode.takes = (list,)
    return decode


def _dict_decoder(hint, args, shared, longest) -> Callable:
    key_hint, item_hint = args or (Any, Any)
    dec_k, dec_v = _decoder(key_hint, shared, longest), _decoder(item_hint, shared, longest)
    if not _string_keys(key_hint):
        def decode_pairs(data):
            if type(data) is not list or any(type(p) is not list or len(p) != 2 for p in data):
                raise SchemaError(f"expected [key, value] pairs for {hint}")
            return {dec_k(k): dec_v(v) for k, v in data}
        decode_pairs.takes = (list,)
        return decode_pairs
    accepted = _type_set(dec_v)  # (None when its strings are shared: decoded one by one)
    share = _interning(longest) if longest else None

    def decode(data):
        if type(data) is not dict:
            raise SchemaError(f"expected an object for {hint}, got {type(data).__name__}")
        if accepted is not None and accepted.issuperset(map(type, data.values())):
            return dict(zip(map(share, data), data.values())) if share is not None else dict(data)
        if share is not None:
            return {share(k): dec_v(v) for k, v in data.items()}
        return {k: dec_v(v) for k, v in data.items()}
    decode.takes = (dict,)
    return decode


@functools.cache
def _decoder(hint, shared: Shared | None = None, longest: int = _NONE) -> Callable:
    if hint is Any or hint is object:
        return lambda data: data
    if _is_union(hint):
        return _union_decoder(hint, shared, longest)
    if _is_dataclass_type(hint):  # (its own rules: the field's do not reach into it)
        return _dataclass_decoder(hint, shared) if longest == _NONE else _decoder(hint, shared)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _enum_decoder(hint) if longest == _NONE and shared is None else _decoder(hint)
    origin, args = typing.get_origin(hint) or hint, typing.get_args(hint)
    if origin in (list, tuple):
        return _sequence_decoder(hint, origin, args, shared, longest)
    if origin is dict:
        return _dict_decoder(hint, args, shared, longest)
    return _scalar_decoder(hint, longest)


# ----------------------------------------------------------------------------- API

def to_json(value, hint=Any):
    """`value` as JSON-ready data (dicts, lists, scalars), following `hint`."""
    try:
        return _encoder(hint)(value)
    except (TypeError, ValueError, AttributeError) as error:
        if isinstance(error, SchemaError):
            raise
        raise SchemaError(f"{type(value).__name__} does not fit {hint}: {error}") from None


def from_json(data, hint, shared: Shared | None = None):
    """The value of type `hint` that to_json turned into `data`; SchemaError if it does not fit.
    With `shared`, the strings its rules name are one object each (Shared)."""
    try:
        return _decoder(hint, shared)(data)
    except (TypeError, RecursionError) as error:  # e.g. a record's own checks in __post_init__
        raise SchemaError(str(error)) from None

