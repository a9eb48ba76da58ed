"""A notice that follows a cleared one shows where the first did. Textual's rack, shown the
notices again, removed a cleared notice's toast but left its holder behind, empty, and each
such holder took a row: in the drill (one notice at a time) the second notice showed one
row lower than the first, the third two rows lower."""

from __future__ import annotations

import pytest
from textual.widgets._toast import Toast, ToastHolder

from quiz.tui.screens.drill import DrillScreen
from tests.tui.conftest import AppFactory, settle, showing, wait_until


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_each_notice_in_a_row_shows_where_the_first_did(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    app = build(drill="tiny-sgd")
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)  # on screen while looked at
    async with app.run_test(size=size, notifications=True) as pilot:
        screen = await showing(pilot, DrillScreen)
        places = []
        for words in ("No hints left.", "Back to the starter code.", "No hints left."):
            screen.notify(words, severity="warning")  # clears the one shown first
            await settle(pilot)

            def shown(words: str = words) -> bool:
                return [words in str(toast.render()) for toast in screen.query(Toast)] == [True]

            assert await wait_until(pilot, shown)
            await settle(pilot)
            places.append(screen.query_one(Toast).region)
            assert len(screen.query(ToastHolder)) == 1, "no holder left of a cleared notice"
        assert places[0].y >= 1  # drawn, under the title bar
        assert [place.y for place in places] == [places[0].y] * 3
