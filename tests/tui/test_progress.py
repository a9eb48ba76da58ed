"""SessionProgress draws the line Textual's ProgressBar (without its ETA) draws."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.strip import Strip
from textual.widgets import ProgressBar

from quiz.tui.widgets.progress import SessionProgress
from tests.tui.conftest import screen_lines

COUNTS = [(0, 5), (1, 3), (2, 7), (3, 8), (5, 9), (7, 9), (4, 4), (0, 1), (13, 40)]


class _Both(App[None]):
    CSS = """
    Horizontal { height: 1; }
    ProgressBar { width: 1fr; }
    ProgressBar Bar { width: 1fr; }
    """

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done, self.total = done, total

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield ProgressBar(total=self.total, show_eta=False)
        with Horizontal():
            yield SessionProgress(0, self.total)


def _cells(strip: Strip) -> list[tuple[str, object, object, object]]:
    """Each cell of a line: its character, colour, background and boldness."""
    cells: list[tuple[str, object, object, object]] = []
    for segment in strip:
        style = segment.style
        for char in segment.text:
            cells.append(
                (
                    char,
                    style.color if style and char.strip() else None,
                    style.bgcolor if style else None,
                    style.bold if style and char.strip() else None,
                )
            )
    return cells


@pytest.mark.parametrize("width", [40, 61, 100])
async def test_session_progress_draws_textuals_progress_bar(width: int) -> None:
    for done, total in COUNTS:
        app = _Both(done, total)
        async with app.run_test(size=(width, 4)) as pilot:
            await pilot.pause()
            # set once laid out, as the study screen updates it after each card
            app.query_one(ProgressBar).update(progress=done)
            app.query_one(SessionProgress).update(done, total)
            await pilot.pause()
            lines = screen_lines(app)
            stock, ours = (_cells(line) for line in lines[:2])
            assert len(stock) == len(ours) == width
            assert ours == stock, (done, total, width)
            assert f"{round(100 * done / total)}%" in lines[1].text


def test_session_progress_fraction() -> None:
    assert SessionProgress(0, 0).fraction == 1.0  # an empty session is done
    assert SessionProgress(3, 4).fraction == 0.75
    assert SessionProgress(5, 4).fraction == 1.0
