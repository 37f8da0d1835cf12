"""Indicator terms are found in their full and abbreviated forms (indicators.yml `abbreviations`)."""

from generator.read.figures.cues import load_cues

CUES = load_cues()


def _name(text: str) -> str | None:
    found = CUES.indicator_term(text)
    return found[0].name if found else None


def test_a_short_form_synonym_is_found_written_in_full():
    # 规上工业产值 is listed; the same words written out must name the same indicator
    assert _name("今年某县规模以上工业产值增长") == "规模以上工业总产值"


def test_a_full_form_synonym_is_found_written_short():
    assert _name("全县研发经费投入") == "研究与试验发展经费投入"


def test_a_longer_other_measure_still_wins():
    # 工业固投 is an industrial investment, not all fixed-asset investment
    assert _name("工业固投增长") == "工业投资"
