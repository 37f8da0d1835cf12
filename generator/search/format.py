"""The search index files: the writer, and a reader for tests and tools.

This is the code counterpart of generator/search/FORMAT.md, the one specification of the
files (web/shards.js reads them in the browser); the names below follow its sections.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain

from generator import scriptjson
from generator.records import Article, GeneratedFile
from generator.search import ASSET_DIR, segment
from generator.search.scoring import Postings
from generator.search.terms import SectionDoc

INDEX_PATH = f"{ASSET_DIR}/index.json"
SHARD_KINDS = ("v", "c", "p", "t")
# FORMAT.md "Size": above the one-file limit, shards of about these many bytes (raw JSON) ...
VOCAB_SHARD_BYTES = 6 * 1024
POSTINGS_SHARD_BYTES = 12 * 1024
# ... and text shards of this many sections (a results page shows PAGE of them at a time).
TEXT_SHARD_DOCS = 2
# The t files' bytes wait in memory up to this size, past it in a temporary file (TextShards).
TEXT_SPOOL_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Table:
    """What the files carry besides postings: the t files and index.json's tables."""

    articles: list[list]  # article_row per article
    doc_articles: list[int]  # per document, in document order: its article (a row of `articles`)
    text: TextShards
    max_word: int
    synonyms: dict[str, str]
    trad: str
    abbreviations: dict[str, str] = field(default_factory=dict)  # normalised short -> full form


def article_row(article: Article) -> list:
    return [article.title, article.url, article.region.name, article.region.label]


def doc_row(doc: SectionDoc) -> list:
    return [doc.article, doc.section, doc.first_paragraph, doc.heading, list(doc.paragraphs)]


def dumps(data) -> bytes:
    """A file's bytes (FORMAT.md: compact, key-sorted, inert in a <script> tag)."""
    return scriptjson.dumps(data, compact=True).encode("utf-8")


def fnv(text: str) -> int:
    """FORMAT.md "Hash" (shards.js `hash` is the JS side)."""
    h = 2166136261
    data = text.encode("utf-16-le")
    for k in range(0, len(data), 2):
        h = ((h ^ (data[k] | data[k + 1] << 8)) * 16777619) & 0xFFFFFFFF
    return h


def vocab_key(term: str) -> str:
    """FORMAT.md: a term's prefix key."""
    return term[:2] if segment.ASCII_RE.match(term[0]) else term[0]


