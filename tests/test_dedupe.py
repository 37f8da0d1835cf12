"""dedupe: one article carried by two files is one article with two sources."""

from __future__ import annotations

from generator.dedupe import merge_duplicates
from generator.records import Figure
from stage_helpers import run_page

_PAGE = ("富源县生姜产业提质增效\n\n记者 赵一鸣\n\n"
         "5月8日，富源县举办生姜产业博览会，吸引省内外客商三百余人参会，现场签约金额超过两亿元。\n\n"
         "富源县生姜种植面积达到两万亩，已建成标准化育苗基地五个，今年还将培育深加工企业三家。\n")


def _figure(article: str, n: int) -> Figure:
    return Figure(id=f"f{n}", article=article, region="富源县", measure="种植面积", value="2", unit="万亩",
                  value_normalized=20000, unit_normalized="亩", quote="两万亩", paragraph=2)


def test_same_article_in_utf8_and_gb18030_is_one_article_with_two_sources():
    (a,) = run_page("utf8.txt", _PAGE.encode("utf-8"))
    (b,) = run_page("gb.txt", _PAGE.replace("，", ",").encode("gb18030"))  # half-width commas in the copy
    assert a.id != b.id
    articles, figures, warnings = merge_duplicates([a, b], [_figure(a.id, 1), _figure(b.id, 2)])
    (kept,) = articles
    assert kept.id == a.id and kept.also_in == ["gb.txt"]
    assert not a.also_in  # a new record: the stage's own is not changed
    assert [f.id for f in figures] == ["f1"]  # the copy's figures are not counted again
    (w,) = warnings
    assert w.file == "gb.txt" and "utf8.txt" in w.message and w.hint


def test_different_articles_stay_apart():
    (a,) = run_page("one.txt", _PAGE.encode("utf-8"))
    (b,) = run_page("two.txt", _PAGE.replace("两万亩", "三万亩").encode("utf-8"))
    articles, _, warnings = merge_duplicates([a, b], [])
    assert articles == [a, b] and not warnings and not a.also_in


def test_nfkc_is_unicodedatas_whatever_the_text():
    """dedupe.nfkc is a quicker unicodedata.normalize("NFKC"): the same text for full-width
    forms, compatibility characters beside combining marks, Hangul, and characters outside
    the blocks it decomposes itself."""
    import random
    import unicodedata

    from generator.dedupe import nfkc

    samples = ["全区ＧＤＰ达到１２．５亿元，同比增长５％（全年）。", "…“引号”　全角空格 ｶﾀｶﾅ ㈱ ①②",
               "Ａ\u0301 e\u0301 ＡÁ \u00a8\u0301 \u2126", "가각 \u1100\u1161 ⼀⼆ 豈 \U0002F800", "", "plain ascii, text"]
    rng = random.Random(3)
    pool = "".join(samples) + "".join(map(chr, [0x0301, 0x0308, 0x3099, 0x309A, 0xFF9E, 0xFF9F, 0x00B4, 0x2002]))
    samples += ["".join(rng.choice(pool) for _ in range(rng.randint(1, 40))) for _ in range(2000)]
    for text in samples:
        assert nfkc(text) == unicodedata.normalize("NFKC", text), text
