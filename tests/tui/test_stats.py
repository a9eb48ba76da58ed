"""Pilot tests of the stats screen's numbers and charts against Home's."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from datetime import UTC, date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fsrs import Rating
from textual.containers import VerticalScroll
from textual.widgets import Static

from quiz.settings import Settings
from quiz.stats_view import FIRST_STEP, readiness_dips
from quiz.store import Store
from quiz.study.aside import set_card_aside
from quiz.study.days import StudyZone
from quiz.study.plan import ForecastDay
from quiz.study.scheduling import review_card
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.stats import PLAN_DIP, StatsScreen
from quiz.tui.widgets.bars import ColumnChart, RowChart, chart_day
from tests.tui.conftest import (
    WAIT_SECONDS,
    AppFactory,
    FakeClock,
    press,
    rate_in_another_drillbit,
    screen_lines,
    set_plan,
    settle,
    showing,
    wait_until,
)


async def test_stats_counts_the_cards_as_home_does(build: AppFactory, clock: FakeClock) -> None:
    """One card of each kind: Stats named learning and suspended cards nowhere, called
    review cards "learned", and its numbers did not add up to the bank."""
    app = build()
    ws = app.workspace
    now = clock()
    review_card(ws.store, ws.scheduler, "what-is-relu", Rating.Good, now=now, correct=True)
    long_ago = now - timedelta(days=60)  # graduated then: in review state, due by now
    review_card(ws.store, ws.scheduler, "sigmoid-bound", Rating.Easy, now=long_ago, correct=True)
    set_card_aside(ws.store, "dropout-inference", suspend=True, now=now, tz=ws.tz)
    async with app.run_test(size=(80, 24)) as pilot:
        home = await showing(pilot, HomeScreen)
        breakdown = "1 new + 1 learning + 1 review + 1 suspended = 4 cards"
        home_line = str(home.query_one("#home-summary", Static).render())
        # the review due now and what-is-relu's 10-minute step later today: `d` asks both
        assert home_line.startswith(f"2 due · 1 new today  |  {breakdown}")
        await press(pilot, "s")
        await settle(pilot)
        stats = await showing(pilot, StatsScreen)
        numbers = str(stats.query_one("#stats-numbers", Static).render())
        assert home_line.splitlines()[0] in numbers.splitlines(), "Home's very line"
        assert "learned" not in numbers


async def test_accuracy_by_topic_says_no_reviews_once(build: AppFactory) -> None:
    """The empty chart's note repeated the title above it: "Accuracy by topic" twice."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "s")
        await settle(pilot)
        chart = app.screen.query_one("#by-topic", RowChart).render().plain
        assert chart.count("Accuracy by topic") == 1
        assert chart.splitlines()[1] == "no reviews yet"


def _drawn(app: Any) -> str:
    """The screen as drawn, its rows joined."""
    return "\n".join(strip.text for strip in screen_lines(app))


@pytest.mark.parametrize("graded", ["card", "drill"])
async def test_a_fresh_homes_stats_say_how_to_fill_them(
    build: AppFactory, clock: FakeClock, graded: str
) -> None:
    """All zeros and an empty chart said nothing of the way on: the first step is said
    until a card is answered or a drill graded, then the figures speak alone."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "s")
        await showing(pilot, StatsScreen)
        await settle(pilot)
        assert FIRST_STEP in _drawn(app)
        await press(pilot, "escape")
        await showing(pilot, HomeScreen)
        ws = app.workspace
        if graded == "card":
            review_card(
                ws.store, ws.scheduler, "what-is-relu", Rating.Again, now=clock(), correct=False
            )
        else:
            ws.store.record_attempt(
                card_id="tiny-sgd", status="failed", verdict_json="{}", attempted_at=clock()
            )
        await press(pilot, "s")
        await showing(pilot, StatsScreen)
        await settle(pilot)
        assert "Nothing studied" not in _drawn(app)


@pytest.mark.parametrize(("attempts", "said"), [(0, "(0 tries)"), (1, "(1 try)"), (2, "(2 tries)")])
async def test_the_drill_attempts_and_the_streak_are_counted_in_words(
    build: AppFactory, clock: FakeClock, attempts: int, said: str
) -> None:
    """One drill graded once read "drills passed 0 (1 attempts) · streak 1 day(s)"; the
    count is "tries", as the drill list's column names it."""
    app = build()
    ws = app.workspace
    review_card(ws.store, ws.scheduler, "what-is-relu", Rating.Good, now=clock(), correct=True)
    for _ in range(attempts):
        ws.store.record_attempt(
            card_id="tiny-sgd", status="failed", verdict_json="{}", attempted_at=clock()
        )
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "s")
        stats = await showing(pilot, StatsScreen)
        numbers = str(stats.query_one("#stats-numbers", Static).render())
        assert f"drills passed 0 {said} · streak 1 day\n" in numbers
        assert "(s)" not in numbers


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)])
async def test_todays_bar_carries_the_last_day_label(
    build: AppFactory, clock: FakeClock, size: tuple[int, int]
) -> None:
    """At 80 columns the labels ended five days back (Feb 25) and today's bar, at the
    right edge, had none. At 120 columns, side by side, the chart keeps the days that
    filled it and today's label did not fit after its bar: it now keeps a day fewer."""
    app = build()
    ws = app.workspace
    review_card(ws.store, ws.scheduler, "what-is-relu", Rating.Good, now=clock(), correct=True)
    async with app.run_test(size=size) as pilot:
        await press(pilot, "s")
        await settle(pilot)
        lines = app.screen.query_one("#per-day", ColumnChart).render().plain.splitlines()
        today = chart_day(clock().date())
        assert lines[-1].rstrip().endswith(today)
        assert lines[-1].index(today) == lines[-2].index("█"), "under today's bar, its only one"


