"""fsrs's own expected recall after a review, answer by answer: what the bench's
vectorised formulas (the oracle's gains, the budgeted bound's trees) are checked against."""

from __future__ import annotations

from datetime import datetime

from fsrs import Card, Rating, Scheduler

from bench.plan import RECALLED_RATINGS


def expected_recall_after(truth: Scheduler, card: Card, when: datetime, day: datetime) -> float:
    """Recall at `day` expected after reviewing `card` at `when`: recalled with fsrs's
    probability and rated with the learners' mix, or forgotten (Again)."""
    chance = truth.get_card_retrievability(card, when)
    outcomes = [(Rating.Again, 1 - chance)] + [(r, chance * s) for r, s in RECALLED_RATINGS]
    return sum(
        share * truth.get_card_retrievability(truth.review_card(card, rating, when)[0], day)
        for rating, share in outcomes
    )
