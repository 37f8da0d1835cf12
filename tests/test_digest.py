"""generator/digest.py: the data contract, its schema, ids and the CSV download."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from generator import digest as digest_mod
from generator.read.figures import load_cues
from generator.records import Article, ArticleDraft, Figure, Period, Region, Section, Sidecar, Source
from generator.settings import Settings

SCHEMA = json.loads((Path(digest_mod.__file__).parent / "schema" / "digest.schema.json").read_text("utf-8"))
REGION = Region(name="鹿城区", city="温州市", province="浙江省", code="330302", level="county", slug="lucheng-qu")


def _result(text: str, quote: str):
    from generator.records import FileResult

    draft = ArticleDraft(source="a.txt", title="鹿城<b>答卷</b>", sections=[Section(None, [text])], authors=["王五"])
    article = Article(id="0123456789", draft=draft, region=REGION, year=2024, url="articles/0123456789/")
    figure = Figure(id="f1", article=article.id, region=REGION.name, measure="=HYPERLINK(\"x\")", value="12",
                    unit="个", value_normalized=12, unit_normalized="个", period=Period("2024年", "2024", "2024"),
                    quote=quote, paragraph=1)
    return FileResult(articles=[article], figures=[figure], warnings=[])


def _digest(monkeypatch=None):
    source = Source(file="a.txt", sha256="0" * 64, size=10, encoding="utf-8")
    return digest_mod.build_digest([source], {"a.txt": _result("全区新建公园12个。", "新建公园12个")}, Settings(), load_cues())


def test_contract_validates_against_schema():
    data = digest_mod.to_contract(_digest())
    jsonschema.validate(data, SCHEMA)
    assert data["regions"][0]["url"] == "regions/lucheng-qu/"
    assert data["figures"][0]["url"] == "articles/0123456789/#p-1"


def test_schema_rejects_a_missing_field():
    data = digest_mod.to_contract(_digest())
    del data["articles"][0]["paragraphs"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_json_is_deterministic_and_keeps_text_as_data():
    one = digest_mod.contract_json(digest_mod.to_contract(_digest()))
    two = digest_mod.contract_json(digest_mod.to_contract(_digest()))
    assert one == two
    assert "鹿城<b>答卷</b>" in json.loads(one)["articles"][0]["title"]


def test_build_date_comes_from_source_date_epoch_or_data(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    assert _digest().build_date == "2025-11-25"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert _digest().build_date == "2024"


def test_csv_has_bom_and_neutralises_formulas():
    raw = digest_mod.figures_csv(digest_mod.to_contract(_digest()))
    assert raw.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["measure"].startswith("'=")
    assert rows[0]["value"] == "12"


def test_negative_numbers_are_not_mangled():
    assert digest_mod._cell("-3.5") == "-3.5"
    assert digest_mod._cell("-cmd") == "'-cmd"
    assert digest_mod._cell("@SUM(A1)") == "'@SUM(A1)"


def test_colliding_article_ids_are_made_unique():
    from generator.records import FileResult

    first = _result("甲。", "甲")
    second = _result("甲。", "甲")
    source = Source(file="a.txt", sha256="0" * 64, size=10)
    merged = FileResult(articles=first.articles + second.articles, figures=[], warnings=[])
    digest = digest_mod.build_digest([source], {"a.txt": merged}, Settings(), load_cues())
    ids = [a.id for a in digest.articles]
    assert len(set(ids)) == 2
    assert digest.articles[1].url == f"articles/{ids[1]}/"


def test_sidecar_url_is_listed_only_when_it_is_a_web_address():
    web = Source(file="a.txt", sha256="0" * 64, size=1, sidecar=Sidecar("a.yml", url="https://example.com/p1"))
    assert digest_mod.source_url(web) == "https://example.com/p1"
    assert digest_mod.source_url(Source(file="c.txt", sha256="", size=0)) == ""


def test_source_credit_from_sidecar_and_fallback():
    printed = Source(file="p.txt", sha256="", size=0,
                     sidecar=Sidecar("p.yml", outlet="某某日报", date="2025-11-20", page="3",
                                     url="https://example.com/a"))
    assert digest_mod.source_credit(printed) == {"outlet": "某某日报", "date": (2025, 11, 20), "page": "3",
                                                 "url": "https://example.com/a"}
    bare = digest_mod.source_credit(Source(file="q.txt", sha256="", size=0))
    assert bare == {"outlet": "", "date": None, "page": "", "url": ""}


def test_shared_words_are_one_object_each_as_results_are_decoded():
    """Two results decoded apart (as from the cache or two workers) hold equal words; decoded
    with SHARED_WORDS they hold one object per recurring word, and every value as written."""
    from generator import typedjson
    from generator.records import FileResult, SearchTerms

    def result(text: str) -> FileResult:
        plain = _result(text, text * 3)  # a long quote: not worth sharing
        article = replace(plain.articles[0], term_counts="\t公园")  # packed (wordpack.py): kept whole
        return replace(plain, articles=[article], search_terms=[SearchTerms("新建", ((),))])

    originals = [result("全区新建公园12个。"), result("全区新建公园13个。")]
    def apart(r: FileResult, shared=None) -> FileResult:  # through JSON text: new strings, as from two entries
        return typedjson.from_json(json.loads(json.dumps(typedjson.to_json(r, FileResult))), FileResult, shared)

    plain = [apart(r) for r in originals]
    assert plain[0].figures[0].unit is not plain[1].figures[0].unit  # json.loads makes new strings
    a, b = (apart(r, digest_mod.SHARED_WORDS) for r in originals)
    assert [a, b] == originals  # values unchanged
    assert a.figures[0].unit is b.figures[0].unit and a.figures[0].article is b.figures[0].article
    assert a.figures[0].measure is b.figures[0].measure and a.figures[0].period.text is b.figures[0].period.text
    assert a.figures[0].quote is not b.figures[0].quote.replace("13", "12")  # longer than shared figure texts


@pytest.mark.parametrize("copies", [0, 1, 1201])
def test_contract_in_chunks_is_contract_json_byte_for_byte(copies, tmp_path, monkeypatch):
    """digest.json written piece by piece (write_contract) is exactly contract_json,
    lists of any length (batches of items) and text outside the BMP included."""
    data = digest_mod.to_contract(_digest())
    data["figures"] = data["figures"] * copies
    data["warnings"] = ['𠀀 a "quoted" </script>', "二"] * copies
    assert b"".join(digest_mod.contract_chunks(data)) == digest_mod.contract_json(data)
    digest_mod.write_contract(data, tmp_path / "data" / "digest.json")
    assert (tmp_path / "data" / "digest.json").read_bytes() == digest_mod.contract_json(data)


def test_digest_sources_let_go_of_their_text():
    """The per-file stages have read each page's text; the digest keeps the rest of the source."""
    source = Source(file="a.txt", sha256="0" * 64, size=10, encoding="utf-8", text="全区新建公园12个。")
    data = digest_mod.build_digest([source], {"a.txt": _result("全区新建公园12个。", "新建公园12个")}, Settings(),
                                   load_cues())
    (kept,) = data.sources
    assert kept.text == "" and (kept.file, kept.sha256, kept.size, kept.encoding) == ("a.txt", "0" * 64, 10, "utf-8")


