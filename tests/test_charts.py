"""charts.bar_chart_svg: escaped, deterministic, one bar and one value label per region."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from generator.site.charts import bar_chart_svg

SVG = "{http://www.w3.org/2000/svg}"
BARS = [("甲县", 120.5, "120.5亿元"), ("乙区", 80.0, "80亿元"), ("丙市", 0.0, "0亿元")]


def test_one_bar_and_value_label_per_region():
    svg = bar_chart_svg("地区生产总值", BARS)
    root = ET.fromstring(svg)  # well-formed XML
    groups = root.findall(f"{SVG}g")
    assert len(groups) == 3
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    for label, _, value_label in BARS:
        assert label in texts and value_label in texts
    assert root.find(f"{SVG}title").text == "地区生产总值"
    widths = [float(g.find(f"{SVG}rect").get("width")) for g in groups]
    assert widths[0] > widths[1] > 0 and widths[2] == 0


def test_text_is_escaped():
    svg = bar_chart_svg("<script>alert(1)</script>", [('<img src=x onerror="x">', 1.0, "1&2")])
    assert "<script>" not in svg and "<img" not in svg
    assert "&lt;script&gt;" in svg and "1&amp;2" in svg
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == "<script>alert(1)</script>"  # literal text once parsed


def test_deterministic_and_self_contained():
    assert bar_chart_svg("t", BARS) == bar_chart_svg("t", list(BARS))
    svg = bar_chart_svg("t", BARS)
    assert "<script" not in svg and "url(" not in svg and "@import" not in svg and "http://fonts" not in svg
    assert 'font-family="inherit"' in svg


def test_negative_and_empty_inputs():
    svg = bar_chart_svg("降幅", [("甲", -3.0, "-3%"), ("乙", 2.0, "2%")])
    widths = re.findall(r'<rect[^>]*width="([0-9.]+)"', svg)
    assert widths[0] == "0"
    assert ET.fromstring(bar_chart_svg("空", [])) is not None


def test_long_value_labels_stay_inside_the_chart():
    import re
    svg = bar_chart_svg("t", [("甲", 2.0, "288.3亿元 · 2025年1—10月"), ("乙", 1.0, "1亿元")])
    longest = max(float(x) for x in re.findall(r'<rect x="[\d.]+" y="\d+" width="([\d.]+)"', svg))
    # the widest bar leaves room for its label inside 640 px (13 px for 亿元年月—·, 7.5 for the rest)
    assert 150 + longest + 6 + 13 * 6 + 7.5 * 14 <= 640 + 1
