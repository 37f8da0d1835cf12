"""Search: a lunr.js index of article sections built with lunr.py, plus what the page needs.

Files (site-relative, all under assets/search/):

* index.json  the serialised lunr index. Its terms are the query vocabulary: search.js
              cuts a query by longest match against them (see segment.py).
* docs.json   what a hit shows and links to (titles, regions, section text for snippets
              and phrase checks) and the query-side tables: synonyms, traditional ->
              simplified characters.
* lunr.js     copied from the installed mkdocs package at build time (not committed).
* search.js, search.css  from generator/static/.

Nothing here touches English stemming: the builder's pipelines are empty on both sides.
"""

from __future__ import annotations

import gzip
import importlib.resources
import importlib.util
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from collections import defaultdict

from lunr.builder import Builder
from lunr.field_ref import FieldRef
from lunr.idf import idf as Idf
from lunr.vector import Vector
from pypinyin import Style, lazy_pinyin

from . import segment
from .records import Article, Digest, GeneratedFile, Region
from .segment import Segmenter

log = logging.getLogger("mkdocs.plugins.digest")

ASSET_DIR = "assets/search"
INDEX_PATH = f"{ASSET_DIR}/index.json"
DOCS_PATH = f"{ASSET_DIR}/docs.json"
STATIC_DIR = Path(__file__).parent / "static"
STATIC_FILES = ("search.js", "search.css")

# title > heading > region > body. lunr multiplies term scores by these.
BOOSTS = {"title": 10, "heading": 4, "region": 3, "body": 1}

# Longest suffix first: 壮族自治区 before 自治区 before 区.
REGION_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州",
                   "自治县", "自治旗", "新区", "地区", "林区", "省", "市", "区", "县", "旗", "盟")


@dataclass(frozen=True)
class SectionDoc:
    """One searchable document: a section of an article."""

    article: int  # index into the articles table
    section: int  # 1-based section number (the h2 anchor is s-N)
    first_paragraph: int  # 1-based paragraph number over the whole article (#p-N)
    heading: str
    paragraphs: tuple[str, ...]


