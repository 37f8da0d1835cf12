"""generator/mkdocs/pagefiles.py: a generated page is left as it is only when its file is the
one the last build wrote for the same memo key."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

from generator.cachelock import CacheAccess
from generator.mkdocs.pagefiles import PageFiles


def saved(tmp_path: Path) -> tuple[CacheAccess, Path]:
    """A site folder with one page, recorded under key "k1" by a build."""
    access, site = CacheAccess(tmp_path / "cache", True), tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("page", encoding="utf-8")
    pages = PageFiles.load(access, site, True)
    assert not pages.unchanged("a/index.html", "k1")  # nothing recorded yet
    pages.save()
    return access, site


def test_the_same_key_and_file_is_kept(tmp_path):
    access, site = saved(tmp_path)
    pages = PageFiles.load(access, site, True)
    assert pages.unchanged("a/index.html", "k1") and pages.kept == {"a/index.html"}
    assert pages.kept_paths() == {f"{site}/a/index.html"}


def test_another_key_or_a_changed_file_is_written(tmp_path):
    access, site = saved(tmp_path)
    assert not PageFiles.load(access, site, True).unchanged("a/index.html", "k2")
    page = site / "a" / "index.html"
    st = page.stat()
    page.write_text("edit", encoding="utf-8")  # same size, and the mtime set back
    os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert not PageFiles.load(access, site, True).unchanged("a/index.html", "k1")  # (its ctime moved)


def test_not_in_place_or_another_folder_keeps_nothing(tmp_path):
    access, site = saved(tmp_path)
    assert not PageFiles.load(access, site, False).unchanged("a/index.html", "k1")
    other = tmp_path / "other"
    (other / "a").mkdir(parents=True)
    os.link(site / "a" / "index.html", other / "a" / "index.html")
    assert not PageFiles.load(access, other, True).unchanged("a/index.html", "k1")


def test_a_damaged_record_is_ignored(tmp_path):
    access, site = saved(tmp_path)
    record = next((tmp_path / "cache" / "sites").glob("*.json"))
    record.write_bytes(record.read_bytes()[:-3])
    assert not PageFiles.load(access, site, True).unchanged("a/index.html", "k1")


def test_redirect_and_restore(tmp_path):
    access, site = saved(tmp_path)
    pages = PageFiles.load(access, site, True)
    file = SimpleNamespace(abs_dest_path=str(site / "a" / "index.html"))
    pages.redirect(file)
    assert file.abs_dest_path == os.devnull
    pages.restore()
    assert file.abs_dest_path == str(site / "a" / "index.html")


def test_the_records_of_the_last_site_folders_are_kept(tmp_path):
    access = CacheAccess(tmp_path / "cache", True)
    for n in range(6):
        (tmp_path / f"site{n}").mkdir()
        pages = PageFiles.load(access, tmp_path / f"site{n}", True)
        pages.save()
        os.utime(pages.files.path(pages.key), (1000 + n, 1000 + n))  # in this order (clock ticks are coarse)
    kept = {p.stem for p in (tmp_path / "cache" / "sites").glob("*.json")}
    assert kept == {PageFiles.load(access, tmp_path / f"site{n}", True).key for n in (2, 3, 4, 5)}


def test_a_record_taken_earlier_is_what_is_saved(tmp_path):
    """The plugin records the pages' files while the search writer ends, and saves that record."""
    access, site = CacheAccess(tmp_path / "cache", True), tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("page", encoding="utf-8")
    pages = PageFiles.load(access, site, True)
    pages.unchanged("a/index.html", "k1")
    recorded = pages.record()
    assert list(recorded) == ["a/index.html"] and recorded["a/index.html"][0] == "k1"
    pages.save(recorded)
    assert PageFiles.load(access, site, True).unchanged("a/index.html", "k1")
    assert PageFiles(pages.files, site, {}, True).record() == {}  # no page of this build: nothing
