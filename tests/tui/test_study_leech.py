"""The session says when an Again makes a card a leech, as Anki does at its eighth lapse."""

from __future__ import annotations

from datetime import timedelta

from fsrs import Rating, Scheduler

from quiz.study.scheduling import review_card
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, FakeClock, Recorder, notices, press, settle, showing

NO_STEPS = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


async def test_the_eighth_lapse_says_the_card_is_a_leech_and_how_to_suspend_it(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    app = build(study=StudyRequest(mode="due", topic="basics"))
    app.workspace.scheduler = NO_STEPS
    store = app.workspace.store
    start = clock()
    review_card(store, NO_STEPS, "what-is-relu", Rating.Good, now=start, correct=True)
    for day in range(1, 8):
        moment = start + timedelta(days=day)
        review_card(store, NO_STEPS, "what-is-relu", Rating.Again, now=moment, correct=False)
    clock.advance(400 * 86400)  # every card of the topic due
    async with app.run_test(message_hook=recorder) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None and study.card.id == "what-is-relu", "due first"
        await press(pilot, "space", "enter", "1")  # Again: its eighth lapse
        await settle(pilot)
        said = [text for text in notices(recorder) if "leech" in text]
        assert len(said) == 1 and "forgotten 8 times" in said[0], said
        assert "^s suspends" in said[0], "where to suspend it: x would hit the next card"
        assert store.lapse_count("what-is-relu") == 8
        assert study.card is not None and study.card.id != "what-is-relu", "moved on"
