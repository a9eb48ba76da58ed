"""The fsrs cards inside a progress backup (`fsrs_card`, `card_before`, `card_after`).

Every later run hands that text to fsrs (`drillbit cards`, `drillbit plan`, Home, undo), so
a value fsrs or the app cannot use is refused at import with its JSON path, and nothing is
written; whatever is accepted, the app can read.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fsrs import Card, Rating, Scheduler, State

from quiz.store import Store
from quiz.store.backup import import_progress
from quiz.store.backup_export import export_progress
from quiz.store.backup_fsrs import fsrs_json
from quiz.store.backup_read import ProgressFormatError, parse_progress
from quiz.store.records import InterviewPlan
from quiz.study.scheduling import default_scheduler, review_card
from tests.conftest import RunDrillbit

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
NOW = T0 + timedelta(days=3)
BASE = {"format": "drillbit-progress", "version": 2, "exported_at": "2026-01-05T09:00:00+00:00"}
TABLES = ("card_state", "review_log", "study_session", "drill_attempt", "code_draft", "card_flag")


@pytest.fixture(scope="module")
def backup(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real backup: two cards reviewed by fsrs, one of them twice (so a `card_before`)."""
    folder = tmp_path_factory.mktemp("fsrs-backup")
    path = folder / "progress.json"
    with Store.open(folder / "source.db", now=T0) as store:
        scheduler = default_scheduler()
        for minute, card_id in enumerate(["relu", "gelu", "relu"]):
            moment = T0 + timedelta(minutes=minute)
            review_card(store, scheduler, card_id, Rating.Good, now=moment, correct=True)
        export_progress(store, path, now=T0 + timedelta(minutes=5))
    return path


def _edited(path: Path, folder: Path, where: str, key: str | None, value: Any) -> Path:
    """The backup with one fsrs card changed: `key` set to `value` (None: the whole text)."""
    document = json.loads(path.read_text(encoding="utf-8"))
    table, index, field = where.split(".")
    row = document[table][int(index)]
    if key is None:
        row[field] = value
    else:
        card = json.loads(row[field])
        card[key] = value
        row[field] = json.dumps(card)
    edited = folder / "edited.json"
    edited.write_text(json.dumps(document), encoding="utf-8")
    return edited


def _nothing_written(database: Path) -> None:
    conn = sqlite3.connect(database)
    try:
        for table in TABLES:
            assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone() == (0,), table
    finally:
        conn.close()


_BLANK_CARD = json.loads(Card(card_id=1, due=T0).to_json())
"""A new card's fsrs fields, for whole texts written around them."""
BAD_VALUES: list[tuple[str | None, Any, str, str]] = [
    ("state", 99, "state", "99 is not an fsrs state (1 Learning, 2 Review, 3 Relearning)"),
    ("state", "abc", "state", '"abc" is not an fsrs state'),
    ("state", None, "state", "null is not an fsrs state"),
    ("state", [1], "state", "[1] is not an fsrs state"),
    ("state", 0, "state", "0 is not an fsrs state"),
    ("state", True, "state", "true is not an fsrs state"),
    ("stability", "x", "stability", '"x" is not a number'),
    ("stability", "1.5", "stability", '"1.5" is not a number'),
    ("stability", -5, "stability", "-5 is outside 0.001..1e+06"),
    ("stability", 0, "stability", "0 is outside 0.001..1e+06"),
    ("stability", 1e308, "stability", "1e+308 is outside 0.001..1e+06"),
    ("stability", float("nan"), "stability", "nan is not a finite number"),
    ("stability", None, "stability", "null while difficulty is set"),
    ("difficulty", 1e308, "difficulty", "1e+308 is outside 1..10"),
    ("difficulty", 0.5, "difficulty", "0.5 is outside 1..10"),
    ("difficulty", float("inf"), "difficulty", "inf is not a finite number"),
    ("card_id", "abc", "card_id", '"abc" is not a whole number'),
    ("card_id", 1.5, "card_id", "1.5 is not a whole number"),
    ("card_id", 2**64, "card_id", "beyond 64 bits"),
    ("step", -1, "step", "-1 is below 0"),
    ("step", "0", "step", '"0" is not a whole number'),
    ("due", "tomorrow", "due", "not an ISO-8601 time: 'tomorrow'"),
    ("due", "2026-01-06T09:00:00", "due", "has no UTC offset"),
    ("due", "0001-01-01T00:00:00+00:00", "due", "is before 1970-01-01"),
    ("due", "9999-12-31T23:59:59-01:00", "due", "is too far ahead for a due time"),
    ("due", None, "due", "null is not an ISO-8601 time"),
    ("last_review", "2027-01-01T00:00:00+00:00", "last_review", "is in the future"),
    ("last_review", 5, "last_review", "5 is not an ISO-8601 time"),
    ("extra", 1, "extra", "not a field of an fsrs Card"),
    (None, "null", "", "not an fsrs Card JSON"),
    (None, "[1]", "", "not an fsrs Card JSON"),
    (None, "{", "", "not JSON text"),
    # Text around one value: blanks are JSON's (the fields are then checked), anything else is not
    (None, f" {json.dumps(_BLANK_CARD | {'state': 9})}\n", "state", "9 is not an fsrs state"),
    (None, f"{json.dumps(_BLANK_CARD)} x", "", "not JSON text"),
    (None, f"{json.dumps(_BLANK_CARD)}{json.dumps(_BLANK_CARD)}", "", "not JSON text"),
    (None, [1], "", "Input should be a valid string"),
]


