"""What text the search indexes (generator/search/terms.py): sections, region names and
pinyin keys, synonyms, an article's own terms, traditional characters."""

from __future__ import annotations

from dataclasses import replace

from generator.records import Article, ArticleDraft, SearchTerms, Section
from generator.search import segment
from generator.search.segment import Segmenter
from generator.search.terms import (CAPTIONS_LABEL, Synonyms, article_terms, pinyin_keys, region_names, sections,
                                    short_name, synonym_table, terms_by_id, trad_map)
from generator.wordpack import unpack_words
from search_fixture import ZHENGXIANG, Catalogue, Metric


CATALOGUE = Catalogue((Metric("地区生产总值", ("GDP", "生产总值", "民生支出…占…比")),
                       Metric("生产总值", ("“GDP”",))))


def article(sections_: list[tuple[str | None, list[str]]], captions: list[str] | None = None) -> Article:
    draft = ArticleDraft(source="1.txt", title="标题", sections=[Section(h, p) for h, p in sections_],
                         captions=captions or [])
    return Article(id="a1", draft=draft, region=ZHENGXIANG, url="articles/a1/")


def test_captions_are_a_labelled_search_section():
    a = article([(None, ["正文一。", "正文二。"]), ("空", []), ("小标题", ["正文三。"])], ["游客在古镇赏灯。"])
    docs = sections([a])
    assert [d.heading for d in docs] == ["", "小标题", CAPTIONS_LABEL]
    assert [d.section for d in docs] == [1, 3, 4]  # an empty section keeps its number (#s-N)
    # numbered on from the last paragraph, as article.html numbers the caption items
    assert docs[-1].first_paragraph == 4 and docs[-1].paragraphs == ("游客在古镇赏灯。",)


def test_region_names_and_pinyin_keys():
    assert region_names(ZHENGXIANG) == ["蒸湘区", "蒸湘", "衡阳市", "衡阳", "湖南省", "湖南"]
    keys = pinyin_keys(ZHENGXIANG)
    assert {"zhengxiangqu", "zhengxiang", "zxq", "hengyangshi", "hengyang", "hys", "hunan", "hunansheng"} <= set(keys)
    assert len(keys) == len(set(keys))
    assert short_name("蒸湘区") == "蒸湘"
    assert short_name("广西壮族自治区") == "广西"
    assert short_name("城区") == "城区"  # too short to strip


def test_synonym_table_keeps_what_a_reader_types():
    table = synonym_table(CATALOGUE)
    assert table == {"地区生产总值": "地区生产总值", "gdp": "地区生产总值", "生产总值": "地区生产总值"}  # first metric wins
    assert synonym_table(None) == {}


def test_synonym_hits_are_canonical_names_found_in_a_text():
    synonyms = Synonyms.from_catalogue(CATALOGUE)
    assert synonyms.hits(segment.normalise("全区GDP增长")) == ("地区生产总值",)
    assert synonyms.hits(segment.normalise("老旧小区改造")) == ()


def test_article_terms_give_words_and_per_section_synonyms():
    a = article([(None, ["老旧小区改造完成。"]), ("聚力提效能", ["GDP增长5.7%。"])], ["图为生产总值。"])
    terms = article_terms(a, Segmenter(), Synonyms.from_catalogue(CATALOGUE))
    assert terms.synonyms == ((), ("地区生产总值",), ("地区生产总值",))  # one entry per section, captions too
    words = unpack_words(terms.words)  # kept packed (wordpack.py)
    assert {"标题", "老旧", "小区", "改造", "gdp"} <= set(words)
    assert list(words) == sorted(words)


def test_typesetting_does_not_change_what_search_sees():
    """article_terms is computed from the data copy, the index from the typeset copy."""
    from generator.read.clean.punctuation import _HALF_TO_FULL, normalize_punctuation
    text = "全区GDP增长5.7%,其中:民生支出(含教育);是否?是!12,345 人 (A) Q&A?"
    assert normalize_punctuation(text) != text
    assert segment.normalise(normalize_punctuation(text)) == segment.normalise(text)
    for half, full in _HALF_TO_FULL.items():
        assert segment.normalise(full) == segment.normalise(half), (half, full)


def test_trad_map_reads_the_candidates_in_order(tmp_path):
    table = tmp_path / "t.tsv"
    table.write_text("# header\n餘\t余 馀\n於\t於 于\n台\t台\n乾\t干 乾\n臺\t台\n𠁞\t丽\n", encoding="utf-8")
    # the first other candidate the corpus uses; pairs in code point order
    assert trad_map({"馀", "于", "台", "干"}, table) == "乾干於于臺台餘馀"
    assert trad_map({"乾", "干"}, table) == ""  # 乾 is the corpus's own character
    assert trad_map({"丽"}, table) == ""  # beyond the BMP: not shipped


def test_terms_by_id_follow_the_text_when_ids_change():
    """Merging copies and numbering clashing ids (digest.py) change ids: the terms computed
    in the per-file stage are found by the text they were computed from."""
    one, other = article([(None, ["正文一。"])]), article([(None, ["正文一。"]), ("又一节", ["正文二。"])])
    t_one, t_other = SearchTerms(("一",), ((),)), SearchTerms(("二",), ((), ()))
    renamed = [one, replace(other, id="a1-2")]  # same file-stage id "a1", numbered apart
    unknown = replace(article([(None, ["别的正文。"])]), id="a3")
    assert terms_by_id(renamed + [unknown], [(one, t_one), (other, t_other)]) == {"a1": t_one, "a1-2": t_other}
