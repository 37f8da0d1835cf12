"""lexicon/memo.py: a bounded memo of two generations."""

import pytest

from generator.lexicon.memo import Memo


def test_a_memo_never_holds_more_than_its_size():
    memo = Memo(10)
    for i in range(1000):
        assert memo.put(i, str(i)) == str(i)
        assert len(memo) <= 10
    assert memo.get(999) == "999" and memo.get(0) is None


def test_what_recurs_stays_and_what_does_not_is_dropped():
    memo = Memo(4)
    memo.put("kept", 1)
    for i in range(50):
        memo.put(i, i)
        assert memo.get("kept") == 1  # asked for again each turn: moved into the new generation
    assert memo.get(0) is None and memo.get(49) == 49


def test_items_and_iteration_show_both_generations():
    memo = Memo(4)
    for i in range(3):
        memo.put(i, -i)
    assert dict(memo.items()) == {0: 0, 1: -1, 2: -2} and sorted(memo) == [0, 1, 2]
    memo.clear()
    assert len(memo) == 0 and memo.get(1) is None


def test_a_memo_too_small_to_turn_is_refused():
    with pytest.raises(ValueError):
        Memo(1)
