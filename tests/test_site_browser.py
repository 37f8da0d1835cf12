"""Drive the built site in headless Chromium: home, a region page, an article page."""

from __future__ import annotations

import pytest

from generator.site.typeset import typeset

pytestmark = pytest.mark.browser


def test_home_region_and_article_pages_show_chinese_text(page, site_url, seeds_digest):
    page.goto(site_url)
    assert "收录范围" in page.inner_text("article")
    region = seeds_digest["regions"][0]
    page.click(f"article a[href$='{region['url']}']")
    page.wait_for_load_state()
    assert page.url.endswith(region["url"])
    assert region["name"] in page.inner_text("h1")

    article = next(a for a in seeds_digest["articles"] if a["id"] == region["articles"][0])
    page.goto(site_url + article["url"])
    assert page.inner_text("article h1") == typeset(article["title"])
    first = page.locator("#p-1")
    assert first.is_visible()
    # The paragraph shows the clean text, punctuation typeset full-width (anchor marker aside).
    assert typeset(article["paragraphs"][0]) in first.inner_text()


def test_pages_typeset_half_width_punctuation(page, site_url, seeds_digest):
    article = next(a for a in seeds_digest["articles"] if any("," in p for p in a["paragraphs"]))
    paragraph = next(i for i, p in enumerate(article["paragraphs"], 1) if "," in p)
    page.goto(site_url + article["url"])
    shown = page.inner_text(f"#p-{paragraph}")
    assert "，" in shown
    assert typeset(article["paragraphs"][paragraph - 1]) in shown
