"""Due / new / learned counts per topic and pack, for the Home screen."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, tzinfo

from fsrs import State
from pydantic import BaseModel

from quiz.store import CardState, Store
from quiz.study.cards import StudyCard, pack_of
from quiz.study.days import as_utc, day_start

DEFAULT_NEW_PER_DAY = 20


class Counts(BaseModel):
    """Card counts for one group. `due` overlaps `learning`/`learned` (it is about time)."""

    total: int = 0
    new: int = 0
    """Never scheduled."""
    due: int = 0
    """Scheduled and due now or earlier."""
    learning: int = 0
    """In fsrs learning or relearning steps."""
    learned: int = 0
    """In fsrs review state (graduated)."""


class DeckCounts(BaseModel):
    """Counts for all cards, per topic and per pack, and how many new cards today allows."""

    total: Counts
    by_topic: dict[str, Counts]
    by_pack: dict[str, Counts]
    new_today: int
    """New cards a `due` session would still introduce today (daily limit applied)."""


def _add(counts: Counts, saved: CardState | None, now: datetime) -> None:
    counts.total += 1
    if saved is None:
        counts.new += 1
        return
    if saved.due <= now:
        counts.due += 1
    if saved.state == State.Review:
        counts.learned += 1
    else:
        counts.learning += 1


def deck_counts(
    store: Store,
    cards: Iterable[StudyCard],
    now: datetime,
    *,
    new_per_day: int = DEFAULT_NEW_PER_DAY,
    tz: tzinfo = UTC,
) -> DeckCounts:
    """Count the given cards against their saved states at `now`."""
    moment = as_utc(now)
    states = store.card_states()
    total = Counts()
    by_topic: dict[str, Counts] = {}
    by_pack: dict[str, Counts] = {}
    for card in cards:
        saved = states.get(card.id)
        _add(total, saved, moment)
        _add(by_topic.setdefault(card.topic, Counts()), saved, moment)
        pack = pack_of(card)
        if pack:
            _add(by_pack.setdefault(pack, Counts()), saved, moment)
    allowance = max(0, new_per_day - store.introduced_since(day_start(moment, tz)))
    return DeckCounts(
        total=total, by_topic=by_topic, by_pack=by_pack, new_today=min(total.new, allowance)
    )
