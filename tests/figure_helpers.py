"""The figure reader on a one-article page written in a test (shared by the test_figures* files)."""

from __future__ import annotations

import jieba
import jieba.posseg
import pytest

from generator.lexicon.catalogue import load_units
from generator.lexicon.words import Tagger
from generator.read.figures import extract_figures, load_cues
from generator.records import Article, ArticleDraft, Region, Section
from generator.settings import Settings

REGION = Region("青山县", "云岭市", "某某省", "999901", "county", "qingshan-xian")


@pytest.fixture(scope="module")
def extract():
    units = load_units(Settings().units)
    cues = load_cues()
    # The tagger the build uses (resources.pos): jieba's, remembering the phrases it tagged last.
    pos = Tagger(jieba.posseg.POSTokenizer(jieba.Tokenizer()))

    def run(*paragraphs: str, year: int | None = 2023, published: str = "", title: str = "测试"):
        draft = ArticleDraft(source="t.txt", title=title, sections=[Section(None, list(paragraphs))])
        article = Article(id="art1", draft=draft, region=REGION, year=year, url="articles/art1/")
        return extract_figures(article, None, units, cues=cues, published=published, pos=pos)

    return run


def one(figures, value: float):
    found = [f for f in figures if f.value_normalized == pytest.approx(value)]
    assert len(found) == 1, [(f.value, f.unit, f.measure) for f in figures]
    return found[0]


def span(figure) -> tuple | None:
    return None if figure.period is None else (figure.period.start, figure.period.end)
