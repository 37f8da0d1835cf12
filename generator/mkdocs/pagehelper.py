"""Helper processes render runs of the pages still to render into the page memo, ahead of the build.

Rendering the generated pages that are not memo hits (their body, then the theme's
templates) is the longest serial step of a full build. Once no other process of the build
is at work (the search index is written by one, background.py: on two cores a third process
would only compete with it, and add its memory), forked helpers, one after another, render
runs of pages exactly as MkDocs' own page loop would (the template context, page_context
events, the template, post_page events, where the plugin stores the finished page in the
memo). Each run lies far enough ahead of the build that, at the build's estimated pace (its
own pages, and writing out the helpers' from the memo), the helper is done with it when the
build gets there: the build writes the run out while the next helper renders the next run,
and the last run ends as the build arrives, so neither is left working alone for long. To
the build, a helper's pages are memo hits: if it reaches one before its helper is done, it
waits. A page no helper stored (one failed, or was killed) is rendered by the build as
usual, so the helpers only ever save time.

Only when the memo is writable, the build is on one site (no draft pages, whose inclusion
differs between build and serve), and no other plugin or hook listens to page_context or
post_page: their effects in the helper would be lost to the build.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from math import ceil

from mkdocs.commands.build import get_context
from mkdocs.structure.files import Files, InclusionLevel

from generator.mkdocs.background import BackgroundWriter, can_fork
from generator.mkdocs.memopages import MemoPages

log = logging.getLogger("mkdocs.plugins.digest")

# Below this many pages left to render, forking the helper costs about what it saves.
MIN_PAGES = 200
# A helper renders at most this many pages, then a fresh one is forked for the next run as
# soon as the build sees it done. Every memory page either process writes to after the fork
# (a reference count, a new object in freed space) is copied, and keeping the shared objects
# frozen (gc) did not change that: at 20,000 articles one helper's copies grew as long as it
# ran (0.46 GB and growing), each fresh one's stopped at ~0.25 GB.
HELPER_PAGES = 1000
# No helper is forked for fewer pages than this (the last run).
MIN_RUN = 50
# What writing out a page a helper rendered costs the build (memo read, MkDocs' steps for the
# page, the file), as a share of rendering one: 0.7-1 ms against 3-4 ms at 10,000 articles.
# Only an estimate of pace: a run the build reaches before its helper is done is waited for;
# a helper done early is followed by the next at the build's next page.
WRITE_SHARE = 0.2
PAGE_EVENTS = ("page_context", "post_page")


def only_listener(plugin, config, events) -> bool:
    """No other plugin or hook than `plugin` listens to `events`."""
    return all(getattr(hook, "__self__", None) is plugin for event in events for hook in config.plugins.events[event])


class PageHelper:
    """Made in on_env; consider() at each page MkDocs is about to render starts the helper
    once nothing else is busy and enough pages are left."""

    def __init__(self, pages: MemoPages, plugin, config, nav, files: Files, env, busy: Callable[[], bool]):
        self.pages, self.config, self.nav, self.env, self.busy = pages, config, nav, env, busy
        self.doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        todo = [f.page for f in self.doc_files if f.src_uri in pages.keys and f.src_uri not in pages.hits]
        usable = (can_fork() and pages.memo.files.writable
                  and files.documentation_pages(inclusion=InclusionLevel.is_in_serve) == self.doc_files
                  and only_listener(plugin, config, PAGE_EVENTS))
        self.todo = todo if usable and len(todo) > MIN_PAGES else []
        self.position = {page.file.src_uri: i for i, page in enumerate(self.todo)}
        self.chain: HelperChain | None = None

    def consider(self, page) -> HelperChain | None:
        """`page` is about to be rendered: the helpers, if they start now (and the next
        helper forked if the last is done)."""
        if self.chain is not None:
            self.chain.step(page)
            return None
        where = self.position.get(page.file.src_uri)
        if where is None or self.busy():
            return None
        rest, self.todo, self.position = self.todo[where + 1:], [], {}  # at most one chain of helpers
        if len(rest) < MIN_PAGES:
            return None
        self.chain = HelperChain(rest, self.pages, lambda batch: self.render(batch), self.config.site_dir)
        self.chain.step(page)
        return self.chain

    def render(self, batch: list) -> None:
        for other in batch:
            render_page(other, self.config, self.nav, self.doc_files, self.env)


class HelperChain:
    """Helper processes forked one after another, each rendering a run of `left` (the pages
    after the build's current one, in its order) into the memo; each run is handed over to
    the build (MemoPages.hand_over) as its helper starts."""

    def __init__(self, left: list, pages: MemoPages, render: Callable[[list], None], site_dir: str):
        self.left, self.pages, self.render, self.site_dir = left, pages, render, site_dir
        self.position = {page.file.src_uri: i for i, page in enumerate(left)}
        self.at = 0  # left[at:]: the pages the build has not reached
        self.runs: list[tuple[int, int]] = []  # (start, stop) of each run handed out, in order: the last is at work
        self.stopped = False
        self.current: BackgroundWriter | None = None

    def step(self, page) -> None:
        """The build is about to render `page`: the next helper starts if the last is done."""
        at = self.position.get(page.file.src_uri)
        if at is not None:
            self.at = max(self.at, at + 1)
        if self.current is not None:
            if self.current.running():
                return
            try:
                self.finish_current()
            except RuntimeError as error:
                log.warning("%s: the pages it did not store are rendered by the build", error)
        run = None if self.stopped else self.next_run()
        if run is None:  # (the runs left only shrink as the build goes on)
            self.stopped = True
            return
        batch = self.left[run[0]:run[1]]
        self.runs.append(run)

        def render() -> list:
            page.active = False  # MkDocs is inside this page here, but not in the helper
            self.current, self.stopped = None, True  # (in the helper, whose pages call consider() too)
            self.render(batch)
            return []  # nothing to write into the site: the pages are in the memo
        self.current = BackgroundWriter(render, self.site_dir, "page helper")
        self.current.start()
        self.pages.hand_over(batch, self)  # after the fork: the helper renders them as its own

    def next_run(self) -> tuple[int, int] | None:
        """Where the next helper's run lies (left[start:stop]): from the first page the build,
        at its estimated pace, reaches no sooner than the helper is done with the run."""
        # (after the last run: left[first:] is the build's, unless a helper takes it)
        first, end = max(self.at, self.runs[-1][1] if self.runs else 0), len(self.left)
        handed = sum(max(0, min(stop, first) - max(start, self.at)) for start, stop in self.runs)
        own = 1 + WRITE_SHARE  # a page the build renders itself, then writes
        ahead = (first - self.at - handed) * own + handed * WRITE_SHARE  # until `first`, in pages rendered
        start = first + max(0, ceil((HELPER_PAGES - ahead) / own))
        if start + HELPER_PAGES <= end:
            return start, start + HELPER_PAGES
        # The last run, to the end: the build reaches it as the helper is done.
        start = max(first, ceil((end + first * own - ahead) / (1 + own)))
        return (start, end) if end - start >= MIN_RUN else None

    def reached(self, src_uri: str) -> None:
        """The build is at a page handed to a helper: returns once the helper at work is
        done, if the page is in its run. RuntimeError if it failed (no helper starts after)."""
        at = self.position.get(src_uri)
        if self.current is not None and at is not None and self.runs[-1][0] <= at < self.runs[-1][1]:
            self.finish_current()

    def finish_current(self) -> None:
        current, self.current = self.current, None
        if current is not None:
            try:
                current.finish()
            except RuntimeError:
                self.stopped = True
                raise

    def finish(self) -> None:
        """Wait for the helper at work; none starts after it. RuntimeError if it failed."""
        self.stopped = True
        self.finish_current()

    def cancel(self) -> None:
        self.stopped = True
        if self.current is not None:
            self.current.cancel()


def render_page(page, config, nav, doc_files, env) -> str:
    """What MkDocs' _build_page does with a page, short of writing it (mkdocs.commands.build)."""
    config._current_page = page
    page.active = True
    try:
        context = get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        return config.plugins.on_post_page(template.render(context), page=page, config=config)
    finally:
        page.active = False
        config._current_page = None
