"""lunr's BM25 scores of tokenised documents, computed the way lunr.py computes them and read
out as postings (the p files of generator/search/FORMAT.md). Nothing here touches English
stemming: the builder's pipelines are empty on both sides.
"""

from __future__ import annotations

import math
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from lunr.builder import Builder

# title > heading > region > body. lunr multiplies term scores by these.
BOOSTS = {"title": 10, "heading": 4, "region": 3, "body": 1}


@dataclass(frozen=True)
class Postings:
    """Every term's scores, in the form the index files carry them."""

    version: str  # the lunr.js version the scores are for
    fields: tuple[str, ...]
    pipeline: tuple[str, ...]  # always empty
    terms: list[str]  # in lunr.js order (UTF-16 code units)
    postings: list[list[int]]  # per term, its entry of a p file (FORMAT.md, "p/K-J.json")
    json_chars: list[int]  # per term, the length of its postings list written as compact JSON


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
        # Every token's term number, and each (document x fields + field)'s token count:
        # typed arrays (4 and 8 bytes an entry, not a list's 8-byte pointers to int objects),
        # not per-field Counters, so postings() counts and scores millions of them with numpy.
        self._term_ids: dict[str, int] = defaultdict()
        self._term_ids.default_factory = self._term_ids.__len__  # a new term gets the next number
        self._tokens = array("i")
        self._lengths = array("q")

    def add(self, doc, attributes=None):
        if attributes or self.metadata_whitelist:
            raise ValueError("LeanBuilder indexes tokens only: no attributes or metadata")
        if str(doc[self._ref]) != str(self.document_count):
            raise ValueError("LeanBuilder numbers documents 0, 1, 2... in the order they are added")
        for name in self._fields:
            before = len(self._tokens)
            self._tokens.extend(map(self._term_ids.__getitem__, map(str.lower, doc[name])))
            self._lengths.append(len(self._tokens) - before)
        self.document_count += 1

    def postings(self) -> Postings:
        """The documents added so far, scored."""
        from lunr import __TARGET_JS_VERSION__

        fields = list(self._fields)
        nf, n = len(fields), self.document_count
        names = list(self._term_ids)  # by term number
        n_terms = len(names)
        tokens = np.frombuffer(self._tokens, dtype=np.int32).astype(np.int64) if self._tokens else np.zeros(0, np.int64)
        lengths_int = np.frombuffer(self._lengths, dtype=np.int64) if self._lengths else np.zeros(0, np.int64)
        token_keys = np.repeat(np.arange(n * nf, dtype=np.int64), lengths_int)
        # one entry per (document x field, term) with its frequency, in key order
        pair, tf_counts = np.unique(token_keys * max(n_terms, 1) + tokens, return_counts=True)
        keys, ids = np.divmod(pair, max(n_terms, 1))
        tf = tf_counts.astype(np.float64)
        # lunr: a field's length is its token count, averaged over all documents; a term's
        # document frequency counts the field vectors holding it
        lengths = lengths_int.astype(np.float64)
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
        return Postings(version=__TARGET_JS_VERSION__, fields=tuple(fields), pipeline=(),
                        terms=[names[i] for i in order_of_terms], postings=postings,
                        json_chars=json_chars.tolist())
