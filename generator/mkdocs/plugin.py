"""MkDocs adapter: runs the build (build.py) inside `mkdocs build` / `mkdocs serve`.

Hooks only, each a short call into build.py or memopages.py. What one build holds between
hooks is one BuildState, made in on_pre_build: the cache lock (held until on_post_build),
the build's result, and its generated pages behind the page memo.
"""

from __future__ import annotations

import html
import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from mkdocs.config import base
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from generator import build
from generator.cache import code_fingerprint
from generator.cachelock import BuildLock, CacheAccess
from generator.mkdocs.description import page_description
from generator.mkdocs.inplace import InPlace
from generator.mkdocs.memopages import MemoPages, PlannedPage, add_empty_template
from generator.mkdocs.pagefiles import PageFiles
from generator.mkdocs.pagehelper import PageHelper, only_listener
from generator.mkdocs.pagememo import PageMemo, site_key
from generator.mkdocs.progress import make_progress
from generator.mkdocs.siteclear import clear_way
from generator.mkdocs.sitemarker import finished_at, mark_complete, mark_incomplete
from generator.mkdocs.sitetrash import Removal, empty_site, left_warning, shown
from generator.read.decode import display_name
from generator.records import DataWarning
from generator.resources import Resources, load_resources
from generator.search import ASSET_DIR
from generator.settings import Settings, plugin_config_scheme
from generator.site.pages import DATA_CSV, DATA_JSON, PagePlan
from generator.site.templatecache import template_cache

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


@dataclass
class BuildState:
    """One build, from on_pre_build to on_post_build (or on_build_error)."""

    site_dir: Path
    lock: BuildLock  # this build's hold on the cache folder (cachelock.py)
    access: CacheAccess
    old_site: Removal  # the previous build's files, being deleted (sitetrash.py)
    in_place: InPlace | None = None  # rebuilding over the previous build's files instead (inplace.py)
    started: float = field(default_factory=time.monotonic)
    result: build.BuildResult | None = None  # once on_files ran
    pages: MemoPages | None = None  # once on_nav ran
    nav: object | None = None  # MkDocs' Navigation, once on_nav ran
    helper: PageHelper | None = None  # once on_env ran


