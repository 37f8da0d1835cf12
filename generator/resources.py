"""Expensive resources, loaded once per process and passed explicitly to the stages."""

from __future__ import annotations

import contextlib
import io
import logging
from dataclasses import dataclass, field

from . import catalogue as catalogue_mod
from .gazetteer import Gazetteer
from .keywords import Idf
from .segment import Segmenter
from .settings import Settings


@dataclass
class Resources:
    gazetteer: Gazetteer
    catalogue: "catalogue_mod.Catalogue"
    units: "catalogue_mod.Units"
    idf: Idf
    # Search segmentation: one jieba Tokenizer, dictionary loaded on first use, kept across rebuilds.
    segmenter: Segmenter = field(default_factory=Segmenter)


def load_resources(settings: Settings) -> Resources:
    # jieba logs its dictionary loading at INFO to stderr; keep the build output readable.
    logging.getLogger("jieba").setLevel(logging.WARNING)
    # jionlp prints an advertising banner on stdout when imported; stdout belongs to our CLI.
    with contextlib.redirect_stdout(io.StringIO()):
        gazetteer = Gazetteer.load()
    return Resources(
        gazetteer=gazetteer,
        catalogue=catalogue_mod.load_catalogue(settings.catalogue),
        units=catalogue_mod.load_units(settings.units),
        idf=Idf.load(),
    )
