"""Render the generated pages (HTML bodies) from the digest with Jinja2 templates.

Templates hold presentation; this module only gathers the context for each page.
Every template is rendered with autoescaping on: seed text is data, never markup.

Pages are planned first and rendered on demand: an article or region page's plan carries
a hash of everything its body is made from (its context, pickled, and the templates), so
a rebuild whose finished page is memoised (pagememo.py) never renders it at all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from importlib import metadata
from pathlib import Path

import jinja2

from generator.site import charts, compare, keywords
from generator.site.inputhash import InputHasher
from generator.lexicon.text import MISSING
from generator.site import labels as labels_mod
from generator.site.templatecache import template_cache
from generator import digest as digest_mod
from generator import scriptjson
from generator.cache import inputs_fingerprint
from generator.records import Article, Digest, GeneratedFile, GeneratedPage, Region
from generator.resources import Resources
from generator.settings import Settings

SEARCH_PAGE = "search/"
COMPARE_PAGE = "compare/"
REGIONS_PAGE = "regions/"
SOURCES_PAGE = "sources/"
FIELDS_PAGE = "fields/"
DATA_JSON = "data/digest.json"
DATA_CSV = "data/figures.csv"
METRIC_CSV_DIR = "data/compare/"
TEMPLATE_DIR = Path(__file__).parent / "templates"
LINKS = {"search": SEARCH_PAGE, "compare": COMPARE_PAGE, "regions": REGIONS_PAGE, "sources": SOURCES_PAGE,
         "fields": FIELDS_PAGE, "json": DATA_JSON, "csv": DATA_CSV}


@dataclass(frozen=True)
class PagePlan:
    """A generated page before its body is rendered."""

    path: str  # docs source path: regions/x.md
    title: str
    inputs: str  # hash of everything the body is rendered from: equal inputs, equal body
    render: Callable[[], str]  # the body's HTML


def templates_fingerprint() -> str:
    h = hashlib.sha256()
    for path in sorted(TEMPLATE_DIR.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(TEMPLATE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.site", "templates"),
        bytecode_cache=template_cache(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["script_json"] = script_json
    return env


def script_json(value) -> "jinja2.utils.Markup":
    """JSON safe inside <script> (scriptjson.py), for templates."""
    return jinja2.utils.markupsafe.Markup(scriptjson.dumps(value, compact=False))


def relative(from_url: str, to_url: str) -> str:
    """Link from one directory-style page URL to another site URL ('' is the home page).

    Plain string work on URL segments (what posixpath.relpath computes, without its
    getcwd() per call: pages make hundreds of thousands of links).
    """
    target, _, anchor = to_url.partition("#")
    base = [part for part in from_url.split("/") if part]
    parts = [part for part in target.split("/") if part and part != "."]
    common = 0
    while common < min(len(base), len(parts)) and base[common] == parts[common]:
        common += 1
    rel = "/".join([".."] * (len(base) - common) + parts[common:]) or "."
    if target.endswith("/") or target == "":
        rel = rel.rstrip("/") + "/"
    return rel + (f"#{anchor}" if anchor else "")


def metric_url(row: compare.Row) -> str:
    return f"{COMPARE_PAGE}{row.slug}/"


def metric_csv_url(row: compare.Row) -> str:
    """The indicator's own CSV: figures.csv's columns, every region's figures of the row."""
    return f"{METRIC_CSV_DIR}{row.slug}.csv"


def page_path(url: str) -> str:
    """Docs source path for a directory URL: regions/x/ -> regions/x.md, '' -> index.md."""
    url = url.strip("/")
    return f"{url}.md" if url else "index.md"


