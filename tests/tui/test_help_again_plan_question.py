"""Under a plan with no time for same-day steps an Again is not asked again today. The
help of the rating phase said so, but the question phase's help, where 1 rests, still
said "Again: forgotten, so it comes back soon (not now)": what the notice after an Again
then contradicts."""

from __future__ import annotations

from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, set_plan, showing
from tests.tui.test_help_meanings import _help_fits, _meanings


async def test_the_question_phases_help_says_again_waits_under_a_plan_short_of_days(
    build: AppFactory,
) -> None:
    app = build(study=StudyRequest(mode="due", kind="concept"))
    set_plan(app.workspace, 2, 5.0)
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.session.plan_mode and not study.session.options.same_day_steps
        assert study.phase == "question"
        meaning = _meanings(await _help_fits(pilot))  # fits the box at 80 columns
        assert meaning["1"] == "Again: the plan asks it no more today (not now)"
        assert meaning["3"] == "Good: recalled (not now)", "the other keys' words stand"


async def test_without_a_plan_the_question_phases_help_keeps_again_s_words(
    build: AppFactory,
) -> None:
    app = build(study=StudyRequest(mode="due", kind="concept"))
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, StudyScreen)
        meaning = _meanings(await _help_fits(pilot))
        assert meaning["1"] == "Again: forgotten, so it comes back soon (not now)"
