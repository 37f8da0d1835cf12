"""Bylines: telling a line of reporters' names from text, and reading the names out of it.

A byline names people with their roles (策划 张三 / 记者 李四 通讯员 王五), sometimes only
names spaced apart (唐 曦 龙 青), sometimes in brackets closing an article ((宋群 胡翔)).
The role and outlet words come from generator/data/newsroom.yml.
"""

from __future__ import annotations

import re

from generator.lexicon.newsroom import NEWSROOM
from generator.lexicon.text import HAN, MARKERS, alternation, ends_finished

# A role word, or a 文/图 credit, or a marker: what a byline line contains.
ROLE = re.compile(rf"({alternation(NEWSROOM.byline_roles)}|文[/／:：]|图[/／:：]|■)")
# What parse_authors drops from a byline before reading names (slashes and colons too).
_ROLE_OR_SEPARATOR = re.compile(rf"(■|{alternation(NEWSROOM.byline_roles)}|文[/／:：]|图[/／:：]|[/／:：])")
_ORGANISATION = re.compile(f"({alternation(NEWSROOM.media + NEWSROOM.byline_organisations)})")
_NAME_TOKEN = re.compile(f"^[{HAN}]{{1,3}}$")
# A byline in brackets at the end of a paragraph: …能力。(宋群 胡翔)
PAREN_BYLINE = re.compile(rf"[(（]\s*((?:[{HAN}]{{1,4}}\s*){{1,8}})[)）]$")


def names_only(text: str) -> bool:
    """'邓华夫 张佳莹', '唐 曦 龙 青 谢 睿 黄雪晨': only 1-3 character Han tokens."""
    tokens = text.split()
    if not tokens or len("".join(tokens)) < 2 or len("".join(tokens)) > 40:
        return False
    if not all(_NAME_TOKEN.match(t) for t in tokens):
        return False
    return len(tokens) >= 2 or len(tokens[0]) <= 3


def is_byline(text: str) -> bool:
    """A line of its own that is a byline: bracketed names, names only, or a role and names."""
    m = PAREN_BYLINE.fullmatch(text) if text[:1] in "(（" else None
    if m:
        return names_only(m.group(1)) or bool(ROLE.search(m.group(1)))
    if ends_finished(text) or len(text) > 60:
        return False
    if names_only(text):
        return True
    # 策划 刘著章 / 撰文 衡阳日报全媒体记者 / 记者 张三 通讯员 李四
    words = text.replace("/", " ").replace("／", " ").split()
    return bool(ROLE.search(text[:8])) and len(words) >= 2 and "，" not in text


def parse_authors(bylines: list[str], credits: list[str] = ()) -> list[str]:
    """Names from bylines: roles and media names dropped, spaced names joined
    (唐 曦 龙 青 谢 睿 黄雪晨 -> 唐曦 龙青 谢睿 黄雪晨: single characters pair up)."""
    names: list[str] = []
    for line in list(bylines) + [c for c in credits]:
        text = line.strip().strip("()（）")
        text = re.sub(f"[{MARKERS}]", " ", text)
        text = re.sub(r"图[/／:：]\S+", " ", text)  # 图/xx提供: a photo source, not a person
        text = re.sub(r"\s*(摄影?|供图)$", "", text)
        text = _ROLE_OR_SEPARATOR.sub(" ", text)
        tokens = [t for t in text.split() if t and not _ORGANISATION.search(t)]
        tokens = [t for t in tokens if re.fullmatch(f"[{HAN}]{{1,4}}", t)]
        for name in _pair_singles(tokens):
            if 2 <= len(name) <= 4 and name not in names:
                names.append(name)
    return names


def _pair_singles(tokens: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if len(t) == 1 and i + 1 < len(tokens) and len(tokens[i + 1]) == 1:
            out.append(t + tokens[i + 1])
            i += 2
            continue
        out.append(t)
        i += 1
    return out
