"""Search: a lunr.js index of article sections built with lunr.py, shipped in shards.

The files and their format: generator/search/FORMAT.md (the one description; the browser
side reads them with generator/search/web/shards.js). Nothing here touches English stemming:
the builder's pipelines are empty on both sides.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import json
import logging
import math
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from lunr.builder import Builder
from pypinyin import Style, lazy_pinyin

from generator.lexicon.text import split_region_suffix
from generator.search import segment
from generator.records import Article, Digest, GeneratedFile, Region, SearchTerms
from generator.search.segment import Segmenter
from generator.settings import PACKAGE_DIR, Settings

log = logging.getLogger("mkdocs.plugins.digest")

ASSET_DIR = "assets/search"
INDEX_PATH = f"{ASSET_DIR}/index.json"
STATIC_DIR = Path(__file__).parent / "web"
TRAD_TABLE = PACKAGE_DIR / "data" / "trad_simp.tsv"
# search.js (an ES module) and the modules it imports, and search.css
STATIC_FILES = tuple(sorted(p.name for p in STATIC_DIR.iterdir() if p.suffix in (".js", ".css")))

# title > heading > region > body. lunr multiplies term scores by these.
BOOSTS = {"title": 10, "heading": 4, "region": 3, "body": 1}


@dataclass(frozen=True)
class SectionDoc:
    """One searchable document: a section of an article."""

    article: int  # index into the articles table
    section: int  # 1-based section number (the h2 anchor is s-N)
    first_paragraph: int  # 1-based paragraph number over the whole article (#p-N)
    heading: str
    paragraphs: tuple[str, ...]


def build_search(digest: Digest, resources=None, one_file_bytes: int = Settings.search_one_file_bytes) -> list[GeneratedFile]:
    """Every file the search needs, as site-relative paths and bytes.

    `resources` (generator.resources.Resources) supplies the jieba Segmenter loaded once
    and the metric catalogue for synonyms; without them a private Segmenter is made and
    synonyms are off. A kind of search data of at most `one_file_bytes` stays one file.
    """
    segmenter = getattr(resources, "segmenter", None) or Segmenter()
    synonyms = getattr(resources, "synonyms", None) or Synonyms.from_catalogue(getattr(resources, "catalogue", None))
    files = build_shards(digest, segmenter, synonyms, one_file_bytes)
    files.append(GeneratedFile(f"{ASSET_DIR}/lunr.js", lunr_js()))
    files += [GeneratedFile(f"{ASSET_DIR}/{name}", (STATIC_DIR / name).read_bytes()) for name in STATIC_FILES]
    index = sum(len(f.content) for f in files if f.path.endswith(".json") and not f.path.startswith(f"{ASSET_DIR}/t/"))
    text = sum(len(f.content) for f in files if f.path.startswith(f"{ASSET_DIR}/t/"))
    kinds = {k: sum(1 for f in files if f.path.startswith(f"{ASSET_DIR}/{k}/")) for k in SHARD_KINDS}
    # (raw sizes: gzip of tens of MB would cost seconds; bench/bench_search.py measures gzip)
    log.debug("search: %d files (%s), index %d KB, text %d KB", len(files),
             ", ".join(f"{k} {n}" for k, n in kinds.items()), index // 1024, text // 1024)
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

CAPTIONS_LABEL = "图片说明"  # heading of an article's photo captions as a search section


def sections(articles: list[Article]) -> list[SectionDoc]:
    """Sections with at least one paragraph, in article order, numbered like article.html;
    an article's photo captions last, as one more section labelled 图片说明 (article.html
    numbers the captions on from the last paragraph: #p-N)."""
    docs: list[SectionDoc] = []
    for a_index, article in enumerate(articles):
        paragraph = 0
        for s_index, section in enumerate(article.draft.sections, 1):
            if section.paragraphs:
                docs.append(SectionDoc(a_index, s_index, paragraph + 1, section.heading or "",
                                       tuple(section.paragraphs)))
            paragraph += len(section.paragraphs)
        if article.draft.captions:
            docs.append(SectionDoc(a_index, len(article.draft.sections) + 1, paragraph + 1, CAPTIONS_LABEL,
                                   tuple(article.draft.captions)))
    return docs


