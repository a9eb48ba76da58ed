"""A revealed concept card keeps what was asked on screen: at 80x24 the answer scrolled to
the body's top took the question out of view, and the person read an answer and its key
points with no word of the question (Anki keeps the front above the back). The question
pinned over the answer wraps under its "Q " as far as the body has rows past the answer's:
cut to one row with "…", 113 of the bank's 114 questions lost their end at 80 columns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App

from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.study_columns import ANSWER_ROWS
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, resize, screen_lines, settle, showing
from tests.tui.test_study import long_concept  # noqa: F401  (the fixture)

FIRST_WORDS = "A question of two rows at eighty columns"
QUESTION = (
    "A question of two rows at eighty columns: it asks for something that takes a few lines"
    " to answer, and for the problems it has and how they are dealt with."
)
"""The long card's question (tests.tui.test_study.LONG_CONCEPT), on one line."""


def _drawn(app: App[Any]) -> str:
    return "\n".join(line.text for line in screen_lines(app))


async def test_the_question_stays_on_screen_once_the_answer_is_revealed_at_80x24(
    build: AppFactory,
    long_concept: Path,  # noqa: F811
) -> None:
    app = build(study=StudyRequest(mode="cram", pack="long"), extra=[long_concept])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, StudyScreen)
        assert FIRST_WORDS in _drawn(app)
        pin = screen.query_one("#study-question-pin")
        assert not pin.display  # the question itself is in view: no second copy
        await press(pilot, "space")
        await settle(pilot)
        body = screen.query_one("#study-body")
        assert body.scroll_y > 0  # the answer came to the top, the question above it
        drawn = _drawn(app)
        assert "answer-row-one" in drawn  # the answer is still read first
        assert pin.display and FIRST_WORDS in drawn
        assert _pinned(app) == QUESTION  # whole, over three rows: it read "...takes …"
        assert pin.outer_size.height == 3
        await press(pilot, "pageup")  # the question itself in view again: no pinned copy
        await settle(pilot)
        assert body.scroll_y == 0 and not pin.display
        assert FIRST_WORDS in _drawn(app)
        await press(pilot, "pagedown", "enter")  # the rating keys: the question stays
        await settle(pilot)
        assert screen.phase == "rating"
        assert FIRST_WORDS in _drawn(app)


def _pinned(app: App[Any]) -> str:
    """The pinned question as drawn, its rows joined: from the row starting "Q " down the
    pin's height."""
    lines = [line.text for line in screen_lines(app)]
    at = next(n for n, line in enumerate(lines) if line.lstrip().startswith("Q "))
    rows = lines[at : at + app.screen.query_one("#study-question-pin").outer_size.height]
    return " ".join(" ".join(rows).split())[len("Q ") :]


async def test_the_pinned_question_follows_a_resize_at_once(
    build: AppFactory,
    long_concept: Path,  # noqa: F811
) -> None:
    """The pin was cut to the width it was drawn at and kept it after a resize until the
    body next scrolled. Wrapped, it is whole at 120x40 (two rows) and at 80x24 (three)."""
    app = build(study=StudyRequest(mode="cram", pack="long"), extra=[long_concept])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await showing(pilot, StudyScreen)
        await press(pilot, "space", "pagedown")  # the question scrolled out of view
        await settle(pilot)
        pin = screen.query_one("#study-question-pin")
        assert pin.display
        assert _pinned(app) == QUESTION and pin.outer_size.height == 2
        await resize(pilot, 80, 24)
        await settle(pilot)
        assert _pinned(app) == QUESTION and pin.outer_size.height == 3
        assert all(len(line.text.rstrip()) <= 80 for line in screen_lines(app))
        await resize(pilot, 120, 40)
        await settle(pilot)
        if pin.display:  # laid out anew, the question may be in view again: then no pin
            assert _pinned(app) == QUESTION and pin.outer_size.height == 2
        else:
            assert (
                screen.query_one("#study-body").scroll_y
                <= screen.query_one("#study-body #question").virtual_region.y
            )


async def test_a_question_longer_than_its_room_is_cut_on_its_last_row(
    build: AppFactory,
    long_concept: Path,  # noqa: F811
) -> None:
    """A question of about nine rows at 80x24: the pin takes the rows the body has past the
    answer's ANSWER_ROWS, its last row ending "…", and the answer keeps its rows."""
    card = long_concept / "long" / "long" / "long-answer.md"
    long_question = " ".join(f"clause {n} of a question far longer than usual," for n in range(18))
    card.write_text(card.read_text().replace(QUESTION[:60], long_question + " " + QUESTION[:60]))
    app = build(study=StudyRequest(mode="cram", pack="long"), extra=[long_concept])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, StudyScreen)
        await press(pilot, "space")
        await settle(pilot)
        pin = screen.query_one("#study-question-pin")
        body = screen.query_one("#study-body")
        assert pin.display
        assert 1 <= pin.outer_size.height < 9  # not its nine rows
        assert body.size.height >= ANSWER_ROWS  # the answer's title and rows keep their room
        pinned = _pinned(app)
        assert pinned.startswith("clause 0 of a question") and pinned.endswith("…")
        assert "answer-row-one" in "\n".join(line.text for line in screen_lines(app))
        rows = pin.outer_size.height
        await press(pilot, "pageup")  # the question's end, under the same cut pin
        await settle(pilot)
        assert pin.outer_size.height == rows, "the pin keeps its rows while it shows"
        await press(pilot, "pageup")  # the whole question, in the body itself
        await settle(pilot)
        assert not pin.display and body.scroll_y == 0
