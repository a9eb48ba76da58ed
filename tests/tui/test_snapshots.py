"""Screenshots of every screen at 80x24 and 120x40 (fake clock, no cursor blink, fixed seeds).

Update after an intended change with `uv run pytest tests/tui --snapshot-update` and look
at the SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, timedelta
from pathlib import Path
from time import time

import pytest
import textual.notifications
from textual.pilot import Pilot
from textual.widgets import Input, TextArea
from textual.widgets._footer import FooterKey

from quiz.store import InterviewPlan
from quiz.study.away import Away
from quiz.study.forecast import DayDue
from quiz.tui.app import DrillbitApp
from quiz.tui.themes import fallback_note
from quiz.tui.widgets.answers import NumberAnswer
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    SOLUTION,
    WRONG,
    AppFactory,
    FakeClock,
    press,
    set_plan,
    settle,
    wait_until,
)
from tests.tui.test_study import (
    LONG_POINTS,
    MORE_POINTS,
    lengthen_relu,
    long_concept,  # noqa: F401  (the fixture)
)
from tests.tui.test_verdict_isolation import graded_wrong

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

SnapCompare = Callable[..., bool]

LATE_SECONDS = 60.0
"""How late every picture is taken, as Textual's notices see it: on a loaded machine a
test's keys, grading and settling outlast a notice's default 5 s (test_drill_passed[80x24]
lost its "Passed." notice in a run of the first 80 TUI tests at load 30 on 2 cores)."""


@pytest.fixture(autouse=True)
def _late_pictures(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every notice reads a clock LATE_SECONDS ahead, so a picture is taken as late as a
    loaded machine takes it, on every run; a notice without a timeout of its own stays 600 s,
    so the picture still shows what it shows on a quick machine. Without the longer stay
    test_drill_passed fails on every run, as it failed by chance under load."""
    monkeypatch.setattr(textual.notifications, "time", lambda: time() + LATE_SECONDS)
    monkeypatch.setattr(DrillbitApp, "NOTIFICATION_TIMEOUT", 600.0)


def keys(*pressed: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """A `run_before` that presses the keys one at a time, each handled in full (`press`):
    snap_compare's `press=` waits between keys only on `pilot.pause()`'s guess."""

    async def run_before(pilot: Pilot[None]) -> None:
        await press(pilot, *pressed)

    return run_before


def history(app: DrillbitApp, clock: FakeClock) -> None:
    """A few days of reviews, so stats and counts have something to show."""
    ws = app.workspace
    start = clock.moment
    for day, rights in enumerate([(True, True, False), (True, False), (True, True, True)]):
        clock.moment = start - timedelta(days=3 - day)
        session = ws.start_session(StudyRequest(mode="cram", kind="choice"))
        for right in rights:
            if session.current is None:
                break
            session.answer(right)
            clock.advance(30)
        session.finish()
        session = ws.start_session(StudyRequest(mode="cram", kind="numeric"))
        session.answer(rights[-1])
        session.finish()
    clock.moment = start


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare: SnapCompare, build: AppFactory, size: tuple[int, int]) -> None:
    assert snap_compare(build(), terminal_size=size)


def test_home_with_three_notices(snap_compare: SnapCompare, build: AppFactory) -> None:
    """Three notices at once at 80x24 (a welcome back, a kept theme this Textual lacks, a
    session left with nothing answered): each in rows of its own above the summary, no
    row's counts under one (tests/tui/test_home_toasts.py)."""
    app = build()

    async def three_notices(pilot: Pilot[None]) -> None:
        away = Away(days=12, came_due=1234, plan_days_lost=10, plan_days_left=18).phrase()
        app.notify(away, title="Welcome back")
        theme = fallback_note("amber-glow-2019", app.available_themes)
        app.notify(theme or "", title="Settings", severity="warning")
        app.notify("Nothing was answered.", title="Session ended: All packs")
        await settle(pilot)

    assert snap_compare(app, run_before=three_notices, terminal_size=(80, 24))


