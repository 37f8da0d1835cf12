"""Fixtures shared by the suite: the site built once from seeds/, a server, a browser."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, build_site, load_digest, serve, write_config


@dataclass(frozen=True)
class SeedsBuild:
    config: Path  # its mkdocs.yml: building it again reuses `cache`
    site: Path
    cache: Path


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory) -> SeedsBuild:
    """The project's seeds/ built once per test run (per xdist worker) with `mkdocs build
    --strict`; tests that need this site, or a warm rebuild of it, share it. Never write
    into it: copy what you change."""
    work = tmp_path_factory.mktemp("seeds_site")
    config = write_config(work, ROOT / "seeds")
    site = work / "site"
    build_site(config, site, "--strict", env={"SOURCE_DATE_EPOCH": "1764028800"})
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
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []

    def check(request):
        host = urlsplit(request.url).hostname
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host not in ("127.0.0.1",):
            outside.append(request.url)

    page.on("request", check)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()
    assert not outside, f"requests left 127.0.0.1: {outside}"
    assert not dialogs, f"a dialog fired: {dialogs}"
