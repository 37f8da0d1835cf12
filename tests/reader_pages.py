"""Shared by the reader's-site browser tests: one URL of each generated page type."""

from __future__ import annotations

from pathlib import Path

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}

# An element whose right edge passes the viewport, outside any box that scrolls sideways
# and itself fits: the page would scroll, or the element is cut off.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth, found = [];
  const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(p).overflowX) && p.getBoundingClientRect().right <= width + 1) return true; }
    return false; };
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width && box.right > width + 1 && !scrolls(el)) found.push(el.tagName + '.' + el.className);
  }
  if (document.documentElement.scrollWidth > width) found.push('document ' + document.documentElement.scrollWidth);
  return found.slice(0, 5);
}"""


def all_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as URLs relative to its root."""
    return sorted("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
                  for p in site.rglob("index.html"))


def one_of_each(site: Path, digest: dict) -> dict[str, str]:
    metrics = sorted(p.parent.name for p in (site / "compare").glob("*/index.html"))
    return {"home": "", "regions": "regions/", "compare": "compare/", "search": "search/", "sources": "sources/",
            "region": digest["regions"][0]["url"], "article": digest["articles"][0]["url"],
            "metric": f"compare/{metrics[0]}/", "fields": "fields/"}
