"""Expensive resources, passed explicitly to the stages and each loaded on first use.

A warm build takes every file's results from the cache and needs little of this: loading
only what is asked for keeps it from paying for jieba's dictionary, its part-of-speech
tags or the gazetteer. One Resources object loads each resource at most once. The
gazetteer's tables ship compiled in the package (lexicon/gazetteer_tables.py); the IDF
table is compiled once into the cache folder's resources/ (lexicon/compiled.py) and read
from there by later processes.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from generator.lexicon.compiled import CompiledStore
from generator.settings import Settings

if TYPE_CHECKING:  # the modules behind these types import jieba & co.: only when loading them
    import jieba.posseg

    from generator.lexicon.catalogue import Catalogue, Units
    from generator.lexicon.gazetteer import Gazetteer
    from generator.lexicon.words import Words
    from generator.read.figures.cues import Cues
    from generator.search.terms import Synonyms
    from generator.search.segment import Segmenter
    from generator.site.keywords import Idf


class Resources:
    """The resources of one build (and of every `mkdocs serve` rebuild after it)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.compiled = CompiledStore(settings.cache_dir / "resources" if settings.cache_dir else None)

    @cached_property
    def words(self) -> Words:
        """jieba's dictionary, one tokenizer shared by every stage."""
        from generator.lexicon.words import Words
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
        from generator.site import keywords

        def compile() -> dict:
            # 270,000 words share about 3,000 distinct weights: words as one string, each
            # weight once, an index per word (loads in half the time of a {word: weight} table)
            idf = keywords.Idf.load()
            values = sorted(set(idf.freq.values()))
            number = {v: i for i, v in enumerate(values)}
            return {"words": "\n".join(idf.freq), "values": values, "index": [number[v] for v in idf.freq.values()],
                    "median": idf.median, "stop_words": sorted(idf.stop_words)}

        def decode(data: dict) -> keywords.Idf:
            words = data["words"].split("\n")
            if len(words) != len(data["index"]):
                raise ValueError("words and weights differ in number")
            freq = dict(zip(words, map(data["values"].__getitem__, data["index"])))
            return keywords.Idf(freq, float(data["median"]), frozenset(data["stop_words"]))

        inputs = (Path(str(keywords.IDF_TABLE)), keywords.STOP_WORDS, Path(keywords.__file__), Path(__file__))
        return self.compiled.load("idf", inputs, compile, decode)

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

    @cached_property
    def cues(self) -> Cues:
        """Cue words and standard indicators for reading figures into frames."""
        from generator.read.figures.cues import load_cues
        return load_cues()

    @property
    def pos(self) -> jieba.posseg.POSTokenizer:
        """Part-of-speech tagging on the shared tokenizer (figure scopes)."""
        return self.words.pos


def load_resources(settings: Settings) -> Resources:
    """The resources for `settings`; nothing is loaded until a stage asks for it."""
    return Resources(settings)
