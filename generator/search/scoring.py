"""lunr's BM25 scores of tokenised documents, computed the way lunr.py computes them and read
out as postings (the p files of generator/search/FORMAT.md). Nothing here touches English
stemming: the builder's pipelines are empty on both sides.
"""

from __future__ import annotations

import math
import tempfile
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from lunr.builder import Builder

# title > heading > region > body. lunr multiplies term scores by these.
BOOSTS = {"title": 10, "heading": 4, "region": 3, "body": 1}
# Entries scored at a time in postings(): bounds its float temporaries (8 bytes an entry each).
_SLICE = 1 << 17
# Entries a builder holds in memory; the rest wait in its temporary file (8 bytes an entry),
# read back a slice at a time: the entries of a large corpus are never all in memory beside
# the postings they become.
_SPILL = 1 << 20


@dataclass(frozen=True, eq=False)
class Postings:
    """Every term's scores, in the form the index files carry them.

    The entries stay in two flat numpy arrays, not a Python list per term: at 10,000
    articles that list was millions of int objects (36 bytes each). entry() reads one
    term's list for the file being written."""

    version: str  # the lunr.js version the scores are for
    fields: tuple[str, ...]
    pipeline: tuple[str, ...]  # always empty
    terms: list[str]  # in lunr.js order (UTF-16 code units)
    flat: np.ndarray  # every term's entry (FORMAT.md, "p/K-J.json") back to back, in term order
    bounds: np.ndarray  # term i's entry is flat[bounds[i]:bounds[i + 1]]
    json_chars: list[int]  # per term, the length of its postings list written as compact JSON

    def entry(self, i: int) -> list[int]:
        return self.flat[self.bounds[i]:self.bounds[i + 1]].tolist()

    @property
    def postings(self) -> list[list[int]]:
        """Every term's entry as lists (for tests and tools: the whole index at once)."""
        return [self.entry(i) for i in range(len(self.terms))]


def score(documents: Iterable[dict[str, list[str]]]) -> Postings:
    """Postings of documents given as {field: tokens} for the fields of BOOSTS, numbered
    0, 1, 2... in the order given."""
    builder = LeanBuilder()
    builder.ref("id")
    for name, boost in BOOSTS.items():
        builder.field(name, boost=boost)
    for ref, fields in enumerate(documents):
        builder.add({"id": str(ref), **fields})
    return builder.postings()


def scores_x1000(score: np.ndarray) -> np.ndarray:
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


