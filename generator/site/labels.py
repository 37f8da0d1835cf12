"""The Chinese words pages show for the digest's codes, and how a figure's value is written.

Read once from generator/data/labels.yml and passed to the renderer and the templates'
shared macros (templates/_figure.html), so every page writes a qualifier, a period and an
aspect the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.records import Figure
from generator.settings import PACKAGE_DIR

LABELS_FILE = PACKAGE_DIR / "data" / "labels.yml"
MAGNITUDES = ("万亿", "千万", "百万", "万", "亿")  # written between numeral and measure word: 4万余亩


@dataclass(frozen=True)
class Labels:
    aspects: dict[str, str]
    aspect_names: dict[str, dict]  # aspect -> {before|after: word, implied: [endings]}
    modalities: dict[str, str]
    qualifiers_before: tuple[str, ...]
    qualifiers_inside: tuple[str, ...]
    qualifiers_after: tuple[str, ...]
    no_period: str
    group_digits_from: int
    statuses: dict[str, dict[str, str]]
    csv_columns: dict[str, tuple[str, str]]


@dataclass(frozen=True)
class ShownValue:
    """A value as a reader sees it: the qualifier stays outside the number (突破 | 4.9万户)."""

    before: str  # qualifier written before the number
    number: str  # numeral, inner qualifier and unit: 2000余万元, 18,911人
    after: str  # qualifier written after the unit: 以上

    @property
    def text(self) -> str:
        return self.before + self.number + self.after


def load(path: Path = LABELS_FILE) -> Labels:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    q = data["qualifiers"]
    return Labels(aspects=data["aspects"], aspect_names=data["aspect_names"], modalities=data["modalities"], qualifiers_before=tuple(q["before"]),
                  qualifiers_inside=tuple(q["inside"]), qualifiers_after=tuple(q["after"]),
                  no_period=data["no_period"], group_digits_from=int(data["group_digits_from"]),
                  statuses=data["statuses"],
                  csv_columns={k: (v[0], v[1]) for k, v in data["csv_columns"].items()})


def grouped(value: str, labels: Labels) -> str:
    """Thousands separators in a long integer part (189110 -> 189,110); short ones as printed."""
    match = re.match(r"\d+", value)
    if not match or len(match.group()) < labels.group_digits_from:
        return value
    return f"{int(match.group()):,}" + value[match.end():]


def shown_value(figure: Figure, labels: Labels) -> ShownValue:
    """Value, unit and qualifier in Chinese order: 2000余万元, 30余个, 超过4.9万户, 60%以上."""
    q, number, unit = figure.qualifier, grouped(figure.value, labels), figure.unit
    if q in labels.qualifiers_inside:
        magnitude = next((m for m in MAGNITUDES if unit.startswith(m)), "")
        # 4万余亩 as printed keeps 余 after the magnitude; 2000余万元 keeps it before.
        if magnitude and f"{figure.value}{magnitude}{q}" in figure.quote:
            return ShownValue("", f"{number}{magnitude}{q}{unit[len(magnitude):]}", "")
        return ShownValue("", f"{number}{q}{unit}", "")
    if q in labels.qualifiers_after:
        return ShownValue("", number + unit, q)
    return ShownValue(q, number + unit, "")  # before, or a qualifier not listed: kept in front


def metric_name(name: str, aspect: str, labels: Labels) -> str:
    """The measure with its aspect (地区生产总值增速, 新增城镇就业), unless the name already says
    it (城镇新增就业, 问题解决率)."""
    rule = labels.aspect_names.get(aspect)
    if not rule or any(word in name for word in rule["implied"] if len(word) > 1) \
            or any(name.endswith(word) for word in rule["implied"]):
        return name
    return rule.get("before", "") + name + rule.get("after", "")


def period_label(figure: Figure, labels: Labels) -> str:
    """A figure's period the way a Chinese statistics table writes it: 2024年, 2021—2025年,
    2025年1—10月, 2024年12月—2025年3月, 截至2025年10月; 时期未注明 when the text gives none."""
    period = figure.period
    if period is None:
        return labels.no_period
    end = _year_month(period.end)
    if period.start is None:
        return "截至" + _written(*end)
    start = _year_month(period.start)
    if start == end:
        return _written(*end)
    if start[0] == end[0] and start[1] and end[1]:
        return f"{start[0]}年{start[1]}—{end[1]}月"
    if not start[1] and not end[1]:
        return f"{start[0]}—{end[0]}年"
    return _written(*start) + "—" + _written(*end)


def _year_month(text: str) -> tuple[str, str]:
    """'2025-01' -> ('2025', '1'); '2025' -> ('2025', '')."""
    year, _, month = text.partition("-")
    return year, str(int(month)) if month.isdigit() else ""


def _written(year: str, month: str) -> str:
    return f"{year}年{month}月" if month else f"{year}年"