@pytest.mark.parametrize("where", ["card_states.0.fsrs_card", "reviews.2.card_after"])
@pytest.mark.parametrize(("key", "value", "at", "what"), BAD_VALUES)
def test_a_bad_fsrs_card_is_refused_with_its_path_and_nothing_is_written(
    backup: Path, tmp_path: Path, where: str, key: str | None, value: Any, at: str, what: str
) -> None:
    bad = _edited(backup, tmp_path, where, key, value)
    database = tmp_path / "fresh.db"
    with Store.open(database, now=NOW) as store, pytest.raises(ProgressFormatError) as refused:
        import_progress(store, bad, now=NOW)
    path = f"{where}.{at}" if at else where
    assert refused.value.one_line().startswith(f"import-progress: {bad}: {path}: "), refused.value
    assert what in refused.value.message
    _nothing_written(database)


@pytest.mark.parametrize(
    ("changes", "at", "what"),
    [
        ({"state": 2, "step": 0}, "step", "a card in Review has no step (null)"),
        ({"state": 1, "step": None}, "step", "null for a card in Learning"),
        ({"state": 3, "step": None}, "step", "null for a card in Relearning"),
        ({"state": 2, "step": None, "stability": None, "difficulty": None}, "stability", "Review"),
        ({"stability": 2.0, "difficulty": None}, "difficulty", "null while stability is set"),
    ],
)
def test_fields_that_do_not_fit_the_cards_state_are_refused(
    changes: dict[str, Any], at: str, what: str
) -> None:
    reviewed = Card(card_id=7, step=1, stability=3.0, difficulty=5.0, due=NOW, last_review=T0)
    card = json.loads(reviewed.to_json()) | changes
    row = {"card_id": "relu", "fsrs_card": json.dumps(card)}
    row |= {"introduced_at": "2026-01-05T09:00:00+00:00", "updated_at": "2026-01-05T09:00:00+00:00"}
    with pytest.raises(ProgressFormatError) as refused:
        parse_progress({**BASE, "card_states": [row]}, now=NOW)
    assert f"card_states.0.fsrs_card.{at}: " in refused.value.message
    assert what in refused.value.message


