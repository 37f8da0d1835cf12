"""site/labels.py: qualifiers, separators, aspect names and periods written the Chinese way."""

from __future__ import annotations

import pytest

from generator import digest
from generator.records import Aspect, Figure, Modality, Period, SourceStatus
from generator.site import labels as labels_mod

LABELS = labels_mod.load()


def fig(value, unit, qualifier="", quote="", period=None):
    return Figure(id="f", article="a", region="甲县", measure="投资", value=value, unit=unit, value_normalized=1.0,
                  unit_normalized="元", quote=quote or f"{value}{unit}", paragraph=1, qualifier=qualifier,
                  period=period)


@pytest.mark.parametrize("figure, text", [
    (fig("2000", "万元", "余", "投资2000余万元"), "2000余万元"),
    (fig("30", "个", "余"), "30余个"),
    (fig("4", "万亩", "余", "种植4万余亩"), "4万余亩"),  # as printed: 余 after the magnitude
    (fig("4", "万亩", "多", "种植4多万亩"), "4多万亩"),
    (fig("60", "%", "以上"), "60%以上"),
    (fig("18911", "人"), "18,911人"),
    (fig("2024", "个"), "2024个"),
])
def test_value_reads_the_chinese_way(figure, text):
    assert labels_mod.shown_value(figure, LABELS).text == text


def test_qualifier_before_the_value_stays_outside_the_number():
    shown = labels_mod.shown_value(fig("4.9", "万户", "突破"), LABELS)
    assert (shown.before, shown.number, shown.after) == ("突破", "4.9万户", "")


def test_aspect_named_once():
    assert labels_mod.metric_name("地区生产总值", Aspect.GROWTH.value, LABELS) == "地区生产总值增速"
    assert labels_mod.metric_name("城镇新增就业", Aspect.INCREMENT.value, LABELS) == "城镇新增就业"
    assert labels_mod.metric_name("常住人口", Aspect.LEVEL.value, LABELS) == "常住人口"
    assert labels_mod.metric_name("问题解决率", Aspect.SHARE.value, LABELS) == "问题解决率"
    assert labels_mod.metric_name("城镇就业", Aspect.INCREMENT.value, LABELS) == "新增城镇就业"
    assert labels_mod.metric_name("新成立小区党组织", Aspect.INCREMENT.value, LABELS) == "新成立小区党组织"


def test_period_or_the_words_for_none():
    assert labels_mod.period_label(fig("1", "个"), LABELS) == "时期未注明"
    assert labels_mod.period_label(fig("1", "个", period=Period("t", "2021", "2025")), LABELS) == "2021—2025年"
    written = {("2024", "2024"): "2024年", ("2025-01", "2025-10"): "2025年1—10月",
               ("2024-12", "2025-03"): "2024年12月—2025年3月", (None, "2025-10"): "截至2025年10月",
               (None, "2025"): "截至2025年", ("2025-08", "2025"): "2025年8月—2025年", ("2025-10", "2025-10"): "2025年10月"}
    for (start, end), text in written.items():
        assert labels_mod.period_label(fig("1", "个", period=Period("t", start, end)), LABELS) == text


def test_every_code_has_its_chinese_words():
    assert set(LABELS.aspects) == {a.value for a in Aspect}
    assert set(LABELS.modalities) == {m.value for m in Modality}
    assert set(LABELS.statuses) == {s.value for s in SourceStatus}
    assert list(LABELS.csv_columns) == list(digest.CSV_COLUMNS)
