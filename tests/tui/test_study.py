"""Pilot tests of study sessions: every card kind, undo, the mock clock, the summary."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from fsrs import Rating
from rich.style import Style
from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets._footer import FooterKey
from textual.widgets._toast import Toast

from quiz.bank.models import Card
from quiz.study import Session
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.study_drill import DRILL_SPACE
from quiz.tui.screens.study_moves import SKIPPED
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.widgets.answers import ChoicePicker, KeyPointChecklist, NumberAnswer
from quiz.tui.widgets.clock import MockClock
from quiz.tui.widgets.footer import KeysFooter
from quiz.tui.widgets.study_columns import ANSWER_ROWS
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    AppFactory,
    FakeClock,
    Recorder,
    mock_clock_running,
    notices,
    press,
    press_card_keys,
    screen_lines,
    settle,
    showing,
    wait_until,
)


async def test_concept_reveal_tick_and_rate(build: AppFactory, recorder: Recorder) -> None:
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, StudyScreen)
        assert screen.card is not None and screen.card.id == "what-is-relu"
        await press(pilot, "3")  # rating before the reveal does nothing
        assert recorder.of(StudyScreen.AnswerGraded) == []
        await press(pilot, "space")
        assert screen.phase == "revealed"
        checklist = screen.query_one(KeyPointChecklist)
        assert checklist.has_focus
        await press(pilot, "1", "2")
        assert len(checklist.selected) == 2
        assert "2/3 ticked" in str(screen.query_one("#study-status").render())
        await press(pilot, "enter", "2")  # enter: from ticking to the rating keys
        await settle(pilot)
        graded = recorder.of(StudyScreen.AnswerGraded)
        assert [g.answer.rating for g in graded] == [Rating.Hard]
        assert app.workspace.store.review_count() == 1
        # Hard leaves the new card in its first learning step, due today: it comes back
        assert screen.card is not None and screen.card.id == "what-is-relu"
        assert not screen.query(KeyPointChecklist), "asked again, its answer not shown"
        await press(pilot, "escape")  # a due session ends at once
        summary = await showing(pilot, SummaryScreen)
        assert summary.summary.cards_reviewed == 1


async def test_space_after_the_reveal_goes_on_to_rate_as_in_anki(
    build: AppFactory, recorder: Recorder
) -> None:
    """The footer and the status say digits tick and enter rates, but space ticked the
    highlighted point: an Anki user's space, pressed to rate Good, ticked points instead.
    Space now does what enter does after the reveal (the rating keys), then rates Good."""
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, StudyScreen)
        await press(pilot, "space")
        checklist = screen.query_one(KeyPointChecklist)
        await press(pilot, "space")
        assert checklist.selected == frozenset()
        assert screen.phase == "rating"
        assert "space: Good" in str(screen.query_one("#study-status").render())
        await press(pilot, "space")
        await settle(pilot)
        graded = recorder.of(StudyScreen.AnswerGraded)
        assert [g.answer.rating for g in graded] == [Rating.Good]


def _footer_displays(app: App[None]) -> dict[str, str]:
    """description -> key display, of the keys the footer shows."""
    return {key.description: key.key_display for key in app.screen.query(FooterKey)}


async def test_the_footer_shows_the_cards_own_tick_keys(build: AppFactory) -> None:
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test() as pilot:
        screen = await showing(pilot, StudyScreen)
        await press(pilot, "space")
        checklist = screen.query_one(KeyPointChecklist)
        assert checklist.option_count == 3
        assert await wait_until(pilot, lambda: "Tick a point" in _footer_displays(app))
        assert _footer_displays(app)["Tick a point"] == "1-3"  # not the lint's maximum, 1-7
        await press(pilot, "7", "4")  # past the last point: nothing
        assert checklist.selected == frozenset() and screen.phase == "revealed"
        await press(pilot, "1", "3")
        assert checklist.selected == frozenset({0, 2})


class _Points(App[None]):
    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        yield KeyPointChecklist([[(f"point {n}", False)] for n in range(1, self.count + 1)])
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(KeyPointChecklist).focus()


@pytest.mark.parametrize(("count", "keys"), [(1, "1"), (2, "1-2"), (7, "1-7")])
async def test_the_tick_keys_shown_are_the_points_own(count: int, keys: str) -> None:
    app = _Points(count)
    async with app.run_test() as pilot:
        assert await wait_until(pilot, lambda: "Tick a point" in _footer_displays(app))
        assert _footer_displays(app)["Tick a point"] == keys
        checklist = app.query_one(KeyPointChecklist)
        assert checklist.heading == f"Key points you covered: {keys} tick"
        await press(pilot, "1", "9")
        assert checklist.selected == frozenset({0})


class _Options(App[None]):
    def __init__(self, count: int, *, multiple: bool) -> None:
        super().__init__()
        self.count = count
        self.multiple = multiple

    def compose(self) -> ComposeResult:
        options = [[(f"option {n}", False)] for n in range(1, self.count + 1)]
        yield ChoicePicker(options, multiple=self.multiple)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(ChoicePicker).focus()


@pytest.mark.parametrize(
    ("count", "multiple", "said"),
    [
        (4, False, ("1-4", "Pick one")),
        (6, True, ("1-6", "Toggle an option")),
        (1, False, ("1", "Pick one")),
    ],
)
async def test_the_footer_shows_the_options_own_pick_keys(
    count: int, multiple: bool, said: tuple[str, str]
) -> None:
    """A choice card's footer said only "⏎ Submit": the digits that pick were in no footer
    and no help, where a concept card's said "1-3 Tick a point"."""
    app = _Options(count, multiple=multiple)
    async with app.run_test() as pilot:
        keys, description = said
        assert await wait_until(pilot, lambda: description in _footer_displays(app))
        assert _footer_displays(app)[description] == keys
        assert len([d for d in _footer_displays(app) if d.startswith(("Pick", "Toggle"))]) == 1
        picker = app.query_one(ChoicePicker)
        await press(pilot, "1", "9")  # 9 is past the last option: nothing
        assert picker.picked == frozenset({0})
        await press(pilot, str(count))
        assert picker.picked == (frozenset({0, count - 1}) if multiple else frozenset({count - 1}))


