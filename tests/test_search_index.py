"""The search of a digest (generator/search/index.py) on hand-made digests (no seeds, no browser)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from lunr.index import Index
from lunr.query import Query, QueryPresence

from generator.records import Digest, SearchTerms
from generator.search import format
from generator.search.format import INDEX_PATH, assemble
from generator.search.index import STATIC_FILES, build_search, search_files
from generator.search.segment import Segmenter
from generator.search.terms import Synonyms, article_terms
from generator.settings import Settings
from search_fixture import TIANXIN, ZHENGXIANG, article

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Metric:
    name: str
    synonyms: tuple[str, ...]


@dataclass
class Catalogue:
    metrics: list[Metric]


@dataclass
class FakeResources:
    segmenter: Segmenter
    catalogue: Catalogue | None


CATALOGUE = Catalogue([Metric("地区生产总值", ("GDP", "生产总值", "民生支出…占…比"))])


def make_digest() -> Digest:
    articles = [
        article(1, "书写有温度的民生答卷", ZHENGXIANG, [
            (None, ["蒸湘区扎实推进办好民生实事工作。", "开通12345热线，建成5G基站。"]),
            ("聚力提效能", ["老旧小区改造完成，GDP增长5.7%。", "Running services for the people."]),
            ("空标题", []),
            ("绘就新画卷", ["全区余万元投入，</script><script>alert(1)</script>"]),
        ]),
        article(2, "天心区基层治理", TIANXIN, [
            ("网格", ["天心区地区生产总值突破千亿元，老旧小区改造加速。"]),
        ]),
    ]
    return Digest(sources=[], articles=articles, regions=[ZHENGXIANG, TIANXIN], figures=[], warnings=[],
                  build_date="2025-11-25")


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter()


@pytest.fixture(scope="module")
def files(segmenter) -> dict[str, bytes]:
    out = build_search(make_digest(), FakeResources(segmenter, CATALOGUE))
    return {f.path: f.content for f in out}


@pytest.fixture(scope="module")
def assembled(files) -> tuple[dict, dict]:
    """The whole index and docs table, put back together from the shards."""
    return assemble(files)


@pytest.fixture(scope="module")
def serial(assembled) -> dict:
    return assembled[0]


@pytest.fixture(scope="module")
def table(assembled) -> dict:
    return assembled[1]


@pytest.fixture(scope="module")
def terms(serial) -> list[str]:
    return [t for t, _ in serial["invertedIndex"]]


@pytest.fixture(scope="module")
def index(serial) -> Index:
    return Index.load(serial)


def required(index: Index, *words: str) -> set[str]:
    """Refs matching all words (exact terms), with lunr.py's own query engine."""
    query = Query(index.fields)
    for word in words:
        query.term(word, presence=QueryPresence.REQUIRED, use_pipeline=False)
    return {r["ref"] for r in index.query(query)}


def test_files_shipped(files):
    # A small corpus: the entry file and one file per shard kind (no inner-character
    # table: with one vocabulary shard search.js scans it whole).
    assert set(files) == {INDEX_PATH, "assets/search/v/0.json", "assets/search/p/0-0.json",
                          "assets/search/t/0.json", "assets/search/trad.json", "assets/search/lunr.js",
                          "assets/search/search.css"} | {f"assets/search/{name}" for name in STATIC_FILES}
    assert b"lunr" in files["assets/search/lunr.js"][:2000]
    assert b"digestSearch" in files["assets/search/search.js"]


def test_no_stemmer_or_stop_word_filter(serial, terms):
    assert serial["pipeline"] == []
    # An English stemmer would index "run" and "servic"; lunr's stop-word filter drops "for".
    assert {"running", "services", "for", "the"} <= set(terms)
    assert "run" not in terms and "servic" not in terms


def test_vocabulary_has_mixed_tokens_and_region_keys(terms):
    vocab = set(terms)
    assert {"12345", "热线", "5g", "民生", "实事", "老旧", "小区", "改造"} <= vocab
    assert {"蒸湘区", "蒸湘", "衡阳市", "衡阳", "湖南省", "湖南"} <= vocab
    assert {"zhengxiang", "zhengxiangqu", "zxq", "hengyang", "tianxin"} <= vocab
    # Terms are in JS string order (lunr.js's token set insists on it).
    assert terms == sorted(terms, key=lambda t: t.encode("utf-16-be"))
    assert all(t and " " not in t for t in terms)


