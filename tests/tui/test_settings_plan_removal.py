"""An empty interview date removes the plan only once asked: it was removed at once, its
minutes and target with it. A burst of ctrl+u, a new date and enter in the box left open
by a refusal (tmux's send-keys, a paste) reached the box with ctrl+u last, so the enter
saved an empty date and the plan was gone, said in one line under the table."""

from __future__ import annotations

from datetime import UTC, date

from textual.widgets import DataTable, Static

from quiz.settings_view import PLAN_KEPT, PLAN_REMOVED
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.settings import ROWS, SettingsScreen
from tests.tui.conftest import AppFactory, press, screen_lines, settle, showing
from tests.tui.test_settings_burst import _burst, _settings_on


def _said(screen: SettingsScreen) -> str:
    return str(screen.query_one("#settings-help", Static).render())


async def test_a_burst_after_a_refusal_asks_before_the_plan_goes_and_no_keeps_it(
    build: AppFactory,
) -> None:
    """A new date typed fast over a refused one is the date saved (its ctrl+u acted after
    the date went in, and the empty box asked to remove the plan); an emptied box asks."""
    app = build()
    app.workspace.tz = UTC  # the fake clock's day: 2026-03-02
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _settings_on(pilot, "interview")
        _burst(pilot, "enter", "ctrl+u", *"2026-03-20", "enter")
        await settle(pilot)
        _burst(pilot, "enter", "ctrl+u", *"next friday", "enter")
        await settle(pilot)
        assert screen.editing == "interview", "refused: the box stays open"
        _burst(pilot, "ctrl+u", *"2026-04-01", "enter")
        await settle(pilot)
        assert screen.editing is None and not isinstance(app.screen, ConfirmScreen)
        plan = app.workspace.store.interview_plan()
        assert plan is not None and plan.interview == date(2026, 4, 1)
        _burst(pilot, "enter", "ctrl+u", *"next friday", "enter")
        await settle(pilot)
        _burst(pilot, "ctrl+u", "enter")
        await settle(pilot)
        question = await showing(pilot, ConfirmScreen)
        assert question.question.splitlines() == [
            "Remove the interview plan for 2026-04-01",
            "(30 min/day, target recall 90%)?",
            "Normal reviews resume.",
        ]
        drawn = "\n".join(line.text for line in screen_lines(app))
        assert "│  (30 min/day, target recall 90%)?" in drawn, drawn  # whole, in the box
        await press(pilot, "n")
        await showing(pilot, SettingsScreen)
        plan = app.workspace.store.interview_plan()
        assert plan is not None and plan.interview == date(2026, 4, 1)
        assert _said(screen).startswith(f"{PLAN_KEPT}\n"), _said(screen)
        assert str(screen.query_one(DataTable).get_row_at(ROWS.index("interview"))[1]) == (
            "2026-04-01"
        )


async def test_an_empty_date_answered_yes_removes_the_plan(build: AppFactory) -> None:
    app = build()
    app.workspace.tz = UTC
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _settings_on(pilot, "interview")
        _burst(pilot, "enter", "ctrl+u", *"2026-03-20", "enter")
        await settle(pilot)
        await press(pilot, "enter", "ctrl+u", "enter")
        await showing(pilot, ConfirmScreen)
        assert app.workspace.store.interview_plan() is not None, "nothing removed yet"
        await press(pilot, "y")
        await showing(pilot, SettingsScreen)
        assert app.workspace.store.interview_plan() is None
        assert _said(screen).startswith(f"{PLAN_REMOVED}\n"), _said(screen)
