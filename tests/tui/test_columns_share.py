"""Tables share the width with the titles: the drill list's topics and the card browser's
difficulty column take only the room the titles leave, at 80 columns as at 120."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from quiz.tui.screens.browser import BrowserScreen
from tests.tui.conftest import AppFactory, press, resize, settle, showing
from tests.tui.test_resize_columns import LONG_TITLE, NARROW, WIDE, open_table, row_text

TOPICS = [f"regularisation-{n:02d}" for n in range(20)]
"""Twenty topics of 17 cells that share their first 14: cut at 14 cells they read alike."""


@pytest.fixture
def twenty_topics(tui_bank: Path) -> list[str]:
    """The drill copied into twenty topics of its own (one drill each), titled by number."""
    text = (tui_bank / "mini" / "drills" / "tiny-sgd.md").read_text(encoding="utf-8")
    for n, topic in enumerate(TOPICS):
        folder = tui_bank / "mini" / topic
        folder.mkdir()
        card = text.replace("id: tiny-sgd", f"id: sgd-{n:02d}").replace(
            "topic: drills", f"topic: {topic}"
        )
        card = card.replace("title: A gradient-descent step", f"title: Descent step {n:02d}")
        (folder / f"sgd-{n:02d}.md").write_text(card, encoding="utf-8")
    return TOPICS


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80", "120"])
async def test_the_drill_list_shows_each_of_twenty_topics_whole(
    build: AppFactory, twenty_topics: list[str], size: tuple[int, int]
) -> None:
    """Every drill of a bank of twenty topics is in the list, each beside its own topic:
    at 80 columns the topics were cut to 14 cells, every row "regularisation…" (the 20
    topics read as one) beside titles a third as wide as their column."""
    app = build()
    async with app.run_test(size=size) as pilot:
        table = await open_table(app, pilot, "l")
        assert table.row_count == len(twenty_topics) + 1  # and the bank's own drill
        for n, topic in enumerate(twenty_topics):
            table.move_cursor(row=n)  # the rows below the screen scroll into it
            await settle(pilot)
            line = row_text(table, f"Descent step {n:02d}")
            assert topic in line, line
        assert table.virtual_size.width <= table.size.width


@pytest.fixture
def long_titled(tui_bank: Path) -> str:
    """Give the drill a title too long for 80 columns."""
    card = tui_bank / "mini" / "drills" / "tiny-sgd.md"
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("title: A gradient-descent step", f"title: {LONG_TITLE}"))
    return LONG_TITLE


async def test_sorted_by_difficulty_the_titles_keep_the_room_at_80_columns(
    build: AppFactory, long_titled: str
) -> None:
    """Sorted by difficulty at 80 columns the card column lost 10 cells to the label
    "difficulty" over cells of three ("–", "5.3") and cut titles at 34 cells: the label
    reads "diff" while titles are cut, and "difficulty" again where they fit (120)."""
    app = build()
    async with app.run_test(size=NARROW) as pilot:
        await press(pilot, "b")
        browser = await showing(pilot, BrowserScreen)
        await press(pilot, "ctrl+o", "ctrl+o")  # content -> due -> difficulty
        assert browser.sort == "difficulty"
        table: DataTable[object] = browser.query_one(DataTable)
        labels = [str(column.label) for column in table.ordered_columns]
        assert labels == ["card", "kind", "state", "due", "diff", "lapses"]
        assert f"{long_titled[:40]}…" in row_text(table, long_titled)
        await resize(pilot, *WIDE)
        await settle(pilot)
        labels = [str(column.label) for column in table.ordered_columns]
        assert labels == ["card", "kind", "state", "due", "difficulty", "lapses"]
        assert long_titled in row_text(table, long_titled)
        await resize(pilot, *NARROW)
        await settle(pilot)
        assert str(table.ordered_columns[4].label) == "diff"
        assert table.virtual_size.width <= table.size.width
