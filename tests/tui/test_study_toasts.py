"""Notices during study: where they land, so the card being read stays in view."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widgets._toast import Toast

from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, showing, wait_until


def _toast_regions(screen: StudyScreen) -> list[Region]:
    return [toast.region for toast in screen.query(Toast)]


@pytest.mark.parametrize(("size", "toast_width"), [((80, 24), 80), ((120, 40), 59)])
async def test_a_notice_during_study_leaves_the_card_in_view(
    build: AppFactory, size: tuple[int, int], toast_width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80x24 a bury's notice ("Buried until tomorrow: ...") was Textual's half-width
    box over the next card's right half for five seconds, the question cut under it. It
    is a full-width line over the footer there now; at 120 columns it stays Textual's box
    (60 columns with its gutter)."""
    app = build(study=StudyRequest(mode="cram"))
    # on screen while looked at, however loaded the machine
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    async with app.run_test(size=size, notifications=True) as pilot:
        screen = await showing(pilot, StudyScreen)
        await press(pilot, "b")
        assert await wait_until(pilot, lambda: bool(_toast_regions(screen)))
        [toast] = _toast_regions(screen)
        assert toast.width == toast_width
        if size == (80, 24):
            card = screen.query_one("#study-body").region
            heading = screen.query_one("#study-card-title").region
            status = screen.query_one("#study-status").region
            assert not toast.overlaps(card) and not toast.overlaps(heading)
            assert not toast.overlaps(status)  # one line, over the footer alone
            assert toast.y == size[1] - 1
