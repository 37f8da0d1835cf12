"""Shared helpers for the stage tests: run decode -> clean -> split -> locate on a folder
and write the fields the scorer reads (python -m tests.stage_helpers SEEDS OUT.json)."""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

from generator.read import clean, decode, locate, split
from generator.lexicon.gazetteer import Gazetteer
from generator.records import Article, SourceStatus
from generator.settings import Settings
from generator.lexicon.words import Words


PAGES = Path(__file__).parent / "pages"


@lru_cache(maxsize=1)
def shared_words() -> Words:
    """One jieba dictionary for the whole test session (loading takes about a second)."""
    return Words()


@lru_cache(maxsize=1)
def shared_gazetteer() -> Gazetteer:
    """One gazetteer for the whole test session (loading takes about a second)."""
    return Gazetteer.load(shared_words())


def page_source(name: str, data: bytes | None = None):
    """A decoded Source for a composed page of tests/pages (or for given bytes)."""
    from generator.read.decode import decode_bytes

    return decode_bytes(name, data if data is not None else (PAGES / name).read_bytes())


def run_page(name: str, data: bytes | None = None) -> list[Article]:
    gaz = shared_gazetteer()
    source = page_source(name, data)
    drafts = split.split_articles(clean.clean_source(source, words=shared_words()), gaz, shared_words())
    return locate.locate_articles(drafts, gaz, source)


def run_stages(seeds_dir: Path, gazetteer: Gazetteer, settings: Settings | None = None) -> list[Article]:
    settings = settings or Settings(seeds_dir=seeds_dir)
    articles: list[Article] = []
    for source in decode.read_sources(seeds_dir, settings):
        if source.status not in (SourceStatus.OK, SourceStatus.REPAIRED):
            continue
        page = clean.clean_source(source, words=shared_words())
        drafts = split.split_articles(page, gazetteer, shared_words())
        articles += locate.locate_articles(drafts, gazetteer, source)
    return articles


def digest_json(articles: list[Article]) -> dict:
    return {"articles": [{"id": a.id, "source": a.source, "region": a.region.name, "title": a.title,
                          "year": a.year, "paragraphs": a.paragraphs} for a in articles],
            "figures": []}


def main(argv: list[str]) -> int:
    seeds, out = Path(argv[0]), Path(argv[1])
    articles = run_stages(seeds, Gazetteer.load())
    out.write_text(json.dumps(digest_json(articles), ensure_ascii=False, indent=1), encoding="utf-8")
    for a in articles:
        print(f"{a.source[:3]} {a.region.name:6} {a.year} frags={a.draft.fragments} {a.title[:30]}  [{a.region_evidence[:40]}] [{a.year_evidence[:30]}]")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
