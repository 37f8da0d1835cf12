"""generator/pages.py: relative links, script-safe JSON, escaping in templates."""

from __future__ import annotations

import pytest

from generator.pages import make_environment, page_path, relative, script_json


@pytest.mark.parametrize("from_url,to_url,expected", [
    ("", "regions/x/", "regions/x/"),
    ("regions/x/", "articles/abc/#p-3", "../../articles/abc/#p-3"),
    ("compare/", "data/digest.json", "../data/digest.json"),
    ("articles/abc/", "", "../../"),
    ("search/", "search/", "./"),
])
def test_relative_links(from_url, to_url, expected):
    assert relative(from_url, to_url) == expected


def test_page_paths_follow_directory_urls():
    assert page_path("regions/x/") == "regions/x.md"
    assert page_path("") == "index.md"


def test_script_json_cannot_close_the_script_tag():
    text = str(script_json({"t": "</script><script>alert(1)</script>&"}))
    assert "</script>" not in text and "<" not in text and "&" not in text


def test_templates_escape_seed_text():
    env = make_environment()
    html = env.from_string("<p>{{ t }}</p>").render(t="<img src=x onerror=alert(1)>")
    assert "<img" not in html and "&lt;img" in html