def test_sections_are_documents_with_paragraph_anchors(table):
    articles, docs = table["articles"], table["docs"]
    assert articles[0] == ["书写有温度的民生答卷", "articles/a1/", "蒸湘区", "湖南省 衡阳市 蒸湘区"]
    # [article, section number, first paragraph number (#p-N over the whole article), heading, paragraphs]
    assert [d[:4] for d in docs] == [[0, 1, 1, ""], [0, 2, 3, "聚力提效能"], [0, 4, 5, "绘就新画卷"],
                                     [1, 1, 1, "网格"]]


def test_all_terms_required(index):
    assert required(index, "老旧", "小区", "改造") == {"1", "3"}
    assert required(index, "老旧", "天心区") == {"3"}
    assert required(index, "12345") == {"0"}
    assert required(index, "zxq") == {"0", "1", "2"}
    assert required(index, "民生", "不存在") == set()


def test_synonyms_map_to_the_canonical_metric(index, table):
    assert table["synonyms"]["gdp"] == "地区生产总值"
    assert table["synonyms"]["生产总值"] == "地区生产总值"
    assert not any("…" in k for k in table["synonyms"])
    # Section 1 says GDP, section 3 says 地区生产总值: the canonical term finds both.
    assert required(index, "地区生产总值") == {"1", "3"}


def test_missing_catalogue_is_reported(segmenter, caplog):
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.digest"):
        out = build_search(make_digest(), FakeResources(segmenter, None))
    assert "synonyms" in caplog.text and "off" in caplog.text
    assert json.loads(next(f.content for f in out if f.path == INDEX_PATH))["synonyms"] == {}


def test_trad_map_only_for_characters_the_corpus_uses(table):
    pairs = {table["trad"][i]: table["trad"][i + 1] for i in range(0, len(table["trad"]), 2)}
    assert pairs["區"] == "区" and pairs["實"] == "实" and pairs["熱"] == "热"
    assert pairs["餘"] == "余"  # OpenCC: 余 or 馀 by the word; the corpus writes 余
    assert "龍" not in pairs  # 龙 is not in the corpus
    corpus = "".join(d[3] + "".join(d[4]) for d in table["docs"]) + "".join(a[0] + a[3] for a in table["articles"])
    assert all(s in corpus for s in pairs.values())


def test_json_is_safe_inside_a_script_tag(files, table):
    text = files["assets/search/t/0.json"]
    assert all(b"<" not in content for path, content in files.items() if path.endswith(".json"))
    assert b"\\u003c/script\\u003e" in text
    assert "</script><script>alert(1)</script>" in table["docs"][2][4][0]  # decoded intact


def test_output_is_deterministic(files, segmenter):
    again = {f.path: f.content for f in build_search(make_digest(), FakeResources(segmenter, CATALOGUE))}
    assert again == files


def test_a_full_run_cache_is_emptied_without_changing_the_files(files, segmenter, monkeypatch):
    from generator.search import index as index_mod, segment
    sizes = []
    dense_tokens = segment.dense_tokens

    def watched(text, vocabulary, *args, cache=None, **kwargs):
        sizes.append(len(cache))
        return dense_tokens(text, vocabulary, *args, cache=cache, **kwargs)
    monkeypatch.setattr(index_mod, "RUN_CACHE_ENTRIES", 1)
    monkeypatch.setattr(segment, "dense_tokens", watched)
    again = {f.path: f.content for f in build_search(make_digest(), FakeResources(segmenter, CATALOGUE))}
    assert again == files
    assert max(sizes) <= 2 and sizes.count(0) > 1  # held at most the bound (+ one run of a text), emptied again


def test_output_does_not_depend_on_hash_seed(files):
    code = ("import sys, hashlib; sys.path.insert(0, 'tests'); "
            "from test_search_index import *; "
            "out = build_search(make_digest(), FakeResources(Segmenter(), CATALOGUE)); "
            "print(hashlib.sha256(b''.join(f.content for f in out)).hexdigest())")
    import hashlib
    expected = hashlib.sha256(b"".join(files[p] for p in sorted(files, key=list(files).index))).hexdigest()
    for seed in ("1", "2"):
        proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.strip().splitlines()[-1] == expected


