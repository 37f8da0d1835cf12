"""generator/mkdocs/inplace.py: a finished site rebuilt in place gives exactly the files of a
clean build; what the build did not write is removed, hidden top-level entries stay."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from generator.mkdocs.inplace import InPlace
from generator.mkdocs.sitemarker import MARKER, finished_at, is_incomplete, mark_complete, mark_incomplete
from generator.mkdocs.sitetrash import TRASH_PREFIX, empty_site
from helpers import ROOT, build_site, write_config

EPOCH = {"SOURCE_DATE_EPOCH": "1764028800"}
PAST = time.time() - 3600


def finished_site(site: Path) -> None:
    """A previous build's files (an hour old), and a hidden file MkDocs leaves alone."""
    (site / "articles" / "a1").mkdir(parents=True)
    (site / "articles" / "a1" / "index.html").write_text("old a1", encoding="utf-8")
    (site / "articles" / "gone").mkdir()
    (site / "articles" / "gone" / "index.html").write_text("old gone", encoding="utf-8")
    (site / "index.html").write_text("old home", encoding="utf-8")
    (site / ".keep").write_text("hidden", encoding="utf-8")
    for path in [*site.rglob("*"), site]:
        os.utime(path, (PAST, PAST))


def start(site: Path) -> InPlace | None:
    """What the plugin's on_pre_build does, MkDocs' cleaning, and the plugin's first on_files."""
    finished = finished_at(site)
    mark_incomplete(site)
    rebuild = InPlace.begin(site, finished)
    if rebuild is not None:
        assert sorted(p.name for p in site.iterdir() if not p.name.startswith(".")) == []  # nothing to clean
        rebuild.move_back()
    return rebuild


def test_rebuilt_in_place_without_the_files_it_did_not_write(tmp_path):
    site = tmp_path / "site"
    finished_site(site)
    inode = (site / "articles" / "a1" / "index.html").stat().st_ino
    rebuild = start(site)
    assert rebuild is not None and not [p for p in site.iterdir() if p.name.startswith(TRASH_PREFIX)]
    (site / "articles" / "a1" / "index.html").write_text("new a1", encoding="utf-8")  # written over
    (site / "index.html").write_text("new home", encoding="utf-8")
    (site / "assets").mkdir()
    (site / "assets" / "new.js").write_text("new", encoding="utf-8")
    until = rebuild.until()
    assert until is not None and rebuild.sweep(until) == []
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert files == [".build-incomplete", ".keep", "articles/a1/index.html", "assets/new.js", "index.html"]
    assert not (site / "articles" / "gone").exists()  # the folder the stale file left empty
    assert (site / "articles" / "a1" / "index.html").stat().st_ino == inode


def test_a_folder_still_being_written_is_swept_after_the_rest(tmp_path):
    """The plugin sweeps all but the search index's folder while its writer works, then that folder."""
    site = tmp_path / "site"
    finished_site(site)
    (site / "assets" / "search" / "p").mkdir(parents=True)
    for name in ("assets/search/old.json", "assets/search/p/0.json"):  # the last build's index files
        (site / name).write_text("old", encoding="utf-8")
    for path in [*(site / "assets").rglob("*"), site / "assets"]:
        os.utime(path, (PAST, PAST))
    rebuild = start(site)
    (site / "index.html").write_text("new home", encoding="utf-8")
    assert rebuild.sweep(rebuild.until(), skip="assets/search") == []
    assert not (site / "articles").exists()  # the rest: swept
    assert (site / "assets" / "search" / "old.json").exists() and (site / "assets" / "search" / "p" / "0.json").exists()
    (site / "assets" / "search" / "p" / "0.json").write_text("new", encoding="utf-8")  # the writer, meanwhile
    assert rebuild.sweep_within(rebuild.until(), "assets/search") == []
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert files == [".build-incomplete", ".keep", "assets/search/p/0.json", "index.html"]


def test_an_old_empty_folder_goes_and_a_new_one_stays(tmp_path):
    site = tmp_path / "site"
    finished_site(site)
    (site / "articles" / "empty").mkdir()
    os.utime(site / "articles" / "empty", (PAST, PAST))
    os.utime(site, (PAST, PAST))
    rebuild = start(site)
    (site / "made").mkdir()  # by this build (another plugin, say)
    assert rebuild.sweep(rebuild.until()) == []
    assert not (site / "articles" / "empty").exists() and (site / "made").is_dir()


def test_an_unfinished_site_is_emptied_as_before(tmp_path):
    site = tmp_path / "site"
    finished_site(site)
    mark_incomplete(site)  # the last build failed or was killed
    assert finished_at(site) is None and start(site) is None
    assert (site / "index.html").exists()  # left to sitetrash / MkDocs' cleaning


def test_a_killed_in_place_build_leaves_its_folder_to_the_next_build(tmp_path):
    site = tmp_path / "site"
    finished_site(site)
    finished = finished_at(site)
    mark_incomplete(site)
    rebuild = InPlace.begin(site, finished)
    assert rebuild.aside.is_dir()
    # killed here: the old entries are in the hidden folder, the site is marked unfinished
    assert finished_at(site) is None
    removal = empty_site(site, fork=False)
    assert removal.wait() == []
    assert sorted(p.name for p in site.iterdir()) == [MARKER, ".keep"]


