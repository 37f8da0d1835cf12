"""Drive the comparison and region pages in headless Chromium."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_compare_rows_flag_mixed_periods_and_cells_link_to_their_paragraph(page, site_url, seeds_digest):
    page.goto(site_url + "compare/")
    rows = page.locator("table.digest-compare tbody tr")
    assert rows.count() > 0
    for i in range(rows.count()):
        row = rows.nth(i)
        periods = set(row.locator(".digest-compare__period").all_inner_texts())
        assert (len(periods) > 1) == ("时期不一致" in row.inner_text()), row.inner_text()
    if any(len(set(rows.nth(i).locator(".digest-compare__period").all_inner_texts())) > 1 for i in range(rows.count())):
        assert "不宜直接比较" in page.inner_text("article")

    cell = page.locator("table.digest-compare td a").first
    quote = cell.get_attribute("title")
    cell.click()
    page.wait_for_load_state()
    anchor = page.url.split("#", 1)[1]
    assert anchor.startswith("p-")
    assert quote.replace(" ", "") in page.locator(f"#{anchor}").inner_text().replace(" ", "")


def test_compare_charts_have_one_labelled_bar_per_region_of_their_row(page, site_url, seeds_digest):
    page.goto(site_url + "compare/")
    charts = page.locator("figure.digest-chart-figure")
    # The seeds share comparable metrics between regions (e.g. high-tech enterprises).
    assert charts.count() >= 1
    headers = page.locator("table.digest-compare thead th").all_inner_texts()[1:]
    for i in range(charts.count()):
        chart = charts.nth(i)
        row = page.locator(f"tr[data-row='{chart.get_attribute('data-row')}']")
        cells = row.locator("td")
        filled = [headers[k] for k in range(cells.count()) if "digest-compare__empty" not in (cells.nth(k).get_attribute("class") or "")]
        bars = chart.locator("svg g.digest-chart__bar")
        assert bars.count() == len(filled) >= 2
        labels = [bars.nth(k).locator("text").first.text_content() for k in range(bars.count())]
        assert sorted(labels) == sorted(filled)
        for k in range(bars.count()):
            assert (bars.nth(k).locator("text.digest-chart__value").text_content() or "").strip()
        assert chart.locator("svg title").count() >= 1
    assert page.locator("figure.digest-chart-figure script").count() == 0


def test_region_cards_link_to_the_quoted_paragraph(page, site_url, seeds_digest):
    region = next(r for r in seeds_digest["regions"] if r["key_figures"])
    page.goto(site_url + region["url"])
    cards = page.locator(".digest-card")
    assert cards.count() > 0
    card = cards.first
    quote = card.get_attribute("title")
    card.click()
    page.wait_for_load_state()
    anchor = page.url.split("#", 1)[1]
    assert quote.replace(" ", "") in page.locator(f"#{anchor}").inner_text().replace(" ", "")


def test_every_card_and_cell_shows_its_period_and_none_is_a_target_or_a_part(page, site_url, seeds_digest):
    figures = {f["id"]: f for f in seeds_digest["figures"]}
    for region in (r for r in seeds_digest["regions"] if r["key_figures"]):
        page.goto(site_url + region["url"])
        cards = page.locator(".digest-card")
        assert cards.count() == len(region["key_figures"])
        for k in range(cards.count()):
            f = figures[cards.nth(k).get_attribute("data-figure")]
            assert f["scope"] is None and f["modality"] != "target" and f["period"]
            assert cards.nth(k).locator(".digest-card__period").inner_text().strip()
    cell_ids = [c["figure"] for row in seeds_digest["comparisons"] for c in row["cells"]]
    for fid in cell_ids:
        f = figures[fid]
        assert f["scope"] is None and f["modality"] == "actual" and f["period"] and not f["start_value"]
    if cell_ids:
        page.goto(site_url + "compare/")
        for period in page.locator(".digest-compare__period").all_inner_texts():
            assert period.strip()


def test_indicator_pages_rank_regions_only_when_their_periods_agree(page, site_url, seeds_digest):
    """A five-year total and a ten-month total are not ranked against each other: a page whose
    latest values come from different periods says so and drops the 排序 column."""
    page.goto(site_url + "compare/")
    links = sorted({a.evaluate("a => a.href") for a in page.locator("table.digest-compare th a").all()})
    assert links
    seen_mixed = False
    for href in links:
        page.goto(href)
        mixed = page.locator(".digest-warning").count() > 0
        seen_mixed = seen_mixed or mixed
        headers = page.locator("#latest + table thead th").all_inner_texts()
        assert ("排序" in headers) == (not mixed), (page.url, headers)
    assert seen_mixed  # the seeds have rows of mixed periods (2021—2025 against January–October)
