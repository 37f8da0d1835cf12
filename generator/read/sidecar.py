"""Sidecar NAME.yml / NAME.yaml: parse safely and check every field.

A sidecar is small, hand-written key: value text. It is size-limited, parsed with a
loader that refuses YAML aliases (an alias bomb expands to gigabytes from a few hundred
bytes), and every field is type- and range-checked; each refusal is a warning naming the
sidecar and the field, and the field is ignored. Never raises on bad input.
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlsplit

import yaml

from generator.records import SIDECAR_FIELDS, DataWarning, Sidecar

MAX_BYTES = 64 * 1024  # far above any real sidecar; larger ones are not read
FIRST_YEAR = 1949  # earliest year a sidecar may give (the gazetteer's units date from then)
_TEXT_LIMITS = {"title": 300, "region": 100, "outlet": 100, "page": 50, "url": 2000}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class _Loader(yaml.SafeLoader):
    """SafeLoader without aliases: a sidecar never needs them."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in a sidecar", mark)
        return super().compose_node(parent, index)


# Dates stay text, so an impossible one (2025-02-30) is a warning on its field, not on the file.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def is_sidecar_name(name: str) -> bool:
    return name.lower().endswith((".yml", ".yaml"))


def sidecar_stem(name: str) -> str:
    """The case-folded name a sidecar and its page share: NAME of NAME.YML and NAME.txt."""
    return name.rsplit(".", 1)[0].casefold() if "." in name else name.casefold()


def parse_sidecar(page: str, name: str, data: bytes, this_year: int) -> tuple[Sidecar | None, list[DataWarning]]:
    """The checked fields of sidecar `name` (bytes `data`) of page `page`, and what was refused.

    Warnings are filed under the page, so they are listed with it in `sources`.
    """
    def warn(message: str, hint: str) -> DataWarning:
        return DataWarning(page, f"sidecar {name}: {message}", hint=hint)

    if len(data) > MAX_BYTES:
        return None, [warn(f"{len(data)} bytes, over the limit of {MAX_BYTES}; not read",
                           "a sidecar holds a few key: value lines; shorten it")]
    try:
        loaded = yaml.load(data.decode("utf-8-sig"), Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except UnicodeDecodeError:
        return None, [warn("not UTF-8 text; ignored", "save the sidecar as UTF-8")]
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError) as exc:
        first = _CONTROL.sub(" ", str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        return None, [warn(f"not valid YAML ({first}); ignored",
                           "fix the YAML syntax; write plain key: value lines without anchors or aliases")]
    if loaded is None:
        return None, []
    if not isinstance(loaded, dict):
        return None, [warn("not a mapping; ignored", "write key: value lines (title, region, year, url, outlet, date, page)")]
    warnings: list[DataWarning] = []
    unknown = sorted(_CONTROL.sub(" ", str(k))[:50] for k in loaded if k not in SIDECAR_FIELDS)
    if unknown:
        warnings.append(warn(f"unknown keys: {', '.join(unknown)}", f"allowed keys: {', '.join(SIDECAR_FIELDS)}"))
    values: dict = {}
    for key in SIDECAR_FIELDS:
        value = loaded.get(key)
        if value is None or value == "":
            continue
        checked, problem = _CHECKS[key](value, this_year)
        if problem:
            warnings.append(warn(f"field {key}: {problem}; ignored", _HINTS[key]))
        else:
            values[key] = checked
    return Sidecar(file=name, **values), warnings


def _text(key: str):
    def check(value, this_year: int) -> tuple[str, str]:
        if isinstance(value, int) and not isinstance(value, bool) and key == "page":
            value = str(value)
        if not isinstance(value, str):
            return "", f"must be text, not {_kind(value)}"
        text = " ".join(_CONTROL.sub(" ", value).split())
        if not text:
            return "", "is blank"
        if len(text) > _TEXT_LIMITS[key]:
            return "", f"longer than {_TEXT_LIMITS[key]} characters"
        return text, ""
    return check


def _year(value, this_year: int) -> tuple[int | None, str]:
    if isinstance(value, bool) or not isinstance(value, int):
        return None, f"must be a whole number, not {_kind(value)}"
    if not FIRST_YEAR <= value <= this_year + 1:
        return None, f"{value} is outside {FIRST_YEAR}..{this_year + 1}"
    return value, ""


def _date(value, this_year: int) -> tuple[str, str]:
    if isinstance(value, str) and _DATE.fullmatch(value.strip()):
        try:
            value = datetime.date.fromisoformat(value.strip())
        except ValueError:
            return "", f"{value.strip()} is not a calendar date"
    if not isinstance(value, datetime.date):
        return "", f"must be a date YYYY-MM-DD, not {_kind(value)}"
    if not FIRST_YEAR <= value.year <= this_year + 1:
        return "", f"{value.isoformat()} is outside {FIRST_YEAR}..{this_year + 1}"
    return value.isoformat(), ""


def _url(value, this_year: int) -> tuple[str, str]:
    text, problem = _text("url")(value, this_year)
    if problem:
        return "", problem
    if " " in text:
        return "", "contains spaces"
    try:
        parts = urlsplit(text)
    except ValueError:
        return "", "is not a web address"
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return "", "must be an http:// or https:// address"
    return text, ""


def _kind(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, float):
        return f"the number {value}"
    return {dict: "a mapping", list: "a list", int: "a number", str: "text"}.get(type(value), type(value).__name__)


_CHECKS = {"title": _text("title"), "region": _text("region"), "outlet": _text("outlet"), "page": _text("page"),
           "year": _year, "date": _date, "url": _url}
_HINTS = {
    "title": "write title: followed by the article title as text",
    "region": "write the full official name, e.g. 某某区, or 省 市 区县 to disambiguate",
    "year": f"write year: followed by a year from {FIRST_YEAR} on, e.g. year: 2024",
    "url": "write the original page's address, starting with http:// or https://",
    "outlet": "write outlet: followed by the newspaper's name",
    "date": "write date: YYYY-MM-DD, the day the page was published",
    "page": "write page: followed by the page label, e.g. 第3版",
}
