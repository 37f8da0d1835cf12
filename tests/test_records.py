"""records.py: the records that pass from one stage to the next cannot be changed after
the stage that made them (a later stage builds a new one with dataclasses.replace)."""

from __future__ import annotations

import dataclasses

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
