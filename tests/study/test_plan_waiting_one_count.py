"""`drillbit stats` and Home count and word what today's plan leaves of fsrs's today with
one function (`quiz.study.counts.plan_waiting`), on a fake-clock day under a plan. The CLI
said "N due by fsrs, not today" while Home said "12 more due by fsrs today (8 in a
learning step) wait" (fiftieth round)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from fsrs import Rating, Scheduler

from quiz.bank.loader import load_bank
from quiz.cli.stats import stats_today
from quiz.home_view import home_view
from quiz.store import InterviewPlan, Store
from quiz.study.days import study_zone
from quiz.workspace import StudyRequest, Workspace

START = datetime(2026, 6, 15, 12, 0).astimezone()


def _warn(message: str) -> None:
    raise AssertionError(f"unexpected warning: {message}")


def _both_at(ws: Workspace, roots: list[Path], moment: datetime) -> tuple[str, str]:
    """Home's line and `drillbit stats`' at `moment` (the CLI's own store connection)."""
    home = home_view(ws)
    stats, line = stats_today(roots, _warn, lambda: moment)
    assert stats.today is not None and line is not None
    assert (stats.today.waiting, stats.today.waiting_in_step) == (
        home.waiting.count,
        home.waiting.in_step,
    ), "the JSON's count is Home's"
    return "".join(home.headline()), line


def test_the_cli_and_home_say_one_count_of_what_the_plan_leaves(mini_bank: Path) -> None:
    now = [START]
    ws = Workspace(
        load_bank([mini_bank]),
        Store.open(),  # DRILLBIT_HOME's, which `drillbit stats` opens too
        clock=lambda: now[0],
        tz=study_zone(),
        scheduler=Scheduler(enable_fuzzing=False),
    )
    try:
        # Again on each of the bank's three cards the day before the plan: two a while ago
        # (their one-minute step is due), one just now (its step comes later today)
        answers = {"what-is-relu": 600, "sigmoid-bound": 590, "dropout-inference": 20}
        for card_id, seconds in answers.items():
            session = ws.start_session(StudyRequest(card_ids=(card_id,)))
            session.show(now=START - timedelta(seconds=seconds))
            assert session.current is not None and session.current.id == card_id
            session.rate(Rating.Again, now=START - timedelta(seconds=seconds - 5))
        plan = InterviewPlan(START.date() + timedelta(days=2), 1.0, 0.9, START)
        ws.store.set_interview_plan(plan)
        roots = [mini_bank]
        home, cli = _both_at(ws, roots, START)
        status = ws.plan_status()
        assert status is not None and status.today is not None
        steps = len(status.today.steps_waiting)
        assert steps == 3, "a plan with no room for same-day steps leaves all three"
        assert cli == home
        # two due by fsrs now, one later today: each counted once, all three in a step
        assert cli == (
            f"{len(status.offered)} planned today · 3 more due by fsrs today, all 3 in a "
            "learning step: the plan reviews them on a later day if needed"
        )
        stats, _ = stats_today(roots, _warn, lambda: START)
        assert stats.today is not None and stats.today.due_not_today == 2
        # a minute on: the later steps are due by fsrs now, each card still counted once
        now[0] = START + timedelta(minutes=1)
        later_home, later_cli = _both_at(ws, roots, now[0])
        assert later_cli == later_home == home
    finally:
        ws.close()
