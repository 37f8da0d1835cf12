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
    for path in (ROOT / "generator" / "search" / "index.py", STATIC / "shards.js", STATIC / "engine.js"):
        assert "search/FORMAT.md" in path.read_text(encoding="utf-8"), path.name
