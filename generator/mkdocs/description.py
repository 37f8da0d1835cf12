"""A page's description for its meta tags (theme_overrides/main.html): the text after its h1,
tags stripped, cut to LENGTH characters.

What Jinja's filters give for `content.split("</h1>", 1)[-1] | striptags | replace("¶", "")
| truncate(LENGTH, true, "…", 0)`, but read from the start of the page only: MarkupSafe's
striptags rebuilds the whole text once per tag it removes, so its cost grows with a page's
length times its tags (a region page of the 1,000-article site: 0.37 ms whole, 0.14 ms from
its start; a small share of the page's template). Stripping a start of the page that ends
just after a ">" gives a start of what stripping the whole page gives (each "<" meets the
same ">"; only the last few characters can differ: whitespace, an entity cut short), so once
that start yields MARGIN characters more than the description keeps, it is the description;
otherwise the whole page is read. Pages with a comment are read whole: a comment's end may
lie past the cut.
"""

from __future__ import annotations

from markupsafe import Markup

LENGTH, END = 120, "…"
MARGIN = 16  # characters read past the cut: more than an entity or a run of whitespace can change
FIRST_READ = 2048  # characters of HTML read first; four times as many each time that is not enough


def page_description(content: str | None) -> str:
    """The description of a page whose body HTML is `content` (None: "")."""
    html = (content or "").split("</h1>", 1)[-1]
    if "<!--" not in html:
        size = FIRST_READ
        while size < len(html):
            cut = html.rfind(">", 0, size) + 1
            if cut:
                text = _text(html[:cut])
                if len(text) > LENGTH + MARGIN:
                    return text[:LENGTH - len(END)] + END
            size *= 4
    text = _text(html)
    return text if len(text) <= LENGTH else text[:LENGTH - len(END)] + END


def _text(html: str) -> str:
    # a plain str: main.html escapes it (| e leaves Markup as it is)
    return str(Markup(html).striptags()).replace("¶", "")
