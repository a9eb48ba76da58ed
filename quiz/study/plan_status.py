"""The interview plan as the store sees it now: readiness on the day and today's
load (`plan_status`, `PlanStatus`), with the forecast over the coming days when asked.

Reads what `quiz.study.plan`'s pure functions need from the store (the plan, the cards'
fsrs states, the person's answer times, what today already used) and calls them.

quiz.study.plan (its forecast and pacing code) is imported inside the functions that
need it: Home and a due session ask `store.interview_plan()` at every start, and
without a plan need none of it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from itertools import pairwise
from typing import TYPE_CHECKING

from fsrs import Card, Scheduler

from quiz.plural import counted, plural
from quiz.store import InterviewPlan, Store
from quiz.study.cards import StudyCard
from quiz.study.days import json_time, local_date, next_day_start

if TYPE_CHECKING:
    from quiz.study.plan import DayPlan, ForecastDay, Pace, Readiness, RecallCache

from quiz.study.plan_phrases import (
    cards_wait,
    longer_than_a_day,
    readiness_percent,
    steps_wait,
    target_percent,
)
from quiz.study.plan_reads import current_memory, memory_at, planned_cards, saved_states
from quiz.study.plan_today import PlanQueue, followed_forecast, today_decision


@dataclass(frozen=True)
class PlanStatus:
    """A plan with its forecast: readiness on the day now, and today's plan-mode load."""

    plan: InterviewPlan
    days_left: int
    """Days from today to the interview (0 on the day, negative after it)."""
    on_the_day: Readiness
    """Predicted readiness at the start of the interview day if nothing more is studied.
    On and after the day, what it was at the start of the day (answers since do not move
    it)."""
    today: DayPlan | None
    """Today's plan-mode study; None on and after the interview day."""
    queue: PlanQueue | None = None
    """What a session started now gives of `today` (None: all of it)."""
    forecast: tuple[ForecastDay, ...] = ()
    """Readiness at the start of each day to the interview, the plan followed (every
    answer Good) and not (the stats screen's plot); () when not computed."""
    measured_pace: bool = True
    """Whether today's minutes are at the person's pace (`Pace.measured`); False before
    any answer was timed, when they are at the default pace."""
    day_ends: datetime | None = None
    """When today's study day ends, in the plan's zone (the next one's start, at the
    `day_starts_at` hour): `drillbit plan`'s "Today's plan runs until". None on and after
    the interview day."""

    @property
    def followed(self) -> float | None:
        """Readiness on the day if the plan is followed with every answer Good (the
        forecast's last day); None when the forecast was not computed."""
        return self.forecast[-1].followed if self.forecast else None

    @property
    def unseen_on_the_day(self) -> int | None:
        """Cards still never seen on the day if the plan is followed: its minutes show no
        more before it (0 when they show every card); None without the forecast."""
        return self.on_the_day.cards - self.forecast[-1].seen if self.forecast else None

    def new_cards_by_day(self) -> tuple[int, ...]:
        """New cards each day from today (what is left of it) to the eve if the plan is
        followed, from the forecast; () without it. `drillbit plan` said "16 new today" and
        "102 come before the day" with 3 days left, which a reader multiplied to 48: the
        eve, with no reviews to keep minutes for, takes 70."""
        if not self.forecast:
            return ()
        seen = [self.on_the_day.seen, *(day.seen for day in self.forecast)]
        return tuple(after - before for before, after in pairwise(seen))

    @property
    def offered(self) -> tuple[str, ...]:
        """Today's cards a due session started now studies (in study order)."""
        if self.today is None:
            return ()
        return self.today.queue if self.queue is None else self.queue.offered

    @property
    def offered_seconds(self) -> float:
        """Expected time of the cards a due session started now studies: today's plan,
        or what is left of today's minutes when some of it waits for the next day."""
        if self.today is None or not self.offered:
            return 0.0
        if self.queue is not None and self.queue.waiting:
            return min(self.today.seconds, max(0.0, self.queue.box.seconds_left))
        return self.today.seconds

    @property
    def ahead(self) -> tuple[str, ...]:
        """The new cards offered to study ahead now (`PlanQueue.ahead`): today's list is
        done with minutes left. Not among today's counts."""
        return () if self.queue is None or self.today is None else self.queue.ahead

    def line(self, *, ahead_key: str | None = None) -> str:
        """One line for Home: days left, readiness against the target, today's load."""
        return " · ".join(self.phrases(ahead_key=ahead_key))

    def phrases(self, *, ahead_key: str | None = None, steps: bool = True) -> list[str]:
        """The line's phrases, for a screen too narrow for it to break between them;
        with cards to study ahead, 'ahead: 20 new', and the key that starts it (`ahead_key`).
        Without `steps`, the load leaves out the cards left in a learning step (Home says
        them in its count of what waits, `quiz.home_view.waiting_note`)."""
        now, target = readiness_percent(self.on_the_day.overall), target_percent(self.plan.target)
        ready = f"readiness {now} → target {target} on the day"
        reached = f"readiness on the day {now} (target {target})"
        if self.days_left < 0:
            return [
                f"The plan ended on {self.plan.interview.isoformat()} (the interview)",
                reached,
                "normal reviews resume",
            ]
        if self.days_left == 0 or self.today is None:
            return ["Interview today", reached, "normal reviews resume"]
        phrases = [f"{counted(self.days_left, 'day')} left", ready, self.load(steps=steps)]
        if self.ahead:
            key = "" if ahead_key is None else f" ({ahead_key})"
            phrases.append(f"ahead: {len(self.ahead)} new{key}")
        if self.short_of_target():
            phrases.append(
                f"the plan reaches only {readiness_percent(self.followed or 0.0)}: add minutes, a later date "
                "or fewer packs"
            )
        return phrases

    def load(self, *, steps: bool = True) -> str:
        """What is left of today's plan: 'today: 34 reviews + 12 new, about 25 min at
        your pace' ('at the default pace' before any answer was timed), or that today's
        minutes are used, from what a session started now gives.

        The counts are what is left of the list decided at the day's first plan-mode
        answer (or first bury or suspend), at the pace measured before it ("at your pace"): they only go down as cards
        are answered, but for a card answered Again that is back in a same-day step (`today_decision`). Until the
        eighteenth round they were the minutes left at the pace measured at each call, and
        quick answers made them grow ("16 new" became 17 after an 8 s answer).
        """
        if self.today is None:
            return "today: the plan is over"
        offered = self.offered
        waiting = () if self.queue is None else self.queue.waiting
        wait = self._wait_note(waiting, steps=steps)
        if not offered:
            queue = self.queue
            if queue is not None and (
                waiting or queue.ahead or queue.minutes_used or queue.spent_seconds > 0
            ):
                # a day studied ("nothing planned" after its list was done read as if the
                # plan had skipped the day), or whose minutes are used
                used = round(queue.spent_seconds / 60)
                return f"today: done, {used} of {self.plan.minutes_per_day:g} min used{wait}"
            # the day needs nothing: say so plainly
            return f"today: nothing planned{wait}"
        new = set(self.today.new)
        fresh = sum(1 for card_id in offered if card_id in new)
        minutes = max(1, round(self.offered_seconds / 60))
        reviews = len(offered) - fresh
        # "your pace" before any answer was timed told a new user the minutes were theirs
        whose = "your" if self.measured_pace else "the default"
        return (
            f"today: {counted(reviews, 'review')} + {fresh} new, about {minutes} min at "
            f"{whose} pace{wait}"
        )

    def short_of_target(self) -> bool:
        """Whether the forecast with the plan followed ends under the target on the day."""
        return (
            self.followed is not None
            and self.today is not None
            and self.followed < self.plan.target
        )

    def advice(self) -> str | None:
        """What would help when the forecast ends under the target (`drillbit plan`)."""
        if not self.short_of_target():
            return None
        return (
            f"Following the plan (every answer Good) reaches "
            f"{readiness_percent(self.followed or 0.0)} on the day, "
            f"under the target {target_percent(self.plan.target)}: the days left and "
            f"{self.plan.minutes_per_day:g} min a day are too few for these cards. "
            "More minutes (drillbit plan --minutes-per-day N), a later date "
            "(drillbit plan --interview YYYY-MM-DD) or fewer packs would help."
        )

    def ahead_note(self) -> str | None:
        """With cards to study ahead: how to (`drillbit plan`), else None."""
        return None if self.queue is None or not self.ahead else self.queue.offer_note(key=None)

    def ended_note(self) -> str | None:
        """On and after the interview day: how to set a new plan or clear this one."""
        if self.days_left > 0 and self.today is not None:
            return None
        return (
            "Set a new date with drillbit plan --interview YYYY-MM-DD, "
            "or remove the plan with drillbit plan --clear."
        )

    def steps_note(self) -> str | None:
        """What today does with fsrs's learning steps, when it is not what a due session
        without a plan does (`drillbit plan`): plan mode drops today's same-day steps, or
        cards an earlier answer left in a step wait (`DayPlan.steps_waiting`)."""
        if self.today is None:
            return None
        left = self._left_in_steps_note()
        if self.today.same_day_steps:
            return left.strip() or None
        if self.today.last_pass:
            return (
                "The last days before the interview: today a card is asked once (an Again "
                "is not asked again the same day); by fsrs's model a same-day step adds "
                f"little recall on the day.{left}"
            )
        return (
            "Too few days for every card with fsrs's same-day learning steps: today a card "
            "is asked once (an Again is not asked again the same day); the plan reviews it "
            f"again in the last days before the interview.{left}"
        )

    def _left_in_steps_note(self) -> str:
        """' 2 cards an earlier answer left in a learning step are not asked at their step:
        ...' (`DayPlan.steps_waiting`), or ''. Why, in a few words: the docs' reason
        (docs/plan.md, "Steps left from an earlier answer")."""
        if self.today is None or not self.today.steps_waiting:
            return ""
        count = len(self.today.steps_waiting)
        cards = f"{counted(count, 'card')} an earlier answer left in a learning step"
        verb = plural(count, "is", "are")
        its = plural(count, "its", "their")
        if self.today.last_pass:
            when = f"the plan places {its} one look on the day it adds the most recall"
        else:
            it = plural(count, "it", "them")
            when = (
                "a review nearer the interview adds more recall on the day than one now, so "
                f"the plan reviews {it} in the last days before it if needed"
            )
        return f" {cards} {verb} not asked at {its} step: {when}."

    def _wait_note(self, waiting: tuple[str, ...], *, steps: bool = True) -> str:
        """'; 4 cards wait for tomorrow', and the cards no day's minutes fit apart; the
        cards an earlier answer left in a step that today does not ask ('; 2 cards left in
        a learning step wait for the last days')."""
        too_long = () if self.queue is None else self.queue.too_long
        later = len(waiting) - len(too_long)  # `PlanQueue.for_tomorrow`
        notes = [cards_wait(later)] if later else []
        if too_long:
            notes.append(longer_than_a_day(len(too_long), self.plan.minutes_per_day))
        if steps and self.today is not None and self.today.steps_waiting:
            count = len(self.today.steps_waiting)
            notes.append(steps_wait(count, last_pass=self.today.last_pass))
        return "".join(f"; {note}" for note in notes)

    def status(self) -> str:
        """One word for `drillbit plan --json`: what today is under the plan."""
        if self.days_left < 0:
            return "ended"
        if self.today is None:
            return "interview_today"
        if self.offered:
            return "studying"
        queue = self.queue
        if queue is None:
            return "nothing_planned"
        # cards no day fits leave a fresh day's box with nothing to start, but none of
        # its minutes is used: Home says "today: done, 0 of 10 min used"
        untouched = queue.spent_seconds == 0 and bool(queue.too_long)
        if queue.for_tomorrow or (queue.minutes_used and not untouched):
            return "minutes_used"
        if queue.ahead or queue.spent_seconds > 0 or queue.too_long:
            return "done"  # Home's "today: done, N of M min used" (`load`)
        return "nothing_planned"

    def as_dict(self) -> dict[str, object]:
        """The JSON shape of `drillbit plan --json` (its fields: docs/plan.md)."""
        today: dict[str, object] | None = None
        if self.today is not None:
            offered = set(self.offered)
            steps = [c for c in self.today.reviews if c in offered]
            forward = [c for c in self.today.forward if c in offered]
            new = [c for c in self.today.new if c in offered]
            spent = 0.0 if self.queue is None else self.queue.spent_seconds
            today = {
                "reviews": len(steps),
                "brought_forward": len(forward),
                "review_total": len(steps) + len(forward),
                "new": len(new),
                "minutes": round(self.offered_seconds / 60, 1),
                "waiting": 0 if self.queue is None else len(self.queue.for_tomorrow),
                "longer_than_a_day": 0 if self.queue is None else len(self.queue.too_long),
                # `load`'s "1 card left in a learning step waits for the last days"
                "steps_waiting": len(self.today.steps_waiting),
                "ends_at": None if self.day_ends is None else json_time(self.day_ends),
                "ahead": len(self.ahead),
                "minutes_used": round(spent / 60, 1),
                "same_day_steps": self.today.same_day_steps,
                "last_pass": self.today.last_pass,
            }
        return {
            "interview": self.plan.interview.isoformat(),
            "days_left": self.days_left,
            "minutes_per_day": self.plan.minutes_per_day,
            "target": self.plan.target,
            "status": self.status(),
            "readiness": {
                "overall": round(self.on_the_day.overall, 4),
                "by_topic": {k: round(v, 4) for k, v in self.on_the_day.by_topic.items()},
                "cards": self.on_the_day.cards,
                "seen": self.on_the_day.seen,
            },
            "forecast_on_the_day": None if self.followed is None else round(self.followed, 4),
            "unseen_on_the_day": self.unseen_on_the_day,
            "today": today,
        }


