"""lunr's BM25 scores as postings (generator/search/scoring.py), against lunr.py's own Builder."""

from __future__ import annotations

import json
import math
import random

import numpy as np
import pytest
from lunr.builder import Builder

from generator.search.scoring import BOOSTS, LeanBuilder, score, scores_x1000


def stock_postings(builder: Builder) -> dict:
    """lunr.py's own index, serialised, turned into LeanBuilder.postings()'s form."""
    serial = builder.build().serialize()
    fields = serial["fields"]
    number = {posting["_index"]: term for term, posting in serial["invertedIndex"]}
    pairs: dict[str, list] = {term: [] for term in number.values()}
    for ref, elements in serial["fieldVectors"]:
        field_name, _, doc = ref.partition("/")
        for k in range(0, len(elements), 2):
            key = int(doc) * len(fields) + fields.index(field_name)
            pairs[number[elements[k]]].append((key, round(elements[k + 1] * 1000)))
    terms = sorted(pairs, key=lambda t: t.encode("utf-16-be"))
    postings = []
    for term in terms:
        flat, last = [], 0
        for key, score in sorted(pairs[term]):
            flat += [key - last, score]
            last = key
        postings.append(flat)
    return {"fields": fields, "terms": terms, "postings": postings}


def test_postings_json_chars_count_every_digit():
    """json_chars sizes the postings files; numbers of every length, 0 and powers of ten."""
    builder = LeanBuilder()
    builder.ref("id")
    builder.field("body")
    for i in range(1001):
        builder.add({"id": str(i), "body": ["常见"] + (["少见"] if i in (0, 9, 10, 99, 100, 999, 1000) else [])})
    out = builder.postings()
    assert out.json_chars == [len(json.dumps(p, separators=(",", ":"))) for p in out.postings]


def test_lean_builder_refuses_what_it_does_not_do():
    builder = LeanBuilder()
    builder.ref("id")
    builder.field("body")
    with pytest.raises(ValueError):
        builder.add({"id": "7", "body": ["小区"]})  # documents are numbered from 0 in order


def test_scores_x1000_round_like_python():
    """Vectorised rounding equals lunr.py's round(s, 3) scaled by 1000, ties and near-ties included."""
    rng = random.Random(7)
    values = [k / 2000 for k in range(20000)]  # every .5 boundary
    values += [k / 2000 + d for k in range(0, 20000, 7) for d in (1e-12, -1e-12, 1e-9, -1e-9)]
    values += [rng.uniform(0, 80) for _ in range(20000)]
    values += [math.log(1 + abs((9 - d + 0.5) / (d + 0.5))) * 2.2 * t / (1.2 * 0.8 + t) * 10
               for d in range(1, 9) for t in range(1, 6)]
    got = scores_x1000(np.array(values, dtype=np.float64)).tolist()
    assert got == [round(round(v, 3) * 1000) for v in values]



def stock_builder(fields: dict[str, int]) -> Builder:
    builder = Builder()
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.ref("id")
    for name, boost in fields.items():
        builder.field(name, boost=boost)
    return builder


def test_lean_builder_gives_lunr_py_scores():
    """Same terms, documents and BM25 scores as lunr.py's Builder, for fields with boosts,
    repeated and upper-case terms, empty fields and a character beyond the BMP."""
    docs = [
        {"title": ["老旧", "小区"], "body": ["老旧", "小区", "改造", "改造", "GDP"]},
        {"title": [], "body": ["老旧", "改造", "𠀀", "热线"] * 3},
        {"title": ["热线"], "body": []},
        {"title": ["ｋ", "小区"], "body": ["小区", "热线", "12345", "gdp", "改造"]},
    ]
    stock, lean = stock_builder({"title": 10, "body": 1}), LeanBuilder()
    lean.ref("id")
    lean.field("title", boost=10)
    lean.field("body")
    for builder in (stock, lean):
        for i, doc in enumerate(docs):
            builder.add({"id": str(i), **doc})
    mine = lean.postings()
    assert {"fields": list(mine.fields), "terms": mine.terms, "postings": mine.postings} == stock_postings(stock)
    # lunr.js sorts UTF-16 code units: a surrogate pair (𠀀) before ｋ, unlike Python's str order
    assert mine.terms.index("𠀀") < mine.terms.index("ｋ") and "𠀀" > "ｋ"
    assert mine.json_chars == [len(json.dumps(p, separators=(",", ":"))) for p in mine.postings]
    assert mine.pipeline == ()


