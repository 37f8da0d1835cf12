"""generator/keywords.py: per-article word counts, per-region TF-IDF ranking."""

from __future__ import annotations

import jieba
import jieba.analyse
import pytest

from generator.site.keywords import Idf, by_count, count_terms, summed, top_keywords
from generator.records import Article, ArticleDraft, Region, Section
from generator.wordpack import pack_counts

REGION = Region("安吉县", "湖州市", "浙江省", "330523", "county", "anji-xian")


@pytest.fixture(scope="module")
def tools():
    return jieba.Tokenizer(), Idf.load()


def _article(*paragraphs: str) -> Article:
    return Article(id="a", draft=ArticleDraft("p.txt", "题", [Section(None, list(paragraphs))]), region=REGION)


def test_counts_skip_numbers_stop_words_and_single_characters(tools):
    tokenizer, idf = tools
    counts = summed([count_terms(_article("安吉县白茶产业产值达到52亿元，白茶品牌价值持续提升。", "白茶带动2.5万人就业。"),
                                 tokenizer, idf)])
    assert counts["白茶"] == 3
    assert not any(len(w) < 2 for w in counts)
    assert "52" not in counts and "2.5" not in counts
    assert "的" not in counts


def test_ranking_matches_jieba_extract_tags(tools):
    tokenizer, idf = tools
    text = ["安吉县推进竹林碳汇改革，竹林碳汇交易带动村集体增收。", "竹产业转型升级，竹林经营面积持续扩大。"]
    ours = top_keywords([count_terms(_article(*text), tokenizer, idf)], idf, 5)
    extractor = jieba.analyse.TFIDF()
    extractor.tokenizer = tokenizer
    theirs = extractor.extract_tags("".join(text), topK=20)
    assert ours[0] == theirs[0] == "竹林"
    assert set(ours) <= set(theirs)


def test_counts_of_several_articles_are_summed(tools):
    tokenizer, idf = tools
    one = count_terms(_article("武侯区社区治理创新，社区服务提质。"), tokenizer, idf)
    two = count_terms(_article("社区养老服务中心建成投用。"), tokenizer, idf)
    assert top_keywords([one, two], idf, 1) == ["社区"]
    assert top_keywords([], idf, 3) == []


def test_an_article_keeps_its_words_by_count_and_sums_give_them_back():
    counts = {"社区": 3, "服务": 1, "养老": 1, "中心": 3}
    kept = by_count(counts)
    assert kept == (("服务", "养老"), (), ("社区", "中心"))  # counted once, twice (none), three times
    assert summed([kept]) == counts and summed([kept, by_count({"服务": 2})])["服务"] == 3
    assert by_count({}) == () and summed([]) == {}


def test_ranking_does_not_depend_on_the_order_words_were_counted_in(tools):
    _, idf = tools
    counts = {w: n for n, w in enumerate(sorted(idf.freq)[:400:7], 1) if n % 4} | {"甲乙": 9, "丙丁": 9}
    reordered = dict(reversed(counts.items()))
    for n in (1, 3, 10):
        assert top_keywords([by_count(counts)], idf, n) == top_keywords([by_count(reordered)], idf, n)


def test_idf_table_and_stop_words_are_jiebas_own(tools):
    # Idf.load reads jieba's files itself (importing jieba.analyse costs a second): same figures.
    _, idf = tools
    extractor = jieba.analyse.default_tfidf
    assert idf.freq == extractor.idf_freq and idf.median == extractor.median_idf
    assert idf.stop_words == frozenset(extractor.STOP_WORDS)


def test_the_idf_table_is_read_on_first_use_only(tmp_path):
    idf = Idf.load(table=tmp_path / "missing.txt")  # the stop words suffice to count terms
    assert "the" in idf.stop_words
    with pytest.raises(FileNotFoundError):
        idf.freq


def test_a_table_with_white_space_inside_a_word_is_read_as_jieba_reads_it(tmp_path):
    table = tmp_path / "idf.txt"
    table.write_text("甲乙 1.5\n丙\u3000丁 2.0\n戊己 0.5\n甲乙 3.0\n", encoding="utf-8")
    idf = Idf.load(table=table)
    assert idf.freq == {"甲乙": 3.0, "丙\u3000丁": 2.0, "戊己": 0.5}  # the last line of a word wins, as in jieba
    assert idf.median == 2.0
    table.write_text("甲乙 1.5\n丙丁\n", encoding="utf-8")
    with pytest.raises(ValueError):
        Idf.load(table=table).freq


def test_region_keywords_are_chosen_once_then_the_counts_let_go(tools):
    from generator.records import Digest
    from generator.site.keywords import by_region, without_counts

    tokenizer, idf = tools
    one = Article(id="a", draft=_article("社区养老服务中心建成投用。").draft, region=REGION)
    counts = count_terms(one, tokenizer, idf)
    one = Article(id="a", draft=one.draft, region=REGION, term_counts=pack_counts(counts))  # as the per-file stage keeps them
    assert by_region({REGION: [one]}, idf, 2) == {REGION: top_keywords([counts], idf, 2)} != {REGION: []}
    data = Digest(sources=[], articles=[one], regions=[REGION], figures=[], warnings=[], build_date="")
    lean = without_counts(data)
    assert lean.articles[0].term_counts == "" and lean.articles[0].draft is one.draft
    assert one.term_counts  # the record given is not changed


def test_a_word_is_counted_stripped_or_left_out(tools):
    _, idf = tools
    from generator.site.keywords import _countable
    assert _countable(" 白茶 ", idf.stop_words) == "白茶"
    assert _countable("茶", idf.stop_words) is None
    assert _countable("2.5", idf.stop_words) is None
    stop = next(w for w in sorted(idf.stop_words) if len(w) >= 2)
    assert _countable(stop, idf.stop_words) is None


def test_top_keywords_are_the_heaviest_of_every_word_however_few_are_weighed(tmp_path):
    """top_keywords weighs the most frequent words first and stops where no rarer word can
    make the list: the same choice, ties included, as weighing and sorting every word."""
    import random

    rng = random.Random(7)
    words = [f"词{i:03d}" for i in range(300)]
    table = tmp_path / "idf.txt"
    table.write_text("".join(f"{w} {rng.choice([2.5, 5.0, 7.25, 10.0, 12.5])}\n" for w in words[:250]),
                     encoding="utf-8")
    idf = Idf.load(table=table)
    for trial in range(200):
        counts = [{w: rng.choice([1, 1, 1, 2, 2, 3, 4, 8, 20]) for w in rng.sample(words, rng.randint(0, 120))}
                  for _ in range(rng.randint(1, 3))]
        total: dict[str, int] = {}
        for c in counts:
            for w, n in c.items():
                total[w] = total.get(w, 0) + n
        size = sum(total.values())
        every = sorted(total, key=lambda w: (-(total[w] * idf.freq.get(w, idf.median) / size), w))
        n = rng.choice([1, 5, 12, 40])
        assert top_keywords(map(by_count, counts), idf, n) == every[:n], trial
