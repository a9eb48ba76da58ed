"""The summary's time and pace agree: one answer 10.6 s into a session said "Time 00:10"
(cut to the second below) and "Pace 11 s per answer" (rounded), a pace longer than the
whole session."""

from __future__ import annotations

from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    AppFactory,
    FakeClock,
    press,
    screen_lines,
    set_plan,
    settle,
    showing,
)


async def test_one_answer_gives_the_same_time_and_pace(build: AppFactory, clock: FakeClock) -> None:
    app = build(study=StudyRequest(mode="cram", kind="concept", limit=1))
    async with app.run_test(size=(100, 30)) as pilot:
        await showing(pilot, StudyScreen)
        await press(pilot, "space", "enter")
        clock.advance(10.6)
        await press(pilot, "3")
        await showing(pilot, SummaryScreen)
        text = "\n".join(line.text for line in screen_lines(app))
        assert "Pace            11 s per answer" in text, text
        assert "Time            00:11" in text, text


async def test_a_long_plan_line_wraps_under_its_value(build: AppFactory) -> None:
    """At 80 columns the plan's load ("today: 0 reviews + 14 new, about 24 min at the
    default pace") ran on under the labels, "pace" alone at the screen's left edge (72
    columns here: this bank's load is a shorter line)."""
    app = build(study=StudyRequest(mode="cram", kind="concept", limit=1))
    set_plan(app.workspace, 5, 30.0)
    async with app.run_test(size=(72, 24)) as pilot:
        await showing(pilot, StudyScreen)
        await press(pilot, "space", "enter", "3")
        await showing(pilot, SummaryScreen)
        lines = [line.text.rstrip() for line in screen_lines(app)]
        first = next(i for i, line in enumerate(lines) if line.lstrip().startswith("Plan "))
        value_at = lines[first].index("today:")
        wrapped = lines[first + 1]
        assert wrapped[:value_at].strip() == "", wrapped  # under the value, not the labels
        assert wrapped[value_at:].strip(), "the plan's line needs two lines at 72 columns"
        load = " ".join([lines[first][value_at:], wrapped[value_at:].strip()])
        assert load.endswith("at the default pace"), load


async def test_a_summary_left_open_into_the_next_day_says_what_comes_that_day(
    build: AppFactory, clock: FakeClock
) -> None:
    """The summary's "Plan today: ..." was read once: left open over the study day's end,
    on the interview's eve, it still gave the ended plan's load the next morning."""
    app = build(study=StudyRequest(mode="cram", kind="concept", limit=1))
    set_plan(app.workspace, 1, 30.0)  # the interview tomorrow; UTC: the day ends at midnight
    async with app.run_test(size=(120, 40)) as pilot:
        await showing(pilot, StudyScreen)
        await press(pilot, "space", "enter", "3")
        summary = await showing(pilot, SummaryScreen)

        def next_line() -> str:
            return next(
                line.text.strip()
                for line in screen_lines(app)
                if line.text.lstrip().startswith(("Plan ", "Next card due "))
            )

        assert next_line().startswith("Plan            today:")
        clock.advance(24 * 3600)  # the interview day: the plan is over
        summary.day_watch.check()
        await settle(pilot)
        assert next_line().startswith("Next card due   "), next_line()
