"""jieba's part-of-speech tags (dict.txt's third column), read without jieba's line-by-line loop.

jieba.posseg reads every word's tag when it is imported (`dt = POSTokenizer(jieba.dt)` at the
end of the module): a Python loop over dict.txt's 350,000 lines, ~0.5 s of every build that
reads figures. Here the same table is read with one split of the whole file (~0.2 s), and the
import of jieba.posseg skips its own reading: jieba.dt stands in, for the import only, as a
tokenizer whose dictionary file is empty, and the module's tagger is then given jieba.dt and
its tags, as the import would have made it. jieba is pinned (requirements.lock), and
tests/test_tags.py checks both against jieba's own reading.

The table's tags are one object each (interned): 350,000 tag strings of their own took ~17 MB in
every process that tags. Its words stay its own: sharing the prefix table's word objects saved
~40 MB a worker but cost ~0.2-0.3 s of every build that tags, and the workers are gone before a
large build's memory peaks.
"""

from __future__ import annotations

import importlib
import io
import sys
from types import ModuleType, SimpleNamespace

import jieba


def import_posseg() -> ModuleType:
    """jieba.posseg, imported (once per process) with its default tagger's tags read by word_tags."""
    if "jieba.posseg" in sys.modules:
        return sys.modules["jieba.posseg"]
    default = jieba.dt
    jieba.dt = SimpleNamespace(get_dict_file=io.BytesIO)  # all the import asks of it: an empty dictionary
    try:
        posseg = importlib.import_module("jieba.posseg")
    finally:
        jieba.dt = default
    posseg.dt.tokenizer = default
    posseg.dt.word_tag_tab = word_tags(default, posseg)
    return posseg


def word_tags(tokenizer: jieba.Tokenizer, posseg: ModuleType) -> dict[str, str]:
    """word -> tag of the tokenizer's dictionary file, as jieba.posseg.POSTokenizer.load_word_tag
    reads it (the last line of a word wins). A file that is not all lines `word freq tag` with
    single spaces is left to jieba's own reading (which rejects some such lines). The tags are
    interned: one object per distinct tag in the process."""
    with tokenizer.get_dict_file() as file:
        text = file.read().decode("utf-8")
    if (tokens := _three_per_line(text)) is not None:
        return dict(zip(tokens[0::3], map(sys.intern, tokens[2::3])))
    reader = SimpleNamespace()
    posseg.POSTokenizer.load_word_tag(reader, tokenizer.get_dict_file())
    return reader.word_tag_tab


def _three_per_line(text: str) -> list[str] | None:
    """The words of text when each of its lines is three words with one space between them;
    None otherwise. Counted, not looped over: with spaces and line ends the only white space,
    3 words and 2 spaces a line on average leave no line with a leading, trailing or double
    space; a line of four words beside one of two (lines jieba rejects) would still pass, and
    then a word usually falls in the frequency column, which must hold only digits."""
    lines = text.count("\n") + (not text.endswith("\n"))
    tokens = text.split()
    spaces = text.count(" ")
    if (len(tokens) != 3 * lines or spaces != 2 * lines
            or sum(map(len, tokens)) + spaces + text.count("\n") != len(text)):  # other white space
        return None
    return tokens if "".join(tokens[1::3]).isdigit() or not tokens else None
