"""A plan session that the end of its study day overtakes says so at that moment."""

from __future__ import annotations

from datetime import UTC

from textual.widgets import Label

from quiz.study.days import StudyZone
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from tests.tui.conftest import (
    START,
    AppFactory,
    FakeClock,
    Recorder,
    notifications,
    press,
    set_plan,
    settle,
    showing,
)


async def test_the_end_of_the_study_day_is_said_on_the_card_being_answered(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    # At 04:00 (the study day's start, Anki's) the session's list became the day before's:
    # nothing was said until the next card, when the summary replaced the session.
    clock.moment = START.replace(hour=3, minute=50)
    app = build()
    set_plan(app.workspace, 12, 60.0)
    app.workspace.tz = StudyZone(UTC, 4)
    async with app.run_test(message_hook=recorder) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "d")
        await settle(pilot)
        study = await showing(pilot, StudyScreen)
        assert study.session.plan_mode and study.session.remaining > 1
        clock.advance(5 * 60)  # 03:55: the timer fired early, the day goes on
        study.check_day_end()
        assert not study.day_over_told
        clock.advance(6 * 60)  # 04:01
        study.check_day_end()
        await settle(pilot)
        told = [n for n in notifications(recorder) if n.title == "Interview plan"]
        assert len(told) == 1 and str(told[0].message).startswith(
            "A new study day began at 04:00: this card still counts, then the session ends"
        )
        title = str(study.query_one("#study-title", Label).render())
        assert title.endswith("the day ended: last card")
        study.check_day_end()  # said once
        assert len([n for n in notifications(recorder) if n.title == "Interview plan"]) == 1
        card = study.card
        assert card is not None and card.kind == "choice"
        for key in ("1", "enter"):  # the first option, submitted: graded, its feedback shown
            await press(pilot, key)
            await settle(pilot)
        assert study.phase != "question" and len(study.session.answers) == 1
        await press(pilot, "enter")  # on to the next card: the old day's list ends here
        await settle(pilot)
        summary = await showing(pilot, SummaryScreen)
        assert summary.summary.note is not None
        assert summary.summary.note.startswith("The study day ended at 04:00")
