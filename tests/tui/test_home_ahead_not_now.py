"""`a` on Home says why nothing is offered ahead (fifty-first round): with no plan, or with
today's plan not done, it did nothing and said nothing, though the help lists it."""

from __future__ import annotations

from quiz.tui.screens.help import help_rows
from quiz.tui.screens.home import HomeScreen
from tests.tui.conftest import (
    AppFactory,
    Recorder,
    footer_descriptions,
    notifications,
    press,
    set_plan,
    settle,
    showing,
)


def ahead_notices(recorder: Recorder) -> list[str]:
    return [str(n.message) for n in notifications(recorder) if n.title == "Ahead"]


async def test_a_with_no_plan_says_how_to_set_one(build: AppFactory, recorder: Recorder) -> None:
    app = build()
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        home = await showing(pilot, HomeScreen)
        await press(pilot, "a")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert ahead_notices(recorder) == [
            "Nothing to study ahead: no interview plan is set. Settings (,) sets one."
        ]
        assert "Ahead" not in footer_descriptions(home)
        assert ("a", "Ahead: a plan's next days, early (no plan set)") in help_rows(app, home)


async def test_a_with_today_s_plan_left_says_d_studies_it_first(
    build: AppFactory, recorder: Recorder
) -> None:
    app = build()
    set_plan(app.workspace, 12, 3.0)  # the day plans two cards at the default pace
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        home = await showing(pilot, HomeScreen)
        assert not home.check_action("study_ahead", ())
        await press(pilot, "a")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert ahead_notices(recorder) == [
            "Nothing to study ahead yet: today's list still has 2 cards; study them first (press d)."
        ]
        # the help still says when a works, in one row
        rows = help_rows(app, home)
        assert [what for keys, what in rows if keys == "a"] == [
            "Ahead: next days' new cards, once today's are done"
        ]


async def test_a_on_the_interview_day_says_how_to_set_a_new_date(
    build: AppFactory, recorder: Recorder
) -> None:
    app = build()
    set_plan(app.workspace, 0, 30.0)  # the interview is today: the plan is over
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "a")
        await settle(pilot)
        assert ahead_notices(recorder) == [
            "Nothing to study ahead: the interview day has come; "
            "a new date, or none, in Settings (,)."
        ]