@pytest.mark.parametrize(("width", "narrow"), [(80, True), (120, False)])
async def test_the_stats_charts_have_the_layout_of_the_width_from_the_first_frame(
    build: AppFactory, width: int, narrow: bool
) -> None:
    """At 80 columns the stats screen's first frame laid its charts side by side (the wide
    layout) until its first resize event set its width class: now they are stacked from it."""
    app = build()
    first: list[bool] = []
    draw = app._display

    def display(screen: Any, renderable: Any) -> None:
        if isinstance(screen, StatsScreen) and renderable is not None and not first:
            first.append(screen.has_class("-narrow"))
        draw(screen, renderable)

    app._display = display  # type: ignore[method-assign]
    async with app.run_test(size=(width, 24)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "s")
        await showing(pilot, StatsScreen)
        await settle(pilot)
        assert first == [narrow]


def _many_topics(root: Path, count: int) -> Path:
    """A pack "wide" with `count` topics of one concept card each (topic-00 ...)."""
    pack = root / "wide"
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text(
        "title: Wide\ndescription: Many topics.\nversion: 0.1.0\n", encoding="utf-8"
    )
    for n in range(count):
        topic = pack / f"topic-{n:02d}"
        topic.mkdir()
        (topic / f"card-{n:02d}.md").write_text(
            f"---\nid: card-{n:02d}\nkind: concept\ntitle: Card {n}\ntopic: topic-{n:02d}\n"
            "difficulty: 1\nsource: tests\nkey_points:\n  - a point\n---\n\n"
            "## Question\n\nWhat?\n\n## Answer\n\nThat.\n",
            encoding="utf-8",
        )
    return root


async def test_every_topic_is_reachable_at_80x24(
    build: AppFactory, clock: FakeClock, tmp_path: Path
) -> None:
    """22 topics with reviews at 80x24: the accuracy chart showed 17 and "… 5 more", and
    no key reached the rest; `n` and PageDown now scroll to the last topic."""
    app = build(extra=[_many_topics(tmp_path / "wide-content", 22)])
    ws = app.workspace
    for n in range(22):
        review_card(ws.store, ws.scheduler, f"card-{n:02d}", Rating.Good, now=clock(), correct=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "s")
        await settle(pilot)
        stats = await showing(pilot, StatsScreen)
        chart = stats.query_one("#by-topic", RowChart)
        assert "more" not in chart.render().plain
        assert "topic-21" in chart.render().plain
        charts = stats.query_one("#stats-charts", VerticalScroll)

        lines = chart.render().plain.splitlines()
        last = chart.virtual_region.y + next(n for n, t in enumerate(lines) if "topic-21" in t)

        def last_row_shown() -> bool:
            top = round(charts.scroll_y)
            return top <= last < top + charts.scrollable_content_region.height

        assert not last_row_shown()
        for _ in range(4):  # to the accuracy chart, then a page of it at a time
            if last_row_shown():
                break
            await press(pilot, "n")
            await settle(pilot)
        assert last_row_shown()
        await press(pilot, "home")  # home and pagedown scroll animated, on the wall clock
        assert await wait_until(pilot, lambda: not last_row_shown())
        await press(pilot, "pagedown", "pagedown", "pagedown")
        assert await wait_until(pilot, last_row_shown)


