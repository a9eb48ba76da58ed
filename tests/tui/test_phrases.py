"""Home's plan line breaks between its phrases, never inside one ("+ 12 / new")."""

from __future__ import annotations

import pytest

from quiz.tui.screens.home import HomeScreen
from quiz.tui.widgets.phrases import break_between
from tests.tui.conftest import AppFactory, resize, set_plan, settle, showing

PHRASES = ["12 days left", "readiness 0.71 → target 0.90 on the day", "today: 34 reviews + 12 new"]


def test_phrases_that_fit_stay_on_one_line() -> None:
    assert break_between(PHRASES, 200) == " · ".join(PHRASES)
    assert break_between(["one"], 1) == "one"


@pytest.mark.parametrize("width", [56, 60, 79])
def test_a_line_too_long_breaks_after_a_separator_and_each_line_fits(width: int) -> None:
    lines = break_between(PHRASES, width).splitlines()
    assert lines == [
        "12 days left · readiness 0.71 → target 0.90 on the day ·",
        "today: 34 reviews + 12 new",
    ]
    assert all(len(line) <= width for line in lines)
    narrow = break_between(PHRASES, 55).splitlines()
    assert narrow == ["12 days left ·", PHRASES[1] + " ·", PHRASES[2]]


def test_a_phrase_wider_than_the_line_is_left_whole_on_its_own_line() -> None:
    assert break_between(["ab", "a very long phrase", "cd"], 8) == "ab ·\na very long phrase ·\ncd"


async def test_home_breaks_the_plan_line_between_phrases_at_any_width(
    build: AppFactory,
) -> None:
    app = build()
    # minutes enough for the drill: the plan reaches its target (no warning phrase)
    set_plan(app.workspace, 12, 30.0)
    async with app.run_test(size=(120, 30)) as pilot:
        home = await showing(pilot, HomeScreen)
        await app.workers.wait_for_complete()  # the forecast beside the screen
        await settle(pilot)
        status = app.workspace.plan_status()
        assert status is not None
        planned = app.workspace.plan_status(with_forecast=True)
        assert planned is not None and planned.forecast
        followed = planned.forecast[-1].followed
        assert followed >= status.plan.target

        def plan_lines() -> list[str]:
            shown = str(home.query_one("#home-summary").render()).splitlines()
            return shown[1:]

        assert plan_lines() == [status.line()], "one line where it fits"
        await resize(pilot, 80, 24)
        assert plan_lines() == [" · ".join(status.phrases()[:2]) + " ·", status.phrases()[2]]
        await resize(pilot, 120, 30)
        assert plan_lines() == [status.line()], "and back on one line when wide again"