async def test_choice_right_then_next(build: AppFactory, recorder: Recorder) -> None:
    app = build(study=StudyRequest(kind="choice"))
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, StudyScreen)
        await press(pilot, "enter")  # nothing picked yet: not submitted
        assert recorder.of(ChoicePicker.AnswerSubmitted) == []
        await press(pilot, "1", "2", "enter")  # one-answer card: 2 replaces 1
        await settle(pilot)
        assert [m.picked for m in recorder.of(ChoicePicker.AnswerSubmitted)] == [frozenset({1})]
        answer = recorder.of(StudyScreen.AnswerGraded)[0].answer
        assert answer.correct and answer.rating == Rating.Good
        assert screen.phase == "feedback"
        assert "Right" in str(screen.query_one("#feedback").render())
        await press(pilot, "space")
        await settle(pilot)
        # right is Good: the new card goes to its 10-minute learning step and comes back
        assert screen.card is not None and screen.card.id == "dropout-inference"
        await press(pilot, "2", "enter", "space")  # right in the last step: graduated
        await settle(pilot)
        summary = await showing(pilot, SummaryScreen)
        assert (summary.summary.answers, summary.summary.cards_reviewed) == (2, 1)


async def test_choice_wrong_is_again_and_comes_back(build: AppFactory, recorder: Recorder) -> None:
    app = build(study=StudyRequest(kind="choice"))
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, StudyScreen)
        await press(pilot, "3", "enter")
        await settle(pilot)
        answer = recorder.of(StudyScreen.AnswerGraded)[0].answer
        assert not answer.correct and answer.rating == Rating.Again
        assert "Wrong" in str(screen.query_one("#feedback").render())
        await press(pilot, "enter")
        await settle(pilot)
        # rated Again: the card is requeued in a due session
        await showing(pilot, StudyScreen)
        assert screen.card is not None and screen.card.id == "dropout-inference"
        assert screen.phase == "question"


async def test_numeric_typed_answers(build: AppFactory, recorder: Recorder) -> None:
    app = build(study=StudyRequest(mode="cram", kind="numeric"))
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, StudyScreen)
        assert screen.query_one(NumberAnswer).has_focus
        await press(pilot, "a", "c", "enter")
        assert recorder.of(StudyScreen.AnswerGraded) == []
        said = str(screen.query_one("#study-status").render())
        assert said.startswith("'ac' is not part of a number such as"), said  # said once
        screen.query_one(NumberAnswer).value = ""
        await press(pilot, "2", "5", "%", "enter")
        await settle(pilot)
        answer = recorder.of(StudyScreen.AnswerGraded)[0].answer
        assert answer.correct
        assert "0.25" in str(screen.query_one("#feedback").render())
        review = app.workspace.store.reviews()[0]
        assert review.mode == "cram" and review.card_after is None  # cram leaves the schedule


