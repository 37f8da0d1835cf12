"""generator/lexicon/compiled.py: compiled resources in the cache folder, never trusted."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from generator.lexicon.compiled import CompiledStore, fingerprint, read_yaml
from generator.resources import Resources
from generator.settings import Settings


def _same(data):
    return data


def _counting(data):
    calls = []

    def compile():
        calls.append(1)
        return data
    return compile, calls


def test_compiled_once_then_read_from_the_folder(tmp_path):
    source = tmp_path / "table.txt"
    source.write_text("a 1\n", "utf-8")
    store = CompiledStore(tmp_path / "resources")
    compile, calls = _counting({"a": [1, 2], "b": 0.1})
    first = store.load("table", [source], compile, _same)
    again = CompiledStore(tmp_path / "resources").load("table", [source], compile, _same)
    assert first == again == {"a": [1, 2], "b": 0.1} and len(calls) == 1


def test_a_changed_input_compiles_again_and_drops_the_old_entry(tmp_path):
    source = tmp_path / "table.txt"
    source.write_text("a 1\n", "utf-8")
    store = CompiledStore(tmp_path)
    compile, calls = _counting([1])
    store.load("table", [source, "lib==1"], compile, _same)
    store.load("table", [source, "lib==2"], compile, _same)
    source.write_text("a 2\n", "utf-8")
    store.load("table", [source, "lib==2"], compile, _same)
    assert len(calls) == 3
    assert len(list(tmp_path.glob("table-*.json"))) == 1


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"format": "1", "key": "other", "data": 1}',
                                    b"\xff\xfe\x00", b"[]"])
def test_a_damaged_entry_is_compiled_again_with_a_warning(tmp_path, caplog, damage):
    store = CompiledStore(tmp_path)
    compile, calls = _counting({"x": "甲"})
    store.load("table", ["v"], compile, _same)
    (entry,) = tmp_path.glob("table-*.json")
    entry.write_bytes(damage)
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.digest"):
        assert store.load("table", ["v"], compile, _same) == {"x": "甲"}
    assert len(calls) == 2 and "compiling it again" in caplog.text
    assert json.loads(entry.read_text("utf-8"))["data"] == {"x": "甲"}  # repaired


def test_an_entry_its_decoder_rejects_is_compiled_again(tmp_path, caplog):
    store = CompiledStore(tmp_path)
    compile, calls = _counting({"words": ["a"]})

    def decode(data):
        return tuple(data["words"])
    store.load("table", ["v"], compile, decode)
    (entry,) = tmp_path.glob("table-*.json")
    sealed = json.loads(entry.read_text("utf-8"))
    entry.write_text(json.dumps({**sealed, "data": {"other": 1}}), "utf-8")  # right key, wrong shape
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.digest"):
        assert store.load("table", ["v"], compile, decode) == ("a",)
    assert len(calls) == 2 and "does not fit" in caplog.text


def test_resources_from_a_tampered_idf_entry_still_build(tmp_path):
    settings = Settings(cache_dir=tmp_path)
    expected = Resources(settings).idf
    (entry,) = (tmp_path / "resources").glob("idf-*.json")
    sealed = json.loads(entry.read_text("utf-8"))
    sealed["data"]["index"] = sealed["data"]["index"][:-1]
    entry.write_text(json.dumps(sealed), "utf-8")
    assert Resources(settings).idf == expected


def test_an_unwritable_folder_or_none_only_means_compiling(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", "utf-8")
    for store in (CompiledStore(None), CompiledStore(blocker / "resources")):
        compile, calls = _counting((1, 2))
        assert store.load("t", ["v"], compile, _same) == [1, 2]  # the JSON form on every path
        assert store.load("t", ["v"], compile, _same) == [1, 2] and len(calls) == 2


def test_the_key_covers_name_values_and_file_bytes(tmp_path):
    f = tmp_path / "f"
    f.write_bytes(b"1")
    key = fingerprint("a", [f, "v"])
    assert key != fingerprint("b", [f, "v"]) and key != fingerprint("a", [f, "w"])
    f.write_bytes(b"2")
    assert key != fingerprint("a", [f, "v"])


def test_resources_compile_into_the_cache_folder(tmp_path):
    settings = Settings(cache_dir=tmp_path / "cache")
    idf = Resources(settings).idf
    assert list((tmp_path / "cache" / "resources").glob("idf-*.json"))
    again = Resources(settings).idf
    assert again == idf and isinstance(again.stop_words, frozenset)
    assert Resources(Settings(cache_dir=None)).compiled.directory is None


def test_read_yaml_gives_what_the_safe_loader_gives(tmp_path):
    import yaml

    path = tmp_path / "d.yml"
    path.write_text("a: [1, 2.5, 甲]\nb: {c: null, d: '0123'}\n", "utf-8")
    assert read_yaml(path) == yaml.safe_load(path.read_text("utf-8"))
    path.write_text("!!python/object:os.system x\n", "utf-8")
    with pytest.raises(yaml.YAMLError):
        read_yaml(Path(path))
