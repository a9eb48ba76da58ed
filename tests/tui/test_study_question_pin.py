"""A revealed concept card keeps what was asked on screen: at 80x24 the answer scrolled to
the body's top took the question out of view, and the person read an answer and its key
points with no word of the question (Anki keeps the front above the back)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App

from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, resize, screen_lines, settle, showing
from tests.tui.test_study import long_concept  # noqa: F401  (the fixture)

FIRST_WORDS = "A question of two rows at eighty columns"


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
        pinned = next(line for line in drawn.splitlines() if FIRST_WORDS in line)
        assert pinned.rstrip().endswith("…")  # the rest of the question cut, and said so
        await press(pilot, "pageup")  # the question itself in view again: no pinned copy
        await settle(pilot)
        assert body.scroll_y == 0 and not pin.display
        assert FIRST_WORDS in _drawn(app)
        await press(pilot, "pagedown", "enter")  # the rating keys: the question stays
        await settle(pilot)
        assert screen.phase == "rating"
        assert FIRST_WORDS in _drawn(app)


def _pinned_line(app: App[Any]) -> str:
    return next(line for line in _drawn(app).splitlines() if line.lstrip().startswith("Q "))


async def test_the_pinned_question_follows_a_resize_at_once(
    build: AppFactory,
    long_concept: Path,  # noqa: F811
) -> None:
    """The pin was cut to the width it was drawn at and kept it after a resize until the
    body next scrolled: at 80 columns the 120-column line ran past the edge with no "…"
    to say the question went on; at 120 the 80-column line stopped short."""
    app = build(study=StudyRequest(mode="cram", pack="long"), extra=[long_concept])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await showing(pilot, StudyScreen)
        await press(pilot, "space", "pagedown")  # the question scrolled out of view
        await settle(pilot)
        pin = screen.query_one("#study-question-pin")
        assert pin.display
        wide = _pinned_line(app).rstrip()
        assert wide.endswith("…") and len(wide) > 80
        await resize(pilot, 80, 24)
        await settle(pilot)
        narrow = _pinned_line(app).rstrip()
        assert narrow.endswith("…") and len(narrow) <= 80
        assert FIRST_WORDS in narrow
        await resize(pilot, 120, 40)
        await settle(pilot)
        if pin.display:  # laid out anew, the question may be in view again: then no pin
            assert _pinned_line(app).rstrip() == wide
        else:
            assert (
                screen.query_one("#study-body").scroll_y
                <= screen.query_one("#study-body #question").virtual_region.y
            )
