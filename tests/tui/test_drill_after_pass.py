"""What a passed drill offers next, as rustlings does: outside a session the next drill not
passed yet, by its title (ctrl+f), or that every drill is passed; in a session escape is
"Next card", which rates it. A session's pass offered only "esc Back", and the notice said
"ctrl+f: next drill" with no drill left to open."""

from __future__ import annotations

from pathlib import Path

from fsrs import Rating
from textual.app import App

from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.help import help_rows
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    SOLUTION,
    WRONG,
    AppFactory,
    Recorder,
    notices,
    open_first_drill,
    press,
    screen_lines,
    settle,
    showing,
)
from tests.tui.test_drill import editor_of, grade_now
from tests.tui.test_footer import described


def _second_drill(tui_bank: Path) -> None:
    drill = tui_bank / "mini" / "drills" / "tiny-sgd.md"
    text = drill.read_text(encoding="utf-8")
    second = text.replace("id: tiny-sgd", "id: tiny-sgd-again").replace(
        "title: A gradient-descent step", "title: Another descent step"
    )
    assert second != text and "Another descent step" in second
    (drill.parent / "tiny-sgd-again.md").write_text(second, encoding="utf-8")


async def test_a_pass_names_the_next_drill_then_says_all_are_passed(
    build: AppFactory, recorder: Recorder, tui_bank: Path
) -> None:
    _second_drill(tui_bank)
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        first = await showing(pilot, DrillScreen)
        assert "Next drill" not in described(app), "not before a pass"
        editor_of(first).load_text(WRONG)
        await grade_now(app, pilot)
        assert "Next drill" not in described(app), "a failed run is no pass"
        editor_of(first).load_text(SOLUTION)
        await grade_now(app, pilot)
        assert notices(recorder)[-1].endswith("Next: ^f opens 'Another descent step'.")
        assert described(app)["Next drill"] is False, "offered, enabled"
        await press(pilot, "ctrl+f")
        second = await showing(pilot, DrillScreen)
        assert second is not first and second.sitting.card.id == "tiny-sgd-again"
        editor_of(second).load_text(SOLUTION)
        await grade_now(app, pilot)
        assert notices(recorder)[-1].endswith("Every drill is passed.")
        assert "Next drill" not in described(app), "no drill left to open"
        assert described(app)["Back"] is False


async def test_a_pass_in_a_session_offers_the_next_card(
    build: AppFactory, recorder: Recorder
) -> None:
    app = build(study=StudyRequest(mode="cram"))
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        study = await showing(pilot, StudyScreen)
        drill = await open_first_drill(pilot, study)
        editor_of(drill).load_text(WRONG)
        await grade_now(app, pilot)
        keys = described(app)
        assert "Back" in keys and "Next card" not in keys and "Next drill" not in keys
        editor_of(drill).load_text(SOLUTION)
        await grade_now(app, pilot)
        keys = described(app)
        assert "Next card" in keys and "Back" not in keys, keys
        assert notices(recorder)[-1].endswith("esc: rated, on to the next card.")
        escape_rows = [row for row in help_rows(app, drill) if row[0].startswith("esc")]
        assert escape_rows == [("esc", "Next card: rated: the session goes on")], escape_rows
        await press(pilot, "escape")
        await settle(pilot)
        assert app.screen is study
        graded = recorder.of(StudyScreen.AnswerGraded)
        # rated as it passed (a failed run first: Hard), and the session went on
        assert [(g.answer.card.id, g.answer.rating) for g in graded] == [("tiny-sgd", Rating.Hard)]


async def test_a_passed_drills_way_out_is_never_the_key_cut_at_80_columns(
    build: AppFactory, tui_bank: Path
) -> None:
    """A drill passed before opens with ^o (its previous code) in the footer; once passed
    again, ^f joins it and the keys no longer fit 80 columns: the row ended "^f Next drill
    esc", Back cut off. Help and the way out now come first, as on every other screen."""
    _second_drill(tui_bank)
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        first = await showing(pilot, DrillScreen)
        editor_of(first).load_text(SOLUTION)
        await grade_now(app, pilot)
        await press(pilot, "escape")
        await settle(pilot)
    again = build(drill="tiny-sgd")
    async with again.run_test(size=(80, 24)) as pilot:
        drill = await showing(pilot, DrillScreen)
        assert drill.sitting.previous_code == SOLUTION
        await press(pilot, "ctrl+o")
        await grade_now(again, pilot)
        assert "Next drill" in described(again)
        await settle(pilot)
        row = screen_lines(again)[-1].text
        assert row.startswith("f1 Help esc Back "), row
        assert "^f Next drill " in row, row  # moving on whole
        # a key that does not fit is left out whole, not drawn as "^o Previous" (fiftieth
        # round); the help lists it
        assert ("^o" in row) is ("^o Previous code" in row), row
        assert any("Previous code" in what for _keys, what in help_rows(again, drill))


def _words_on_screen(app: App[None]) -> str:
    """The screen's words, one space between them: a note wrapped at 80 columns reads whole."""
    return " ".join(" ".join(strip.text for strip in screen_lines(app)).split())


async def _pass_and_leave(build: AppFactory, drill: str) -> None:
    app = build(drill=drill)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, DrillScreen)
        editor_of(screen).load_text(SOLUTION)
        await grade_now(app, pilot)
        assert screen.sitting.progress.passed
        await press(pilot, "escape")
        await settle(pilot)


async def test_a_drill_passed_before_says_so_and_offers_the_next_at_once(
    build: AppFactory, tui_bank: Path
) -> None:
    """Reopened from the list, a passed drill looked new: the starter code, and no "Next
    drill" until it was passed again. It says it was passed (over the task, where ctrl+o's
    note is) and ctrl+f opens the next drill not passed yet before any grading."""
    _second_drill(tui_bank)
    await _pass_and_leave(build, "tiny-sgd")
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        drill = await showing(pilot, DrillScreen)
        await settle(pilot)
        assert drill.sitting.previous_code == SOLUTION and not drill.sitting.progress.passed
        shown = _words_on_screen(app)
        assert "You passed this drill before." in shown, shown
        assert "Next: ^f opens 'Another descent step'." in shown, shown
        assert "^o puts back your code from last time." in shown, shown
        assert described(app)["Next drill"] is False, "offered, enabled, before any grading"
        await press(pilot, "ctrl+f")
        second = await showing(pilot, DrillScreen)
        assert second is not drill and second.sitting.card.id == "tiny-sgd-again"
        shown = _words_on_screen(app)
        assert "passed this drill before" not in shown, "never passed: nothing said"
        assert "Next drill" not in described(app)


async def test_the_last_drill_passed_before_says_every_drill_is_passed(
    build: AppFactory,
) -> None:
    """With no drill left to pass, the note says so and ctrl+f is not offered."""
    await _pass_and_leave(build, "tiny-sgd")
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, DrillScreen)
        await settle(pilot)
        shown = _words_on_screen(app)
        assert "You passed this drill before. Every drill is passed." in shown, shown
        assert "Next drill" not in described(app)


async def test_a_drill_passed_before_opened_in_a_session_is_a_review(
    build: AppFactory,
) -> None:
    """In a session the drill is the session's card, rated on leaving: no "passed before"
    and no ctrl+f away from the session."""
    await _pass_and_leave(build, "tiny-sgd")
    app = build(study=StudyRequest(mode="cram"))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        drill = await open_first_drill(pilot, study)
        await settle(pilot)
        assert drill.session is not None
        shown = _words_on_screen(app)
        assert "passed this drill before" not in shown, shown
        assert "Next drill" not in described(app)
