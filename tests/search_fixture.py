"""The search-index fixture: a small hand-made digest written by the Python writer into
tests/fixtures/search/{one,sharded}/, which tests/js/search_reader.mjs reads with the
browser's own modules (generator/search/web/*.js) under node.

test_search_format.py checks that regenerating gives the same bytes. After a deliberate
change of the index format, regenerate with:

    .venv/bin/python tests/search_fixture.py
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.records import Article, ArticleDraft, Digest, Region, Section  # noqa: E402
from generator.search import format, index, segment  # noqa: E402
from generator.search.segment import Segmenter  # noqa: E402
from generator.search.terms import Synonyms  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "search"
# one: a small corpus (one file per kind); sharded: every kind split, as for a large corpus
LAYOUTS = {"one": 1 << 20, "sharded": 1}
ZW = "\u200b"  # a zero-width space, inside words of the text and of queries



@dataclass(frozen=True)
class Metric:
    name: str
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class Catalogue:
    """A catalogue of its own, so the fixture does not change with generator/data/metrics.yml."""

    metrics: tuple[Metric, ...] = (Metric("地区生产总值", ("GDP", "生产总值")),)


# abbreviations of its own too (not generator/data/indicators.yml's)
ABBREVIATIONS = {"规上": "规模以上", "社零": "社会消费品零售"}

ZHENGXIANG = Region("蒸湘区", "衡阳市", "湖南省", "430408", "county", "zhengxiang-qu")
TIANXIN = Region("天心区", "长沙市", "湖南省", "430103", "county", "tianxin-qu")


def article(i: int, title: str, region: Region, sections: list[tuple[str | None, list[str]]]) -> Article:
    draft = ArticleDraft(source=f"{i}.txt", title=title, sections=[Section(h, p) for h, p in sections])
    return Article(id=f"a{i}", draft=draft, region=region, url=f"articles/a{i}/")


def make_digest() -> Digest:
    articles = [
        article(1, "书写有温度的民生答卷", ZHENGXIANG, [
            (None, ["蒸湘区扎实推进办好民生实事工作。", "开通12345热线，建成5G基站。", "规模以上工业企业新增8家。"]),
            ("聚力提效能", ["老旧小区改造完成，GDP增长5.7%。", "The constructor calls toString and valueOf."]),
        ]),
        article(2, "天心区基层治理", TIANXIN, [
            ("网格", ["天心区地区生产总值突破千亿元，老旧小区改造加速。", "乡村振兴稳步推进。"]),
            (f"热{ZW}线", [f"群众来电由12345热{ZW}线转办。"]),
        ]),
    ]
    return Digest(sources=[], articles=articles, regions=[ZHENGXIANG, TIANXIN], figures=[], warnings=[],
                  build_date="2025-11-25")


def index_files(segmenter: Segmenter) -> dict[str, bytes]:
    """layout/relative path -> bytes: every JSON file of the index in each layout."""
    out: dict[str, bytes] = {}
    digest, synonyms = make_digest(), Synonyms.from_catalogue(Catalogue())
    for layout, one_file in LAYOUTS.items():
        for f in index.index_files(digest, segmenter, synonyms, one_file, abbreviations=ABBREVIATIONS):
            out[f"{layout}/{f.path.removeprefix(format.ASSET_DIR + '/')}"] = f.content
    return out


# Strings whose normal form and shard hash both languages must agree on.
CASES = ["ＧＤＰ", "Ｇ\u200bＤ\ufeffＰ", f"热{ZW}线", "民生\u2060实事\u200d", "①②", "Ａｂｃ１２３", "ﬁ", "㍻",
         "constructor", "__proto__", "鄉村振興", "𠀀字", ""]


def cases_file() -> bytes:
    data = {"normalise": {s: segment.normalise(s) for s in CASES},
            "fnv": {s: format.fnv(s) for s in CASES}}
    return format.dumps(data)


def all_files(segmenter: Segmenter) -> dict[str, bytes]:
    """Every fixture file, by path under FIXTURES (jieba's own dictionary: the project's
    word lists do not reach the fixture)."""
    return {**index_files(segmenter), "cases.json": cases_file()}


def main() -> None:
    files = all_files(Segmenter())
    for old in FIXTURES.rglob("*.json"):
        old.unlink()
    for path, content in files.items():
        target = FIXTURES / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    print(f"wrote {len(files)} files under {FIXTURES}")


if __name__ == "__main__":
    main()


# Names JavaScript objects inherit or treat specially: a query for any of them must
# behave like any other word (tests/test_search_format.py, tests/test_search_browser.py).
JS_PROPERTY_NAMES = (
    "constructor", "__proto__", "toString", "toLocaleString", "valueOf", "hasOwnProperty",
    "isPrototypeOf", "propertyIsEnumerable", "__defineGetter__", "__defineSetter__",
    "__lookupGetter__", "__lookupSetter__", "prototype", "length", "name", "caller", "arguments",
    "apply", "call", "bind", "then", "size", "get", "set", "has", "keys", "values", "entries",
    "undefined", "null", "NaN", "Infinity",
)