def test_a_clock_behind_the_last_build_is_not_trusted(tmp_path):
    site = tmp_path / "site"
    finished_site(site)
    future = time.time() + 3600  # the clock went back since the last build ended
    os.utime(site, (future, future))
    assert start(site) is None
    assert (site / "index.html").read_text(encoding="utf-8") == "old home"


def test_a_clock_jump_during_the_build_removes_nothing(tmp_path):
    site = tmp_path / "site"
    finished_site(site)
    rebuild = start(site)
    wall, monotonic = rebuild.clocks
    rebuild.clocks = (wall - 10 ** 10, monotonic)  # the wall clock moved 10 s more than the build took
    assert rebuild.until() is None


def test_a_symlink_is_not_moved_back(tmp_path):
    site = tmp_path / "site"
    finished_site(site)
    outside = tmp_path / "outside.html"
    outside.write_text("not ours", encoding="utf-8")
    (site / "404.html").symlink_to(outside)
    start(site)
    assert not os.path.lexists(site / "404.html")
    assert outside.read_text(encoding="utf-8") == "not ours"


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory, seeds_build):
    """The seeds' site with old entries planted, rebuilt in place after one seed was removed,
    and a clean build of the same seeds into a new folder."""
    work = tmp_path_factory.mktemp("inplace")
    seeds = work / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    config = write_config(work, seeds)
    site, clean = work / "site", work / "clean"
    shutil.copytree(seeds_build.site, site)
    shutil.copytree(seeds_build.cache, work / "cache")
    sorted(p for p in seeds.iterdir() if p.suffix == ".txt")[-1].unlink()
    (site / "assets" / "stale.js").write_text("old", encoding="utf-8")
    (site / "about" / "index.html").unlink()
    (site / "about").rmdir()
    (site / "about").write_text("a file where the build makes a folder", encoding="utf-8")
    (site / "sitemap.xml").unlink()
    (site / "sitemap.xml").mkdir()  # a folder where the build writes a file
    (site / "sitemap.xml" / "x").write_text("old", encoding="utf-8")
    outside = work / "outside.html"
    outside.write_text("not ours", encoding="utf-8")
    (site / "compare" / "index.html").unlink()
    (site / "compare" / "index.html").symlink_to(outside)  # never written through
    (site / "index.html").write_text("old home", encoding="utf-8")
    os.link(site / "index.html", work / "snapshot.html")  # a hard-linked copy must not change
    (site / ".keep").write_text("hidden", encoding="utf-8")
    kept = next((site / "articles").iterdir()) / "index.html"
    inodes = {p: p.stat().st_ino for p in site.rglob("*.json")}
    mark_complete(site)
    build_site(config, site, env=EPOCH)
    build_site(config, clean, env=EPOCH)
    return {"site": site, "clean": clean, "work": work, "config": config, "inodes": inodes, "kept": kept}


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() or p.is_symlink()}


def test_the_rebuild_is_the_clean_build_plus_hidden_entries(rebuilt):
    site, clean = rebuilt["site"], rebuilt["clean"]
    files, expected = tree(site), tree(clean)
    assert files.pop(".keep") == b"hidden"
    assert files.keys() == expected.keys()
    assert [path for path in files if files[path] != expected[path]] == []
    assert not is_incomplete(site) and not [p for p in site.iterdir() if p.name.startswith(TRASH_PREFIX)]
    assert (site / "compare" / "index.html").is_file() and not (site / "compare" / "index.html").is_symlink()


def test_the_rebuild_wrote_over_the_old_files(rebuilt):
    survived = [p for p, inode in rebuilt["inodes"].items() if p.exists() and p.stat().st_ino == inode]
    assert survived  # (the search index's files are written over, not made again)
    assert rebuilt["kept"].is_file()


def test_nothing_outside_the_site_was_written(rebuilt):
    work = rebuilt["work"]
    assert (work / "outside.html").read_text(encoding="utf-8") == "not ours"
    assert (work / "snapshot.html").read_text(encoding="utf-8") == "old home"


def test_a_second_rebuild_leaves_unchanged_pages_as_they_are(rebuilt):
    """The first rebuild recorded its pages (pagefiles.py): now they are neither read nor written,
    except one edited by hand (its mtime set back), and the site is still the clean build's."""
    site, page = rebuilt["site"], rebuilt["kept"]
    edited = site / "regions" / "index.html"
    original, st = edited.read_bytes(), edited.stat()
    edited.write_bytes(b"x" * len(original))
    os.utime(edited, ns=(st.st_atime_ns, st.st_mtime_ns))
    before = page.stat().st_mtime_ns
    build_site(rebuilt["config"], site, env=EPOCH)
    assert page.stat().st_mtime_ns == before
    assert edited.read_bytes() == original
    files, expected = tree(site), tree(rebuilt["clean"])
    files.pop(".keep")
    assert files == expected and not is_incomplete(site)


def test_a_dirty_build_removes_nothing(rebuilt):
    site = rebuilt["site"]
    (site / "assets" / "planted.js").write_text("kept", encoding="utf-8")
    build_site(rebuilt["config"], site, "--dirty", env=EPOCH)
    assert (site / "assets" / "planted.js").read_text(encoding="utf-8") == "kept"
    assert not is_incomplete(site)
