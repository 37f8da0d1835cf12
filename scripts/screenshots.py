"""Screenshots of each page type at phone and desktop size (`make screenshots`).

Serves the built site under /digest/, as a GitHub Pages project site would be served (build
it with SITE_URL ending in /digest/, as `make screenshots` does), and writes one PNG per page type and viewport into the output folder (ignored by git).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from helpers import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

VIEWPORTS = {"phone": (390, 844), "desktop": (1366, 900)}
FULL_PAGE = {"compare", "metric", "search-across"}  # what matters is below the fold
PREFIX = "/digest/"


def page_types(site: Path) -> dict[str, str]:
    """One URL (relative to the site root) per page type, chosen from the built digest."""
    digest = json.loads((site / "data" / "digest.json").read_text(encoding="utf-8"))
    metrics = sorted(p.parent.name for p in (site / "compare").glob("*/index.html"))
    urls = {"home": "", "regions": "regions/", "compare": "compare/", "search": "search/?q=乡村振兴",
            "search-across": "search/?q=消费 帮扶", "sources": "sources/", "fields": "fields/", "about": "about/",
            "404": "no-such-page/"}
    if digest["regions"]:
        urls["region"] = digest["regions"][0]["url"]
    if digest["articles"]:
        urls["article"] = digest["articles"][0]["url"]
    if metrics:
        urls["metric"] = f"compare/{metrics[0]}/"
    return urls


def main(site: Path, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    urls = page_types(site)
    with serve(site, PREFIX) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size, (width, height) in VIEWPORTS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for name, url in urls.items():
                page.goto(base + url)
                page.wait_for_load_state("networkidle")
                target = out / f"{name}-{size}.png"
                page.screenshot(path=str(target), full_page=name in FULL_PAGE)
                print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
            context.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site",
         Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "tests" / ".artifacts" / "screenshots")
