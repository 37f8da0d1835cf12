"""Read seed files from disk: detect encoding, normalise newlines, flag bad input.

Never raises on bad input: every problem becomes a `DataWarning` on the `Source` and a
`SourceStatus` says what the file is, so later stages can skip it.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from generator.lexicon.text import han_count
from generator.records import Source, SourceStatus, DataWarning
from generator.settings import Settings
from generator.read.sidecar import MAX_BYTES as MAX_SIDECAR_BYTES
from generator.read.sidecar import is_sidecar_name, parse_sidecar, sidecar_stem

# File signatures of common non-text formats: (magic prefix, format name).
_SIGNATURES: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"BM", "BMP image"),
    (b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x7fELF", "executable"),
]
_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# Control characters other than \n and \t: page breaks (\v, \f) become newlines, the rest is dropped.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def display_name(name: str) -> str:
    """A file name (or any text) safe to print and to encode as UTF-8: undecodable bytes
    (os.fsdecode surrogates) shown as \\xNN, control and format characters as \\xNN / \\uNNNN,
    so a newline in a name cannot forge a log line."""
    out = []
    for ch in name:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def read_sources(seeds_dir: Path, settings: Settings) -> list[Source]:
    """Every entry of seeds_dir, sorted by name: pages decoded or flagged, sidecars applied
    to their page, everything else (links, folders, devices, hidden files, orphan sidecars)
    listed with a status and a warning. Only regular files inside seeds_dir are opened."""
    try:
        dir_fd = os.open(Path(seeds_dir), os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return []
    try:
        return _read_folder(dir_fd, settings)
    finally:
        os.close(dir_fd)


def _read_folder(dir_fd: int, settings: Settings) -> list[Source]:
    with os.scandir(dir_fd) as it:
        entries = sorted(it, key=lambda e: e.name)
    pages: list[os.DirEntry] = []
    sidecars: dict[str, list[os.DirEntry]] = {}  # sidecar_stem -> sidecars
    sources: list[Source] = []
    for entry in entries:
        kind = _kind_of(entry)
        if kind == "page":
            pages.append(entry)
        elif kind == "sidecar":
            sidecars.setdefault(sidecar_stem(entry.name), []).append(entry)
        else:
            sources.append(_not_read(entry, kind))
    page_stems = {sidecar_stem(e.name) for e in pages}
    for stem, found in sidecars.items():
        if stem not in page_stems:
            sources.extend(_not_read(e, "orphan") for e in found)
    seen: dict[str, str] = {}  # sha256 -> first file name
    names = {s.file for s in sources}
    this_year = _this_year()
    for entry in pages:
        source = _read_page(dir_fd, entry.name, settings)
        if source.file in names:
            source = replace(source, status=SourceStatus.DUPLICATE, text="", warnings=[*source.warnings, DataWarning(
                source.file, "another file has the same name once escaped",
                hint="rename the file to plain UTF-8 characters")])
        elif source.status != SourceStatus.TOO_LARGE and source.sha256 in seen:
            source = replace(source, status=SourceStatus.DUPLICATE, warnings=[*source.warnings, DataWarning(
                source.file, f"same content as {seen[source.sha256]}",
                hint="delete one of the two files; articles are taken from the first only")])
        elif source.sha256:
            seen.setdefault(source.sha256, source.file)
        names.add(source.file)
        sources.append(_with_sidecar(source, dir_fd, sidecars.get(sidecar_stem(entry.name), []), this_year))
    return sorted(sources, key=lambda s: s.file)


def _kind_of(entry: os.DirEntry) -> str:
    try:
        if entry.name.startswith("."):
            return "hidden"
        if entry.is_symlink():
            return "link"
        if not entry.is_file(follow_symlinks=False):
            return "folder" if entry.is_dir(follow_symlinks=False) else "special"
    except OSError:
        return "special"
    return "sidecar" if is_sidecar_name(entry.name) else "page"


_NOT_READ = {
    "hidden": (SourceStatus.HIDDEN, "hidden file (name starts with a dot), not read",
               "rename it without the leading dot if it is a page, else move it out of seeds/"),
    "link": (SourceStatus.LINK, "symbolic link, not followed: only files inside seeds/ are read",
             "put a copy of the page itself in seeds/ instead of a link"),
    "folder": (SourceStatus.NOT_A_FILE, "a folder, not read: seeds/ is read one level deep",
               "move its page files up into seeds/"),
    "special": (SourceStatus.NOT_A_FILE, "not a regular file (FIFO, device or socket), not read",
                "remove it from seeds/"),
    "orphan": (SourceStatus.ORPHAN_SIDECAR, "sidecar without a page of the same name beside it, not read",
               "rename it to match its page (NAME.txt -> NAME.yml) or delete it"),
}


def _not_read(entry: os.DirEntry, kind: str) -> Source:
    status, message, hint = _NOT_READ[kind]
    name = display_name(entry.name)
    try:
        size = entry.stat(follow_symlinks=False).st_size
    except OSError:
        size = 0
    return Source(name, "", size, status=status, warnings=[DataWarning(name, message, hint=hint)])


def _this_year() -> int:
    """The build's year for range checks: SOURCE_DATE_EPOCH when set, else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    when = datetime.fromtimestamp(int(epoch), tz=timezone.utc) if epoch.isdigit() else datetime.now(timezone.utc)
    return when.year


