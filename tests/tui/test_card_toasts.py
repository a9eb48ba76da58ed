"""A toast about one card goes when the card changes: "Pick an option with its number
first." stayed on screen into the next question of a mock until its timeout, read there as
a complaint about the new card. What the move itself says (Skipped, an answer's line)
is about the move and stays."""

from __future__ import annotations

import pytest
from textual.widgets._toast import Toast

from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.answers import ChoicePicker
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    AppFactory,
    FakeClock,
    Recorder,
    notices,
    press,
    press_card_keys,
    screen_lines,
    settle,
    showing,
    wait_until,
)

PICK_FIRST = "Pick an option with its number first."
CARDS = ("dropout-inference", "what-is-relu")
"""A choice card first, then a concept card."""


def _on_screen(app: object, text: str) -> bool:
    return any(text in line.text for line in screen_lines(app))  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", ["mock", "cram"])
async def test_a_toast_about_the_last_card_goes_with_it(
    build: AppFactory,
    clock: FakeClock,
    recorder: Recorder,
    monkeypatch: pytest.MonkeyPatch,
    mode: str,
) -> None:
    app = build(study=StudyRequest(mode=mode, card_ids=CARDS))  # type: ignore[arg-type]
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)  # only the card change ends it
    async with app.run_test(size=(80, 24), message_hook=recorder, notifications=True) as pilot:
        study = await showing(pilot, StudyScreen)
        if not study.query(ChoicePicker):  # the mock's order is its own: the choice card next
            await press(pilot, "s")
        first = study.card
        assert first is not None and first.id == CARDS[0] and study.query(ChoicePicker)
        await press(pilot, "enter")  # nothing picked yet
        assert PICK_FIRST in notices(recorder)
        assert await wait_until(pilot, lambda: bool(study.query(Toast)))
        await settle(pilot)
        assert _on_screen(app, PICK_FIRST), "the warning is shown on its card"
        clock.advance(20)
        await press(pilot, "1", "enter")
        if mode != "mock":  # the feedback is about the card answered: the toast may stay
            assert study.phase == "feedback"
            await press(pilot, "space")
        assert await wait_until(pilot, lambda: study.card is not first or study.phase == "over")
        assert study.card is not first
        await settle(pilot)
        assert not _on_screen(app, PICK_FIRST), "the last card's warning is gone"


async def test_what_a_skip_says_stays_on_the_next_card(
    build: AppFactory, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The move's own notice is raised as the card changes: it is not cleared with the
    last card's ones, and a skip after another still says Skipped (its notice was cleared,
    so "not said twice while shown" no longer holds it back)."""
    from quiz.tui.screens.study_moves import SKIPPED

    app = build(study=StudyRequest(mode="mock", card_ids=(*CARDS, "sigmoid-bound")))
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    async with app.run_test(size=(80, 24), message_hook=recorder, notifications=True) as pilot:
        study = await showing(pilot, StudyScreen)
        while not study.query(ChoicePicker):  # the mock's order is its own
            await press_card_keys(pilot, "s")
        await press(pilot, "enter")
        assert notices(recorder)[-1] == PICK_FIRST
        await press(pilot, "s")
        assert notices(recorder)[-1] == SKIPPED
        assert study.card is not None and study.card.id != CARDS[0]
        assert await wait_until(pilot, lambda: _on_screen(app, "Skipped"))
        await settle(pilot)
        assert not _on_screen(app, PICK_FIRST)


async def test_a_dialog_over_a_session_shows_its_toast_once(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mock's end dialog showed the skip's toast twice (fiftieth round, seen at 80x24):
    the dialog's own rack and the session's, drawn under the dialog. Once the dialog goes,
    the session shows it again."""
    from quiz.tui.screens.confirm import ConfirmScreen
    from quiz.tui.screens.study_moves import SKIPPED

    app = build(study=StudyRequest(mode="mock", card_ids=CARDS))
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        study = await showing(pilot, StudyScreen)
        await press_card_keys(pilot, "s")
        assert await wait_until(pilot, lambda: _on_screen(app, SKIPPED))
        await press_card_keys(pilot, "escape")
        await showing(pilot, ConfirmScreen)
        await settle(pilot)
        drawn = [line.text for line in screen_lines(app)]
        assert sum(SKIPPED in line for line in drawn) == 1, "\n".join(drawn)
        await press(pilot, "n")
        assert app.screen is study
        assert await wait_until(pilot, lambda: _on_screen(app, SKIPPED))