def region_names(region: Region) -> list[str]:
    """The region and its parents, each in full and short form (蒸湘区, 蒸湘)."""
    names: list[str] = []
    for name in (region.name, region.city, region.province):
        if name:
            names += [name, short_name(name)]
    return list(dict.fromkeys(names))


def short_name(name: str) -> str:
    return split_region_suffix(name, min_stem=2)[0]


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


@dataclass(frozen=True)
class Synonyms:
    """The synonym table, with its keys grouped by first character for scanning texts."""

    table: dict[str, str]
    by_first: dict[str, tuple[tuple[str, str], ...]]

    @classmethod
    def from_catalogue(cls, catalogue) -> "Synonyms":
        table = synonym_table(catalogue)
        by_first: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for key, canon in table.items():
            by_first[key[0]].append((key, canon))
        return cls(table, {c: tuple(pairs) for c, pairs in by_first.items()})

    def hits(self, normalised: str) -> tuple[str, ...]:
        """Canonical names of the synonyms in a normalised text, sorted; only the
        characters the text contains are looked up as first characters."""
        return tuple(sorted({canon for char in self.by_first.keys() & set(normalised)
                             for key, canon in self.by_first[char] if key in normalised}))


def article_terms(article: Article, segmenter: Segmenter, synonyms: Synonyms) -> SearchTerms:
    """What one article contributes to the search index on its own: its jieba words (the
    vocabulary is their union) and each section's synonym hits.

    Punctuation typesetting does not change either (normalise folds full-width ，：；
    back), so the per-file stage computes them from the data copy and caches them.
    """
    docs = sections([article])
    texts = [article.title] + [text for d in docs for text in (d.heading, *d.paragraphs)]
    words = tuple(sorted(segment.vocabulary(segmenter, texts)))
    return SearchTerms(words, tuple(synonyms.hits(segment.normalise("\n".join(d.paragraphs))) for d in docs))


def trad_map(chars: set[str], table: Path = TRAD_TABLE) -> str:
    """Traditional -> simplified pairs for the characters the corpus uses, as "繁简繁简...".

    The table is OpenCC's (generator/data/README.md): each traditional character with its
    simplified candidates, several when the choice depends on the word (餘 -> 余 or 馀,
    於 -> 於 or 于); the first other character the corpus uses wins. A character the
    corpus itself uses is never mapped (台, 乾隆).
    """
    pairs: list[str] = []
    for line in table.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        trad, _, candidates = line.partition("\t")
        if len(trad) != 1 or ord(trad) > 0xFFFF or trad in chars:
            continue
        simp = next((s for s in candidates.split() if len(s) == 1 and s in chars and s != trad), None)
        if simp:
            pairs.append(trad + simp)
    return "".join(sorted(pairs))


# ----------------------------------------------------------------------------- the index

