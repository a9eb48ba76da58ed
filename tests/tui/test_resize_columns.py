"""Tables follow the terminal's width: after a resize, columns are as if opened at that size.

The drill list and the card browser give their title column what the other columns leave;
the session summary gives its card column what the others leave. Each must redo
that when the terminal's width changes, not keep the width it had when it was opened.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable

from quiz.drill_list import DrillState
from quiz.drills_view import drills_view
from quiz.tui.app import DrillbitApp
from quiz.tui.screens.browser import BrowserScreen
from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.drills import DrillsScreen, column_widths, titles_whole
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.workspace import StudyRequest, Workspace
from tests.tui.conftest import AppFactory, FakeClock, press, resize, settle, showing, wait_until

NARROW, WIDE = (80, 24), (120, 40)
LONG_TITLE = "A gradient-descent step that moves theta against its gradient"
"""61 cells: whole in a 120-column table, cut in an 80-column one."""


@pytest.fixture
def long_title(tui_bank: Path) -> str:
    """Give the drill a title too long for 80 columns (before the app is built)."""
    card = tui_bank / "mini" / "drills" / "tiny-sgd.md"
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("title: A gradient-descent step", f"title: {LONG_TITLE}"))
    return LONG_TITLE


def widths(table: DataTable[object]) -> list[int]:
    """Each column's width on screen, padding included."""
    return [column.get_render_width(table) for column in table.ordered_columns]


def row_text(table: DataTable[object], title: str) -> str:
    """The visible text of the row that starts with `title` (the header is line 0)."""
    for y in range(1, table.virtual_size.height):
        line = table.render_line(y).text
        if line.strip().startswith(title[:20]):
            return line
    raise AssertionError(f"no row for {title!r}")


def next_line(table: DataTable[object], line: str) -> str:
    """The table's line under `line` (a row's second line, when its title wraps)."""
    lines = [table.render_line(y).text for y in range(1, table.virtual_size.height)]
    return lines[lines.index(line) + 1]


async def filled_table(
    app: DrillbitApp, pilot: Pilot[None], kind: type[Screen[Any]]
) -> DataTable[object]:
    """Wait until the current screen is a `kind` whose table has rows; that table.

    A key reaches the app's screens through several messages, and a pushed screen mounts
    its widgets after it is on the stack: one pause after the key may come before either.
    """

    def ready() -> bool:
        screen = app.screen
        return isinstance(screen, kind) and any(t.row_count for t in screen.query(DataTable))

    assert await wait_until(pilot, ready), f"no {kind.__name__} with a filled table"
    await pilot.pause()  # the table measures its new rows when idle
    table: DataTable[object] = app.screen.query_one(DataTable)
    return table


async def open_table(app: DrillbitApp, pilot: Pilot[None], key: str) -> DataTable[object]:
    """Open the drill list (`l`) or the card browser (`b`) from Home; its table."""
    await press(pilot, key)
    return await filled_table(app, pilot, DrillsScreen if key == "l" else BrowserScreen)


async def widths_when_opened(build: AppFactory, key: str, size: tuple[int, int]) -> list[int]:
    """The columns' widths when the screen is opened at `size` (the reference)."""
    app = build()
    async with app.run_test(size=size) as pilot:
        return widths(await open_table(app, pilot, key))


@pytest.mark.parametrize("key", ["l", "b"], ids=["drills", "browser"])
@pytest.mark.parametrize(
    ("start", "end"), [(WIDE, NARROW), (NARROW, WIDE)], ids=["120to80", "80to120"]
)
async def test_title_column_follows_the_terminal_width(
    build: AppFactory, long_title: str, key: str, start: tuple[int, int], end: tuple[int, int]
) -> None:
    expected = {end: await widths_when_opened(build, key, end)}
    app = build()
    async with app.run_test(size=start) as pilot:
        table = await open_table(app, pilot, key)
        expected[start] = widths(table)
        for size in (end, start):  # there and back
            await resize(pilot, *size)
            assert widths(table) == expected[size], f"as if opened at {size}"
            # every column is on screen: nothing pushed off to the right
            assert table.virtual_size.width <= table.size.width
            line = row_text(table, long_title)
            if size == NARROW and key == "l":
                # the drill list wraps a long title onto its row's second line: "…" cut
                # the words that tell drills apart ("Forward and backward pass of a two-laye…")
                first, second = line, next_line(table, line)
                assert long_title not in first and "…" not in first + second
                column = widths(table)[0]
                parts = first[:column].split() + second[:column].split()
                assert " ".join(parts) == long_title, "the whole title, on two lines"
                assert first.rstrip().endswith("drills"), "the topic on the first"
            elif size == NARROW:
                assert long_title not in line, "the title is cut at 80 columns"
                assert long_title[:18] in line and "…" in line, "and says so with an ellipsis"
                # the last column (the card's lapses) is visible
                assert line.rstrip().endswith("0")
            else:
                assert long_title in line, "the whole title at 120 columns"


