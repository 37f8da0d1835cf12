"""Content-Security-Policy (theme_overrides/main.html): every page carries it, the site
satisfies it (no violation on any page type, search included), and it is enforced."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest

from helpers import ROOT

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
REPORT = ("document.addEventListener('securitypolicyviolation', e =>"
          " (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI))")


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_carries_the_policy_before_any_script_or_style(seeds_site):
    for path in html_files(seeds_site):
        html = path.read_text(encoding="utf-8")
        meta = CSP_META.search(html)
        assert meta, path
        policy = dict(d.strip().split(" ", 1) for d in meta.group(1).split(";"))
        assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'", path
        assert "unsafe" not in meta.group(1)
        first = min((m.start() for m in re.finditer(r"<script|<style|<link rel=\"stylesheet\"", html)), default=len(html))
        assert meta.start() < first, path


def test_no_inline_script_handler_or_style_attribute_in_the_site(seeds_site):
    for path in html_files(seeds_site):
        html = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, (path, tag)
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html), path
        assert not re.search(r"<[a-z][^>]*\sstyle\s*=", html), path
        assert "<style" not in html, path
        assert "javascript:" not in html.lower(), path


def test_templates_have_no_inline_handlers_or_scripts():
    for folder in (ROOT / "generator" / "site" / "templates", ROOT / "theme_overrides"):
        for path in sorted(folder.rglob("*.html")):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"\son[a-z]+\s*=", text), path
            assert not re.search(r"\sstyle\s*=", text), path
            for tag in re.findall(r"<script\b[^>]*>", text):
                assert "src=" in tag, (path, tag)


def page_paths(site: Path) -> list[str]:
    """Home, a region page, an article page, the comparison, a metric page, sources, the
    search page with a query."""
    def first(pattern: str) -> str:
        return next(site.glob(pattern)).parent.relative_to(site).as_posix() + "/"
    return ["", "regions/", first("regions/*/index.html"), first("articles/*/index.html"), "compare/",
            first("compare/*/index.html"), "sources/", "about/", "search/?q=" + quote("民生实事")]


@pytest.mark.browser
def test_site_satisfies_the_policy_and_search_works_under_it(page, seeds_site, site_url):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(REPORT)  # devtools injection: not subject to the policy
    for path in page_paths(seeds_site):
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        if path.startswith("search/"):
            page.wait_for_selector("#search-results[data-state=done]")
            assert page.locator("#search-results li.search-hit").count() > 0
        else:  # the header box searches on every page
            page.fill("#digest-search-input", "民生实事")
            page.wait_for_selector(".digest-search__panel li.search-hit")
        assert page.evaluate("window.__cspViolations || []") == [], path
    assert errors == [], errors


@pytest.mark.browser
def test_policy_is_enforced(page, site_url):
    """An inline script added to the page is refused: the policy is in force, not decoration."""
    page.add_init_script(REPORT)
    page.goto(site_url)
    page.wait_for_load_state("load")
    ran = page.evaluate("""() => new Promise(resolve => {
        window.__ran = false;
        const s = document.createElement('script');
        s.textContent = 'window.__ran = true';
        document.body.appendChild(s);
        setTimeout(() => resolve(window.__ran), 100);
    })""")
    assert ran is False
    assert any(v.startswith("script-src") for v in page.evaluate("window.__cspViolations"))
