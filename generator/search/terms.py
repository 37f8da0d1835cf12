"""What text the search indexes: the searchable sections of an article, the words it
contributes on its own, the names and pinyin keys of its region, the metric synonyms and
the traditional characters a query may use.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.lexicon import pinyin
from generator.lexicon.pinyin import short_name
from generator.records import Article, Region, SearchTerms
from generator.search import segment
from generator.search.segment import Segmenter
from generator.settings import PACKAGE_DIR
from generator.wordpack import pack_words

log = logging.getLogger("mkdocs.plugins.digest")

TRAD_TABLE = PACKAGE_DIR / "data" / "trad_simp.tsv"

CAPTIONS_LABEL = "图片说明"  # heading of an article's photo captions as a search section


# ----------------------------------------------------------------------------- documents

@dataclass(frozen=True)
class SectionDoc:
    """One searchable document: a section of an article."""

    article: int  # index into the articles table
    section: int  # 1-based section number (the h2 anchor is s-N)
    first_paragraph: int  # 1-based paragraph number over the whole article (#p-N)
    heading: str
    paragraphs: tuple[str, ...]


def sections(articles: list[Article]) -> list[SectionDoc]:
    """Sections with at least one paragraph, in article order, numbered like article.html;
    an article's photo captions last, as one more section labelled 图片说明 (article.html
    numbers the captions on from the last paragraph: #p-N)."""
    docs: list[SectionDoc] = []
    for a_index, article in enumerate(articles):
        paragraph = 0
        for s_index, section in enumerate(article.draft.sections, 1):
            if section.paragraphs:
                docs.append(SectionDoc(a_index, s_index, paragraph + 1, section.heading or "",
                                       tuple(section.paragraphs)))
            paragraph += len(section.paragraphs)
        if article.draft.captions:
            docs.append(SectionDoc(a_index, len(article.draft.sections) + 1, paragraph + 1, CAPTIONS_LABEL,
                                   tuple(article.draft.captions)))
    return docs


def article_terms(article: Article, segmenter: Segmenter, synonyms: Synonyms) -> SearchTerms:
    """What one article contributes to the search index on its own: its jieba words (the
    vocabulary is their union) and each section's synonym hits.

    Punctuation typesetting does not change either (normalise folds full-width ，：；
    back), so the per-file stage computes them from the data copy and caches them.
    """
    docs = sections([article])
    texts = [article.title] + [text for d in docs for text in (d.heading, *d.paragraphs)]
    words = pack_words(sorted(segment.vocabulary(segmenter, texts)))
    return SearchTerms(words, tuple(synonyms.hits(segment.normalise("\n".join(d.paragraphs))) for d in docs))


def terms_key(article: Article) -> tuple:
    """Exactly the text article_terms reads (title, section headings and paragraphs,
    captions): two articles with the same key have the same terms, whatever their ids."""
    draft = article.draft
    return (draft.title, tuple((s.heading, tuple(s.paragraphs)) for s in draft.sections), tuple(draft.captions))


def terms_by_id(articles: list[Article], computed: Iterable[tuple[Article, SearchTerms]]) -> dict[str, SearchTerms]:
    """The terms of each of `articles` by article id, found by text among (article, terms)
    pairs computed earlier (the per-file stage): merging copies and numbering clashing ids
    changes ids, never the text. An article not found is left out (the index computes it)."""
    by_text: dict[tuple, SearchTerms] = {}
    for article, terms in computed:
        by_text.setdefault(terms_key(article), terms)
    return {a.id: by_text[key] for a in articles if (key := terms_key(a)) in by_text}


# ----------------------------------------------------------------------------- regions

def region_names(region: Region) -> list[str]:
    """The region and its parents, each in full and short form (蒸湘区, 蒸湘)."""
    names: list[str] = []
    for name in (region.name, region.city, region.province):
        if name:
            names += [name, short_name(name)]
    return list(dict.fromkeys(names))


def pinyin_keys(region: Region, spell: Callable[[str], tuple[str, str]] = pinyin.spell) -> list[str]:
    """zhengxiangqu, zhengxiang, zxq (and the same for city and province); `spell` gives a
    name's (pinyin, initials): resources.spelling reads known units' from the gazetteer."""
    if region.level == "unknown":
        return []
    keys: list[str] = []
    for name in (region.name, region.city, region.province):
        if not name:
            continue
        short = short_name(name)
        full, initials = spell(name)
        keys += [full, spell(short)[0], initials]
        if len(short) >= 3:
            keys.append(spell(short)[1])
    # The gazetteer's slug (zhengxiang-qu) may read a polyphone better than pypinyin does.
    keys += [region.slug.replace("-", ""), region.slug.split("-")[0]]
    return [k for k in dict.fromkeys(segment.normalise(k) for k in keys) if segment.ASCII_RE.fullmatch(k)]


# ----------------------------------------------------------------------------- synonyms

def synonym_table(catalogue) -> dict[str, str]:
    """Normalised name or synonym -> the metric's canonical name (first metric wins)."""
    metrics = getattr(catalogue, "metrics", None)
    if not metrics:
        log.warning("search: no metric catalogue loaded, so synonyms (GDP -> 地区生产总值) are off")
        return {}
    table: dict[str, str] = {}
    for metric in metrics:
        canonical = segment.normalise(metric.name)
        for term in (metric.name, *metric.synonyms):
            # Gapped patterns (民生支出…占…比) are not a word a reader types.
            if "…" in term:
                continue
            key = segment.normalise(term.replace("“", "").replace("”", ""))
            if not list(segment.runs(key)):
                continue
            table.setdefault(key, canonical)
    return table


@dataclass(frozen=True)
class Synonyms:
    """The synonym table, with its keys grouped by first character for scanning texts."""

    table: dict[str, str]
    by_first: dict[str, tuple[tuple[str, str], ...]]

    @classmethod
    def from_catalogue(cls, catalogue) -> Synonyms:
        table = synonym_table(catalogue)
        by_first: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for key, canon in table.items():
            by_first[key[0]].append((key, canon))
        return cls(table, {c: tuple(pairs) for c, pairs in by_first.items()})

    def hits(self, normalised: str) -> tuple[str, ...]:
        """Canonical names of the synonyms in a normalised text, sorted; only the
        characters the text contains are looked up as first characters."""
        return tuple(sorted({canon for char in self.by_first.keys() & set(normalised)
                             for key, canon in self.by_first[char] if key in normalised}))


# ----------------------------------------------------------------------------- traditional characters

def trad_map(chars: set[str], table: Path = TRAD_TABLE) -> str:
    """Traditional -> simplified pairs for the characters the corpus uses, as "繁简繁简...".

    The table is OpenCC's (generator/data/README.md): each traditional character with its
    simplified candidates, several when the choice depends on the word (餘 -> 余 or 馀,
    於 -> 於 or 于); the first other character the corpus uses wins. A character the
    corpus itself uses is never mapped (台, 乾隆).
    """
    pairs: list[str] = []
    for line in table.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        trad, _, candidates = line.partition("\t")
        if len(trad) != 1 or ord(trad) > 0xFFFF or trad in chars:
            continue
        simp = next((s for s in candidates.split() if len(s) == 1 and s in chars and s != trad), None)
        if simp:
            pairs.append(trad + simp)
    return "".join(sorted(pairs))
