"""Progress numbers for the stats screen and `drillbit stats --json`, from the full history."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo

from fsrs import Rating, State
from pydantic import BaseModel

from quiz.store import Review, Store
from quiz.study.cards import StudyCard
from quiz.study.counts import Counts, deck_counts
from quiz.study.days import as_utc, days_back, local_date

HISTORY_DAYS = 30


class TopicStats(BaseModel):
    """One topic's history."""

    reviews: int
    accuracy: float | None
    cards_seen: int


class DayCount(BaseModel):
    """Reviews on one calendar day (in the person's time zone)."""

    date: date
    reviews: int


class Stats(BaseModel):
    """Everything `drillbit stats --json` prints. Reviews of every mode count."""

    generated_at: datetime
    reviews: int
    cards_seen: int
    """Distinct cards ever answered, including cards since removed from the content."""
    correct: int
    accuracy: float | None
    retention: float | None
    """Share of non-Again answers among reviews of cards that were in fsrs review state."""
    drills_passed: int
    """Distinct drills with at least one passed attempt."""
    drill_attempts: int
    streak: int
    """Consecutive days with a review, ending today (or yesterday, if today has none yet)."""
    reviews_per_day: list[DayCount]
    """The last 30 days, oldest first, today last."""
    by_topic: dict[str, TopicStats]
    """Topics of the cards in the content; history of removed cards is in the totals only."""
    removed_cards: int
    """Cards with history that are no longer in the content."""
    cards: Counts
    """Current new / due / learning / learned counts of the content's cards."""


def retention(reviews: Iterable[Review]) -> float | None:
    """Share of non-Again among reviews whose card was in review state, or None."""
    mature = [r for r in reviews if r.state_before == State.Review]
    if not mature:
        return None
    return sum(1 for r in mature if r.rating != Rating.Again) / len(mature)


def streak(review_days: set[date], today: date) -> int:
    """Consecutive days with a review up to today; a day not yet studied does not break it."""
    day = today if today in review_days else today - timedelta(days=1)
    count = 0
    while day in review_days:
        count += 1
        day -= timedelta(days=1)
    return count


def compute_stats(
    store: Store,
    cards: Sequence[StudyCard],
    now: datetime,
    *,
    tz: tzinfo = UTC,
    days: int = HISTORY_DAYS,
) -> Stats:
    """Aggregate the whole history at `now`; days are calendar days in `tz`."""
    moment = as_utc(now)
    reviews = store.reviews()
    attempts = store.attempts()
    topic_of = {card.id: card.topic for card in cards}
    per_day = Counter(local_date(r.reviewed_at, tz) for r in reviews)
    today = local_date(moment, tz)

    tally: dict[str, list[int]] = {}
    topic_cards: dict[str, set[str]] = {}
    for review in reviews:
        topic = topic_of.get(review.card_id)
        if topic is None:
            continue
        entry = tally.setdefault(topic, [0, 0])
        entry[0] += 1
        entry[1] += int(review.correct)
        topic_cards.setdefault(topic, set()).add(review.card_id)
    by_topic = {
        topic: TopicStats(reviews=n, accuracy=ok / n, cards_seen=len(topic_cards[topic]))
        for topic, (n, ok) in sorted(tally.items())
    }

    seen = {r.card_id for r in reviews}
    historic = seen | {a.card_id for a in attempts}
    correct = sum(1 for r in reviews if r.correct)
    return Stats(
        generated_at=moment,
        reviews=len(reviews),
        cards_seen=len(seen),
        correct=correct,
        accuracy=correct / len(reviews) if reviews else None,
        retention=retention(reviews),
        drills_passed=len({a.card_id for a in attempts if a.passed}),
        drill_attempts=len(attempts),
        streak=streak(set(per_day), today),
        reviews_per_day=[
            DayCount(date=d, reviews=per_day.get(d, 0)) for d in days_back(today, days)
        ],
        by_topic=by_topic,
        removed_cards=len(historic - set(topic_of)),
        cards=deck_counts(store, cards, moment, tz=tz).total,
    )
