"""The study loop as a user meets it: honest drill reviews, the rubric, skip and give up,
the mock interview's clock and hidden feedback, the rating preview, typed powers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fsrs import Rating, Scheduler
from textual import events
from textual.widgets import Static, TextArea

from quiz.bank.models import ChoiceFront
from quiz.cardtext import inline_pieces
from quiz.drill_grading import starter_text
from quiz.settings import Settings
from quiz.study import format_interval, preview_intervals
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.study_moves import LAST_CARD
from quiz.tui.screens.study_typed import NOTHING_TYPED_SHOW, SPACE_ON_EMPTY
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.widgets.answers import ChoicePicker, KeyPointChecklist, NumberAnswer
from quiz.tui.widgets.verdict_view import VerdictView
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    SOLUTION,
    WRONG,
    AppFactory,
    FakeClock,
    Recorder,
    mock_clock_running,
    notices,
    open_first_drill,
    press,
    press_card_keys,
    screen_lines,
    settle,
    showing,
)
from tests.tui.test_drill import editor_of, grade_now
from tests.tui.test_footer import described


async def _pass_the_drill_until_it_is_due(build: AppFactory, clock: FakeClock) -> None:
    """Pass tiny-sgd outside a session (its first review), then move the clock past its due."""
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        editor_of(screen).load_text(SOLUTION)
        await grade_now(app, pilot)
        state = app.workspace.store.card_state("tiny-sgd")
        assert state is not None  # the pass counted for the schedule
        review = app.workspace.store.reviews(card_id="tiny-sgd")
        assert [(r.rating, r.mode) for r in review] == [(int(Rating.Good), "due")]
        due = state.due
    clock.moment = due + timedelta(seconds=1)


async def test_a_drill_review_left_untouched_keeps_the_previous_code(
    build: AppFactory, clock: FakeClock
) -> None:
    """A review opens on the starter; leaving it without typing saved the starter, which
    deleted the draft: the code from before the review, ctrl+o's, was gone for good."""
    await _pass_the_drill_until_it_is_due(build, clock)
    app = build(study=StudyRequest(kind="coding"))
    async with app.run_test() as pilot:
        await showing(pilot, StudyScreen)
        await press(pilot, "enter")
        drill = await showing(pilot, DrillScreen)
        await press(pilot, "escape")  # a look at the task, nothing typed
        await showing(pilot, StudyScreen)
        await press(pilot, "enter")
        again = await showing(pilot, DrillScreen)
        assert again is not drill
        assert again.sitting.previous_code == SOLUTION
        await press(pilot, "ctrl+o")
        await settle(pilot)
        assert editor_of(again).text == SOLUTION


async def test_a_drill_passed_outside_a_session_is_reviewed_from_the_starter(
    build: AppFactory, clock: FakeClock
) -> None:
    await _pass_the_drill_until_it_is_due(build, clock)
    app = build(study=StudyRequest(kind="coding"))
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None
        assert study.card.id == "tiny-sgd"  # due again, not new
        await press(pilot, "enter")
        await settle(pilot)
        drill = await showing(pilot, DrillScreen)
        card = drill.sitting.card
        assert editor_of(drill).text == starter_text(card)  # recall, not the old answer
        assert drill.sitting.previous_code == SOLUTION
        await press(pilot, "ctrl+o")  # the previous code is one key away
        await settle(pilot)
        assert editor_of(drill).text == SOLUTION


async def test_leaving_a_failed_drill_skips_and_give_up_is_again(
    build: AppFactory, recorder: Recorder
) -> None:
    app = build(study=StudyRequest(mode="cram"))
    async with app.run_test(message_hook=recorder) as pilot:
        study = await showing(pilot, StudyScreen)
        for _ in range(3):
            if study.card is not None and study.card.kind == "coding":
                break
            await press_card_keys(pilot, "s")  # skip: nothing logged
            await settle(pilot)
        assert app.workspace.store.review_count() == 0
        await press(pilot, "enter")
        await settle(pilot)
        drill = await showing(pilot, DrillScreen)
        editor_of(drill).load_text(WRONG)
        await grade_now(app, pilot)
        await press(pilot, "escape")  # leaving after a failed run is a skip, not Again
        await settle(pilot)
        assert isinstance(app.screen, StudyScreen) and app.screen is study
        assert recorder.of(StudyScreen.AnswerGraded) == []
        assert study.card is not None and study.card.kind != "coding"
        await open_first_drill(pilot, study)
        await press(pilot, "ctrl+g", "y")  # give up, confirmed
        await settle(pilot)
        graded = recorder.of(StudyScreen.AnswerGraded)
        assert [(g.answer.card.id, g.answer.rating) for g in graded] == [("tiny-sgd", Rating.Again)]