def json_chars(flat: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """Characters of each term's list written as JSON ("[1,2,3]"): the decimal digits of
    every number (non-negative), the commas between them and the brackets; counted a
    slice of numbers at a time."""
    powers = 10 ** np.arange(1, 19, dtype=np.int64)
    digits = np.zeros(len(bounds) - 1, dtype=np.int64)
    for lo in range(0, len(flat), _SLICE):
        part = flat[lo:lo + _SLICE]
        term = np.searchsorted(bounds, np.arange(lo, lo + len(part)), side="right") - 1
        digits += np.bincount(term, weights=1 + np.searchsorted(powers, part, side="right"),
                              minlength=len(digits)).astype(np.int64)
    return digits + np.maximum(np.diff(bounds) - 1, 0) + 2


def _keys(sizes: np.ndarray, key_ends: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """The keys (document x fields + field) of entries lo..hi-1, key j having sizes[j]
    entries that end at key_ends[j] (its cumulative sum)."""
    first, last = np.searchsorted(key_ends, [lo, hi - 1], side="right").tolist()
    counts = sizes[first:last + 1].astype(np.int64)
    counts[0] -= lo - (key_ends[first] - sizes[first])
    counts[-1] -= key_ends[last] - hi
    return np.repeat(np.arange(first, last + 1, dtype=np.int32), counts)


def _slices(chunks: Iterable[tuple[np.ndarray, np.ndarray]]) -> Iterator[tuple[np.ndarray, np.ndarray, int]]:
    """The chunks' entries (term numbers, counts) in slices of at most _SLICE, each with
    the number of entries before it."""
    lo = 0
    for ids, tf in chunks:
        for start in range(0, len(ids), _SLICE):
            yield ids[start:start + _SLICE], tf[start:start + _SLICE], lo
            lo += len(ids[start:start + _SLICE])


class LeanBuilder(Builder):
    """lunr.py's Builder for pre-tokenised fields, empty pipelines and no metadata, read
    out as Postings.

    That is `Builder.build().serialize()` transposed (with no metadata, lunr's inverted
    index only says which field vectors hold a term), computed without lunr Tokens, Vectors
    or a TokenSet: the same BM25 formula in the same order of operations, the same rounding
    (lunr.py rounds scores to 3 decimals). tests/test_search_scoring.py compares it with
    lunr.py's own Builder. Fields, boosts, k1 and b are lunr.py's.
    """

    def __init__(self):
        super().__init__()
        self.pipeline.reset()  # no stemmer, stop-word filter or trimmer: wrong for Chinese
        self.search_pipeline.reset()
        # One entry per (document x fields + field, term) with the term's count there,
        # counted as each document is added (a document's tokens are never all kept), in
        # typed arrays (4 bytes an entry, not a list's pointer to an int object), so that
        # postings() scores millions of them with numpy; all but the last _SPILL of them wait
        # in a temporary file, so that they and the postings made of them are never all in
        # memory at once. Per field (document x fields + field), its token count in _lengths
        # and its number of entries (distinct terms) in _sizes: postings() repeats each key
        # that many times (cheaper than an entry's key each).
        self._term_ids: dict[str, int] = defaultdict()
        self._term_ids.default_factory = self._term_ids.__len__  # a new term gets the next number
        self._sizes = array("i")
        self._ids = array("i")
        self._tf = array("i")
        self._lengths = array("q")
        self._spilled: list[int] = []  # entries of each chunk written to _file, in order
        self._file = None

    def add(self, doc, attributes=None):
        if attributes or self.metadata_whitelist:
            raise ValueError("LeanBuilder indexes tokens only: no attributes or metadata")
        if str(doc[self._ref]) != str(self.document_count):
            raise ValueError("LeanBuilder numbers documents 0, 1, 2... in the order they are added")
        for name in self._fields:
            tokens = doc[name]
            counts = Counter(map(str.lower, tokens))  # terms in order of first occurrence
            # (fromlist: an array extended from an iterator converts item by item, slower)
            self._ids.fromlist(list(map(self._term_ids.__getitem__, counts)))
            self._tf.fromlist(list(counts.values()))
            self._sizes.append(len(counts))
            self._lengths.append(len(tokens))
        self.document_count += 1
        if len(self._ids) >= _SPILL:
            self._spill()

    def _spill(self) -> None:
        """The entries in memory written to the builder's temporary file, and let go."""
        if self._file is None:
            self._file = tempfile.TemporaryFile()
        self._ids.tofile(self._file)
        self._tf.tofile(self._file)
        self._spilled.append(len(self._ids))
        self._ids, self._tf = array("i"), array("i")

    def _entries(self) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """Every entry's term number and count, in the order added: a chunk at a time."""
        if self._file is not None:
            self._file.seek(0)
            for n in self._spilled:
                yield (np.frombuffer(self._file.read(4 * n), dtype=np.int32),
                       np.frombuffer(self._file.read(4 * n), dtype=np.int32))
        if self._ids:
            yield np.frombuffer(self._ids, dtype=np.int32), np.frombuffer(self._tf, dtype=np.int32)

    def postings(self) -> Postings:
        """The documents added so far, scored."""
        from lunr import __TARGET_JS_VERSION__

        fields = list(self._fields)
        nf, n = len(fields), self.document_count
        names = list(self._term_ids)  # by term number
        n_terms = len(names)
        # entries in key order (documents and fields as added), one per (key, term)
        sizes = np.frombuffer(self._sizes, dtype=np.int32) if self._sizes else np.zeros(0, np.int32)
        n_entries = sum(self._spilled) + len(self._ids)
        # lunr: a field's length is its token count, averaged over all documents; a term's
        # document frequency counts the field vectors holding it
        lengths = np.frombuffer(self._lengths, dtype=np.int64).astype(np.float64) if self._lengths else np.zeros(0)
        total = np.bincount(np.arange(n * nf) % nf, weights=lengths, minlength=nf) if n else np.zeros(nf)
        average = np.array([float(t) / n if n else 0.0 for t in total.tolist()], dtype=np.float64)
        df = np.zeros(n_terms, dtype=np.int64)
        for ids, _ in self._entries():
            df += np.bincount(ids, minlength=n_terms)
        k1, b = self._k1, self._b
        # idf in Python floats, per term; the rest with the same float operations in the
        # same order as the loop in lunr.py, a slice of entries at a time (few temporaries)
        idf = np.array([math.log(1 + abs((n - d + 0.5) / (d + 0.5))) for d in df.tolist()], dtype=np.float64)
        boosts = np.array([self._fields[name].boost for name in fields], dtype=np.float64)
        # terms in lunr.js order; entries grouped by term, keys ascending within each
        order_of_terms = sorted(range(n_terms), key=lambda i: names[i].encode("utf-16-be"))
        starts = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(df[order_of_terms], out=starts[1:])
        # Entries are scored and placed a slice at a time, in key order (as added): each goes
        # to its term's next free place (a counting sort), written as the key's difference
        # from the term's previous entry (from 0 for its first: absolute). No temporary the
        # size of all entries: only `flat` itself grows with the corpus.
        free = np.empty(n_terms, dtype=np.int64)  # by term number: its next place in flat / 2
        free[order_of_terms] = starts[:-1]
        last_key = np.zeros(n_terms, dtype=np.int32)  # by term number: its previous entry's key
        key_ends = np.cumsum(sizes, dtype=np.int64)  # key j's entries end at key_ends[j]
        flat = np.empty(2 * n_entries, dtype=np.int32)
        for i, f, lo in _slices(self._entries()):
            k = _keys(sizes, key_ends, lo, lo + len(i))
            f = f.astype(np.float64)
            field_of = k % nf
            norms = k1 * (1 - b + b * (lengths[k] / average[field_of]))
            score = idf[i] * ((k1 + 1) * f) / (norms + f)
            score *= boosts[field_of]
            by_term = np.argsort(i, kind="stable")  # the slice's entries of one term together, in key order
            term, key = i[by_term], k[by_term]
            run_starts = np.flatnonzero(np.diff(term, prepend=-1))
            run_terms, run_lengths = term[run_starts], np.diff(run_starts, append=len(term))
            within = np.arange(len(term)) - np.repeat(run_starts, run_lengths)
            place = free[term] + within
            previous = np.empty_like(key)
            previous[1:] = key[:-1]
            previous[run_starts] = last_key[run_terms]
            flat[2 * place] = key - previous
            flat[2 * place + 1] = scores_x1000(score)[by_term]
            free[run_terms] += run_lengths
            last_key[run_terms] = key[run_starts + run_lengths - 1]
        bounds = 2 * starts
        return Postings(version=__TARGET_JS_VERSION__, fields=tuple(fields), pipeline=(),
                        terms=[names[i] for i in order_of_terms], flat=flat, bounds=bounds,
                        json_chars=json_chars(flat, bounds).tolist())