def build_search(digest: Digest, resources=None) -> list[GeneratedFile]:
    """Every file the search needs, as site-relative paths and bytes.

    `resources` (generator.resources.Resources) supplies the jieba Segmenter loaded once
    and the metric catalogue for synonyms; without them a private Segmenter is made and
    synonyms are off.
    """
    segmenter = getattr(resources, "segmenter", None) or Segmenter()
    synonyms = synonym_table(getattr(resources, "catalogue", None))
    index, docs = build_index(digest, segmenter, synonyms)
    files = [
        GeneratedFile(INDEX_PATH, dumps(index)),
        GeneratedFile(DOCS_PATH, dumps(docs)),
        GeneratedFile(f"{ASSET_DIR}/lunr.js", lunr_js()),
    ]
    files += [GeneratedFile(f"{ASSET_DIR}/{name}", (STATIC_DIR / name).read_bytes()) for name in STATIC_FILES]
    raw_text = "\n".join(p for a in digest.articles for p in a.paragraphs).encode("utf-8")
    log.info("search: %d sections, %d terms, index %d KB gzip (article text %d KB gzip)",
             len(docs["docs"]), index["terms"].count(" ") + 1, len(gzip.compress(files[0].content, 6)) // 1024,
             len(gzip.compress(raw_text, 6)) // 1024)
    return files


def dumps(data) -> bytes:
    """Compact, key-sorted JSON: the same digest gives byte-identical files.

    '<', '>' and '&' are written as \\u003c... so the data stays inert even if a page ever
    inlines it in a <script> tag (seed text may contain "</script>").
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").encode("utf-8")


def lunr_js() -> bytes:
    """lunr.js as shipped by the installed mkdocs (the version lunr.py targets)."""
    path = importlib.resources.files("mkdocs") / "contrib" / "search" / "templates" / "search" / "lunr.js"
    return path.read_bytes()


# ----------------------------------------------------------------------------- documents

def sections(articles: list[Article]) -> list[SectionDoc]:
    """Sections with at least one paragraph, in article order, numbered like article.html."""
    docs: list[SectionDoc] = []
    for a_index, article in enumerate(articles):
        paragraph = 0
        for s_index, section in enumerate(article.draft.sections, 1):
            if section.paragraphs:
                docs.append(SectionDoc(a_index, s_index, paragraph + 1, section.heading or "",
                                       tuple(section.paragraphs)))
            paragraph += len(section.paragraphs)
    return docs


def region_names(region: Region) -> list[str]:
    """The region and its parents, each in full and short form (蒸湘区, 蒸湘)."""
    names: list[str] = []
    for name in (region.name, region.city, region.province):
        if name:
            names += [name, short_name(name)]
    return list(dict.fromkeys(names))


def short_name(name: str) -> str:
    for suffix in REGION_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def pinyin_keys(region: Region) -> list[str]:
    """zhengxiangqu, zhengxiang, zxq (and the same for city and province)."""
    if region.level == "unknown":
        return []
    keys: list[str] = []
    for name in (region.name, region.city, region.province):
        if not name:
            continue
        short = short_name(name)
        full = lazy_pinyin(name, style=Style.NORMAL, errors="ignore")
        keys += ["".join(full), "".join(lazy_pinyin(short, style=Style.NORMAL, errors="ignore"))]
        keys.append("".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")))
        if len(short) >= 3:
            keys.append("".join(lazy_pinyin(short, style=Style.FIRST_LETTER, errors="ignore")))
    # The gazetteer's slug (zhengxiang-qu) may read a polyphone better than pypinyin does.
    keys += [region.slug.replace("-", ""), region.slug.split("-")[0]]
    return [k for k in dict.fromkeys(segment.normalise(k) for k in keys) if segment.ASCII_RE.fullmatch(k)]


# ----------------------------------------------------------------------------- tables

def synonym_table(catalogue) -> dict[str, str]:
    """Normalised name or synonym -> the metric's canonical name (first metric wins)."""
    metrics = getattr(catalogue, "metrics", None)
    if not metrics:
        log.warning("search: no metric catalogue loaded, so synonyms (GDP -> 地区生产总值) are off")
        return {}
    table: dict[str, str] = {}
    for metric in metrics:
        canonical = segment.normalise(metric.name)
        for term in (metric.name, *metric.synonyms):
            # Gapped patterns (民生支出…占…比) are not a word a reader types.
            if "…" in term:
                continue
            key = segment.normalise(term.replace("“", "").replace("”", ""))
            if not list(segment.runs(key)):
                continue
            table.setdefault(key, canonical)
    return table


def trad_map(chars: set[str]) -> str:
    """Traditional -> simplified pairs for the characters the corpus uses, as "繁简繁简...".

    jionlp's tra2sim table sometimes gives a rare variant (餘 -> 馀); its sim2tra table,
    read backwards, supplies the common one (余), and whichever the corpus uses wins.
    A character the corpus itself uses is never mapped (台, 乾隆).
    """
    # Located, not imported: importing jionlp prints a banner and loads its C helpers.
    spec = importlib.util.find_spec("jionlp")
    folder = Path(spec.submodule_search_locations[0]) / "dictionary"
    candidates: dict[str, list[str]] = {}
    for line in (folder / "tra2sim_char.txt").read_text(encoding="utf-8").splitlines():
        trad, _, simp = line.partition("\t")
        candidates.setdefault(trad, []).append(simp)
    for line in (folder / "sim2tra_char.txt").read_text(encoding="utf-8").splitlines():
        simp, _, trad = line.partition("\t")
        candidates.setdefault(trad, []).append(simp)
    pairs: list[str] = []
    for trad in sorted(candidates):
        if len(trad) != 1 or trad in chars or ord(trad) > 0xFFFF:
            continue
        simp = next((s for s in candidates[trad] if len(s) == 1 and s in chars and s != trad), None)
        if simp:
            pairs.append(trad + simp)
    return "".join(pairs)


# ----------------------------------------------------------------------------- the index

def build_index(digest: Digest, segmenter: Segmenter, synonyms: dict[str, str]) -> tuple[dict, dict]:
    """(serialised lunr index, docs table) for the digest."""
    articles = digest.articles
    docs = sections(articles)
    region_fields = {a.region: region_names(a.region) for a in articles}

    # Vocabulary: jieba's words over every field, region names, and canonical metric names.
    # (segment.vocabulary cuts each distinct Chinese run once: same set, a fraction of the time.)
    vocab = segment.vocabulary(segmenter, [a.title for a in articles]
                               + [text for d in docs for text in (d.heading, *d.paragraphs)])
    for names in region_fields.values():
        vocab.update(segment.normalise(n) for n in names)
    vocab.update(k for k in synonyms.values() if segment.CJK_RE.fullmatch(k))

    run_cache: dict[str, list[str]] = {}

    def tokens(text: str) -> list[str]:
        return segment.dense_tokens(text, vocab, cache=run_cache)

    builder = LeanBuilder()
    builder.pipeline.reset()  # no stemmer, stop-word filter or trimmer: wrong for Chinese
    builder.search_pipeline.reset()
    builder.ref("id")
    for name, boost in BOOSTS.items():
        builder.field(name, boost=boost)

    title_tokens = [tokens(a.title) for a in articles]
    region_tokens = {r: [t for n in names for t in tokens(n)] + pinyin_keys(r) for r, names in region_fields.items()}
    for ref, doc in enumerate(docs):
        article = articles[doc.article]
        text = "\n".join(doc.paragraphs)
        body = tokens(text)
        normalised = segment.normalise(text)  # once per section, not once per synonym
        body += sorted({canon for key, canon in synonyms.items() if key in normalised})
        builder.add({
            "id": str(ref),
            "title": title_tokens[doc.article],
            "heading": tokens(doc.heading),
            "body": body,
            "region": region_tokens[article.region],
        })
    index = pack(builder.build().serialize(), len(docs))
    chars = {c for term in index["terms"].split(" ") for c in term}
    table = {
        "articles": [[a.title, a.url, a.region.name, a.region.label] for a in articles],
        "docs": [[d.article, d.section, d.first_paragraph, d.heading, list(d.paragraphs)] for d in docs],
        "maxWord": segment.MAX_WORD,
        "synonyms": synonyms,
        "trad": trad_map(chars),
    }
    return index, table


# ----------------------------------------------------------------------------- lunr.py, lean

class LeanBuilder(Builder):
    """lunr.py's Builder for pre-tokenised fields, an empty pipeline and no metadata.

    `add` and `_create_field_vectors` do what lunr.py's do (same term numbering, same
    BM25 formula in the same order of operations, same rounding) without wrapping every
    token in a deep-copied lunr Token or inserting vector elements one by one; the built
    index serialises to the same JSON. Anything else falls back to lunr.py.
    """

    def add(self, doc, attributes=None):
        if self.metadata_whitelist or len(self.pipeline):
            return super().add(doc, attributes)
        doc_ref = str(doc[self._ref])
        self._documents[doc_ref] = attributes or {}
        self.document_count += 1
        inverted = self.inverted_index
        for field_name, field in self._fields.items():
            extractor = field.extractor
            value = doc[field_name] if extractor is None else extractor(doc)
            terms = [str(t).lower() for t in value] if value is not None else []
            field_ref = str(FieldRef(doc_ref, field_name))
            field_terms: dict[str, int] = defaultdict(int)
            self.field_term_frequencies[field_ref] = field_terms
            self.field_lengths[field_ref] = len(terms)
            for term in terms:
                field_terms[term] += 1
                posting = inverted.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    inverted[term] = posting
                if doc_ref not in posting[field_name]:
                    posting[field_name][doc_ref] = defaultdict(list)

    def _create_field_vectors(self):
        field_vectors = {}
        idf_cache: dict[str, float] = {}
        k1, b = self._k1, self._b
        for field_ref, term_frequencies in self.field_term_frequencies.items():
            ref = FieldRef.from_string(field_ref)
            field_name = ref.field_name
            field_length = self.field_lengths[field_ref]
            field_boost = self._fields[field_name].boost
            doc_boost = self._documents[ref.doc_ref].get("boost", 1)
            pairs = []
            for term, tf in term_frequencies.items():
                posting = self.inverted_index[term]
                idf = idf_cache.get(term)
                if idf is None:
                    idf = idf_cache[term] = Idf(posting, self.document_count)
                score = (idf * ((k1 + 1) * tf)
                         / (k1 * (1 - b + b * (field_length / self.average_field_length[field_name])) + tf))
                score *= field_boost
                score *= doc_boost
                pairs.append((posting["_index"], round(score, 3)))
            pairs.sort()
            field_vectors[field_ref] = Vector([x for pair in pairs for x in pair])
        self.field_vectors = field_vectors


# ----------------------------------------------------------------------------- transport

def pack(serialized: dict, n_docs: int) -> dict:
    """lunr.py's serialised index, re-encoded losslessly at a third of the size.

    With no metadata whitelisted, lunr's inverted index is the transpose of its field
    vectors, so only the vectors are shipped (search.js rebuilds the postings, `unpack`
    here does the same for tests). Terms are numbered in the order lunr.js inserts them
    (UTF-16 code units, which differs from Python's order past the BMP), so a term's
    index is its position in the space-separated `terms`. Each vector lists
    (index delta, score x 1000) pairs; lunr.py has already rounded scores to 3 decimals.
    """
    entries = sorted(serialized["invertedIndex"], key=lambda item: item[0].encode("utf-16-be"))
    renumber = {posting["_index"]: new for new, (_, posting) in enumerate(entries)}
    fields = serialized["fields"]
    vectors = {f: [[] for _ in range(n_docs)] for f in fields}
    for ref, elements in serialized["fieldVectors"]:
        field_name, _, doc = ref.partition("/")
        pairs = sorted((renumber[elements[k]], elements[k + 1]) for k in range(0, len(elements), 2))
        flat, last = [], 0
        for term_index, score in pairs:
            flat += [term_index - last, round(score * 1000)]
            last = term_index
        vectors[field_name][int(doc)] = flat
    return {"version": serialized["version"], "fields": fields, "pipeline": serialized["pipeline"],
            "terms": " ".join(term for term, _ in entries), "vectors": vectors}


def unpack(packed: dict) -> dict:
    """The lunr serialisation (lunr.Index.load's input) from `pack`'s output; mirrors search.js."""
    terms = packed["terms"].split(" ") if packed["terms"] else []
    fields = packed["fields"]
    postings = [{"_index": i, **{f: {} for f in fields}} for i in range(len(terms))]
    field_vectors = []
    for field_name in fields:
        for doc, flat in enumerate(packed["vectors"][field_name]):
            elements, term_index = [], 0
            for k in range(0, len(flat), 2):
                term_index += flat[k]
                elements += [term_index, flat[k + 1] / 1000]
                postings[term_index][field_name][str(doc)] = {}
            field_vectors.append([f"{field_name}/{doc}", elements])
    return {"version": packed["version"], "fields": fields, "pipeline": packed["pipeline"],
            "fieldVectors": field_vectors, "invertedIndex": [[t, p] for t, p in zip(terms, postings)]}
