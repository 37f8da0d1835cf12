"""The search of a digest: every file under assets/search/, as generator/search/FORMAT.md
specifies them. terms.py says what text is indexed, scoring.py scores it (a lunr.js index
built with lunr.py), format.py writes the files; the browser side is web/.
"""

from __future__ import annotations

import importlib.resources
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path

from generator import heap
from generator.lexicon import pinyin
from generator.records import Digest, GeneratedFile, SearchTerms
from generator.search import format, scoring, segment
from generator.search.abbreviations import load_abbreviations
from generator.search.scoring import Postings
from generator.search.segment import Segmenter
from generator.search.terms import Synonyms, article_terms, pinyin_keys, region_names, sections, trad_map
from generator.settings import Settings
from generator.wordpack import unpack_words

log = logging.getLogger("mkdocs.plugins.digest")

STATIC_DIR = Path(__file__).parent / "web"
# Runs of Chinese text whose tokens the index remembers at a time (segment.dense_tokens'
# cache): enough for the runs that recur (bylines, stock phrases), while the whole corpus's
# tokens, one string object each, would grow with it (over 1 GB at 10,000 articles).
RUN_CACHE_ENTRIES = 50_000
# search.js (an ES module) and the modules it imports, and search.css
STATIC_FILES = tuple(sorted(p.name for p in STATIC_DIR.iterdir() if p.suffix in (".js", ".css")))


def build_search(digest: Digest, resources=None, one_file_bytes: int = Settings.search_one_file_bytes,
                 terms: Mapping[str, SearchTerms] | None = None) -> list[GeneratedFile]:
    """Every file the search needs, as site-relative paths and bytes (search_files, all at once)."""
    return list(search_files(digest, resources, one_file_bytes, terms))


