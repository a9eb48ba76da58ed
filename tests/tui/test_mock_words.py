"""Three words that misled: a mock's give-up question said "It counts as Again" where a mock
moves no schedule, the drill's help said esc only saves and goes back where in a mock it
answers a graded drill, and a count's box showed "1e-3, 1/4, √128, ln 2" for a whole number."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen

from quiz.bank.models import NumericFront, parse_number
from quiz.bank.sources import bundled_content_dir
from quiz.tui.screens.confirm import ConfirmScreen
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.tui.widgets.answers import NumberAnswer
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, screen_lines, settle, showing


def drawn(app: object) -> str:
    return "\n".join(line.text for line in screen_lines(app))  # type: ignore[arg-type]


async def from_the_drill(pilot: Pilot[None], key: str, screen: type[Screen[Any]]) -> None:
    """Open the session's drill, press `key` there and wait for `screen`, settled."""
    await press(pilot, "enter")
    await showing(pilot, DrillScreen)
    await press(pilot, key)
    await showing(pilot, screen)
    await settle(pilot)


async def test_giving_up_in_a_mock_says_it_is_a_miss_and_the_schedule_stays(
    build: AppFactory,
) -> None:
    """The question said "It counts as Again" in a mock, which moves no due date: it says
    what the summary shows (a miss, ✗), and that the schedule is not changed."""
    app = build(study=StudyRequest(mode="mock", kind="coding"))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.session.mode == "mock"
        await from_the_drill(pilot, "ctrl+g", ConfirmScreen)
        screen = drawn(app)
        inside = [row.split("│")[1] for row in screen.splitlines() if row.count("│") == 2]
        words = " ".join(" ".join(inside).split())
        assert "counts as Again" not in words, screen
        assert "counts as a miss" in words and "schedule is not changed" in words, screen
        for line in screen_lines(app):
            assert len(line.text.rstrip()) <= 80
        await press(pilot, "y")
        summary = await showing(pilot, SummaryScreen)  # the mock's one coding question
        result = [row for row in summary._rows if row[0] == study.session.answers[0].card.title]
        assert result and "✗" in str(result[0][2]), summary._rows


async def test_giving_up_outside_a_mock_still_says_again(build: AppFactory) -> None:
    """A due session's give-up is an Again, which the schedule takes: it says so."""
    app = build(study=StudyRequest(mode="due", kind="coding"))
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, StudyScreen)
        await from_the_drill(pilot, "ctrl+g", ConfirmScreen)
        assert "It counts as Again." in drawn(app)


def esc_row(app: object) -> str:
    rows = [line.text for line in screen_lines(app) if "Back:" in line.text]  # type: ignore[arg-type]
    assert rows, drawn(app)
    return " ".join(row.strip() for row in rows)


async def test_the_mock_drills_help_says_esc_answers_a_graded_drill(build: AppFactory) -> None:
    """ "esc Back: save the code and go back" in a mock, where esc after a grading answers
    the drill as it stood at that grading: the help says so there, within 80 columns, and
    its ctrl+g no longer says "rate it Again" where a give-up is a miss."""
    app = build(study=StudyRequest(mode="mock", kind="coding"))
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, StudyScreen)
        await from_the_drill(pilot, "f1", HelpScreen)
        row = esc_row(app)
        assert "graded" in row and "answer" in row, row
        give_up = [line.text for line in screen_lines(app) if "Give up:" in line.text]
        assert len(give_up) == 1 and "a miss in this mock" in give_up[0], drawn(app)
        assert "Again" not in give_up[0], give_up
        for line in screen_lines(app):
            assert len(line.text.rstrip()) <= 80


async def test_a_due_drills_help_keeps_the_plain_back_words(build: AppFactory) -> None:
    app = build(study=StudyRequest(mode="due", kind="coding"))
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, StudyScreen)
        await from_the_drill(pilot, "f1", HelpScreen)
        assert "Back: save the code and go back" in esc_row(app)
        assert "Give up: rate it Again (asks first)" in drawn(app)


@pytest.mark.parametrize(
    "card_id", ["embedding-parameter-count", "xor-hidden-units", "receptive-field-stack"]
)
async def test_a_counts_box_shows_whole_numbers(build: AppFactory, card_id: str) -> None:
    """A parameter count's box said "1e-3, 25%, 1/4, √128, ln 2": no count is typed so.
    Its examples are whole numbers, none near its answer, and fit the box at 80 columns."""
    app = build(study=StudyRequest(mode="cram", card_ids=(card_id,)), extra=[bundled_content_dir()])
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        await settle(pilot)
        card = study.card
        assert card is not None and isinstance(card.front, NumericFront)
        box = study.query_one(NumberAnswer)
        examples = box.placeholder.split(": ", 1)[1].split(", ")
        assert len(examples) >= 2, box.placeholder
        for text in examples:
            value = parse_number(text)
            assert value == int(value) and value > 0, box.placeholder
            assert abs(value - card.front.answer) > 0.25 * card.front.answer, text
        rows = [line.text for line in screen_lines(app) if "type a number" in line.text]
        assert len(rows) == 1 and box.placeholder in rows[0], rows


async def test_a_reals_box_keeps_its_forms(build: AppFactory) -> None:
    app = build(
        study=StudyRequest(mode="cram", card_ids=("bce-at-zero-logit",)),
        extra=[bundled_content_dir()],
    )
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        await settle(pilot)
        placeholder = study.query_one(NumberAnswer).placeholder
        assert "1e-3" in placeholder and "1/4" in placeholder and "√128" in placeholder
