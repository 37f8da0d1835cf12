"""One block's words (a run between punctuation), as jieba's private block steps cut it
(Tokenizer.__cut_DAG, POSTokenizer.__cut_DAG), with the word graph and the best path through
it computed in one backward pass: jieba builds the graph (get_DAG) as a dict of lists, then
walks it (calc) into a dict of tuples; every block cut, tagged or not, paid for both.

Same words at the same positions, the same floating-point sums in the same order, and the
same choice on a tie (jieba's max over (probability, end) tuples keeps the later end), so the
same segmentation. jieba is pinned (requirements); tests/test_words.py checks against it.
"""

from __future__ import annotations

from collections.abc import Callable


# What scores() gives a fragment that is no word: the start of one, or not even that.
PREFIX, STOP = 1.0, 2.0  # (a word's log probability is negative)


def best_ends(sentence: str, scores: dict[str, float], score: Callable[[str], float], unknown: float) -> list[int]:
    """For each start position, where the word of the best path starting there ends
    (inclusive). `scores`: fragment -> its word's log probability, PREFIX or STOP, as far as
    met; `score` fills in one not met yet (from jieba's prefix table); `unknown`: the log
    probability of a character that is no word. One dict look-up per fragment tried, where
    get_DAG and calc took three."""
    n = len(sentence)
    prob = [0.0] * (n + 1)
    ends = [0] * n
    get = scores.get
    for idx in range(n - 1, -1, -1):
        best, end, i = None, idx, idx
        frag = sentence[idx]
        while True:
            p = get(frag)
            if p is None:
                p = score(frag)
            if p == STOP:
                break
            if p != PREFIX:
                p += prob[i + 1]
                if best is None or p >= best:  # (a tie: the later end, as max of tuples)
                    best, end = p, i
            i += 1
            if i >= n:
                break
            frag = sentence[idx:i + 1]
        # no word starts here: the character alone
        prob[idx], ends[idx] = (unknown + prob[idx + 1] if best is None else best), end
    return ends


def block_words(sentence: str, ends: list[int], freq: dict[str, int],
                unknown: Callable[[str], object], known: Callable[[str], object] | None = None) -> list:
    """The words of the block along the path (`ends`): a run of single characters that is not a
    dictionary word goes to `unknown` (jieba's HMM: an iterable of words), the rest one by one;
    `known` makes each word's record (a tagged pair) from its text, None keeps the text."""
    out: list = []
    x, n, buf = 0, len(sentence), ""
    while x < n:
        y = ends[x] + 1
        if y - x == 1:
            buf += sentence[x]
        else:
            if buf:
                _flush(buf, freq, unknown, known, out)
                buf = ""
            out.append(sentence[x:y] if known is None else known(sentence[x:y]))
        x = y
    if buf:
        _flush(buf, freq, unknown, known, out)
    return out


def _flush(buf: str, freq: dict[str, int], unknown: Callable[[str], object],
           known: Callable[[str], object] | None, out: list) -> None:
    if len(buf) == 1:
        out.append(buf if known is None else known(buf))
    elif not freq.get(buf):
        out.extend(unknown(buf))
    else:
        out.extend(buf if known is None else map(known, buf))
