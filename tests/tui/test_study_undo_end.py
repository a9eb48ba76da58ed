"""The study screen's undo of a bury or suspend, ending a mock interview, the session's
count and the rating keys' line, driven with Pilot on a fake clock."""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text

from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.widgets.heading import CardHeading
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    AppFactory,
    FakeClock,
    Recorder,
    mock_clock_running,
    notices,
    press,
    press_card_keys,
    set_plan,
    settle,
    showing,
    wait_until,
)


def _place(screen: StudyScreen) -> str:
    """The count at the end of the card's heading ('basics · 1 answered · 3 still to see')."""
    return screen.query_one(CardHeading).text.plain.rsplit("  ", 1)[-1]


async def test_u_after_a_bury_brings_the_card_back_and_keeps_the_answer(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    app = build(study=StudyRequest(mode="cram"))
    async with app.run_test(message_hook=recorder, notifications=True) as pilot:
        screen = await showing(pilot, StudyScreen)
        store = app.workspace.store
        await press(pilot, "2", "enter", "space")  # answer the choice card, go on
        await settle(pilot)
        second = screen.card
        assert second is not None and store.review_count() == 1
        assert _place(screen).endswith("1 answered · 3 still to see")
        clock.advance(10)
        await press_card_keys(pilot, "b")
        await settle(pilot)
        assert second.id in store.hidden_ids(clock())
        assert screen.card is not second and _place(screen).endswith("1 answered · 2 still to see")
        clock.advance(10)
        await press_card_keys(pilot, "u")
        await settle(pilot)
        assert screen.card is not None and screen.card.id == second.id, "the buried card is back"
        assert store.card_flags() == {}, "and no longer buried"
        assert store.review_count() == 1, "the answer before the bury is kept"
        assert recorder.of(StudyScreen.AnswerUndone) == []
        assert any(f"Undid the bury of '{second.title}'" in m for m in notices(recorder))
        assert _place(screen).endswith("1 answered · 3 still to see")
        await press_card_keys(pilot, "x", "u")  # a suspend, undone the same way
        await settle(pilot)
        assert store.card_flags() == {} and screen.card.id == second.id
        await press_card_keys(pilot, "u")  # then the answer
        await settle(pilot)
        assert store.review_count() == 0 and _place(screen).endswith("0 answered · 4 still to see")


async def test_escape_in_a_mock_interview_asks_first(build: AppFactory, recorder: Recorder) -> None:
    app = build(study=StudyRequest(mode="mock", limit=3, minutes=20))
    async with app.run_test(message_hook=recorder) as pilot:
        study = await showing(pilot, StudyScreen)
        await press(pilot, "escape")
        await settle(pilot)
        confirm = await showing(pilot, ConfirmScreen)
        assert confirm.question.startswith("End the mock interview now? 3 questions")
        await press(pilot, "n")
        await settle(pilot)
        assert study.phase == "question" and app.screen is study
        assert recorder.of(StudyScreen.SessionEnded) == []
        await press(pilot, "escape", "escape")  # escape also answers no
        await settle(pilot)
        assert app.screen is study and recorder.of(StudyScreen.SessionEnded) == []
        await press(pilot, "q")  # q asks as escape does
        await settle(pilot)
        await showing(pilot, ConfirmScreen)
        await press(pilot, "y")
        await showing(pilot, SummaryScreen)
        ended = recorder.of(StudyScreen.SessionEnded)
        assert len(ended) == 1 and ended[0].summary.planned == 3


async def test_escape_ends_a_cram_session_at_once(build: AppFactory, recorder: Recorder) -> None:
    """Nothing is lost there (every answer is saved): no question, as before. With nothing
    answered there is no summary either: straight back Home (the test waited 30 s for a
    summary that never came, and passed without checking where escape led)."""
    app = build(study=StudyRequest(mode="cram"))
    async with app.run_test(message_hook=recorder) as pilot:
        await showing(pilot, StudyScreen)
        await press(pilot, "escape")
        await showing(pilot, HomeScreen)  # a question would have stayed on top of the session
        assert len(recorder.of(StudyScreen.SessionEnded)) == 1


async def test_the_mock_clock_ends_the_interview_under_the_question(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    app = build(study=StudyRequest(mode="mock", limit=3, minutes=1))
    async with app.run_test(message_hook=recorder) as pilot:
        study = await showing(pilot, StudyScreen)
        await mock_clock_running(pilot, study)
        await press(pilot, "escape")
        await settle(pilot)
        await showing(pilot, ConfirmScreen)
        clock.advance(61)
        study.tick()
        await showing(pilot, SummaryScreen)
        assert isinstance(app.screen, SummaryScreen), "the time is up: no question left open"
        assert len(recorder.of(StudyScreen.SessionEnded)) == 1
        assert [type(s).__name__ for s in app.screen_stack][-1] == "SummaryScreen"


async def test_the_count_says_why_cards_leave_a_plan_session(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    """In plan mode an answer that uses up the minutes for some cards says so, with the
    count of cards left dropping by them; an Again asked again keeps its card left."""
    app = build(study=StudyRequest(mode="due"))
    set_plan(app.workspace, 12, 3.0)
    async with app.run_test(message_hook=recorder, notifications=True) as pilot:
        study = await showing(pilot, StudyScreen)
        session = study.session
        assert session.plan_mode and session.options.time_box is not None
        done, total = session.progress
        assert _place(study).endswith(f"0 answered · {total} still to see")
        queued = [card.kind for card in session.queued]
        box = session.options.time_box
        # answer so slowly that one card of another kind no longer fits, the Again copy does
        first = queued[0]
        longest = max(box.long_answer[kind] for kind in queued[1:])
        used = box.seconds_left - longest + 1
        assert box.fits(first, used), "the setting this test needs"
        clock.advance(used)
        await press(pilot, "1", "enter")  # the choice card, wrong: Again, asked again
        await settle(pilot)
        assert session.left_for_later, "a card no longer fits"
        assert session.current is not None
        await press(pilot, "space")  # from the choice's feedback to the next card
        await settle(pilot)
        left = total - len(session.left_for_later)  # the Again copy stands in for its card
        unseen = f" · {left - 1} still to see" if left > 1 else ""  # a zero is not said
        still = f"1 answered{unseen} · 1 back later today"
        assert _place(study).endswith(still), "not done"
        # in the words of Home's line ("for the next day" before the seventeenth round)
        dropped = len(session.left_for_later)
        word = "card waits" if dropped == 1 else "cards wait"
        said = notices(recorder)
        assert f"Today's plan minutes are nearly used: {dropped} {word} for tomorrow." in said


async def _rating_line(
    build: AppFactory, request: StudyRequest, size: tuple[int, int], *, plan: bool
) -> tuple[int, str]:
    """The rating keys' line of the first concept card: its height and its text."""
    app = build(study=request)
    if plan:
        set_plan(app.workspace, 12, 30.0)
    else:
        app.workspace.store.clear_interview_plan()
    async with app.run_test(size=size) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.session.plan_mode == plan
        await press(pilot, "space", "enter")
        await settle(pilot)
        ratings = study.query_one("#study-ratings")
        rendered = ratings.render()
        text = rendered.plain if isinstance(rendered, Text) else str(rendered)
        return ratings.size.height, " ".join(text.split())


async def test_the_rating_keys_fit_one_line_at_80_columns(build: AppFactory) -> None:
    """Each mode's note beside the keys, and in plan mode fsrs's same-day steps, on one
    line at 80 columns (and at 120)."""
    concepts = StudyRequest(mode="due", kind="concept")
    for size in ((80, 24), (120, 40)):
        for request, plan, shown in (
            (concepts, False, "1 Again 1m 2 Hard 6m 3 Good 10m 4 Easy"),
            (StudyRequest(mode="cram", kind="concept"), False, "(the schedule stays as it is)"),
            (concepts, True, "4 Easy (the plan picks the day)"),
        ):
            height, text = await _rating_line(build, request, size, plan=plan)
            assert shown in text
            assert height == 1, f"{size}: {text}"


async def test_the_undo_notice_names_the_action_taken_not_the_flag_left(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    """A card buried earlier, opened by hand and suspended: u undoes a suspend (the notice
    said "bury" whenever the card had a burial date). A suspended card opened and buried
    stays suspended, and u undoes a bury."""
    app = build(study=StudyRequest(mode="cram", card_ids=("what-is-relu", "sigmoid-bound")))
    store = app.workspace.store
    store.bury("what-is-relu", until=clock() + timedelta(hours=8), now=clock())
    store.set_flag("sigmoid-bound", suspended=True, buried_until=None, now=clock())
    async with app.run_test(message_hook=recorder, notifications=True) as pilot:
        await showing(pilot, StudyScreen)
        for key in ("x", "u", "s", "b", "u"):
            clock.advance(5)
            await press_card_keys(pilot, key)
            await settle(pilot)
        messages = notices(recorder)  # the first one's 5 s had run out on a loaded machine
        assert "Suspended: What ReLU computes." in messages
        assert "Undid the suspend of 'What ReLU computes'." in messages
        assert (
            "Still suspended (a bury leaves a suspended card as it is): "
            "The largest value of sigmoid'." in messages
        )
        assert "Undid the bury of 'The largest value of sigmoid''." in messages
        assert not any("Undid the bury of 'What ReLU" in m for m in messages)
        flag = store.card_flags()["what-is-relu"]
        assert not flag.suspended and flag.buried_until is not None, "buried as before"


async def test_u_after_another_session_answered_the_card_says_so_and_keeps_both(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    """Two sessions on the same progress: undoing here an answer the other session has
    answered over ended the app with the store's traceback. Now it is refused in words
    and the session goes on; both answers stay."""
    from fsrs import Card, Rating, Scheduler

    app = build(study=StudyRequest(mode="due"))
    async with app.run_test(message_hook=recorder, notifications=True) as pilot:
        screen = await showing(pilot, StudyScreen)
        store = app.workspace.store
        first = screen.card
        assert first is not None
        await press(pilot, "2", "enter")
        assert await wait_until(pilot, lambda: store.review_count() == 1)
        await press(pilot, "space")
        assert await wait_until(pilot, lambda: screen.card is not first)
        second = screen.card
        later, _ = Scheduler().review_card(Card(), Rating.Easy, clock())
        store.record_review(  # the other session's answer of the same card
            card_id=first.id,
            rating=4,
            correct=True,
            reviewed_at=clock(),
            mode="due",
            card_after=later.to_json(),
        )
        await press_card_keys(pilot, "u")
        assert await wait_until(pilot, lambda: bool(notices(recorder)))
        assert any(
            f"Could not undo: '{first.title}' was answered since, in another session" in m
            for m in notices(recorder)
        )
        assert screen.card is second
        assert app.is_running and app.screen is screen
        assert store.review_count() == 2


async def test_a_card_left_in_a_learning_step_stays_left_and_is_shown_again(
    build: AppFactory, clock: FakeClock
) -> None:
    """As in Anki, a new card answered Good goes to fsrs's 10-minute step and is asked
    again in the same due session: the count names it "back later today", and it comes back
    at the end.
    u takes the answer back with the card's second place in the queue."""
    app = build(study=StudyRequest(mode="due", topic="basics"))
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        session = study.session
        ids = ["dropout-inference", "sigmoid-bound", "what-is-relu"]
        assert [card.id for card in session.queued] == ids
        assert _place(study).endswith("0 answered · 3 still to see")
        clock.advance(10)
        await press(pilot, "2", "enter", "space")  # the choice card, right: Good
        await settle(pilot)
        assert _place(study).endswith("1 answered · 2 still to see · 1 back later today")
        assert [card.id for card in session.queued] == [*ids[1:], ids[0]]
        await press_card_keys(pilot, "u")  # undo: the card current again, its second place gone
        await settle(pilot)
        assert study.card is not None and study.card.id == ids[0]
        assert _place(study).endswith("0 answered · 3 still to see")
        assert [card.id for card in session.queued] == ids
        await press(pilot, "2", "enter", "space")
        await settle(pilot)
        await press(pilot, *"0.25", "enter", "space")  # the numeric card, right: Good
        await settle(pilot)
        assert _place(study).endswith("2 answered · 1 still to see · 2 back later today")
        await press(pilot, "space", "enter", "4")  # the concept card, Easy: graduated
        await settle(pilot)
        assert study.card is not None and study.card.id == ids[0], "shown again"
        assert _place(study).endswith("3 answered · 2 back later today")
        await press(pilot, "2", "enter", "space")  # right in its last step: graduated
        await settle(pilot)
        assert study.card is not None and study.card.id == ids[1]
        assert _place(study).endswith("4 answered · 1 back later today")
        await press(pilot, *"0.25", "enter", "space")
        await settle(pilot)
        summary = await showing(pilot, SummaryScreen)
        assert (summary.summary.answers, summary.summary.cards_reviewed) == (5, 3)
