"""generator/search/abbreviations.py: the short forms of indicators.yml, for query expansion."""

from __future__ import annotations

import logging

from generator.search.abbreviations import load_abbreviations


def test_catalogue_abbreviations_are_short_forms_of_other_words():
    table = load_abbreviations()
    assert table, "indicators.yml should list abbreviations (规上: 规模以上)"
    for short, full in table.items():
        assert short != full and len(short) < len(full), short


def test_entries_are_normalised(tmp_path):
    path = tmp_path / "indicators.yml"
    path.write_text("abbreviations:\n  ＧＤ: 国内生产\n", encoding="utf-8")
    assert load_abbreviations(path) == {"gd": "国内生产"}


def test_bad_entries_are_skipped_with_a_warning_naming_the_file(tmp_path, caplog):
    path = tmp_path / "indicators.yml"
    path.write_text("abbreviations:\n  规上: 规模以上\n  坏: \n  同: 同\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.digest"):
        assert load_abbreviations(path) == {"规上": "规模以上"}
    assert caplog.text.count(str(path)) == 2
    path.write_text("abbreviations: [规上]\n", encoding="utf-8")
    assert load_abbreviations(path) == {}
    path.write_text("indicators: []\n", encoding="utf-8")
    assert load_abbreviations(path) == {}