class DigestPlugin(BasePlugin[DigestConfig]):
    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.resources: Resources | None = None  # kept across `mkdocs serve` rebuilds
        self.state: BuildState | None = None
        self.dirty = False  # `--dirty`: MkDocs keeps the files of unchanged pages (on_startup)

    def on_startup(self, *, command, dirty: bool) -> None:
        # (Its presence also keeps this object, and so its resources, across `mkdocs serve` rebuilds.)
        self.dirty = dirty

    def on_config(self, config):
        self.settings = Settings.from_options(dict(self.config), Path(config.config_file_path).parent)
        return config

    @event_priority(100)  # first: before MkDocs or any plugin touches site_dir
    def on_pre_build(self, *, config) -> None:
        """Mark site_dir as unfinished until on_post_build, move the previous build's files
        aside (to be written over in place, or deleted meanwhile), and take the cache for this build."""
        site_dir = Path(config.site_dir)
        finished = finished_at(site_dir)
        mark_incomplete(site_dir)
        in_place = None if self.dirty else InPlace.begin(site_dir, finished)
        # before the lock: the deleting child holds no copy of it
        old_site = Removal([]) if in_place else empty_site(site_dir, move=not self.dirty)
        lock = BuildLock(self.settings.cache_dir)
        self.state = BuildState(site_dir, lock, lock.acquire(), old_site, in_place)

    @event_priority(100)  # first after MkDocs emptied site_dir: before anything is written there
    def _move_back(self, files: Files, /, *, config) -> Files:
        """In place: the previous build's files back where this build writes over them."""
        state = self.state
        if state.in_place is not None:
            state.in_place.move_back()
            state.old_site = empty_site(state.site_dir, move=False)  # what could not go back, old trash
            clear_way(state.site_dir, (DATA_JSON, DATA_CSV))  # written by build.build (build.py)
        return files

    def _on_files(self, files: Files, /, *, config) -> Files:
        state, settings = self.state, self.settings
        state.started = time.monotonic()
        if not settings.seeds_dir.is_dir():
            log.error("seeds folder %s does not exist: create it and put the page texts (.txt) in it",
                      settings.seeds_dir)
        if self.resources is None:
            self.resources = load_resources(settings)
        update, close = make_progress(log)
        try:
            state.result = build.build(settings, self.resources, state.access, state.site_dir, update)
        finally:
            close()
        _report(state.result.warnings)
        in_nav = _nav_paths(config.nav)
        for plan in state.result.plans:
            files.append(_page_file(plan, config, plan.path not in in_nav))
        for data in state.result.data_files:
            files.append(File.generated(config, data.path, content=data.content))
        for path in state.result.written:  # already in site_dir: MkDocs leaves it in place
            files.append(File.generated(config, path, abs_src_path=str(state.site_dir / path)))
        return files

    on_files = CombinedEvent(_move_back, _on_files)

    def on_nav(self, nav, /, *, config, files):
        """Everything outside a page that shapes its finished HTML is known now (MkDocs reads
        the pages next, then renders them): start this build's page memo."""
        state = self.state
        state.nav = nav
        state.pages = MemoPages(PageMemo.for_build(state.access), site_key(config, nav, code_fingerprint()),
                                {plan.path: plan for plan in state.result.plans}, state.result.home_summary)
        in_place = state.in_place is not None and only_listener(self, config, ("post_page",))
        state.pages.disk = PageFiles.load(state.access, state.site_dir, in_place)
        return nav

    def on_page_content(self, html_body: str, /, *, page, config, files) -> str:
        return self.state.pages.body(html_body, page)

    def on_env(self, env, /, *, config, files):
        """Every page is read: helper processes may render runs of those left to render (pagehelper.py)."""
        env.bytecode_cache = env.bytecode_cache or template_cache()  # the theme's compiled templates too
        env.filters["digest_description"] = page_description  # (theme_overrides/main.html)
        state = self.state
        if state.in_place is not None:  # MkDocs writes next: no old entry in its way
            names = [*config.theme.static_templates, *config.extra_templates]
            state.in_place.clearance().files([*(f.dest_uri for f in files), *names])
        state.pages.env = add_empty_template(env)
        search = state.result.search
        state.helper = PageHelper(state.pages, self, config, state.nav, files, env,
                                  busy=lambda: search is not None and search.running())
        return env

    def on_page_context(self, context, /, *, page, config, nav):
        self.state.helper.consider(page)
        return self.state.pages.ready(context, page)

    def on_post_page(self, output: str, /, *, page, config) -> str:
        return self.state.pages.finished(output, page)

    def on_build_error(self, *, error) -> None:
        state = self.state
        if state is None:
            return
        if state.result is not None and state.result.search is not None:
            state.result.search.cancel()
        if state.pages is not None and state.pages.helper is not None:
            state.pages.helper.cancel()  # it must not write into the cache once the lock is released
        state.lock.release()
        if state.in_place is not None and state.in_place.aside is not None:  # failed before on_files
            state.in_place.move_back()
            state.old_site = empty_site(state.site_dir, move=False)
        state.old_site.wait()  # no process of this build outlives it
        mark_incomplete(state.site_dir)  # also after on_post_build, when --strict aborts

    def on_serve(self, server, /, *, config, builder):
        server.watch(str(self.settings.seeds_dir))
        return server

    @event_priority(100)  # first: other plugins see every page's own destination
    def _restore(self, *, config) -> None:
        self.state.pages.disk.restore()

    @event_priority(-100)  # last: the marker goes only when every plugin has written its files
    def _on_post_build(self, *, config) -> None:
        state = self.state
        state.pages.wait_for_helper()  # (normally waited for at its first page)
        # The search writer is the last to end a rebuild. Meanwhile: the pages are all written,
        # so the memo is pruned and their files recorded (saved once the site is complete),
        # and, in place, the rest of the site is swept (the writer's folder once it ended).
        state.pages.memo.prune()
        recorded = state.pages.disk.record()
        search = state.result.search
        early = _sweep_besides_search(state.in_place, state.pages.disk) if search and search.running() else None
        try:
            if search is not None:
                search.finish()
        except RuntimeError as error:
            raise PluginError(str(error)) from error
        warnings = len(state.result.warnings)
        if config.strict and warnings and not log.isEnabledFor(logging.WARNING):
            raise PluginError(f"Aborted with {warnings} data warnings in strict mode "
                              "(build without --strict to publish anyway; see the README)")
        state.lock.release()
        if problems := state.old_site.wait():  # a site is complete only without the old files
            _warn(left_warning(state.old_site, problems))
            mark_incomplete(state.site_dir, "The previous build's files in this folder could not be deleted")
        elif state.in_place is not None and (stale := _sweep(state.in_place, state.pages.disk, early)):
            mark_incomplete(state.site_dir, stale)
        else:
            state.pages.disk.save(recorded)
            mark_complete(state.site_dir)
        log.info("digest: %s in %.1f s (%d of %d pages unchanged since the last build)", state.result.summary,
                 time.monotonic() - state.started, state.pages.unchanged, len(state.pages.keys))

    on_post_build = CombinedEvent(_restore, _on_post_build)


