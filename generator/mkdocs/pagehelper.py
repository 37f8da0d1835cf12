"""A helper process renders half of the pages still to render into the page memo.

Rendering the generated pages that are not memo hits (their body, then the theme's
templates) is the longest serial step of a full build. Once no other process of the build
is at work (the search index is written by one, background.py: on two cores a third process
would only compete with it, and add its memory), a forked helper renders the last half of
the pages still to render exactly as MkDocs' own page loop would (the template context,
page_context events, the template, post_page events, where the plugin stores the finished
page in the memo), while the build writes the first half. To the build, the helper's pages
are memo hits: it waits for the helper when it reaches the first of them. A page the helper
did not store (it failed, or was killed) is rendered by the build as usual, so the helper
only ever saves time.

Only when the memo is writable, the build is on one site (no draft pages, whose inclusion
differs between build and serve), and no other plugin or hook listens to page_context or
post_page: their effects in the helper would be lost to the build.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from mkdocs.commands.build import get_context
from mkdocs.structure.files import Files, InclusionLevel

from generator.mkdocs.background import BackgroundWriter, can_fork
from generator.mkdocs.memopages import MemoPages

log = logging.getLogger("mkdocs.plugins.digest")

# Below this many pages left to render, forking the helper costs about what it saves.
MIN_PAGES = 200
PAGE_EVENTS = ("page_context", "post_page")


class PageHelper:
    """Made in on_env; consider() at each page MkDocs is about to render starts the helper
    once nothing else is busy and enough pages are left."""

    def __init__(self, pages: MemoPages, plugin, config, nav, files: Files, env, busy: Callable[[], bool]):
        self.pages, self.config, self.nav, self.env, self.busy = pages, config, nav, env, busy
        self.doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        todo = [f.page for f in self.doc_files if f.src_uri in pages.keys and f.src_uri not in pages.hits]
        usable = (can_fork() and pages.memo.files.writable
                  and files.documentation_pages(inclusion=InclusionLevel.is_in_serve) == self.doc_files
                  and all(getattr(hook, "__self__", None) is plugin for event in PAGE_EVENTS
                          for hook in config.plugins.events[event]))
        self.todo = todo if usable and len(todo) > MIN_PAGES else []
        self.position = {page.file.src_uri: i for i, page in enumerate(self.todo)}

    def consider(self, page) -> BackgroundWriter | None:
        """`page` is about to be rendered: the helper, if it starts now."""
        where = self.position.get(page.file.src_uri)
        if where is None or self.busy():
            return None
        rest, self.todo, self.position = self.todo[where + 1:], [], {}  # at most one helper
        if len(rest) < MIN_PAGES:
            return None
        theirs = rest[len(rest) // 2:]
        log.debug("a helper process renders %d of the %d pages left to render", len(theirs), len(rest))

        def render() -> list:
            page.active = False  # MkDocs is inside this page here, but not in the helper
            for other in theirs:
                render_page(other, self.config, self.nav, self.doc_files, self.env)
            return []  # nothing to write into the site: the pages are in the memo
        helper = BackgroundWriter(render, self.config.site_dir, "page helper")
        helper.start()
        self.pages.hand_over(theirs, helper)
        return helper


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
