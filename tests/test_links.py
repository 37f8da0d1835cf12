"""Link check of the site built from seeds/: every internal href/src resolves to a file
of the site, every #fragment is an id (or name) in the target page, and no link runs script.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

LINK_ATTRS = {"href", "src", "poster", "data", "action", "xlink:href"}
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)  # http:, https:, mailto:, data:, javascript:...


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (tag, url)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in LINK_ATTRS and not (tag == "form" and name == "action" and not value):
                self.links.append((tag, value))
            elif name == "srcset":
                self.links += [(tag, part.strip().split()[0]) for part in value.split(",") if part.strip()]


class Site:
    def __init__(self, root: Path):
        self.root = root
        self.pages: dict[str, _Page] = {}
        for path in sorted(root.rglob("*.html")):
            parser = _Page()
            parser.feed(path.read_text("utf-8"))
            self.pages[path.relative_to(root).as_posix()] = parser

    def resolve(self, page: str, url: str) -> str | None:
        """Site-relative file path that `url` on `page` points at (None if outside the site)."""
        parts = urlsplit(url)
        path = unquote(parts.path)
        if not path:
            return page
        parts_out: list[str] = [] if path.startswith("/") else posixpath.dirname(page).split("/")
        for part in path.split("/"):
            if part == "..":
                if not [p for p in parts_out if p]:
                    return None  # climbs above the site root
                parts_out.pop()
            elif part not in ("", "."):
                parts_out.append(part)
        target = "/".join(p for p in parts_out if p)
        if path.endswith("/") or (self.root / target).is_dir():
            target = posixpath.join(target, "index.html") if target not in ("", ".") else "index.html"
        return target


@pytest.fixture(scope="module")
def site(seeds_site) -> Site:
    return Site(seeds_site)


def test_site_has_pages_and_links(site):
    assert len(site.pages) > 8
    assert sum(len(p.links) for p in site.pages.values()) > 50


def test_no_javascript_urls(site):
    bad = [(page, url) for page, parsed in site.pages.items() for _, url in parsed.links
           if url.strip().lower().startswith(("javascript:", "vbscript:"))]
    assert not bad, bad[:20]


def test_every_internal_link_resolves(site):
    broken = []
    for page, parsed in site.pages.items():
        for tag, url in parsed.links:
            if url == "#" or EXTERNAL.match(url) or url.startswith("//"):
                continue
            target = site.resolve(page, url)
            if target is None:
                broken.append((page, url, "points outside the site"))
            elif not (site.root / target).is_file():
                broken.append((page, url, target))
    assert not broken, f"{len(broken)} broken links, e.g. {broken[:20]}"


def test_every_fragment_exists_in_its_target(site):
    missing = []
    for page, parsed in site.pages.items():
        for tag, url in parsed.links:
            if url == "#" or EXTERNAL.match(url) or url.startswith("//") or "#" not in url:
                continue
            fragment = unquote(url.split("#", 1)[1])
            if not fragment:
                continue
            target = site.resolve(page, url)
            if target is None or target not in site.pages:
                if target and target.endswith(".html"):
                    missing.append((page, url, "target page missing"))
                continue
            if fragment not in site.pages[target].ids:
                missing.append((page, url, f"no id {fragment!r} in {target}"))
    assert not missing, f"{len(missing)} missing anchors, e.g. {missing[:20]}"


def test_figure_links_point_at_paragraphs(site, seeds_digest):
    """Every figure's url (article#p-N) is a page with that paragraph id."""
    for figure in seeds_digest["figures"]:
        target = site.resolve("index.html", figure["url"])
        fragment = figure["url"].split("#", 1)[1]
        assert target in site.pages, figure["url"]
        assert fragment in site.pages[target].ids, figure["url"]


def test_resolver_is_not_fooled():
    """The checker itself: relative, parent, directory and query forms."""
    s = Site.__new__(Site)
    s.root = Path("/nonexistent")
    s.pages = {}
    assert s.resolve("articles/x/index.html", "../../regions/y/#p-1") == "regions/y/index.html"
    assert s.resolve("index.html", "data/digest.json?v=1") == "data/digest.json"
    assert s.resolve("search/index.html", "./") == "search/index.html"
    assert s.resolve("search/index.html", "#top") == "search/index.html"
    assert s.resolve("a/index.html", "../../../etc/passwd") is None