def _with_sidecar(source: Source, dir_fd: int, found: list[os.DirEntry], this_year: int) -> Source:
    """The source with its checked sidecar (a new record), or with a warning why none applies."""
    if len(found) > 1:
        both = " and ".join(display_name(e.name) for e in found)
        return replace(source, warnings=[*source.warnings, DataWarning(
            source.file, f"{len(found)} sidecars for one page: {both}; none is applied",
            hint="merge them into one NAME.yml and delete the others")])
    if not found:
        return source
    name = display_name(found[0].name)
    try:
        data = _read_regular(dir_fd, found[0].name, MAX_SIDECAR_BYTES)
    except OSError as exc:
        return replace(source, warnings=[*source.warnings, DataWarning(
            source.file, f"sidecar {name} cannot be read: {exc.strerror}", hint="check file permissions")])
    sidecar, warnings = parse_sidecar(source.file, name, data, this_year)
    return replace(source, sidecar=sidecar, warnings=[*source.warnings, *warnings])


def _read_regular(dir_fd: int, name: str, limit: int) -> bytes:
    """At most limit + 1 bytes of regular file `name` in the folder dir_fd, never following
    a link (a file swapped for a link or a FIFO after listing is refused too)."""
    fd = os.open(name, _OPEN_FLAGS, dir_fd=dir_fd)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(0, "not a regular file")
        return handle.read(limit + 1)


def read_source(path: Path, settings: Settings) -> Source:
    """One page file as a Source (path: a file name inside its folder)."""
    path = Path(path)
    dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        return _read_page(dir_fd, path.name, settings)
    finally:
        os.close(dir_fd)


def _read_page(dir_fd: int, raw: str, settings: Settings) -> Source:
    """Page `raw` of the folder dir_fd; status and warnings say what went wrong, if anything."""
    name = display_name(raw)
    limit = settings.max_file_bytes
    try:
        data = _read_regular(dir_fd, raw, limit)
    except OSError as exc:
        return Source(name, "", 0, status=SourceStatus.EMPTY,
                      warnings=[DataWarning(name, f"cannot read file: {exc.strerror}", hint="check file permissions")])
    if len(data) > limit:
        # Not decoded, but hashed (streaming), so the file is identified like any other.
        sha, size = _file_sha256(dir_fd, raw)
        return Source(name, sha, size, status=SourceStatus.TOO_LARGE, warnings=[DataWarning(
            name, f"file is {size} bytes, over the limit of {limit}",
            hint="split the file into pages or raise max_file_bytes in mkdocs.yml")])
    return decode_bytes(name, data)


