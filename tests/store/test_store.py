"""The store: pragmas, reviews and undo, sessions, attempts, drafts, history kept."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.store import LATEST_VERSION, Store, StoreError

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def _fsrs_json(state: int, due: datetime, last: datetime | None) -> str:
    last_text = f'"{last.isoformat()}"' if last else "null"
    return (
        f'{{"card_id": 7, "state": {state}, "step": 0, "stability": 1.5, "difficulty": 5.0, '
        f'"due": "{due.isoformat()}", "last_review": {last_text}}}'
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "drillbit.db", now=NOW)
    yield opened
    opened.close()


def test_open_sets_wal_full_sync_foreign_keys_and_latest_schema(store: Store) -> None:
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    # 3: suspended and buried cards, 4: the interview plan, 5: aggregate indexes,
    # 6: per-card review tallies, 7: where a draft came from, 8: the lapses' covering index,
    # 9: the hints seen, 10: one card index on the review log
    assert store.schema_version() == LATEST_VERSION == 12
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert store.notices == []


def test_default_path_is_under_drillbit_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drillbit_home = tmp_path / "home"
    monkeypatch.setenv("DRILLBIT_HOME", str(drillbit_home))
    with Store.open(now=NOW) as opened:
        assert opened.path == drillbit_home / "drillbit.db"
    assert (drillbit_home / "drillbit.db").is_file()


def test_record_review_saves_state_and_undo_restores_exactly(store: Store) -> None:
    first = _fsrs_json(1, NOW + timedelta(minutes=10), NOW)
    store.record_review(
        card_id="c", rating=3, correct=True, reviewed_at=NOW, mode="due", card_after=first
    )
    saved = store.card_state("c")
    assert saved is not None
    assert (saved.state, saved.due, saved.last_review) == (1, NOW + timedelta(minutes=10), NOW)
    later = NOW + timedelta(minutes=11)
    second = _fsrs_json(2, later + timedelta(days=3), later)
    review = store.record_review(
        card_id="c",
        rating=4,
        correct=True,
        reviewed_at=later,
        mode="due",
        duration_ms=900,
        state_before=1,
        card_before=first,
        card_after=second,
    )
    moved = store.card_state("c")
    assert moved is not None and moved.state == 2 and moved.introduced_at == NOW
    store.undo_review(review.id, now=later)
    back = store.card_state("c")
    assert back is not None
    assert back.fsrs_card == first
    assert (back.state, back.due, back.last_review, back.introduced_at) == (
        saved.state,
        saved.due,
        saved.last_review,
        saved.introduced_at,
    )
    assert [r.rating for r in store.reviews()] == [3]
    assert store.review(review.id) is None


def test_undo_refuses_an_older_review_and_unknown_ids(store: Store) -> None:
    a = _fsrs_json(1, NOW, NOW)
    b = _fsrs_json(2, NOW + timedelta(days=1), NOW)
    old = store.record_review(
        card_id="c", rating=3, correct=True, reviewed_at=NOW, mode="due", card_after=a
    )
    store.record_review(
        card_id="c",
        rating=3,
        correct=True,
        reviewed_at=NOW,
        mode="due",
        card_before=a,
        card_after=b,
    )
    with pytest.raises(StoreError, match="not the card's latest"):
        store.undo_review(old.id, now=NOW)
    with pytest.raises(StoreError, match="no review"):
        store.undo_review(999, now=NOW)
    assert store.review_count() == 2
    state = store.card_state("c")
    assert state is not None and state.fsrs_card == b


def test_invalid_rows_are_rejected_and_nothing_is_half_written(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.record_review(card_id="c", rating=7, correct=True, reviewed_at=NOW, mode="due")
    with pytest.raises(ValueError, match="fsrs"):
        store.record_review(
            card_id="c", rating=3, correct=True, reviewed_at=NOW, mode="due", card_after="{}"
        )
    with pytest.raises(ValueError, match="mode"):
        store.record_review(
            card_id="c",
            rating=3,
            correct=True,
            reviewed_at=NOW,
            mode="speed",  # type: ignore[arg-type]
        )
    with pytest.raises(ValueError, match="naive"):
        store.record_review(
            card_id="c", rating=3, correct=True, reviewed_at=datetime(2026, 1, 1), mode="due"
        )
    assert store.review_count() == 0 and store.card_states() == {}


def test_sessions_link_reviews_and_foreign_keys_are_enforced(store: Store) -> None:
    session = store.start_session(mode="due", started_at=NOW, filters={"topic": "optim"})
    review = store.record_review(
        card_id="c", rating=3, correct=True, reviewed_at=NOW, mode="due", session_id=session
    )
    store.end_session(session, ended_at=NOW + timedelta(minutes=5))
    assert review.session_id == session
    assert [r.id for r in store.reviews(session_id=session)] == [review.id]
    with pytest.raises(sqlite3.IntegrityError):
        store.record_review(
            card_id="c", rating=3, correct=True, reviewed_at=NOW, mode="due", session_id=12345
        )
    row = store._conn.execute("SELECT ended_at, filters FROM study_session").fetchone()
    assert tuple(row) == ("2026-03-10T12:05:00.000000+00:00", '{"topic": "optim"}')


def test_review_filters_and_time_order(store: Store) -> None:
    for minutes, card, mode in [(5, "b", "cram"), (1, "a", "due"), (3, "a", "mock")]:
        store.record_review(
            card_id=card,
            rating=3,
            correct=True,
            reviewed_at=NOW + timedelta(minutes=minutes),
            mode=mode,  # type: ignore[arg-type]
        )
    assert [r.reviewed_at.minute for r in store.reviews()] == [1, 3, 5]
    assert [r.mode for r in store.reviews(card_id="a")] == ["due", "mock"]
    assert [r.card_id for r in store.reviews(since=NOW + timedelta(minutes=2))] == ["a", "b"]
    assert [r.card_id for r in store.reviews(mode="cram")] == ["b"]


def test_drafts_save_replace_load_and_delete(store: Store, tmp_path: Path) -> None:
    assert store.draft("adam-step") is None
    store.save_draft("adam-step", "def adam_step():\n    pass\n", updated_at=NOW)
    store.save_draft(
        "adam-step",
        "def adam_step(theta):\n    return theta\n",
        updated_at=NOW + timedelta(seconds=2),
    )
    store.close()
    with Store.open(tmp_path / "drillbit.db", now=NOW) as reopened:
        draft = reopened.draft("adam-step")
        assert draft is not None
        assert draft.text == "def adam_step(theta):\n    return theta\n"
        assert draft.updated_at == NOW + timedelta(seconds=2)
        assert reopened.delete_draft("adam-step") is True
        assert reopened.delete_draft("adam-step") is False
        assert reopened.draft("adam-step") is None


def test_history_of_cards_missing_from_the_content_survives_reopen(
    store: Store, tmp_path: Path
) -> None:
    gone = _fsrs_json(2, NOW + timedelta(days=4), NOW)
    store.record_review(
        card_id="deleted-card", rating=3, correct=True, reviewed_at=NOW, mode="due", card_after=gone
    )
    store.record_attempt(
        card_id="deleted-drill", status="passed", verdict_json="{}", attempted_at=NOW
    )
    store.close()
    for _ in range(2):
        with Store.open(tmp_path / "drillbit.db", now=NOW + timedelta(days=1)) as again:
            assert [r.card_id for r in again.reviews()] == ["deleted-card"]
            assert set(again.card_states()) == {"deleted-card"}
            assert [a.card_id for a in again.attempts()] == ["deleted-drill"]
            assert again.card_states(["other", "deleted-card"]).keys() == {"deleted-card"}


def test_the_store_is_usable_from_several_threads(store: Store) -> None:
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            for i in range(25):
                store.record_review(
                    card_id=f"w{worker}-{i}", rating=3, correct=True, reviewed_at=NOW, mode="cram"
                )
                store.reviews(card_id=f"w{worker}-{i}")
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.review_count() == 100