async def test_number_keys_tick_points_and_the_rubric_is_on_screen_at_80x24(
    build: AppFactory, recorder: Recorder
) -> None:
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        screen = await showing(pilot, StudyScreen)
        await press(pilot, "space")
        await settle(pilot)
        checklist = screen.query_one(KeyPointChecklist)
        region = screen.query_one("#study-rubric").region  # the points' box, its border
        assert region.height >= 3 + 2 and region.bottom <= 24 - 2  # points + border, above status
        await press(pilot, "3")
        assert checklist.selected == frozenset({2})
        await press(pilot, "1", "3")  # 3 again unticks the third
        assert checklist.selected == frozenset({0})
        await press(pilot, "enter")
        status = str(screen.query_one("#study-status").render())
        assert "enter takes Again" in status
        ratings = screen.query_one("#study-ratings")
        shown = str(ratings.render())
        assert " 1  Again" in shown and " 4  Easy" in shown
        assert ratings.region.bottom <= 24 - 1  # above the footer, on screen
        await press(pilot, "backspace", "2", "enter", "enter")  # 2 of 3 points: Hard
        await settle(pilot)
        assert [g.answer.rating for g in recorder.of(StudyScreen.AnswerGraded)] == [Rating.Hard]


async def test_rating_preview_matches_fsrs_without_changing_anything(
    build: AppFactory, clock: FakeClock
) -> None:
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test() as pilot:
        screen = await showing(pilot, StudyScreen)
        await press(pilot, "space", "enter")
        store = app.workspace.store
        spans = preview_intervals(
            store, Scheduler(enable_fuzzing=False), "what-is-relu", now=clock()
        )
        assert spans[Rating.Again] < spans[Rating.Good] < spans[Rating.Easy]
        assert screen.preview() == " · ".join(
            f"{int(r)} {r.name} {format_interval(spans[r])}" for r in Rating
        )
        bar = screen.query_one("#study-ratings")
        assert bar.display
        shown = str(bar.render())  # the rating keys, each with fsrs's interval
        for r in Rating:
            assert f" {int(r)}  {r.name} {format_interval(spans[r])} " in shown
        assert store.card_state("what-is-relu") is None and store.review_count() == 0
        await press(pilot, "3")
        await settle(pilot)
        state = store.card_state("what-is-relu")
        assert state is not None and state.due - clock() == spans[Rating.Good]
        assert not bar.display  # the next card starts in its question phase


async def test_mock_hides_feedback_until_the_summary(build: AppFactory, recorder: Recorder) -> None:
    app = build(study=StudyRequest(mode="mock", kind="choice", limit=1))
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, StudyScreen)
        await press(pilot, "1", "enter")
        await settle(pilot)
        assert not screen.query("#feedback")
        done = await showing(pilot, SummaryScreen)
        assert [q.answered for q in done.summary.questions] == [True]


