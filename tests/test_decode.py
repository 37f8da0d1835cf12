"""decode: encodings, newlines, bad input, sidecars, duplicates."""

from __future__ import annotations

import hashlib

from pathlib import Path

from generator.read.decode import decode_bytes, display_name, read_sources
from generator.records import SourceStatus
from generator.settings import Settings

from stage_helpers import PAGES

TEXT = (PAGES / "interleaved.txt").read_text(encoding="utf-8")


def test_utf8_page_is_ok():
    s = decode_bytes("a.txt", TEXT.encode("utf-8"))
    assert s.status == SourceStatus.OK and s.encoding == "utf-8"
    assert s.text == TEXT and s.warnings == []


def test_gb18030_with_crlf():
    s = decode_bytes("gb.txt", TEXT.replace("\n", "\r\n").encode("gb18030"))
    assert s.encoding == "gb18030"
    assert s.text == TEXT  # CRLF -> LF, content identical
    assert "\r" not in s.text


def test_utf16_with_bom_and_bare_cr():
    data = "\ufeff".encode("utf-16-le") + TEXT.replace("\n", "\r").encode("utf-16-le")
    s = decode_bytes("u16.txt", data)
    assert s.encoding == "utf-16-le" and s.status == SourceStatus.OK
    assert s.text == TEXT


def test_utf8_bom_is_stripped():
    s = decode_bytes("bom.txt", b"\xef\xbb\xbf" + "标题\n正文。".encode("utf-8"))
    assert s.encoding == "utf-8-sig" and s.text == "标题\n正文。"


def test_broken_bytes_are_repaired_with_the_line_named():
    data = "第一行。\n第二行".encode("utf-8") + b"\xff\xfe\xfa" + "坏了。\n".encode("utf-8") + ("正文。" * 300).encode("utf-8")
    s = decode_bytes("bad.txt", data)
    assert s.status == SourceStatus.REPAIRED
    assert s.warnings and s.warnings[0].line == 2 and "line" in s.warnings[0].message
    assert "\ufffd" in s.text.split("\n")[1]


def test_empty_and_whitespace_only():
    assert decode_bytes("e.txt", b"").status == SourceStatus.EMPTY
    s = decode_bytes("w.txt", " \n\t\r\n　\n".encode("utf-8"))
    assert s.status == SourceStatus.EMPTY and s.warnings[0].hint


def test_binary_signatures_and_nul_bytes():
    assert decode_bytes("p.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20).status == SourceStatus.BINARY
    assert decode_bytes("j.txt", b"\xff\xd8\xff\xe0" + b"rest").status == SourceStatus.BINARY
    assert decode_bytes("d.txt", b"%PDF-1.7\n...").status == SourceStatus.BINARY
    assert decode_bytes("z.txt", b"PK\x03\x04" + b"x" * 10).status == SourceStatus.BINARY
    s = decode_bytes("n.txt", b"abc\x00\x01\x02def")
    assert s.status == SourceStatus.BINARY and "NUL" in s.warnings[0].message


def test_folder_order_hidden_sidecar_duplicate_and_too_large(tmp_path: Path):
    (tmp_path / "b.txt").write_text("标题\n\n正文。", encoding="utf-8")
    (tmp_path / "a.txt").write_text("甲\n\n乙。", encoding="utf-8")
    (tmp_path / "c.txt").write_text("标题\n\n正文。", encoding="utf-8")  # same bytes as b.txt
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.yml").write_text("title: 新标题\nregion: 蒸湘区\nyear: 2024\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("title: [unclosed\n", encoding="utf-8")
    (tmp_path / "big.txt").write_bytes("字".encode("utf-8") * 100)
    sources = read_sources(tmp_path, Settings(max_file_bytes=200))
    assert [s.file for s in sources] == [".hidden.txt", "a.txt", "b.txt", "big.txt", "c.txt"]
    by = {s.file: s for s in sources}
    assert by[".hidden.txt"].status == SourceStatus.HIDDEN and by[".hidden.txt"].text == ""
    assert by["a.txt"].override == {"title": "新标题", "region": "蒸湘区", "year": 2024}
    assert by["b.txt"].override == {} and any("sidecar" in w.message for w in by["b.txt"].warnings)
    assert by["c.txt"].status == SourceStatus.DUPLICATE and "b.txt" in by["c.txt"].warnings[0].message
    assert by["big.txt"].status == SourceStatus.TOO_LARGE and by["big.txt"].text == ""
    # Too large to read, still identified by its content hash.
    assert by["big.txt"].sha256 == hashlib.sha256("字".encode("utf-8") * 100).hexdigest()


def test_missing_folder_gives_no_sources(tmp_path: Path):
    assert read_sources(tmp_path / "nope", Settings()) == []


def test_utf16_without_bom_is_recognised():
    s = decode_bytes("be.txt", TEXT.encode("utf-16-be"))
    assert s.encoding == "utf-16-be" and s.text == TEXT


def test_control_characters_are_removed_and_page_breaks_become_newlines():
    s = decode_bytes("c.txt", "甲\x0c乙".encode("utf-8") + b"\x1b[1m\x7f" + "丙\u0085丁\x0b戊".encode("utf-8"))
    assert s.text == "甲\n乙[1m丙丁\n戊" and s.status == SourceStatus.OK
    assert "control" in s.warnings[0].message
    assert decode_bytes("d.txt", "甲\t乙\n".encode("utf-8")).warnings == []


def test_display_name_escapes_controls_and_undecodable_bytes():
    assert display_name("a\nb\tc.txt") == "a\\x0ab\\x09c.txt"
    assert display_name(b"x\xff.txt".decode("utf-8", "surrogateescape")) == "x\\xff.txt"
    assert display_name("\u202etxt.exe") == "\\u202etxt.exe"
    assert display_name("某版 1.txt") == "某版 1.txt"


def test_sidecars_pair_case_insensitively_and_conflicts_are_named(tmp_path: Path):
    (tmp_path / "p.txt").write_text("甲\n\n乙。", encoding="utf-8")
    (tmp_path / "P.YML").write_text("year: 2024\n", encoding="utf-8")
    (tmp_path / "q.txt").write_text("丙\n\n丁。", encoding="utf-8")
    (tmp_path / "q.yml").write_text("year: 2024\n", encoding="utf-8")
    (tmp_path / "q.yaml").write_text("year: 2023\n", encoding="utf-8")
    (tmp_path / "lone.yaml").write_text("year: 2023\n", encoding="utf-8")
    by = {s.file: s for s in read_sources(tmp_path, Settings())}
    assert by["p.txt"].sidecar.year == 2024 and by["p.txt"].sidecar.file == "P.YML"
    assert by["q.txt"].sidecar is None and "q.yaml and q.yml" in by["q.txt"].warnings[0].message
    assert by["lone.yaml"].status == SourceStatus.ORPHAN_SIDECAR and by["lone.yaml"].text == ""
    assert set(by) == {"p.txt", "q.txt", "lone.yaml"}