@pytest.mark.parametrize("size", SIZES)
def test_home_with_a_plan(
    snap_compare: SnapCompare, build: AppFactory, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = build()
    start = clock.moment
    clock.moment = start - timedelta(days=3)  # a card answered then is due now by fsrs
    session = app.workspace.start_session(StudyRequest(mode="due", kind="choice"))
    session.answer(True)
    session.finish()
    clock.moment = start
    set_plan(app.workspace, 10, 5.0)  # the first count is the plan's for today instead

    async def forecast_done(pilot: Pilot[None]) -> None:
        # 5 minutes a day never fit the drill: the forecast's warning, once it is in
        await pilot.app.workers.wait_for_complete()
        # the welcome-back notice (last studied 3 days ago) is a toast with a timeout: a
        # loaded machine could take the picture after it left (tests/tui/test_home_away.py)
        pilot.app.clear_notifications()
        await settle(pilot)

    assert snap_compare(app, run_before=forecast_done, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_study_concept_revealed(
    snap_compare: SnapCompare, build: AppFactory, size: tuple[int, int]
) -> None:
    app = build(study=StudyRequest(kind="concept"))
    assert snap_compare(app, run_before=keys("space", "1"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_study_long_concept_revealed(
    snap_compare: SnapCompare, build: AppFactory, tui_bank: Path, size: tuple[int, int]
) -> None:
    """Five two-line key points: at 80x24 the question, the answer's title and six of its
    rows above the points' box, capped at half the column, which scrolls."""
    lengthen_relu(tui_bank)
    app = build(study=StudyRequest(kind="concept"))
    assert snap_compare(app, run_before=keys("space"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_study_long_answer_under_its_whole_question(
    snap_compare: SnapCompare,
    build: AppFactory,
    long_concept: Path,  # noqa: F811
    size: tuple[int, int],
) -> None:
    """A long answer revealed: at 80x24 the answer at the body's top and the question over
    it whole, wrapped on three rows under its "Q " (it was one row ending "takes …"); at
    120x40 the question itself above the answer."""
    app = build(study=StudyRequest(mode="cram", pack="long"), extra=[long_concept])
    assert snap_compare(app, run_before=keys("space"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_study_seven_key_points_last_ticked(
    snap_compare: SnapCompare, build: AppFactory, tui_bank: Path, size: tuple[int, int]
) -> None:
    """Seven two-line key points, the last ticked: at 80x24 the box is capped and scrolled
    to it, the answer's title and six rows above; at 120x40 beside the answer as before."""
    lengthen_relu(tui_bank, [*LONG_POINTS, *MORE_POINTS])
    app = build(study=StudyRequest(kind="concept"))
    assert snap_compare(app, run_before=keys("space", "7"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_study_choice_feedback(
    snap_compare: SnapCompare, build: AppFactory, size: tuple[int, int]
) -> None:
    app = build(study=StudyRequest(kind="choice"))
    assert snap_compare(app, run_before=keys("1", "enter"), terminal_size=size)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", SIZES)
def test_study_choice_code_focused(
    snap_compare: SnapCompare,
    build: AppFactory,
    code_choices: Path,
    size: tuple[int, int],
    theme: str,
) -> None:
    """Options in inline code, the list focused: each code span a grey box a shade off the
    list's highlight (test_code_in_options.py checks its 256-colour form)."""
    app = build(study=StudyRequest(mode="cram", pack="snippets"), extra=[code_choices])

    async def set_theme(pilot: Pilot[None]) -> None:
        app.theme = theme
        await settle(pilot)

    assert snap_compare(app, run_before=set_theme, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_study_mock_numeric(
    snap_compare: SnapCompare, build: AppFactory, size: tuple[int, int]
) -> None:
    app = build(study=StudyRequest(mode="mock", kind="numeric", minutes=5))

    async def type_a_number(pilot: Pilot[None]) -> None:
        await press(pilot, "0", ".", "2")
        # The footer drops "? Help" once the box holds text (it takes "?" then); its
        # keys are rebuilt a few messages after the key, later still on a loaded machine.
        # The box's cursor does not blink (the app's cursor_blink=False reaches it): it
        # blinked every 0.5 s, and a screenshot taken more than 0.5 s after the last key,
        # as on a loaded machine, caught it off (13 of 45 runs, three at a time beside two
        # busy loops, load 15-19).
        assert await wait_until(pilot, lambda: "question_mark" not in _footer_keys(app))
        box = app.screen.query_one(NumberAnswer)
        assert box.value == "0.2" and box.has_focus and not box.cursor_blink

    assert snap_compare(app, run_before=type_a_number, terminal_size=size)


def _footer_keys(app: DrillbitApp) -> set[str]:
    """The keys the footer shows now."""
    return {key.key for key in app.screen.query(FooterKey)}


@pytest.mark.parametrize("size", SIZES)
def test_drill_failed(snap_compare: SnapCompare, build: AppFactory, size: tuple[int, int]) -> None:
    app = build(drill="tiny-sgd")

    async def grade_wrong(pilot: Pilot[None]) -> None:
        app.screen.query_one("#editor", TextArea).load_text(WRONG)
        await press(pilot, "ctrl+t", "ctrl+r")
        await app.workers.wait_for_complete()
        await settle(pilot)

    assert snap_compare(app, run_before=grade_wrong, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_drill_failed_without_a_file_layer(
    snap_compare: SnapCompare, build: AppFactory, size: tuple[int, int]
) -> None:
    """A failure on a machine where neither bubblewrap nor Landlock held: the status, the
    warning's first clause in one row, the failing case, expected and got in the box at
    80x24; the layers named in one line under the cases."""
    app = build(drill="tiny-sgd")

    async def grade_wrong(pilot: Pilot[None]) -> None:
        await graded_wrong(app, pilot)

    assert snap_compare(app, run_before=grade_wrong, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_drill_passed(snap_compare: SnapCompare, build: AppFactory, size: tuple[int, int]) -> None:
    """A pass: at 80x24 the explanation above, the cases' rows under their header below,
    with no key pressed."""
    app = build(drill="tiny-sgd")

    async def grade_right(pilot: Pilot[None]) -> None:
        app.screen.query_one("#editor", TextArea).load_text(SOLUTION)
        await press(pilot, "ctrl+r")
        await app.workers.wait_for_complete()
        await settle(pilot)

    assert snap_compare(app, run_before=grade_right, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_settings_with_a_plan(
    snap_compare: SnapCompare, build: AppFactory, size: tuple[int, int]
) -> None:
    """The settings screen's first rows: the interview plan's date, minutes and target (the
    cursor on the date, where the screen opens)."""
    app = build()
    set_plan(app.workspace, 14, 45.0)
    assert snap_compare(app, run_before=keys("comma"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_browser(snap_compare: SnapCompare, build: AppFactory, size: tuple[int, int]) -> None:
    """The card browser: its footer ends with f1 Help at 80 columns too."""
    app = build()

    async def open_the_browser(pilot: Pilot[None]) -> None:
        await press(pilot, "b")
        # The search box's cursor does not blink (the app's cursor_blink=False reaches it):
        # it blinked every 0.5 s, and a screenshot taken more than 0.5 s after the box
        # appeared caught it off (1 failure in a run of tests/tui at load 13; a 0.75 s wait
        # before the screenshot failed it every time).
        search = app.screen.query_one("#search", Input)
        assert search.has_focus and not search.cursor_blink

    assert snap_compare(app, run_before=open_the_browser, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_drills(snap_compare: SnapCompare, build: AppFactory, size: tuple[int, int]) -> None:
    """The drill list: its state column as wide as the states it shows."""
    app = build()
    assert snap_compare(app, run_before=keys("l"), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_summary(
    snap_compare: SnapCompare, build: AppFactory, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = build(study=StudyRequest(mode="cram"))

    async def answer_some(pilot: Pilot[None]) -> None:
        await press(pilot, "2", "enter")
        clock.advance(40)
        await press(pilot, "enter", *"0.25", "enter")
        clock.advance(20)
        await press(pilot, "enter", "space", "enter", "1", "escape")
        await settle(pilot)

    assert snap_compare(app, run_before=answer_some, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_summary_of_a_topic_two_packs_share(
    snap_compare: SnapCompare,
    build: AppFactory,
    clock: FakeClock,
    shared_topic: Path,
    size: tuple[int, int],
) -> None:
    """ "basics (deep-training)" wraps onto two whole lines at 80 columns, whole at 120."""
    app = build(study=StudyRequest(mode="cram", topic="basics"), extra=[shared_topic])

    async def answer_all(pilot: Pilot[None]) -> None:
        clock.advance(12)
        await press(pilot, "2", "enter")
        await press(pilot, "enter", *"0.25")
        clock.advance(40)
        await press(pilot, "enter", "enter", "space", "enter")
        clock.advance(25)
        await press(pilot, "1")
        clock.advance(15)
        await press(pilot, "2", "enter", "escape")
        await settle(pilot)

    assert snap_compare(app, run_before=answer_all, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_stats(
    snap_compare: SnapCompare, build: AppFactory, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = build()

    async def open_stats(pilot: Pilot[None]) -> None:
        history(app, clock)
        await press(pilot, "s")
        await settle(pilot)

    assert snap_compare(app, run_before=open_stats, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_stats_of_a_heavy_home(
    snap_compare: SnapCompare,
    build: AppFactory,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    """Three years of reviews: 4- and 5-digit counts. The due forecast ran past 80 columns
    and wrapped where a space fell; its counts now keep one line, the note under them."""
    app = build()
    real = app.workspace.stats()
    today = clock().date()
    heavy = replace(
        real,
        reviews=209_997,
        cards_seen=10_000,
        reviews_per_day=[
            replace(day, reviews=1_150 + 7 * n) for n, day in enumerate(real.reviews_per_day)
        ],
        forecast=[DayDue(today + timedelta(days=n), due) for n, due in enumerate(HEAVY_DUE)],
    )
    monkeypatch.setattr(app.workspace, "stats", lambda **_: heavy)
    assert snap_compare(app, run_before=keys("s"), terminal_size=size)


HEAVY_DUE = (10_412, 1_203, 1_187, 1_240, 1_196, 1_215, 1_178)
"""A heavy home's week: its backlog today, about 1,200 a day after."""


@pytest.mark.parametrize("size", SIZES)
def test_stats_with_a_plan(
    snap_compare: SnapCompare, build: AppFactory, clock: FakeClock, size: tuple[int, int]
) -> None:
    """The readiness plot comes first; at 80x24 it fills the screen and "n" shows the next."""
    app = build()
    app.workspace.tz = UTC
    plan = InterviewPlan(clock().date() + timedelta(days=10), 20.0, 0.9, clock())

    async def open_stats(pilot: Pilot[None]) -> None:
        history(app, clock)
        app.workspace.store.set_interview_plan(plan)
        await press(pilot, "s")
        await settle(pilot)

    assert snap_compare(app, run_before=open_stats, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: SnapCompare, build: AppFactory, size: tuple[int, int]) -> None:
    app = build(study=StudyRequest(kind="concept"))
    assert snap_compare(app, run_before=keys("space", "question_mark"), terminal_size=size)