async def test_mock_clock_stops_a_drill_and_its_grade_counts(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    app = build(study=StudyRequest(mode="mock", kind="coding", minutes=1))
    async with app.run_test(message_hook=recorder) as pilot:
        await mock_clock_running(pilot, await showing(pilot, StudyScreen))
        await press(pilot, "enter")
        await settle(pilot)
        drill = await showing(pilot, DrillScreen)
        editor_of(drill).load_text(SOLUTION)
        await grade_now(app, pilot)
        clock.advance(61)
        drill.query_one("#drill-clock").tick()  # type: ignore[attr-defined]
        await settle(pilot)
        await settle(pilot)
        assert drill.time_up and not drill.check_action("grade", ())
        done = await showing(pilot, SummaryScreen)
        questions = done.summary.questions
        assert [(q.card_id, q.answered, q.correct) for q in questions] == [("tiny-sgd", True, True)]


async def test_reset_clears_the_old_verdict_and_escape_leaves_from_the_editor(
    build: AppFactory,
) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test() as pilot:
        screen = await showing(pilot, DrillScreen)
        editor_of(screen).load_text(SOLUTION)
        await grade_now(app, pilot)
        assert "PASSED" in str(screen.query_one("#verdict-status").render())
        await press(pilot, "ctrl+n", "y")
        await settle(pilot)
        assert "PASSED" not in str(screen.query_one("#verdict-status").render())
        assert not screen.query_one(VerdictView).query_one("#verdict-cases").display
        await press(pilot, "ctrl+a")
        editor = screen.query_one("#editor", TextArea)
        assert editor.selected_text == editor.text
        assert editor.has_focus
        await press(pilot, "escape")
        await settle(pilot)
        assert not isinstance(app.screen, DrillScreen)


async def test_typed_powers_are_numbers(build: AppFactory, recorder: Recorder) -> None:
    app = build(study=StudyRequest(mode="cram", kind="numeric"))
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, StudyScreen)
        await press(pilot, *"0.25^y", "enter")
        status = str(screen.query_one("#study-status").render())
        assert status.startswith("'y' is not part of a number such as"), status
        assert "0.5^10" in status and "float" not in status
        screen.query_one(NumberAnswer).value = ""
        await press(pilot, *"0.5^2", "enter")
        await settle(pilot)
        answer = recorder.of(StudyScreen.AnswerGraded)[0].answer
        assert answer.correct  # 0.5^2 = 0.25, the card's answer


@pytest.mark.parametrize(
    ("typed", "echoed", "correct"),
    [
        ("1e-6", "You typed 1e-6; the answer is 0.25 ± 0.001.", False),
        ("  25e-2 ", "You typed 25e-2; the answer is 0.25 ± 0.001.", True),
        ("1/4", "You typed 1/4 (= 0.25); the answer is 0.25 ± 0.001.", True),
    ],
)
async def test_the_feedback_echoes_the_number_as_typed(
    build: AppFactory, recorder: Recorder, typed: str, echoed: str, correct: bool
) -> None:
    """ "1e-6" was echoed "You typed 1e-06" (Python's `:g`); the grading is unchanged."""
    app = build(study=StudyRequest(mode="cram", kind="numeric"))
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, StudyScreen)
        screen.query_one(NumberAnswer).value = typed
        await press(pilot, "enter")
        await settle(pilot)
        assert recorder.of(StudyScreen.AnswerGraded)[0].answer.correct is correct
        assert echoed in str(screen.query_one("#feedback", Static).render())


async def test_shuffled_choices_are_graded_by_the_option_not_its_position(
    build: AppFactory, recorder: Recorder
) -> None:
    app = build(study=StudyRequest(mode="cram", kind="choice"), settings=Settings())
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, StudyScreen)
        assert screen.card is not None
        front = screen.card.front
        assert isinstance(front, ChoiceFront)
        assert screen.order != list(range(len(front.choices)))  # the seeded rng moved them
        picker = screen.query_one(ChoicePicker)
        assert picker.choices == tuple(inline_pieces(front.choices[i]) for i in screen.order)
        wrong = next(p for p, i in enumerate(screen.order) if i not in front.correct)
        await press(pilot, str(wrong + 1), "enter")
        await settle(pilot)
        assert not recorder.of(StudyScreen.AnswerGraded)[0].answer.correct
        assert picker.correct == frozenset(screen.order.index(i) for i in front.correct)
        await press(pilot, "enter")  # next: the same card, requeued after Again, reshuffled
        await settle(pilot)
        assert screen.card is not None and screen.card.kind == "choice"
        right = screen.order.index(next(iter(front.correct)))
        await press(pilot, str(right + 1), "enter")
        await settle(pilot)
        assert recorder.of(StudyScreen.AnswerGraded)[1].answer.correct


async def test_home_follows_new_per_day_and_bury_takes_a_card_out(
    build: AppFactory, clock: FakeClock
) -> None:
    app = build(settings=Settings(new_per_day=2, shuffle_choices=False))
    async with app.run_test() as pilot:
        summary = str(app.screen.query_one("#home-summary").render())
        assert "2 new today" in summary and "4 new + 0 learning + 0 review = 4 cards" in summary
        await press(pilot, "d")
        await settle(pilot)
        study = await showing(pilot, StudyScreen)
        assert study.session.remaining == 2
        await press(pilot, "x")  # suspend the first card
        await settle(pilot)
        assert study.session.remaining == 2  # the next new card takes its place
        assert study.card is not None and study.card.kind == "numeric"
        # out of the number card's box, the session's end, the summary's
        await press(pilot, "escape", "escape", "escape")
        await settle(pilot)
        summary = str(app.screen.query_one("#home-summary").render())
        assert "3 new + 0 learning + 0 review + 1 suspended = 4 cards" in summary
        assert "2 new today" in summary  # suspending introduced nothing


