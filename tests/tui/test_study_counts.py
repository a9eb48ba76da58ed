"""The study session's count ("basics · 0 answered · 3 still to see") after each rating
and its undo.

A card that comes back in a learning step is named apart, "1 back later today", as Anki
keeps it in its learning count; its answer still counts. The count once read "1 done · 3
left" after a Hard on the first of three cards, and later "1 answered, none done yet"
beside a bar at 0%.
"""

from __future__ import annotations

import pytest
from fsrs import Scheduler

from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.heading import CardHeading
from quiz.tui.widgets.progress import SessionProgress
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, FakeClock, press, settle, showing

BASICS = ["dropout-inference", "sigmoid-bound", "what-is-relu"]
"""The topic's cards in their queue order: a choice, a numeric and a concept card."""
START = "basics · 0 answered · 3 still to see"
"""The count before any answer."""
BACK = "basics · 1 answered · 2 still to see · 1 back later today"
"""The count after one answer that keeps its card in the session."""


def _place(screen: StudyScreen) -> str:
    """The count at the end of the card's heading."""
    return screen.query_one(CardHeading).text.plain.rsplit("  ", 1)[-1]


@pytest.mark.parametrize(
    ("key", "rating", "after"),
    [
        # its 1-minute step: asked again ("0 done" beside a bar at 0% read as if unanswered)
        ("1", "Again", BACK),
        ("2", "Hard", BACK),  # its step
        ("3", "Good", BACK),  # 10 minutes
        ("4", "Easy", "basics · 1 answered · 2 still to see"),  # graduated: done for the day
    ],
)
async def test_each_rating_of_a_new_card_counts_it_done_only_when_it_leaves_the_session(
    build: AppFactory, clock: FakeClock, key: str, rating: str, after: str
) -> None:
    app = build(study=StudyRequest(mode="due", topic="basics"))
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        session = study.session
        assert [card.id for card in session.queued] == BASICS
        # to the concept card, the one rated with 1-4 (escape leaves the number card's box)
        await press(pilot, "s", "escape", "s")
        assert study.card is not None and study.card.id == "what-is-relu"
        assert _place(study) == START
        clock.advance(10)
        await press(pilot, "space", "enter", key)
        await settle(pilot)
        assert [a.rating.name for a in session.answers] == [rating]
        assert _place(study) == after
        # one answer given, and one still owed by each queued card: 1/4 when it comes back
        queued = len(session.queued)
        assert study.query_one(SessionProgress).fraction == pytest.approx(1 / (1 + queued))
        await press(pilot, "u")
        await settle(pilot)
        assert study.card is not None and study.card.id == "what-is-relu"
        assert _place(study) == START
        assert study.query_one(SessionProgress).fraction == 0


async def test_a_card_that_comes_back_is_done_when_answered_for_good(
    build: AppFactory, clock: FakeClock
) -> None:
    app = build(study=StudyRequest(mode="due", topic="basics"))
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        await press(pilot, "s", "escape", "s")
        clock.advance(10)
        await press(pilot, "space", "enter", "2")  # Hard: back at the end
        await settle(pilot)
        assert _place(study) == BACK
        clock.advance(10)
        await press(pilot, "2", "enter", "space", *"0.25", "enter", "space")  # both Good
        await settle(pilot)
        assert study.card is not None and study.card.id == "what-is-relu", "asked again"
        assert _place(study) == "basics · 3 answered · 3 back later today"
        clock.advance(600)
        await press(pilot, "space", "enter", "4")  # Easy: graduated
        await settle(pilot)
        assert _place(study) == "basics · 4 answered · 2 back later today"


async def test_the_feedback_of_a_right_answer_shows_the_count_with_the_card_done(
    build: AppFactory, clock: FakeClock
) -> None:
    """Without learning steps a right answer is done at once: the count says so while its
    feedback is read, not only at the next card."""
    app = build(study=StudyRequest(mode="due", topic="basics"))
    app.workspace.scheduler = Scheduler(
        learning_steps=(), relearning_steps=(), enable_fuzzing=False
    )
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None and study.card.id == "dropout-inference"
        clock.advance(10)
        await press(pilot, "2", "enter")  # the choice card, right: Good, due in days
        await settle(pilot)
        assert study.phase == "feedback"
        assert _place(study) == "basics · 1 answered · 2 still to see"
        assert study.query_one(SessionProgress).fraction == pytest.approx(1 / 3)


async def test_a_missed_card_comes_back_once_its_step_is_due_before_the_rest(
    build: AppFactory, clock: FakeClock
) -> None:
    """A wrong number is Again, fsrs's 1-minute step: once that minute is up the card is
    asked next, as in Anki, not after every other card of the day."""
    app = build(study=StudyRequest(mode="due", topic="basics"))
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        await press(pilot, "s")  # the choice card to the end: sigmoid-bound is current
        assert study.card is not None and study.card.id == "sigmoid-bound"
        await press(pilot, *"0.3", "enter")  # wrong: Again
        await settle(pilot)
        clock.advance(30)
        await press(pilot, "enter")
        await settle(pilot)
        assert study.card is not None and study.card.id == "what-is-relu", "not yet due"
        clock.advance(60)
        await press(pilot, "space", "enter", "4")  # Easy
        await settle(pilot)
        assert study.card is not None and study.card.id == "sigmoid-bound", "its minute is up"
        assert _place(study) == "basics · 2 answered · 1 still to see · 1 back later today"


async def test_a_session_started_again_keeps_a_card_waiting_for_its_step(
    build: AppFactory, clock: FakeClock
) -> None:
    """Quit with a card in its 1-minute step, start again 20 seconds later: the card is
    still in the session (it was left out, as not due at the start), and asked once due."""
    first = build(study=StudyRequest(mode="due", topic="basics"))
    async with first.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        await press(pilot, "s", *"0.3", "enter")  # sigmoid-bound wrong: Again
        await settle(pilot)
        assert study.session.answers[-1].card.id == "sigmoid-bound"
    clock.advance(20)
    again = build(study=StudyRequest(mode="due", topic="basics"))
    async with again.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        assert [card.id for card in study.session.queued][-1] == "sigmoid-bound"
        assert _place(study) == START
        assert study.card is not None and study.card.id == "dropout-inference"
        clock.advance(60)
        await press(pilot, "s")
        await settle(pilot)
        assert study.card is not None and study.card.id == "sigmoid-bound", "its step is due"
