"""Word lists kept packed, as one string, from the per-file stage to the one step that reads them.

An article's search words (SearchTerms.words) and keyword counts (Article.term_counts) are
read once per build: the words by the search writer, for the vocabulary; the counts by
keywords.by_region. Kept as tuples of words, every cached result decoded at the start of a
build made an object per word, in the build process, before the search writer could be sent
anything: at 10,000 articles, half of that decoding. Packed, a result holds one string for
each, and the words are made where they are read, once.

Words never hold a line break or a tab (jieba words of text cut at whitespace; search
words are CJK or ASCII runs), so those separate them: pack_* refuses a word that holds one.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.records import TermCounts

_WORD = "\n"  # between the words of a list
_GROUP = "\t"  # between term_counts' groups (words counted once, twice, ...)


def pack_words(words: Iterable[str]) -> str:
    """The words as one string (unpack_words gives them back, in order)."""
    words = tuple(words)
    if "" in words:
        raise ValueError("an empty word cannot be packed")
    packed = _WORD.join(words)
    _check(packed, len(words), _WORD)
    return packed


def unpack_words(packed: str) -> tuple[str, ...]:
    return tuple(packed.split(_WORD)) if packed else ()


def pack_counts(counts: TermCounts) -> str:
    """records.TermCounts (words by count) as one string (unpack_counts gives them back)."""
    groups = [pack_words(group) for group in counts]
    packed = _GROUP.join(groups)
    _check(packed, len(groups), _GROUP)
    return packed


def unpack_counts(packed: str) -> TermCounts:
    if not packed:
        return ()
    return tuple(tuple(group.split(_WORD)) if group else () for group in packed.split(_GROUP))


def _check(packed: str, parts: int, separator: str) -> None:
    # One separator fewer than parts, or a part held one (or a tab, in a list of words).
    if packed.count(separator) != max(parts - 1, 0) or (separator == _WORD and _GROUP in packed):
        raise ValueError(f"a word holds a line break or a tab, which separate packed words: {packed[:80]!r}")
