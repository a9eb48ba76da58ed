"""`CandidateLooks.numbers_of` on fresh looks (forty-eighth round: a day's first numbering
made as one mapping) numbers the cards as `number` does one at a time: the same numbers,
names, flags and mapping, a card listed twice included, and a later call going on from
there."""

from __future__ import annotations

import random

from quiz.study.plan.looks import CandidateLooks


def _one_at_a_time(batches: list[tuple[list[str], bool]]) -> tuple[CandidateLooks, list[list[int]]]:
    looks = CandidateLooks()
    found = [[looks.number(card_id, unseen=unseen) for card_id in ids] for ids, unseen in batches]
    return looks, found


def _same(one: CandidateLooks, other: CandidateLooks) -> None:
    assert one.names == other.names
    assert one.unseen == other.unseen
    assert list(one.numbers.items()) == list(other.numbers.items())


def test_a_first_numbering_is_the_one_at_a_time() -> None:
    rng = random.Random(48)
    for _ in range(60):
        pool = [f"card-{n}" for n in range(rng.randint(0, 40))]
        first = rng.sample(pool, rng.randint(0, len(pool)))
        if first and rng.random() < 0.3:
            first.append(rng.choice(first))  # a card listed twice: numbered once
        later = rng.sample(pool, rng.randint(0, len(pool)))
        batches = [(first, False), (later, True)]
        looks = CandidateLooks()
        found = [looks.numbers_of(ids, unseen=unseen) for ids, unseen in batches]
        expected_looks, expected = _one_at_a_time(batches)
        assert found == expected
        _same(looks, expected_looks)


def test_a_card_listed_twice_gets_one_number() -> None:
    looks = CandidateLooks()
    assert looks.numbers_of(["a", "b", "a"], unseen=False) == [0, 1, 0]
    assert looks.names == ["a", "b"] and looks.unseen == [False, False]
    assert looks.numbers_of(["c", "a"], unseen=True) == [2, 0]
    assert looks.unseen == [False, False, True]
