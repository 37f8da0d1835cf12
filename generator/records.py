"""The typed records that flow between pipeline stages.

Every stage is a function from these records to these records:

    decode.read_sources      Path            -> list[Source]
    clean.clean_source       Source          -> CleanPage
    split.split_articles     CleanPage       -> list[ArticleDraft]
    locate.locate_articles   ArticleDraft    -> Article          (region, year)
    figures.extract_figures  Article         -> list[Figure]
    build.process_source     Source          -> FileResult       (the stages above, cached)
    digest.build_digest      list[FileResult]-> Digest           (the data contract)
    pages.Renderer.plans     Digest          -> list[PagePlan]   (bodies rendered on demand)
    terms.article_terms      Article         -> SearchTerms      (in the per-file stage, beside the articles)
    index.build_search       Digest, {article id: SearchTerms} -> list[GeneratedFile] (background.py: beside the pages)

Nothing here does work; the records are plain data so that tests can build them by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from enum import Enum
from operator import attrgetter


class SourceStatus(str, Enum):
    """What happened when a seed file was read."""

    OK = "ok"
    """Decoded cleanly."""
    REPAIRED = "repaired"
    """Decoded with some undecodable bytes replaced (a warning says where)."""
    EMPTY = "empty"
    """No text at all, or whitespace only."""
    BINARY = "binary"
    """Not text (NUL bytes, image signature...)."""
    TOO_LARGE = "too_large"
    """Larger than the configured limit; not read."""
    DUPLICATE = "duplicate"
    """Same content as another seed (or the same name once escaped); articles come from the first one only."""
    LINK = "link"
    """A symbolic link: never followed, so nothing outside seeds/ is read."""
    NOT_A_FILE = "not_a_file"
    """A directory, FIFO, device or socket; not read."""
    HIDDEN = "hidden"
    """A name starting with a dot; not read."""
    ORPHAN_SIDECAR = "orphan_sidecar"
    """A NAME.yml with no page NAME.* beside it; not read."""


@dataclass(frozen=True, slots=True)
class DataWarning:
    """A problem in the input, with where it is and what to do about it."""

    file: str
    message: str
    hint: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}" + (f" ({self.hint})" if self.hint else "")


@dataclass(frozen=True, slots=True)
class Sidecar:
    """The checked fields of a sidecar seeds/NAME.yml (sidecar.py); empty ones were not given."""

    file: str  # the sidecar's file name
    title: str = ""
    region: str = ""  # 某区, or "省 市 区" with parents
    year: int | None = None
    url: str = ""  # http(s) only
    outlet: str = ""  # newspaper name
    date: str = ""  # publication date, YYYY-MM-DD
    page: str = ""  # page label, e.g. 第3版

    def fields(self) -> dict:
        """The given fields as plain data (cache keys, tests)."""
        return {k: getattr(self, k) for k in SIDECAR_FIELDS if getattr(self, k) not in (None, "")}


SIDECAR_FIELDS = tuple(f.name for f in fields(Sidecar) if f.name != "file")  # the keys a sidecar may give


@dataclass(frozen=True, slots=True)
class Source:
    """One file of seeds/ as read from disk. Frozen: decode makes a new record
    (dataclasses.replace) to mark a duplicate or attach a sidecar."""

    file: str  # file name in seeds/, control characters and undecodable bytes escaped (decode.display_name)
    sha256: str
    size: int
    encoding: str | None = None
    status: SourceStatus = SourceStatus.OK
    text: str = ""  # decoded text, newlines normalised to \n
    warnings: list[DataWarning] = field(default_factory=list)
    sidecar: Sidecar | None = None  # checked sidecar seeds/NAME.yml, if one applies

    @property
    def override(self) -> dict:
        """The sidecar's given fields as plain data ({} without one)."""
        return self.sidecar.fields() if self.sidecar else {}


