"""The index format (generator/search/FORMAT.md) from both sides: the Python writer gives the
checked-in fixture bytes (tests/fixtures/search/), and the browser's own modules
(generator/search/web/*.js), run by node, read those files and answer known queries."""

from __future__ import annotations

import importlib.resources
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.search import format
from generator.search.segment import Segmenter
from search_fixture import FIXTURES, JS_PROPERTY_NAMES, LAYOUTS, ZW, all_files

ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "generator" / "search" / "web"
READER = ROOT / "tests" / "js" / "search_reader.mjs"

# query -> the sections (article url#s<section>) that must come back, read off the
# fixture digest's text in search_fixture.make_digest.
ANSWERS = {
    "民生实事": {"a1#s1"},
    "老旧小区 改造": {"a1#s2", "a2#s1"},
    "12345热线": {"a1#s1", "a2#s2"},  # a2's text has a zero-width space inside 热线
    f"热{ZW}线": {"a1#s1", "a2#s2"},
    f"12345热{ZW}线": {"a1#s1", "a2#s2"},
    "GDP": {"a1#s2", "a2#s1"},  # synonym of 地区生产总值
    "生产总值": {"a1#s2", "a2#s1"},
    "constructor": {"a1#s2"},
    "toString": {"a1#s2"},
    "valueOf": {"a1#s2"},
    "鄉村振興": {"a2#s1"},  # traditional characters
    "zhengxiang": {"a1#s1", "a1#s2"},  # region pinyin
    "tianxin": {"a2#s1", "a2#s2"},
    "湘": {"a1#s1", "a1#s2"},  # a character inside a term only (蒸湘区)
    "量子": set(),
    '"实事民生"': set(),
    # words in different sections of one article: the article answers with both sections
    "乡村振兴 热线": {"a2#s1", "a2#s2"},
    "老旧小区 热线": {"a1#s1", "a1#s2", "a2#s1", "a2#s2"},
    "乡村振兴 量子": set(),
    # abbreviations (search_fixture.ABBREVIATIONS): 规上 is written out as 规模以上
    "规上工业": {"a1#s1"},
    "规上工业企业 蒸湘": {"a1#s1"},
    "规模以上工业": {"a1#s1"},
    "社零": set(),
}
# query -> {hit: units it lacks} for hits that hold only part of the query
LACKS = {
    "乡村振兴 热线": {"a2#s1": ["热线"], "a2#s2": ["乡村振兴"]},
    "老旧小区 改造": {},
}


def short(hit: str) -> str:
    """articles/a1/#s2 -> a1#s2"""
    url, _, section = hit.partition("#")
    return url.rstrip("/").rsplit("/", 1)[-1] + "#" + section


def test_fixture_files_are_what_the_writer_writes():
    files = all_files(Segmenter())
    on_disk = {p.relative_to(FIXTURES).as_posix(): p.read_bytes() for p in FIXTURES.rglob("*.json")}
    assert sorted(on_disk) == sorted(files), "run: .venv/bin/python tests/search_fixture.py"
    for path, content in files.items():
        assert on_disk[path] == content, f"{path} differs; after a deliberate format change run tests/search_fixture.py"
    # the sharded layout really has every kind of file split
    entry = json.loads(files["sharded/index.json"])
    assert entry["shards"]["v"] > 1 and entry["shards"]["c"] > 0 and entry["shards"]["t"] > 1


