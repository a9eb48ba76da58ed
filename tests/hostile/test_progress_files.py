"""`import-progress` of hostile backups: refused with the JSON path, nothing written."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.store.backup_read import ProgressFormatError, parse_progress_bytes
from tests.hostile.helpers import HOSTILE, assert_clean_failure, drillbit

BASE = '{"format": "drillbit-progress", "version": 1, "exported_at": "2026-01-05T09:00:00+00:00"'
NOW = datetime(2026, 3, 1, tzinfo=UTC)


def _nothing_imported(home: Path) -> None:
    database = home / "drillbit.db"
    if database.exists():
        conn = sqlite3.connect(database)
        try:
            for table in ("review_log", "drill_attempt", "card_state", "study_session"):
                assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone() == (0,)
        finally:
            conn.close()


@pytest.mark.parametrize(
    ("name", "where", "what"),
    [
        ("progress-nan.json", "attempts.1.duration_ms", "nan is not a finite number"),
        ("progress-bigint.json", "attempts.0.seed", "22 digits, beyond 64 bits"),
        (
            "progress-huge-duration.json",
            "reviews.1.duration_ms",
            "the number 1e+30 is beyond 64 bits",
        ),
        (
            "progress-future.json",
            "card_states.0.fsrs_card.last_review",
            "9999-01-01T00:00:00.000000+00:00 is in the future",
        ),
        ("progress-future-review.json", "reviews.1.reviewed_at", "is in the future"),
    ],
)
def test_hostile_backups_from_the_corpus(
    _isolated_home: Path, name: str, where: str, what: str
) -> None:
    path = HOSTILE / name
    run = drillbit("import-progress", str(path), home=_isolated_home)
    assert_clean_failure(run, f"import-progress: {path}: {where}: ", what)
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    _nothing_imported(_isolated_home)


@pytest.mark.parametrize(
    ("field", "key", "value", "message"),
    [
        ("fsrs_card", "state", 99, "card_states.0.fsrs_card.state: 99 is not an fsrs state"),
        ("fsrs_card", "stability", -5, "card_states.0.fsrs_card.stability: -5 is outside"),
        ("card_before", "difficulty", 1e308, "reviews.0.card_before.difficulty: 1e+308 is"),
    ],
)
def test_a_bad_fsrs_card_is_one_line_and_imports_nothing(
    tmp_path: Path, _isolated_home: Path, field: str, key: str, value: object, message: str
) -> None:
    """`drillbit cards` and `drillbit plan` crashed on every run after such an import."""
    card: dict[str, object] = {"card_id": 1, "state": 2, "step": None, "stability": 3.0}
    card |= {"difficulty": 5.0}
    card |= {"due": "2026-01-08T09:00:00+00:00", "last_review": "2026-01-05T09:00:00+00:00"}
    state = {"card_id": "attention", "fsrs_card": json.dumps(card)}
    state |= {"introduced_at": "2026-01-05T09:00:00+00:00", "updated_at": "2026-01-05T09:00:00Z"}
    review = {"card_id": "attention", "rating": 3, "correct": True, "mode": "due"}
    review |= {"reviewed_at": "2026-01-05T09:00:00+00:00", "card_before": json.dumps(card)}
    bad = {**card, key: value}
    (state if field == "fsrs_card" else review)[field] = json.dumps(bad)
    path = tmp_path / "backup.json"
    path.write_text(
        BASE
        + ', "card_states": ['
        + json.dumps(state)
        + '], "reviews": ['
        + json.dumps(review)
        + "]}"
    )
    run = drillbit("import-progress", str(path), home=_isolated_home)
    assert_clean_failure(run, f"import-progress: {path}: {message}")
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    _nothing_imported(_isolated_home)


def test_deep_nesting_is_refused_with_its_path(tmp_path: Path, _isolated_home: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text(BASE + ', "sessions": [{"id": 1, "filters": {"k": ' + "[" * 100_000 + "\n")
    run = drillbit("import-progress", str(deep), home=_isolated_home)
    assert_clean_failure(run, f"{deep}: sessions.0.filters.k.0.0.0.0: nested deeper than 8 levels")
    nested = tmp_path / "nested.json"  # deep, yet decodable: found by the walk
    nested.write_text(BASE + ', "reviews": [' + "[" * 50 + "]" * 50 + "]}")
    run = drillbit("import-progress", str(nested), home=_isolated_home)
    assert_clean_failure(run, f"{nested}: reviews.0.0.0.0.0.0.0: nested deeper than 8 levels")


def test_over_long_strings_are_refused(tmp_path: Path, _isolated_home: Path) -> None:
    long = tmp_path / "long.json"
    review = {
        "card_id": "x" * 100_000,
        "rating": 3,
        "correct": True,
        "reviewed_at": "2026-01-05T09:00:00+00:00",
        "mode": "due",
    }
    long.write_text(BASE + ', "reviews": ' + json.dumps([review]) + "}")
    run = drillbit("import-progress", str(long), home=_isolated_home)
    assert_clean_failure(
        run, f"{long}: reviews.0.card_id: String should have at most 200 characters"
    )


def test_non_regular_and_huge_files_are_refused(tmp_path: Path, _isolated_home: Path) -> None:
    fifo = tmp_path / "backup.json"
    os.mkfifo(fifo)
    run = drillbit("import-progress", str(fifo), home=_isolated_home)
    # a pipe is told to be saved to a file first (input49), a usage error as '-' is
    assert_clean_failure(
        run, f"import-progress: {fifo} is a pipe, and a progress backup is read from a file", code=2
    )
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")
    run = drillbit("import-progress", str(zero), home=_isolated_home)
    assert_clean_failure(
        run, f"{zero} is a device, and a progress backup is read from a file", code=2
    )
    huge = tmp_path / "huge.json"  # its first bytes are read, not the file: refused at once
    with huge.open("wb") as handle:
        handle.truncate(65 * 1024 * 1024)
    run = drillbit("import-progress", str(huge), home=_isolated_home)
    assert_clean_failure(run, f"{huge}: this is a binary file (it holds NUL bytes)")


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (BASE + ', "attempts": [{"seed": Infinity}]}', "attempts.0.seed: inf is not a finite"),
        (BASE + ', "attempts": [{"seed": -Infinity}]}', "attempts.0.seed: -inf is not a finite"),
        (BASE + ', "reviews": [{"duration_ms": 1e400}]}', "reviews.0.duration_ms: inf is not"),
        (BASE + ', "sessions": [{"id": 9223372036854775808}]}', "sessions.0.id: the integer"),
        (BASE + ', "x": "' + "9" * 5000 + '"}', "x: unknown field 'x'; this drillbit reads"),
        (BASE + ', "sessions": [{"id": ' + "9" * 5000 + "}]}", "sessions.0.id: an integer of 5000"),
        (
            '{"format": "drillbit-progress", "version": 1, "exported_at": "9999-01-01T00:00:00Z"}',
            "exported_at:",
        ),
    ],
)
def test_values_no_backup_holds(document: str, message: str) -> None:
    with pytest.raises(ProgressFormatError) as refused:
        parse_progress_bytes(document.encode(), "b.json", now=NOW)
    assert message in refused.value.message


def test_a_time_a_day_ahead_is_fine_and_two_days_is_not() -> None:
    review = '{"card_id": "c", "rating": 3, "correct": true, "mode": "due", "reviewed_at": '
    ok = BASE + ', "reviews": [' + review + '"2026-03-01T23:00:00+00:00"}]}'
    assert len(parse_progress_bytes(ok.encode(), now=NOW).reviews) == 1
    late = BASE + ', "reviews": [' + review + '"2026-03-02T01:00:00+00:00"}]}'
    with pytest.raises(ProgressFormatError, match=r"reviews\.0\.reviewed_at: .* is in the future"):
        parse_progress_bytes(late.encode(), now=NOW)


def test_a_time_past_the_calendar_in_utc_is_refused_not_a_traceback() -> None:
    review = '{"card_id": "c", "rating": 3, "correct": true, "mode": "due", "reviewed_at": '
    early = BASE + ', "reviews": [' + review + '"0001-01-01T00:00:00+01:00"}]}'
    with pytest.raises(ProgressFormatError, match=r"reviews\.0\.reviewed_at: .* out of range"):
        parse_progress_bytes(early.encode(), now=NOW)


def _files(home: Path) -> dict[str, bytes]:
    """Every file under `home` (hidden ones too) with its bytes, by path relative to it."""
    return {
        str(path.relative_to(home)): path.read_bytes()
        for path in sorted(home.rglob("*"))
        if path.is_file()
    }


REFUSED = {
    "bad JSON": '{"format": "drillbit-progress", "version": 2, "reviews": [nope]}',
    "cut short": BASE + ', "reviews": [{"card_id": "relu", "rating": 3',
    "a wrong field": BASE
    + ', "reviews": [{"card_id": "relu", "rating": 3, "correct": true, "mode": "party",'
    + ' "reviewed_at": "2026-01-05T09:00:00+00:00"}]}',
    "too new": '{"format": "drillbit-progress", "version": 3}',
}


@pytest.mark.parametrize("problem", sorted(REFUSED))
def test_a_refused_import_into_a_fresh_home_leaves_nothing_behind(
    tmp_path: Path, problem: str
) -> None:
    """It left an empty drillbit.db (and the home folder) after printing its error: the
    next `drillbit` found an initialised home, as if the import had half worked."""
    path = tmp_path / "backup.json"
    path.write_text(REFUSED[problem])
    home = tmp_path / "new" / "home"  # neither folder exists yet
    run = drillbit("import-progress", str(path), home=home)
    assert_clean_failure(run, f"import-progress: {path}")
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert not (tmp_path / "new").exists(), sorted(_files(tmp_path / "new"))
    home.mkdir(parents=True)  # an empty home folder stays empty: no -wal, -shm or stamp
    run = drillbit("import-progress", str(path), home=home)
    assert_clean_failure(run, f"import-progress: {path}")
    assert list(home.iterdir()) == []


def test_a_refused_import_leaves_an_existing_database_as_it_was(
    tmp_path: Path, _isolated_home: Path
) -> None:
    ok = tmp_path / "ok.json"  # a database drillbit made, closed, with a review in it
    review = {"card_id": "relu", "rating": 3, "correct": True, "mode": "due"}
    review |= {"reviewed_at": "2026-01-05T09:00:00+00:00"}
    ok.write_text(BASE + ', "reviews": ' + json.dumps([review]) + "}")
    assert drillbit("import-progress", str(ok), home=_isolated_home).returncode == 0
    stamp = ".drillbit.db-checked"  # an open's own record of its check, import or not
    before = {name: data for name, data in _files(_isolated_home).items() if name != stamp}
    assert "drillbit.db" in before
    bad = tmp_path / "bad.json"
    for problem in sorted(REFUSED):
        bad.write_text(REFUSED[problem])
        run = drillbit("import-progress", str(bad), home=_isolated_home)
        assert_clean_failure(run, f"import-progress: {bad}")
        after = {name: data for name, data in _files(_isolated_home).items() if name != stamp}
        assert after == before, problem
