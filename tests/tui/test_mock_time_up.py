"""When the mock interview's clock runs out, the summary says that the clock ended it, at
the limit, and how many questions were left; "Time 01:00 of 01:00" alone (a toast may have
gone) read as if the candidate had ended it. A drill open at time-up is not graded after
the time ("pens down": the last run counts): code written since is kept as the draft and
named "not submitted"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from quiz.study.summary import Summary, build_summary, time_up_lines
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.widgets.clock import MockClock
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, FakeClock, mock_clock_running, press, settle, showing

START = datetime(2026, 1, 5, 9, tzinfo=UTC)
TYPED = "import numpy as np\n\ndef sgd_step(w, grad, lr):\n    return w  # half-written\n"


def _summary(
    *, mode: str = "mock", time_up: bool = True, not_submitted: tuple[str, ...] = ()
) -> Summary:
    return build_summary(
        mode=mode,
        started_at=START,
        ended_at=START + timedelta(minutes=1),
        answers=[],
        planned=[],
        next_due=None,
        time_limit_seconds=60,
        time_up=time_up,
        not_submitted=not_submitted,
    )


def test_time_up_is_said_only_when_the_clock_ended_a_mock() -> None:
    said = time_up_lines(_summary(), "01:00")
    assert said == ["Time's up: the clock ended the interview at 01:00; all answered."]
    assert time_up_lines(_summary(time_up=False), "01:00") == []  # ended by the person
    assert time_up_lines(_summary(mode="cram"), "01:00") == []  # no clock outside a mock


def test_a_drill_not_submitted_is_named() -> None:
    said = time_up_lines(_summary(not_submitted=("Tiny SGD",)), "01:00")
    assert said[1] == (
        "Tiny SGD: not submitted at time-up (kept as the draft, ungraded); so unanswered."
    )


def _numbers(summary: SummaryScreen) -> str:
    return str(summary.query_one("#summary-numbers", Static).render())


async def _open_the_drill(pilot: Pilot[None]) -> DrillScreen:
    """A coding mock's clock running and its first drill open."""
    study = await showing(pilot, StudyScreen)
    await mock_clock_running(pilot, study)
    await press(pilot, "enter")
    await settle(pilot)
    return await showing(pilot, DrillScreen)


async def _time_up(pilot: Pilot[None], drill: DrillScreen, clock: FakeClock) -> str:
    """The clock past the mock's minute, in the drill: the summary's numbers."""
    clock.advance(90)
    drill.query_one(MockClock).tick()
    await settle(pilot)
    await settle(pilot)
    return _numbers(await showing(pilot, SummaryScreen))


async def test_the_summary_says_the_clock_ended_the_interview(
    build: AppFactory, clock: FakeClock
) -> None:
    app = build(study=StudyRequest(mode="mock", limit=2, minutes=1, kind="concept"))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        await mock_clock_running(pilot, study)
        clock.advance(61)
        study.query_one(MockClock).tick()
        await settle(pilot)
        summary = await showing(pilot, SummaryScreen)
        numbers = _numbers(summary)
        assert "Time            01:00 of 01:00" in numbers
        said = "Time's up: the clock ended the interview at 01:00; 1 question unanswered."
        assert said in numbers.splitlines()


async def test_a_mock_ended_by_the_person_says_no_time_up(
    build: AppFactory, clock: FakeClock
) -> None:
    app = build(study=StudyRequest(mode="mock", limit=2, minutes=1, kind="concept"))
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        await mock_clock_running(pilot, study)
        clock.advance(20)
        await press(pilot, "escape")  # the end, asked first in a mock
        await settle(pilot)
        await showing(pilot, ConfirmScreen)
        await press(pilot, "y")
        await settle(pilot)
        summary = await showing(pilot, SummaryScreen)
        assert "Time's up" not in _numbers(summary)


async def test_a_half_written_drill_at_time_up_is_kept_and_marked_not_submitted(
    build: AppFactory, clock: FakeClock
) -> None:
    app = build(study=StudyRequest(mode="mock", kind="coding", minutes=1))
    async with app.run_test(size=(120, 40)) as pilot:
        drill = await _open_the_drill(pilot)
        drill.query_one("#editor", TextArea).load_text(TYPED)
        numbers = await _time_up(pilot, drill, clock)
        title = drill.sitting.card.title
        assert (
            f"{title}: not submitted at time-up (kept as the draft, ungraded); so unanswered."
            in (numbers)
        )
        assert "1 question unanswered" in numbers
        store = app.workspace.store
        assert store.attempts(card_id=drill.sitting.card.id) == []  # not graded after the time
        draft = store.draft(drill.sitting.card.id)
        assert draft is not None and draft.text == TYPED


async def test_an_untouched_drill_at_time_up_is_not_called_a_draft(
    build: AppFactory, clock: FakeClock
) -> None:
    app = build(study=StudyRequest(mode="mock", kind="coding", minutes=1))
    async with app.run_test(size=(120, 40)) as pilot:
        numbers = await _time_up(pilot, await _open_the_drill(pilot), clock)
        assert "Time's up" in numbers
        assert "not submitted" not in numbers


async def test_code_edited_after_a_run_is_not_submitted_and_the_run_is_the_answer(
    build: AppFactory, clock: FakeClock
) -> None:
    """Run once (wrong), edit on, time up: the mock answers with the run (not passed), and
    the edit is named not submitted, kept as the draft, not graded after the time."""
    app = build(study=StudyRequest(mode="mock", kind="coding", minutes=1))
    async with app.run_test(size=(120, 40)) as pilot:
        drill = await _open_the_drill(pilot)
        editor = drill.query_one("#editor", TextArea)
        editor.load_text(TYPED)
        await press(pilot, "ctrl+r")
        await app.workers.wait_for_complete()
        await settle(pilot)
        card_id = drill.sitting.card.id
        store = app.workspace.store
        assert [a.status for a in store.attempts(card_id=card_id)] != []  # the run, recorded
        assert not drill.sitting.progress.passed
        edited = TYPED + "# second thoughts\n"
        editor.load_text(edited)
        numbers = await _time_up(pilot, drill, clock)
        title = drill.sitting.card.title
        assert f"{title}: not submitted at time-up (kept as the draft, ungraded); answered as " in (
            numbers
        )
        assert "Score           0/1" in numbers  # the run's verdict, not the edit's
        assert len(store.attempts(card_id=card_id)) == 1  # nothing graded after the time
        draft = store.draft(card_id)
        assert draft is not None and draft.text == edited
