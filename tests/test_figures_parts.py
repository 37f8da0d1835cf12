"""Parts of a region a clause opens with (read/figures/parts.py), on sentences written for the test."""

from __future__ import annotations

from figure_helpers import extract, one  # noqa: F401  (extract is a fixture)


def test_a_named_zone_opening_the_clause_scopes_its_rank(extract):  # noqa: F811
    f = one(extract("2023年，青山经开区跻身全国十大装备产业集聚区第7位。"), 7)
    assert f.scope == "青山经开区"


def test_a_named_area_opening_the_clause_scopes_its_figures(extract):  # noqa: F811
    figures = extract("2023年，沿湖、沿山地区30个村集体经营性收入全部达20万元。")
    assert one(figures, 200000).scope == "沿湖、沿山地区"


def test_the_regions_subdivisions_as_a_group_are_a_part(extract):  # noqa: F811
    f = one(extract("2023年，所辖乡镇全部进入全省百强乡镇榜前50位。"), 50)
    assert f.scope == "所辖乡镇"


def test_a_generic_zone_or_project_is_a_segment_of_the_region(extract):  # noqa: F811
    assert one(extract("2023年，全县重点项目完成投资80亿元。"), 8e9).scope is None
    assert one(extract("2023年，工业园区实现产值50亿元。"), 5e9).scope is None


def test_a_quoted_programme_is_no_named_project(extract):  # noqa: F811
    assert one(extract("2023年，“保交楼”项目交房3000套。"), 3000).scope is None


def test_a_suffix_opening_an_indicator_name_is_no_part(extract):  # noqa: F811
    assert one(extract("2023年，青山县地区生产总值达300亿元。"), 3e10).scope is None