async def test_numeric_out_of_tolerance_is_wrong(build: AppFactory, recorder: Recorder) -> None:
    app = build(study=StudyRequest(kind="numeric"))
    async with app.run_test(message_hook=recorder) as pilot:
        await press(pilot, *"0.3", "enter")
        await settle(pilot)
        answer = recorder.of(StudyScreen.AnswerGraded)[0].answer
        assert not answer.correct and answer.rating == Rating.Again


async def test_undo_restores_the_card(build: AppFactory, recorder: Recorder) -> None:
    app = build(study=StudyRequest(mode="cram"))
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, StudyScreen)
        first = screen.card
        assert first is not None and first.kind == "choice"
        await press(pilot, "2", "enter")
        await settle(pilot)
        assert app.workspace.store.review_count() == 1
        await press(pilot, "u")
        await settle(pilot)
        assert [m.answer.card.id for m in recorder.of(StudyScreen.AnswerUndone)] == [first.id]
        assert app.workspace.store.review_count() == 0
        assert screen.card is first and screen.phase == "question"
        assert screen.session.progress == (0, 4)


async def test_undo_restores_the_schedule_exactly(build: AppFactory, clock: FakeClock) -> None:
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test() as pilot:
        store = app.workspace.store
        assert store.card_state("what-is-relu") is None
        await press(pilot, "space", "enter", "4")
        await settle(pilot)
        assert store.card_state("what-is-relu") is not None
    # a second session: rate, undo, and the state equals the one before
    app = build(study=StudyRequest(mode="cram", kind="concept"))
    async with app.run_test() as pilot:
        store = app.workspace.store
        before = store.card_state("what-is-relu")
        await press(pilot, "space", "enter", "1", "u")
        await settle(pilot)
        assert store.card_state("what-is-relu") == before


async def test_escape_and_q_end_with_summary(build: AppFactory, recorder: Recorder) -> None:
    app = build(study=StudyRequest(mode="cram"))
    async with app.run_test(message_hook=recorder) as pilot:
        await press(pilot, "1", "enter", "space")
        await press_card_keys(pilot, "escape")  # out of a number card's box first
        await settle(pilot)
        ended = recorder.of(StudyScreen.SessionEnded)
        assert len(ended) == 1
        assert ended[0].summary.answers == 1 and ended[0].summary.planned == 4
        await showing(pilot, SummaryScreen)
        await press(pilot, "escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        await press(pilot, "c")  # cram from Home, then q ends it
        await settle(pilot)
        await showing(pilot, StudyScreen)
        await press_card_keys(pilot, "q")
        await settle(pilot)
        assert len(recorder.of(StudyScreen.SessionEnded)) == 2


async def test_mock_clock_runs_out(build: AppFactory, clock: FakeClock, recorder: Recorder) -> None:
    app = build(study=StudyRequest(mode="mock", limit=3, minutes=2))
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, StudyScreen)
        await mock_clock_running(pilot, screen)
        assert str(screen.query_one("#study-clock").render()) == "⏱ 02:00"
        clock.advance(50)
        screen.tick()
        assert str(screen.query_one("#study-clock").render()) == "⏱ 01:10"
        assert not screen.query_one("#study-clock").has_class("-urgent")
        clock.advance(20)
        screen.tick()
        assert screen.query_one("#study-clock").has_class("-urgent")
        clock.advance(60)
        screen.tick()
        await settle(pilot)
        ended = recorder.of(StudyScreen.SessionEnded)
        assert len(ended) == 1
        summary = ended[0].summary
        assert summary.mode == "mock" and summary.planned == 3 and summary.answers == 0
        assert summary.seconds == 120  # capped at the limit
        assert [q.answered for q in summary.questions] == [False, False, False]
        await showing(pilot, SummaryScreen)


