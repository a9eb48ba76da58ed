"""Under an interview plan with no time for same-day steps, an answer rated Again is not
asked again that day (docs/plan.md): an Anki user expects it back in minutes, so the
moment of the Again says when it comes back and why, in one line at 80 columns."""

from __future__ import annotations

import pytest
from textual.widgets._toast import Toast

from quiz.study_view import AGAIN_NOT_TODAY, again_not_today
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    AppFactory,
    FakeClock,
    Recorder,
    notifications,
    press,
    screen_lines,
    set_plan,
    settle,
    showing,
    wait_until,
)


def again_notices(recorder: Recorder) -> list[str]:
    return [str(n.message) for n in notifications(recorder) if n.title == AGAIN_NOT_TODAY]


async def test_an_again_the_plan_leaves_for_later_says_when_it_comes_back(
    build: AppFactory, clock: FakeClock, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two days out the plan drops the steps: a wrong choice (Again) leaves the session,
    and the notice says so, when it comes back, and why, whole on one row at 80x24."""
    app = build(study=StudyRequest(mode="due"))
    set_plan(app.workspace, 2, 1.0)
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)  # on screen while looked at
    async with app.run_test(size=(80, 24), message_hook=recorder, notifications=True) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.session.plan_mode and not study.session.options.same_day_steps
        status = app.workspace.plan_status()
        assert status is not None and status.today is not None and not status.today.last_pass
        first = study.card
        assert first is not None and first.id == "dropout-inference"
        clock.advance(20)
        await press(pilot, "1", "enter")  # a wrong choice: Again
        assert await wait_until(pilot, lambda: bool(again_notices(recorder)))
        (said,) = again_notices(recorder)
        assert said == "2 days left, no time for same-day steps: back in the plan's last days."
        assert not study.session.answers[-1].requeued, "the plan's decision is unchanged"
        laid_out = lambda: any(toast.region.height for toast in study.query(Toast))  # noqa: E731
        assert await wait_until(pilot, laid_out)
        await settle(pilot)
        (toast,) = study.query(Toast)
        rows = [line.text for line in screen_lines(app)]
        assert any(said in row for row in rows), "the line is cut or folded at 80 columns"
        assert any(AGAIN_NOT_TODAY in row for row in rows)
        assert toast.region.height == 2, "its title and one line"


async def test_no_such_notice_when_the_again_comes_back_today(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    """Twelve days out the plan keeps fsrs's steps: the Again is back in a minute, as the
    rating keys say ("1 Again 1m"), and nothing more is said."""
    app = build(study=StudyRequest(mode="due"))
    set_plan(app.workspace, 12, 3.0)
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.session.options.same_day_steps
        clock.advance(20)
        await press(pilot, "1", "enter")
        assert await wait_until(pilot, lambda: len(study.session.answers) == 1)
        await settle(pilot)
        assert study.session.answers[-1].requeued
        assert again_notices(recorder) == []


async def test_no_such_notice_for_a_right_answer(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    """Two days out, a right answer leaves the session as it would anyway: nothing said."""
    app = build(study=StudyRequest(mode="due"))
    set_plan(app.workspace, 2, 1.0)
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        study = await showing(pilot, StudyScreen)
        clock.advance(20)
        card = study.card
        assert card is not None and card.id == "dropout-inference"
        await press(pilot, "2", "enter")  # the right choice (tests/tui/test_plan_home.py)
        assert await wait_until(pilot, lambda: len(study.session.answers) == 1)
        await settle(pilot)
        assert study.session.answers[-1].correct
        assert again_notices(recorder) == []


def test_on_the_eve_it_says_the_card_is_not_asked_again_before_the_interview(
    build: AppFactory,
) -> None:
    """A day out the plan is in its last pass, on its last day: no later day is left, so
    "back in the plan's last days" would be wrong; it says the card is not asked again.
    Twelve days out (steps taken) there is nothing to say."""
    app = build()
    set_plan(app.workspace, 1, 3.0)
    session = app.workspace.start_session(StudyRequest(mode="due"))
    status = app.workspace.plan_status()
    assert status is not None and status.today is not None and status.today.last_pass
    assert again_not_today(app.workspace, session) == (
        "The plan's last day asks each card once: not again before the interview."
    )
    set_plan(app.workspace, 12, 3.0)
    session = app.workspace.start_session(StudyRequest(mode="due"))
    assert again_not_today(app.workspace, session) is None
    cram = app.workspace.start_session(StudyRequest(mode="cram"))
    assert again_not_today(app.workspace, cram) is None
