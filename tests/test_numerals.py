"""generator/lexicon/numerals.py: Chinese numerals read as cn2an's smart mode reads them."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys

import cn2an
import pytest
from helpers import ROOT

from generator.lexicon.numerals import DIGITS, UNITS, value


def cn2ans(text: str):
    try:
        return cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, TypeError):
        return None


@pytest.mark.parametrize("text, number", [
    ("两", 2), ("十", 10), ("十二", 12), ("二十", 20), ("一百", 100), ("一百十", 110), ("一千十", 1010),
    ("两千零五", 2005), ("三千五", 3500), ("一百二", 120), ("一二三", 123), ("二〇二四", 2024),
    ("十四五", None), ("五六千", None), ("十十五", None), ("百", None), ("10", 10.0), ("2.5", 2.5), ("", None),
])
def test_numerals(text, number):
    assert value(text) == number and type(value(text)) is type(number)


def test_every_numeral_of_up_to_four_characters_reads_as_cn2an_reads_it():
    alphabet = "".join(DIGITS) + "".join(UNITS)
    for size in range(1, 5):
        for chars in itertools.product(alphabet, repeat=size):
            text = "".join(chars)
            assert value(text) == cn2ans(text), text


def test_longer_numerals_read_as_cn2an_reads_them():
    alphabet = "".join(DIGITS) + "".join(UNITS)
    rng = random.Random(16)
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(5, 10))) for _ in range(5000)]
    texts += [cn2an.an2cn(n) for n in range(0, 10000, 7)]  # standard numerals
    texts += [t.replace("二", "两") for t in texts[-500:]]
    for text in texts:
        assert value(text) == cn2ans(text), text


def test_other_text_is_left_to_cn2an():
    assert value("1.5万") == cn2ans("1.5万") == 15000
    assert value("两万") == 20000 and value("不是数") is None


def test_numerals_are_read_without_importing_cn2an():
    code = ("import sys; from generator.lexicon.numerals import value; "
            "print(value('一千零五'), value('十四五'), value('12'), 'cn2an' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.stdout.strip() == "1005 None 12.0 False", proc.stderr
