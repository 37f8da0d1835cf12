"""sidecar: safe parsing, every field type- and range-checked, each refusal a warning."""

from __future__ import annotations

import time

import pytest

from generator.read.sidecar import MAX_BYTES, is_sidecar_name, parse_sidecar, sidecar_stem

YEAR = 2025


def parse(text: str | bytes):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_sidecar("p.txt", "p.yml", data, YEAR)


def refused(text: str, field: str) -> list[str]:
    sidecar, warnings = parse(text)
    assert sidecar is not None and field not in sidecar.fields()
    messages = [str(w) for w in warnings if f"field {field}" in w.message]
    assert messages and all("p.txt" in m and "p.yml" in m for m in messages)
    return messages


def test_all_fields_accepted_and_typed():
    sidecar, warnings = parse("title: 新标题\nregion: 省 市 区\nyear: 2024\nurl: https://example.com/a\n"
                              "outlet: 某某日报\ndate: 2024-03-05\npage: 3\n")
    assert warnings == []
    assert sidecar.fields() == {"title": "新标题", "region": "省 市 区", "year": 2024, "url": "https://example.com/a",
                                "outlet": "某某日报", "date": "2024-03-05", "page": "3"}
    assert parse("date: '2024-03-05'\npage: 第3版\n")[0].fields() == {"date": "2024-03-05", "page": "第3版"}


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "true", "false", "2024.0", "99999", "1948", "2027",
                                   "'2024'", "[2024]", "{a: 1}"])
def test_year_must_be_a_whole_number_in_range(value):
    (message,) = refused(f"year: {value}\n", "year")
    assert "ignored" in message


def test_year_range_ends_next_year():
    assert parse("year: 2026\n")[0].year == 2026
    assert parse("year: 1949\n")[0].year == 1949


@pytest.mark.parametrize("value", ["{a: 1}", "[x, y]", "123", "true", "'   '", "'" + "长" * 301 + "'"])
def test_title_must_be_short_text(value):
    sidecar, warnings = parse(f"title: {value}\n")
    assert sidecar.title == ""
    if value != "'   '":
        assert any("field title" in w.message for w in warnings)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "ftp://h/x",
                                 "https://", "//example.com/x", "'https://a b'", "[https://a]"])
def test_url_must_be_http_or_https_with_a_host(url):
    refused(f"url: {url}\n", "url")


@pytest.mark.parametrize("value", ["2025-02-30", "2025-13-01", "1900-01-01", "2031-01-01", "yesterday", "20250101",
                                   "2025-01-01 10:00:00", "true"])
def test_date_must_be_a_calendar_date_in_range(value):
    refused(f"date: {value}\n", "date")


def test_page_is_text_or_number_never_a_bool_or_mapping():
    refused("page: true\n", "page")
    refused("page: {a: 1}\n", "page")
    assert parse("page: 12\n")[0].page == "12"


def test_control_characters_in_text_fields_become_spaces():
    assert parse('title: "a\\x00b\\x1bc"\n')[0].title == "a b c"


def test_unknown_keys_are_named():
    sidecar, warnings = parse("titel: x\nyear: 2024\n")
    assert sidecar.year == 2024 and "titel" in warnings[0].message and "allowed keys" in warnings[0].hint


@pytest.mark.parametrize("text", ["title: [unclosed\n", "- a\n- b\n", "just text\n", "a: &x 1\nb: *x\n",
                                  "<<: *nothing\n", "[" * 5000 + "]" * 5000])
def test_broken_or_non_mapping_yaml_is_a_warning(text):
    sidecar, warnings = parse(text)
    assert sidecar is None and len(warnings) == 1 and "p.yml" in warnings[0].message


def test_alias_bomb_is_refused_fast():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines.append("title: *j")
    start = time.monotonic()
    sidecar, warnings = parse("\n".join(lines) + "\n")
    assert time.monotonic() - start < 1
    assert sidecar is None and "alias" in warnings[0].message


def test_oversized_sidecar_is_not_parsed():
    start = time.monotonic()
    sidecar, warnings = parse(b"title: x\n" + b"#" * (MAX_BYTES + 10))
    assert time.monotonic() - start < 1
    assert sidecar is None and "over the limit" in warnings[0].message


def test_non_utf8_sidecar_is_a_warning():
    sidecar, warnings = parse("title: 标题\n".encode("gb18030"))
    assert sidecar is None and "UTF-8" in warnings[0].hint


def test_names_match_case_insensitively():
    assert is_sidecar_name("X.YML") and is_sidecar_name("x.yaml") and not is_sidecar_name("x.txt")
    assert sidecar_stem("Page.YML") == sidecar_stem("page.txt") == "page"