async def test_a_heavy_users_numbers_separate_thousands(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stats screen said "reviews 209997 · cards seen 10000" above "(9,991 due by
    fsrs ...)". Every count on it is written one way."""
    from dataclasses import replace

    app = build()
    real = app.workspace.stats
    heavy = replace(
        real(),
        reviews=209997,
        cards_seen=10000,
        cards=replace(real().cards, total=10146, new=146, learning=1732, learned=8268),
    )
    monkeypatch.setattr(app.workspace, "stats", lambda **_: heavy)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "s")
        stats = await showing(pilot, StatsScreen)
        numbers = str(stats.query_one("#stats-numbers", Static).render())
        assert "reviews 209,997 · cards seen 10,000 · " in numbers
        assert "146 new + 1,732 learning + 8,268 review = 10,146 cards" in numbers.replace(
            "\n", " "
        )


async def test_the_stats_screen_counts_the_deck_once_in_homes_words(
    build: AppFactory, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`s` counted every card's schedule twice: once for the stats and again for the
    headline (Home's count under the daily limits), 10,000 rows each on a heavy history.
    The stats are counted under the settings' limits once; the line is Home's own."""
    app = build(settings=Settings(shuffle_choices=False, max_reviews_per_day=2, new_per_day=0))
    ws = app.workspace
    long_ago = clock() - timedelta(days=60)
    for card_id in ("what-is-relu", "sigmoid-bound", "dropout-inference"):
        review_card(ws.store, ws.scheduler, card_id, Rating.Easy, now=long_ago, correct=True)
    reads: list[int] = []
    schedule_columns = Store.schedule_columns

    def counted(store: Store) -> Mapping[str, tuple[int, str]]:
        reads.append(1)
        return schedule_columns(store)

    async with app.run_test(size=(80, 24)) as pilot:
        home = await showing(pilot, HomeScreen)
        line = str(home.query_one("#home-summary", Static).render()).splitlines()[0]
        assert line == "2 due · 0 new today (3 due by fsrs; max_reviews_per_day 2)"
        monkeypatch.setattr(Store, "schedule_columns", counted)
        await press(pilot, "s")
        stats = await showing(pilot, StatsScreen)
        numbers = str(stats.query_one("#stats-numbers", Static).render())
        assert line in numbers.splitlines()
        assert len(reads) == 1


async def test_stats_left_open_over_the_study_day_s_end_counts_from_the_new_day(
    build: AppFactory, clock: FakeClock
) -> None:
    """Left open over the night (the study day's end), the stats screen kept the day it
    was opened on: the reviews chart ended on yesterday and the readiness plot started
    there, until it was closed and opened again."""
    app = build()
    set_plan(app.workspace, 5, 30.0)  # UTC: the study day ends at midnight
    first = clock().date()
    async with app.run_test(size=(120, 40)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "s")
        stats = await showing(pilot, StatsScreen)
        assert stats.query_one("#per-day", ColumnChart).labels[-1] == chart_day(first)
        assert stats.forecast[0].day == first + timedelta(days=1)  # readiness at its start
        clock.advance(60)  # the timer fired early, the day goes on: nothing read again
        chart = stats.query_one("#per-day", ColumnChart)
        stats.day_watch.check()
        await settle(pilot)
        assert stats.query_one("#per-day", ColumnChart) is chart
        clock.advance(24 * 3600)  # the next morning
        stats.day_watch.check()
        await settle(pilot)
        second = first + timedelta(days=1)
        assert stats.query_one("#per-day", ColumnChart).labels[-1] == chart_day(second)
        assert stats.forecast[0].day == second + timedelta(days=1)
        assert stats.query_one("#plan-forecast") is not None  # the plot drawn again


async def test_a_new_day_start_hour_counts_the_open_stats_on_its_day(
    build: AppFactory, clock: FakeClock
) -> None:
    """A day_starts_at set past the clock's hour (09:30 here, the day now starting at 10)
    makes today the study day before: the open stats screen follows it at its next look."""
    app = build()
    set_plan(app.workspace, 5, 30.0)
    first = clock().date()
    async with app.run_test(size=(120, 40)) as pilot:
        await showing(pilot, HomeScreen)
        await press(pilot, "s")
        stats = await showing(pilot, StatsScreen)
        assert stats.query_one("#per-day", ColumnChart).labels[-1] == chart_day(first)
        app.workspace.tz = StudyZone(UTC, 10)  # what the settings screen's edit sets
        stats.day_watch.check()
        await settle(pilot)
        before = first - timedelta(days=1)
        assert stats.query_one("#per-day", ColumnChart).labels[-1] == chart_day(before)


async def test_stats_count_again_after_another_drillbit_rates_a_card(
    build: AppFactory, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Home counted again when a card was rated in another shell (another connection to
    the same database); the stats screen left open kept its numbers until it was opened
    again. It asks the store as Home does and reads again only when it changed."""
    from quiz.study import counts

    monkeypatch.setattr(counts, "STORE_POLL_SECONDS", 0.05)  # the poll, not 3 s apart
    app = build()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "s")
        await settle(pilot)
        stats = await showing(pilot, StatsScreen)

        def numbers() -> str:
            return str(stats.query_one("#stats-numbers", Static).render())

        assert numbers().startswith("reviews 0 · cards seen 0")
        rate_in_another_drillbit(app, "what-is-relu", clock())
        # the other connection's commit: the screen's own poll reads again
        assert await wait_until(pilot, lambda: numbers().startswith("reviews 1 · cards seen 1"))
        assert "3 new + 1 learning" in numbers()
        shown = stats.query_one("#stats-numbers", Static)
        stats.store_watch.check()  # nothing changed since: not read again
        await settle(pilot)
        assert stats.query_one("#stats-numbers", Static) is shown


async def test_retention_is_footnoted_as_anki_true_retention(
    build: AppFactory, clock: FakeClock
) -> None:
    """ "retention 80%" said nothing of what it counts: an Anki user reads true retention,
    and accuracy beside it differs by every Hard."""
    app = build()
    app.workspace.store.record_review(
        card_id="what-is-relu", rating=2, correct=False, reviewed_at=clock(), mode="due",
        state_before=2,
    )  # fmt: skip
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "s")
        stats = await showing(pilot, StatsScreen)
        numbers = str(stats.query_one("#stats-numbers", Static).render())
        assert "accuracy 0% · true retention 100%*" in numbers  # Hard: not right, but recalled
        assert "* as Anki counts it: due-session answers to review cards" in numbers


async def test_stats_shows_the_next_seven_days_due_or_that_the_plan_decides(
    build: AppFactory, clock: FakeClock
) -> None:
    """Anki's "Future due" had no place in Stats: now a line of the next 7 study days'
    due counts (today's with the overdue in it); under an interview plan it says the plan
    decides, with no fsrs numbers."""
    app = build()
    ws = app.workspace
    now = clock()
    long_ago = now - timedelta(days=60)  # in review state, overdue by now: today's
    review_card(ws.store, ws.scheduler, "sigmoid-bound", Rating.Easy, now=long_ago, correct=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "s")
        await settle(pilot)
        stats = await showing(pilot, StatsScreen)
        numbers = str(stats.query_one("#stats-numbers", Static).render()).splitlines()
        assert "Future due: 1 · 0 · 0 · 0 · 0 · 0 · 0 (7 days, overdue counted today)" in numbers
        assert PLAN_DIP not in numbers, "no plan, no readiness plot to explain"
    planned = build()
    set_plan(planned.workspace, days=20, minutes=30)
    async with planned.run_test(size=(80, 24)) as pilot:
        await press(pilot, "s")
        await settle(pilot)
        stats = await showing(pilot, StatsScreen)
        numbers = str(stats.query_one("#stats-numbers", Static).render()).splitlines()
        assert "Future due: the interview plan decides, not fsrs (`drillbit plan`)" in numbers
        # "plan followed" rose to 0.90, fell to 0.75 and climbed again: a new user took it
        # for a misdrawn plot, and nothing said the plan times reviews for the day
        assert await wait_until(pilot, lambda: bool(stats.forecast))
        await settle(pilot)
        numbers = str(stats.query_one("#stats-numbers", Static).render()).splitlines()
        assert readiness_dips(stats.forecast), "20 days, 4 cards: the line falls, then climbs"
        assert PLAN_DIP in numbers


def test_the_dip_note_is_said_only_of_a_plot_that_dips() -> None:
    """Five days out with most of the bundled bank unseen, "plan followed" only rose, and
    the note "Plan followed dips mid-way" sent a new user looking for a dip it did not have."""
    start = date(2026, 12, 7)

    def days(*followed: float) -> list[ForecastDay]:
        return [
            ForecastDay(start + timedelta(days=n), value, 0.0) for n, value in enumerate(followed)
        ]

    assert not readiness_dips(days(0.01, 0.2, 0.45, 0.7, 0.89))  # rising: nothing to explain
    assert not readiness_dips(days(0.5, 0.9, 0.895, 0.9))  # half a point: not seen on the plot
    assert readiness_dips(days(1.0, 0.947, 0.909, 0.964))  # falls, then the last pass
    assert readiness_dips(days(0.5, 0.72, 0.69, 0.75))  # a dip after a rise
    assert not readiness_dips([])


async def test_stats_counts_the_due_forecast_only_when_it_shows_it(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under an interview plan the screen shows the plan's readiness, not the due forecast,
    yet it read every due card for that forecast (5-15 ms of a heavy home's opening)."""
    from quiz.study.forecast import due_forecast as real

    counted: list[int] = []

    def counting(*args: Any, **kwargs: Any) -> Any:
        counted.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr("quiz.study.stats.due_forecast", counting)
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:  # no plan: the forecast shows
        await press(pilot, "s")
        await settle(pilot)
        await showing(pilot, StatsScreen)
    assert counted == [1]
    planned = build()  # the same home, with an interview plan now
    set_plan(planned.workspace, days=20, minutes=30)
    async with planned.run_test(size=(80, 24)) as pilot:
        await press(pilot, "s")
        await settle(pilot)
        stats = await showing(pilot, StatsScreen)
        assert stats.forecast, "the plan's readiness is what the screen shows"
        numbers = str(stats.query_one("#stats-numbers", Static).render())
        assert "the interview plan decides" in numbers
    assert counted == [1], "not counted again under the plan"


async def test_the_stats_screen_shows_before_the_plans_forecast_is_computed(
    build: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under a plan the stats screen waited on the app's thread for the plan's forecast
    (22 s of CPU on a heavy home 46 days before the interview, Home's keys frozen meanwhile).
    It shows its figures at once with a line where the readiness plot goes, and the plot
    once the forecast, computed in a thread, is in."""
    import quiz.study.plan_cache as plan_cache_module
    import quiz.study.plan_status as plan_status_module

    release = threading.Event()
    computed: list[int] = []
    real = plan_status_module.status_with_forecast

    def held(*args: Any, **kwargs: Any) -> Any:
        # a ceiling: the test releases it once the screen shows, after up to three waits of
        # its own (its 120 s was less than one of them: the forecast would come too soon)
        release.wait(timeout=3 * WAIT_SECONDS)
        computed.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(plan_cache_module, "status_with_forecast", held)
    app = build()
    set_plan(app.workspace, 5, 30.0)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await showing(pilot, HomeScreen)  # its target warning's forecast: held
            await pilot.press("s")
            stats = await showing(pilot, StatsScreen)
            assert stats.forecasting and stats.forecast == [] and not computed
            line = str(stats.query_one("#plan-forecasting", Static).content)
            assert "forecasting the plan's days" in line
            assert not stats.query("#plan-forecast")
            assert stats.stats.reviews == 0, "the other figures are in"
            release.set()
            await settle(pilot)
            assert await wait_until(pilot, lambda: not stats.forecasting)
            assert computed == [1], "one forecast, shared with Home's"
            assert stats.forecast and stats.query_one("#plan-forecast") is not None
            assert not stats.query("#plan-forecasting")
    finally:
        release.set()


async def test_nothing_is_drawn_next_to_the_readiness_plots_frame_at_80x24(
    build: AppFactory, clock: FakeClock
) -> None:
    """At 80x24 the stacked charts scroll, and their scrollbar lay against the plot's right
    frame: the thumb's end ("▅▅") read as the plan's last point drawn one cell past the
    frame. The plot keeps a blank column between its frame and the scrollbar."""
    from quiz.store import InterviewPlan
    from quiz.tui.widgets.readiness import ReadinessPlot

    app = build()
    app.workspace.tz = UTC
    plan = InterviewPlan(clock().date() + timedelta(days=10), 20.0, 0.9, clock())
    app.workspace.store.set_interview_plan(plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "s")
        stats = await showing(pilot, StatsScreen)
        assert await wait_until(pilot, lambda: bool(stats.query(ReadinessPlot)))
        await settle(pilot)
        charts = stats.query_one("#stats-charts", VerticalScroll)
        assert charts.max_scroll_y > 0, "the charts scroll: a scrollbar is drawn"
        plot = stats.query_one(ReadinessPlot)
        rows = [strip.text for strip in screen_lines(app)][plot.region.y : plot.region.bottom]
        top = next(row for row in rows if "┐" in row)
        frame = top.index("┐")
        framed = rows[rows.index(top) : next(n for n, r in enumerate(rows) if "┘" in r) + 1]
        assert all(row[frame] in "┐│┘" for row in framed), "one frame column"
        assert [row[frame + 1] for row in framed] == [" "] * len(framed)
        assert frame + 1 < charts.scrollable_content_region.right, "not the scrollbar's column"
