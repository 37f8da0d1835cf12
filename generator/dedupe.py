"""One article printed in two files (a re-encoded copy, a reposted page) is one article.

After decoding and cleaning, two copies of an article have the same text whatever bytes
they came in (UTF-8 and GB18030, half- and full-width punctuation). The first copy in
file order is kept and told where else it appears; the others and their figures are
dropped, so a region never counts the same figures twice.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace
from functools import cache

from generator.records import Article, Figure, DataWarning
from generator.lexicon.text import MISSING

# Shorter texts (a caption-only piece, a one-line notice) may well repeat without being one article.
MIN_CHARS = 40
_SPACE = re.compile(r"\s+")


def text_key(article: Article) -> str | None:
    """Hash of the article's body once width, spacing and the gap markers are ignored."""
    text = "".join(p for p in article.paragraphs if p != MISSING)
    text = _SPACE.sub("", nfkc(text))
    if len(text) < MIN_CHARS:
        return None
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), quicker for Chinese text: its full-width and
    other compatibility characters replaced by their decompositions (NFKC decomposes them
    so anyway), the text is then usually NFKC already and is not normalised character by
    character (half the time of dedupe at 10,000 articles). Replaced by a regular expression
    visiting only those characters: str.translate looks every character up (four times slower)."""
    pattern, decomposed = _decompositions()
    text = pattern.sub(lambda found: decomposed[found.group()], text)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


@cache
def _decompositions() -> tuple[re.Pattern, dict[str, str]]:
    """Compatibility decompositions (NFKD) of the characters of the blocks Chinese text
    borrows from (punctuation, symbols, CJK forms, full- and half-width forms), and a
    pattern finding those characters; any other character is left to unicodedata.normalize."""
    blocks = [(0x00A0, 0x0100), (0x2000, 0x3400), (0xFE10, 0xFFF0)]
    decomposed = {chr(c): d for start, end in blocks for c in range(start, end)
                  if (d := unicodedata.normalize("NFKD", chr(c))) != chr(c)}
    return re.compile("[" + "".join(map(re.escape, decomposed)) + "]"), decomposed


def merge_duplicates(articles: list[Article], figures: list[Figure]) -> tuple[list[Article], list[Figure], list[DataWarning]]:
    """(articles without later copies, figures of the kept articles only, one warning per dropped copy).
    A kept article that has copies is returned as a new record listing them in also_in."""
    first: dict[str, Article] = {}
    copies_in: dict[int, list[str]] = {}  # id() of a kept article -> other files with its text
    dropped: set[str] = set()
    warnings: list[DataWarning] = []
    kept: list[Article] = []
    for article in articles:
        key = text_key(article)
        original = first.get(key) if key else None
        if original is None or original.source == article.source:
            if key:
                first.setdefault(key, article)
            kept.append(article)
            continue
        also = copies_in.setdefault(id(original), list(original.also_in))
        if article.source not in also:
            also.append(article.source)
        dropped.add(article.id)
        warnings.append(DataWarning(article.source, f"article “{article.title}” is the same as in {original.source}: "
                                f"listed once, its figures counted once",
                                hint="nothing to do if both files are wanted; else remove one copy from seeds/"))
    kept = [replace(a, also_in=copies_in[id(a)]) if id(a) in copies_in else a for a in kept]
    return kept, [f for f in figures if f.article not in dropped], warnings
