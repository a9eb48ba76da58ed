"""Studying ahead: once today's list is done with minutes left, the new cards the next
days would introduce, as many as fit in those minutes (`study_ahead`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from fsrs import Card, Scheduler

from quiz.store.records import InterviewPlan
from quiz.study.cards import StudyCard
from quiz.study.plan.day_selection import DayPlan, plan_day
from quiz.study.plan.pace import Pace


@dataclass(frozen=True)
class Ahead:
    """What may be studied ahead now (`study_ahead`)."""

    cards: tuple[str, ...] = ()
    """The next new cards that fit in the minutes left, in content order."""
    last_pass: bool = False
    """None is offered because the plan is in its last pass, decided so at the day's
    start or, planned now, with what is left of the day: it places the looks left on
    their best days itself, and a person told "no card fits" would be told wrong."""


def study_ahead(
    rest: DayPlan,
    cards: Sequence[StudyCard],
    memory: Mapping[str, Card],
    plan: InterviewPlan,
    now: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
    pace: Pace,
    spent_seconds: float,
) -> Ahead:
    """The new cards a person may study ahead once today's list is done (`rest`, what is
    left of the day's plan, is empty): the next unseen cards in content order, as many as
    fit in what is left of today's minutes at `pace`, the pace measured now.

    The day is decided once, at its first answer, with the pace known then: a new
    learner's first day is planned at the default pace, and someone quicker than it
    finishes the list with minutes to spare. Those minutes are the budget the plan was
    given; studying ahead spends them on the cards the next days would introduce (the
    new cards come first in plan mode, so seeing them sooner leaves the last pass more
    room), as Anki's custom study ("increase today's new card limit") does. It is offered
    apart from the day's counts, which still only go down: the person asks for it.

    None are offered while the day's list has cards left, in the last pass (it places the
    looks that are left on their best days itself), or on and after the interview day.
    """
    if rest.queue:
        return Ahead()
    if rest.last_pass:
        return Ahead(last_pass=True)
    now_day = plan_day(
        cards,
        memory,
        plan,
        now,
        tz=tz,
        scheduler=scheduler,
        pace=pace,
        spent_seconds=spent_seconds,
        same_day_steps=rest.same_day_steps,
    )
    if now_day is None:
        return Ahead()
    if now_day.last_pass:  # the minutes spent since the day was decided brought it forward
        return Ahead(last_pass=True)
    return Ahead(cards=now_day.new)
