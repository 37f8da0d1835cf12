"""Read seed files from disk: detect encoding, normalise newlines, flag bad input.

Never raises on bad input: every problem becomes a `Warning` on the `Source` and a
`SourceStatus` says what the file is, so later stages can skip it.
"""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import yaml

from .records import Source, SourceStatus, Warning
from .settings import Settings

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
_SIDECAR_SUFFIXES = (".yml", ".yaml")
_OVERRIDE_KEYS = {"title", "region", "year", "url", "date"}


def read_sources(seeds_dir: Path, settings: Settings) -> list[Source]:
    """Every page file of seeds_dir, sorted by name, each decoded or flagged."""
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        return []
    files = sorted(p for p in seeds_dir.iterdir() if p.is_file() and not p.name.startswith("."))
    names = {p.name for p in files}
    sources: list[Source] = []
    seen: dict[str, str] = {}  # sha256 -> first file name
    for path in files:
        if path.suffix.lower() in _SIDECAR_SUFFIXES and _has_page(path, names):
            continue
        source = read_source(path, settings)
        if source.status not in (SourceStatus.TOO_LARGE,) and source.sha256 in seen:
            source.status = SourceStatus.DUPLICATE
            source.warnings.append(Warning(
                source.file, f"same content as {seen[source.sha256]}",
                hint="delete one of the two files; articles are taken from the first only"))
        elif source.sha256:
            seen.setdefault(source.sha256, source.file)
        _attach_sidecar(source, path)
        sources.append(source)
    return sources


def _has_page(sidecar: Path, names: set[str]) -> bool:
    """A NAME.yml is a sidecar when some other file NAME.* exists beside it."""
    stem = sidecar.stem
    return any(n != sidecar.name and Path(n).stem == stem and Path(n).suffix.lower() not in _SIDECAR_SUFFIXES
               for n in names)


def _attach_sidecar(source: Source, path: Path) -> None:
    for suffix in _SIDECAR_SUFFIXES:
        sidecar = path.with_suffix(suffix)
        if sidecar == path or not sidecar.is_file():
            continue
        try:
            data = yaml.safe_load(sidecar.read_text(encoding="utf-8-sig"))
        except (yaml.YAMLError, UnicodeDecodeError, OSError) as exc:
            source.warnings.append(Warning(source.file, f"sidecar {sidecar.name} is not valid YAML: {exc}".splitlines()[0],
                                           hint="fix the YAML syntax; the sidecar is ignored meanwhile"))
            return
        if data is None:
            return
        if not isinstance(data, dict):
            source.warnings.append(Warning(source.file, f"sidecar {sidecar.name} is not a mapping",
                                           hint="write key: value lines (title, region, year, url)"))
            return
        unknown = sorted(str(k) for k in data if k not in _OVERRIDE_KEYS)
        if unknown:
            source.warnings.append(Warning(source.file, f"sidecar {sidecar.name} has unknown keys: {', '.join(unknown)}",
                                           hint="allowed keys: title, region, year, date, url"))
        source.override = {k: v for k, v in data.items() if k in _OVERRIDE_KEYS and v not in (None, "")}
        return


def read_source(path: Path, settings: Settings) -> Source:
    """One file as a Source; status and warnings say what went wrong, if anything."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        return Source(name, "", 0, status=SourceStatus.EMPTY,
                      warnings=[Warning(name, f"cannot stat file: {exc}", hint="check file permissions")])
    if size > settings.max_file_bytes:
        # Not decoded, but hashed (streaming), so the file is identified like any other.
        return Source(name, _file_sha256(path), size, status=SourceStatus.TOO_LARGE, warnings=[Warning(
            name, f"file is {size} bytes, over the limit of {settings.max_file_bytes}",
            hint="split the file into pages or raise max_file_bytes in mkdocs.yml")])
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Source(name, "", size, status=SourceStatus.EMPTY,
                      warnings=[Warning(name, f"cannot read file: {exc}", hint="check file permissions")])
    return decode_bytes(name, data)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


def decode_bytes(name: str, data: bytes) -> Source:
    """Decode raw bytes of a page file into a Source (pure, for tests)."""
    source = Source(file=name, sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    kind = _binary_kind(data)
    if kind:
        source.status = SourceStatus.BINARY
        source.warnings.append(Warning(name, f"not a text file ({kind})",
                                       hint="remove it from seeds/ or replace it with the page's extracted text"))
        return source
    text, encoding, bad_lines = _decode(data)
    source.encoding = encoding
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    source.text = text
    if not text.strip():
        source.status = SourceStatus.EMPTY
        source.warnings.append(Warning(name, "file is empty or whitespace only", hint="remove it or fill in the page text"))
        return source
    if bad_lines:
        source.status = SourceStatus.REPAIRED
        shown = ", ".join(str(n) for n in bad_lines[:10]) + (" ..." if len(bad_lines) > 10 else "")
        source.warnings.append(Warning(
            name, f"undecodable bytes replaced with U+FFFD ({encoding}) on line(s) {shown}",
            hint="re-export the page as UTF-8 and check those lines", line=bad_lines[0]))
    return source


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
    even = sum(1 for i in range(0, len(sample), 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, len(sample), 2) if sample[i] == 0)
    if max(even, odd) < len(sample) // 32 or min(even, odd) > max(even, odd) // 20:
        return False
    enc = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = sample.decode(enc)
    except UnicodeDecodeError:
        return False
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
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
