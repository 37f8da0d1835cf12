"""A quotation in the first person singular counts the speaker's own (carry.py), on sentences written for the test."""

from __future__ import annotations

from figure_helpers import extract, one  # noqa: F401  (extract is a fixture)


def test_a_first_person_quotation_is_scoped_to_the_speaker(extract):  # noqa: F811
    f = one(extract("家政行业交出答卷。“入行以后，我已经服务了近60个家庭。”月嫂王小梅说。"), 60)
    assert f.scope == "月嫂王小梅"


def test_an_official_speaking_of_the_region_speaks_for_no_person(extract):  # noqa: F811
    f = one(extract("“我觉得全县今年新增企业30家很不容易。”县发改局局长李某说。"), 30)
    assert f.scope is None


def test_an_official_of_a_body_is_no_person_scope(extract):  # noqa: F811
    f = one(extract("“我觉得今年新增企业30家很不容易。”县发改局局长李某说。"), 30)
    assert f.scope is None


def test_we_speak_for_a_body_not_a_person(extract):  # noqa: F811
    f = one(extract("“今年我们新增就业岗位300个。”王某说。"), 300)
    assert f.scope is None
