"""MkDocs adapter: runs the pipeline inside `mkdocs build` / `mkdocs serve`.

No logic lives here: it turns the plugin config into Settings, calls pipeline.run,
hands the planned pages and data files to MkDocs (a memoised page is never rendered,
see pagememo.py), has the search index written beside them (background.py), and reports
what happened.
"""

from __future__ import annotations

import html
import json
import logging
import time
from pathlib import Path

import jinja2
from mkdocs.config import base
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from generator import digest as digest_mod
from generator import build as pipeline
from generator.search import index
from generator.mkdocs.background import BackgroundWriter
from generator.cache import code_fingerprint
from generator.cachelock import NO_CACHE, BuildLock
from generator.read.decode import display_name
from generator.mkdocs.pagememo import EMPTY_TEMPLATE, PageMemo, site_key
from generator.site.pages import PagePlan, Renderer
from generator.mkdocs.progress import make_progress
from generator.resources import Resources, load_resources
from generator.settings import Settings, plugin_config_scheme
from generator.mkdocs.sitemarker import mark_complete, mark_incomplete
from generator.site.typeset import typeset_digest

# Data warnings go to MkDocs' own logger at WARNING level, so they count towards
# `mkdocs build --strict` (the README says how to build anyway).
log = logging.getLogger("mkdocs.plugins.digest")
# `-q` silences MkDocs' warnings, and with them its --strict count: data warnings are then
# printed here instead, and on_post_build fails a strict build itself.
_quiet_log = logging.getLogger("digest.data")
if not _quiet_log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    _quiet_log.addHandler(_handler)
    _quiet_log.propagate = False


# The options are derived from the one table in settings.py.
DigestConfig = type("DigestConfig", (base.Config,), plugin_config_scheme())


