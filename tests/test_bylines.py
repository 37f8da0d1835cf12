"""read/bylines: telling byline lines from text and reading the names out of them."""

from __future__ import annotations

import pytest

from generator.read.bylines import is_byline, names_only, parse_authors


@pytest.mark.parametrize("bylines, expected", [
    (["唐 曦 龙 青 谢 睿 黄雪晨"], ["唐曦", "龙青", "谢睿", "黄雪晨"]),
    (["■策划/王 强 统筹/李 明 文/成都日报全媒体记者 赵磊 通讯员 周 敏 陈晨 图/武侯区融媒体中心提供"],
     ["王强", "李明", "赵磊", "周敏", "陈晨"]),
    (["（肖攀林 刘林昆 阳 鹏）"], ["肖攀林", "刘林昆", "阳鹏"]),
    (["本报记者 孙 丽"], ["孙丽"]),
])
def test_authors_without_internal_spaces(bylines, expected):
    assert parse_authors(bylines) == expected


def test_outlets_and_organisations_are_not_names():
    assert parse_authors(["文/潇湘晨报记者 张三", "县委宣传部供图"]) == ["张三"]
    assert parse_authors([], ["■李四 摄", "△王五 摄影"]) == ["李四", "王五"]


@pytest.mark.parametrize("line", ["策划 刘著章", "记者 张三 通讯员 李四", "邓华夫 张佳莹", "（宋群 胡翔）", "编辑/王 强"])
def test_byline_lines(line):
    assert is_byline(line)


@pytest.mark.parametrize("line", ["记者节当天，全县举办了座谈会。", "绿色发展再提速", "（图片来源于网络。）"])
def test_lines_that_are_not_bylines(line):
    assert not is_byline(line)


def test_names_only_takes_short_han_tokens():
    assert names_only("唐 曦 龙 青 谢 睿 黄雪晨") and names_only("张三")
    assert not names_only("张三丰收了") and not names_only("Tom Li") and not names_only("张")