def test_a_missing_field_or_schedule_is_named() -> None:
    card = json.loads(Card(card_id=7, due=T0).to_json())
    del card["step"]
    review = {"card_id": "relu", "rating": 3, "correct": True, "mode": "due"}
    review |= {"reviewed_at": "2026-01-05T09:00:00+00:00", "card_before": json.dumps(card)}
    with pytest.raises(ProgressFormatError, match=r"reviews\.0\.card_before\.step: missing"):
        parse_progress({**BASE, "reviews": [review]}, now=NOW)
    # null is a review's "new card" or "not rescheduled", never a card state's schedule
    review["card_before"] = None
    assert parse_progress({**BASE, "reviews": [review]}, now=NOW).reviews[0].card_before is None
    row = {"card_id": "relu", "fsrs_card": None}
    row |= {"introduced_at": "2026-01-05T09:00:00+00:00", "updated_at": "2026-01-05T09:00:00+00:00"}
    with pytest.raises(ProgressFormatError, match=r"card_states\.0\.fsrs_card: Input should be"):
        parse_progress({**BASE, "card_states": [row]}, now=NOW)


def test_an_untouched_backup_round_trips(backup: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.json"
    with Store.open(tmp_path / "fresh.db", now=NOW) as store:
        report = import_progress(store, backup, now=NOW)
        assert (report.reviews_added, report.states_added) == (3, 2)
        export_progress(store, again, now=T0 + timedelta(minutes=5))
        relu = store.card_state("relu")
        assert relu is not None
        fsrs = Card.from_json(relu.fsrs_card)
        assert fsrs.state == State.Review and fsrs.stability is not None
        last = store.reviews()[-1]
        store.undo_review(last.id, now=NOW)  # undo compares the stored text byte for byte
    first, second = (json.loads(p.read_text(encoding="utf-8")) for p in (backup, again))
    assert first == second


def test_a_hand_written_card_fsrs_reads_the_same_is_accepted() -> None:
    """Other spellings fsrs reads as the same card: `Z` for UTC, another offset, 3 for 3.0."""
    card: dict[str, Any] = {"card_id": 7, "state": 2, "step": None, "stability": 3}
    card |= {"difficulty": 10}
    card |= {"due": "2026-01-08T10:00:00+01:00", "last_review": "2026-01-05T09:00:00Z"}
    row = {"card_id": "relu", "fsrs_card": json.dumps(card)}
    row |= {"introduced_at": "2026-01-05T09:00:00+00:00", "updated_at": "2026-01-05T09:00:00+00:00"}
    new = json.loads(Card(card_id=8, due=T0).to_json())  # never reviewed: nulls, step 0
    review = {"card_id": "gelu", "rating": 3, "correct": True, "mode": "due"}
    review |= {"reviewed_at": "2026-01-05T09:00:00+00:00", "card_before": json.dumps(new)}
    backup = parse_progress({**BASE, "card_states": [row], "reviews": [review]}, now=NOW)
    assert backup.card_states[0].fsrs_card == json.dumps(card), "kept verbatim"


def _edge_cards(now: datetime) -> dict[str, str]:
    """fsrs cards at the edges of what an import accepts, by bundled card id."""
    last = now - timedelta(days=1)
    cards = {
        "attention-complexity": Card(
            card_id=1,
            state=State.Review,
            stability=0.001,
            difficulty=1.0,
            due=last,
            last_review=last,
        ),
        "attention-scaling": Card(
            card_id=2,
            state=State.Review,
            stability=1e6,
            difficulty=10.0,
            due=now + timedelta(days=73_000),
            last_review=now + timedelta(hours=23),
        ),
        "attention": Card(
            card_id=3,
            state=State.Relearning,
            step=40,
            stability=5.0,
            difficulty=5.0,
            due=datetime(1970, 1, 1, tzinfo=UTC),
            last_review=last,
        ),
        "sqrt-dk-claims": Card(card_id=-(2**63), state=State.Learning, step=2**63 - 1, due=last),
    }
    return {card_id: card.to_json() for card_id, card in cards.items()}


def test_whatever_is_accepted_the_app_can_read(tmp_path: Path, drillbit: RunDrillbit) -> None:
    """The edge values an import accepts: fsrs reviews each card, and `drillbit cards`,
    `drillbit plan` and `drillbit stats` run on them (they crashed on 99 or -5 before)."""
    now = datetime.now(UTC).replace(microsecond=0)
    then = (now - timedelta(days=2)).isoformat()
    rows = [
        {"card_id": card_id, "fsrs_card": text, "introduced_at": then, "updated_at": then}
        for card_id, text in _edge_cards(now).items()
    ]
    interview = (now + timedelta(days=10)).date()
    plan: dict[str, Any] = {"interview": interview.isoformat(), "minutes_per_day": 30.0}
    plan |= {"target": 0.9, "created_at": (now - timedelta(days=1)).isoformat()}
    backup = tmp_path / "edges.json"
    backup.write_text(json.dumps({**BASE, "card_states": rows, "plan": plan}), encoding="utf-8")
    imported = drillbit("import-progress", str(backup))
    assert imported.returncode == 0, imported.stderr
    assert "card schedules: 4 added" in imported.stdout
    scheduler = Scheduler()
    with Store.open() as store:
        assert store.interview_plan() == InterviewPlan(
            interview=interview,
            minutes_per_day=30.0,
            target=0.9,
            created_at=now - timedelta(days=1),
        )
        for state in store.card_states().values():
            card = Card.from_json(state.fsrs_card)
            assert 0 <= scheduler.get_card_retrievability(card, now) <= 1
            for rating in Rating:
                scheduler.review_card(card, rating, review_datetime=now + timedelta(days=2))
    for command in (["cards"], ["plan"], ["stats"]):
        run = drillbit(*command)
        assert run.returncode == 0, (command, run.stdout, run.stderr)
        assert "Traceback" not in run.stdout + run.stderr


FSRS_TEXTS = [
    '{"card_id": 01, "state": 1, "step": 0, "stability": null, "difficulty": null,'
    ' "due": "2026-01-05T09:00:00+00:00", "last_review": null}',  # not JSON: a leading zero
    '{"card_id": -0, "state": 2, "step": null, "stability": 1e5, "difficulty": 2,'
    ' "due": "x", "last_review": "y"}',
    '{"card_id": 7, "state": 1, "step": 3, "stability": 1.0E-3, "difficulty": 2.50,'
    ' "due": "\u00e9", "last_review": null}',
    '{"card_id": 7, "state": 1, "step": 3, "stability": null, "difficulty": null,'
    ' "due": "a\x01", "last_review": null}',  # not JSON: a control character in a string
    '{"card_id": 7, "state": 1, "step": 3, "stability": NaN, "difficulty": 1,'
    ' "due": "a", "last_review": null}',
    '{"card_id": 7, "state": 1, "step": 3, "stability": null, "difficulty": null,'
    ' "due": "a\\u0041", "last_review": null}',  # an escape: left to the decoder
    '{"card_id":7,"state":1,"step":3,"stability":null,"difficulty":null,"due":"a",'
    '"last_review":null}',
]


def _decoded(read: Any) -> tuple[str, Any]:
    """What reading a text gave: its value and the types of its fields, or the error's kind."""
    try:
        value = read()
    except ValueError as exc:
        return type(exc).__name__, str(exc)
    kinds = [type(item) for item in value.values()] if isinstance(value, dict) else type(value)
    return "read", (value, kinds)


@pytest.mark.parametrize(
    "text",
    [
        *FSRS_TEXTS,
        *(f" {text}\n" for text in FSRS_TEXTS),  # blanks around the value: json.loads's rules
        '{"card_id": 7} {"card_id": 8}',  # text after the value
        '{"card_id": 7}x',
        "",
        "   ",
        '"a card"',
        "[1, 2]",
    ],
)
def test_fsrs_json_reads_as_json_loads(text: str) -> None:
    """The same value, field types and error as `json.loads`, whatever the text."""
    assert _decoded(lambda: fsrs_json(text)) == _decoded(lambda: json.loads(text))


def test_fsrs_json_reads_every_card_fsrs_writes() -> None:
    scheduler = Scheduler(enable_fuzzing=False)
    card = Card(card_id=12345, due=T0)
    texts = [card.to_json()]
    for step, rating in enumerate([Rating.Again, Rating.Good, Rating.Good, Rating.Easy] * 3):
        card, _ = scheduler.review_card(card, rating, T0 + timedelta(days=step * 3))
        texts.append(card.to_json())
    for text in texts:
        assert fsrs_json(text) == json.loads(text)