def search_files(digest: Digest, resources=None, one_file_bytes: int = Settings.search_one_file_bytes,
                 terms: Mapping[str, SearchTerms] | None = None,
                 vocabulary: Iterable[str] = (), consume: bool = False) -> Iterator[GeneratedFile]:
    """Every file the search needs, as site-relative paths and bytes, made one at a time
    as they are taken (the index's files of a large corpus are never all in memory).

    `resources` (generator.resources.Resources) supplies the jieba Segmenter loaded once
    and the metric catalogue for synonyms; without them a private Segmenter is made and
    synonyms are off. A kind of search data of at most `one_file_bytes` stays one file.
    `terms`: article id -> its SearchTerms computed earlier (the per-file stage); the
    articles missing there are segmented here. `vocabulary`: words of `terms` gathered
    already (feed.py), when their own `words` were left out. `consume`: the digest's list
    of articles is the caller's to give up (the forked writer's copy, feed.py): emptied once
    tokenised, so that their text is not held beside the postings.
    """
    # (jieba's dictionary is loaded only for articles whose terms were not given: most builds none)
    given = terms or {}
    segmenter = (None if all(a.id in given for a in digest.articles)
                 else getattr(resources, "segmenter", None) or Segmenter())
    synonyms = getattr(resources, "synonyms", None) or Synonyms.from_catalogue(getattr(resources, "catalogue", None))
    spell = getattr(resources, "spelling", None) or pinyin.spell
    asset_dir = format.ASSET_DIR
    static = [GeneratedFile(f"{asset_dir}/lunr.js", lunr_js())]
    static += [GeneratedFile(f"{asset_dir}/{name}", (STATIC_DIR / name).read_bytes()) for name in STATIC_FILES]
    count: dict[str, int] = defaultdict(int)  # files of each shard kind, and bytes of index and text
    for f in index_files(digest, segmenter, synonyms, one_file_bytes, terms, spell=spell, vocabulary=vocabulary,
                         consume=consume):
        kind = f.path[len(asset_dir) + 1:].partition("/")[0]
        count[kind] += 1
        count["text bytes" if kind == "t" else "index bytes"] += len(f.content)
        yield f
    yield from static
    # (raw sizes: gzip of tens of MB would cost seconds; bench/bench_search.py measures gzip)
    log.debug("search: %d files (%s), index %d KB, text %d KB",
              sum(n for k, n in count.items() if not k.endswith(" bytes")) + len(static),
              ", ".join(f"{k} {count[k]}" for k in format.SHARD_KINDS), count["index bytes"] // 1024,
              count["text bytes"] // 1024)


def lunr_js() -> bytes:
    """lunr.js as shipped by the installed mkdocs (the version lunr.py targets)."""
    path = importlib.resources.files("mkdocs") / "contrib" / "search" / "templates" / "search" / "lunr.js"
    return path.read_bytes()


def index_files(digest: Digest, segmenter: Segmenter | None, synonyms: Synonyms,
                one_file_bytes: int = Settings.search_one_file_bytes,
                terms: Mapping[str, SearchTerms] | None = None,
                abbreviations: dict[str, str] | None = None,
                spell: Callable[[str], tuple[str, str]] = pinyin.spell,
                vocabulary: Iterable[str] = (), consume: bool = False) -> Iterator[GeneratedFile]:
    """The index's JSON files (index.json, the shards, trad.json) for the digest;
    `terms` are the per-file stage's (by article id), `abbreviations` default to
    generator/data/indicators.yml's, `spell` spells region names (terms.pinyin_keys)."""
    postings, table = build_index(digest, segmenter, synonyms, one_file_bytes, terms, spell, vocabulary, consume)
    table = replace(table, abbreviations=load_abbreviations() if abbreviations is None else abbreviations)
    return format.index_files(postings, table, one_file_bytes)


def build_index(digest: Digest, segmenter: Segmenter | None, synonyms: Synonyms, one_file_bytes: int,
                terms: Mapping[str, SearchTerms] | None = None,
                spell: Callable[[str], tuple[str, str]] = pinyin.spell,
                vocabulary: Iterable[str] = (), consume: bool = False) -> tuple[Postings, format.Table]:
    """The digest's sections scored, and the tables the files carry beside the postings.

    Each article's own words and synonym hits come from `terms` (by article id, from the
    per-file stage) when there, else from `segmenter` (None: every article's terms are
    given). Documents are numbered as format.document_order says. `consume`: as search_files.
    """
    articles = digest.articles
    known = terms or {}
    own = [known.get(a.id) or article_terms(a, segmenter, synonyms) for a in articles]
    docs = sections(articles)
    # per document, its synonym hits: the article's, in its section order
    hits: list[tuple[str, ...]] = [h for mine in own for h in mine.synonyms]
    if len(hits) != len(docs):
        raise ValueError("the search terms given do not match the articles' sections: "
                         "delete the cache folder (cache_dir) and build again")
    article_rows = [format.article_row(a) for a in articles]
    doc_rows = [format.doc_row(d) for d in docs]
    order = format.document_order(doc_rows, article_rows, one_file_bytes)
    docs, hits, doc_rows = [docs[i] for i in order], [hits[i] for i in order], [doc_rows[i] for i in order]
    text = format.TextShards(doc_rows, article_rows, one_file_bytes)
    doc_articles = [row[0] for row in doc_rows]
    del doc_rows  # (the t files hold their text now)
    region_fields = {r: region_names(r) for r in dict.fromkeys(a.region for a in articles)}

    # Vocabulary: jieba's words over every field, region names, and canonical metric names.
    vocab: set[str] = set(vocabulary).union(*(unpack_words(mine.words) for mine in own))
    for names in region_fields.values():
        vocab.update(segment.normalise(n) for n in names)
    vocab.update(k for k in synonyms.table.values() if segment.CJK_RE.fullmatch(k))

    run_cache: dict[str, list[str]] = {}
    stems = segment.word_stems(vocab)

    def tokens(text: str) -> list[str]:
        if len(run_cache) > RUN_CACHE_ENTRIES:
            run_cache.clear()  # the same tokens either way: only recomputed
        return segment.dense_tokens(text, vocab, cache=run_cache, stems=stems)

    # a heading recurs across articles (a corpus's section names): tokenised once (read-only lists)
    heading_cache: dict[str, list[str]] = {}

    def heading_tokens(text: str) -> list[str]:
        found = heading_cache.get(text)
        if found is None:
            if len(heading_cache) > RUN_CACHE_ENTRIES:
                heading_cache.clear()
            found = heading_cache[text] = tokens(text)
        return found

    region_tokens = {r: [t for n in names for t in tokens(n)] + pinyin_keys(r, spell) for r, names in region_fields.items()}

    def documents() -> Iterator[dict[str, list[str]]]:
        last, title = -1, []
        for ref, doc in enumerate(docs):
            if doc.article != last:  # (an article's documents are consecutive: its title tokenised once)
                last, title = doc.article, tokens(articles[doc.article].title)
            yield {"title": title, "heading": heading_tokens(doc.heading),
                   "body": tokens("\n".join(doc.paragraphs)) + list(hits[ref]),
                   "region": region_tokens[articles[doc.article].region]}
        # every document tokenised: the sections, caches and word sets let go before the
        # postings are made (the rows and text shards keep what the files need); and the
        # articles, when they are this call's to let go
        for held in (docs, hits, run_cache, heading_cache, stems, vocab, *([articles] if consume else [])):
            held.clear()
        heap.give_back()

    postings = scoring.score(documents())
    chars = {c for term in postings.terms for c in term}
    table = format.Table(articles=article_rows, doc_articles=doc_articles, text=text, max_word=segment.MAX_WORD,
                         synonyms=synonyms.table, trad=trad_map(chars))
    return postings, table