def test_sharded_index_is_the_same_index(files, segmenter, monkeypatch):
    """A corpus too big for one file per kind: many shards, documents grouped by region,
    and put back together the same terms, documents and scores."""
    monkeypatch.setattr(format, "VOCAB_SHARD_BYTES", 64)
    monkeypatch.setattr(format, "POSTINGS_SHARD_BYTES", 64)
    sharded = {f.path: f.content for f in build_search(make_digest(), FakeResources(segmenter, CATALOGUE),
                                                       one_file_bytes=1)}
    names = set(sharded)
    for kind in ("v", "c", "p", "t"):
        assert sum(1 for n in names if n.startswith(f"assets/search/{kind}/")) > 1, kind
    entry = json.loads(sharded[INDEX_PATH])
    assert entry["textDocs"] == format.TEXT_SHARD_DOCS
    assert entry["runs"] == [1, 3] and "runRegion" not in entry  # 天心区 first, then 蒸湘区
    serial, table = assemble(sharded)
    one_serial, one_table = assemble(files)
    assert {t for t, _ in serial["invertedIndex"]} == {t for t, _ in one_serial["invertedIndex"]}
    key = lambda docs: [(d[0], d[1]) for d in docs]  # noqa: E731
    assert sorted(key(table["docs"])) == sorted(key(one_table["docs"]))
    renumber = {str(i): key(table["docs"])[i] for i in range(len(table["docs"]))}
    renumber_one = {str(i): key(one_table["docs"])[i] for i in range(len(one_table["docs"]))}
    index, one = Index.load(serial), Index.load(one_serial)
    for words in (["老旧", "小区"], ["zxq"], ["地区生产总值"], ["民生"], ["改造"]):
        got = {renumber[r["ref"]]: round(r["score"], 6) for r in index.search(" ".join(words))}
        expected = {renumber_one[r["ref"]]: round(r["score"], 6) for r in one.search(" ".join(words))}
        assert got == expected and got, words
    again = {f.path: f.content for f in build_search(make_digest(), FakeResources(segmenter, CATALOGUE),
                                                     one_file_bytes=1)}
    assert again == sharded


class _NoSegmenter:
    """A segmenter that must not be used: every article's terms were given."""

    def __getattr__(self, name):
        raise AssertionError(f"segmenter.{name} used although the terms were given")


def test_precomputed_article_terms_give_the_same_files(files, segmenter):
    """The per-file stage computes article_terms beside the articles; the index built from
    them (passed by article id) must be the one built from scratch, sharded or not, and
    needs no segmenting of its own."""
    synonyms = Synonyms.from_catalogue(CATALOGUE)
    for one_file_bytes in (Settings.search_one_file_bytes, 1):
        digest = make_digest()
        scratch = {f.path: f.content for f in build_search(digest, FakeResources(segmenter, CATALOGUE),
                                                           one_file_bytes=one_file_bytes)}
        terms = {a.id: article_terms(a, segmenter, synonyms) for a in digest.articles}
        assert terms[digest.articles[0].id].synonyms[1] == ("地区生产总值",)  # GDP in 聚力提效能
        stored = {f.path: f.content for f in build_search(digest, FakeResources(_NoSegmenter(), CATALOGUE),
                                                          one_file_bytes=one_file_bytes, terms=terms)}
        assert stored == scratch
    assert scratch != files  # (the sharded variant really was a different layout)


def test_article_terms_that_do_not_fit_the_article_are_refused(segmenter):
    digest = make_digest()
    terms = {digest.articles[1].id: SearchTerms(words=("天心",), synonyms=())}  # no section at all
    with pytest.raises(ValueError, match="cache"):
        build_search(digest, FakeResources(segmenter, CATALOGUE), terms=terms)


def test_a_consumed_digest_gives_the_same_files_and_is_let_go(files, segmenter):
    """A forked writer's articles are its own copy (consume=True): emptied once tokenised,
    before the postings are made, with the same files written."""
    from generator.search import scoring

    digest = make_digest()
    seen_at_scoring = []
    score = scoring.score

    def watched(documents):
        def watching():
            yield from documents
            seen_at_scoring.append(len(digest.articles))  # every document given: the postings come next
        return score(watching())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(scoring, "score", watched)
        consumed = {f.path: f.content for f in search_files(digest, FakeResources(segmenter, CATALOGUE), consume=True)}
    assert consumed == files
    assert seen_at_scoring == [0] and digest.articles == []
    kept = make_digest()
    list(search_files(kept, FakeResources(segmenter, CATALOGUE)))
    assert len(kept.articles) == len(make_digest().articles)  # not consumed: the caller's, untouched
