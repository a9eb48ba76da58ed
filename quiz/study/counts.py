"""Due / new / learned counts per topic and pack, for the Home screen."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from fsrs import State
from pydantic import BaseModel

from quiz.store import CardFlag, Schedule, Store
from quiz.study.cards import StudyCard, pack_of
from quiz.study.days import as_utc, day_start

DEFAULT_NEW_PER_DAY = 20


class Counts(BaseModel):
    """Card counts for one group: new + learning + learned + suspended == total.

    `due` is the part of learning and learned whose time has come (buried cards excluded).
    """

    total: int = 0
    new: int = 0
    """Never scheduled."""
    due: int = 0
    """Scheduled and due now or earlier."""
    learning: int = 0
    """In fsrs learning or relearning steps."""
    learned: int = 0
    """In fsrs review state (graduated)."""
    suspended: int = 0
    """Taken out of study by the person (counted here, not in new/learning/learned)."""


class DeckCounts(BaseModel):
    """Counts for all cards, per topic and per pack, and how many new cards today allows."""

    total: Counts
    by_topic: dict[str, Counts]
    by_pack: dict[str, Counts]
    by_pack_topic: dict[str, dict[str, Counts]] = {}
    """Per pack, per topic (a topic name may recur in several packs)."""
    new_today: int
    """New cards a `due` session would still introduce today (daily limit applied)."""


@dataclass
class _Tally:
    """Plain counters for the hot loop (pydantic models are slow to mutate field by field)."""

    total: int = 0
    new: int = 0
    due: int = 0
    learning: int = 0
    learned: int = 0
    suspended: int = 0

    def add(self, saved: Schedule | None, now: datetime, flag: CardFlag | None = None) -> None:
        self.total += 1
        if flag is not None and flag.suspended:
            self.suspended += 1
            return
        if saved is None:
            self.new += 1
            return
        if saved.due <= now and (flag is None or not flag.hidden_at(now)):
            self.due += 1
        if saved.state == State.Review:
            self.learned += 1
        else:
            self.learning += 1

    def counts(self) -> Counts:
        return Counts(
            total=self.total,
            new=self.new,
            due=self.due,
            learning=self.learning,
            learned=self.learned,
            suspended=self.suspended,
        )


def deck_counts(
    store: Store,
    cards: Iterable[StudyCard],
    now: datetime,
    *,
    new_per_day: int = DEFAULT_NEW_PER_DAY,
    tz: tzinfo = UTC,
) -> DeckCounts:
    """Count the given cards against their saved states at `now`, in one pass.

    Reads only the state and due columns: no fsrs Card JSON is parsed.
    """
    moment = as_utc(now)
    states = store.schedules()
    flags = store.card_flags()
    buried_new = 0
    total = _Tally()
    by_topic: dict[str, _Tally] = {}
    by_pack: dict[str, _Tally] = {}
    by_pack_topic: dict[str, dict[str, _Tally]] = {}
    for card in cards:
        saved = states.get(card.id)
        flag = flags.get(card.id)
        if saved is None and flag is not None and not flag.suspended and flag.hidden_at(moment):
            buried_new += 1
        total.add(saved, moment, flag)
        by_topic.setdefault(card.topic, _Tally()).add(saved, moment, flag)
        pack = pack_of(card)
        if pack:
            by_pack.setdefault(pack, _Tally()).add(saved, moment, flag)
            by_pack_topic.setdefault(pack, {}).setdefault(card.topic, _Tally()).add(
                saved, moment, flag
            )
    allowance = max(0, new_per_day - store.introduced_since(day_start(moment, tz)))
    return DeckCounts(
        total=total.counts(),
        by_topic={topic: tally.counts() for topic, tally in by_topic.items()},
        by_pack={pack: tally.counts() for pack, tally in by_pack.items()},
        by_pack_topic={
            pack: {topic: tally.counts() for topic, tally in topics.items()}
            for pack, topics in by_pack_topic.items()
        },
        new_today=min(total.new - buried_new, allowance),
    )
