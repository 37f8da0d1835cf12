"""generator/mkdocs/siteclear.py: an old entry in the way of a file about to be written into
a site rebuilt in place is removed; the build's own entries and anything outside are not."""

from __future__ import annotations

import os
import time
from pathlib import Path

from generator.mkdocs.background import write_files
from generator.mkdocs.siteclear import Clearance, clear_way
from generator.mkdocs.sitemarker import mark_incomplete, started
from generator.records import GeneratedFile

PAST = time.time() - 3600


def age(*paths: Path) -> None:
    for path in paths:
        os.utime(path, (PAST, PAST), follow_symlinks=False)


def test_old_entries_of_the_wrong_kind_are_removed_before_writing(tmp_path):
    site = tmp_path / "site"
    (site / "search" / "x.json").mkdir(parents=True)  # a folder where a file goes
    (site / "search" / "x.json" / "inner").write_text("old", encoding="utf-8")
    (site / "data").write_text("a file where a folder goes", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (site / "links").symlink_to(outside)  # a folder reached through a link
    (site / "copy.json").write_text("old", encoding="utf-8")
    os.link(site / "copy.json", tmp_path / "snapshot.json")
    age(site / "search" / "x.json", site / "data", site / "links", site / "copy.json")
    mark_incomplete(site)
    write_files([GeneratedFile("search/x.json", b"new"), GeneratedFile("data/d.csv", b"new"),
                 GeneratedFile("links/a.json", b"new"), GeneratedFile("copy.json", b"new")], site)
    assert (site / "search" / "x.json").read_bytes() == b"new" and (site / "data" / "d.csv").read_bytes() == b"new"
    assert not (site / "links").is_symlink() and (site / "links" / "a.json").read_bytes() == b"new"
    assert list(outside.iterdir()) == []
    assert (tmp_path / "snapshot.json").read_bytes() == b"old" and (site / "copy.json").read_bytes() == b"new"


def test_this_builds_own_entries_are_left_alone(tmp_path):
    site = tmp_path / "site"
    mark_incomplete(site)
    (site / "made").mkdir()  # written after the start: a real conflict, for the writer to report
    Clearance(site, started(site)).files(["made"])
    assert (site / "made").is_dir()


def test_without_a_marker_nothing_is_touched(tmp_path):
    site = tmp_path / "site"
    (site / "x.json").mkdir(parents=True)
    age(site / "x.json")
    clear_way(site, ["x.json"])
    assert (site / "x.json").is_dir()


def test_an_old_copy_with_the_same_content_is_only_touched(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "same.json").write_bytes(b"same")
    (site / "other.json").write_bytes(b"old!")
    age(site / "same.json", site / "other.json")
    inode = (site / "same.json").stat().st_ino
    mark_incomplete(site)
    write_files([GeneratedFile("same.json", b"same"), GeneratedFile("other.json", b"new!")], site)
    since = started(site)
    for name, content in (("same.json", b"same"), ("other.json", b"new!")):
        assert (site / name).read_bytes() == content and (site / name).stat().st_mtime_ns >= since
    assert (site / "same.json").stat().st_ino == inode
