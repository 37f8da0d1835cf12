"""The metric catalogue and unit table: data files load, synonyms resolve, units normalise."""

from __future__ import annotations

import pytest

from generator.lexicon.catalogue import load_catalogue, load_units
from generator.settings import Settings


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(Settings().catalogue)


@pytest.fixture(scope="module")
def units():
    return load_units(Settings().units)


def test_catalogue_is_broad_and_consistent(catalogue, units):
    keys = [m.key for m in catalogue.metrics]
    assert len(keys) == len(set(keys)) and len(keys) >= 80
    assert {"economy", "livelihood", "urban", "governance", "ecology", "innovation", "rural"} <= set(catalogue.themes)
    for metric in catalogue.metrics:
        assert metric.theme in catalogue.themes
        assert metric.unit == "" or units.get(metric.unit) is not None, metric.key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("GDP", "gdp"),
        ("全县地区生产总值", "gdp"),
        ("规上工业增加值", "industrial_value_added"),
        ("规模以上工业增加值年均增长", "industrial_value_added"),
        ("城镇居民人均可支配收入", "urban_income"),  # longer term beats 居民人均可支配收入
        ("居民人均可支配收入", "disposable_income"),
        ("“四上”企业", "enterprises_above_size"),
        ("四上企业", "enterprises_above_size"),  # quotes are decoration
        ("民生支出占一般公共预算支出的比重", "livelihood_spending_share"),  # gap synonym
        ("空气优良率", "air_quality_rate"),
        ("12345热线群众满意率", "hotline_satisfaction"),
    ],
)
def test_synonyms_resolve_to_one_metric(catalogue, text, key):
    metric = catalogue.match(text)
    assert metric is not None and metric.key == key


def test_unrelated_text_matches_nothing(catalogue):
    assert catalogue.match("品牌首店相继落户") is None


@pytest.mark.parametrize(
    ("name", "base", "factor"),
    [
        ("亿元", "元", 1e8),
        ("万元", "元", 1e4),
        ("万人", "人", 1e4),
        ("万人次", "人次", 1e4),
        ("万亩", "亩", 1e4),
        ("公里", "米", 1000),
        ("毫米", "米", 0.001),
        ("万平方米", "平方米", 1e4),
        ("万吨", "吨", 1e4),
        ("兆瓦", "瓦", 1e6),
        ("名", "人", 1),
        ("位", "人", 1),
        ("%", "%", 1),
        ("成", "%", 10),
        ("万美元", "美元", 1e4),
    ],
)
def test_units_normalise(units, name, base, factor):
    unit = units.get(name)
    assert unit is not None and unit.base == base and unit.factor == pytest.approx(factor)


def test_percent_is_never_scaled(units):
    assert units.get("万%") is None


def test_catalogue_is_data_not_code(tmp_path):
    path = tmp_path / "metrics.yml"
    path.write_text(
        "themes: {water: 水利建设}\nmetrics:\n  - {key: reservoirs, name: 水库除险加固, synonyms: [病险水库], theme: water, unit: 座}\n",
        encoding="utf-8",
    )
    catalogue = load_catalogue(path)
    assert catalogue.match("完成病险水库整治").key == "reservoirs"
    assert catalogue.get("reservoirs").theme_name == "水利建设"


def test_unknown_theme_is_refused(tmp_path):
    path = tmp_path / "metrics.yml"
    path.write_text("themes: {a: 甲}\nmetrics:\n  - {key: x, name: 某指标, theme: b}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown theme"):
        load_catalogue(path)


def test_duplicate_key_is_refused(tmp_path):
    path = tmp_path / "metrics.yml"
    path.write_text(
        "themes: {a: 甲}\nmetrics:\n  - {key: x, name: 甲指标, theme: a}\n  - {key: x, name: 乙指标, theme: a}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="twice"):
        load_catalogue(path)
