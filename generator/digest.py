"""Assemble the digest (the data contract) from per-file results, and serialise it.

`site/data/digest.json` follows generator/schema/digest.schema.json; `figures.csv`
is UTF-8 with a BOM so spreadsheet programs open it as UTF-8.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime, timezone
from itertools import islice
from operator import itemgetter
from pathlib import Path

from generator.dedupe import merge_duplicates
from generator.read.figures import Cues, select, trust
from generator.records import (UNKNOWN_REGION, Article, DataWarning, Digest, FileResult, Figure, Period, Region,
                               Source)
from generator.settings import Settings
from generator.typedjson import Shared

SCHEMA_VERSION = 1


def build_digest(sources: list[Source], results: dict[str, FileResult], settings: Settings, cues: Cues) -> Digest:
    """The digest of every readable source's result; records are copied, never changed.
    `cues` (the build's resources.cues) decide which figures make cards and comparison rows."""
    articles: list[Article] = []
    figures: list[Figure] = []
    warnings: list[DataWarning] = []
    regions: set[Region] = set()
    for source in sources:
        warnings.extend(source.warnings)
        result = results.get(source.file)
        if result is None:
            continue
        articles.extend(result.articles)
        figures.extend(result.figures)
        warnings.extend(result.warnings)
        regions.update(result.regions)
    articles, figures, copies = merge_duplicates(articles, figures)
    warnings.extend(copies)
    articles = _unique_ids(articles)
    regions.update(a.region for a in articles)
    figures, withheld = trust.withhold(_known_regions(figures, articles, regions))
    return Digest(
        key_figures=select.key_figures(figures, settings.key_figures, cues),
        comparisons=select.comparisons(figures, cues),
        # without their text: the per-file stages have read it, and nothing after them does
        sources=[replace(s, text="") if s.text else s for s in sources],
        articles=articles,
        regions=sorted(regions, key=_region_order),
        figures=figures,
        warnings=warnings,
        build_date=build_date(articles),
        withheld=withheld,
    )


# Figure fields short enough to recur across figures (units, regions, measures, article ids).
_SHORT = 32
# The recurring words of per-file results, one string object each however many results hold
# them, shared as the results are decoded (the cache's and the workers' alike, ResultCache):
# each figure's short texts and its period's. Decoded apart, each would be an object of its
# own. Only objects change, never values. (The articles' keyword candidates and search words
# are kept packed, one string each, until they are read: wordpack.py.)
SHARED_WORDS = Shared(((Figure, "", _SHORT), (Period, "", None)))


def _region_order(region: Region) -> tuple:
    # Unknown region last; the rest by administrative code (province, city, county order).
    return (region == UNKNOWN_REGION, region.code, region.name)


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Two articles with the same source, title and lead would collide on one page: the
    later ones get a numbered id."""
    seen: dict[str, int] = {}
    unique: list[Article] = []
    for article in articles:
        n = seen.get(article.id, 0)
        seen[article.id] = n + 1
        if n:
            article = replace(article, id=f"{article.id}-{n + 1}", url=f"articles/{article.id}-{n + 1}/")
        unique.append(article)
    return unique


def _known_regions(figures: list[Figure], articles: list[Article], regions: set[Region]) -> list[Figure]:
    """A figure whose unit could not be resolved to a known region falls back to its article's."""
    known = {r.name for r in regions}
    by_id = {a.id: a for a in articles}
    return [replace(f, region=by_id[f.article].region.name) if f.region not in known and f.article in by_id else f
            for f in figures]


def build_date(articles: list[Article]) -> str:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the newest year in the data."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date().isoformat()
    years = [a.year for a in articles if a.year]
    return str(max(years)) if years else ""


def source_url(source: Source) -> str:
    """The page's original URL from its sidecar, only when it is a web address (never javascript:)."""
    url = source.sidecar.url if source.sidecar else ""
    return url if url.lower().startswith(("http://", "https://")) else ""


_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")


def source_credit(source: Source | None) -> dict:
    """Where the page was printed, from its sidecar (outlet, date, page) for the article's
    来源 line: {"outlet": str, "date": (y, m, d) | None, "page": str, "url": str}, all
    empty when nothing is known."""
    override = source.override if source is not None else {}
    found = _DATE.match(str(override.get("date", "")))
    return {"outlet": str(override.get("outlet", "")).strip(),
            "date": tuple(int(x) for x in found.groups()) if found else None,
            "page": str(override.get("page", "")).strip(),
            "url": source_url(source) if source is not None else ""}


def region_url(region: Region) -> str:
    return f"regions/{region.slug}/"


def articles_by_region(digest: Digest) -> dict[Region, list[Article]]:
    """Articles about each region, then the articles that only give figures about it."""
    grouped: dict[Region, list[Article]] = {r: [] for r in digest.regions}
    for article in digest.articles:
        grouped[article.region].append(article)
    # the ids listed under each region's name (ids are unique: _unique_ids), not a scan of its list per figure
    listed = {r.name: (grouped[r], {a.id for a in grouped[r]}) for r in digest.regions}
    by_id = {a.id: a for a in digest.articles}
    for figure in digest.figures:
        found = listed.get(figure.region)
        if found is not None and figure.article not in found[1] and figure.article in by_id:
            found[0].append(by_id[figure.article])
            found[1].add(figure.article)
    return grouped


def regrouped(grouped: dict[Region, list[Article]], articles: list[Article]) -> dict[Region, list[Article]]:
    """articles_by_region's groups with each article replaced by the one of `articles` with its
    id (the typeset copy of the digest they were grouped from: the same ids, in the same groups)."""
    by_id = {a.id: a for a in articles}
    return {region: [by_id[a.id] for a in listed] for region, listed in grouped.items()}


def figure_url(figure: Figure, articles: dict[str, Article]) -> str:
    return f"{articles[figure.article].url}#p-{figure.paragraph}"


def to_contract(digest: Digest, streamed: bool = False, grouped: dict[Region, list[Article]] | None = None) -> dict:
    """The digest as plain JSON data (see the schema). `streamed`: its articles and figures
    as iterators, each item made as it is taken (write_contract), never all at once.
    `grouped`: articles_by_region(digest) when the caller has it."""
    by_source: dict[str, list[str]] = {}
    for article in digest.articles:
        for file in [article.source] + article.also_in:
            by_source.setdefault(file, []).append(article.id)
    grouped = articles_by_region(digest) if grouped is None else grouped
    # Every warning is listed under the file it is about, whichever stage raised it.
    by_file: dict[str, list[str]] = {}
    for warning in digest.warnings:
        by_file.setdefault(warning.file, []).append(str(warning))
    return {
        "schema_version": SCHEMA_VERSION,
        "build_date": digest.build_date,
        "sources": [
            {
                "file": s.file,
                "encoding": s.encoding,
                "sha256": s.sha256,
                "size": s.size,
                "status": s.status.value,
                "url": source_url(s),
                "articles": by_source.get(s.file, []),
                "warnings": list(dict.fromkeys(by_file.get(s.file, []))),
            }
            for s in digest.sources
        ],
        "regions": [
            {
                "name": r.name,
                "city": r.city,
                "province": r.province,
                "code": r.code,
                "level": r.level,
                "slug": r.slug,
                "url": region_url(r),
                "articles": [a.id for a in grouped[r]],
                "key_figures": digest.key_figures.get(r.name, []),
            }
            for r in digest.regions
        ],
        "articles": _maybe_list(streamed, (
            {
                "id": a.id,
                "source": a.source,
                "title": a.title,
                "subtitle": a.draft.subtitle,
                "kicker": a.draft.kicker,
                "region": a.region.name,
                "city": a.region.city,
                "province": a.region.province,
                "year": a.year,
                "year_evidence": a.year_evidence,
                "authors": a.draft.authors,
                "captions": a.draft.captions,
                "headings": a.draft.headings,
                "paragraphs": a.paragraphs,
                "fragments": a.draft.fragments,
                "url": a.url,
            }
            for a in digest.articles
        )),
        "figures": _maybe_list(streamed, contract_figures(digest)),
        "comparisons": [select.comparison_json(row) for row in digest.comparisons],
        "warnings": [str(w) for w in digest.warnings],
    }


def _maybe_list(streamed: bool, items: Iterator) -> Iterator | list:
    return items if streamed else list(items)


def contract_figures(digest: Digest, ids: set[str] | None = None) -> Iterator[dict]:
    """The contract's figures (all, or those in `ids`), one at a time."""
    article_index = {a.id: a for a in digest.articles}
    # `metric` is the label a reader sees: the standard indicator when there is one, else the measure.
    for f in digest.figures:
        if ids is None or f.id in ids:
            item = select.figure_json(f)  # (a new dict: completed in place, not copied)
            item["metric"] = f.indicator or f.measure
            item["url"] = figure_url(f, article_index)
            yield item


def contract_json(data: dict) -> bytes:
    """Deterministic JSON: sorted keys, no clock, UTF-8.

    One line: an indented dump goes through json's pure-Python encoder, ten times slower
    on a large corpus, for a file that programs read.
    """
    return (json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


# Items of a top-level list encoded at a time by contract_chunks.
_BATCH = 500


def contract_chunks(data: dict) -> Iterator[bytes]:
    """contract_json(data) in pieces (joined, the same bytes), a few hundred list items at
    a time: a large digest is written without ever being one string (at 10,000 articles
    the string and its bytes took hundreds of MB at once)."""
    def dumps(value) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    yield b"{"
    for n, key in enumerate(sorted(data)):
        value = data[key]
        yield ((", " if n else "") + dumps(key) + ": ").encode("utf-8")
        if not isinstance(value, (list, Iterator)):
            yield dumps(value).encode("utf-8")
            continue
        yield b"["
        for start, batch in enumerate(_batches(value)):
            # A list's items joined by ", ", as json writes them inside its brackets: one
            # call per batch, not per item (each call sets up an encoder).
            yield ((", " if start else "") + dumps(batch)[1:-1]).encode("utf-8")
        yield b"]"
    yield b"}\n"


def _batches(items: Iterable) -> Iterator[list]:
    items = iter(items)
    while batch := list(islice(items, _BATCH)):
        yield batch


def write_contract(data: dict, path: Path) -> None:
    """contract_json(data) written to `path`, piece by piece (contract_chunks)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        for chunk in contract_chunks(data):
            f.write(chunk)


CSV_COLUMNS = ["id", "region", "measure", "indicator", "aspect", "base", "scope", "modality", "period_start",
               "period_end", "period_text", "qualifier", "value", "unit", "value_normalized", "unit_normalized",
               "quote", "article", "url"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    """Spreadsheet-safe cell: text that a spreadsheet would run as a formula gets a leading quote."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def figures_csv(data: dict) -> bytes:
    return b"".join(csv_chunks(data["figures"]))


def write_data(data: Digest, json_path: Path, csv_path: Path,
               grouped: dict[Region, list[Article]] | None = None) -> None:
    """digest.json (write_contract of the streamed contract) and figures.csv written in one
    pass over the figures: each figure's contract item is made once for both files, a batch
    at a time (at 100,000 articles the whole text, its buffer and its bytes took GBs at once)."""
    contract = to_contract(data, streamed=True, grouped=grouped)
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    with open(csv_path, "wb") as table:
        table.write(_csv_header())
        contract["figures"] = _written_along(contract["figures"], table)
        write_contract(contract, json_path)
        for _ in contract["figures"]:  # any the JSON writer did not take still go into the CSV
            pass


def _written_along(figures: Iterable[dict], table) -> Iterator[dict]:
    """The figures, each batch written as CSV rows into `table` before it is passed on."""
    for batch in _batches(figures):
        table.write(_csv_rows(batch))
        yield from batch


def csv_chunks(figures: Iterable[dict]) -> Iterator[bytes]:
    """The CSV's bytes (BOM, header, a row per figure), a few hundred rows at a time."""
    yield _csv_header()
    for batch in _batches(figures):
        yield _csv_rows(batch)


def _csv_header() -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(CSV_COLUMNS)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_rows(figures: list[dict]) -> bytes:
    buffer = io.StringIO()
    # Each row's cells as a tuple in column order (the period's three from its dict), then
    # made safe: a text that cannot start a formula is its own cell, as most are.
    rows = [(*_BEFORE_PERIOD(f), *_period_cells(f), *_AFTER_PERIOD(f)) for f in figures]
    csv.writer(buffer, lineterminator="\r\n").writerows(
        [v if type(v) is str and v[:1] not in _FORMULA_FIRST else "" if v is None else _cell(v) for v in row]
        for row in rows)
    return buffer.getvalue().encode("utf-8")


_PERIOD_COLUMNS = ("period_start", "period_end", "period_text")
_BEFORE_PERIOD = itemgetter(*CSV_COLUMNS[:CSV_COLUMNS.index(_PERIOD_COLUMNS[0])])
_AFTER_PERIOD = itemgetter(*CSV_COLUMNS[CSV_COLUMNS.index(_PERIOD_COLUMNS[-1]) + 1:])
_FORMULA_FIRST = frozenset(_FORMULA_START)
_NO_PERIOD: dict = {}


def _period_cells(figure: dict) -> tuple:
    """The period's three cells: from its "period" dict, unless the figure has them as
    columns already (a caller may pass rows flat: those win, as they did)."""
    period = figure.get("period") or _NO_PERIOD
    return (figure.get("period_start", period.get("start")), figure.get("period_end", period.get("end")),
            figure.get("period_text", period.get("text")))