class BlockKind(str, Enum):
    """The role of one block of a cleaned page."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"  # a section heading inside an article
    TITLE = "title"
    SUBTITLE = "subtitle"  # ——……纪实
    KICKER = "kicker"  # series line above a title (善治天心②)
    BYLINE = "byline"
    CAPTION = "caption"
    CREDIT = "credit"  # photo credit (■xx 摄, xx供图)
    FURNITURE = "furniture"  # page header/footer, editor line


@dataclass(slots=True)
class Block:
    """A paragraph-sized piece of a page, joined across column breaks, with its role."""

    kind: BlockKind
    text: str
    line: int  # 1-based first line in the source file
    end_line: int = 0  # 1-based last line


@dataclass
class CleanPage:
    """A page after decoding and cleaning, before it is split into articles."""

    source: Source
    blocks: list[Block]
    warnings: list[DataWarning] = field(default_factory=list)


@dataclass(slots=True)
class Section:
    """A run of paragraphs under one heading (heading None before the first one)."""

    heading: str | None
    paragraphs: list[str]


@dataclass(frozen=True, slots=True)
class ArticleDraft:
    """One article as split out of a page, fragments already in reading order. Frozen: a
    later stage (locate) makes a new draft (dataclasses.replace) to add its warnings."""

    source: str  # seed file name
    title: str
    sections: list[Section]
    subtitle: str = ""
    kicker: str = ""
    authors: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    fragments: int = 1
    lines: list[tuple[int, int]] = field(default_factory=list)  # source line spans of the body
    warnings: list[DataWarning] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [p for s in self.sections for p in s.paragraphs]

    @property
    def headings(self) -> list[str]:
        return [s.heading for s in self.sections if s.heading]


@dataclass(frozen=True, slots=True)
class Region:
    """A county-level or higher administrative unit, as the gazetteer names it."""

    name: str  # full official name: 蒸湘区
    city: str  # 衡阳市 (same as name for a prefecture-level city)
    province: str  # 湖南省
    code: str  # administrative code: 430408
    level: str  # "province" | "city" | "county"
    slug: str  # pinyin slug used in URLs: zhengxiang-qu

    @property
    def label(self) -> str:
        """Name with its parents, for display: 湖南省 衡阳市 蒸湘区."""
        parts = [self.province, self.city, self.name]
        return " ".join(dict.fromkeys(p for p in parts if p))


UNKNOWN_REGION = Region(name="未识别地区", city="", province="", code="", level="unknown", slug="unknown")


@dataclass(frozen=True, slots=True)
class SearchTerms:
    """The part of an article's search data that needs no other article (search.terms.article_terms).

    Computed in the cached per-file stage and kept beside the articles (FileResult.search_terms),
    so a rebuild does not run jieba or the synonym scan again over the articles that did not change.
    """

    words: str  # jieba vocabulary words of title, headings and paragraphs, sorted: packed (wordpack.py)
    synonyms: tuple[tuple[str, ...], ...]  # per searchable section: canonical metric names it mentions


# An article's keyword candidates by count: item i holds the words counted i + 1 times, in the
# order first counted. Not a dict: a tuple of shared words is a third of a dict's memory, and
# at 10,000 articles of ~290 candidates each the dicts were the parent's largest item.
TermCounts = tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Article:
    """An article with everything the site shows about it. Frozen: a later stage makes a
    new record (dataclasses.replace) rather than changing the one it was given."""

    id: str  # stable, derived from content
    draft: ArticleDraft
    region: Region
    year: int | None = None
    year_evidence: str = ""
    region_evidence: str = ""
    url: str = ""  # site-relative URL of its page, e.g. articles/<id>/
    also_in: list[str] = field(default_factory=list)  # other seed files carrying the same text (dedupe.py)
    term_counts: str = ""  # keyword candidates, words by count (keywords.py): TermCounts packed (wordpack.py)

    # Convenience pass-throughs so templates and stages read naturally.
    @property
    def source(self) -> str:
        return self.draft.source

    @property
    def title(self) -> str:
        return self.draft.title

    @property
    def paragraphs(self) -> list[str]:
        return self.draft.paragraphs


class Aspect(str, Enum):
    """What a figure's number is about (shared FRAMES.md, "aspect")."""

    LEVEL = "level"  # an amount or count at a time, or a period's total
    INCREMENT = "increment"  # added, built, done within the period
    GROWTH = "growth"  # % change over the previous (or a named) period
    GROWTH_AVG = "growth_avg"  # average annual growth over several years
    SHARE = "share"  # part of a whole (base: the whole)
    RANK = "rank"  # position in a list (base: the list)
    MULTIPLE = "multiple"  # N times something
    CHANGE = "change"  # difference in points or amount versus a reference


