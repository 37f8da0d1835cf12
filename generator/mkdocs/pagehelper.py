"""A helper process renders half of the pages still to render into the page memo.

Once MkDocs has read every page (on_env), the generated pages that are not memo hits are
known, and rendering them (their body, then the theme's templates) is the longest serial
step of a full build. On Linux a forked helper renders the last half of them exactly as
MkDocs' own page loop would (the template context, page_context events, the template,
post_page events, where the plugin stores the finished page in the memo), while the build
writes the first half. To the build, the helper's pages are memo hits: it waits for the
helper when it reaches the first of them. A page the helper did not store (it failed, or
was killed) is rendered by the build as usual, so the helper only ever saves time.

Only when the memo is writable, the build is on one site (no draft pages, whose inclusion
differs between build and serve), and no other plugin or hook listens to page_context or
post_page: their effects in the helper would be lost to the build.
"""

from __future__ import annotations

import logging

from mkdocs.commands.build import get_context
from mkdocs.structure.files import Files, InclusionLevel

from generator.mkdocs.background import BackgroundWriter, can_fork
from generator.mkdocs.memopages import MemoPages

log = logging.getLogger("mkdocs.plugins.digest")

# Below this many pages to render, forking the helper costs about what it saves.
MIN_PAGES = 200
PAGE_EVENTS = ("page_context", "post_page")


def start_helper(pages: MemoPages, plugin, config, nav, files: Files, env) -> BackgroundWriter | None:
    """Fork the helper for the last half of the pages to render and hand them over to it
    (pages.hand_over); None when there is no helper."""
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    todo = [f.page for f in doc_files if f.src_uri in pages.keys and f.src_uri not in pages.hits]
    if len(todo) < MIN_PAGES or not can_fork() or not pages.memo.files.writable:
        return None
    if files.documentation_pages(inclusion=InclusionLevel.is_in_serve) != doc_files:
        return None
    if any(getattr(hook, "__self__", None) is not plugin for event in PAGE_EVENTS
           for hook in config.plugins.events[event]):
        return None
    theirs = todo[len(todo) // 2:]
    for template in {page.meta.get("template", "main.html") for page in theirs}:
        env.get_template(template)  # compiled once, before the fork, for both processes

    def render() -> list:
        for page in theirs:
            render_page(page, config, nav, doc_files, env)
        return []  # nothing to write into the site: the pages are in the memo
    log.debug("a helper process renders %d of the %d pages to render", len(theirs), len(todo))
    helper = BackgroundWriter(render, config.site_dir, "page helper")
    helper.start()
    pages.hand_over(theirs, helper)
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
