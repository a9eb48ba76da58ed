"""Today's decided selection kept between calls (`decided_day`): once the day is decided
(its first plan-mode answer), what plan mode studies today is a function of the store as it
was then, so every later call of the day (Home's recount after each answer, a session's
start, a drill's answer) would work out the same `plan_day` and `takes_steps` again.

One selection is kept, with everything it was worked out from, and given again only when
all of it is equal now: the plan, the moment it was decided at, the zone, the scheduler's
settings, the pace, the minutes spent, the same card objects in the same order and the
same memory states in the same order. Anything else (a new day, an undone first answer
that moves the moment, a plan or settings edit, a reloaded bank, a restore that changes a
state before the moment) works it out again, so a kept selection is the cold one by
construction (`tests/study/test_plan_decided.py` checks it on random histories).
"""

from __future__ import annotations

import operator
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from fsrs import Card, Scheduler

from quiz.store import InterviewPlan
from quiz.study.cards import StudyCard

if TYPE_CHECKING:
    from quiz.study.plan import DayPlan, Pace


@dataclass(frozen=True)
class DayInputs:
    """What today's selection is worked out from (`plan_today._DayStart` and its call)."""

    plan: InterviewPlan
    at: datetime
    tz: tzinfo
    scheduler: Scheduler
    pace: Pace
    spent: float
    planned: tuple[StudyCard, ...]
    studied: tuple[StudyCard, ...]
    memory: Mapping[str, Card]


Decided = tuple[bool, "DayPlan | None"]
"""Whether today takes same-day steps, and the day's selection (None on and after the
interview day)."""


def _same_objects(one: Sequence[object], other: Sequence[object]) -> bool:
    """The same objects in the same order: a card's facts are not compared, so a reloaded
    bank (new objects) is never taken for the kept one. (`map` of `is_`: no Python frame
    per card, 10,000 of them on a heavy home after every answer.)"""
    return len(one) == len(other) and all(map(operator.is_, one, other))


@dataclass(frozen=True)
class _Key:
    """`DayInputs` as kept: the scheduler's settings and the memory's items copied when
    the selection was worked out, so a later change to either object is never missed."""

    inputs: DayInputs
    settings: Mapping[str, object]
    ids: list[str]
    states: list[Card]

    @classmethod
    def of(cls, inputs: DayInputs) -> _Key:
        memory = inputs.memory
        return cls(inputs, inputs.scheduler.to_dict(), list(memory), list(memory.values()))


def _same(kept: _Key, now: DayInputs) -> bool:
    """Every input equal, the memory in the same order too (the cheap checks first; the
    memory's are mostly identity checks, which a list's `==` makes first: unchanged states
    are the store's kept Cards, an answered card's state since is compared by value)."""
    was = kept.inputs
    return (
        was.at == now.at
        and was.spent == now.spent
        and was.plan == now.plan
        and was.tz == now.tz
        and was.pace == now.pace
        and _same_objects(was.planned, now.planned)
        and _same_objects(was.studied, now.studied)
        and len(kept.ids) == len(now.memory)
        and kept.ids == list(now.memory)
        and kept.states == list(now.memory.values())
        and kept.settings == now.scheduler.to_dict()
    )


class _Kept:
    """The one kept selection, read and replaced under a lock (Home's forecast worker and
    the screen's thread both ask)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entry: tuple[_Key, Decided] | None = None


_KEPT = _Kept()


def decided_day(inputs: DayInputs, work_out: Callable[[DayInputs], Decided]) -> Decided:
    """`work_out(inputs)`, or what it gave for equal inputs last time."""
    with _KEPT.lock:
        entry = _KEPT.entry
    if entry is not None and _same(entry[0], inputs):
        return entry[1]
    key = _Key.of(inputs)
    made = work_out(inputs)
    with _KEPT.lock:
        _KEPT.entry = (key, made)
    return made


def forget_decided() -> None:
    """Drop the kept selection (tests compare with a cold one)."""
    with _KEPT.lock:
        _KEPT.entry = None
