"""Expensive resources, loaded once per process and passed explicitly to the stages."""

from __future__ import annotations

from dataclasses import dataclass

import jieba.posseg

from generator.lexicon import catalogue as catalogue_mod
from generator.read.figures.cues import Cues, load_cues
from generator.lexicon.gazetteer import Gazetteer
from generator.site.keywords import Idf
from generator.search.terms import Synonyms
from generator.search.segment import Segmenter
from generator.settings import Settings
from generator.lexicon.words import Words


@dataclass
class Resources:
    words: Words  # jieba's dictionary, one tokenizer shared by every stage
    gazetteer: Gazetteer
    catalogue: "catalogue_mod.Catalogue"
    units: "catalogue_mod.Units"
    idf: Idf
    segmenter: Segmenter  # search segmentation, on the same tokenizer
    synonyms: Synonyms  # the catalogue's metric names and synonyms, as search terms
    cues: Cues  # cue words and standard indicators for reading figures into frames
    pos: jieba.posseg.POSTokenizer  # part-of-speech tagging on the shared tokenizer (figure scopes)


def load_resources(settings: Settings) -> Resources:
    words = Words()
    catalogue = catalogue_mod.load_catalogue(settings.catalogue)
    return Resources(
        words=words,
        gazetteer=Gazetteer.load(words),
        catalogue=catalogue,
        units=catalogue_mod.load_units(settings.units),
        idf=Idf.load(),
        segmenter=Segmenter(words.tokenizer),
        synonyms=Synonyms.from_catalogue(catalogue),
        cues=load_cues(),
        pos=jieba.posseg.POSTokenizer(words.tokenizer),
    )
