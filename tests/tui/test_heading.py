"""A card's heading keeps its place in the session visible and its title whole: a title too
long for one line wraps onto a second, which the place ends."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.widgets import Label

from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.heading import CardHeading, _split, heading_rows
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, FakeClock, press, resize, settle, showing

TITLE = "Memory of the attention weights for a long sequence"


class _One(App[None]):
    def __init__(self, heading: CardHeading) -> None:
        super().__init__()
        self.heading = heading

    def compose(self) -> ComposeResult:
        yield self.heading


def _title_of(lines: list[str], kind: str, place: str) -> str:
    """The title a heading's lines show, its wrapped parts joined again."""
    parts = [line.strip() for line in lines]
    parts[0] = parts[0].removeprefix(kind).strip()
    parts[-1] = parts[-1].removesuffix(place).strip()
    return " ".join(part for part in parts if part)


@pytest.mark.parametrize("width", [60, 78])
async def test_a_title_too_long_wraps_and_the_place_ends_the_second_line(width: int) -> None:
    """At 80 columns a long title was cut ("A numerically stable …"), losing the words
    that say which card it is: it now goes on under its first word."""
    app = _One(CardHeading("numeric", TITLE, "attention · 3/20"))
    async with app.run_test(size=(width, 4)):
        lines = app.heading.text.plain.split("\n")
        assert len(lines) == 2 and app.heading.size.height == 2
        assert lines[0].startswith(" numeric  Memory of")
        assert lines[1].endswith("attention · 3/20")
        assert lines[1].startswith(" " * len(" numeric  ")) and lines[1][len(" numeric  ")] != " "
        assert all(len(line) <= width for line in lines)
        assert "…" not in app.heading.text.plain
        assert _title_of(lines, "numeric", "attention · 3/20") == TITLE


async def test_a_title_too_long_for_two_lines_is_cut_and_the_place_stays() -> None:
    app = _One(CardHeading("numeric", TITLE, "attention · 3/20"))
    async with app.run_test(size=(40, 4)):
        lines = app.heading.text.plain.split("\n")
        assert len(lines) == 2 and all(len(line) <= 40 for line in lines)
        assert lines[1].endswith("…  attention · 3/20")


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
        assert not study.session.answers
        place = f"{study.card.topic} · 0 answered · {len(study.session.queued)} still to see"
        assert study.card.title in heading.text.plain
        assert heading.size.height == 1
        narrow = len(f" {study.card.kind}  ") + len(f"  {place}") + 6
        await resize(pilot, narrow + 2, 24)  # the heading's padding: one a side
        await settle(pilot)
        assert heading.text.plain.endswith(place)
        lines = heading.text.plain.split("\n")
        assert len(lines) >= 2 and heading.size.height == len(lines)
        assert all(len(line) <= narrow for line in lines)


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


async def test_at_80_columns_a_title_and_the_cards_coming_back_are_both_whole() -> None:
    """A first session's count grows a " · 3 back later today" (tests/tui/test_study_counts.py),
    which left less room for the title at 80 columns: the title was cut with "…". It now
    wraps: both are whole. The title and count are the bundled card's and a first
    session's, in the study screen's 78 columns."""
    title = "The largest value of the sigmoid's derivative"
    place = "activations · 3 answered · 17 still to see · 3 back later today"
    app = _One(CardHeading("numeric", title, place))
    async with app.run_test(size=(78, 3)):
        lines = app.heading.text.plain.split("\n")
        assert len(lines) == 2 and lines[1].endswith(place)
        assert _title_of(lines, "numeric", place) == title


async def test_the_study_screen_keeps_the_coming_back_count_whole(
    build: AppFactory, clock: FakeClock
) -> None:
    """After an Again at 80 columns the next card's heading, " choice  Inverted dropout at
    inference  basics · 1 answered · 2 still to see · 1 back later today", is too long for
    one line: the title wraps, and both are whole (the title was cut, "at inferen…"). At
    120 columns they are on one line."""
    app = build(study=StudyRequest(mode="due", topic="basics"))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        await press(pilot, "s", "escape", "s")  # to the concept card (past the number box)
        assert study.card is not None and study.card.kind == "concept"
        clock.advance(10)
        await press(pilot, "space", "enter", "1")
        await settle(pilot)
        card = study.card
        assert card is not None
        heading = study.query_one(CardHeading)
        place = "basics · 1 answered · 2 still to see · 1 back later today"
        whole = f" {card.kind}  {card.title}  {place}"
        assert len(whole) > 78  # the heading's 80 columns less its padding
        lines = heading.text.plain.split("\n")
        assert len(lines) == 2 and lines[1].endswith(place)
        assert _title_of(lines, card.kind, place) == card.title
        await resize(pilot, 120, 24)
        await settle(pilot)
        assert heading.text.plain == whole and heading.size.height == 1


WIDE_TITLES = [
    "注意力機構の仕組みと計算量",
    "注意力 機構の 仕組み と 計算量",
    "Attention 🚀🚀🚀🚀🚀🚀🚀 weights",
]


@pytest.mark.parametrize("title", WIDE_TITLES)
@pytest.mark.parametrize("room", [5, 7, 9, 11])
def test_a_wide_title_splits_in_cells_and_loses_no_character(title: str, room: int) -> None:
    """The heading's own split cut a CJK word with Rich's padding: "注意 " at 5 cells, and
    the rest began one character later, "力" lost from the title shown. It is now the
    app's one cell-aware fold (`fold_cells`), cut between characters, never in a wide one."""
    first, rest = _split(title, room)
    assert cell_len(first) <= room
    assert first and not first.endswith(" ")
    assert (first + rest).replace(" ", "") == title.replace(" ", ""), "every character shown"


@pytest.mark.parametrize("width", [30, 41, 60])
def test_a_wide_title_s_heading_rows_fit_their_width(width: int) -> None:
    title = "注意力機構の仕組み: 長い系列での計算量とメモリ 🚀"
    rows = heading_rows("concept", title, "attention · 3/20", width)
    indent = cell_len(" concept  ")
    for part, place in rows:
        assert indent + cell_len(f"{part}  {place}" if part and place else part + place) <= width


async def test_a_one_card_cram_is_titled_by_the_cards_title(build: AppFactory) -> None:
    """A card opened from the palette or the browser was titled by its id ("cram ·
    what-is-relu"): a person knows cards by title, so the bar says the card's title."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_card("what-is-relu")  # as the palette's and the browser's pick does
        screen = await showing(pilot, StudyScreen)
        title = str(screen.query_one("#study-title", Label).render())
        assert title == "cram · What ReLU computes"
