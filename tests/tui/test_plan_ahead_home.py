"""Home's study ahead: once the plan's day is done with minutes left, its line says what
fits ahead and `a` studies it (a fake clock)."""

from __future__ import annotations

from textual.widgets import Static

from quiz.tui.screens.help import help_rows
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    AppFactory,
    FakeClock,
    Recorder,
    footer_descriptions,
    notices,
    press,
    set_plan,
    settle,
    showing,
)


async def test_home_offers_to_study_ahead_once_the_day_is_done_and_a_studies_it(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    app = build()
    # 3 minutes: the day plans the choice and the numeric card at the default pace
    set_plan(app.workspace, 12, 3.0)
    async with app.run_test(size=(120, 40), message_hook=recorder) as pilot:
        home = await showing(pilot, HomeScreen)
        line = str(home.query_one("#home-summary", Static).render())
        assert "today: 0 reviews + 2 new" in line and "ahead" not in line
        assert not home.check_action("study_ahead", ()) and "Ahead" not in footer_descriptions(home)
        # the help says when `a` works, not a bare "(not now)"
        assert ("a", "Ahead: next days' new cards, once today's are done") in help_rows(app, home)
        await press(pilot, "a")
        assert isinstance(app.screen, HomeScreen), "a does nothing while the list has cards"
        # the day's list answered quickly, each card right in 4 s
        session = app.workspace.start_session(StudyRequest(mode="due"))
        assert [card.id for card in session.planned] == ["dropout-inference", "sigmoid-bound"]
        while session.current is not None:
            session.show(now=clock())
            clock.advance(4)
            session.answer(True, now=clock(), duration_ms=4000)
        session.finish(now=clock())
        home.refresh_counts()
        await settle(pilot)
        plan = app.workspace.plan_status()
        assert plan is not None and plan.offered == ()
        # the concept card fits in the minutes left; the drill's long answer does not
        assert plan.ahead == ("what-is-relu",)
        line = " ".join(str(home.query_one("#home-summary", Static).render()).split())
        assert "today: done, 0 of 3 min used · ahead: 1 new (a)" in line
        assert line.startswith("0 planned today"), "the day's count: not the ahead card"
        assert home.check_action("study_ahead", ()) and "Ahead" in footer_descriptions(home)
        assert ("a", "Ahead: the plan's next days' new cards, now") in help_rows(app, home)
        # d on the done day says what a offers
        await press(pilot, "d")
        assert isinstance(app.screen, HomeScreen)
        assert notices(recorder)[-1] == (
            "Today's plan is done. Study ahead: 1 new card of the next days fits in the 2 min "
            "left: press a (drillbit study --ahead)."
        )
        await press(pilot, "a")
        study = await showing(pilot, StudyScreen)
        assert [card.id for card in study.session.planned] == ["what-is-relu"]
        assert study.session.plan_mode and study.request.ahead
        title = str(study.query_one("#study-title", Static).render())
        assert title == "plan · ahead"
