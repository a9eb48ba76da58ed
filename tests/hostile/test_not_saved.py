"""A full disk or a read-only database: the verdict is always printed, and said to be unsaved."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.store import Store, opening
from quiz.store import base as store_base
from tests.conftest import DATA

CORRECT = DATA / "answers" / "sigmoid" / "correct_masks.py"
WRONG = DATA / "answers" / "sigmoid" / "wrong_naive_overflow.py"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The console script's exit code (0 when it returns) and what it printed."""
    try:
        main(list(args))
        code = 0
    except SystemExit as done:
        code = int(done.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _existing_database(home: Path) -> Path:
    """A database whose attempts table has no free room left on its pages."""
    path = home / "drillbit.db"
    with Store.open(path) as store:
        store.record_attempt(
            card_id="other", status="failed", verdict_json="x" * 3900, attempted_at=_now()
        )
    return path


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    def cap(conn: sqlite3.Connection) -> None:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {int(pages)}")

    monkeypatch.setattr(opening, "configure", cap)


@pytest.mark.parametrize(
    ("answer", "code", "status"), [(CORRECT, 0, "PASSED"), (WRONG, 1, "FAILED")]
)
def test_grade_on_a_full_disk_prints_the_verdict_and_says_not_saved(
    _isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answer: Path,
    code: int,
    status: str,
) -> None:
    path = _existing_database(_isolated_home)
    _disk_full(monkeypatch)
    exit_code, out, err = _run(capsys, "grade", "sigmoid", str(answer), "--seed", "3")
    assert exit_code == code, err
    assert out.startswith(status)
    assert f"this try was not saved: could not save to {path}" in err
    assert "full" in err and "Traceback" not in err
    monkeypatch.undo()
    with Store.open(path) as store:
        assert [attempt.card_id for attempt in store.attempts()] == ["other"]


def test_grade_and_stats_in_a_read_only_home(
    _isolated_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _existing_database(_isolated_home)
    with Store.open(path) as store:
        store.record_attempt(
            card_id="sigmoid", status="passed", verdict_json="{}", attempted_at=_now()
        )
    before = path.read_bytes()
    monkeypatch.setattr(store_base, "writable", lambda _path: False)
    exit_code, out, err = _run(capsys, "grade", "sigmoid", str(CORRECT))
    assert exit_code == 0 and out.startswith("PASSED")
    assert f"this try was not saved: {path} cannot be written (read-only" in err
    exit_code, out, err = _run(capsys, "stats", "--json")
    assert exit_code == 0
    assert '"drills_passed": 1' in out, "stats read the history on disk"
    assert f"{path} cannot be written" in err and "nothing new will be saved" in err
    assert path.read_bytes() == before


def _now() -> datetime:
    return datetime.now(UTC)
