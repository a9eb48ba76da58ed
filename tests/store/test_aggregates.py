"""The store's aggregate queries: on a migrated version-1 database, and against the plain
Python computation over every review row on a seeded random history in several time zones."""

from __future__ import annotations

import random
import shutil
from collections import Counter
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fsrs import Rating, Scheduler

from quiz.store import LATEST_VERSION, Review, Store
from quiz.store.backup import merge_progress
from quiz.store.backup_dump import dump
from quiz.study.days import days_back, local_date
from quiz.study.scheduling import review_card
from quiz.study.stats import compute_stats, streak
from tests.store.test_migrations import _v1_database
from tests.study.fakes import deck

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
V1_NOW = datetime(2026, 1, 6, 12, 0, tzinfo=UTC)


def _plan(store: Store, sql: str) -> str:
    return " ".join(str(row[3]) for row in store._conn.execute("EXPLAIN QUERY PLAN " + sql))


def test_a_copy_of_a_version_1_database_gets_the_indexes_and_answers(tmp_path: Path) -> None:
    original = tmp_path / "v1.db"
    _v1_database(original)
    copy = tmp_path / "copy" / "drillbit.db"
    copy.parent.mkdir()
    shutil.copy(original, copy)
    with Store.open(copy, now=V1_NOW) as store:
        assert store.schema_version() == LATEST_VERSION
        indexes = {
            r[0] for r in store._conn.execute("SELECT name FROM sqlite_master WHERE type='index'")
        }
        assert {"card_state_introduced", "card_state_due"} <= indexes
        # version 6 tallies the existing log per card
        assert _tally_table(store) == _tally_of_log(store)
        tallies = store.review_tallies()
        assert {k: (t.reviews, t.correct) for k, t in tallies.items()} == {
            "vanishing-gradient": (1, 1),
            "card-removed-since": (1, 0),
        }
        assert store.mature_reviews() == (0, 0)
        assert store.attempt_cards() == (1, {"sgd-step"}, {"sgd-step"}, set())
        state, due, _difficulty = store.schedule_facts()["vanishing-gradient"]
        assert state == 1
        assert due == datetime(2026, 1, 5, 9, 10, tzinfo=UTC)
        assert store.review_buckets() == [(datetime(2026, 1, 5, 9, 0, tzinfo=UTC), 2)]
        assert store.review_buckets(since=V1_NOW) == []
        # Days are read from the time index alone, not the review rows with their JSON.
        assert "COVERING INDEX review_log_time" in _plan(
            store, "SELECT substr(reviewed_at, 1, 14), COUNT(*) FROM review_log GROUP BY 1"
        )
    # the original file is untouched: still version 1
    with Store.open(original, now=V1_NOW, read_only=True) as old:
        assert old.review_tallies().keys() == {"vanishing-gradient", "card-removed-since"}


def _tally_table(store: Store) -> dict[str, tuple[int, ...]]:
    rows = store._conn.execute("SELECT card_id, reviews, correct FROM review_tally")
    return {row[0]: tuple(row[1:]) for row in rows}


def _tally_of_log(store: Store) -> dict[str, tuple[int, ...]]:
    """What the triggers must keep: the log grouped by card, computed afresh."""
    rows = store._conn.execute(
        "SELECT card_id, COUNT(*), SUM(correct) FROM review_log GROUP BY card_id"
    )
    return {row[0]: tuple(row[1:]) for row in rows}


def test_the_tally_table_follows_every_change_to_the_log(tmp_path: Path) -> None:
    with Store.open(tmp_path / "drillbit.db", now=NOW) as store:
        _random_history(store, random.Random(5), UTC, days=60, daily_run=3)
        assert _tally_table(store) == _tally_of_log(store) and _tally_table(store)
        latest = store.reviews()[-1]
        store.undo_review(latest.id, now=NOW)  # a delete
        assert _tally_table(store) == _tally_of_log(store)
        store._conn.execute(
            "UPDATE review_log SET card_id = 'moved', correct = 1 - correct, state_before = 2"
            " WHERE id % 3 = 0"
        )
        assert _tally_table(store) == _tally_of_log(store)
        store._conn.execute("DELETE FROM review_log WHERE card_id = 'moved'")
        assert "moved" not in _tally_table(store)
        assert _tally_table(store) == _tally_of_log(store)
        exported = dump(store, now=NOW)
    with Store.open(tmp_path / "other.db", now=NOW) as other:
        merge_progress(other, exported, now=NOW)  # imported reviews count too
        assert _tally_table(other) == _tally_of_log(other)
        assert sum(t[0] for t in _tally_table(other).values()) == len(exported.reviews)


