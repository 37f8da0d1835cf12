"""JSON inert inside <script> (generator/scriptjson.py), for templates and index files alike."""

from __future__ import annotations

import json

import pytest

from generator import scriptjson

HOSTILE = {"t": "</script><script>alert(1)</script>&", "<!--": ["中文", 1.5, None]}


@pytest.mark.parametrize("compact", [True, False])
def test_text_cannot_close_the_script_tag_and_decodes_intact(compact):
    text = scriptjson.dumps(HOSTILE, compact=compact)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "中文" in text  # not \\u-escaped: the files stay small
    assert json.loads(text) == HOSTILE


def test_keys_sorted_and_compact_leaves_out_spaces():
    value = {"b": [1, 2], "a": {"d": 1, "c": 2}}
    assert scriptjson.dumps(value, compact=True) == '{"a":{"c":2,"d":1},"b":[1,2]}'
    assert scriptjson.dumps(value, compact=False) == '{"a": {"c": 2, "d": 1}, "b": [1, 2]}'
