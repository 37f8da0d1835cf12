"""records.py: the records that pass from one stage to the next cannot be changed after
the stage that made them (a later stage builds a new one with dataclasses.replace)."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from generator import records
from generator.records import Article, ArticleDraft, DataWarning, Figure, FileResult, SearchTerms, Section, Source

HANDED_ON = (Source, ArticleDraft, Article, Figure, FileResult, SearchTerms, DataWarning)


@pytest.mark.parametrize("record", HANDED_ON, ids=lambda r: r.__name__)
def test_records_handed_from_stage_to_stage_are_frozen(record):
    assert record.__dataclass_params__.frozen


def test_a_stage_cannot_change_a_draft_it_was_given():
    draft = ArticleDraft(source="a.txt", title="题", sections=[Section(None, ["正文。"])])
    with pytest.raises(dataclasses.FrozenInstanceError):
        draft.title = "别的"  # type: ignore[misc]
    again = dataclasses.replace(draft, warnings=[DataWarning("a.txt", "w")])
    assert draft.warnings == [] and again.warnings[0].message == "w"


def test_article_knows_nothing_of_search():
    """Search terms travel beside the articles (FileResult.search_terms), not on them."""
    assert not any("search" in f.name for f in dataclasses.fields(records.Article))
    assert "search_terms" in {f.name for f in dataclasses.fields(records.FileResult)}


@pytest.mark.parametrize("record", [records.DataWarning("a.txt", "message", line=3), records.UNKNOWN_REGION,
                                    records.SearchTerms(*[() for _ in dataclasses.fields(records.SearchTerms)])],
                         ids=lambda r: type(r).__name__)
def test_frozen_records_pickle_as_their_field_values(record):
    """The quick state (records._quick_pickling) is dataclasses' own: field values in field order,
    so pickled bytes, and the page hashes made from them, are what dataclasses would give."""
    assert record.__getstate__() == [getattr(record, f.name) for f in dataclasses.fields(record)]
    assert pickle.loads(pickle.dumps(record)) == record
