"""generator/search/feed.py: the articles and terms sent to a forked search writer."""

from __future__ import annotations

import multiprocessing

import pytest

from generator.records import Article, ArticleDraft, Region, SearchTerms, Section
from generator.search.feed import BATCH, ArticleFeed
from generator.wordpack import pack_words, unpack_words

REGION = Region("安吉县", "湖州市", "浙江省", "330523", "county", "anji-xian")


def _articles(n: int) -> list[Article]:
    return [Article(id=f"a{i}", draft=ArticleDraft("p.txt", f"题{i}", [Section(None, [f"段落{i}"])]), region=REGION)
            for i in range(n)]


def _child(feed: ArticleFeed, out) -> None:
    shown, terms, vocabulary = feed.receive()
    articles = shown.articles
    out.send(([a.id for a in articles], sorted(terms), sorted(vocabulary), {t.words for t in terms.values()},
              all(a.region is articles[0].region for a in articles), articles[1].paragraphs))


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_a_forked_writer_receives_every_article_its_terms_and_their_vocabulary():
    articles = _articles(BATCH + 3)  # more than one message
    terms = {a.id: SearchTerms(pack_words((f"词{i}", "共同")), ((),)) for i, a in enumerate(articles) if i != 1}
    feed = ArticleFeed()
    mine, theirs = multiprocessing.get_context("fork").Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_child, args=(feed, theirs))
    child.start()
    theirs.close()  # (a child that fails ends mine.recv() with EOFError, not a wait for ever)
    feed.forked()
    feed.send_words(terms)
    feed.send(articles, terms)
    ids, with_terms, vocabulary, words, one_region, paragraphs = mine.recv()
    child.join()
    assert child.exitcode == 0
    assert ids == [a.id for a in articles]
    assert with_terms == sorted(terms)  # an article without terms is left to the index to segment
    assert vocabulary == sorted({w for t in terms.values() for w in unpack_words(t.words)})
    assert words == {""}  # the writer keeps the words once, as the vocabulary
    assert one_region and paragraphs == ["段落1"]


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_a_build_that_ends_without_sending_ends_the_wait():
    feed = ArticleFeed()
    child = multiprocessing.get_context("fork").Process(target=feed.receive)
    child.start()
    feed.forked()
    feed._sender.close()  # the build failed before sending: its end of the pipe is closed
    child.join(30)
    assert child.exitcode not in (0, None)  # EOFError, not a wait for ever


def _slim_child(feed: ArticleFeed, out) -> None:
    shown, _, _ = feed.receive()
    a = shown.articles[0]
    out.send((a.id, a.url, a.region, a.title, a.draft.sections, a.draft.captions,
              a.draft.authors, a.draft.lines, a.draft.warnings, a.draft.subtitle, a.also_in))


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_the_writer_receives_only_what_the_index_reads_of_an_article():
    draft = ArticleDraft("p.txt", "题", [Section("小标题", ["段落"])], subtitle="副题", authors=["记者"],
                         captions=["图注"], lines=[(3, 9)])
    article = Article(id="a0", draft=draft, region=REGION, url="articles/a0/", also_in=["q.txt"], year=2024)
    feed = ArticleFeed()
    mine, theirs = multiprocessing.get_context("fork").Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_slim_child, args=(feed, theirs))
    child.start()
    theirs.close()
    feed.forked()
    feed.send_words({})
    feed.send([article], {})
    got = mine.recv()
    child.join()
    assert child.exitcode == 0
    assert got[:6] == ("a0", "articles/a0/", REGION, "题", [Section("小标题", ["段落"])], ["图注"])
    assert got[6:] == ([], [], [], "", [])  # authors, line spans, warnings, subtitle, duplicates: left behind


def test_the_words_go_as_bytes_so_the_builds_strings_keep_no_utf8_copy():
    """Pickling a str keeps its UTF-8 form inside it for good: the words are encoded first."""
    feed = ArticleFeed()
    sent = []
    feed._sender = type("Sender", (), {"send": lambda self, message: sent.append(message)})()
    terms = {f"a{i}": SearchTerms(pack_words((f"词{i}", "共同")), ((),)) for i in range(3)}
    feed.send_words(terms)
    assert sent[-1] is None and [w for batch in sent[:-1] for w in batch] == [t.words.encode() for t in terms.values()]
