"""Home's interview-plan line and plan mode as the due session, with a fake clock."""

from __future__ import annotations

import json
from datetime import UTC, timedelta
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Static

from quiz.store import InterviewPlan
from quiz.study.plan_phrases import readiness_percent, waiting_note
from quiz.tui.app import DrillbitApp
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.stats import StatsScreen
from quiz.tui.screens.study import StudyScreen
from quiz.tui.screens.summary import SummaryScreen
from quiz.workspace import StudyRequest
from tests.conftest import RunDrillbit
from tests.tui.conftest import (
    AppFactory,
    FakeClock,
    Recorder,
    footer_descriptions,
    notices,
    press,
    press_card_keys,
    set_plan,
    settle,
    showing,
    wait_until,
)


def summary_text(screen: HomeScreen) -> str:
    return str(screen.query_one("#home-summary", Static).render())


async def test_home_shows_the_plan_line_and_due_studies_the_plan(
    build: AppFactory, clock: FakeClock
) -> None:
    app = build()
    app.workspace.tz = UTC
    plan = InterviewPlan(
        interview=clock().date() + timedelta(days=12),
        minutes_per_day=3.0,
        target=0.9,
        created_at=clock(),
    )
    async with app.run_test() as pilot:
        screen = await showing(pilot, HomeScreen)
        assert "days left" not in summary_text(screen), "no plan, no plan line"
        assert summary_text(screen).startswith("0 due · 4 new today  |  4 new + ")
        await press(pilot, "d")
        await settle(pilot)
        study = await showing(pilot, StudyScreen)
        assert study.session.remaining == 4, "without a plan: every new card (limit 20 a day)"
        while not isinstance(app.screen, HomeScreen):
            await press(pilot, "escape")
            await settle(pilot)
        app.workspace.store.set_interview_plan(plan)
        screen.refresh_counts()
        await settle(pilot)
        line = summary_text(screen)
        # new cards as fast as 3 minutes allow (the default pace: 34-90 s a quiz card,
        # over 11 min for a drill), nothing due yet
        assert "12 days left · readiness 0% → target 90% on the day" in line
        assert "today: 0 reviews + 2 new, about 2 min" in line
        # fsrs's "4 new today" (its daily limit) would contradict the plan's two; the
        # count is the plan's (the stats screen's words), and no card is due by fsrs
        assert "new today" not in line and "due by fsrs" not in line
        assert line.startswith("2 planned today  |  4 new + 0 learning + 0 review")
        await press(pilot, "d")
        await settle(pilot)
        planned = await showing(pilot, StudyScreen)
        assert planned.session.remaining == 2, "plan mode keeps to the budget: two, not four"
        await press(pilot, "escape")
        await settle(pilot)


