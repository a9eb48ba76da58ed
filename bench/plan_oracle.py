"""The plan simulation's oracle: review timing planned with what the app can never know.

The oracle knows the learner's true FSRS parameters and true memory state of every card
(the simulation's ground truth) and their true mean answer time per kind. It gets the
same new cards on the same days as plan mode and at most plan mode's number of reviews,
studies within the same daily time box, and spends those reviews to raise the true
expected recall on the interview day:

- every day, every card seen before today and every day from today to the eve is a
  candidate; reviewing card c on day t is worth the true expected recall on the day it
  adds (over recalling or not, with the learner's rating mix), per expected second;
- pairs are taken best first, one day per card, while the day has room (the budget less
  that day's new cards) and reviews are left; today studies what landed on today, and
  tomorrow everything is planned again from the true state after today's real answers;
- a review is not asked again the same day (no relearning step), so every answer
  after a card's first day counts as a review; a new card's learning steps are taken on
  the days plan mode took them, so its first days are plan mode's.

It is a greedy heuristic, not an optimum: it plans one more review per card at a time
and ranks by gain per second. `recall_bound` is a true upper bound for any policy with
the same first days (the same answers on each card's first day) and at most as many
reviews, ignoring the time budget.

The FSRS formulas here are fsrs.Scheduler's (version 6), vectorised with numpy over the
cards so that re-planning every day stays cheap; the tests check them against the
library. Any error in them would only make the oracle plan worse, never change what the
simulation scores: the outcome is measured with fsrs itself.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import datetime

import numpy as np
from fsrs import Card, Rating

DAY_SECONDS = 86_400.0
STABILITY_MIN = 0.001


class TrueModel:
    """One learner's FSRS-6 memory model (their true parameters), over arrays of cards."""

    def __init__(self, params: Sequence[float]) -> None:
        self.w = tuple(float(p) for p in params)
        self.decay = -self.w[20]
        self.factor = 0.9 ** (1 / self.decay) - 1

    def recall(self, elapsed_days: np.ndarray, stability: np.ndarray) -> np.ndarray:
        """Probability of recall after whole `elapsed_days` (fsrs's forgetting curve)."""
        return np.asarray(
            np.power(1 + self.factor * np.maximum(elapsed_days, 0) / stability, self.decay)
        )

    def stability_after(
        self,
        stability: np.ndarray,
        difficulty: np.ndarray,
        elapsed_days: np.ndarray,
        rating: Rating,
    ) -> np.ndarray:
        """Stability after an answer rated `rating`, `elapsed_days` after the last one
        (under a day: fsrs's short-term stability)."""
        w = self.w
        grade = int(rating)
        short = stability * np.exp(w[17] * (grade - 3 + w[18])) * np.power(stability, -w[19])
        if rating != Rating.Again:
            short = np.maximum(short, stability)
        recall = self.recall(elapsed_days, stability)
        if rating == Rating.Again:
            long_term = np.minimum(
                w[11]
                * np.power(difficulty, -w[12])
                * (np.power(stability + 1, w[13]) - 1)
                * np.exp((1 - recall) * w[14]),
                stability / math.exp(w[17] * w[18]),
            )
        else:
            bonus = w[15] if rating == Rating.Hard else w[16] if rating == Rating.Easy else 1.0
            long_term = stability * (
                1
                + math.exp(w[8])
                * (11 - difficulty)
                * np.power(stability, -w[9])
                * (np.exp((1 - recall) * w[10]) - 1)
                * bonus
            )
        return np.asarray(np.maximum(np.where(elapsed_days < 1, short, long_term), STABILITY_MIN))


def _days(later: np.ndarray, earlier: np.ndarray) -> np.ndarray:
    """Whole days between two epoch-second times, as datetime's timedelta.days counts."""
    return np.asarray(np.floor((later - earlier) / DAY_SECONDS))


def review_gains(
    model: TrueModel,
    cards: Sequence[Card],
    moments: Sequence[datetime],
    start: datetime,
    recalled: Sequence[tuple[Rating, float]],
) -> np.ndarray:
    """Expected true recall at `start` added by reviewing each card at each moment.

    Shape (cards, moments). A recalled card is rated by the `recalled` mix, a forgotten
    one Again, and nothing more is asked that day.
    """
    stability = np.array([float(card.stability or STABILITY_MIN) for card in cards])[:, None]
    difficulty = np.array([float(card.difficulty or 5.0) for card in cards])[:, None]
    last = np.array([card.last_review.timestamp() for card in cards if card.last_review])[:, None]
    when = np.array([moment.timestamp() for moment in moments])[None, :]
    day = float(start.timestamp())
    elapsed = _days(when, last)
    chance = model.recall(elapsed, stability)
    left = _days(np.full_like(when, day), when)
    kept = np.zeros_like(chance)
    for rating, share in recalled:
        kept += share * model.recall(
            left, model.stability_after(stability, difficulty, elapsed, rating)
        )
    lapsed = model.recall(left, model.stability_after(stability, difficulty, elapsed, Rating.Again))
    idle = model.recall(_days(np.array([[day]]), last), stability)
    return np.asarray(chance * kept + (1 - chance) * lapsed - idle)


def oracle_reviews(
    known: Mapping[str, Card],
    cost: Mapping[str, float],
    model: TrueModel,
    moments: Sequence[datetime],
    start: datetime,
    room: Sequence[float],
    reviews_left: int,
    recalled: Sequence[tuple[Rating, float]],
) -> list[str]:
    """Today's reviews, best first: the greedy plan from today (`moments[0]`) to the eve.

    `known` are the true memory states of the candidates (cards seen before today),
    `cost` their expected seconds, `room` the seconds free on each day (today first).
    """
    if not known or not moments or reviews_left <= 0:
        return []
    ids = list(known)
    gains = review_gains(model, [known[i] for i in ids], moments, start, recalled)
    seconds = np.array([cost[i] for i in ids])
    density = gains / seconds[:, None]
    days = len(moments)
    flat = density.ravel()
    # best first; on a tie the later day (a review nearer the day)
    order = np.lexsort((-(np.arange(flat.size) % days), -flat))
    free = list(room)
    placed: set[int] = set()
    today: list[str] = []
    count = 0
    for index in order:
        if flat[index] <= 0 or count >= reviews_left:
            break
        card, day = divmod(int(index), days)
        if card in placed or seconds[card] > free[day] + 1e-9:
            continue
        placed.add(card)
        free[day] -= seconds[card]
        count += 1
        if day == 0:
            today.append(ids[card])
    return today


def recall_bound(first_recall: Sequence[float], reviews: int, cards: int) -> float:
    """A true upper bound of mean recall on the day with at most `reviews` reviews.

    `first_recall` is each introduced card's recall on the day if never reviewed after
    its first day. A review can at best make a card's recall 1 (a review on the eve:
    fsrs counts whole days), so the best any timing can do, with no time budget, is to
    review the cards that would be weakest; cards never introduced count 0.
    """
    if cards <= 0:
        return 0.0
    ordered = sorted(first_recall)
    lifted = min(max(reviews, 0), len(ordered))
    return (lifted + sum(ordered[lifted:])) / cards
