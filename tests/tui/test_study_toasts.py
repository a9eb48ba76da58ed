"""Notices during study: where they land, so the card being read stays in view."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widgets._toast import Toast

from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.footer import KeysFooter
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, showing, wait_until


def _toast_regions(screen: StudyScreen) -> list[Region]:
    return [toast.region for toast in screen.query(Toast)]


@pytest.mark.parametrize(("size", "toast_width"), [((80, 24), 80), ((120, 40), 59)])
async def test_a_notice_during_study_leaves_the_card_and_the_keys_in_view(
    build: AppFactory, size: tuple[int, int], toast_width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 80x24 a bury's notice ("Buried until tomorrow: ...") was Textual's half-width
    box over the next card's right half for five seconds, the question cut under it; then
    a full-width line over the footer, whose keys it hid as long. It is a full-width line
    over the hint above the footer now (the hint repeats the footer's keys in words); at
    120 columns it stays Textual's box (60 columns with its gutter), above the footer too."""
    app = build(study=StudyRequest(mode="cram"))
    # on screen while looked at, however loaded the machine
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    async with app.run_test(size=size, notifications=True) as pilot:
        screen = await showing(pilot, StudyScreen)
        await press(pilot, "b")
        assert await wait_until(pilot, lambda: bool(_toast_regions(screen)))
        [toast] = _toast_regions(screen)
        assert toast.width == toast_width
        assert not toast.overlaps(screen.query_one(KeysFooter).region)
        if size == (80, 24):
            card = screen.query_one("#study-body").region
            heading = screen.query_one("#study-card-title").region
            status = screen.query_one("#study-status").region
            assert not toast.overlaps(card) and not toast.overlaps(heading)
            assert toast == status  # one line, over the hint alone
            assert toast.y == size[1] - 2


async def test_a_titled_notice_at_80_columns_leaves_the_footer_in_view(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A titled notice ("Interview plan", "Leech") is two lines: it takes the hint and the
    card's last line, and the footer's keys stay readable under it."""
    app = build(study=StudyRequest(mode="cram"))
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await showing(pilot, StudyScreen)
        app.notify("Today's plan minutes are nearly used: 2 cards wait.", title="Interview plan")
        laid_out = lambda: any(region.height for region in _toast_regions(screen))  # noqa: E731
        assert await wait_until(pilot, laid_out)
        [toast] = _toast_regions(screen)
        footer = screen.query_one(KeysFooter).region
        assert toast.height == 2 and toast.width == 80
        assert not toast.overlaps(footer)
        assert toast.bottom == footer.y
        assert not toast.overlaps(screen.query_one("#study-card-title").region)


async def test_a_notice_on_the_rating_keys_at_80_columns_leaves_them_in_view(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A notice still up when the rating keys come ("Skipped: ...", a drill's "passed →
    Hard", then space and enter on the next card within its five seconds) sat on the keys'
    row, under the hint. The keys are above the hint now: the notice takes the hint."""
    app = build(study=StudyRequest(mode="cram", kind="concept"))
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await showing(pilot, StudyScreen)
        await press(pilot, "space", "enter")
        ratings = screen.query_one("#study-ratings")
        assert ratings.display and "Again" in str(ratings.render())
        app.notify("Skipped: it comes back at the end.")
        laid_out = lambda: any(region.height for region in _toast_regions(screen))  # noqa: E731
        assert await wait_until(pilot, laid_out)
        [toast] = _toast_regions(screen)
        assert not toast.overlaps(ratings.region)
        assert not toast.overlaps(screen.query_one(KeysFooter).region)
        assert toast == screen.query_one("#study-status").region