def shard_count(total_bytes: int, target: int, one_file: int) -> int:
    return 1 if total_bytes <= one_file else max(2, -(-total_bytes // target))


def is_large(docs: list[list], articles: list[list], one_file_bytes: int) -> bool:
    """Whether the corpus's text (paragraphs and titles) is over the one-file limit."""
    text = 0
    for part in chain((p for d in docs for p in d[4]), (a[0] for a in articles)):
        text += len(part.encode("utf-8"))
        if text > one_file_bytes:
            return True  # (a large corpus: the rest need not be measured)
    return False


def document_order(docs: list[list], articles: list[list], one_file_bytes: int) -> list[int]:
    """The documents' numbering, as positions in `docs` (rows in article order): FORMAT.md
    "index.json" (a large corpus groups them by region name, stably)."""
    order = list(range(len(docs)))
    if is_large(docs, articles, one_file_bytes):
        order.sort(key=lambda i: articles[docs[i][0]][2])
    return order


# ----------------------------------------------------------------------------- writer

class TextShards:
    """The t files, made once from the rows of the documents (in document order) and of
    the articles, and kept as bytes: in memory while small, else in a temporary file. They
    are written last but made first, so that the index writer lets the sections' text go
    before it scores them (at 100,000 articles, its peak fell from 1.45 to 1.06 GB)."""

    def __init__(self, docs: list[list], articles: list[list], one_file_bytes: int):
        large = is_large(docs, articles, one_file_bytes)
        self.count = -(-len(docs) // TEXT_SHARD_DOCS) if large else 1  # t files
        self.per_file = TEXT_SHARD_DOCS if large else max(1, len(docs))  # documents in each
        self._sizes = array("q")
        self._file = tempfile.SpooledTemporaryFile(max_size=TEXT_SPOOL_BYTES)
        for k in range(self.count):
            chunk = docs[k * self.per_file:(k + 1) * self.per_file]
            content = dumps({"d0": k * self.per_file, "docs": chunk,
                             "articles": {str(a): articles[a] for a in sorted({d[0] for d in chunk})}})
            self._file.write(content)
            self._sizes.append(len(content))

    def files(self) -> Iterator[tuple[str, bytes]]:
        """(name, bytes) of each t file, in shard order."""
        self._file.seek(0)
        for k, size in enumerate(self._sizes):
            yield f"t/{k}", self._file.read(size)


def index_files(postings: Postings, table: Table, one_file_bytes: int) -> Iterator[GeneratedFile]:
    """index.json, the v, p, c and t files and trad.json, one file at a time (the p files
    are made as they are written, the t files are read back from table.text: never all held
    at once); index.json comes last, since it names a hash of all the others."""
    vocabulary, postings_files = _vocabulary_shards(postings, one_file_bytes)
    inner = _inner_shards(postings.terms, len(vocabulary))
    kinds = {"c": lambda: _dumped(inner.items()), "p": lambda: _dumped(postings_files),
             "t": table.text.files, "trad": lambda: _dumped([("trad", table.trad)]),
             "v": lambda: _dumped(vocabulary.items())}
    h = hashlib.sha256()
    for kind in sorted(kinds):  # shard_order: by kind, then number
        for name, content in kinds[kind]():
            out = GeneratedFile(f"{ASSET_DIR}/{name}.json", content)
            h.update(out.path.encode() + b"\0" + out.content)
            yield out
    runs, run_region = _region_runs(table)
    entry = {
        "version": postings.version, "fields": postings.fields, "pipeline": postings.pipeline,
        "maxWord": table.max_word, "synonyms": table.synonyms, "abbreviations": table.abbreviations,
        "shards": {"v": len(vocabulary), "c": len(inner), "t": table.text.count},
        "textDocs": table.text.per_file, "docs": len(table.doc_articles), "runs": runs,
        "sections": _article_runs(table), "build": h.hexdigest()[:12],
    }
    if run_region != list(range(len(run_region))):
        entry["runRegion"] = run_region
    yield GeneratedFile(INDEX_PATH, dumps(entry))


def _dumped(items: Iterable[tuple[str, object]]) -> Iterator[tuple[str, bytes]]:
    return ((name, dumps(data)) for name, data in items)


def _vocabulary_shards(postings: Postings, one_file_bytes: int) -> tuple[dict[str, dict], Iterator]:
    """The v files by name, in shard order; and the p files, in shard order, made when iterated."""
    terms = postings.terms
    prefix: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(terms):
        prefix[vocab_key(t)].append(i)
    # (every query loads a vocabulary shard or two: the one-file limit is a quarter)
    n_prefix = shard_count(len(" ".join(terms).encode()) + 4 * len(prefix), VOCAB_SHARD_BYTES, one_file_bytes // 4)
    groups: list[list[str]] = [[] for _ in range(n_prefix)]
    for key in prefix:
        groups[fnv(key) % n_prefix].append(key)
    post_sizes = [n + 1 for n in postings.json_chars]  # bytes in a p file, with the comma after it
    split_postings = sum(post_sizes) > one_file_bytes
    vocabulary: dict[str, dict] = {}
    orders: list[tuple[list[int], list[int]]] = []  # per v shard: its terms in listing order, p file sizes
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
        vocabulary[f"v/{k}"] = {"v": listing, "p": counts}
        orders.append((order, counts))

    def postings_files() -> Iterator[tuple[str, list]]:
        for k, (order, counts) in enumerate(orders):
            start = 0
            for j, n in enumerate(counts):
                yield f"p/{k}-{j}", [postings.entry(i) for i in order[start:start + n]]
                start += n
    return vocabulary, postings_files()


def _inner_shards(terms: list[str], n_prefix: int) -> dict[str, dict[str, str]]:
    """The c files by name, in shard order (none unless the vocabulary is split)."""
    inner: dict[str, set[str]] = defaultdict(set)
    if n_prefix > 1:
        for t in terms:
            if not segment.ASCII_RE.match(t[0]):
                for c in t[1:]:
                    if c != t[0]:
                        inner[c].add(t[0])
    n_inner = -(-sum(len(v) * 3 + 8 for v in inner.values()) // VOCAB_SHARD_BYTES) if inner else 0
    shards: dict[str, dict[str, str]] = {f"c/{k}": {} for k in range(n_inner)}
    for c, keys in inner.items():
        shards[f"c/{fnv(c) % n_inner}"][c] = "".join(sorted(keys))
    return shards


def _region_runs(table: Table) -> tuple[list[int], list[int]]:
    """Each document's region as runs: (counts, region ids)."""
    names = sorted({a[2] for a in table.articles})
    region_id = {n: i for i, n in enumerate(names)}
    runs: list[int] = []
    run_region: list[int] = []
    for a in table.doc_articles:
        r = region_id[table.articles[a][2]]
        if run_region and run_region[-1] == r:
            runs[-1] += 1
        else:
            run_region.append(r)
            runs.append(1)
    return runs, run_region


def _article_runs(table: Table) -> list[int]:
    """The number of consecutive documents of each article, in document order."""
    counts: list[int] = []
    last = None
    for a in table.doc_articles:
        if a == last:
            counts[-1] += 1
        else:
            counts.append(1)
            last = a
    return counts


def shard_order(item: tuple[str, object]) -> tuple:
    """v/2 before v/10; p/3-0 before p/3-1."""
    name = item[0]
    kind, _, number = name.partition("/")
    return (kind, *map(int, number.split("-"))) if number else (kind,)


# ----------------------------------------------------------------------------- reader

def assemble(files: dict[str, bytes]) -> tuple[dict, dict]:
    """(lunr serialisation for lunr.Index.load, docs table) from the index files.

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
