"""The generated pages of one MkDocs build, with the page memo (pagememo.py) in front.

MkDocs renders a page in two steps: its body (on_page_content), then the theme's template
around it (on_post_page). A page whose finished HTML is memoised skips both: its body is
not rendered, and an empty template (EMPTY_TEMPLATE) stands in for the theme's until the
memoised HTML replaces the output.

MkDocs reads and renders every page's body before it writes the first one, so a body
returned from on_page_content would stay in memory with all the others (hundreds of MB at
ten thousand articles). A generated page's body is therefore rendered only when its page is
about to be written (on_page_context, ready()) and let go once it is written (finished()).

A generated page's Markdown is only its front matter, so PlannedPage skips what MkDocs does
to read it: parsing the YAML and converting an empty text with a new Markdown instance per
page (most of MkDocs' own time per generated page at ten thousand articles).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Protocol

import jinja2
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import meta

from generator.mkdocs.pagefiles import PageFiles
from generator.mkdocs.pagememo import EMPTY_TEMPLATE, PageMemo
from generator.site.pages import PagePlan

log = logging.getLogger("mkdocs.plugins.digest")


class Helpers(Protocol):
    """What this module needs of pagehelper.HelperChain (which imports this module)."""

    def reached(self, src_uri: str) -> None: ...

    def finish(self) -> None: ...

    def cancel(self) -> None: ...


# The output of a page left as it is in the site folder, written to the null device (pagefiles.py).
UNCHANGED = "<!-- unchanged: not written -->"


def add_empty_template(env: jinja2.Environment) -> jinja2.Environment:
    """The theme's environment, able to load the stand-in template of a memo hit."""
    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.DictLoader({EMPTY_TEMPLATE: ""})])
    return env


class PlannedPage(Page):
    """A generated page: the title it would have read from its front matter, and an empty
    Markdown text rendered as MkDocs renders one (no body, no table of contents, no anchors)
    without a Markdown instance. Should another plugin give it Markdown text after all
    (on_page_read_source, on_page_markdown), it is read and rendered the ordinary way."""

    def __init__(self, title: str, file: File, config) -> None:
        super().__init__(None, file, config)  # None: the title comes from meta, as when read
        self.front_title = title

    def read_source(self, config) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is not None:
            self.markdown, self.meta = meta.get_data(source)
        else:
            self.markdown, self.meta = "", {"title": self.front_title}

    def render(self, config, files) -> None:
        if self.markdown.strip():
            return super().render(config, files)
        # What Page.render leaves for an empty text (Markdown returns "" before any processor runs).
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


@dataclass
class MemoPages:
    """Generated pages by docs path, rendered through `memo` under the site key `site`."""

    memo: PageMemo
    site: str  # pagememo.site_key of this build
    plans: dict[str, PagePlan]
    home_summary: str  # appended to the hand-written home page
    keys: dict[str, str] = field(default_factory=dict)  # generated page -> its memo key
    hits: dict[str, str] = field(default_factory=dict)  # memoised page -> the template it would have used
    env: jinja2.Environment | None = None  # the theme's, once MkDocs made it (on_env)
    context: dict | None = None  # the last page context, should a memo entry have vanished
    handed: set[str] = field(default_factory=set)  # pages a helper renders into the memo (pagehelper.py)
    helper: Helpers | None = None  # the helpers until they are waited for
    helped: int = 0  # pages read from the memo that the helper stored
    disk: PageFiles | None = None  # the site folder's pages that need no writing (pagefiles.py)

    @property
    def unchanged(self) -> int:
        """Pages written from the memo that an earlier build stored, or left as they were."""
        return self.memo.hits - self.helped + (len(self.disk.kept) if self.disk else 0)

    def hand_over(self, pages: list, helper: Helpers) -> None:
        """`helper` renders `pages` into the memo: to this build they are memo hits."""
        self.helper = helper
        for page in pages:
            self.handed.add(page.file.src_uri)
            self.hits[page.file.src_uri] = page.meta.get("template", "main.html")
            page.meta["template"] = EMPTY_TEMPLATE

    def wait_for_helper(self, src_uri: str | None = None) -> None:
        """Wait for the helper rendering the page `src_uri` if it is still at work (None: for
        the helper at work, and none starts after)."""
        helper = self.helper
        if helper is None:
            return
        try:
            if src_uri is None:
                self.helper = None
                helper.finish()
            else:
                helper.reached(src_uri)
        except RuntimeError as error:  # its pages are rendered here instead (finished())
            log.warning("%s: the pages it did not store are rendered by the build", error)

    def body(self, html_body: str, page) -> str:
        """The page's body HTML for MkDocs to hold until the page is written: "" for a
        generated page (rendered in ready(); a memo hit's template is swapped for the empty one)."""
        plan = self.plans.get(page.file.src_uri)
        if plan is None:
            return html_body + self.home_summary if page.is_homepage else html_body
        key = self.keys[page.file.src_uri] = self.memo.key(self.site, page, plan.inputs)
        if (self.disk is not None and self.disk.unchanged(page.file.dest_uri, key)) or self.memo.has(key):
            self.hits[page.file.src_uri] = page.meta.get("template", "main.html")
            page.meta["template"] = EMPTY_TEMPLATE
        return ""

    def ready(self, context: dict, page) -> dict:
        """The page is about to be written: a generated page that is not a memo hit gets its body now."""
        self.context = context
        if self.disk is not None:
            self.disk.restore()  # the last page is written
        src = page.file.src_uri
        if src in self.keys and src not in self.hits:
            page.content = self.plans[src].render()
        return context

    def finished(self, output: str, page) -> str:
        """The page's finished HTML: from the memo for a hit, else `output`, memoised."""
        key = self.keys.get(page.file.src_uri)
        if key is None:
            return output
        if self.disk is not None and page.file.dest_uri in self.disk.kept:
            self.memo.files.mark_used(key)  # still the entry of this page
            self.disk.redirect(page.file)
            return UNCHANGED
        if page.file.src_uri in self.hits:
            handed = page.file.src_uri in self.handed
            if handed:
                self.wait_for_helper(page.file.src_uri)
            memoised = self.memo.get(key)
            if memoised is not None:
                self.helped += handed
                return memoised
            # The entry vanished since body(): render the page after all.
            page.meta["template"] = self.hits[page.file.src_uri]
            page.content = self.plans[page.file.src_uri].render()
            output = self.env.get_template(page.meta["template"]).render(self.context)
        self.memo.put(key, output)
        page.content = ""  # written: the body need not be held until the build ends
        return output