async def test_the_drill_list_shows_no_grading_time(build: AppFactory) -> None:
    """A grading's time is mostly the sandbox starting and the machine's load, so the list
    does not show it as a "best" (nor does `drillbit drills`): its columns are the drill,
    its state, the tries and the topic."""
    app = build()
    async with app.run_test(size=WIDE) as pilot:
        table = await open_table(app, pilot, "l")
        labels = [str(column.label) for column in table.ordered_columns]
        assert labels == ["drill", "state", "tries", "topic"]
        assert table.virtual_size.width <= table.size.width


@pytest.mark.parametrize("state", ["not started", "passed with hints"])
@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80", "120"])
async def test_the_drill_lists_state_column_is_as_wide_as_the_states_it_shows(
    build: AppFactory, clock: FakeClock, long_title: str, size: tuple[int, int], state: str
) -> None:
    """At 80 columns the drill column kept 17 cells for "passed with hints" while every
    drill was "not started" (11): the table used 72 of its 78 cells and the titles were cut
    6 cells short. The state and tries columns are as wide as what they show, and the drill
    column takes the rest (the scroll bar's two cells kept)."""
    app = build()
    if state == "passed with hints":
        app.workspace.store.record_attempt(
            card_id="tiny-sgd", status="passed", verdict_json="{}", attempted_at=clock(),
            hints_used=1,
        )  # fmt: skip
    async with app.run_test(size=size) as pilot:
        table = await open_table(app, pilot, "l")
        drill, shown, tries, topic = widths(table)
        assert (shown, tries, topic) == (len(state) + 2, len("tries") + 2, len("drills") + 2)
        assert drill + shown + tries + topic == table.size.width - 2
        line = row_text(table, long_title)
        if len(long_title) <= drill - 2:
            assert long_title in line
        else:  # folded at a space onto the row's second line, whole
            parts = line[:drill].split() + next_line(table, line)[:drill].split()
            assert " ".join(parts) == long_title and "…" not in line
        assert f" {state} " in line and line.rstrip().endswith("drills"), "nothing else cut"


async def test_a_list_refits_when_it_comes_back_from_deeper_in_the_stack(
    build: AppFactory, long_title: str
) -> None:
    """Resized while under a drill and its help (the list is not laid out then), the list
    refits when it comes back."""
    expected = await widths_when_opened(build, "l", NARROW)
    app = build()
    async with app.run_test(size=WIDE) as pilot:
        table = await open_table(app, pilot, "l")
        listing = app.screen
        await press(pilot, "enter")
        await showing(pilot, DrillScreen)
        await press(pilot, "f1")
        await showing(pilot, HelpScreen)
        await resize(pilot, *NARROW)
        await press(pilot, "escape")
        await showing(pilot, DrillScreen)
        await press(pilot, "escape")
        assert await wait_until(pilot, lambda: app.screen is listing)
        await settle(pilot)
        assert widths(table) == expected
        assert table.virtual_size.width <= table.size.width


async def open_summary(app: DrillbitApp, pilot: Pilot[None]) -> DataTable[object]:
    """Answer one card of a cram session and end it; the summary's table."""
    await showing(pilot, StudyScreen)
    study = app.screen
    await press(pilot, "2", "enter")
    # escape before the answer is in would end a session with nothing answered
    assert await wait_until(
        pilot, lambda: isinstance(study, StudyScreen) and study.phase == "feedback"
    )
    await press(pilot, "escape")
    return await filled_table(app, pilot, SummaryScreen)


async def summary_widths_when_opened(build: AppFactory, size: tuple[int, int]) -> list[int]:
    """The summary table's column widths when the summary is shown at `size`."""
    app = build(study=StudyRequest(mode="cram"))
    async with app.run_test(size=size) as pilot:
        return widths(await open_summary(app, pilot))


@pytest.fixture
def long_summary_title(tui_bank: Path) -> str:
    """Give the choice card (answered first in a cram) a title too long for 80 columns."""
    card = tui_bank / "mini" / "basics" / "dropout-inference.md"
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("title: Inverted dropout at inference", f"title: {LONG_TITLE}"))
    return LONG_TITLE


@pytest.mark.parametrize(
    ("start", "end"), [(WIDE, NARROW), (NARROW, WIDE)], ids=["120to80", "80to120"]
)
async def test_summary_layout_follows_the_terminal_width(
    build: AppFactory, long_summary_title: str, start: tuple[int, int], end: tuple[int, int]
) -> None:
    expected = {end: await summary_widths_when_opened(build, end)}
    app = build(study=StudyRequest(mode="cram"))
    async with app.run_test(size=start) as pilot:
        table = await open_summary(app, pilot)
        expected[start] = widths(table)
        assert expected[WIDE] != expected[NARROW], "the two layouts differ"
        for size in (end, start):
            await resize(pilot, *size)
            assert widths(table) == expected[size], f"the layout chosen at {size}"
            assert table.virtual_size.width <= table.size.width


