"""A card's heading keeps its place in the session visible: a long title is cut, not the end."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Label

from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.heading import CardHeading
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, resize, showing

TITLE = "Memory of the attention weights for a long sequence"


class _One(App[None]):
    def __init__(self, heading: CardHeading) -> None:
        super().__init__()
        self.heading = heading

    def compose(self) -> ComposeResult:
        yield self.heading


@pytest.mark.parametrize("width", [40, 60, 78])
async def test_a_title_too_long_is_cut_with_an_ellipsis_and_the_place_stays(width: int) -> None:
    app = _One(CardHeading("numeric", TITLE, "attention · 3/20"))
    async with app.run_test(size=(width, 3)):
        line = app.heading.text.plain
        assert line.endswith("attention · 3/20")
        assert len(line) == width
        assert "…" in line and line.startswith(" numeric  Memory of")


async def test_a_title_that_fits_is_whole() -> None:
    app = _One(CardHeading("numeric", TITLE, "attention · 3/20"))
    async with app.run_test(size=(120, 3)):
        assert app.heading.text.plain == f" numeric  {TITLE}  attention · 3/20"


async def test_the_study_screen_shows_the_place_at_any_width(build: AppFactory) -> None:
    app = build(study=StudyRequest(mode="cram"))
    async with app.run_test(size=(120, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.card is not None
        heading = study.query_one(CardHeading)
        done, total = study.session.progress
        place = f"{study.card.topic} · {done} done · {total - done} left"
        assert study.card.title in heading.text.plain
        narrow = len(f" {study.card.kind}  ") + len(f"  {place}") + 6
        await resize(pilot, narrow + 2, 24)  # the heading's padding: one a side
        assert heading.text.plain.endswith(place)
        assert "…" in heading.text.plain


async def test_the_session_title_is_whole_when_there_is_room(build: AppFactory) -> None:
    """The bar's title ('cram · basics · numeric · sigmoid-bound') was cut at 30
    columns, even at 120, and with no "…"; it may now take half the bar."""
    request = StudyRequest(mode="cram", topic="basics", kind="numeric", card_ids=("sigmoid-bound",))
    app = build(study=request)
    async with app.run_test(size=(120, 24)) as pilot:
        title = app.screen.query_one("#study-title", Label)
        assert len(request.describe()) > 30
        assert title.size.width == len(request.describe())
        await resize(pilot, 50, 24)
        assert title.size.width <= 25
        assert title.styles.text_overflow == "ellipsis"