class Renderer:
    """Renders every generated page of one digest."""

    def __init__(self, digest: Digest, settings: Settings, resources: Resources,
                 env: jinja2.Environment | None = None, region_keywords: Mapping[Region, list[str]] | None = None,
                 by_region: dict[Region, list[Article]] | None = None):
        """`region_keywords`: keywords.by_region of the digest, when computed before its
        articles' counts were let go; else computed here from those counts. `by_region`:
        digest.articles_by_region of this digest, when the caller has it."""
        self.digest = digest
        self.settings = settings
        self.catalogue = resources.catalogue
        self.env = env or make_environment()
        self.labels = labels_mod.load()
        # What deferred pages depend on besides their context: templates, code, catalogue,
        # units (cache.inputs_fingerprint) and jieba's IDF table (its version).
        self.fingerprint = hashlib.sha256("\0".join([templates_fingerprint(), inputs_fingerprint(settings),
                                                      metadata.version("jieba"),
                                                      labels_mod.LABELS_FILE.read_text(encoding="utf-8")]).encode()).hexdigest()
        self.hasher = InputHasher()
        self.articles = {a.id: a for a in digest.articles}
        self.source_credits = {s.file: digest_mod.source_credit(s) for s in digest.sources}
        # 最近更新 on a region page: the newest publication date (sidecar), else the year.
        self.source_dates = {file: "{}-{:02d}-{:02d}".format(*credit["date"])
                             for file, credit in self.source_credits.items() if credit["date"]}
        self.regions_by_name = {r.name: r for r in digest.regions}
        self.by_region = digest_mod.articles_by_region(digest) if by_region is None else by_region
        # Grouped once: per-page scans of all figures would make the build quadratic.
        self.figures_by_region: dict[str, list] = {}
        self.figures_by_article: dict[str, list] = {}
        for figure in digest.figures:
            self.figures_by_region.setdefault(figure.region, []).append(figure)
            self.figures_by_article.setdefault(figure.article, []).append(figure)
        self.keywords = (keywords.by_region(self.by_region, resources.idf, settings.keywords)
                         if region_keywords is None else region_keywords)

    def _html(self, template: str, url: str, context: dict) -> str:
        labels = self.labels
        return self.env.get_template(template).render(
            url=lambda target: relative(url, target),
            links=LINKS,
            region_url=digest_mod.region_url,
            charts=charts,
            labels=labels,
            shown=lambda f: labels_mod.shown_value(f, labels),
            # (functions, not macros: a macro call cost more than the rest of a figure's table row)
            name_of=lambda f: labels_mod.metric_name(f.measure, f.aspect.value, labels),
            period_of=lambda f: labels_mod.period_label(f, labels),
            **context,
        )

    def _render(self, template: str, url: str, title: str, **context) -> PagePlan:
        """Rendered now; the inputs hash is the body's own."""
        html = self._html(template, url, context)
        return PagePlan(page_path(url), title, hashlib.sha256(html.encode("utf-8")).hexdigest(), lambda: html)

    def _deferred(self, template: str, url: str, title: str, context: dict, *, inputs: dict | None = None) -> PagePlan:
        """Rendered when asked. The context must be plain data (records, strings, numbers)
        and all the template reads besides the fixed links and functions above: its pickle
        is the inputs hash, so two equal contexts always render the same body.

        `inputs` may stand in for the context in that hash, with records replaced by their
        own hashes (InputHasher.record).
        """
        h = hashlib.sha256(self.fingerprint.encode())
        h.update(self.hasher.data_bytes((template, url, title, context if inputs is None else inputs)))

        def render() -> str:
            return self._html(template, url, context)
        return PagePlan(page_path(url), title, h.hexdigest(), render)

    @cached_property
    def comparison_table(self) -> compare.Comparison:
        return compare.build_comparison(self.digest.comparisons, self.digest.figures, self.digest.regions,
                                        self.digest.articles, self.labels)

    def metric_files(self, data: Digest) -> list[GeneratedFile]:
        """Each indicator page's CSV: the contract's figures of its row (every region, every
        period), region by region, latest first, as the page's 各时期数值 table lists them.
        `data`: the digest as read (the contract's, before typesetting)."""
        rows = [[c.figure.id for _, cells in sorted(row.history.items()) for c in cells]
                for row in self.comparison_table.rows]
        by_id = {f["id"]: f for f in digest_mod.contract_figures(data, {i for ids in rows for i in ids})}
        return [GeneratedFile(metric_csv_url(row), digest_mod.figures_csv({"figures": [by_id[i] for i in ids
                                                                                        if i in by_id]}))
                for row, ids in zip(self.comparison_table.rows, rows)]

    def plans(self) -> list[PagePlan]:
        comparison = self.comparison_table
        plans = [self.regions_index(), self.comparison(comparison), self.search(), self.sources(), self.fields()]
        plans += [self.metric(comparison, row) for row in comparison.rows]
        indicators: dict[str, list[tuple[str, str]]] = {}  # region -> the comparison rows it is in
        for row in comparison.rows:
            for name in row.cells:
                indicators.setdefault(name, []).append((row.metric, metric_url(row)))
        plans += [self.region(r, indicators.get(r.name, [])) for r in self.digest.regions]
        plans += [self.article(a) for a in self.digest.articles]
        _refuse_collisions(plans)
        self.hasher.forget()  # the plans have their hashes; the renderer lives on while their pages are written
        return plans

    def pages(self) -> list[GeneratedPage]:
        return [GeneratedPage(path=plan.path, title=plan.title, html=plan.render()) for plan in self.plans()]

    def home_summary(self) -> str:
        """Appended to the hand-written home page: coverage, regions, build date."""
        return self.env.get_template("home_summary.html").render(
            url=lambda target: relative("", target), digest=self.digest,
            by_region=self.by_region, region_url=digest_mod.region_url,
            links=LINKS,
        )

    def regions_index(self) -> PagePlan:
        counts = {name: len(figures) for name, figures in self.figures_by_region.items()}
        return self._render("regions_index.html", REGIONS_PAGE, "地区", by_region=self.by_region, digest=self.digest,
                            figure_counts=counts)

    def region(self, region: Region, indicators: list[tuple[str, str]]) -> PagePlan:
        """A region's page; `indicators` are (name, url) of the comparison rows it has a cell in."""
        figures = self.figures_by_region.get(region.name, [])
        articles = self.by_region.get(region, [])
        by_id = {f.id: f for f in figures}
        cards = [by_id[i] for i in self.digest.key_figures.get(region.name, []) if i in by_id]
        url = digest_mod.region_url(region)
        # Links to the figures' articles, relative to this page: made once per article, not per figure.
        article_links = {a: relative(url, self.articles[a].url) for a in dict.fromkeys(f.article for f in figures)}
        context = {"region": region, "articles": articles, "figures": figures, "key_figures": cards,
                   "article_links": article_links,
                   "keywords": self.keywords.get(region, []), "indicators": indicators,
                   "latest": max((self.source_dates.get(a.source) or str(a.year or "") for a in articles), default="")}
        return self._deferred("region.html", url, region.name, context,
                              inputs={**context, "articles": self.hasher.records(articles),
                                      "figures": self.hasher.records(figures), "key_figures": self.hasher.records(cards)})

    def article(self, article: Article) -> PagePlan:
        context = {"article": article, "figures": self.figures_by_article.get(article.id, []),
                   "gap_marker": MISSING,
                   "credit": self.source_credits.get(article.source) or digest_mod.source_credit(None)}
        return self._deferred("article.html", article.url, article.title, context,
                              inputs={**context, "article": self.hasher.record(article),
                                      "figures": self.hasher.records(context["figures"])})

    def comparison(self, table: compare.Comparison) -> PagePlan:
        matrix = len(table.regions) <= self.settings.compare_matrix_max_regions
        return self._render("compare.html", COMPARE_PAGE, "地区对比", comparison=table, matrix=matrix,
                            article_index=self.articles, metric_url=metric_url)

    def metric(self, table: compare.Comparison, row: compare.Row) -> PagePlan:
        theme = next(t for t in table.themes if row in t.rows)
        return self._deferred("compare_metric.html", metric_url(row), row.metric, {
            "row": row, "theme_name": theme.name, "ranked": row.ranked(), "periods": row.by_period(),
            "chart_max": self.settings.chart_max_bars, "csv_url": metric_csv_url(row),
            "regions_by_name": {n: self.regions_by_name[n] for n in row.cells if n in self.regions_by_name}})

    def sources(self) -> PagePlan:
        by_source: dict[str, list[Article]] = {}
        for article in self.digest.articles:
            for file in [article.source] + article.also_in:
                by_source.setdefault(file, []).append(article)
        warnings_by_file: dict[str, list] = {}
        for warning in self.digest.warnings:
            if warning not in warnings_by_file.setdefault(warning.file, []):
                warnings_by_file[warning.file].append(warning)
        return self._render("sources.html", SOURCES_PAGE, "数据来源", by_source=by_source, digest=self.digest,
                            warnings_by_file=warnings_by_file)

    def fields(self) -> PagePlan:
        return self._render("fields.html", FIELDS_PAGE, "字段说明", digest=self.digest)

    def search(self) -> PagePlan:
        return self._render("search.html", SEARCH_PAGE, "搜索")


def _refuse_collisions(pages: list[PagePlan]) -> None:
    """Two pages on one path would silently overwrite each other."""
    seen: set[str] = set()
    for page in pages:
        if page.path in seen:
            raise ValueError(f"two generated pages want the same path {page.path!r}; "
                             "check region slugs and article ids")
        seen.add(page.path)