async def test_mock_clock_starts_when_the_first_question_is_drawn(
    build: AppFactory, clock: FakeClock
) -> None:
    """The mock's time ran from the session's creation: under load about 3 s went on
    building the first screen, and the candidate first saw 01:57 of 2 minutes. It runs from
    the first frame with the question on it now."""
    app = build(study=StudyRequest(mode="mock", limit=3, minutes=2))
    ws = app.workspace
    card_of = ws.session_card

    def slow_card(session: Session) -> Card | None:  # the first screen takes 3 s to build
        clock.advance(3)
        return card_of(session)

    ws.session_card = slow_card  # type: ignore[method-assign]
    async with app.run_test() as pilot:
        screen = await showing(pilot, StudyScreen)
        await mock_clock_running(pilot, screen)
        await settle(pilot)
        ws.session_card = card_of  # type: ignore[method-assign]
        assert str(screen.query_one("#study-clock").render()) == "⏱ 02:00"
        clock.advance(50)
        screen.tick()
        assert str(screen.query_one("#study-clock").render()) == "⏱ 01:10"


async def test_mock_answer_after_time_is_refused(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    app = build(study=StudyRequest(mode="mock", limit=2, minutes=1, kind="concept"))
    async with app.run_test(message_hook=recorder) as pilot:
        await press(pilot, "space", "enter")
        study = await showing(pilot, StudyScreen)
        await mock_clock_running(pilot, study)
        assert study.phase == "rating"
        # The rating itself must find the time is up, before the clock's once-a-second tick
        # does: the action runs in this task right after the advance, with no turn of the
        # loop between them for the tick. Pressed as keys, a tick under load sometimes came
        # first, ended the mock, and the "enter" meant for the rating left the summary.
        clock.advance(61)
        await app.run_action("screen.rate(3)")
        await showing(pilot, SummaryScreen)
        assert recorder.of(StudyScreen.AnswerGraded) == []
        assert app.workspace.store.review_count() == 0


async def test_drill_in_a_session_is_rated_by_its_verdict(
    build: AppFactory, recorder: Recorder
) -> None:
    from textual.widgets import TextArea

    from quiz.tui.screens.drill import DrillScreen
    from tests.tui.conftest import SOLUTION

    app = build(study=StudyRequest(kind="coding"))
    async with app.run_test(message_hook=recorder) as pilot:
        await press(pilot, "enter")
        await settle(pilot)
        await showing(pilot, DrillScreen)
        await press(pilot, "escape")  # leave without grading: no answer
        await settle(pilot)
        await showing(pilot, StudyScreen)
        assert recorder.of(StudyScreen.AnswerGraded) == []
        await press(pilot, "enter")
        await settle(pilot)
        again = await showing(pilot, DrillScreen)
        again.query_one("#editor", TextArea).load_text(SOLUTION)
        await press(pilot, "ctrl+t", "ctrl+r")
        await app.workers.wait_for_complete()
        await settle(pilot)
        await press(pilot, "escape")
        await settle(pilot)
        answer = recorder.of(StudyScreen.AnswerGraded)[0].answer
        assert answer.correct and answer.rating == Rating.Hard  # passed after a hint
        said = "A gradient-descent step: passed with hints (1 hint seen since the last pass) → Hard"
        assert said in notices(recorder)  # as the drill list will call it
        study = app.screen
        attempts = app.workspace.store.attempts(card_id="tiny-sgd")
        assert [(a.status, a.hints_used) for a in attempts] == [("passed", 1)]
        assert attempts[0].session_id is not None  # logged against the session
        # Hard leaves the new drill in its first learning step, due today: it comes back
        assert isinstance(study, StudyScreen)
        assert study.card is not None and study.card.id == "tiny-sgd"
        await press(pilot, "escape")
        await showing(pilot, SummaryScreen)


async def test_space_on_a_drill_says_enter_opens_it_and_never_opens_the_editor(
    build: AppFactory,
) -> None:
    """Space did nothing on a coding card, where it reveals every other card. It now says
    how a drill is answered; it does not open the editor, so a new user's second space
    (the first one moving on from an answered card) does not land in it: enter does."""
    from textual.widgets import Static

    from quiz.tui.screens.drill import DrillScreen

    app = build(study=StudyRequest(card_ids=("dropout-inference", "tiny-sgd")))
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        await press(pilot, "1", "enter")  # the choice card answered: its feedback
        await settle(pilot)
        assert study.phase == "feedback"
        await press(pilot, "space", "space")  # on to the drill, and space again
        await settle(pilot)
        assert study.card is not None and study.card.id == "tiny-sgd"
        assert app.screen is study and not any(
            isinstance(screen, DrillScreen) for screen in app.screen_stack
        )
        assert str(study.query_one("#study-status", Static).render()) == DRILL_SPACE
        await press(pilot, "enter")
        await settle(pilot)
        await showing(pilot, DrillScreen)


async def test_mock_time_up_during_a_drill_ends_after_it(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    from quiz.tui.screens.drill import DrillScreen

    app = build(study=StudyRequest(mode="mock", kind="coding", minutes=1))
    async with app.run_test(message_hook=recorder) as pilot:
        study = await showing(pilot, StudyScreen)
        await mock_clock_running(pilot, study)
        await press(pilot, "enter")
        await settle(pilot)
        drill = await showing(pilot, DrillScreen)
        assert str(drill.query_one("#drill-clock").render()) == "⏱ 01:00"
        clock.advance(90)
        # the drill's own clock closes the drill (no grading after the time), then the
        # session ends once
        drill.query_one(MockClock).tick()
        await settle(pilot)
        await settle(pilot)
        assert len(recorder.of(StudyScreen.SessionEnded)) == 1
        await showing(pilot, SummaryScreen)


async def test_page_keys_scroll_a_long_card(build: AppFactory, tui_bank: Path) -> None:
    card = tui_bank / "mini" / "basics" / "what-is-relu.md"
    card.write_text(card.read_text() + "\n" + "More detail.\n\n" * 60, encoding="utf-8")
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test() as pilot:
        await press(pilot, "space")
        await settle(pilot)
        body = app.screen.query_one("#study-body")
        # the answer's Markdown renders asynchronously, and focusing the key points may
        # scroll down to them: start from the top, whatever the timing
        assert await wait_until(pilot, lambda: body.max_scroll_y > 0)
        await settle(pilot)
        body.scroll_home(animate=False)
        await settle(pilot)
        start = body.scroll_y
        assert start < body.max_scroll_y
        await press(pilot, "pagedown")
        await settle(pilot)
        assert body.scroll_y > start
        assert app.screen.query_one(KeyPointChecklist).has_focus  # focus stays for ticking
        await press(pilot, "pageup")
        await settle(pilot)
        assert body.scroll_y == start


async def test_multi_answer_choice_toggles(
    build: AppFactory, tui_bank: Path, recorder: Recorder
) -> None:
    card = tui_bank / "mini" / "basics" / "dropout-inference.md"
    card.write_text(card.read_text().replace("answer: 1", "answer: [0, 2]"), encoding="utf-8")
    app = build(study=StudyRequest(kind="choice"))
    async with app.run_test(message_hook=recorder) as pilot:
        picker = app.screen.query_one(ChoicePicker)
        assert picker.multiple
        await press(pilot, "1", "2", "3", "2")  # 2 toggled on then off
        assert picker.picked == frozenset({0, 2})
        await press(pilot, "enter")
        await settle(pilot)
        assert recorder.of(StudyScreen.AnswerGraded)[0].answer.correct


def code_styles(widget: Widget, words: str) -> list[Style]:
    """The style of every drawn segment of `widget` (or its descendants) that holds `words`."""
    found: list[Style] = []
    for node in widget.walk_children(with_self=True):
        if not isinstance(node, Widget):
            continue
        for y in range(node.size.height):
            for segment in node.render_line(y):
                if words in segment.text and segment.style is not None:
                    found.append(segment.style)
    return found


def near(one: Style, other: Style) -> bool:
    """The same text colour, give or take the blending of a translucent colour over the
    widget's background (code's background is a tint of the background under it, and a
    focused picker's is lighter than the question's)."""
    if one.color is None or other.color is None:
        return False
    triplets = (one.color.get_truecolor(), other.color.get_truecolor())
    return all(abs(x - y) <= 4 for x, y in zip(*triplets, strict=True))


def drawn_text(widget: Widget) -> str:
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


@pytest.mark.parametrize("mode", ["cram", "mock"])
async def test_choice_options_show_inline_code_as_the_question_does(
    build: AppFactory, tui_bank: Path, mode: str
) -> None:
    """An option's `np.exp` was shown with its backticks, while the question above drew its
    inline code without them, in the code style: the options now draw code as it does (a
    mock interview shows the same options)."""
    card = tui_bank / "mini" / "basics" / "dropout-inference.md"
    text = card.read_text(encoding="utf-8")
    text = text.replace("  - Multiply activations by keep_prob", "  - Multiply by `keep_prob`")
    text = text.replace("what happens at inference time?", "what does `keep_prob` do at inference?")
    card.write_text(text, encoding="utf-8")
    app = build(study=StudyRequest(mode=mode, kind="choice"))  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, StudyScreen)
        await settle(pilot)
        picker = screen.query_one(ChoicePicker)
        assert "Multiply by keep_prob" in drawn_text(picker)
        assert "`" not in drawn_text(picker)
        question = code_styles(screen.query_one("#question"), "keep_prob")
        option = code_styles(picker, "keep_prob")
        assert question and option
        assert near(option[0], question[0]), (option[0], question[0])
        plain = code_styles(picker, "Multiply by")
        assert plain and plain[0].bgcolor != option[0].bgcolor  # the rest is not code


async def test_key_points_show_inline_code_as_the_answer_does(
    build: AppFactory, tui_bank: Path
) -> None:
    card = tui_bank / "mini" / "basics" / "what-is-relu.md"
    text = card.read_text(encoding="utf-8")
    text = text.replace("  - cheap to compute", "  - cheap as `np.maximum(0, z)`")
    text = text.replace("What does ReLU compute,", "What does `relu` compute,")
    card.write_text(text, encoding="utf-8")
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, StudyScreen)
        await press(pilot, "space")
        checklist = screen.query_one(KeyPointChecklist)
        await settle(pilot)
        assert "cheap as np.maximum(0, z)" in drawn_text(checklist)
        question = code_styles(screen.query_one("#question"), "relu")
        point = code_styles(checklist, "np.maximum")
        assert question and point
        assert near(point[0], question[0]), (point[0], question[0])
        plain = code_styles(checklist, "cheap as")
        assert plain and plain[0].bgcolor != point[0].bgcolor  # the rest is not code


