"""A study session counts its day in the zone Home counts it in (study49): the machine's,
followed once it changes, with the `day_starts_at` setting. The session kept the zone it
began in while Home followed the machine's, so the two disagreed on the day a card is due."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fsrs import Scheduler

from quiz.bank.loader import load_bank
from quiz.settings import Settings
from quiz.store import Store
from quiz.study.days import StudyZone
from quiz.workspace import StudyRequest, Workspace
from tests.tui.conftest import FakeClock, FakeZone

NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def zone() -> FakeZone:
    return FakeZone(UTC)


@pytest.fixture
def ws(tui_bank: Path, tmp_path: Path, clock: FakeClock, zone: FakeZone) -> Iterator[Workspace]:
    store = Store.open(tmp_path / "db.sqlite")
    workspace = Workspace(
        load_bank([tui_bank]),
        store,
        clock=clock,
        zone=zone,
        scheduler=Scheduler(enable_fuzzing=False),
    )
    yield workspace
    workspace.close()


def test_a_session_follows_the_machine_s_zone_at_its_next_card(
    ws: Workspace, zone: FakeZone
) -> None:
    session = ws.start_session(StudyRequest())
    assert session.options.tz == ws.tz == StudyZone(UTC, 4)
    zone.zone = NEW_YORK
    session.show()
    assert session.options.tz == ws.tz == StudyZone(NEW_YORK, 4)


def test_a_session_follows_a_new_day_start(ws: Workspace) -> None:
    session = ws.start_session(StudyRequest())
    ws.apply_settings(Settings(day_starts_at=6))
    session.show()
    assert session.options.tz == ws.tz == StudyZone(UTC, 6)