async def test_homes_footer_names_the_plan_while_d_studies_it(build: AppFactory) -> None:
    """Under a plan d studies today's plan (the hint line and the session's title say
    so), but the footer still read "d Due". It reads "d Plan" while a plan runs, and
    enter and d both open the plan's session; "d Due" comes back with the plan gone."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, HomeScreen)
        assert "Due" in footer_descriptions(screen)
        assert "Plan" not in footer_descriptions(screen)
        set_plan(app.workspace, 14, 30.0)
        screen.refresh_counts()
        await settle(pilot)
        assert "Plan" in footer_descriptions(screen)
        assert "Due" not in footer_descriptions(screen)
        for key in ("d", "enter"):
            await press(pilot, key)
            study = await showing(pilot, StudyScreen)
            assert study.session.plan_mode and study.request.mode == "due"
            await press(pilot, "escape")
            while not isinstance(app.screen, HomeScreen):
                await press(pilot, "escape")
        app.workspace.store.clear_interview_plan()
        screen.refresh_counts()
        await settle(pilot)
        assert "Due" in footer_descriptions(screen)
        assert "Plan" not in footer_descriptions(screen)


@pytest.mark.parametrize(("days_ago", "said"), [(0, "Interview today"), (3, "The plan ended")])
async def test_home_says_where_an_ended_plan_is_changed_or_cleared(
    build: AppFactory, days_ago: int, said: str
) -> None:
    """On the interview day and after it Home kept the plan's line for good, and only
    `drillbit plan` said how to set a new date or remove the plan."""
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await showing(pilot, HomeScreen)
        set_plan(app.workspace, -days_ago, 30.0)
        screen.refresh_counts()
        await settle(pilot)
        lines = summary_text(screen).splitlines()
        line = " ".join(" ".join(lines).split())
        assert said in line
        assert line.endswith("normal reviews resume a new date, or none, in Settings (,)")
        assert lines[-1].strip() == "a new date, or none, in Settings (,)", "on a line of its own"
        assert "Plan" not in footer_descriptions(screen), "d is plain fsrs again"


async def open_stats(pilot: Pilot[None]) -> StatsScreen:
    """Press s on Home and return the stats screen it opens."""
    await press(pilot, "s")
    await settle(pilot)
    stats = pilot.app.screen
    assert isinstance(stats, StatsScreen)
    return stats


async def test_stats_plots_readiness_to_the_day_only_with_a_plan(
    build: AppFactory, clock: FakeClock
) -> None:
    app = build()
    app.workspace.tz = UTC
    async with app.run_test() as pilot:
        assert not (await open_stats(pilot)).query("#plan-forecast"), "no plan, no plot"
        await press(pilot, "escape")
        app.workspace.store.set_interview_plan(
            InterviewPlan(clock().date() + timedelta(days=6), 20.0, 0.9, clock())
        )
        stats = await open_stats(pilot)
        assert len(stats.query("#plan-forecast")) == 1
        assert len(stats.forecast) == 6 and stats.forecast[-1].followed > stats.forecast[-1].idle


async def test_at_80x24_the_charts_stack_readiness_first_and_n_pages_through_them(
    build: AppFactory,
) -> None:
    app = build()
    set_plan(app.workspace, 10, 20.0)
    async with app.run_test(size=(80, 24)) as pilot:
        stats = await open_stats(pilot)
        charts = stats.query_one("#stats-charts", VerticalScroll)
        order = [chart.id for chart in charts.children]
        assert order == ["plan-forecast", "per-day", "by-topic"], "readiness first"
        plot = stats.query_one("#plan-forecast")
        assert plot.region.height >= 14, "tall enough to read, not squeezed to a few rows"
        assert stats.check_action("next_chart", ()), "the stack scrolls: the key is shown"
        tops = [chart.virtual_region.y for chart in charts.children]
        seen = []
        for _ in range(4):
            await press(pilot, "n")
            await settle(pilot)
            seen.append(charts.scroll_y)
        assert seen == [tops[1], min(tops[2], charts.max_scroll_y), 0, tops[1]]
    wide = build()  # the same home: the plan is saved
    wide.workspace.tz = UTC
    async with wide.run_test(size=(120, 40)) as pilot:
        stats = await open_stats(pilot)
        assert not stats.check_action("next_chart", ()), "side by side: nothing to page"
        charts = stats.query_one("#stats-charts", VerticalScroll)
        assert len({chart.region.y for chart in charts.children}) == 1


async def test_a_plan_session_ends_when_todays_minutes_are_used_and_says_so(
    build: AppFactory, clock: FakeClock
) -> None:
    app = build(study=StudyRequest(mode="due"))
    # 3 minutes: the plan offers the choice card (about 34 s) and the numeric one (90 s)
    set_plan(app.workspace, 12, 3.0)
    async with app.run_test() as pilot:
        screen = await showing(pilot, StudyScreen)
        assert [card.id for card in screen.session.planned] == [
            "dropout-inference",
            "sigmoid-bound",
        ]
        clock.advance(100)  # a slow answer: 100 s of the 180
        await press(pilot, "2", "enter")
        await settle(pilot)
        await press(pilot, "space")
        await settle(pilot)
        # the day takes same-day steps: the choice card's 10-minute step comes back, and
        # its short answer still fits in the 80 s left
        assert screen.card is not None and screen.card.id == "dropout-inference"
        await press(pilot, "2", "enter", "space")
        await settle(pilot)
        # a long numeric answer (2.5 x 40 s by default) would end past the 3 minutes
        summary = await showing(pilot, SummaryScreen)
        assert summary.summary.cards_reviewed == 1
        shown = " ".join(str(summary.query_one("#summary-numbers").render()).split())
        # The numeric card no longer fits in the 80 s left. The day's list was decided
        # at its start: no quicker card takes its place (until the eighteenth round the
        # plan made again offered a concept card, 75 s at most, that the morning had not).
        plan = app.workspace.plan_status()
        assert plan is not None
        assert plan.load() == "today: done, 2 of 3 min used; 1 card waits for tomorrow"
        assert f"Plan {plan.load()} The session's last cards no longer fit in today's" in shown
        assert "minutes are used" not in shown and shown.count("for tomorrow") == 1
        assert shown.endswith("drillbit study --mode cram.")


async def test_a_plan_sessions_summary_says_what_the_plan_leaves_today_not_fsrs_due_time(
    build: AppFactory, clock: FakeClock
) -> None:
    app = build(study=StudyRequest(mode="due"))
    set_plan(app.workspace, 12, 3.0)
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        # 12 days, 4 cards: plan mode keeps fsrs's steps, so an Again's minute is shown
        assert study.session.plan_mode and study.session.options.requeue
        assert study.preview().startswith("1 Again 1m · ") and study.preview().endswith(" 4 Easy")
        clock.advance(20)
        await press(pilot, "1", "enter")  # a wrong choice: Again, due again in a minute by fsrs
        await settle(pilot)
        await press(pilot, "space")
        await settle(pilot)
        await press_card_keys(pilot, "escape")
        await settle(pilot)
        summary = await showing(pilot, SummaryScreen)
        assert summary.summary.plan_mode
        numbers = str(summary.query_one("#summary-numbers").render())
        status = app.workspace.plan_status()
        assert status is not None and status.today is not None
        # the morning's two cards less the one answered (its step is not due yet), at the
        # default pace: the day was planned before any answer was timed
        assert status.load() == "today: 0 reviews + 1 new, about 2 min at the default pace"
        assert f"Plan            {status.load()}" in numbers
        assert "Next card due" not in numbers, "the plan's load, not fsrs's due time"


async def test_short_of_days_the_rating_keys_show_no_interval_the_plan_does_not_keep(
    build: AppFactory,
) -> None:
    app = build(study=StudyRequest(mode="due", kind="concept"))
    set_plan(app.workspace, 2, 3.0)
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.session.plan_mode and not study.session.options.requeue
        await press(pilot, "space", "enter")
        await settle(pilot)
        assert study.preview() == "1 Again · 2 Hard · 3 Good · 4 Easy"
        shown = str(study.query_one("#study-ratings").render())
        assert "(the plan picks the day)" in shown


async def test_home_counts_again_when_a_learning_step_falls_due(
    build: AppFactory, clock: FakeClock
) -> None:
    # The tester's Home went stale: a card answered Again comes back in a minute (its
    # learning step, which the plan takes with days to spare), but Home, open meanwhile,
    # kept saying what it said when it was drawn. Home now counts again when the next due
    # time passes: a timer to it (the clock is the app's, injected here).
    app = build(study=StudyRequest(mode="due"))
    set_plan(app.workspace, 12, 3.0)
    async with app.run_test() as pilot:
        study = await showing(pilot, StudyScreen)
        assert study.session.options.requeue
        clock.advance(20)
        await press(pilot, "1", "enter")  # a wrong choice: Again, its step due in a minute
        await settle(pilot)
        answered = clock()
        await press(pilot, "space")
        await settle(pilot)
        await press_card_keys(pilot, "escape")  # end the session: its summary
        await settle(pilot)
        await press(pilot, "enter")  # Home
        await settle(pilot)
        home = await showing(pilot, HomeScreen)
        assert "today: 0 reviews + 1 new" in summary_text(home)
        changes_at = home.day_watch.clock.changes_at
        assert changes_at is not None
        assert answered < changes_at <= answered + timedelta(minutes=1)
        home.day_watch.check()  # the timer fired early (the clock has not moved): no change
        assert "today: 0 reviews + 1 new" in summary_text(home)
        clock.advance(90)
        home.day_watch.check()  # the step is due: Home counts again
        await settle(pilot)
        assert "today: 1 review + 1 new" in summary_text(home)
        changes_at = home.day_watch.clock.changes_at
        assert changes_at is not None and changes_at > clock()


async def test_home_says_when_following_the_plan_ends_under_the_target(
    build: AppFactory,
) -> None:
    app = build()
    set_plan(app.workspace, 1, 1.0)  # the interview tomorrow, a minute today: out of reach
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await settle(pilot)
        home = await showing(pilot, HomeScreen)
        status = app.workspace.plan_status(with_forecast=True)
        assert status is not None and status.forecast
        followed = status.forecast[-1].followed
        assert followed < 0.9
        text = " ".join(summary_text(home).split())
        assert f"the plan reaches only {readiness_percent(followed)}" in text
        assert "add minutes, a later date or fewer packs" in text
    roomy = build()
    set_plan(roomy.workspace, 12, 30.0)
    async with roomy.run_test(size=(120, 40)) as pilot:
        await roomy.workers.wait_for_complete()
        await settle(pilot)
        assert isinstance(roomy.screen, HomeScreen)
        assert "the plan reaches only" not in summary_text(roomy.screen), "on course: no warning"


async def test_under_a_plan_stats_and_a_cram_summary_use_the_plan_s_words(
    build: AppFactory, clock: FakeClock
) -> None:
    # The tester read "due" on the stats screen and "Next due now" after a cram while
    # Home said the plan had nothing: two different counts under one word.
    app = build(study=StudyRequest(mode="cram"))
    set_plan(app.workspace, 12, 3.0)
    async with app.run_test(size=(120, 40)) as pilot:
        await showing(pilot, StudyScreen)
        clock.advance(20)
        await press(pilot, "1", "enter")
        await settle(pilot)
        await press(pilot, "space")
        await settle(pilot)
        await press_card_keys(pilot, "escape")
        await settle(pilot)
        summary = await showing(pilot, SummaryScreen)
        assert not summary.summary.plan_mode
        numbers = str(summary.query_one("#summary-numbers").render())
        status = app.workspace.plan_status()
        assert status is not None and status.today is not None
        assert f"Plan            {status.load()}" in numbers, "Home's words for what d gives"
        assert "Next card due" not in numbers
        await press(pilot, "enter")
        await settle(pilot)
        stats = await open_stats(pilot)
        shown = str(stats.query_one("#stats-numbers", Static).render())
        # Home's words (`plan_headline`): no fsrs backlog to name, none is due
        assert f"\n{len(status.offered)} planned today  |  4 new" in shown


async def test_home_and_plan_json_forecast_the_same_day_with_a_card_buried(
    build: AppFactory,
    clock: FakeClock,
    tui_bank: Path,
    drillbit: RunDrillbit,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Home and the stats screen planned today again over every card, the buried one too,
    # and decided today's same-day steps with it; `drillbit plan` used today's decision,
    # made without it: Home said "the plan reaches only 0.71", drillbit plan 0.72.
    app = build()
    set_plan(app.workspace, 6, 1.0)
    moment = clock()
    app.workspace.store.set_flag(
        "tiny-sgd", suspended=False, buried_until=moment + timedelta(hours=16), now=moment
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await settle(pilot)
        home = await showing(pilot, HomeScreen)
        line = " ".join(summary_text(home).split())
        status = app.workspace.plan_status(with_forecast=True)
        assert status is not None
        points = status.forecast  # the stats screen's plot
    assert points and points[-1].followed < 0.9

    # `drillbit plan --json` on the same progress, at the same moment, over the same cards
    monkeypatch.setattr("quiz.study.days.local_timezone", lambda: UTC)
    monkeypatch.setattr("quiz.bank.sources.bundled_content_dir", lambda: tui_bank)
    shown = drillbit("--content", str(tui_bank), "plan", "--json", now=moment)
    assert shown.returncode == 0, shown.stderr
    cli = json.loads(shown.stdout)["forecast_on_the_day"]
    assert cli == round(points[-1].followed, 4)
    assert f"the plan reaches only {readiness_percent(cli)}" in line


async def again_then_plan(
    app: DrillbitApp, pilot: Pilot[None], clock: FakeClock, days: int, minutes: float
) -> HomeScreen:
    """Answer the session's first card Again, go Home, let its one-minute step fall due,
    then set a plan `days` ahead with `minutes` a day: Home counted again (also the stats
    screen's tests' start, tests/tui/test_stats_plan_due.py)."""
    study = await showing(pilot, StudyScreen)
    await press(pilot, "space", "enter")
    assert await wait_until(pilot, lambda: study.phase == "rating")
    await app.run_action("screen.rate(1)")
    assert await wait_until(pilot, lambda: len(study.session.answers) == 1)
    while not isinstance(app.screen, HomeScreen):
        await press(pilot, "escape")
        await settle(pilot)
    clock.advance(120)  # the Again's one-minute step has passed
    plan = InterviewPlan(
        interview=clock().date() + timedelta(days=days),
        minutes_per_day=minutes,
        target=0.9,
        created_at=clock(),
    )
    app.workspace.store.set_interview_plan(plan)
    screen = app.screen
    assert isinstance(screen, HomeScreen)
    screen.refresh_counts()
    await settle(pilot)
    return screen


async def test_cards_due_by_fsrs_the_plan_leaves_say_not_today(
    build: AppFactory, clock: FakeClock
) -> None:
    """A card answered Again before a plan was set is due by fsrs a minute later; the new
    plan, with too few days for same-day steps, leaves it for its last pass. Home said
    "1 due by fsrs (the plan decides when)" beside "today: 0 reviews + 1 new", and a new
    user could not tell whether the card came today: it does not, and Home says so, once."""
    app = build(study=StudyRequest(kind="concept"))
    app.workspace.tz = UTC
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await again_then_plan(app, pilot, clock, days=2, minutes=1.0)
        status = app.workspace.plan_status()
        assert status is not None and status.today is not None
        assert not status.today.same_day_steps, "too few days: no same-day steps today"
        line = " ".join(summary_text(screen).split())
        assert "today: 0 reviews + " in line, "the plan does not take the learning card today"
        assert not status.today.last_pass, "a new card is left: the last pass has not begun"
        # the card is both due by fsrs and left in a learning step: Home said "1 due by
        # fsrs, not today" and "1 card left in a learning step waits for the last days",
        # two counts of it; now one, "more" than the plan's, and it is a learning card
        assert (
            "1 planned today · 1 more due by fsrs today, in a learning step: the plan "
            "reviews it in the last days before the interview if needed" in line
        )
        assert "not today" not in line and "left in a learning step" not in line
        assert "the plan decides when" not in line
        assert "due by fsrs" not in line.split("in a learning step: ", 1)[1], "said once"


async def test_a_step_the_plan_asks_today_is_not_called_due_by_fsrs_beside_it(
    build: AppFactory, clock: FakeClock
) -> None:
    """With days to spare the plan takes today's same-day steps: the card answered Again
    is among today's reviews. Home said "2 planned today · 1 due by fsrs (the plan decides
    when)", the one card counted twice and said to wait; now it is only planned."""
    app = build(study=StudyRequest(kind="concept"))
    app.workspace.tz = UTC
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await again_then_plan(app, pilot, clock, days=20, minutes=60.0)
        status = app.workspace.plan_status()
        assert status is not None and status.today is not None
        assert status.today.same_day_steps and len(status.today.reviews) == 1
        line = " ".join(summary_text(screen).split())
        assert "today: 1 review + " in line
        assert "due by fsrs" not in line, "the one due card is today's, not a backlog"


