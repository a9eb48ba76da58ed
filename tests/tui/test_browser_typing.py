"""The card browser while typing and re-sorting: a run of keys searches once, a key that
acts on a row acts on the rows of the box's text, and the cursor's row after a new search
or sort costs one page of rows, not every row above it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fsrs import Rating
from textual.widgets import DataTable

import quiz.tui.screens.browser as browser_module
from quiz.browser import browse
from quiz.tui.screens.browser import PAGE_ROWS, BrowserScreen
from quiz.workspace import StudyRequest, Workspace
from tests.tui.conftest import AppFactory, press, searched, settle, showing

QUERY = "keep_prob"


def _count_searches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The search texts the browser ranks its rows for, in order."""
    real = browse
    searches: list[str] = []

    def counted(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("search", "").strip():
            searches.append(kwargs["search"])
        return real(*args, **kwargs)

    monkeypatch.setattr(browser_module, "browse", counted)
    return searches


async def test_a_run_of_keys_searches_once_and_a_row_key_acts_on_the_last_text(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each key searched every card (70-240 ms on a heavy user's bank, the next keys
    waiting). The first key of a run searches at once; the keys that follow within
    SEARCH_PAUSE of a search wait for typing to pause (here it never does: the pause is
    an hour), and a key that acts on a row (suspend) searches first, so it acts on the
    card the box's text finds."""
    searches = _count_searches(monkeypatch)
    monkeypatch.setattr(browser_module, "SEARCH_PAUSE", 3600.0, raising=False)
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        await press(pilot, *QUERY)
        assert searches == ["k"], "the first key at once, the run after it waits"
        await press(pilot, "ctrl+s")
        assert searches[:2] == ["k", QUERY], "searched before suspending"
        assert set(searches[2:]) <= {QUERY}  # the rows read again once the card is set aside
        assert [row.card.id for row in browser.shown] == ["dropout-inference"]
        assert [row.state for row in browser.shown] == ["suspended"]
        assert app.workspace.store.card_flags()["dropout-inference"].suspended


async def test_the_rows_follow_the_box_once_typing_pauses(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    searches = _count_searches(monkeypatch)
    monkeypatch.setattr(browser_module, "SEARCH_PAUSE", 0.05, raising=False)
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        await pilot.press(*QUERY)  # typed in one run
        await searched(pilot)
        assert searches[-1] == QUERY and len(searches) <= len(QUERY)
        assert [row.card.id for row in browser.shown] == ["dropout-inference"]


@pytest.fixture
def big_bank(tmp_path: Path) -> Path:
    """1,500 generated cards: more than three pages of rows."""
    from bench.bankgen import generate_bank

    return generate_bank(tmp_path / "big", 1500)


def _one_card_due(workspace: Workspace) -> None:
    """sigmoid-bound (the second card) answered: the one card with a due time."""
    session = workspace.start_session(StudyRequest(kind="numeric"))
    assert session.current is not None and session.current.id == "sigmoid-bound"
    session.show()
    session.rate(Rating.Good)
    session.finish()


def _row_of(browser: BrowserScreen, card_id: str) -> int:
    return [row.card.id for row in browser.shown].index(card_id)


async def test_a_new_sort_keeps_the_card_when_it_lands_on_the_first_page(
    build: AppFactory, big_bank: Path
) -> None:
    """Anki keeps the highlighted card after a sort. The cursor stayed on its row number,
    on another card: here the one card with a due time moves from its row to the top of
    the due sort, and the cursor goes with it."""
    app = build(extra=[big_bank])
    _one_card_due(app.workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        table = browser.query_one(DataTable)
        row = _row_of(browser, "sigmoid-bound")
        assert row > 0
        table.move_cursor(row=row)
        await settle(pilot)
        await press(pilot, "ctrl+o")  # sort by due: the only card with a due time first
        assert browser.sort == "due" and _row_of(browser, "sigmoid-bound") == 0
        highlighted = browser.highlighted()
        assert highlighted is not None and highlighted.card.id == "sigmoid-bound"
        assert table.row_count == PAGE_ROWS


async def test_far_down_a_new_sort_or_search_goes_to_the_top_with_one_page(
    build: AppFactory, big_bank: Path
) -> None:
    """With the cursor far down, a new sort put every row above the cursor's row back in
    the table (a second per thousand rows on a loaded machine), for a cursor on another
    card. A card that does not land on the first page is not followed: the cursor goes to
    the top and the table holds one page. A new search starts at its best match, at the
    top, too."""
    app = build(extra=[big_bank])
    _one_card_due(app.workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        table = browser.query_one(DataTable)
        for _ in range(4):  # down the rows a page at a time, as the table grows
            table.move_cursor(row=table.row_count - 1)
            await settle(pilot)
        far = table.cursor_row
        assert far >= 3 * PAGE_ROWS
        await press(pilot, "ctrl+o")  # sigmoid-bound first, every row under it one down
        assert browser.sort == "due" and _row_of(browser, "sigmoid-bound") == 0
        assert table.cursor_row == 0 and table.row_count == PAGE_ROWS
        table.move_cursor(row=table.row_count - 1)
        await settle(pilot)
        table.move_cursor(row=table.row_count - 1)
        await settle(pilot)
        assert table.cursor_row >= PAGE_ROWS
        await press(pilot, *"card")
        await searched(pilot)
        best = browser.highlighted()
        assert best is not None and best == browser.shown[0]
        assert table.cursor_row == 0 and table.row_count == PAGE_ROWS


async def test_a_key_that_leaves_the_rows_as_they_are_keeps_the_table(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the search was quick, refilling the table was most of a key's time: "keep_pro"
    and "keep_prob" find the same card, and the table keeps its row; a key that changes
    the rows refills it."""
    from quiz.tui.widgets.fitted_table import FittedTable

    cleared: list[int] = []
    real_clear = FittedTable.clear

    def counted(self: FittedTable[object], columns: bool = False) -> Any:
        cleared.append(self.row_count)
        return real_clear(self, columns)

    monkeypatch.setattr(FittedTable, "clear", counted)
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        await press(pilot, *"keep_pro")
        await searched(pilot)
        assert [row.card.id for row in browser.shown] == ["dropout-inference"]
        before = len(cleared)
        await press(pilot, "b")
        await searched(pilot)
        assert len(cleared) == before, "the same row: the table kept it"
        table = browser.query_one(DataTable)
        assert table.row_count == 1 and str(table.get_row_at(0)[0]).startswith("Inverted")
        await press(pilot, "backspace", *"x")  # keep_prox: no card
        await searched(pilot)
        assert browser.shown == [] and table.row_count == 0 and len(cleared) > before


async def test_every_sort_from_a_scrolled_table_keeps_the_columns_and_the_rows_together(
    build: AppFactory, big_bank: Path
) -> None:
    """Clearing the table for a new sort scrolls it to the top, and the scroll's watcher
    added the next page at once, with the new sort's cells (the difficulty column) but
    the old sort's columns: from a scrolled table, sorting by difficulty ended the app
    with "More values provided than there are columns" (found at 80x24 in tmux)."""
    app = build(extra=[big_bank])
    _one_card_due(app.workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        table = browser.query_one(DataTable)
        for sort in ("due", "difficulty", "lapses", "content", "due", "difficulty"):
            table.move_cursor(row=60)  # scrolled: the first rows are off the screen
            await settle(pilot)
            assert table.scroll_y > 0
            await press(pilot, "ctrl+o")
            assert browser.sort == sort
            columns = [column.key.value for column in table.ordered_columns]
            assert ("difficulty" in columns) == (sort == "difficulty"), columns
            assert table.row_count >= PAGE_ROWS
            assert all(len(table.get_row_at(n)) == len(columns) for n in (0, table.row_count - 1))
