"""Home's notices take rows of their own, under the title bar and above the summary: they
cover nothing. At 80x24 a notice at the bottom right covered the rows' numbers; moved to
the top right, one notice fitted over the title bar and the summary's repeated total, but
two or three at once (a welcome back, a kept theme this Textual lacks, a session left
with nothing answered) stacked down over the first six rows' counts. The table gives up
the rows the notices take, and scrolls."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import DataTable, Header, Static
from textual.widgets._toast import Toast

from quiz.overview import nothing_to_study
from quiz.settings import Settings
from quiz.study import Session, SessionOptions
from quiz.study.away import Away
from quiz.study.cards import Filters
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.themes import fallback_note
from quiz.tui.widgets.footer import KeysFooter
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, press_card_keys, settle, showing, wait_until


async def _toast(pilot: Pilot[None], home: HomeScreen) -> Toast:
    """The one notice on Home, once it is shown."""
    assert await wait_until(pilot, lambda: bool(list(home.query(Toast))))
    [toast] = home.query(Toast)
    return toast


def _covered(home: HomeScreen, toast: Region) -> list[str]:
    """The parts of Home a notice's region lies over (none, when it has rows of its own)."""
    parts = [home.query_one(Header), home.query_one("#home-summary", Static)]
    parts += [home.query_one(DataTable), home.query_one("#home-hint", Static)]
    parts.append(home.query_one(KeysFooter))
    return [str(part) for part in parts if part.region.overlaps(toast)]


async def test_a_session_ended_notice_leaves_the_rows_and_the_days_counts(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A session left with nothing answered says so on Home, in two rows of its own under
    the title bar, over none of the summary and the table."""
    app = build()
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)  # on screen while looked at
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "d")
        await showing(pilot, StudyScreen)
        await press_card_keys(pilot, "escape")
        await settle(pilot)
        home = await showing(pilot, HomeScreen)
        toast = (await _toast(pilot, home)).region
        assert _covered(home, toast) == [], toast
        assert toast.y == 1 and toast.height == 2
        summary = home.query_one("#home-summary", Static)
        assert summary.region.y == toast.bottom, "the summary right under it"
        assert "due" in str(summary.render()).splitlines()[0]


async def test_three_notices_at_once_cover_no_row_of_counts(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three notices stacked over the first six rows' counts at 80x24 (forty-fourth
    round): each has rows of its own now, and every row of the table shown is whole."""
    app = build()
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    away = Away(days=12, came_due=1234, plan_days_lost=10, plan_days_left=18).phrase()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        home = await showing(pilot, HomeScreen)
        home.notify(away, title="Welcome back")
        theme_note = fallback_note("amber-glow-2019", app.available_themes)
        assert theme_note is not None
        home.notify(theme_note, title="Settings", severity="warning")
        home.notify("Nothing was answered.", title="Session ended: All packs")
        assert await wait_until(pilot, lambda: len(home.query(Toast)) == 3)
        await settle(pilot)
        toasts = [toast.region for toast in home.query(Toast)]
        assert all(_covered(home, toast) == [] for toast in toasts), toasts
        table = home.query_one(DataTable)
        assert table.region.y >= max(toast.bottom for toast in toasts)
        assert table.region.height >= 4, "the header row and three rows at least"


async def test_the_longest_notice_of_home_covers_no_row_of_counts(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The welcome back under a plan, Home's longest notice: its rows end by the table's
    header row, so every row's counts stay in sight."""
    app = build()
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    away = Away(days=12, came_due=1234, plan_days_lost=10, plan_days_left=18).phrase()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        home = await showing(pilot, HomeScreen)
        home.notify(away, title="Welcome back")
        toast = (await _toast(pilot, home)).region
        table = home.query_one(DataTable).region
        assert toast.y + toast.height <= table.y + 1, (toast, table)  # the header row at most


LONGEST_BUNDLED_TAG = "permutation-equivariance"
"""The bundled bank's longest tag (with "universal-approximation"): the tag's note names it."""


@pytest.mark.parametrize("notice", ["new_per_day 0", "tag", "theme", "theme close"])
async def test_home_s_notices_without_a_plan_cover_no_row_of_counts(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch, notice: str
) -> None:
    """Without a plan the summary is a line shorter and the table's header row is the
    fourth: "Nothing to study here right now: ... new_per_day is 0, so no new card comes
    (Settings, ,). Try c (cram) or m (mock): they do not change the schedule." and a tag's
    session's note took five rows (forty-fourth round), over the All packs row's counts,
    and the start's note on a kept theme this Textual lacks listed all 21 themes when no
    name was close. Each says the same in fewer words, and ends by the header row."""
    settings = Settings(shuffle_choices=False)
    if notice == "new_per_day 0":
        settings = replace(settings, new_per_day=0)
    if notice.startswith("theme"):  # a name kept from an older Textual, or mistyped
        kept = "textual-darkk" if notice == "theme close" else "amber-glow-2019"
        settings = replace(settings, theme=kept)
    app = build(settings=settings)
    monkeypatch.setattr(app, "NOTIFICATION_TIMEOUT", 600.0)
    notify = app.notify  # the start's theme note names its own 20 s, which a loaded start outlasts
    monkeypatch.setattr(
        app, "notify", lambda message, **kw: notify(message, **kw | {"timeout": 600.0})
    )
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        home = await showing(pilot, HomeScreen)
        if notice == "new_per_day 0":
            await press(pilot, "d")
            await settle(pilot)
        if notice == "tag":
            ws = app.workspace
            request = StudyRequest(mode="due", tag=LONGEST_BUNDLED_TAG)
            options = SessionOptions(filters=Filters(tag=LONGEST_BUNDLED_TAG))
            home.notify(
                nothing_to_study(Session(ws.store, [], options, clock=ws.clock)),
                title=request.describe(),
            )
        toast = await _toast(pilot, home)
        assert await wait_until(pilot, lambda: toast.region.height > 0)  # laid out
        said = str(toast.render())
        words = {"new_per_day 0": "new_per_day 0", "tag": "Cram tag"}
        assert words.get(notice, "Using textual-dark") in said
        table = home.query_one(DataTable).region
        region = toast.region
        assert region.y + region.height <= table.y + 1, (region, table, said)
