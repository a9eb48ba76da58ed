"""Following an interview plan for its days through the app's own Workspace and sessions
(store, pace from the person's answers, time box, each day planned at its start and every
session given what is left of it), not through `plan_day` alone: each day within its
minutes, every card seen, the target reached."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating, Scheduler

from quiz.bank.loader import load_bank
from quiz.store import InterviewPlan, Store
from quiz.workspace import StudyRequest, Workspace

START = datetime(2026, 3, 2, 8, tzinfo=UTC)

CARD = """---
id: {id}
kind: concept
title: Card {n}
topic: {topic}
tags: [plan]
difficulty: 1
source: tests
key_points:
  - point {n}
---

## Question

Question {n}?

## Answer

Answer {n}.
"""


def week_bank(root: Path, count: int) -> Path:
    """A pack of `count` concept cards over three topics."""
    pack = root / "content" / "week"
    for n in range(count):
        topic = ("alpha", "beta", "gamma")[n % 3]
        (pack / topic).mkdir(parents=True, exist_ok=True)
        text = CARD.format(id=f"c{n:02d}", n=n, topic=topic)
        (pack / topic / f"c{n:02d}.md").write_text(text, encoding="utf-8")
    (pack / "pack.yaml").write_text("title: Week\ndescription: A test pack.\nversion: 0.1.0\n")
    return root / "content"


@pytest.mark.parametrize(
    ("days", "minutes", "count", "right"),
    [(5, 6.0, 30, 1.0), (7, 5.0, 40, 0.8)],
    ids=["5-days-all-right", "7-days-a-fifth-wrong"],
)
def test_following_the_plan_keeps_each_day_in_budget_and_reaches_the_target(
    tmp_path: Path, days: int, minutes: float, count: int, right: float
) -> None:
    now = [START]
    ws = Workspace(
        load_bank([week_bank(tmp_path, count)]),
        Store.open(tmp_path / "db.sqlite"),
        clock=lambda: now[0],
        tz=UTC,
        scheduler=Scheduler(enable_fuzzing=False),
        rng=random.Random(1),
    )
    plan = InterviewPlan(START.date() + timedelta(days=days), minutes, 0.9, START)
    ws.store.set_interview_plan(plan)
    answers = random.Random(5)
    spent: list[float] = []
    for day in range(days):
        now[0] = START + timedelta(days=day)
        seconds = 0.0
        for _session in range(5):  # come back until the day has nothing more
            session = ws.start_session(StudyRequest())
            if session.current is None:
                session.finish()
                break
            assert session.plan_mode
            while session.current is not None:
                took = answers.uniform(15, 35)
                now[0] += timedelta(seconds=took)
                seconds += took
                rating = Rating.Good if answers.random() < right else Rating.Again
                session.rate(rating, now=now[0], duration_ms=round(took * 1000))
            session.finish()
        spent.append(seconds)
    assert max(spent) <= minutes * 60, f"a day over its minutes: {spent}"
    # the new cards fill the first days, each as its start planned it: these answers
    # (25 s on average) are quicker than the pace the day was planned with (the default
    # on the first), and a day's list does not grow with them (the eighteenth round)
    assert min(spent[:2]) > 0.75 * minutes * 60, "the new cards fill the first days"
    assert len(ws.store.card_states()) == count, "every card seen before the day"
    now[0] = START + timedelta(days=days)
    status = ws.plan_status()
    assert status is not None and status.today is None, "the plan ends on the interview day"
    assert status.on_the_day.overall >= plan.target, status.line()
