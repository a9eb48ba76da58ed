"""Random study days on a fake clock beside another drillbit: after every step a due
session's cards, their order and their count are a restart's and Home's (study49).

Each walk starts between 03:00 and 04:00 (the day starting at 4:00) in Berlin, some cards
suspended before it, new_per_day 1 to 4 and max_reviews_per_day none, 1 or 2, and takes
5 to 30 steps a few minutes apart: an answer of any rating, an undo, a bury, a suspend, a
skip-free show, a relaunch, the machine's zone moved (London, Berlin, Tokyo) or the day's
start hour changed, and another drillbit's write through a second connection (an answer,
a suspend, a bury, a card put back). After each step the session's cards are compared
with those of a session started then: the same cards (the card on screen may stand in
for the restart's last of its kind, as in `test_session_restart_walks`), the new cards
and reviews in the same order, and as many as Home counts. `WALKS` run here; the round's
report ran 600 seeds (tests/study/test_session_refresh_walks.py's `walk`, by hand).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fsrs import Rating, Scheduler, State

from quiz.store import ChangedSinceError, Store
from quiz.study.aside import set_card_aside
from quiz.study.counts import deck_counts
from quiz.study.days import StudyZone
from quiz.study.elsewhere import ChangedElsewhere
from quiz.study.options import SessionOptions
from quiz.study.rest_of_day import REVIEW_STATE
from quiz.study.session import Session
from tests.study.fakes import FakeCard, other_write, save_due

ZONES = ("Europe/Berlin", "Europe/London", "Asia/Tokyo")
CARDS = [FakeCard(f"c{n:02d}", topic=f"t{n % 3}") for n in range(12)]
WALKS = 40
ACTIONS = (
    ("rate",) * 5 + ("undo", "bury", "suspend", "relaunch", "show", "zone", "hour") + ("other",) * 4
)


class _Zone:
    """The zone the app follows (the machine's, the day start set): moved by the walk."""

    def __init__(self, zone: tzinfo) -> None:
        self.zone = zone

    def __call__(self) -> tzinfo:
        return self.zone


def _day_cards(store: Store, ids: list[str], waiting: set[str]) -> list[str]:
    """The new cards and reviews of a queue, in order (not the learning copies)."""
    columns = store.schedule_columns()
    return [
        i for i in ids if i not in waiting and (i not in columns or columns[i][0] == REVIEW_STATE)
    ]


def _expected(
    store: Store, session: Session, fresh: Session
) -> list[tuple[Counter[str], list[str]]]:
    """The restart's cards and its new cards and reviews in order, the card on screen kept
    first; when the restart would not queue that card, it is added, in the place of the
    restart's last card of its kind when that kind is at its day's limit (either is taken:
    a card no longer due after a zone change is kept with no limit reached)."""
    ids = [card.id for card in fresh.queued]
    order = _day_cards(store, ids, set(fresh._waiting))
    kept = session._kept()
    if kept is None:
        return [(Counter(ids), order)]
    if kept in ids:
        if kept in order:
            order.remove(kept)
            order.insert(0, kept)
        return [(Counter(ids), order)]
    first = [kept] if _day_cards(store, [kept], set()) else []
    added = (Counter([*ids, kept]), first + order)
    columns = store.schedule_columns()
    if kept not in columns:
        kind = [i for i in ids if i not in columns]
    else:
        reviews = [i for i in ids if columns.get(i, (0,))[0] == REVIEW_STATE]
        kind = sorted(reviews, key=lambda card_id: (columns[card_id][1], card_id))
    if not kind:
        return [added]
    cards = Counter([*ids, kept])
    cards[kind[-1]] -= 1
    return [added, (+cards, first + [i for i in order if i != kind[-1]])]


def walk(seed: int, home: Path) -> str | None:
    """One walk; None when every step agreed, else what differed and the steps so far."""
    rng = random.Random(seed)
    berlin = StudyZone(ZoneInfo("Europe/Berlin"), 4)
    start = datetime(2026, 3, 10, 3, rng.randint(0, 59), tzinfo=berlin.zone).astimezone(UTC)
    scheduler = Scheduler(enable_fuzzing=False)
    path = home / f"walk-{seed}.db"
    with Store.open(path, now=start) as store, Store.open(path, now=start) as other:
        for review in CARDS[8:]:
            due = start + timedelta(hours=rng.randint(-30, 30))
            save_due(store, review.id, State.Review, due)
        for hidden in rng.sample(CARDS, rng.randint(0, 2)):
            set_card_aside(store, hidden.id, suspend=True, now=start - timedelta(hours=1), tz=UTC)
        zone = _Zone(berlin)
        options = SessionOptions(
            tz=berlin,
            new_per_day=rng.choice([1, 2, 3, 4]),
            max_reviews_per_day=rng.choice([None, 1, 2]),
        )
        now = start

        def session_now() -> Session:
            return Session(
                store,
                CARDS,
                replace(options, tz=zone.zone),
                now=now,
                scheduler=scheduler,
                zone=zone,
            )

        session = session_now()
        steps: list[str] = []
        for _ in range(rng.randint(5, 30)):
            now += timedelta(minutes=rng.choice([0, 1, 2, 5, 11, 30]))
            action = rng.choice(ACTIONS)
            session.show(now=now)
            card = session.current
            said = f"{action} {card.id if card else '-'}"
            if action == "rate" and card is not None:
                try:
                    session.rate(rng.choice(list(Rating)), now=now)
                except ChangedElsewhere as changed:
                    return f"{changed} at {now:%H:%M}, shown at the card before: {steps}"
            elif action == "undo":
                try:
                    session.undo(now=now)
                except ChangedSinceError:
                    said = "undo refused: answered since in the other drillbit"
            elif action in ("bury", "suspend") and card is not None:
                session.set_aside(suspend=action == "suspend", now=now)
            elif action == "relaunch":
                session = session_now()
            elif action == "zone":
                name = rng.choice(ZONES)
                zone.zone = StudyZone(ZoneInfo(name), zone.zone.day_starts_at)  # type: ignore[attr-defined]
                said = f"zone {name}"
            elif action == "hour":
                hour = rng.choice([0, 4, 6])
                zone.zone = StudyZone(zone.zone.zone, hour)  # type: ignore[attr-defined]
                said = f"hour {hour}"
            elif action == "other":
                said = other_write(other, CARDS, rng, now, zone.zone)
            steps.append(f"{now:%H:%M} {said}")
            session.show(now=now)
            fresh = session_now()
            mine = Counter(c.id for c in session.queued)
            order = _day_cards(store, [c.id for c in session.queued], set(session._waiting))
            expected = _expected(store, session, fresh)
            counts = deck_counts(
                store,
                CARDS,
                now,
                new_per_day=options.new_per_day,
                max_reviews_per_day=options.max_reviews_per_day,
                tz=zone.zone,
            )
            counted = counts.studies_today(counts.total)
            if (mine, order) not in expected or counted != fresh.remaining:
                theirs, their_order = expected[0]
                return (
                    f"{sorted(mine.elements())} {sorted(theirs.elements())} {order} "
                    f"{their_order} {counted}/{fresh.remaining}: {steps}"
                )
    return None


@pytest.mark.parametrize("first", range(0, WALKS, 20))
def test_a_session_beside_another_drillbit_is_a_restart_after_every_step(
    tmp_path: Path, first: int
) -> None:
    differed = [
        f"walk {seed}: {found}"
        for seed in range(first, first + 20)
        if (found := walk(seed, tmp_path)) is not None
    ]
    assert differed == []
