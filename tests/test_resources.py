"""generator/resources.py: each resource is loaded on first use, and only then."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT

from generator.resources import load_resources
from generator.settings import Settings


def test_resources_load_on_first_use_and_once():
    resources = load_resources(Settings())
    assert not {"words", "gazetteer", "catalogue", "idf"} & set(vars(resources))
    catalogue = resources.catalogue
    assert resources.catalogue is catalogue and "words" not in vars(resources)
    assert resources.segmenter.tokenizer is resources.words.tokenizer  # one shared tokenizer


def test_what_a_warm_build_uses_needs_no_part_of_speech_tags():
    # Importing jieba.posseg or jieba.analyse reads every dictionary word's tag (a second or more).
    code = ("import sys; from generator.resources import load_resources; from generator.settings import Settings; "
            "r = load_resources(Settings()); r.catalogue; r.idf; r.synonyms; r.segmenter; "
            "print(sorted(m for m in ('jieba.posseg', 'jieba.analyse') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