async def test_the_palette_searches_the_full_text(build: AppFactory) -> None:
    from tests.tui.test_home import palette_results

    app = build()
    async with app.run_test() as pilot:
        await press(pilot, "ctrl+p")
        # "keep_prob" is only in the options of the dropout card, not in any title or id
        assert await palette_results(app, pilot, "keep_prob") == 1
        await press(pilot, "enter")
        await settle(pilot)
        study = await showing(pilot, StudyScreen)
        assert study.card is not None
        assert study.card.id == "dropout-inference"


@pytest.mark.parametrize("key", ["x", "b"])
async def test_bury_and_suspend_reach_the_screen_once_escape_leaves_the_number_box(
    build: AppFactory, key: str
) -> None:
    """In the box the letter is typed (an answer may start with one: sqrt, ln); escape
    leaves the box, and then it buries or suspends."""
    app = build(study=StudyRequest(kind="numeric"))
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None
        box = study.query_one(NumberAnswer)
        assert box.has_focus and box.value == ""
        card, before = study.card.id, study.session.remaining
        await press(pilot, key)
        await settle(pilot)
        assert box.value == key and study.session.remaining == before
        box.value = ""
        await press(pilot, "escape", key)
        await settle(pilot)
        assert study.session.remaining == before - 1
        flag = app.workspace.store.card_flags()[card]
        assert flag.suspended is (key == "x")
        assert (flag.buried_until is not None) is (key == "b")


async def test_a_wrong_answer_without_learning_steps_does_not_come_back_today(
    build: AppFactory,
) -> None:
    """`learning_steps = ""`: fsrs schedules the missed card a day out, so the due session
    moves on to its summary instead of asking it again a moment later."""
    app = build(study=StudyRequest(kind="numeric"))
    app.workspace.scheduler = Scheduler(
        learning_steps=(), relearning_steps=(), enable_fuzzing=False
    )
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None
        assert study.session.progress == (0, 1)
        await press(pilot, *"0.3", "enter")  # wrong: Again, due tomorrow
        await settle(pilot)
        assert study.session.progress == (1, 1)
        await press(pilot, "enter")
        await settle(pilot)
        done = await showing(pilot, SummaryScreen)
        summary = done.summary
        assert (summary.planned, summary.answers, summary.cards_reviewed) == (1, 1, 1)
        assert app.workspace.store.review_count() == 1


async def test_undo_and_help_reach_the_screen_from_the_empty_number_box(
    build: AppFactory,
) -> None:
    """On a numeric card u undoes the last answer once escape has left the box, and ? opens
    help from the empty box, as on any card (the box used to type them)."""
    app = build(study=StudyRequest(kind="numeric"))
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None
        await press(pilot, *"0.3", "enter")  # wrong: requeued in a due session
        await settle(pilot)
        await press(pilot, "enter")
        await settle(pilot)
        box = study.query_one(NumberAnswer)
        assert study.phase == "question" and box.has_focus and box.value == ""
        assert len(study.session.answers) == 1
        await press(pilot, "escape", "u")
        await settle(pilot)
        assert study.session.answers == [] and study.query_one(NumberAnswer).value == ""
        assert study.query_one(NumberAnswer).has_focus  # the card back, ready to type
        await press(pilot, "question_mark")
        await settle(pilot)
        await showing(pilot, HelpScreen)


async def test_a_burst_of_keys_is_judged_in_order(build: AppFactory) -> None:
    """Keys typed faster than the app draws (or pasted as keys) reach the box in order:
    the x of "10x" finds "10" in the box and is typed, not taken as suspend."""
    app = build(study=StudyRequest(kind="numeric"))
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None
        card = study.card.id
        for character in "10x":
            app.post_message(events.Key(character, character))  # no pause between keys
        await settle(pilot)
        assert study.query_one(NumberAnswer).value == "10x"
        assert app.workspace.store.card_flags().get(card) is None


