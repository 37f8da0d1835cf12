"""Memo of finished pages: a rebuild writes an unchanged generated page from the cache
instead of running it through the theme's templates again.

Material's templates cost a few milliseconds a page, which at ten thousand articles is
most of a rebuild after one seed changed. A page's finished HTML is a function of what
the theme can read: the page (URL, title, metadata, body) and the site (MkDocs and theme
versions, every file of the theme's own folders (custom_dir), the config, the navigation,
this package's
code). The key hashes all of that, so an entry is only ever reused for identical input;
entries the last build did not use are removed, so the memo never outgrows one site.
Entries are sealed like the result cache's (cache.KeyedFiles): a page cut short or
damaged on disk is rendered again, never published.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from importlib import metadata
from pathlib import Path

import mkdocs

from generator.cache import KeyedFiles
from generator.cachelock import CacheAccess

# The template a memo hit is rendered with: nothing, the finished HTML replaces it.
EMPTY_TEMPLATE = "digest-memo-hit.html"


def _update_with_folder(h, folder: Path) -> None:
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())


def _installed_packages() -> dict[Path, str]:
    """Folder -> version of the installed packages a theme folder may come from. Their
    folders are named by version instead of hashed: Material's templates folder holds
    some 14,000 files (its icons), whose hashing cost seconds on every build."""
    packages = {}
    for module, version in (("mkdocs", mkdocs.__version__), ("material", metadata.version("mkdocs-material"))):
        spec = importlib.util.find_spec(module)
        for location in (spec.submodule_search_locations or []) if spec else []:
            packages[Path(location).resolve()] = f"{module} {version}"
    return packages


def _nav_outline(items) -> list:
    """The navigation as the theme sees it on any page: kinds, titles, URLs, nesting."""
    outline = []
    for item in items:
        outline.append([type(item).__name__, item.title, getattr(item, "url", None),
                        _nav_outline(getattr(item, "children", None) or [])])
    return outline


def site_key(config, nav, code: str) -> str:
    """Hash of everything outside a page that shapes its finished HTML."""
    h = hashlib.sha256()
    versions = [mkdocs.__version__, metadata.version("mkdocs-material"), code]
    h.update(json.dumps(versions).encode())
    if config.config_file_path and Path(config.config_file_path).is_file():
        h.update(Path(config.config_file_path).read_bytes())
    # Settings a command line can change without touching the config file.
    h.update(json.dumps([config.site_url, config.use_directory_urls, config.theme.name,
                         [str(p) for p in config.extra_css], [str(p) for p in config.extra_javascript],
                         _nav_outline(nav.items)], ensure_ascii=False, default=str).encode())
    packages = _installed_packages()
    for folder in config.theme.dirs:
        h.update(folder.encode() + b"\0")
        resolved = Path(folder).resolve()
        package = next((p for p in packages if resolved == p or p in resolved.parents), None)
        if package is not None:
            h.update(packages[package].encode() + b"\0")
        else:
            _update_with_folder(h, resolved)
    return h.hexdigest()


class PageMemo:
    """Finished HTML by key, one file per page under `directory` (None: no memo)."""

    def __init__(self, directory: Path | None, writable: bool = True):
        self.files = KeyedFiles(directory, ".html", writable)
        self.hits = 0

    def key(self, site: str, page, body: str) -> str:
        """`body` stands for the page's body HTML: the HTML itself or a hash of everything
        it is rendered from (pages.PagePlan.inputs), so a hit needs no rendering."""
        h = hashlib.sha256(site.encode())
        for part in (page.url, page.title or "", json.dumps(page.meta, sort_keys=True, ensure_ascii=False,
                                                             default=str), str(page.toc), body):
            h.update(part.encode("utf-8") + b"\0")
        return h.hexdigest()

    def has(self, key: str) -> bool:
        return self.files.has(key)

    def get(self, key: str) -> str | None:
        data = self.files.read(key)
        try:
            html = data.decode("utf-8") if data is not None else None
        except UnicodeDecodeError:
            html = self.files.refuse(key, "is not UTF-8")
        if html is not None:
            self.files.mark_used(key)
            self.hits += 1
        return html

    def put(self, key: str, html: str) -> None:
        self.files.write(key, html.encode("utf-8"))

    @classmethod
    def for_build(cls, access: CacheAccess) -> PageMemo:
        """The memo in the `pages` folder of this build's cache."""
        return cls(access.directory / "pages" if access.directory else None, access.writable)

    def prune(self) -> int:
        """Remove the entries this build did not use; returns how many."""
        return self.files.prune()
