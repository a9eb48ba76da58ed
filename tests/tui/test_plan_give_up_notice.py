"""A drill given up under an interview plan that leaves its Again for later: one notice
says both what happened to the drill and when it comes back, not two stacked."""

from __future__ import annotations

import pytest

from quiz.study_view import AGAIN_NOT_TODAY, answer_notice
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    AppFactory,
    FakeClock,
    Recorder,
    notifications,
    press,
    set_plan,
    settle,
    showing,
    wait_until,
)


async def test_a_drill_given_up_under_the_plan_says_both_in_one_notice(
    build: AppFactory, clock: FakeClock, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the plan's last day an Again waits: giving up showed "Again: not asked again
    today" and "Tiny SGD: not passed → Again" as two toasts, one over the other."""
    app = build(study=StudyRequest(mode="due", kind="coding"))
    set_plan(app.workspace, 1, 30.0)  # its last day: no same-day steps
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.session.plan_mode and not study.session.options.same_day_steps
        card = study.card
        assert card is not None and card.kind == "coding"
        clock.advance(20)
        await press(pilot, "enter")
        await showing(pilot, DrillScreen)
        await press(pilot, "ctrl+g", "y")  # give up, confirmed
        assert await wait_until(pilot, lambda: len(study.session.answers) == 1)
        await settle(pilot)
        said = [n for n in notifications(recorder) if card.title in str(n.message)]
        again = [n for n in notifications(recorder) if n.title == AGAIN_NOT_TODAY]
        assert len(said) == 1 and said == again, [str(n.message) for n in notifications(recorder)]
        lines = str(said[0].message).splitlines()
        assert lines[0] == f"{card.title}: not passed → Again"
        assert lines[1:] == [study.again_note] and study.again_note


def test_the_notice_says_what_is_said_and_only_that() -> None:
    """Without the plan's line the drill's own line stands alone, untitled; without a
    line of its own the plan's stands alone; with neither, nothing is said."""
    assert answer_notice("Tiny SGD: passed → Good", None) == ("Tiny SGD: passed → Good", None)
    assert answer_notice(None, "back later") == ("back later", AGAIN_NOT_TODAY)
    assert answer_notice("a", "b") == ("a\nb", AGAIN_NOT_TODAY)
    assert answer_notice(None, None) is None
