"""A plan session's queue is the plan's ids, in the plan's order (`quiz.study.queue.plan_ids`).

The plan tests reach `plan_ids` only through whole sessions, without a limit: a mutant
that ignored the limit (or crashed without one) survived the queue's own tests.
"""

from __future__ import annotations

from quiz.study.queue import plan_ids
from tests.study.fakes import deck


def test_the_plans_ids_in_its_order_without_cards_the_bank_lost() -> None:
    cards = deck()
    wanted = [cards[5].id, "gone-from-the-bank", cards[0].id, cards[3].id]
    assert [c.id for c in plan_ids(cards, wanted)] == [cards[5].id, cards[0].id, cards[3].id]


def test_a_limit_takes_the_first_of_the_plan() -> None:
    cards = deck()
    wanted = [cards[5].id, cards[0].id, cards[3].id]
    assert [c.id for c in plan_ids(cards, wanted, limit=2)] == [cards[5].id, cards[0].id]
    assert plan_ids(cards, wanted, limit=0) == []
