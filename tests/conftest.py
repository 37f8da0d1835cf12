"""Fixtures shared by the suite: the site built once from seeds/ per test run (shared by the
xdist workers), a server, one browser per worker; and the order the test files run in."""

from __future__ import annotations

import fcntl
import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, build_site, guarded_page, load_digest, serve, write_config


@dataclass(frozen=True)
class SeedsBuild:
    config: Path  # its mkdocs.yml: building it again reuses `cache`
    site: Path
    cache: Path


def run_folder(tmp_path_factory) -> Path:
    """A folder of this test run that every xdist worker sees (each worker's basetemp is a
    folder of the controller's); the run's basetemp without xdist."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def file_lock(path: Path):
    """Held by one process of the run at a time (an flock: dropped if the holder dies)."""
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory) -> SeedsBuild:
    """The project's seeds/ built once per test run with `mkdocs build --strict`: the first
    xdist worker to ask builds it, under a lock, and the others wait for it and reuse it.
    Tests that need this site, or a warm rebuild of it, share it. Never write into it: copy
    what you change."""
    root = run_folder(tmp_path_factory)
    work = root / "seeds_site"
    config, site, done = work / "mkdocs.yml", work / "site", work / "built"
    with file_lock(root / "seeds_site.lock"):
        if not done.is_file():
            shutil.rmtree(work, ignore_errors=True)  # a build that failed in another worker
            work.mkdir()
            build_site(write_config(work, ROOT / "seeds"), site, "--strict",
                       env={"SOURCE_DATE_EPOCH": "1764028800"})
            done.touch()
    return SeedsBuild(config, site, work / "cache")


@pytest.fixture(scope="session")
def seeds_site(seeds_build) -> Path:
    """The site built from the project's seeds/ with `mkdocs build --strict`."""
    return seeds_build.site


@pytest.fixture(scope="session")
def seeds_digest(seeds_site) -> dict:
    return load_digest(seeds_site)


@pytest.fixture(scope="session")
def site_url(seeds_site):
    with serve(seeds_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser page that fails the test if any request leaves 127.0.0.1."""
    with guarded_page(browser) as page:
        yield page


# ----------------------------------------------------------------------------- test order

# With `-n 2 --dist loadfile` each file runs whole on one worker, so the run lasts at least as
# long as its longest file: files that build sites or drive the browser go first, most tests
# first, so that the short files fill in the end of both workers.
HEAVY_MARKERS = ("slow", "browser")


def pytest_configure(config):
    if hasattr(config.option, "loadscopereorder"):  # xdist's own order (by test count) would undo ours
        config.option.loadscopereorder = False


def pytest_collection_modifyitems(items):
    by_file: dict[str, list[pytest.Item]] = {}
    for item in items:
        by_file.setdefault(item.nodeid.split("::")[0], []).append(item)

    def weight(tests: list[pytest.Item]) -> tuple[bool, int]:
        heavy = any(t.get_closest_marker(m) for t in tests for m in HEAVY_MARKERS)
        return not heavy, -len(tests)

    items[:] = [item for tests in sorted(by_file.values(), key=weight) for item in tests]
