"""Quitting the app in the middle of a session (ctrl+q, or the SIGTERM and SIGHUP that quit
it the same way) records the session's end, as ending it with escape does."""

from __future__ import annotations

from quiz.store import Store
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, FakeClock, press, showing


async def test_a_session_the_app_quits_in_has_its_end_recorded(
    build: AppFactory, clock: FakeClock
) -> None:
    """The session was left without an end: the plan's minutes counted its last card's
    answer time alone, not what came after it until the quit (`card_seconds`)."""
    app = build(study=StudyRequest(mode="cram"))
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.session.remaining > 1 and not study.session.finished
        clock.advance(40)
        await press(pilot, "ctrl+q")
    store = Store.open()
    try:
        ends = store.session_ends()
    finally:
        store.close()
    assert list(ends.values()) == [clock()]