@pytest.mark.parametrize("copies", [0, 1, 1201])
def test_streamed_contract_and_csv_are_the_whole_ones_byte_for_byte(copies, tmp_path):
    """to_contract(streamed=True) written piece by piece, with figures.csv along (write_data),
    gives the same bytes as the contract held whole (items made one at a time, batches of any length)."""
    one = _digest()
    data = replace(one, articles=one.articles * min(copies, 2), figures=one.figures * copies)
    whole = digest_mod.to_contract(data)
    streamed = digest_mod.to_contract(data, streamed=True)
    assert not isinstance(streamed["figures"], list)
    digest_mod.write_data(data, tmp_path / "data" / "digest.json", tmp_path / "data" / "figures.csv")
    assert (tmp_path / "data" / "digest.json").read_bytes() == digest_mod.contract_json(whole)
    assert (tmp_path / "data" / "figures.csv").read_bytes() == digest_mod.figures_csv(whole)
    assert b"".join(digest_mod.csv_chunks(iter(whole["figures"]))) == digest_mod.figures_csv(whole)
    assert digest_mod.figures_csv({"figures": []}).decode("utf-8-sig").startswith("id,region,")


def test_contract_figures_can_be_limited_to_some_ids():
    data = _digest()
    assert [f["id"] for f in digest_mod.contract_figures(data, {"f1"})] == ["f1"]
    assert list(digest_mod.contract_figures(data, {"other"})) == []


def test_articles_by_region_lists_each_article_once_then_those_only_giving_figures():
    other = Region(name="瓯海区", city="温州市", province="浙江省", code="330304", level="county", slug="ouhai-qu")
    one = _digest()
    (first,) = one.articles
    second = replace(first, id="second", region=other, url="articles/second/")
    in_other = [replace(f, id=f"g{n}", region=other.name) for n, f in enumerate(one.figures * 2)]
    data = replace(one, articles=[first, second], regions=[REGION, other], figures=one.figures + in_other)
    grouped = digest_mod.articles_by_region(data)
    assert grouped == {REGION: [first], other: [second, first]}
    # the typeset copy's articles take their places, by id
    copies = [replace(a, year_evidence="copy") for a in data.articles]
    assert digest_mod.regrouped(grouped, copies) == {REGION: [copies[0]], other: [copies[1], copies[0]]}
    assert digest_mod.to_contract(data, grouped=grouped) == digest_mod.to_contract(data)


def test_csv_cells_are_the_figures_fields_each_made_safe():
    one = _digest()
    figures = [replace(one.figures[0], scope="-某村", base="+1", period=None, qualifier="@", value="-3.5",
                       indicator=None), replace(one.figures[0], period=Period("上半年", None, "2024-06"))]
    data = replace(one, figures=figures)
    rows = list(csv.reader(io.StringIO(digest_mod.figures_csv(digest_mod.to_contract(data)).decode("utf-8-sig"))))
    for row, item in zip(rows[1:], digest_mod.contract_figures(data), strict=True):
        period = item["period"] or {}
        flat = {**item, "period_start": period.get("start"), "period_end": period.get("end"),
                "period_text": period.get("text")}
        assert row == [digest_mod._cell(flat[c]) for c in digest_mod.CSV_COLUMNS]
    assert rows[1][digest_mod.CSV_COLUMNS.index("scope")] == "'-某村"
    assert rows[1][digest_mod.CSV_COLUMNS.index("value")] == "-3.5"
