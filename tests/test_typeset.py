"""generator/typeset.py: pages show full-width punctuation, the data keeps the printed text."""

from __future__ import annotations

from generator.records import Period, Article, ArticleDraft, Digest, Figure, Region, Section
from generator.site.typeset import typeset_digest

REGION = Region("武侯区", "成都市", "四川省", "510107", "county", "wuhou-qu")


def _digest() -> Digest:
    draft = ArticleDraft(source="p.txt", title="武侯区:民生答卷", sections=[
        Section("一、便民(服务)", ["全区新建口袋公园12个,覆盖率达95.5%(同比提高3个百分点)。访问 http://example.com 了解。"])],
        captions=["夜色中的公园,灯光璀璨。"])
    article = Article(id="a1", draft=draft, region=REGION, year=2024)
    figure = Figure(id="f", article="a1", region="武侯区", measure="口袋公园", value="12", unit="个",
                    value_normalized=12, unit_normalized="个", period=Period("2024年", "2024", "2024"),
                    quote="全区新建口袋公园12个,覆盖率达95.5%", paragraph=1)
    return Digest(sources=[], articles=[article], regions=[REGION], figures=[figure], warnings=[], build_date="")


def test_display_copy_is_full_width_between_chinese():
    shown = typeset_digest(_digest())
    article = shown.articles[0]
    assert article.title == "武侯区：民生答卷"
    assert article.draft.sections[0].heading == "一、便民（服务）"
    assert article.paragraphs[0].startswith("全区新建口袋公园12个，覆盖率达95.5%（同比")
    assert "http://example.com" in article.paragraphs[0]
    assert article.draft.captions == ["夜色中的公园，灯光璀璨。"]
    assert shown.figures[0].quote == "全区新建口袋公园12个，覆盖率达95.5%"
    assert shown.figures[0].quote in article.paragraphs[0]


def test_original_keeps_the_printed_characters():
    digest = _digest()
    typeset_digest(digest)
    assert digest.articles[0].title == "武侯区:民生答卷"
    assert digest.figures[0].quote == "全区新建口袋公园12个,覆盖率达95.5%"


def test_each_shown_figure_field_is_typeset_and_an_untouched_figure_is_kept():
    from dataclasses import replace

    from generator.site.typeset import typeset_figure
    figure = _digest().figures[0]
    plain = replace(figure, quote="全区新建口袋公园12个")
    assert typeset_figure(plain) is plain
    marked = replace(plain, measure="公园(新建)", scope="城区,新区", base="全省;全市")
    shown = typeset_figure(marked)
    assert (shown.quote, shown.measure, shown.scope, shown.base) == ("全区新建口袋公园12个", "公园（新建）",
                                                                     "城区，新区", "全省；全市")
    assert replace(shown, measure=marked.measure, scope=marked.scope, base=marked.base) == marked


def test_what_typesetting_leaves_as_it_is_is_shared_not_copied():
    from dataclasses import replace

    from generator.site.typeset import typeset_article

    article = _digest().articles[0]
    plain = Section("二、成效", ["全区新建口袋公园12个。", "覆盖率达到九成。"])
    mixed = replace(article, draft=replace(article.draft, sections=[*article.draft.sections, plain]))
    shown = typeset_article(mixed)
    assert shown.draft.sections[0].paragraphs[0] != mixed.draft.sections[0].paragraphs[0]  # typeset: a copy
    assert shown.draft.sections[1] is plain  # nothing to typeset: the same section
    calm = replace(article, draft=replace(article.draft, title="武侯区民生答卷", sections=[plain], captions=["夜色"]))
    assert typeset_article(calm) is calm
    changed_title = replace(calm, draft=replace(calm.draft, title="武侯区:民生答卷"))
    shown = typeset_article(changed_title)
    assert shown.title == "武侯区：民生答卷" and shown.draft.sections is changed_title.draft.sections
    assert shown.draft.captions is changed_title.draft.captions
