"""generator/lexicon/pinyin.py: the pinyin of place names, from the gazetteer's table or pypinyin."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT

from generator.lexicon.gazetteer import Gazetteer
from generator.lexicon.pinyin import Spelling, short_name, spell, spelling_table
from generator.search.terms import pinyin_keys


def test_a_name_is_spelled_in_full_and_by_initials():
    assert spell("蒸湘区") == ("zhengxiangqu", "zxq")
    assert spell("A区") == ("qu", "q")  # characters without a reading are left out
    assert short_name("蒸湘区") == "蒸湘" and short_name("城区") == "城区"


def test_the_table_spells_each_name_and_its_short_name_as_spell_does():
    table = spelling_table(["蒸湘区", "衡阳市", "城区"])
    assert list(table) == sorted(table) and set(table) == {"蒸湘区", "蒸湘", "衡阳市", "衡阳", "城区"}
    assert all(tuple(v) == spell(k) for k, v in table.items())


def test_spelling_looks_known_names_up_and_spells_the_others():
    spelling = Spelling({"蒸湘区": ["looked", "up"]})
    assert spelling("蒸湘区") == ("looked", "up")
    assert spelling("衡阳市") == spell("衡阳市")


def test_the_gazetteers_table_gives_the_search_keys_pypinyin_gives():
    gazetteer = Gazetteer.load()
    regions = gazetteer.regions[::50]
    assert len(regions) > 50
    for region in regions:
        assert pinyin_keys(region, gazetteer.spelling) == pinyin_keys(region), region.name


def test_known_units_are_spelled_without_importing_pypinyin():
    code = ("import sys; from generator.lexicon.gazetteer import Gazetteer; from generator.search.terms import "
            "pinyin_keys; g = Gazetteer.load(); keys = pinyin_keys(g.get('蒸湘区'), g.spelling); "
            "print('zxq' in keys, 'pypinyin' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.stdout.strip() == "True False", proc.stderr
