"""What the search writer indexes, sent to it instead of inherited.

A search writer forked after the digest is read (mkdocs/background.py) starts with the whole
parent: the kernel counts every page of it in the child's memory too, and every page either
process then touches (a reference count is a write) is copied. At 100,000 articles that child
was the largest process of the build. Forked before the reading, while the parent is small,
the child instead receives what the index needs, the typeset articles and their search terms,
over a pipe a batch at a time, and holds nothing else: of an article, only the parts the index
reads (its title, sections, captions, region and URL), not its authors, line spans or warnings.

Only for a writer that really runs in a forked child: in-process, `receive` would wait for a
`send` that comes after it.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Mapping
from dataclasses import replace
from itertools import islice

from generator.records import Article, ArticleDraft, Digest, Region, SearchTerms
from generator.wordpack import unpack_words

# Articles pickled into one message: big enough that a message costs little, small enough
# that neither process holds much of the corpus as pickles at once.
BATCH = 500


class ArticleFeed:
    """A one-way pipe from the build (send) to its forked search writer (receive)."""

    def __init__(self) -> None:
        self._receiver, self._sender = multiprocessing.get_context("fork").Pipe(duplex=False)

    def forked(self) -> None:
        """In the build, once the writer is forked: only the child reads."""
        self._receiver.close()

    def send_words(self, terms: Mapping[str, SearchTerms]) -> None:
        """First, the terms' words, packed as they are (wordpack.py): the writer makes the
        vocabulary of them (all the index needs of them) while the build typesets the
        articles it sends next. Words are never made in the build: decoding them was half
        of the work before it could send anything. They go as UTF-8 bytes: pickling a str
        keeps a UTF-8 copy inside it (for the terms' lifetime: at 10,000 articles, 29 MB)."""
        packed = iter([t.words.encode("utf-8") for t in terms.values()])
        while batch := list(islice(packed, BATCH)):
            self._sender.send(batch)
        self._sender.send(None)

    def send(self, articles: Iterable[Article], terms: Mapping[str, SearchTerms]) -> None:
        """Then the articles with their terms (by article id; their words went first), then the end."""
        articles = iter(articles)
        while batch := list(islice(articles, BATCH)):
            self._sender.send([(_for_index(a), _without_words(terms.get(a.id))) for a in batch])
        self._sender.send(None)
        self._sender.close()

    def receive(self) -> tuple[Digest, dict[str, SearchTerms], set[str]]:
        """In the writer: a digest of the articles (all the index reads of one), their terms
        by id (words left out) and the vocabulary of those terms. Raises EOFError if the
        build ended without sending everything."""
        self._sender.close()  # (so a build that dies ends the wait)
        packed: list[bytes] = []
        while (words := self._receiver.recv()) is not None:
            packed += words  # (all taken first: the build sends them without waiting on their unpacking)
        vocabulary: set[str] = set()
        for words in packed:
            vocabulary.update(unpack_words(words.decode("utf-8")))
        del packed
        articles: list[Article] = []
        terms: dict[str, SearchTerms] = {}
        regions: dict[Region, Region] = {}  # one object per region, as in the build
        while (batch := self._receiver.recv()) is not None:
            for article, own in batch:
                region = regions.setdefault(article.region, article.region)
                articles.append(article if region is article.region else replace(article, region=region))
                if own is not None:
                    terms[article.id] = own
        self._receiver.close()
        return Digest(sources=[], articles=articles, regions=[], figures=[], warnings=[], build_date=""), terms, vocabulary


def _without_words(terms: SearchTerms | None) -> SearchTerms | None:
    return None if terms is None else replace(terms, words="")


def _for_index(article: Article) -> Article:
    """The article with only what the index reads of it (index.build_index, terms.sections,
    format.article_row): less to pickle, and less for the writer to hold."""
    draft = article.draft
    return Article(id=article.id, region=article.region, url=article.url,
                   draft=ArticleDraft(source="", title=draft.title, sections=draft.sections, captions=draft.captions))