class DigestPlugin(BasePlugin[DigestConfig]):
    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.resources: Resources | None = None  # kept across `mkdocs serve` rebuilds
        self.pages: dict[str, PagePlan] = {}  # generated page -> its plan, rendered on demand
        self.memo = PageMemo(None)
        self.memo_keys: dict[str, str] = {}  # generated page -> its memo key
        self.memo_hits: dict[str, str] = {}  # memoised page -> the template it would have used
        self.site = ""  # pagememo.site_key of this build
        self.search: BackgroundWriter | None = None  # this build's search index, once started
        self.lock = BuildLock(None)  # this build's hold on the cache folder (cachelock.py)
        self.access = NO_CACHE
        self.site_dir: Path | None = None
        self.env = None
        self.context = None
        self.home_summary = ""
        self.started = 0.0
        self.summary = ""
        self.data_warnings = 0

    def on_config(self, config):
        root = Path(config.config_file_path).parent
        self.settings = Settings.from_options(dict(self.config), root)
        return config

    @event_priority(100)  # first: before MkDocs or any plugin touches site_dir
    def on_pre_build(self, *, config) -> None:
        """Mark site_dir as unfinished until on_post_build, and take the cache for this build."""
        self.site_dir = Path(config.site_dir)
        mark_incomplete(self.site_dir)
        self.lock = BuildLock(self.settings.cache_dir)
        self.access = self.lock.acquire()

    def on_files(self, files: Files, /, *, config) -> Files:
        self.started = time.monotonic()
        settings = self.settings
        if not settings.seeds_dir.is_dir():
            log.error("seeds folder %s does not exist: create it and put the page texts (.txt) in it",
                      settings.seeds_dir)
        if self.resources is None:
            log.debug("loading gazetteer, metric catalogue and dictionaries")
            self.resources = load_resources(settings)
        update, close = make_progress(log)
        try:
            digest = pipeline.run(settings, self.resources, progress=update, cache=self.access)
        finally:
            close()
        self.data_warnings = len(digest.warnings)
        report = log if log.isEnabledFor(logging.WARNING) else _quiet_log
        for warning in digest.warnings:
            report.warning("[digest] %s", display_name(str(warning)))  # one line per warning, always

        shown = typeset_digest(digest)  # pages and snippets: full-width punctuation
        # The search index is built beside the rest of the build (a forked process on Linux)
        # and written straight into site_dir (MkDocs has cleaned it already); on_post_build
        # waits for it.
        log.debug("building the search index")
        resources, one_file_bytes = self.resources, settings.search_one_file_bytes
        self.search = BackgroundWriter(lambda: index.build_search(shown, resources, one_file_bytes),
                                       Path(config.site_dir), "search index")
        self.search.start()
        renderer = Renderer(shown, settings, self.resources)
        self.pages = {}
        log.debug("rendering pages for %d regions and %d articles", len(digest.regions), len(digest.articles))
        for plan in renderer.plans():
            # Title in front matter, HTML-escaped: MkDocs themes print page titles unescaped.
            front = "---\ntitle: " + json.dumps(html.escape(plan.title), ensure_ascii=False) + "\n---\n"
            # Reached through the region, article and comparison lists, not the nav: saying so
            # keeps MkDocs from listing every generated page as missing from the nav.
            files.append(File.generated(config, plan.path, content=front, inclusion=InclusionLevel.NOT_IN_NAV))
            self.pages[plan.path] = plan
        self.home_summary = renderer.home_summary()

        data = digest_mod.to_contract(digest)
        outputs = [
            ("data/digest.json", digest_mod.contract_json(data)),
            ("data/figures.csv", digest_mod.figures_csv(data)),
        ]
        for path, content in outputs:
            files.append(File.generated(config, path, content=content))

        self.summary = (f"{len(digest.sources)} files, {len(digest.articles)} articles, "
                        f"{len(digest.regions)} regions, {len(digest.figures)} figures, "
                        f"{len(digest.warnings)} data warnings")
        return files

    def on_nav(self, nav, /, *, config, files):
        """Everything outside a page that shapes its finished HTML is known now (MkDocs reads
        the pages next, then renders them): start this build's page memo."""
        self.memo = PageMemo.for_build(self.access)
        self.site = site_key(config, nav, code_fingerprint())
        self.memo_keys, self.memo_hits = {}, {}
        return nav

    def on_page_content(self, html_body: str, /, *, page, config, files) -> str:
        plan = self.pages.get(page.file.src_uri)
        if plan is None:
            return html_body + self.home_summary if page.is_homepage else html_body
        key = self.memo_keys[page.file.src_uri] = self.memo.key(self.site, page, plan.inputs)
        if self.memo.has(key):
            # Memoised: the body is not rendered, and an empty template stands in for the
            # theme's; on_post_page writes the finished HTML.
            self.memo_hits[page.file.src_uri] = page.meta.get("template", "main.html")
            page.meta["template"] = EMPTY_TEMPLATE
            return ""
        return plan.render()

    def on_env(self, env, /, *, config, files):
        self.env = env
        env.loader = jinja2.ChoiceLoader([env.loader, jinja2.DictLoader({EMPTY_TEMPLATE: ""})])
        return env

    def on_page_context(self, context, /, *, page, config, nav):
        self.context = context  # kept for on_post_page, should a memo entry have vanished
        return context

    def on_post_page(self, output: str, /, *, page, config) -> str:
        key = self.memo_keys.get(page.file.src_uri)
        if key is None:
            return output
        if page.file.src_uri in self.memo_hits:
            memoised = self.memo.get(key)
            if memoised is not None:
                return memoised
            # The entry vanished since on_page_content: render the page after all.
            page.meta["template"] = self.memo_hits[page.file.src_uri]
            page.content = self.pages[page.file.src_uri].render()
            output = self.env.get_template(page.meta["template"]).render(self.context)
        self.memo.put(key, output)
        return output

    def on_build_error(self, *, error) -> None:
        if self.search is not None:
            self.search.cancel()
        self.lock.release()
        if self.site_dir is not None:  # also after on_post_build, when --strict aborts
            mark_incomplete(self.site_dir)

    def on_serve(self, server, /, *, config, builder):
        server.watch(str(self.settings.seeds_dir))
        return server

    @event_priority(-100)  # last: the marker goes only when every plugin has written its files
    def on_post_build(self, *, config) -> None:
        try:
            if self.search is not None:
                self.search.finish()
        except RuntimeError as error:
            raise PluginError(str(error)) from error
        self.memo.prune()
        if config.strict and self.data_warnings and not log.isEnabledFor(logging.WARNING):
            raise PluginError(f"Aborted with {self.data_warnings} data warnings in strict mode "
                              "(build without --strict to publish anyway; see the README)")
        self.lock.release()
        mark_complete(Path(config.site_dir))
        log.info("digest: %s in %.1f s (%d of %d pages unchanged since the last build)", self.summary,
                 time.monotonic() - self.started, self.memo.hits, len(self.memo_keys))