async def test_d_on_a_day_whose_only_card_no_day_fits_says_so_not_that_it_waits(
    build: AppFactory, clock: FakeClock, recorder: Recorder
) -> None:
    """A 10-minute plan whose only card is a drill (over 11 min at the default pace): Home
    said "today: done, 0 of 10 min used; 1 card longer than a day's 10 min", and d said
    "Today's plan minutes are used: 1 card waits for tomorrow", every day."""
    app = build()
    set_plan(app.workspace, 2, 10.0)
    for card_id in ("what-is-relu", "dropout-inference", "sigmoid-bound"):
        app.workspace.store.set_flag(card_id, suspended=True, buried_until=None, now=clock())
    async with app.run_test(message_hook=recorder) as pilot:
        screen = await showing(pilot, HomeScreen)
        home = " ".join(summary_text(screen).split())
        assert "today: done, 0 of 10 min used; 1 card longer than a day's 10 min" in home
        await press(pilot, "d")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen), "nothing to start"
        note = notices(recorder)[-1]
        assert "wait" not in note and "minutes are used" not in note, note
        assert note.startswith(
            "Today's plan is done: 1 card longer than a day's 10 min (more minutes a day fit it)."
        ), note


def test_the_due_cards_a_plan_leaves_are_said_by_when_they_come() -> None:
    """Before the last pass they wait for it; in it, for a later day's look (or none): "if
    needed", since a card sure enough on the day gets no look; one card is "it"."""
    assert waiting_note(0, 0, last_pass=False) == ""
    before = waiting_note(1234, 0, last_pass=False)
    assert (
        before
        == " · 1,234 more due by fsrs today: the plan reviews them in the last days before the interview if needed"
    )
    during = waiting_note(4, 0, last_pass=True)
    assert during == " · 4 more due by fsrs today: the plan reviews them on a later day if needed"
    one = waiting_note(1, 0, last_pass=True)
    assert one == " · 1 more due by fsrs today: the plan reviews it on a later day if needed"


def test_home_counts_each_card_the_plan_leaves_once_with_its_learning_ones_a_part() -> None:
    """Home's note beside "N planned today": the cards fsrs would ask today that the plan
    leaves, "more" than the plan's, its learning-step cards a part of the count, never a
    second count of their own beside "due ... not today"."""
    assert waiting_note(0, 0, last_pass=False) == ""
    assert waiting_note(12, 8, last_pass=False) == (
        " · 12 more due by fsrs today, 8 of them in a learning step: the plan reviews them in "
        "the last days before the interview if needed"
    )
    assert waiting_note(8, 8, last_pass=True) == (
        " · 8 more due by fsrs today, all 8 in a learning step: the plan reviews "
        "them on a later day if needed"
    )
    assert waiting_note(1, 0, last_pass=True) == (
        " · 1 more due by fsrs today: the plan reviews it on a later day if needed"
    )
    assert waiting_note(1_234, 1, last_pass=False).startswith(
        " · 1,234 more due by fsrs today, 1 of them in a learning step:"
    )
