"""The card browser's first frame: the first page's rows before every card's (`_fill`)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Label

from bench.bankgen import generate_bank
from quiz.tui.screens.browser import PAGE_ROWS, BrowserScreen
from tests.tui.conftest import AppFactory, press, settle, showing

CARDS = 3 * PAGE_ROWS + 50


def _titles(table: DataTable[object]) -> list[str]:
    return [str(table.get_row_at(n)[0]) for n in range(table.row_count)]


async def test_the_first_page_comes_first_and_a_search_or_sort_sees_every_card(
    build: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Held at the first page (its fill not run), the browser shows that page and counts
    every card in its title; a search finds a card past the page, and a sort orders every
    card, not the page's: neither waits for the fill nor works on the page alone."""
    monkeypatch.setattr(BrowserScreen, "_fill", lambda self: None, raising=False)
    app = build(extra=[generate_bank(tmp_path / "big", CARDS)])
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        every = len(app.workspace.content.refs)
        table = browser.query_one(DataTable)
        assert len(browser.shown) == table.row_count == PAGE_ROWS, "the page alone so far"
        title = str(browser.query_one("#browser-title", Label).content)
        assert f"Cards: {every:,} of {every:,}" in title
        await press(pilot, "ctrl+o")  # by due: every card's rows, ordered
        assert len(browser.shown) == every
        title = str(browser.query_one("#browser-title", Label).content)
        assert f"Cards: {every:,} of {every:,}" in title
        browser.query_one(Input).value = "card-00610"  # past the first page
        await settle(pilot)
        assert [row.card.id for row in browser.shown] == ["card-00610"]
        assert _titles(table) == ["Generated card 610"]


async def test_every_card_is_in_once_scrolled_to_the_end(build: AppFactory, tmp_path: Path) -> None:
    """After the first page, the rest follow: scrolled to the end page by page, the table
    ends with the bank's last card and holds every card once, in content order."""
    app = build(extra=[generate_bank(tmp_path / "big", CARDS)])
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        refs = app.workspace.content.refs
        table = browser.query_one(DataTable)
        assert len(browser.shown) == len(refs)
        while table.row_count < len(refs):
            before = table.row_count
            table.scroll_end(animate=False, immediate=True)
            await settle(pilot)
            assert table.row_count > before, "scrolling to the end adds the next page"
        assert _titles(table) == [ref.title for ref in refs]
        assert [row.card.id for row in browser.shown] == [ref.id for ref in refs]


def _widths(table: DataTable[object]) -> list[tuple[str, int]]:
    return [(str(column.label), column.width) for column in table.ordered_columns]


async def test_the_rows_after_the_first_page_do_not_move_the_columns(
    build: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first page's cards are all new, and cards past it are suspended, in learning
    and overdue: the first page's columns are already as wide as those cards' cells (from
    the store's bounds), so the rows that follow leave every column where it was."""
    from fsrs import Card, Rating, Scheduler

    fill = BrowserScreen._fill
    monkeypatch.setattr(BrowserScreen, "_fill", lambda self: None, raising=False)
    app = build(extra=[generate_bank(tmp_path / "big", CARDS)])
    ws = app.workspace
    now = ws.now()
    before = now - timedelta(days=40)
    after, _ = Scheduler(enable_fuzzing=False).review_card(Card(), Rating.Good, before)
    last, *learning = [ref.id for ref in ws.content.refs[-3:]]  # past the first page
    for card_id in learning:  # in learning, overdue since: "*01-21 09:30"
        ws.store.record_review(
            card_id=card_id,
            rating=int(Rating.Good),
            correct=True,
            reviewed_at=before,
            mode="due",
            card_after=after.to_json(),
        )
    ws.store.set_flag(last, suspended=True, buried_until=None, now=now)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await settle(pilot)
        table = browser.query_one(DataTable)
        assert len(browser.shown) == PAGE_ROWS, "the first page alone"
        assert {row.state for row in browser.shown} == {"new"}
        first = _widths(table)
        fill(browser)
        await settle(pilot)
        assert {"suspended", "learning"} <= {row.state for row in browser.shown}
        assert _widths(table) == first