async def test_enter_twice_on_a_coding_card_opens_one_drill(build: AppFactory) -> None:
    """Both enters arrive before the first has opened the drill (the driver read them in
    one go): one drill editor opens, not a second over the first."""
    app = build(study=StudyRequest(kind="coding"))
    async with app.run_test() as pilot:
        await showing(pilot, StudyScreen)
        for _ in range(2):
            app.post_message(events.Key("enter", "\r"))  # no pause between keys
        await settle(pilot)
        drill = await showing(pilot, DrillScreen)
        assert sum(isinstance(s, DrillScreen) for s in app.screen_stack) == 1
        assert editor_of(drill).text == starter_text(drill.sitting.card)


async def test_an_enter_pressed_before_the_drill_was_shown_does_not_reach_its_editor(
    build: AppFactory,
) -> None:
    """On a loaded machine the second enter of a quick double press is handled after the
    drill's editor has the focus: it was typed before the editor was on screen, so it is
    dropped, not a blank line at the top of the code. An enter typed afterwards is typed."""
    app = build(study=StudyRequest(kind="coding"))
    async with app.run_test() as pilot:
        await showing(pilot, StudyScreen)
        early = events.Key("enter", "\r")  # pressed now, its time stamped now ...
        app.post_message(events.Key("enter", "\r"))
        drill = await showing(pilot, DrillScreen)
        await settle(pilot)
        editor = editor_of(drill)
        assert editor.has_focus
        app.post_message(early)  # ... and handled once the editor is shown
        await settle(pilot)
        starter = starter_text(drill.sitting.card)
        assert editor.text == starter
        await press(pilot, "enter")  # pressed on the editor: a new line, as ever
        assert editor.text == "\n" + starter


@pytest.mark.parametrize("typed", ["10x", "64 mib", "3 s"])
async def test_letters_typed_after_a_number_stay_in_the_box(
    build: AppFactory, recorder: Recorder, typed: str
) -> None:
    """s, b and x are typed into the box, not skip, bury and suspend: "10x" (ten times) or
    a unit typed after the number is refused as an answer, and the card stays."""
    app = build(study=StudyRequest(kind="numeric"))
    async with app.run_test(message_hook=recorder) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None
        box = study.query_one(NumberAnswer)
        card, before = study.card.id, study.session.remaining
        await press(pilot, *typed)
        await settle(pilot)
        assert box.value == typed
        assert study.session.remaining == before and study.card.id == card
        assert app.workspace.store.card_flags().get(card) is None
        assert not {"b", "x"} & set(study.active_bindings)  # gone from the footer
        await press(pilot, "enter")
        await settle(pilot)
        assert recorder.of(StudyScreen.AnswerGraded) == []
        assert "is not part of" in str(study.query_one("#study-status").render())
        box.value = ""
        await settle(pilot)
        assert not {"b", "x"} & set(study.active_bindings)  # the empty box takes them too
        await press(pilot, "escape")
        await settle(pilot)
        assert {"b", "x"} <= set(study.active_bindings)  # out of the box: the card's keys


async def test_s_on_the_last_card_says_there_is_nothing_to_skip_to(
    build: AppFactory, recorder: Recorder
) -> None:
    """The last card's hint said "s skips it for now"; s did nothing visible and the footer
    left it out. It is in the footer now and says the card starts again (its time with it:
    tests/tui/test_skip_last_card_time.py)."""
    app = build(study=StudyRequest(mode="cram", card_ids=("tiny-sgd",)))
    async with app.run_test(size=(80, 24), notifications=True, message_hook=recorder) as pilot:
        screen = await showing(pilot, StudyScreen)
        assert screen.session.remaining == 1
        assert "s skips it" in str(screen.query_one("#study-status", Static).render())
        assert "Skip" in described(app) and not described(app)["Skip"], "listed, enabled"
        await press(pilot, "s")
        await settle(pilot)
        assert LAST_CARD in notices(recorder)  # app._notifications drops it after 5 s
        assert app.screen is screen and screen.session.remaining == 1