async def test_a_run_of_skips_shows_one_notice_at_a_time(
    build: AppFactory, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each s stacked one more "Skipped" toast over the card (six skips, six toasts): a skip
    clears the last card's notices, the last skip's too, and says Skipped once more."""
    app = build(study=StudyRequest())
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)  # none goes by its timeout
    async with app.run_test(message_hook=recorder, notifications=True) as pilot:
        screen = await showing(pilot, StudyScreen)
        seen = []
        for _ in range(3):
            assert screen.card is not None
            seen.append(screen.card.id)
            await press_card_keys(pilot, "s")
        assert len(set(seen)) == 3, "each s moved on to another card"
        assert notices(recorder).count(SKIPPED) == 3, "each skip is said"
        assert await wait_until(pilot, lambda: bool(screen.query(Toast)))
        await settle(pilot)
        assert len(screen.query(Toast)) == 1, "one at a time"


LONG_CONCEPT = """---
id: long-answer
kind: concept
title: A long answer at 80x24
topic: long
difficulty: 1
source: tests
key_points:
  - the first key point, worded at length so that it wraps onto a second row at eighty columns
  - the second key point, worded at length so that it wraps onto a second row at eighty columns
  - the third key point, worded at length so that it wraps onto a second row at eighty columns
  - the fourth key point, worded at length so that it wraps onto a second row at eighty columns
  - the fifth key point, worded at length so that it wraps onto a second row at eighty columns
  - the sixth key point, worded at length so that it wraps onto a second row at eighty columns
---

## Question

A question of two rows at eighty columns: it asks for something that takes a few lines
to answer, and for the problems it has and how they are dealt with.

## Answer

answer-row-one holds the first line of the answer.

answer-row-two holds the second line of the answer.

answer-row-three holds the third line of the answer.

answer-row-four holds the fourth line of the answer.
""" + "".join(
    f"\nA further paragraph, number {n}, so the answer is longer than 40 rows.\n" for n in range(20)
)


@pytest.fixture
def long_concept(tmp_path: Path) -> Path:
    """A pack "long" with one concept card: a two-row question, a four-paragraph answer and
    six key points of two rows each at 80 columns."""
    root = tmp_path / "long-bank"
    pack = root / "long"
    (pack / "long").mkdir(parents=True)
    (pack / "pack.yaml").write_text(
        "title: Long\ndescription: A long answer.\nversion: 0.1.0\n", encoding="utf-8"
    )
    (pack / "long" / "long-answer.md").write_text(LONG_CONCEPT, encoding="utf-8")
    return root


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_revealed_answer_is_on_screen_above_its_key_points(
    build: AppFactory, long_concept: Path, size: tuple[int, int]
) -> None:
    """At 80x24 six two-row key points and the rating keys left the body five rows: the
    question and its margins filled them and not a line of the answer showed until pgdn.
    Revealed, the answer comes to the top of the body (pgup brings the question back), the
    question pinned over it, wrapped whole; at 120x40 the question stays on screen above it (the answer is longer than the body
    there too, and starts high enough)."""
    app = build(study=StudyRequest(mode="cram", pack="long"), extra=[long_concept])
    async with app.run_test(size=size) as pilot:
        await showing(pilot, StudyScreen)
        for phase in ("space", "enter"):  # revealed, then the rating keys under the card
            await press(pilot, phase)
            await settle(pilot)
            drawn = "\n".join(line.text for line in screen_lines(app))
            assert "Answer" in drawn
            assert "answer-row-one" in drawn and "answer-row-two" in drawn
            if phase == "space":  # the answer's title on the body's top row, no margin above
                assert "answer-row-three" in drawn
            # at 80x24 the fifth and sixth are a scroll away in the box, capped at half the
            # column so the answer keeps the rest, and whose border stays on screen
            assert ("the fifth key point" in drawn) is (size == (120, 40))
            assert ("the sixth key point" in drawn) is (size == (120, 40))
            assert (app.screen.query_one("#study-rubric").max_scroll_y > 0) is (size == (80, 24))
            # in view whole at 120x40; at 80x24 its first line pinned over the answer
            assert "A question of two rows" in drawn
            pinned = app.screen.query_one("#study-question-pin").display
            assert pinned is (size == (80, 24))
        await press(pilot, "pageup")
        drawn = "\n".join(line.text for line in screen_lines(app))
        assert "A question of two rows" in drawn


LONG_POINTS = [
    "ReLU passes a positive input through unchanged and outputs zero for every negative one",
    "Its derivative is 1 for a positive input and 0 for a negative one (undefined at zero)",
    "A unit whose input stays negative gets no gradient at all and may never recover",
    "It costs one comparison per element, far cheaper than an exponential in sigmoid or tanh",
    "It does not saturate for positive inputs, so deep stacks keep a usable gradient signal",
]
LONG_ANSWER = (
    "ReLU computes max(0, z) element by element: a positive input passes through as it is "
    "and a negative one becomes zero. Its derivative is 1 where the input is positive and 0 "
    "where it is negative; at zero frameworks pick 0.\n\n"
    "Because the positive side never saturates, gradients flowing back through many ReLU "
    "layers are not shrunk at every layer as they are by sigmoid or tanh, which is much of "
    "why deep networks became trainable with it.\n\n"
    "The price is the zero side: a unit whose pre-activation is negative for every input "
    "passes no gradient back, its weights stop changing, and it can stay dead for the rest "
    "of training. Leaky ReLU and its relatives keep a small slope there for that reason."
)


MORE_POINTS = [
    "Leaky ReLU keeps a small slope such as 0.01 on the negative side, so no unit goes dead",
    "Its output is not centred on zero, since every activation it passes on is zero or more",
]


def lengthen_relu(tui_bank: Path, points_given: Sequence[str] = LONG_POINTS) -> None:
    """The mini bank's ReLU card with five long key points (or `points_given`) and a long
    answer: at 80x24 the points take 12 rows of the screen, as a real card's do."""
    card = tui_bank / "mini" / "basics" / "what-is-relu.md"
    text = card.read_text(encoding="utf-8")
    head, answer = text.split("## Answer", 1)
    points = "".join(f"  - {point}\n" for point in points_given)
    head = head.replace(
        "  - max(0, z) elementwise\n  - gradient 1 for z > 0 and 0 for z < 0\n"
        "  - cheap to compute\n",
        points,
    )
    assert points in head
    card.write_text(f"{head}## Answer\n\n{LONG_ANSWER}\n", encoding="utf-8")


@pytest.mark.parametrize(("size", "scrolled"), [((80, 20), True), ((120, 40), False)])
async def test_a_revealed_answer_shows_rows_of_itself_at_80x24(
    build: AppFactory, tui_bank: Path, size: tuple[int, int], scrolled: bool
) -> None:
    """At 80x24 a card's five key points left the body 8 rows, and the question and the
    blank rows above the answer left 3 of them to the answer (since the points' box is
    capped at half the column the question stays at 80x24; 80x20 is that short). The
    question now scrolls out
    (one pgup away) when fewer than ANSWER_ROWS rows of the answer would show; at 120x40
    it stays in view."""
    lengthen_relu(tui_bank)
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test(size=size) as pilot:
        await showing(pilot, StudyScreen)
        await press(pilot, "space")
        await settle(pilot)
        body = app.screen.query_one("#study-body")
        title = body.query_one(".section-title")
        answer = body.query_one("#answer")
        assert await wait_until(pilot, lambda: answer.virtual_region.height > ANSWER_ROWS)
        await settle(pilot)
        height = body.scrollable_content_region.height
        answer_rows = height - (title.virtual_region.bottom - round(body.scroll_y))
        assert answer_rows >= ANSWER_ROWS
        assert (body.scroll_y > 0) is scrolled
        if scrolled:  # the answer's title is the top row, the question above it
            assert title.virtual_region.y == round(body.scroll_y)
            await press(pilot, "pageup")
            await settle(pilot)
            assert body.scroll_y == 0


def _rows_in_view(widget: Widget, scroller: Widget) -> range:
    """The rows of `scroller`'s content that `widget` takes, as far as they are in view."""
    top, bottom = widget.virtual_region.y, widget.virtual_region.bottom
    first = round(scroller.scroll_y)
    last = first + scroller.scrollable_content_region.height
    return range(max(top, first), min(bottom, last))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_seven_key_points_leave_the_answer_its_rows_and_scroll_to_the_ticked_one(
    build: AppFactory, tui_bank: Path, size: tuple[int, int]
) -> None:
    """At 80x24 seven two-line key points took 15 of the card's 20 rows (the box's cap was
    75%): the answer under its title got 4, 3 once the rating keys showed, and the last
    points were cut off with no way to scroll to them. The box now leaves the body the
    title and ANSWER_ROWS rows, takes at most half the column (the answer is what the
    person reads first), and scrolls; a ticked point is scrolled into view."""
    lengthen_relu(tui_bank, [*LONG_POINTS, *MORE_POINTS])
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test(size=size) as pilot:
        screen = await showing(pilot, StudyScreen)
        await press(pilot, "space")
        body = screen.query_one("#study-body")
        answer = body.query_one("#answer")
        rubric = screen.query_one("#study-rubric")
        checklist = screen.query_one(KeyPointChecklist)
        assert await wait_until(pilot, lambda: answer.virtual_region.height > ANSWER_ROWS)
        await settle(pilot)
        assert len(_rows_in_view(answer, body)) >= ANSWER_ROWS
        if size == (120, 40):  # beside the body, every point in view as before
            assert rubric.max_scroll_y == 0
        else:  # under it, at most half the column: at 75% the answer read 6 rows of 19
            column = screen.query_one("#study-main").region.height
            assert rubric.region.height <= column // 2 and rubric.max_scroll_y > 0
        await press(pilot, "7")  # the last point
        assert checklist.selected == {6}
        await settle(pilot)
        last = checklist.point_rows(6)
        gutter = checklist.styles.gutter
        inside = rubric.scrollable_content_region.height
        in_view = range(round(rubric.scroll_y), round(rubric.scroll_y) + inside)
        assert last.y + gutter.top in in_view and last.bottom - 1 + gutter.top in in_view
        # the box's border and title stay while its points scroll under them (they
        # scrolled away with the first points)
        box = rubric.region
        lines = [line.crop(box.x, box.right).text for line in screen_lines(app)]
        assert lines[box.y].startswith("╭") and "Key points you covered: 1-7 tick" in lines[box.y]
        assert lines[box.bottom - 1].startswith("╰")
        await press(pilot, "enter")  # the rating keys take a row
        await settle(pilot)
        ratings = screen.query_one("#study-ratings")
        assert ratings.display and ratings.region.bottom <= screen.size.height - 1  # the footer
        assert len(_rows_in_view(answer, body)) >= ANSWER_ROWS