def build_index(digest: Digest, segmenter: Segmenter, synonyms: Synonyms,
                by_region: bool = False) -> tuple[dict, dict]:
    """(index, docs table) for the digest: the index is LeanBuilder.postings()'s dict.

    Documents are numbered in article order, or with `by_region` grouped by region name
    (stable: article order within a region), so a large index can say which region each
    document belongs to with one count per region. Each article's own words and synonym
    hits come from article.search_terms (the per-file stage) when present.
    """
    articles = digest.articles
    own = [a.search_terms or article_terms(a, segmenter, synonyms) for a in articles]
    docs = sections(articles)
    # per document, its synonym hits: the article's, in its section order
    hits: list[tuple[str, ...]] = [h for terms in own for h in terms.synonyms]
    if len(hits) != len(docs):
        raise ValueError("article.search_terms does not match the article's sections: "
                         "delete the cache folder (cache_dir) and build again")
    if by_region:
        order = sorted(range(len(docs)), key=lambda i: articles[docs[i].article].region.name)  # stable
        docs, hits = [docs[i] for i in order], [hits[i] for i in order]
    region_fields = {a.region: region_names(a.region) for a in articles}

    # Vocabulary: jieba's words over every field, region names, and canonical metric names.
    vocab: set[str] = set().union(*(terms.words for terms in own))
    for names in region_fields.values():
        vocab.update(segment.normalise(n) for n in names)
    vocab.update(k for k in synonyms.table.values() if segment.CJK_RE.fullmatch(k))

    run_cache: dict[str, list[str]] = {}
    stems = segment.word_stems(vocab)

    def tokens(text: str) -> list[str]:
        return segment.dense_tokens(text, vocab, cache=run_cache, stems=stems)

    builder = LeanBuilder()
    builder.ref("id")
    for name, boost in BOOSTS.items():
        builder.field(name, boost=boost)

    title_tokens = [tokens(a.title) for a in articles]
    region_tokens = {r: [t for n in names for t in tokens(n)] + pinyin_keys(r) for r, names in region_fields.items()}
    for ref, doc in enumerate(docs):
        article = articles[doc.article]
        builder.add({
            "id": str(ref),
            "title": title_tokens[doc.article],
            "heading": tokens(doc.heading),
            "body": tokens("\n".join(doc.paragraphs)) + list(hits[ref]),
            "region": region_tokens[article.region],
        })
    index = builder.postings()
    chars = {c for term in index["terms"] for c in term}
    table = {
        "articles": [[a.title, a.url, a.region.name, a.region.label] for a in articles],
        "docs": [[d.article, d.section, d.first_paragraph, d.heading, list(d.paragraphs)] for d in docs],
        "maxWord": segment.MAX_WORD,
        "synonyms": synonyms.table,
        "trad": trad_map(chars),
    }
    return index, table


# ----------------------------------------------------------------------------- shards

SHARD_KINDS = ("v", "c", "p", "t")
# Above that, shards of about these many bytes (raw JSON) ...
VOCAB_SHARD_BYTES = 6 * 1024
POSTINGS_SHARD_BYTES = 12 * 1024
# ... and text shards of this many sections (a results page shows PAGE of them at a time).
TEXT_SHARD_DOCS = 2


def fnv(text: str) -> int:
    """FNV-1a over UTF-16 code units (FORMAT.md, "Hash"; shards.js `hash` is the JS side)."""
    h = 2166136261
    data = text.encode("utf-16-le")
    for k in range(0, len(data), 2):
        h = ((h ^ (data[k] | data[k + 1] << 8)) * 16777619) & 0xFFFFFFFF
    return h


def vocab_key(term: str) -> str:
    """The prefix-shard key of a term: its first character, or first two for ASCII words."""
    return term[:2] if segment.ASCII_RE.match(term[0]) else term[0]