@pytest.fixture(scope="module")
def reader(tmp_path_factory) -> dict:
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not installed: the JS reader is tested in the browser tests only")
    lunr = importlib.resources.files("mkdocs") / "contrib" / "search" / "templates" / "search" / "lunr.js"
    queries = tmp_path_factory.mktemp("reader") / "queries.json"
    queries.write_text(json.dumps(sorted(set(ANSWERS) | set(JS_PROPERTY_NAMES)), ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run([node, str(READER), str(lunr), str(FIXTURES), str(queries)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_js_normalises_and_hashes_like_python(reader):
    cases = json.loads((FIXTURES / "cases.json").read_text(encoding="utf-8"))
    assert reader["cases"]["normalise"] == cases["normalise"]
    assert reader["cases"]["fnv"] == cases["fnv"]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_js_reader_answers_known_queries(reader, layout):
    answers = reader["answers"][layout]
    for query, expected in ANSWERS.items():
        got = answers[query]
        assert "error" not in got, (query, got)
        assert got["exact"], query
        assert {short(h) for h in got["hits"]} == expected, query
    for query, expected in LACKS.items():
        assert {short(h): lacks for h, lacks in answers[query]["lacks"].items()} == expected, query


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_js_property_names_are_ordinary_words(reader, layout):
    answers = reader["answers"][layout]
    for name in JS_PROPERTY_NAMES:
        got = answers.get(name)
        assert got is not None and "error" not in got, (name, got)
        # only a1#s2 holds English words; a prefix (call -> calls) may match there
        assert {short(h) for h in got["hits"]} <= {"a1#s2"}, name


def test_sharded_reader_loads_every_kind_of_file(reader):
    loaded = reader["loaded"]["sharded"]
    for kind in ("v/", "p/", "c/", "t/"):
        assert any(name.startswith(kind) for name in loaded), kind


def test_js_modules_are_small_and_use_no_bundler():
    modules = sorted(STATIC.glob("*.js"))
    assert len(modules) > 3
    for path in modules:
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 400, path.name
        for line in text.splitlines():
            if line.startswith("import "):
                assert line.rstrip().endswith('.js";'), (path.name, line)  # relative files only


def test_format_is_specified_once():
    spec = ROOT / "generator" / "search" / "FORMAT.md"
    assert spec.is_file()
    python = sorted((ROOT / "generator" / "search").glob("*.py"))
    for path in (ROOT / "generator" / "search" / "format.py", ROOT / "generator" / "search" / "index.py",
                 STATIC / "shards.js", STATIC / "engine.js"):
        assert "search/FORMAT.md" in path.read_text(encoding="utf-8"), path.name
    # the files' descriptions live in the spec only: the code names a file, never describes its layout
    for path in python:
        text = path.read_text(encoding="utf-8")
        for heading in ("### v/K.json", "### p/K-J.json", "`{\"d0\"", "offset basis"):
            assert heading not in text, (path.name, heading)
    assert sum("def fnv(" in p.read_text(encoding="utf-8") for p in python) == 1


def test_files_are_compact_sorted_and_inert_json():
    data = {"b": "</script>&", "a": [1, {"d": 2, "c": "中"}]}
    text = format.dumps(data)
    assert text == '{"a":[1,{"c":"中","d":2}],"b":"\\u003c/script\\u003e\\u0026"}'.encode("utf-8")
    assert json.loads(text) == data


def test_hash_is_fnv1a_over_utf16_code_units():
    assert format.fnv("") == 2166136261  # the offset basis
    assert format.fnv("a") == 0xE40C292C  # FNV-1a of the single unit 0x0061
    h = 2166136261
    for unit in (0xD840, 0xDC00):  # 𠀀 is a surrogate pair: two code units
        h = ((h ^ unit) * 16777619) % 2**32
    assert format.fnv("𠀀") == h


def test_prefix_keys():
    assert format.vocab_key("民生实事") == "民"
    assert format.vocab_key("5g") == "5g" and format.vocab_key("12345") == "12"


def test_large_corpus_groups_documents_by_region_stably():
    articles = [["标题", "a/", "乙区", "乙区"], ["标题", "b/", "甲区", "甲区"]]
    docs = [[0, 1, 1, "", ["一"]], [1, 1, 1, "", ["二"]], [0, 2, 2, "", ["三"]]]
    text = sum(len(p.encode()) for d in docs for p in d[4]) + sum(len(a[0].encode()) for a in articles)
    assert format.document_order(docs, articles, text) == [0, 1, 2]  # one file: article order
    assert format.document_order(docs, articles, text - 1) == [0, 2, 1]  # 乙区 (U+4E59) first, 0 before 2


def test_shards_are_ordered_by_number():
    names = ["v/10", "p/3-1", "v/2", "trad", "p/3-0", "p/10-0"]
    assert [n for n, _ in sorted(((n, None) for n in names), key=format.shard_order)] == \
        ["p/3-0", "p/3-1", "p/10-0", "trad", "v/2", "v/10"]


def _tiny_index(one_file_bytes: int):
    """Postings and table of a few made-up sections, for the writer's own tests."""
    from generator.search import scoring

    words = ["公园", "社区", "养老", "就业", "文旅", "产业", "生态", "治理"]
    docs = [[d // 2, d % 2 + 1, 1, "标题", [words[d % 8] * 40, words[(d * 3) % 8] * 30]] for d in range(24)]
    articles = [[f"第{a}篇", f"articles/{a}/", "甲区" if a % 2 else "乙区", "甲区"] for a in range(12)]
    postings = scoring.score({"title": [], "heading": [], "region": [],
                              "body": [w for p in d[4] for w in (p[:2], p[2:4])] + [f"w{d[0]}"]} for d in docs)
    table = format.Table(articles=articles, doc_articles=[d[0] for d in docs],
                         text=format.TextShards(docs, articles, one_file_bytes), max_word=8, synonyms={}, trad="")
    return postings, table


@pytest.mark.parametrize("one_file_bytes", [200, 1 << 20])
def test_index_files_come_one_at_a_time_in_shard_order_entry_last(one_file_bytes):
    """The writer is lazy (a large index is never all in memory), gives the shards in
    shard_order and index.json last, whose build hash covers every file before it."""
    import hashlib
    import types

    postings, table = _tiny_index(one_file_bytes)
    stream = format.index_files(postings, table, one_file_bytes)
    assert isinstance(stream, types.GeneratorType)
    files = list(stream)
    assert files[-1].path == format.INDEX_PATH
    shards = files[:-1]
    names = [f.path[len(format.ASSET_DIR) + 1:-len(".json")] for f in shards]
    assert names == [n for n, _ in sorted(((n, None) for n in names), key=format.shard_order)]
    expected = hashlib.sha256(b"".join(f.path.encode() + b"\0" + f.content for f in shards)).hexdigest()[:12]
    entry = json.loads(files[-1].content)
    assert entry["build"] == expected
    assert len([n for n in names if n.startswith("p/")]) > (1 if one_file_bytes == 200 else 0)
    # every term's postings, read back from the p files, are the scorer's
    serial, _ = format.assemble({f.path: f.content for f in files})
    assert [t for t, _ in serial["invertedIndex"]] == postings.terms


def test_text_shards_read_back_the_same_from_memory_or_a_temporary_file(monkeypatch):
    """The t files are made first and kept as bytes: past TEXT_SPOOL_BYTES in a temporary
    file, read back unchanged, in shard order, as often as they are asked for."""
    docs = [[d // 2, d % 2 + 1, 1, "标题", ["段落" * (d + 1)]] for d in range(9)]
    articles = [[f"第{a}篇", f"articles/{a}/", "甲区", "甲区"] for a in range(5)]
    in_memory = format.TextShards(docs, articles, 100)
    monkeypatch.setattr(format, "TEXT_SPOOL_BYTES", 64)
    on_disk = format.TextShards(docs, articles, 100)
    assert on_disk._file._rolled and not in_memory._file._rolled
    files = list(in_memory.files())
    assert [n for n, _ in files] == [f"t/{k}" for k in range(5)] and (in_memory.count, in_memory.per_file) == (5, 2)
    assert list(on_disk.files()) == files == list(on_disk.files())
    assert json.loads(files[4][1]) == {"d0": 8, "docs": [docs[8]], "articles": {"4": articles[4]}}
    one = format.TextShards(docs, articles, 1 << 20)  # small corpus: one file of every document
    assert (one.count, one.per_file) == (1, 9) and json.loads(next(one.files())[1])["docs"] == docs


def test_text_is_large_once_paragraphs_and_titles_pass_the_one_file_limit():
    docs = [[0, 1, 1, "", ["一二", "三"]]]  # 9 bytes of paragraphs (UTF-8)
    articles = [["标题", "articles/a/", "某区", "某省 某区"]]  # a 6-byte title
    assert not format.is_large(docs, articles, 15)  # exactly at the limit: one file
    assert format.is_large(docs, articles, 14)  # the title's last byte passes it
    assert format.is_large(docs * 2, articles, 17)  # paragraphs alone pass it (the titles not measured)
