"""Tables share the width with the titles: the drill list's topics and the card browser's
difficulty column take only the room the titles leave, at 80 columns as at 120."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.conftest import AppFactory, settle
from tests.tui.test_resize_columns import NARROW, WIDE, open_table, row_text

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
