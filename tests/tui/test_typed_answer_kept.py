"""A number half typed on a study card is kept when the session leaves the card unanswered
(the app quits, escape): the same card shown again that study day has it back in its box;
answered, or on the next study day, the box is empty again."""

from __future__ import annotations

from textual.widgets import Static

from quiz.store import Store
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, FakeClock, press, settle, showing

NUMERIC = StudyRequest(mode="cram", kind="numeric")


def kept_text(card_id: str) -> str | None:
    store = Store.open()
    try:
        kept = store.typed_answer(card_id)
    finally:
        store.close()
    return None if kept is None else kept[0]


async def _type_and_quit(build: AppFactory, keys: str, *quit_keys: str) -> str:
    """Open a numeric cram, type `keys` into the first card's box, quit; the card's id."""
    app = build(study=NUMERIC)
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None
        await press(pilot, *keys)
        await press(pilot, *quit_keys)
        if quit_keys[-1] == "escape":
            await settle(pilot)
            assert study.phase == "over"  # ended by the keys, not by the test's end
        return study.card.id


async def _box_when_shown_again(build: AppFactory) -> tuple[str, str, str]:
    """The first card's id, its box's text and the hint, in a new numeric cram."""
    app = build(study=NUMERIC)
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        await settle(pilot)
        assert study.card is not None
        status = str(study.query_one("#study-status", Static).render())
        return study.card.id, study.query_one("#number").value, status  # type: ignore[attr-defined]


async def test_a_quit_keeps_the_half_typed_number_for_the_same_card_today(
    build: AppFactory,
) -> None:
    card_id = await _type_and_quit(build, "0.07", "ctrl+q")
    assert kept_text(card_id) == "0.07"
    shown_id, value, status = await _box_when_shown_again(build)
    assert (shown_id, value) == (card_id, "0.07")
    assert status.startswith("Kept from before: finish it and press enter")


async def test_escape_keeps_it_too_and_an_answer_forgets_it(build: AppFactory) -> None:
    card_id = await _type_and_quit(build, "12", "escape", "escape")  # out of the box, end
    assert kept_text(card_id) == "12"
    app = build(study=NUMERIC)
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None and study.card.id == card_id
        await press(pilot, "5")  # after what was kept, not over it (selected on focus)
        assert study.query_one("#number").value == "125"  # type: ignore[attr-defined]
        await press(pilot, "enter")
        await settle(pilot)
        assert study.phase == "feedback"
        await press(pilot, "ctrl+q")
    assert kept_text(card_id) is None


async def test_the_next_study_day_asks_afresh(build: AppFactory, clock: FakeClock) -> None:
    card_id = await _type_and_quit(build, "0.07", "ctrl+q")
    clock.advance(24 * 3600)
    shown_id, value, status = await _box_when_shown_again(build)
    assert shown_id == card_id and value == ""
    assert status.startswith("Type your answer")