async def test_a_title_the_summary_cannot_hold_wraps_whole(
    build: AppFactory, long_summary_title: str
) -> None:
    """At 80 columns the card column takes what the others leave, and a title wider than
    it goes on in a second line (forty-fifth round: it was cut, "…" at its end, and after a
    mock at 80x24 "Learnable parameters of a batch-…" left the person guessing)."""
    app = build(study=StudyRequest(mode="cram"))
    async with app.run_test(size=NARROW) as pilot:
        table = await open_summary(app, pilot)
        line = row_text(table, LONG_TITLE)
        below = next_line(table, line)
        assert LONG_TITLE not in line and "…" not in f"{line}{below}"
        assert f"{LONG_TITLE[:40]}" in line, "a short topic leaves the title most of the row"
        [cell] = [
            row[0]
            for row in map(table.get_row_at, range(table.row_count))
            if str(row[0]).startswith(LONG_TITLE[:20])
        ]
        assert str(cell).replace("\n", " ") == LONG_TITLE
        assert str(cell).split("\n")[1] in below
        assert table.virtual_size.width <= table.size.width
    app = build(study=StudyRequest(mode="cram"))
    async with app.run_test(size=WIDE) as pilot:
        table = await open_summary(app, pilot)
        assert LONG_TITLE in row_text(table, LONG_TITLE)


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80", "120"])
@pytest.mark.parametrize("title", ["A gradient-descent step", LONG_TITLE], ids=["short", "long"])
async def test_the_drill_lists_topic_is_whole_beside_titles_that_fit_and_marked_when_cut(
    build: AppFactory, tui_bank: Path, size: tuple[int, int], title: str
) -> None:
    """The topic column was cut at 14 cells whatever the room ("gradient-chec…" beside a
    title half as wide as its column): it is whole while the titles are whole beside it on
    their two lines, and cut with a sign only as far as a title would be cut instead (80
    columns, a long title: cut at 14 cells until the forty-fourth round, though the title
    needed only two of them)."""
    topic = "gradient-checking-drills"
    folder = tui_bank / "mini" / topic
    (tui_bank / "mini" / "drills").rename(folder)
    card = folder / "tiny-sgd.md"
    text = card.read_text(encoding="utf-8").replace("topic: drills", f"topic: {topic}")
    card.write_text(text.replace("title: A gradient-descent step", f"title: {title}"))
    whole = size == WIDE or title != LONG_TITLE
    app = build()
    async with app.run_test(size=size) as pilot:
        table = await open_table(app, pilot, "l")
        line = row_text(table, title)
        assert (topic in line) is whole
        if not whole:  # the title whole on its two lines, the topic cut only for it
            assert f"{topic[:21]}…" in line
            first = line.split("not started")[0]
            assert " ".join(f"{first} {next_line(table, line)}".split()) == title
        assert table.virtual_size.width <= table.size.width


@pytest.mark.parametrize("reviewed", [False, True], ids=["all-new", "one-reviewed"])
@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80", "120"])
async def test_the_browsers_title_column_takes_what_the_others_leave_in_every_sort(
    build: AppFactory, long_title: str, size: tuple[int, int], reviewed: bool
) -> None:
    """At 80 columns sorted by difficulty the card column was 20 cells ("One step of Adam,
    w…") while the table used 62 of the 80 and the due column was empty (every card new):
    the other columns are as wide as what they show, and the card column takes the rest
    (the scroll bar's two cells kept), in every sort."""
    app = build()
    if reviewed:  # a due time and a difficulty to show widen their columns
        session = app.workspace.start_session(StudyRequest(mode="due", kind="choice"))
        session.answer(False)
        session.finish()
    async with app.run_test(size=size) as pilot:
        table = await open_table(app, pilot, "b")
        browser = app.screen
        assert isinstance(browser, BrowserScreen)
        for sort in ("content", "due", "difficulty", "lapses"):
            if browser.sort != sort:
                await press(pilot, "ctrl+o")
            assert browser.sort == sort
            await settle(pilot)
            used = sum(widths(table))
            assert table.size.width - 2 <= used <= table.size.width, (sort, widths(table))
            card = table.columns[table.ordered_columns[0].key].get_render_width(table) - 2
            line = row_text(table, long_title)
            if len(long_title) <= card:
                assert long_title in line, sort
            else:  # cut where the column ends, with a sign
                assert f"{long_title[: card - 1]}…" in line, sort
            assert line.rstrip().endswith("0"), "the lapses column is on screen"


@pytest.mark.parametrize("state", ["not started", "passed with hints"])
def test_every_bundled_topic_is_whole_in_the_drill_list_at_80_columns(state: DrillState) -> None:
    """At 80 columns the bundled "gradient-checking" read "gradient-chec…" (forty-third
    round): every bundled topic is whole, beside every title whole on its two lines, with
    the state column at its narrowest and at its widest."""
    workspace = Workspace.open()
    try:
        rows = [replace(row, state=state) for row in drills_view(workspace).rows]
    finally:
        workspace.close()
    widths = column_widths(rows, 80)
    assert widths["topic"] == max(len(row.topic) for row in rows) == len("gradient-checking")
    assert titles_whole(rows, widths["drill"])
    assert sum(width + 2 for width in widths.values()) + 2 == 80  # the scroll bar's two