async def test_enter_on_an_empty_number_box_says_what_to_do_and_the_cards_keys_stay(
    build: AppFactory,
) -> None:
    """An Anki user's space went into a number card's box, and enter said "' ' is not a
    number". Enter on an empty box says to type one or show the answer with space, and b
    still buries the card once escape has left the box."""
    app = build(study=StudyRequest(kind="numeric"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, StudyScreen)
        assert screen.card is not None
        card = screen.card.id
        await press(pilot, "enter")
        status = str(screen.query_one("#study-status").render())
        assert status == NOTHING_TYPED_SHOW, status
        assert len(status) <= 78  # one line inside the padding at 80 columns
        await press(pilot, "escape", "b")  # out of the box: the card's key
        await settle(pilot)
        flag = app.workspace.store.card_flags().get(card)
        assert flag is not None and flag.buried_until is not None


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_space_on_an_empty_number_box_shows_the_answer_as_a_miss_and_undo_takes_it_back(
    build: AppFactory, recorder: Recorder, size: tuple[int, int]
) -> None:
    """A number card could only be got past by typing a number: an Anki user who does not
    know it presses space to see the answer. The first space on the empty box rates
    nothing and says what to do (one space rated Again at once, thirty-seventh round and
    before); a second shows the answer, counted as Again (a wrong number's rating), the
    footer says so, and u takes it back."""
    app = build(study=StudyRequest(kind="numeric"))
    async with app.run_test(size=size, message_hook=recorder) as pilot:
        screen = await showing(pilot, StudyScreen)
        assert screen.card is not None
        card = screen.card.id
        assert described(app).get("Show answer") is False  # in the footer, enabled
        await press(pilot, "space")
        await settle(pilot)
        assert recorder.of(StudyScreen.AnswerGraded) == []
        assert app.workspace.store.reviews(card_id=card) == []
        assert (screen.phase, screen.card.id) == ("question", card)
        assert str(screen.query_one("#study-status").render()) == SPACE_ON_EMPTY
        assert len(SPACE_ON_EMPTY) <= 78  # one line inside the padding at 80 columns
        await press(pilot, "space")
        await settle(pilot)
        answer = recorder.of(StudyScreen.AnswerGraded)[0].answer
        assert (answer.card.id, answer.correct, answer.rating) == (card, False, Rating.Again)
        assert [r.rating for r in app.workspace.store.reviews(card_id=card)] == [int(Rating.Again)]
        feedback = str(screen.query_one("#feedback", Static).render())
        assert feedback.startswith("Shown  The answer is 0.25 ± 0.001 (not answered: counted as")
        assert "Wrong" not in feedback  # no answer was given, so none was wrong
        assert screen.phase == "feedback"
        await press(pilot, "u")
        await settle(pilot)
        assert app.workspace.store.reviews(card_id=card) == []
        assert (screen.phase, screen.card.id) == ("question", card)
        box = screen.query_one(NumberAnswer)
        await press(pilot, *"0.2", "space")  # once typed, a space is the box's
        await settle(pilot)
        assert (box.value, screen.phase) == ("0.2 ", "question")
        assert "Show answer" not in described(app)


async def test_an_empty_box_rates_nothing_until_told_and_typing_asks_again(
    build: AppFactory, recorder: Recorder
) -> None:
    """Enter on the empty box says space shows the answer: one space then does. A number
    typed and erased takes back what was told: the next space only says it again."""
    app = build(study=StudyRequest(kind="numeric"))
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        screen = await showing(pilot, StudyScreen)
        await press(pilot, "enter")
        await settle(pilot)
        assert recorder.of(StudyScreen.AnswerGraded) == []
        await press(pilot, "1", "backspace", "space")  # typed, erased: told nothing yet
        await settle(pilot)
        assert recorder.of(StudyScreen.AnswerGraded) == []
        assert str(screen.query_one("#study-status").render()) == SPACE_ON_EMPTY
        await press(pilot, "enter", "space")  # told by enter: space shows it
        await settle(pilot)
        graded = recorder.of(StudyScreen.AnswerGraded)
        assert [(g.answer.correct, g.answer.rating) for g in graded] == [(False, Rating.Again)]


async def test_a_long_refusal_of_a_typed_number_is_read_whole_at_80_columns(
    build: AppFactory,
) -> None:
    """At 80x24 "'abc' is not a number: 'abc' is not part of a number such as 0.25, 1e-3,
    25%," was all a new user read: the hint under the card had one row and cut the rest,
    the forms the box takes. The hint now takes the rows it needs."""
    app = build(study=StudyRequest(kind="numeric"))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        await press(pilot, "a", "b", "c", "enter")
        await settle(pilot)
        status = str(study.query_one("#study-status").render())
        assert status.endswith("ln 2 or 0.5^10"), status  # the refusal ends with the forms
        drawn = " ".join(" ".join(line.text.split()) for line in screen_lines(app))
        assert "√128, sqrt(128), ln 2 or 0.5^10" in drawn, drawn
