"""jieba's part-of-speech HMM for a run of characters its dictionary does not know (a name:
某某岭, 某某村), with fewer Python steps than jieba.posseg.viterbi and the same result.

Tagging such a run costs more than the rest of a tagged cut. Here: the same sums in the same
order (V + trans + emit), a state's emission looked up once per character instead of once per
predecessor, and only predecessors that can move to the state: the others add jieba's -inf
(MIN_INF), and one that can always exists (the states tried are those some predecessor moves
to), so they never win a maximum. A maximum of (probability, state) tuples does not depend on
the order the candidates come in. jieba is pinned (requirements); tests/test_words.py checks
the tags against jieba's own.
"""

from __future__ import annotations

from collections.abc import Iterator

MIN_FLOAT = -3.14e100  # jieba's: an emission the model never saw


def viterbi(obs: str, states: dict, start_p: dict, trans_p: dict, emit_p: dict) -> tuple[float, list]:
    """jieba.posseg.viterbi.viterbi: the same arguments, the same (probability, route)."""
    all_states = trans_p.keys()
    first = obs[0]
    column = {y: start_p[y] + emit_p[y].get(first, MIN_FLOAT) for y in states.get(first, all_states)}
    paths: list[dict] = [dict.fromkeys(column, "")]
    for t in range(1, len(obs)):
        char = obs[t]
        prev_states = [x for x in paths[-1] if trans_p[x]]
        expect_next = {y for x in prev_states for y in trans_p[x]}
        obs_states = set(states.get(char, all_states)) & expect_next
        if not obs_states:
            obs_states = expect_next if expect_next else all_states
        prev = [(column[y0], trans_p[y0], y0) for y0 in prev_states]
        column, path = {}, {}
        for y in obs_states:
            emit = emit_p[y].get(char, MIN_FLOAT)
            column[y], path[y] = max([(v + trans[y] + emit, y0) for v, trans, y0 in prev if y in trans])
        paths.append(path)
    prob, state = max([(column[y], y) for y in paths[-1]])
    route: list = [None] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = paths[i][state]
    return prob, route


def tag_run(sentence: str, posseg) -> Iterator:
    """jieba.posseg.POSTokenizer.__cut: the words and tags of one unknown run (`posseg`: the
    jieba.posseg module, its model tables and pair)."""
    _, pos_list = viterbi(sentence, posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)
    begin, nexti = 0, 0
    for i, char in enumerate(sentence):
        pos = pos_list[i][0]
        if pos == "B":
            begin = i
        elif pos == "E":
            yield posseg.pair(sentence[begin:i + 1], pos_list[i][1])
            nexti = i + 1
        elif pos == "S":
            yield posseg.pair(char, pos_list[i][1])
            nexti = i + 1
    if nexti < len(sentence):
        yield posseg.pair(sentence[nexti:], pos_list[nexti][1])