def _sweep_besides_search(in_place: InPlace | None, disk: PageFiles) -> list[str] | None:
    """_sweep's work outside the search index's folder; its problems, or None when not done
    (not in place, or the clock jumped: _sweep says so)."""
    until = in_place.until() if in_place is not None else None
    return None if until is None else in_place.sweep(until, disk.kept_paths(), skip=ASSET_DIR)


def _sweep(in_place: InPlace, disk: PageFiles, early: list[str] | None = None) -> str:
    """Remove the files this in-place build did not write (only in the search index's
    folder after `early`, _sweep_besides_search's problems); what is wrong with the site
    folder if that failed ("" when it is complete)."""
    until = in_place.until()
    if until is None:
        _warn("the system clock changed during the build, so the previous build's files could not be "
              "told from this build's: build again before you publish the site")
        return "The system clock changed during the build"
    if early is None:
        problems = in_place.sweep(until, disk.kept_paths())
    else:
        problems = early + in_place.sweep_within(until, ASSET_DIR, disk.kept_paths())
    if problems:
        _warn(f"could not delete files the previous build left in {in_place.site_dir} ({shown(problems)}): "
              "delete them yourself and build again; until then the site folder is marked unfinished "
              "and must not be published")
        return "The previous build's files in this folder could not be deleted"
    return ""


def _report(warnings: tuple[DataWarning, ...]) -> None:
    """One line per data warning, always: to MkDocs' log, or past `-q` (see _quiet_log)."""
    for warning in warnings:
        _warn(f"[digest] {display_name(str(warning))}")


def _warn(message: str) -> None:
    """To MkDocs' log, or past `-q` (see _quiet_log)."""
    (log if log.isEnabledFor(logging.WARNING) else _quiet_log).warning("%s", message)


def _nav_paths(nav) -> set[str]:
    """The docs paths the config's nav names (there the nav may give a page its title)."""
    if isinstance(nav, str):
        return {PurePosixPath(nav.lstrip("/")).as_posix()}  # as MkDocs looks the file up
    items = nav.values() if isinstance(nav, dict) else nav or []
    return set().union(*map(_nav_paths, items))


def _page_file(plan: PagePlan, config, planned: bool = True) -> File:
    """A generated page for MkDocs: the title in front matter, HTML-escaped (MkDocs themes
    print page titles unescaped); the body comes from the plan in on_page_content. With
    `planned` (pages the nav does not name), its page is a PlannedPage, which knows that
    title without reading the front matter; MkDocs makes the others' pages with the nav's title."""
    title = html.escape(plan.title)
    front = "---\ntitle: " + json.dumps(title, ensure_ascii=False) + "\n---\n"
    # Reached through the region, article and comparison lists, not the nav: saying so
    # keeps MkDocs from listing every generated page as missing from the nav.
    file = File.generated(config, plan.path, content=front, inclusion=InclusionLevel.NOT_IN_NAV)
    if planned:
        PlannedPage(title, file, config)  # sets file.page: MkDocs uses it instead of making a Page
    return file