def test_score_uses_the_index_fields_and_boosts():
    """score() is LeanBuilder with the index's fields and boosts, documents numbered in order."""
    docs = [{"title": ["民生"], "heading": [], "region": ["蒸湘"], "body": ["民生", "实事"]},
            {"title": [], "heading": ["民生"], "region": [], "body": ["实事", "民生"]}]
    stock = stock_builder(BOOSTS)
    for i, doc in enumerate(docs):
        stock.add({"id": str(i), **doc})
    mine = score(iter(docs))
    assert list(mine.fields) == list(BOOSTS)
    assert {"fields": list(mine.fields), "terms": mine.terms, "postings": mine.postings} == stock_postings(stock)


def test_postings_stay_in_arrays_and_read_out_per_term():
    """Entries are kept in one typed array (no Python int per entry); entry(i) is term i's list."""
    out = score([{"title": ["公园"], "heading": [], "region": ["甲区"], "body": ["公园", "社区", "公园"]},
                 {"title": [], "heading": ["社区"], "region": ["乙区"], "body": ["养老"]}])
    assert isinstance(out.flat, np.ndarray) and out.flat.dtype == np.int32
    assert [out.entry(i) for i in range(len(out.terms))] == out.postings
    assert out.terms == sorted(out.terms, key=lambda t: t.encode("utf-16-be"))


def test_postings_are_the_same_whatever_the_slice(monkeypatch):
    """postings() scores and sizes entries a slice at a time: slices that cut through a
    term's entries give the same postings and JSON sizes as one slice."""
    from generator.search import scoring

    rng = random.Random(3)
    words = ["公园", "社区", "养老", "就业", "a1", "2024"]
    docs = [{"title": rng.sample(words, 2), "heading": [rng.choice(words)], "region": ["甲区"],
             "body": [rng.choice(words) for _ in range(rng.randrange(1, 30))]} for _ in range(60)]
    whole = score(docs)
    monkeypatch.setattr(scoring, "_SLICE", 7)
    sliced = score(docs)
    assert (sliced.terms, sliced.postings, sliced.json_chars) == (whole.terms, whole.postings, whole.json_chars)
    assert whole.json_chars == [len(json.dumps(p, separators=(",", ":"))) for p in whole.postings]


def test_small_slices_cutting_through_empty_fields_give_lunr_py_scores(monkeypatch):
    """Entries are placed by term a slice at a time, and wait in a temporary file in chunks:
    slices and chunks that end inside a field, at one, or around empty fields (keys without
    entries) give lunr.py's postings all the same."""
    from generator.search import scoring

    rng = random.Random(11)
    words = ["公园", "社区", "养老", "就业", "a1", "2024", "𠀀"]
    docs = [{"title": rng.sample(words, rng.randrange(0, 3)), "body": [rng.choice(words) for _ in range(rng.randrange(0, 9))]}
            for _ in range(40)]
    stock = stock_builder({"title": 10, "body": 1})
    for i, doc in enumerate(docs):
        stock.add({"id": str(i), **doc})
    expected = stock_postings(stock)
    for size, spill in ((1, 1), (2, 7), (3, 1 << 20), (5, 4)):
        monkeypatch.setattr(scoring, "_SLICE", size)
        monkeypatch.setattr(scoring, "_SPILL", spill)
        lean = LeanBuilder()
        lean.ref("id")
        lean.field("title", boost=10)
        lean.field("body")
        for i, doc in enumerate(docs):
            lean.add({"id": str(i), **doc})
        assert bool(lean._spilled) == (spill < 100)
        mine = lean.postings()
        assert {"fields": list(mine.fields), "terms": mine.terms, "postings": mine.postings} == expected, size
        assert mine.json_chars == [len(json.dumps(p, separators=(",", ":"))) for p in mine.postings]
