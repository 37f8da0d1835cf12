"""A time expression found in a sentence (periods.py reads them)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.records import Period


@dataclass(frozen=True)
class Time:
    """A time expression found in a sentence."""

    start: int
    end: int
    period: Period
    baseline: bool  # 较2020年: the reference R of a comparison
    span: bool  # a multi-year review frame (十四五, N年来, X年以来)
    stock_end: bool = False  # 截至N月底 / 年末: a point in time for stocks
    day: bool = False  # 12月6日: an event's date governs its own sentence only
    weak: bool = False  # 全年: the year the paragraph is about, else the reference year
    streak: tuple[int, str] | None = None  # 连续14年 / 连续7个季度 / 十二连冠: (count, 年|季度|月)
    name: bool = False  # 2025赛迪百强: a year naming an edition, less precise than a time before it


def fresh(time: Time) -> Time:
    """copy.copy(time) without copy's generic protocol (its reduce and rebuild): a new object
    with the same fields."""
    new = object.__new__(Time)
    new.__dict__.update(time.__dict__)
    return new
