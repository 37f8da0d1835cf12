"""Resources compiled once and kept in the cache folder, keyed by what they are made from.

Building the gazetteer's tables (pinyin slugs, which aliases are ordinary words) or reading
jieba's IDF table costs a second or more per process; the compiled result loads in a few
milliseconds. An entry's key is the SHA-256 of the resource's name, this format's version
and the bytes of every file it is made from (data files and the code that compiles them),
so editing any of them compiles it again.

Entries are plain JSON (nothing in one can run code: the cache folder is not trusted), each
carrying its own key. The store is an optimisation only: an entry that is missing, damaged,
cut short or foreign is compiled again (with a warning when it was there but unreadable),
and a folder that cannot be written to only means compiling every time. Callers build their
object from the JSON form on both paths, so a compiled and a freshly made resource are the same.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

import yaml

log = logging.getLogger("mkdocs.plugins.digest")

FORMAT = "1"
T = TypeVar("T")
SUFFIX = ".json"


def read_yaml(path: Path) -> Any:
    """A YAML data file, parsed by libyaml when PyYAML has it (the pure-Python parser takes
    ten times longer on metrics.yml); both are safe loaders and give the same data."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (a safe loader)


def package_version(name: str) -> str:
    """An installed distribution's version, as a key input ("unknown" when not installed)."""
    try:
        return f"{name}=={metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return f"{name}==unknown"


def fingerprint(name: str, inputs: Iterable[Path | str | bytes]) -> str:
    """The key of resource `name` made from `inputs`: files (their bytes), or strings and bytes
    (versions of libraries the compiled form depends on)."""
    h = hashlib.sha256(f"{FORMAT}\0{name}\0".encode())
    for item in inputs:
        if isinstance(item, Path):
            h.update(b"file\0" + item.name.encode() + b"\0")
            h.update(item.read_bytes() if item.is_file() else b"(missing)")
        else:
            h.update(b"value\0" + (item if isinstance(item, bytes) else item.encode()))
        h.update(b"\0")
    return h.hexdigest()


class CompiledStore:
    """Compiled resources in `directory` (None: compile every time, store nothing)."""

    def __init__(self, directory: Path | None):
        self.directory = directory

    def load(self, name: str, inputs: Iterable[Path | str | bytes], compile: Callable[[], Any],
             decode: Callable[[Any], T]) -> T:
        """Resource `name`: decode(its JSON form), the form read from its entry when one with
        this key is there, else compile()d (JSON data) and stored for the next process. An
        entry that decode() rejects (KeyError, TypeError, ValueError, IndexError) is compiled again."""
        if self.directory is None:
            return decode(_json_round_trip(compile()))
        key = fingerprint(name, inputs)
        path = self.directory / f"{name}-{key}{SUFFIX}"
        found = self._read(path, key)
        if found is not None:
            try:
                return decode(found[0])
            except (KeyError, TypeError, ValueError, IndexError, AttributeError) as err:
                log.warning("compiled resource %s does not fit (%s): compiling it again", path, err)
        data = _json_round_trip(compile())
        self._write(path, key, data, name)
        return decode(data)

    def _read(self, path: Path, key: str) -> tuple[Any] | None:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as err:
            log.warning("compiled resource %s unreadable (%s): compiling it again", path, err)
            return None
        try:
            entry = json.loads(text)
            if isinstance(entry, dict) and entry.get("format") == FORMAT and entry.get("key") == key \
                    and "data" in entry:
                return (entry["data"],)
        except ValueError:
            pass
        log.warning("compiled resource %s is damaged or foreign: compiling it again", path)
        return None

    def _write(self, path: Path, key: str, data: Any, name: str) -> None:
        """Write atomically (a unique temporary file renamed into place); remove this
        resource's entries of other keys. Failing to write only costs the next process time."""
        text = json.dumps({"format": FORMAT, "key": key, "data": data}, ensure_ascii=False,
                          separators=(",", ":"))
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
            for old in path.parent.glob(f"{name}-*{SUFFIX}"):
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError as err:
            log.info("compiled resource %s not stored (%s)", path, err)
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass


def _json_round_trip(data: Any) -> Any:
    """What loading the stored entry gives (tuples become lists...), so both paths agree."""
    return json.loads(json.dumps(data, ensure_ascii=False))
