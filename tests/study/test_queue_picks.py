"""The queue's limits, at their edges (`quiz.study.queue`): a plan's ids, a cram's selection
and the due cards each stop where the limit says, 0 included.

The session tests reach these through whole sessions, without a limit or with a roomy one:
mutants that ignored a limit, took one card at a limit of 0 or emptied a cram survived.
"""

from __future__ import annotations

from datetime import timedelta

from quiz.store.timefmt import to_db
from quiz.study.queue import plan_cram, plan_due, plan_ids
from tests.study.fakes import NOW, deck


def test_the_plans_ids_in_its_order_without_cards_the_bank_lost() -> None:
    cards = deck()
    wanted = [cards[5].id, "gone-from-the-bank", cards[0].id, cards[3].id]
    assert [c.id for c in plan_ids(cards, wanted)] == [cards[5].id, cards[0].id, cards[3].id]


def test_a_limit_takes_the_first_of_the_plan() -> None:
    cards = deck()
    wanted = [cards[5].id, cards[0].id, cards[3].id]
    assert [c.id for c in plan_ids(cards, wanted, limit=2)] == [cards[5].id, cards[0].id]
    assert plan_ids(cards, wanted, limit=0) == []


def test_a_cram_takes_the_first_of_its_selection_up_to_the_limit() -> None:
    cards = deck()
    assert plan_cram(cards, limit=2) == cards[:2]
    assert plan_cram(cards, limit=0) == []
    assert plan_cram(cards) == cards


def test_due_cards_stop_at_a_limit_or_review_allowance_of_zero() -> None:
    cards = deck()
    due_at = {card.id: to_db(NOW - timedelta(hours=n)) for n, card in enumerate(cards[:4])}
    assert plan_due(cards, due_at, NOW, new_allowance=5, limit=0) == [], "new cards too"
    steps_only = plan_due(
        cards, due_at, NOW, new_allowance=0, review_allowance=0, stepping={cards[1].id}
    )
    assert steps_only == [cards[1]], "no review left today: only the card in its step"