def _random_history(
    store: Store, rng: random.Random, tz: tzinfo, *, days: int, daily_run: int
) -> None:
    """Reviews of the deck's cards and of one removed card at random minutes; each of the
    last `daily_run` local days also has one around its noon."""
    ids = [card.id for card in deck()] + ["removed-card"]
    today = local_date(NOW, tz)
    for offset in range(days):
        day = NOW - timedelta(days=offset)
        stamps = []
        if offset < daily_run:
            local = today - timedelta(days=offset)
            noon = datetime(local.year, local.month, local.day, 12, tzinfo=tz)
            stamps.append(min(noon.astimezone(UTC), NOW - timedelta(minutes=1)))
        for _ in range(rng.choice([0, 0, 1, 3])):
            # any minute of the UTC day, so reviews fall on both sides of local midnights
            when = day.replace(hour=0, minute=0) + timedelta(minutes=rng.randrange(24 * 60))
            stamps.append(min(when, NOW - timedelta(minutes=rng.randrange(1, 600))))
        for when in stamps:
            rating = rng.randrange(1, 5)
            store.record_review(
                card_id=rng.choice(ids),
                rating=rating,
                correct=rating >= 3,
                reviewed_at=when,
                mode=rng.choice(["cram", "due", "due", "mock"]),
                state_before=rng.choice([None, 1, 2, 2, 3]),
            )


def _naive(reviews: list[Review], topic_of: dict[str, str], tz: tzinfo) -> dict[str, object]:
    """The former implementation: every review row through Python."""
    per_day = Counter(local_date(r.reviewed_at, tz) for r in reviews)
    today = local_date(NOW, tz)
    tally: dict[str, list[int]] = {}
    cards: dict[str, set[str]] = {}
    for r in reviews:
        topic = topic_of.get(r.card_id)
        if topic is None:
            continue
        entry = tally.setdefault(topic, [0, 0])
        entry[0] += 1
        entry[1] += int(r.correct)
        cards.setdefault(topic, set()).add(r.card_id)
    mature = [r for r in reviews if r.state_before == 2 and r.mode == "due"]  # true retention
    return {
        "reviews": len(reviews),
        "cards_seen": len({r.card_id for r in reviews}),
        "correct": sum(r.correct for r in reviews),
        "retention": sum(r.rating != 1 for r in mature) / len(mature) if mature else None,
        "streak": streak(set(per_day), today),
        "per_day": [(d, per_day.get(d, 0)) for d in days_back(today, 30)],
        "by_topic": {t: (n, ok / n, len(cards[t])) for t, (n, ok) in sorted(tally.items())},
    }


@pytest.mark.parametrize(
    ("zone", "daily_run", "seed"),
    [
        ("UTC", 12, 1),
        ("Asia/Kathmandu", 70, 2),  # +05:45: quarter-hour buckets must not straddle midnight
        ("America/New_York", 250, 3),  # DST changes inside the window; streak > window
        ("Pacific/Chatham", 1, 4),  # +12:45 / +13:45
    ],
)
def test_sql_aggregates_equal_the_row_by_row_computation(
    tmp_path: Path, zone: str, daily_run: int, seed: int
) -> None:
    tz = ZoneInfo(zone)
    with Store.open(tmp_path / "drillbit.db", now=NOW) as store:
        _random_history(store, random.Random(seed), tz, days=400, daily_run=daily_run)
        cards = deck()
        stats = compute_stats(store, cards, NOW, tz=tz)
        want = _naive(store.reviews(), {c.id: c.topic for c in cards}, tz)
    assert stats.reviews == want["reviews"] and stats.reviews > 200
    assert stats.cards_seen == want["cards_seen"]
    assert stats.correct == want["correct"]
    assert stats.retention == pytest.approx(want["retention"])
    assert stats.streak == want["streak"]
    assert stats.streak >= daily_run
    assert [(d.date, d.reviews) for d in stats.reviews_per_day] == want["per_day"]
    by_topic = want["by_topic"]
    assert isinstance(by_topic, dict)
    assert {
        t: (s.reviews, pytest.approx(s.accuracy), s.cards_seen) for t, s in stats.by_topic.items()
    } == by_topic
    assert stats.removed_cards == 1


