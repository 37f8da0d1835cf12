"""generator/lexicon/tags.py: jieba's part-of-speech tags, read as jieba reads them."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

import jieba
import jieba.posseg
import pytest

from generator.lexicon.tags import word_tags


def jiebas_reading(path) -> dict[str, str]:
    reader = SimpleNamespace()
    jieba.posseg.POSTokenizer.load_word_tag(reader, open(path, "rb"))
    return reader.word_tag_tab


def test_the_default_dictionarys_tags_are_jiebas():
    reader = SimpleNamespace()
    jieba.posseg.POSTokenizer.load_word_tag(reader, jieba.dt.get_dict_file())
    tags = word_tags(jieba.dt, jieba.posseg)
    assert tags == reader.word_tag_tab and len(tags) > 300_000 and tags["北京"] == "ns"


def test_the_tables_tags_are_one_object_each(tmp_path):
    path = tmp_path / "dict.txt"
    path.write_bytes("岚溪 30 ns\n青篁村 20 ns\n溪口 5 ns\n公园 9 n\n".encode("utf-8"))
    tags = word_tags(jieba.Tokenizer(str(path)), jieba.posseg)
    assert tags == jiebas_reading(path)
    assert len({id(t) for t in tags.values()}) == 2


@pytest.mark.parametrize("lines", [
    ["岚溪 30 ns", "青篁村 20 ns", "岚溪 5 n"],  # the last line of a word wins
    ["岚溪 30 ns", "", "青篁村 20 ns", ""],  # empty lines
    ["岚溪 30 ns\r", "青篁村 20 ns\r"],  # Windows line ends
    ["岚\u3000溪 30 ns", "青篁村 20 ns"],  # white space inside a word (jieba splits on " " only)
    ["  岚溪 30 ns  ", "青篁村 20 ns"],  # spaces around a line
    ["岚溪 30 ns", "青篁村 20 ns", ""],  # no line end after the last line
])
def test_a_dictionary_file_is_read_as_jieba_reads_it(tmp_path, lines):
    path = tmp_path / "dict.txt"
    path.write_bytes("\n".join(lines).encode("utf-8"))
    tokenizer = jieba.Tokenizer(str(path))
    assert word_tags(tokenizer, jieba.posseg) == jiebas_reading(path)


def test_a_dictionary_jieba_rejects_is_rejected(tmp_path):
    path = tmp_path / "dict.txt"
    path.write_text("岚溪 30 ns x\n青篁村 20\n", "utf-8")  # four words, then two: the counts alone agree
    with pytest.raises(ValueError):
        jiebas_reading(path)
    with pytest.raises(ValueError):
        word_tags(jieba.Tokenizer(str(path)), jieba.posseg)


def test_importing_posseg_gives_jiebas_module_state():
    """In a fresh process (here jieba.posseg is imported already): the module's tagger is over
    jieba.dt with the dictionary's tags, jieba.dt is jieba's own again, tagging works."""
    script = """
import jieba
from types import SimpleNamespace
default = jieba.dt
from generator.lexicon.tags import import_posseg
posseg = import_posseg()
assert jieba.dt is default and posseg.dt.tokenizer is default
reader = SimpleNamespace()
posseg.POSTokenizer.load_word_tag(reader, default.get_dict_file())
assert posseg.dt.word_tag_tab == reader.word_tag_tab
assert [(p.word, p.flag) for p in posseg.cut("北京的公园")] == [("北京", "ns"), ("的", "uj"), ("公园", "n")]
assert import_posseg() is posseg
from generator.lexicon.words import Words
tags = Words().tags()  # (posseg imported: the Words' table is a copy of the module tagger's)
assert tags == reader.word_tag_tab and len({id(t) for t in tags.values()}) == len(set(tags.values()))
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.strip() == "ok", done.stderr
