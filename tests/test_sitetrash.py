"""generator/mkdocs/sitetrash.py: the previous build's files moved aside and deleted in the
background; a build ends with no old file and no trash folder in site_dir."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.mkdocs.background import can_fork
from generator.mkdocs.sitemarker import MARKER, is_incomplete, mark_incomplete
from generator.mkdocs.sitetrash import TRASH_PREFIX, empty_site, left_warning, move_aside

modes = [False] + ([True] if can_fork() else [])


def old_site(site: Path) -> None:
    """A previous build's files, and the hidden files MkDocs leaves alone."""
    (site / "articles" / "a1").mkdir(parents=True)
    (site / "articles" / "a1" / "index.html").write_text("old", encoding="utf-8")
    (site / "index.html").write_text("old", encoding="utf-8")
    (site / "sitemap.xml").write_text("old", encoding="utf-8")
    (site / ".keep").write_text("hidden", encoding="utf-8")


def trash_folders(site: Path) -> list[Path]:
    return [p for p in site.iterdir() if p.name.startswith(TRASH_PREFIX)]


@pytest.mark.parametrize("fork", modes)
def test_the_old_files_are_gone_at_once_and_the_trash_after_wait(tmp_path, fork):
    site = tmp_path / "site"
    old_site(site)
    removal = empty_site(site, fork=fork)
    # what MkDocs' clean_directory would remove is gone already; hidden files stay
    assert sorted(p.name for p in site.iterdir() if not p.name.startswith(".")) == []
    assert (site / ".keep").read_text(encoding="utf-8") == "hidden"
    assert removal.wait() == []
    assert trash_folders(site) == []
    assert sorted(p.name for p in site.iterdir()) == [".keep"]
    assert removal.wait() == []  # twice is harmless


@pytest.mark.parametrize("fork", modes)
def test_a_trash_folder_left_by_a_killed_build_is_deleted_by_the_next(tmp_path, fork):
    site = tmp_path / "site"
    old_site(site)
    assert move_aside(site) is not None  # as a build killed right after on_pre_build leaves it
    assert len(trash_folders(site)) == 1
    (site / "index.html").write_text("newer", encoding="utf-8")  # what the killed build wrote
    removal = empty_site(site, fork=fork)
    assert len(removal.folders) == 2
    assert removal.wait() == []
    assert trash_folders(site) == [] and not (site / "index.html").exists()


def test_nothing_to_move(tmp_path):
    assert empty_site(tmp_path / "missing").wait() == []
    site = tmp_path / "site"
    site.mkdir()
    (site / ".keep").write_text("hidden", encoding="utf-8")
    removal = empty_site(site)
    assert removal.folders == [] and removal.wait() == []
    assert [p.name for p in site.iterdir()] == [".keep"]


@pytest.mark.parametrize("fork", modes)
def test_a_failing_delete_is_reported_with_the_folder_to_delete(tmp_path, fork, monkeypatch):
    site = tmp_path / "site"
    old_site(site)
    real_unlink = os.unlink

    def unlink(path, *args, **kwargs):  # (root may delete anything: the failure is simulated)
        if os.fspath(path).endswith("sitemap.xml"):
            raise PermissionError(13, "Permission denied", path)
        real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", unlink)  # (the forked child has it too)
    removal = empty_site(site, fork=fork)
    problems = removal.wait()
    assert any("sitemap.xml: Permission denied" in p for p in problems)
    left = removal.left()
    assert len(left) == 1 and (left[0] / "sitemap.xml").exists() and not (left[0] / "articles").exists()
    message = left_warning(removal, problems)
    assert str(left[0]) in message and "delete that folder yourself" in message


def test_a_failing_delete_warns_and_leaves_the_site_marked(tmp_path, monkeypatch, caplog):
    """The plugin: the build ends (no exception), with a warning naming the folder, and the
    site stays marked unfinished, so a deploy refuses the folder that still holds the trash."""
    import generator.mkdocs.sitetrash as sitetrash
    from generator.mkdocs import plugin as plugin_mod
    from generator.settings import Settings

    site = tmp_path / "site"
    old_site(site)
    mark_incomplete(site)  # the last build did not finish: its files are deleted, not written over
    monkeypatch.setattr(sitetrash, "_remove", lambda folders: [f"{folders[0]}: Permission denied"])
    monkeypatch.setattr(sitetrash, "can_fork", lambda: False)
    plugin = plugin_mod.DigestPlugin()
    plugin.settings = Settings(cache_dir=None)
    plugin.on_pre_build(config=SimpleNamespace(site_dir=str(site)))
    state = plugin.state
    state.result = SimpleNamespace(search=None, warnings=(), summary="")
    state.pages = SimpleNamespace(wait_for_helper=lambda: None, memo=SimpleNamespace(prune=lambda: 0),
                                  unchanged=0, keys=[], disk=SimpleNamespace(record=dict, save=lambda recorded=None: None))
    with caplog.at_level("WARNING", logger="mkdocs.plugins.digest"):
        plugin._on_post_build(config=SimpleNamespace(strict=False))
    trash = trash_folders(site)
    assert len(trash) == 1
    assert str(trash[0]) in caplog.text and "Permission denied" in caplog.text
    assert is_incomplete(site) and "could not be deleted" in (site / MARKER).read_text(encoding="utf-8")


def test_a_dirty_build_keeps_the_old_files(tmp_path):
    """`mkdocs build --dirty` / `serve --dirty` rewrite only changed pages: the others' files
    must stay, so nothing is moved (a killed build's trash is still deleted)."""
    from generator.mkdocs import plugin as plugin_mod
    from generator.settings import Settings

    site = tmp_path / "site"
    old_site(site)
    leftover = move_aside(site)
    (site / "index.html").write_text("kept", encoding="utf-8")
    plugin = plugin_mod.DigestPlugin()
    plugin.settings = Settings(cache_dir=tmp_path / "cache")
    plugin.on_startup(command="build", dirty=True)
    plugin.on_pre_build(config=SimpleNamespace(site_dir=str(site)))
    try:
        assert plugin.state.in_place is None  # nothing is moved, so nothing is removed at the end
        assert plugin.state.old_site.wait() == []
    finally:
        plugin.state.lock.release()
    assert (site / "index.html").read_text(encoding="utf-8") == "kept" and not leftover.exists()
    assert not trash_folders(site)