def shard_count(total_bytes: int, target: int, one_file: int) -> int:
    return 1 if total_bytes <= one_file else max(2, -(-total_bytes // target))


def text_length(docs: list, articles: list) -> int:
    return sum(len(p.encode("utf-8")) for d in docs for p in d[4]) + sum(len(a[0].encode("utf-8")) for a in articles)


def build_shards(digest: Digest, segmenter: Segmenter, synonyms: Synonyms,
                 one_file_bytes: int = Settings.search_one_file_bytes) -> list[GeneratedFile]:
    """index.json, the v, p, c and t shards and trad.json, as generator/search/FORMAT.md
    specifies them; a corpus larger than `one_file_bytes` gets several files per kind and
    its documents grouped by region."""
    text_bytes = text_length([[0, 0, 0, "", list(d.paragraphs)] for d in sections(digest.articles)],
                             [[a.title] for a in digest.articles])
    large = text_bytes > one_file_bytes
    index, table = build_index(digest, segmenter, synonyms, by_region=large)
    terms, postings, fields = index["terms"], index["postings"], index["fields"]
    articles, docs = table["articles"], table["docs"]

    # vocabulary by prefix key, keys hashed to v shards; in a shard, keys in JS string
    # order and each key's terms in term order, stripped of the key
    prefix: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(terms):
        prefix[vocab_key(t)].append(i)
    # (every query loads a vocabulary shard or two: the one-file limit is a quarter)
    n_prefix = shard_count(len(" ".join(terms).encode()) + 4 * len(prefix), VOCAB_SHARD_BYTES, one_file_bytes // 4)
    groups: list[list[str]] = [[] for _ in range(n_prefix)]
    for key in prefix:
        groups[fnv(key) % n_prefix].append(key)

    shards: dict[str, object] = {}
    post_sizes = [n + 1 for n in index["json_chars"]]  # bytes in a p file, with the comma after it
    split_postings = sum(post_sizes) > one_file_bytes
    for k, keys in enumerate(groups):
        keys.sort(key=lambda key: key.encode("utf-16-be"))
        listing, order = [], []
        for key in keys:
            listing += [key, " ".join(terms[i][len(key):] for i in prefix[key])]
            order += prefix[key]
        # the shard's postings, in listing order, in files of about POSTINGS_SHARD_BYTES
        counts, size = [], 0
        if not split_postings:
            counts = [len(order)]
        else:
            for n in (post_sizes[i] for i in order):
                if size + n > POSTINGS_SHARD_BYTES or not counts:
                    counts.append(0)
                    size = 0
                counts[-1] += 1
                size += n
        start = 0
        for j, n in enumerate(counts):
            shards[f"p/{k}-{j}"] = [postings[i] for i in order[start:start + n]]
            start += n
        shards[f"v/{k}"] = {"v": listing, "p": counts}

    # inner characters (c files; only when the vocabulary is split)
    inner: dict[str, set[str]] = defaultdict(set)
    if n_prefix > 1:
        for t in terms:
            if not segment.ASCII_RE.match(t[0]):
                for c in t[1:]:
                    if c != t[0]:
                        inner[c].add(t[0])
    n_inner = -(-sum(len(v) * 3 + 8 for v in inner.values()) // VOCAB_SHARD_BYTES) if inner else 0
    for c, keys in inner.items():
        shards.setdefault(f"c/{fnv(c) % n_inner}", {})[c] = "".join(sorted(keys))
    for k in range(n_inner):
        shards.setdefault(f"c/{k}", {})
    n_text = -(-len(docs) // TEXT_SHARD_DOCS) if large else 1
    per_text = TEXT_SHARD_DOCS if large else max(1, len(docs))
    for k in range(n_text):
        chunk = docs[k * per_text:(k + 1) * per_text]
        shards[f"t/{k}"] = {"d0": k * per_text, "docs": chunk,
                            "articles": {str(a): articles[a] for a in sorted({d[0] for d in chunk})}}

    # each document's region: runs of (region, count) in document order
    names = sorted({a[2] for a in articles})
    region_id = {n: i for i, n in enumerate(names)}
    runs: list[int] = []
    run_region: list[int] = []
    for d in docs:
        r = region_id[articles[d[0]][2]]
        if run_region and run_region[-1] == r:
            runs[-1] += 1
        else:
            run_region.append(r)
            runs.append(1)

    shards["trad"] = table["trad"]
    out = [GeneratedFile(f"{ASSET_DIR}/{name}.json", dumps(data))
           for name, data in sorted(shards.items(), key=shard_order)]
    digest_of_shards = hashlib.sha256(b"".join(f.path.encode() + b"\0" + f.content for f in out)).hexdigest()
    entry = {
        "version": index["version"], "fields": fields, "pipeline": index["pipeline"],
        "maxWord": table["maxWord"], "synonyms": table["synonyms"],
        "shards": {"v": n_prefix, "c": n_inner, "t": n_text}, "textDocs": per_text,
        "docs": len(docs), "runs": runs, "build": digest_of_shards[:12],
    }
    if run_region != list(range(len(run_region))):
        entry["runRegion"] = run_region
    return [GeneratedFile(INDEX_PATH, dumps(entry))] + out


def shard_order(item: tuple[str, object]) -> tuple:
    """v/2 before v/10; p/3-0 before p/3-1."""
    name = item[0]
    kind, _, number = name.partition("/")
    return (kind, *map(int, number.split("-"))) if number else (kind,)


def assemble(files: dict[str, bytes]) -> tuple[dict, dict]:
    """(lunr serialisation for lunr.Index.load, docs table) from build_search's files.

    The whole index put back together, as the browser would if a query used every term;
    for tests and tools.
    """
    def load(path: str) -> dict:
        return json.loads(files[f"{ASSET_DIR}/{path}"])

    entry = load("index.json")
    n = entry["shards"]
    fields = entry["fields"]
    postings: dict[str, list] = {}
    for k in range(n["v"]):
        shard = load(f"v/{k}.json")
        words = [key + rest for key, listing in zip(shard["v"][::2], shard["v"][1::2])
                 for rest in listing.split(" ")]
        for j, count in enumerate(shard["p"]):
            postings.update(zip(words[:count], load(f"p/{k}-{j}.json")))
            words = words[count:]
    terms = sorted(postings, key=lambda t: t.encode("utf-16-be"))
    vectors: dict[str, list] = {}
    inverted = []
    for i, t in enumerate(terms):
        entry_post = {"_index": i, **{f: {} for f in fields}}
        flat, key = postings[t], 0
        for k in range(0, len(flat), 2):
            key += flat[k]
            doc, field_name = key // len(fields), fields[key % len(fields)]
            entry_post[field_name][str(doc)] = {}
            vectors.setdefault(f"{field_name}/{doc}", []).extend([i, flat[k + 1] / 1000])
        inverted.append([t, entry_post])
    field_vectors = [[ref, vectors.get(ref, [])] for field_name in fields
                     for ref in (f"{field_name}/{d}" for d in range(entry["docs"]))]
    serial = {"version": entry["version"], "fields": fields, "pipeline": entry["pipeline"],
              "fieldVectors": field_vectors, "invertedIndex": inverted}
    docs: list = [None] * entry["docs"]
    articles: dict[int, list] = {}
    for k in range(n["t"]):
        shard = load(f"t/{k}.json")
        docs[shard["d0"]:shard["d0"] + len(shard["docs"])] = shard["docs"]
        articles.update({int(a): v for a, v in shard["articles"].items()})
    table = {"articles": [articles.get(a) for a in range(max(articles, default=-1) + 1)], "docs": docs,
             "synonyms": entry["synonyms"], "trad": load("trad.json"), "maxWord": entry["maxWord"]}
    return serial, table


# ----------------------------------------------------------------------------- lunr.py, lean

def scores_x1000(score: "np.ndarray") -> "np.ndarray":
    """round(round(s, 3) * 1000) for every s, as lunr.py rounds and `pack` scales.

    rint(s x 1000) gives the same integer unless s x 1000 lies within a hair of .5, where
    float error could tip it; those few are rounded by Python itself.
    """
    scaled = score * 1000
    out = np.rint(scaled).astype(np.int64)
    near_tie = np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6
    for i in np.flatnonzero(near_tie).tolist():
        out[i] = round(round(float(score[i]), 3) * 1000)
    return out


class LeanBuilder(Builder):
    """lunr.py's Builder for pre-tokenised fields, empty pipelines and no metadata, read
    out as postings: per term, the (document x fields + field number, score x 1000) pairs.

    That is `Builder.build().serialize()` transposed (with no metadata, lunr's inverted
    index only says which field vectors hold a term), computed without lunr Tokens, Vectors
    or a TokenSet: the same BM25 formula in the same order of operations, the same rounding
    (lunr.py rounds scores to 3 decimals). tests/test_searchindex.py compares it with
    lunr.py's own Builder. Fields, boosts, k1 and b are lunr.py's.
    """

    def __init__(self):
        super().__init__()
        self.pipeline.reset()  # no stemmer, stop-word filter or trimmer: wrong for Chinese
        self.search_pipeline.reset()
        # Every token as (term number, document x fields + field): arrays, not per-field
        # Counters, so postings() counts and scores millions of them with numpy.
        self._term_ids: dict[str, int] = defaultdict()
        self._term_ids.default_factory = self._term_ids.__len__  # a new term gets the next number
        self._tokens: list[int] = []
        self._token_keys: list[int] = []

    def add(self, doc, attributes=None):
        if attributes or self.metadata_whitelist:
            raise ValueError("LeanBuilder indexes tokens only: no attributes or metadata")
        if str(doc[self._ref]) != str(self.document_count):
            raise ValueError("LeanBuilder numbers documents 0, 1, 2... in the order they are added")
        base = self.document_count * len(self._fields)
        for f, name in enumerate(self._fields):
            before = len(self._tokens)
            self._tokens.extend(map(self._term_ids.__getitem__, map(str.lower, doc[name])))
            self._token_keys.extend([base + f] * (len(self._tokens) - before))
        self.document_count += 1

    def postings(self) -> dict:
        """{"terms": in lunr.js order (UTF-16), "postings": per term a flat list of
        (key delta, score x 1000) pairs in key order, "json_chars": per term the length of
        that list written as compact JSON, "fields", "version", "pipeline"}."""
        from lunr import __TARGET_JS_VERSION__

        fields = list(self._fields)
        nf, n = len(fields), self.document_count
        names = list(self._term_ids)  # by term number
        n_terms = len(names)
        tokens = np.array(self._tokens, dtype=np.int64)
        token_keys = np.array(self._token_keys, dtype=np.int64)
        # one entry per (document x field, term) with its frequency, in key order
        pair, tf_counts = np.unique(token_keys * max(n_terms, 1) + tokens, return_counts=True)
        keys, ids = np.divmod(pair, max(n_terms, 1))
        tf = tf_counts.astype(np.float64)
        # lunr: a field's length is its token count, averaged over all documents; a term's
        # document frequency counts the field vectors holding it
        lengths = np.bincount(token_keys, minlength=n * nf).astype(np.float64)
        total = np.bincount(np.arange(n * nf) % nf, weights=lengths, minlength=nf) if n else np.zeros(nf)
        average = [float(t) / n if n else 0.0 for t in total.tolist()]
        df = np.bincount(ids, minlength=n_terms).tolist()
        k1, b = self._k1, self._b
        # idf in Python floats, per term; the rest with the same float operations in the
        # same order as the loop in lunr.py
        idf = np.array([math.log(1 + abs((n - d + 0.5) / (d + 0.5))) for d in df], dtype=np.float64)
        field_of = keys % nf
        norms = k1 * (1 - b + b * (lengths[keys] / np.array(average, dtype=np.float64)[field_of]))
        score = idf[ids] * ((k1 + 1) * tf) / (norms + tf)
        score *= np.array([self._fields[name].boost for name in fields], dtype=np.float64)[field_of]
        scores = scores_x1000(score)
        # terms in lunr.js order; entries grouped by term, keys ascending within each
        order_of_terms = sorted(range(n_terms), key=lambda i: names[i].encode("utf-16-be"))
        rank = np.empty(n_terms, dtype=np.int64)
        rank[order_of_terms] = np.arange(n_terms)
        order = np.argsort(rank[ids], kind="stable")  # entries are already in key order
        key, term_rank, scores = keys[order], rank[ids][order], scores[order]
        starts = np.searchsorted(term_rank, np.arange(n_terms + 1))
        delta = np.diff(key, prepend=0)
        delta[starts[:-1]] = key[starts[:-1]]  # every term has entries; its first key is absolute
        flat = np.empty(2 * len(key), dtype=np.int64)
        flat[0::2], flat[1::2] = delta, scores
        flat_list = flat.tolist()
        bounds = (2 * starts).tolist()
        postings = [flat_list[bounds[i]:bounds[i + 1]] for i in range(n_terms)]
        # characters of each term's list written as JSON ("[1,2,3]"): decimal digits of
        # every number, the commas between them and the brackets
        digits = 1 + np.searchsorted(10 ** np.arange(1, 19, dtype=np.int64), flat, side="right")
        json_chars = np.add.reduceat(digits, bounds[:-1]) + (np.diff(bounds) - 1) + 2 if n_terms else digits[:0]
        return {"version": __TARGET_JS_VERSION__, "fields": fields, "pipeline": [],
                "terms": [names[i] for i in order_of_terms], "postings": postings,
                "json_chars": json_chars.tolist()}