def _file_sha256(dir_fd: int, name: str) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    try:
        with os.fdopen(os.open(name, _OPEN_FLAGS, dir_fd=dir_fd), "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
                size += len(chunk)
    except OSError:
        return "", size
    return digest.hexdigest(), size


def decode_bytes(name: str, data: bytes) -> Source:
    """Decode raw bytes of a page file into a Source (pure, for tests)."""
    sha256, size = hashlib.sha256(data).hexdigest(), len(data)
    kind = _binary_kind(data)
    if kind:
        return Source(name, sha256, size, status=SourceStatus.BINARY, warnings=[DataWarning(
            name, f"not a text file ({kind})",
            hint="remove it from seeds/ or replace it with the page's extracted text")])
    text, encoding, bad_lines = _decode(data)
    # (str.replace, not str.translate: translate looks up every character of a Chinese text, 0.3 s per 10 MB)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n").replace("\f", "\n")
    text, controls = _CONTROL.subn("", text)
    if not text.strip():
        return Source(name, sha256, size, encoding, SourceStatus.EMPTY, text, warnings=[DataWarning(
            name, "file is empty or whitespace only", hint="remove it or fill in the page text")])
    status, warnings = SourceStatus.OK, []
    if bad_lines:
        status = SourceStatus.REPAIRED
        shown = ", ".join(str(n) for n in bad_lines[:10]) + (" ..." if len(bad_lines) > 10 else "")
        warnings.append(DataWarning(
            name, f"undecodable bytes replaced with U+FFFD ({encoding}) on line(s) {shown}",
            hint="re-export the page as UTF-8 and check those lines", line=bad_lines[0]))
    if controls:
        warnings.append(DataWarning(name, f"{controls} control character(s) (NUL and the like) removed",
                                    hint="check the text export; the rest of the page is read as usual"))
    return Source(name, sha256, size, encoding, status, text, warnings)


def _binary_kind(data: bytes) -> str:
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            # BM / RIFF are short magics that a text file could start with only by accident.
            if magic in (b"BM",) and not (len(data) > 6 and b"\x00" in data[:64]):
                continue
            return kind
    if any(data.startswith(bom) for bom, enc in _BOMS if enc.startswith("utf-16")):
        return ""  # UTF-16 text is full of NUL bytes
    if _looks_like_bomless_utf16(data):
        return ""
    if b"\x00" in data[:8192]:
        return "contains NUL bytes"
    return ""


def _looks_like_bomless_utf16(data: bytes) -> bool:
    """UTF-16 without BOM: the NULs of ASCII characters (newlines, digits) all sit on one
    byte parity, and the text decodes to lines of mostly CJK."""
    sample = data[:4096]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 16:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) < len(sample) // 32 or min(even, odd) > max(even, odd) // 20:
        return False
    enc = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = sample.decode(enc)
    except UnicodeDecodeError:
        return False
    cjk = han_count(text)
    return "\n" in text and cjk / max(len(text), 1) > 0.3


def _decode(data: bytes) -> tuple[str, str, list[int]]:
    """Text, encoding name, and 1-based line numbers where bytes were replaced."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with(data[len(bom):], encoding, bom_name=encoding)
    if _looks_like_bomless_utf16(data):
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                return data.decode(enc), enc, []
            except UnicodeDecodeError:
                pass
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding, []
        except UnicodeDecodeError:
            pass
    # Mostly-UTF-8 with a few broken bytes is more common than an exotic encoding:
    # prefer utf-8 with replacements when nearly everything decodes.
    utf8 = data.decode("utf-8", errors="replace")
    bad = utf8.count("\ufffd")
    if bad and bad <= max(3, len(utf8) // 200):
        return utf8, "utf-8", _replaced_lines(utf8)
    guess = _charset_guess(data)
    if guess:
        return _decode_with(data, guess)
    gb = data.decode("gb18030", errors="replace")
    if gb.count("\ufffd") < bad:
        return gb, "gb18030", _replaced_lines(gb)
    return utf8, "utf-8", _replaced_lines(utf8)


def _decode_with(data: bytes, encoding: str, bom_name: str | None = None) -> tuple[str, str, list[int]]:
    try:
        return data.decode(encoding), bom_name or encoding, []
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        return text, bom_name or encoding, _replaced_lines(text)


def _charset_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - pinned dependency
        return None
    best = from_bytes(data).best()
    if best is None or not best.encoding:
        return None
    try:
        codecs.lookup(best.encoding)
    except LookupError:
        return None
    return best.encoding


def _replaced_lines(text: str) -> list[int]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [i for i, line in enumerate(lines, 1) if "\ufffd" in line]
