"""Expensive resources, passed explicitly to the stages and each loaded on first use.

A warm build takes every file's results from the cache and needs little of this: loading
only what is asked for keeps it from paying for jieba's dictionary, its part-of-speech
tags or the gazetteer. One Resources object loads each resource at most once. The
gazetteer's tables ship compiled in the package (lexicon/gazetteer_tables.py); jieba's IDF
table is read from the installed jieba when a region page first ranks its keywords.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from generator.settings import Settings

if TYPE_CHECKING:  # the modules behind these types import jieba & co.: only when loading them
    from generator.lexicon.catalogue import Catalogue, Units
    from generator.lexicon.gazetteer import Gazetteer
    from generator.lexicon.pinyin import Spelling
    from generator.lexicon.words import Tagger, Words
    from generator.read.figures.cues import Cues
    from generator.search.terms import Synonyms
    from generator.search.segment import Segmenter
    from generator.site.keywords import Idf


class Resources:
    """The resources of one build (and of every `mkdocs serve` rebuild after it)."""

    def __init__(self, settings: Settings):
        self.settings = settings

    @cached_property
    def words(self) -> Words:
        """jieba's dictionary, one tokenizer shared by every stage."""
        from generator.lexicon.words import Tagger, Words
        return Words()

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from generator.lexicon.gazetteer import Gazetteer
        return Gazetteer.load(self.words)

    @cached_property
    def catalogue(self) -> Catalogue:
        from generator.lexicon.catalogue import load_catalogue
        return load_catalogue(self.settings.catalogue)

    @cached_property
    def units(self) -> Units:
        from generator.lexicon.catalogue import load_units
        return load_units(self.settings.units)

    @cached_property
    def idf(self) -> Idf:
        """Stop words, and jieba's IDF table when a region page's keywords are ranked."""
        from generator.site.keywords import Idf
        return Idf.load()

    @cached_property
    def segmenter(self) -> Segmenter:
        """Search segmentation, on the same tokenizer."""
        from generator.search.segment import Segmenter
        return Segmenter(self.words.tokenizer)

    @cached_property
    def synonyms(self) -> Synonyms:
        """The catalogue's metric names and synonyms, as search terms."""
        from generator.search.terms import Synonyms
        return Synonyms.from_catalogue(self.catalogue)

    @property
    def spelling(self) -> Spelling:
        """Pinyin of region names for search keys, the gazetteer's units' from its tables."""
        return self.gazetteer.spelling

    @cached_property
    def cues(self) -> Cues:
        """Cue words and standard indicators for reading figures into frames."""
        from generator.read.figures.cues import load_cues
        return load_cues()

    @property
    def pos(self) -> Tagger:
        """Part-of-speech tagging on the shared tokenizer (figure scopes)."""
        return self.words.pos


def load_resources(settings: Settings) -> Resources:
    """The resources for `settings`; nothing is loaded until a stage asks for it."""
    return Resources(settings)