def plan_status(
    store: Store,
    cards: Sequence[StudyCard],
    now: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
    with_forecast: bool = False,
) -> PlanStatus | None:
    """The saved plan with its forecast for `cards`, or None when no plan is set.

    On and after the interview day, readiness on the day is what the memory gave at the
    start of the day: answers given since do not move it. `with_forecast` also runs the
    plan-followed forecast (`forecast`, the stats screen's plot; `followed`, its last
    day), to say when it ends under the target.
    """
    made = status_without_forecast(store, cards, now, tz=tz, scheduler=scheduler)
    if made is None:
        return None
    status, parts = made
    return (
        status_with_forecast(status, parts, now, tz=tz, scheduler=scheduler)
        if with_forecast
        else status
    )


@dataclass(frozen=True)
class StatusParts:
    """What a status was computed from that its forecast needs too."""

    cards: list[StudyCard]
    """The cards the plan covers (`planned_cards`)."""
    memory: dict[str, Card]
    """Their fsrs states readiness on the day is measured from."""
    found: tuple[DayPlan, PlanQueue, Pace] | None
    """Today's decision (`today_decision`); None on and after the interview day."""


def status_without_forecast(
    store: Store,
    cards: Sequence[StudyCard],
    now: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
) -> tuple[PlanStatus, StatusParts] | None:
    """`plan_status` without its forecast, and what the forecast is computed from."""
    plan = store.interview_plan()
    if plan is None:
        return None
    from quiz.study.plan import interview_start, readiness

    # every card's saved state, read once (today's start, its steps, the offer ahead and
    # readiness on the day all take theirs from it)
    current = current_memory(store, [card.id for card in cards])
    # today's plan from every card: one suspended since the day's start leaves it
    found = today_decision(store, cards, plan, now, tz=tz, scheduler=scheduler, current=current)
    cards = planned_cards(store, cards)
    ids = [card.id for card in cards]
    days_left = (plan.interview - local_date(now, tz)).days
    start = interview_start(plan, tz)
    if days_left <= 0:
        memory = memory_at(store, ids, start, current)
    else:
        memory = saved_states(store, ids, current)
    status = PlanStatus(
        plan=plan,
        days_left=days_left,
        on_the_day=readiness(cards, memory, start, scheduler),
        today=None if found is None else found[0],
        queue=None if found is None else found[1],
        measured_pace=found is None or found[2].measured,
        day_ends=None if found is None else next_day_start(now, tz).astimezone(tz),
    )
    return status, StatusParts(cards=cards, memory=memory, found=found)


def status_with_forecast(
    status: PlanStatus,
    parts: StatusParts,
    now: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
    stop: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
    recalls: RecallCache | None = None,
) -> PlanStatus:
    """`status` with its plan-followed forecast (none on and after the interview day);
    ForecastStopped once `stop()` is true, `progress(done, days)` before each day,
    `recalls` the last pass's kept recalls (`forecast`)."""
    if parts.found is None:
        return status
    points = followed_forecast(
        parts.cards,
        parts.memory,
        status.plan,
        now,
        parts.found,
        tz=tz,
        scheduler=scheduler,
        stop=stop,
        progress=progress,
        recalls=recalls,
    )
    return replace(status, forecast=tuple(points))