class Modality(str, Enum):
    ACTUAL = "actual"
    TARGET = "target"
    ESTIMATE = "estimate"


@dataclass(frozen=True, slots=True)
class Period:
    """The time a figure covers, as the text gives it. start/end are YYYY or YYYY-MM; start None
    for an open span (近年来)."""

    text: str  # the governing time words: 上半年, “十四五”期间, 2024年
    start: str | None
    end: str


@dataclass(frozen=True, slots=True)
class Figure:
    """One number of an article read into a frame (slots: shared FRAMES.md)."""

    id: str
    article: str  # article id
    region: str  # region full name: the article's region
    measure: str  # what is counted, as a reader would label it, without aspect words
    value: str  # as written: "146.04", "两"
    unit: str  # as written: 亿元
    value_normalized: float  # in unit_normalized; negative for a decrease
    unit_normalized: str  # 元
    quote: str  # exact substring of one paragraph of the article
    paragraph: int  # 1-based index of that paragraph (anchor #p-N)
    aspect: Aspect = Aspect.LEVEL
    indicator: str | None = None  # one of the standard indicators (data/indicators.yml), or None
    base: str | None = None  # the whole of a share, the list of a rank, the reference, the per-unit
    scope: str | None = None  # None: the whole region; else the part it covers (a village, a company...)
    modality: Modality = Modality.ACTUAL
    period: Period | None = None  # None: the text gives no time (shown as 时期未注明)
    qualifier: str = ""  # 余 多 超 近 约 以上 突破 ...
    start_value: bool = False  # the "from" value of a from-to pair: never a card or a comparison cell
    doubt: str = ""  # why a reader would misread this frame (read/figures/trust.py REASONS); "" = none


@dataclass(frozen=True, slots=True)
class FileResult:
    """What the per-file stages produced for one seed (cached by content hash, cache.py)."""

    articles: list[Article]
    figures: list[Figure]
    warnings: list[DataWarning]
    regions: list[Region] = field(default_factory=list)  # units named by figures, not by articles
    search_terms: list[SearchTerms] = field(default_factory=list)  # one per article, in the same order


@dataclass
class Digest:
    """Everything the site is built from: the data contract in memory."""

    sources: list[Source]
    articles: list[Article]
    regions: list[Region]
    figures: list[Figure]
    warnings: list[DataWarning]
    build_date: str  # from SOURCE_DATE_EPOCH or the newest year in the data, never the clock
    key_figures: dict[str, list[str]] = field(default_factory=dict)  # region name -> card figure ids
    comparisons: list[ComparisonRow] = field(default_factory=list)  # the comparison page's rows
    withheld: dict[str, int] = field(default_factory=dict)  # figures left out as unreliable, per reason


@dataclass(frozen=True, slots=True)
class ComparisonCell:
    region: str
    figure: str  # figure id


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """Whole-region actual figures of one indicator, aspect and unit, one per region (the latest)."""

    indicator: str
    aspect: str
    unit: str  # unit_normalized shared by the cells
    cells: tuple[ComparisonCell, ...]


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """A page the generator hands to MkDocs: its path and its ready HTML body."""

    path: str  # docs-relative source path, e.g. regions/zhengxiang-qu.md
    title: str  # plain text; escaped where rendered
    html: str  # body HTML, already escaped by the templates


@dataclass(frozen=True, slots=True)
class GeneratedFile:
    """A non-page output file (data download, search index shard, script)."""

    path: str  # site-relative path, e.g. data/digest.json
    content: bytes


def _quick_pickling(cls: type) -> None:
    """The state dataclasses pickles a frozen record with (its field values, in field order),
    read by names listed once: dataclasses' own __getstate__/__setstate__ call fields() on
    every record, most of the time of pickling worker results and hashing page inputs."""
    names = tuple(f.name for f in fields(cls))
    read = attrgetter(*names)
    many = len(names) > 1

    def getstate(self) -> list:
        return list(read(self)) if many else [read(self)]

    def setstate(self, state: list) -> None:
        for name, value in zip(names, state):
            object.__setattr__(self, name, value)

    cls.__getstate__, cls.__setstate__ = getstate, setstate


for _record in [v for v in list(globals().values()) if isinstance(v, type) and is_dataclass(v)]:
    if _record.__dataclass_params__.frozen and "__slots__" in vars(_record):
        _quick_pickling(_record)
