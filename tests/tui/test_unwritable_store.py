"""The app on a disk that refuses writes: it opens, studies, and says nothing is saved."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quiz.store import Store, opening
from quiz.store import base as store_base
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    START,
    AppFactory,
    Recorder,
    notices,
    press,
    settle,
    showing,
    wait_until,
)


def _cap_at_current_size(conn: sqlite3.Connection) -> None:
    """SQLite's own SQLITE_FULL once the file would grow: a full disk, portably."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {int(pages)}")


def _full_database(path: Path) -> None:
    """A database whose session and review pages have no room left for another row."""
    with Store.open(path) as store:
        store.start_session(mode="due", started_at=START, filters={"pad": "x" * 3900})
        store.record_review(
            card_id="old",
            rating=3,
            correct=True,
            reviewed_at=START,
            mode="cram",
            card_before="y" * 3900,
        )


async def test_a_full_disk_mid_session_keeps_the_app_going_and_says_so(
    build: AppFactory, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch, recorder: Recorder
) -> None:
    database = _isolated_home / "drillbit.db"
    _full_database(database)
    monkeypatch.setattr(opening, "configure", _cap_at_current_size)
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test(message_hook=recorder) as pilot:
        assert isinstance(app.screen, StudyScreen), "the session opened despite the full disk"
        # reveal, leave the checklist, rate Easy (it graduates: the session is over)
        await press(pilot, "space", "enter", "4")
        await settle(pilot)
        await showing(pilot, SummaryScreen)
        store = app.workspace.store
        assert not store.saving and store.review_count() == 2, "the answer is kept in memory"
        assert await wait_until(
            pilot, lambda: any("Nothing more will be saved" in m for m in notices(recorder))
        )
    monkeypatch.undo()
    with Store.open(database) as store:
        assert store.review_count() == 1 and store.notices == []


async def test_a_read_only_database_opens_with_a_notice(
    build: AppFactory, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch, recorder: Recorder
) -> None:
    database = _isolated_home / "drillbit.db"
    Store.open(database).close()
    monkeypatch.setattr(store_base, "writable", lambda _path: False)
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test(message_hook=recorder) as pilot:
        await showing(pilot, StudyScreen)
        await press(pilot, "space", "enter", "3")
        await settle(pilot)
        assert app.workspace.store.review_count() == 1
        assert any("Nothing will be saved" in m for m in notices(recorder))
    monkeypatch.undo()
    with Store.open(database) as store:
        assert store.review_count() == 0