def test_a_streak_longer_than_every_window_reads_the_whole_history(tmp_path: Path) -> None:
    with Store.open(tmp_path / "drillbit.db", now=NOW) as store:
        for offset in range(1000):
            store.record_review(
                card_id="adam-bias",
                rating=3,
                correct=True,
                reviewed_at=NOW - timedelta(days=offset),
                mode="cram",
            )
        assert compute_stats(store, deck(), NOW).streak == 1000
        assert compute_stats(store, deck(), NOW + timedelta(days=1)).streak == 1000
        assert compute_stats(store, deck(), NOW + timedelta(days=2)).streak == 0
    assert date(2026, 3, 10) == NOW.date()


def test_due_times_are_the_schedule_columns_due_texts(tmp_path: Path) -> None:
    # a due session orders its cards by `due_times`, Home counts with `schedule_columns`
    scheduler = Scheduler(enable_fuzzing=False)
    with Store.open(tmp_path / "drillbit.db", now=NOW) as store:
        assert store.due_times() == {}
        for days, card in enumerate(deck()):
            rating = Rating.Again if days % 2 else Rating.Good
            when = NOW - timedelta(days=days, minutes=7 * days)
            review_card(store, scheduler, card.id, rating, now=when, correct=rating > 1)
        columns = store.schedule_columns()
        assert len(columns) == len(deck())
        assert store.due_times() == {cid: due for cid, (_, due) in columns.items()}


def test_the_schedule_columns_are_read_again_after_any_change(tmp_path: Path) -> None:
    scheduler = Scheduler(enable_fuzzing=False)
    path = tmp_path / "drillbit.db"
    cards = [card.id for card in deck()]
    with Store.open(path, now=NOW) as store, Store.open(path, now=NOW) as other:
        review_card(store, scheduler, cards[0], Rating.Good, now=NOW, correct=True)
        first = store.schedule_columns()
        assert set(first) == {cards[0]}
        assert store.schedule_columns() is first  # unchanged: kept, not read again
        review_card(store, scheduler, cards[1], Rating.Again, now=NOW, correct=False)
        assert set(store.schedule_columns()) == {cards[0], cards[1]}  # its own write
        review_card(other, scheduler, cards[2], Rating.Easy, now=NOW, correct=True)
        assert set(store.schedule_columns()) == set(cards[:3])  # another connection's commit
        other.forget_card(cards[0])
        after = store.schedule_columns()
        assert set(after) == set(cards[1:3])
        assert after == {
            cid: (state, due) for cid, (state, due) in other.schedule_columns().items()
        }
        with pytest.raises(TypeError):
            after[cards[0]] = (2, "x")  # type: ignore[index]


def test_lapse_counts_are_due_session_agains_to_cards_in_review(tmp_path: Path) -> None:
    """As Anki counts lapses: an Again in a due session to a card in review state. Not an
    Again while learning (state 1) or relearning (3), not a cram or mock answer."""
    rng = random.Random(7)
    ids = [card.id for card in deck()]
    with Store.open(tmp_path / "drillbit.db", now=NOW) as store:
        for n in range(600):
            rating = rng.randrange(1, 5)
            store.record_review(
                card_id=rng.choice(ids),
                rating=rating,
                correct=rating >= 2,
                reviewed_at=NOW - timedelta(minutes=600 - n),
                mode=rng.choice(["due", "due", "cram", "mock"]),
                state_before=rng.choice([None, 1, 2, 2, 3]),
            )
        want = Counter(
            r.card_id
            for r in store.reviews()
            if r.mode == "due" and r.rating == Rating.Again and r.state_before == 2
        )
        assert store.lapse_counts() == dict(want)
        assert sum(want.values()) > 20, "the history holds lapses to count"
