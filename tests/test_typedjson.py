"""generator/typedjson.py: records to JSON and back, exactly, or a SchemaError."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import pytest

from generator.records import FileResult
from generator.records import (UNKNOWN_REGION, Article, ArticleDraft, Aspect, Figure, Modality, Period, Region,
                               SearchTerms, Section, DataWarning)
from generator.typedjson import SchemaError, from_json, to_json


def dump(value, hint=Any) -> bytes:
    """As JSON text: test data is easiest to write (and damage) that way."""
    return json.dumps(to_json(value, hint), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def load(data: bytes, hint, shared=None):
    try:
        parsed = json.loads(data.decode("utf-8"))
    except ValueError as error:
        raise SchemaError(f"not JSON: {error}") from None
    return from_json(parsed, hint, shared)


def _result() -> FileResult:
    region = Region(name="某某区", city="某市", province="某省", code="000001", level="county", slug="mou-qu")
    draft = ArticleDraft(source="a.txt", title="标题 \"引号\" <b>", sections=[Section(None, ["第一段。"]),
                                                                             Section("小标题", ["第二段。", "三"])],
                         authors=["记者"], lines=[(1, 3), (5, 9)], warnings=[DataWarning("a.txt", "问题", line=4)])
    article = Article(id="a1", draft=draft, region=region, year=2024, term_counts="__pairs__\t\t增长")
    figures = [Figure(id="f1", article="a1", region="某某区", measure="产值", value="146.04", unit="亿元",
                      value_normalized=14604000000.0, unit_normalized="元", quote="产值146.04亿元", paragraph=1,
                      aspect=Aspect.GROWTH_AVG, indicator="地区生产总值", modality=Modality.TARGET,
                      period=Period("“十四五”", "2021", "2025")),
               Figure(id="f2", article="a1", region="某某区", measure="户数", value="2", unit="户",
                      value_normalized=2, unit_normalized="户", quote="2户", paragraph=2, scope="某村",
                      period=Period("近年来", None, "2024"), start_value=True)]
    return FileResult(articles=[article, Article(id="a2", draft=draft, region=UNKNOWN_REGION)], figures=figures,
                      warnings=[DataWarning("a.txt", "w", hint="h")], regions=[region],
                      search_terms=[SearchTerms(words="一\n二", synonyms=(("GDP", "产值"), ())),
                                    SearchTerms(words="", synonyms=((), ()))])


def test_a_file_result_round_trips_exactly():
    result = _result()
    again = load(dump(result, FileResult), FileResult)
    assert again == result
    assert type(again.articles[0].draft.lines[0]) is tuple and type(again.search_terms[0].synonyms[0]) is tuple
    assert type(again.figures[1].value_normalized) is int  # an int stays an int: output is unchanged
    assert again.figures[0].aspect is Aspect.GROWTH_AVG and again.figures[1].period.start is None
    assert dump(again, FileResult) == dump(result, FileResult)


class Colour(str, Enum):
    RED = "red"


@dataclass(frozen=True)
class NewRecord:
    """A record no code in typedjson knows about: hints alone drive it."""

    colour: Colour
    pairs: dict[int, tuple[str, float]]
    nested: list[NewRecord] = field(default_factory=list)
    note: str | None = None


def test_new_records_need_no_code():
    record = NewRecord(Colour.RED, {3: ("x", 1.5)}, [NewRecord(Colour.RED, {}, note="n")])
    again = load(dump(record, NewRecord), NewRecord)
    assert again == record and again.colour is Colour.RED and list(again.pairs) == [3]


@pytest.mark.parametrize("text", [
    b'{"colour": "blue", "pairs": [], "nested": [], "note": null}',  # not a member of the enum
    b'{"colour": "red", "pairs": [], "nested": []}',  # a field missing (older schema)
    b'{"colour": "red", "pairs": [], "nested": [], "note": null, "extra": 1}',  # a field too many
    b'{"colour": "red", "pairs": [[1, ["x"]]], "nested": [], "note": null}',  # tuple of the wrong length
    b'{"colour": "red", "pairs": [["1", ["x", 1.0]]], "nested": [], "note": null}',  # key of the wrong type
    b'{"colour": "red", "pairs": [], "nested": [], "note": 5}',  # none of str | None
    b'{"colour": "red", "pairs": [], "nested": [{"colour": "red"}], "note": null}',  # nested damage
    b'[1, 2]', b'{"colour": "red", "pai', b'\xff\xfe', b'',
])
def test_anything_that_does_not_fit_is_refused(text):
    with pytest.raises(SchemaError):
        load(text, NewRecord)


def test_a_bool_is_not_an_int_nor_an_int_a_str():
    with pytest.raises(SchemaError):
        load(b"true", int)
    with pytest.raises(SchemaError):
        load(b"1", str)
    assert load(b"1", float) == 1 and load(b"1.5", float) == 1.5


def test_what_the_format_cannot_hold_is_refused_when_stored():
    with pytest.raises(SchemaError):
        dump({1: "x"}, dict)  # untyped dict with non-string keys
    with pytest.raises(SchemaError):
        dump(object())


class _Colour(str, Enum):
    RED = "red"


@dataclass(frozen=True)
class _Unions:
    first: _Colour | str  # an enum arm written first wins over str for its values
    maybe: Period | None
    number: int | float | None


def test_unions_try_their_arms_in_order_and_skip_the_ones_that_cannot_take_the_value():
    value = _Unions(first=_Colour.RED, maybe=None, number=2.5)
    again = load(dump(value, _Unions), _Unions)
    assert again == value and type(again.first) is _Colour
    assert load(b'{"first":"blue","maybe":{"text":"t","start":null,"end":"2024"},"number":3}',
                _Unions) == _Unions("blue", Period("t", None, "2024"), 3)
    for bad in (b'{"first":"x","maybe":[],"number":1}', b'{"first":"x","maybe":null,"number":true}',
                b'{"first":1,"maybe":null,"number":1}'):
        with pytest.raises(SchemaError):
            load(bad, _Unions)


def test_lists_and_dicts_of_scalars_are_checked_item_by_item():
    with pytest.raises(SchemaError):
        load(b'{"words":["a",1],"synonyms":[]}', SearchTerms)
    with pytest.raises(SchemaError):
        load(b'{"id":"a","draft":null,"region":null,"year":null,"year_evidence":"","region_evidence":"","url":"",'
             b'"also_in":[],"term_counts":[["a"],[1]]}', Article)
    counts = {"增长": 3, "产值": 1}
    assert load(dump(counts, dict[str, int]), dict[str, int]) == counts


@dataclass(frozen=True)
class Inner:
    name: str
    tags: list[str | None]


@dataclass(frozen=True)
class Outer:
    short: str
    note: str | None
    counts: dict[str, int]
    words: tuple[str, ...]
    inner: Inner
    loose: Any = None


def _fresh(text: str) -> str:
    return "".join(list(text))  # a new object, as json.loads makes


def _outer(long_note: str) -> Outer:
    return Outer(_fresh("短词"), _fresh(long_note), {_fresh("键"): 1}, (_fresh("词"), _fresh("语")),
                 Inner(_fresh("名"), [_fresh("标"), None]), {"any": _fresh("任意")})


def test_shared_strings_are_one_object_each_and_values_unchanged():
    from generator.typedjson import Shared
    shared = Shared(((Outer, "", 4), (Outer, "counts", None), (Outer, "words", None), (Inner, "tags", None)))
    records = [_outer("长" * 5), _outer("长" * 5)]
    a, b = (load(dump(r, Outer), Outer, shared) for r in records)
    assert a == records[0] and b == records[1]
    assert a.short is b.short and list(a.counts)[0] is list(b.counts)[0]  # a scalar field, a dict's keys
    assert all(x is y for x, y in zip(a.words, b.words))  # a tuple's items
    assert a.inner.tags[0] is b.inner.tags[0] and a.inner.tags[1] is None  # a nested record's own rule
    assert a.note is not b.note  # longer than that rule's limit
    assert a.inner.name is not b.inner.name  # no rule names it
    assert a.loose["any"] is not b.loose["any"]  # Any is not looked into
    plain = [load(dump(r, Outer), Outer) for r in records]  # without a table: nothing is shared
    assert plain == records and plain[0].short is not plain[1].short
    with pytest.raises(SchemaError):  # and everything is still checked
        load(dump(records[0], Outer).replace(b'"tags":["', b'"tags":[5,"'), Outer, shared)


@dataclass(frozen=True, slots=True)
class _Slotted:
    name: str
    when: Period | None = None


@dataclass(frozen=True, slots=True)
class _Checked:
    count: int

    def __post_init__(self):
        if self.count < 0:
            raise TypeError("a count is never negative")


def test_records_with_slots_are_made_whole_and_stay_frozen():
    """Made by filling their slots (as unpickling does), they are the same frozen records."""
    import dataclasses
    record = _Slotted("名", Period("上半年", None, "2024"))
    again = load(dump(record, _Slotted), _Slotted)
    assert again == record and hash(again) == hash(record) and load(dump(_Slotted("x"), _Slotted), _Slotted).when is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        again.name = "改"
    with pytest.raises(SchemaError):  # X | None: neither a Period nor None
        load(b'{"name":"x","when":[]}', _Slotted)


def test_a_record_that_checks_itself_is_still_made_by_its_init():
    assert load(b'{"count":1}', _Checked) == _Checked(1)
    with pytest.raises(SchemaError, match="never negative"):
        load(b'{"count":-1}', _Checked)
