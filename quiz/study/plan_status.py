"""The interview plan as the store sees it now: readiness on the day and today's load.

Reads what `quiz.study.plan`'s pure functions need from the store (the plan, the cards'
fsrs states, the person's answer times, what today already used) and calls them.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from fsrs import Card, Scheduler

from quiz.plural import counted, plural
from quiz.store import InterviewPlan, Review, Store
from quiz.study.cards import StudyCard
from quiz.study.days import as_utc, day_start, json_time, local_date, next_day_start

if TYPE_CHECKING:
    from quiz.study.plan import DayPlan, ForecastDay, Pace, Readiness, TimeBox

# quiz.study.plan (its forecast and pacing code) is imported when a plan exists: Home and a
# due session ask `store.interview_plan()` at every start, and without a plan need none of it.

__all__ = [
    "AHEAD_COMMAND",
    "PACE_WINDOW_DAYS",
    "PRACTISE_MORE",
    "PlanCache",
    "PlanQueue",
    "PlanStatus",
    "ahead_offer",
    "cards_wait",
    "clock_changes_at",
    "current_memory",
    "day_decided_at",
    "memory_at",
    "minutes_used_note",
    "pace_from_store",
    "planned_cards",
    "plan_queue",
    "plan_status",
    "session_cut_note",
    "steps_today",
    "today_plan",
]

PACE_WINDOW_DAYS = 60
"""Answer times older than this are left out of the pace estimate."""


def cards_wait(count: int, *, more: bool = False) -> str:
    """'4 cards wait for tomorrow' ('1 more card waits for tomorrow'): today's planned
    cards whose long answer no longer fits in what is left of today's minutes.

    The one wording of Home's line, `drillbit plan`, the study screen's notice when an
    answer leaves cards out (`more`: some had been left out before) and the session's
    summary. They said "for tomorrow", "for the next day" and "cards of today's plan"
    for the same cards.
    """
    cards = plural(count, "card waits", "cards wait")
    return f"{count} {'more ' if more else ''}{cards} for tomorrow"


PRACTISE_MORE = "To practise more (the schedule stays as planned): drillbit study --mode cram."
"""How to go on when today's plan minutes stop a session."""


AHEAD_COMMAND = "drillbit study --ahead"
"""How to study ahead from a shell (Home's key is a)."""


def ahead_offer(count: int, minutes_left: float, *, key: str | None = "a") -> str:
    """'Study ahead: 20 new cards of the next days fit in the 14 min left: press a
    (drillbit study --ahead).' Offered once today's list is done with minutes left
    (`PlanQueue.ahead`); `key` None: the command alone (`drillbit plan`)."""
    cards = f"{counted(count, 'new card')} of the next days {plural(count, 'fits', 'fit')}"
    how = AHEAD_COMMAND if key is None else f"press {key} ({AHEAD_COMMAND})"
    return f"Study ahead: {cards} in the {_minutes(minutes_left)} min left: {how}."


def _minutes(seconds: float) -> str:
    """Seconds as whole minutes, at least 1 (a box with a card in it is never '0 min')."""
    return str(max(1, math.floor(seconds / 60)))


AheadNone = Literal["seen", "last_pass", "minutes", "fit"]
"""Why a day whose list is done offers nothing to study ahead: every card is seen, the
last pass has begun, no card of any kind may start in the minutes left, or none of the
next new cards fits in them (`PlanQueue.no_ahead`)."""


def minutes_used_note(waiting: int = 0) -> str:
    """What `d` says when today's plan minutes leave it nothing to start, with how many
    of the cards it would have studied wait (`waiting`) and how to go on anyway."""
    said = f": {cards_wait(waiting)}" if waiting else ""
    return f"Today's plan minutes are used{said}. {PRACTISE_MORE}"


def longer_than_a_day(count: int, minutes_per_day: float) -> str:
    """'2 cards longer than a day's 10 min (more minutes a day fit them)': the cards no
    day's minutes fit, as `drillbit plan` and `d` name them."""
    them = "it" if count == 1 else "them"
    return (
        f"{counted(count, 'card')} longer than a day's {minutes_per_day:g} min "
        f"(more minutes a day fit {them})"
    )


def day_ended_note(hour: int) -> str:
    """A plan-mode session's summary when the study day's end (`hour` o'clock, the
    `day_starts_at` setting) ended it: its list was the old day's."""
    return (
        f"The study day ended at {hour:02d}:00: this session's list was planned for the day "
        "before. d on Home starts the new day's session (drillbit study)."
    )


def day_ends_phrase(now: datetime, tz: tzinfo) -> str:
    """When the study day of `now` ends, as `drillbit plan` says it: 'midnight', '04:00'
    (after midnight, before the hour) or '04:00 tomorrow' (`tz`'s `day_starts_at`)."""
    ends = next_day_start(now, tz).astimezone(tz)
    if ends.hour == 0 and ends.minute == 0:
        return "midnight"
    tomorrow = ends.date() != as_utc(now).astimezone(tz).date()
    return f"{ends:%H:%M}{' tomorrow' if tomorrow else ''}"


def day_over_notice(hour: int) -> str:
    """What the app says on the card being answered when the study day ends under it: the
    summary said it only after that card, to someone who did not know a day had ended."""
    return (
        f"A new study day began at {hour:02d}:00: this card still counts, then the session "
        "ends (its list was the day before's); d on Home starts today's plan."
    )


def session_cut_note() -> str:
    """A plan-mode session's summary when today's minutes ended it: that its last cards
    no longer fit, and how to go on.

    No count and no "minutes are used": the summary's Plan row says what is left of
    today's plan, as Home does, with the minutes spent by the end of the session, and that
    can differ from the session's queue made at its start (a summary said "1 card waits for
    tomorrow" and "2 cards wait for tomorrow" one line apart, or "minutes are used"
    above a row offering one more card that fits in the minutes left).
    """
    return f"The session's last cards no longer fit in today's plan minutes. {PRACTISE_MORE}"


@dataclass(frozen=True)
class PlanQueue:
    """What is left of today's plan-mode study (the day's plan decided at its start, less
    what is done since: `_today`), and what of it a session started now gives within what
    is left of today's minutes.

    Home, `drillbit plan` and the session all read today from here, so the line never
    promises a card that `d` then refuses.
    """

    ids: tuple[str, ...]
    """Today's card ids left, in study order (`DayPlan.queue`)."""
    box: TimeBox
    """What is left of today's minutes."""
    same_day_steps: bool
    """False: no card is asked again today, whatever the rating (no requeue)."""
    offered: tuple[str, ...] = ()
    """The ids a session started now studies: those whose long answer still fits in
    today's minutes (the session's time box drops the others at its start)."""
    spent_seconds: float = 0.0
    """What today's due sessions already used."""
    ahead: tuple[str, ...] = ()
    """Once today's list is done (`ids` empty) with minutes left: the next new cards in
    content order that fit in them at the pace measured now (`study_ahead`), each one's
    long answer within `ahead_box`. The person asks for them (`drillbit study --ahead`,
    Home's a), as Anki's custom study: they are not among the day's counts."""
    ahead_box: TimeBox | None = None
    """The time box of a session studying ahead: what is left of today's minutes, with
    the long answers of the pace measured now. None while the list has cards."""
    no_ahead: AheadNone | None = None
    """Why the list done offers nothing ahead; None while it has cards, or with `ahead`."""
    too_long: tuple[str, ...] = ()
    """Of `waiting`, the cards whose long answer is longer than a whole day's minutes: no
    day fits them, so they do not wait for tomorrow (a drill's 12.5 minutes at the default
    pace in a 10-minute day was said to wait for tomorrow every day)."""
    minutes_per_day: float = 0.0
    """The plan's minutes a day, those `too_long` is longer than."""

    @property
    def waiting(self) -> tuple[str, ...]:
        """Today's cards the minutes leave for the next day."""
        offered = set(self.offered)
        return tuple(card_id for card_id in self.ids if card_id not in offered)

    @property
    def for_tomorrow(self) -> tuple[str, ...]:
        """Of `waiting`, the cards the next day's minutes may fit: all but `too_long`."""
        too_long = set(self.too_long)
        return tuple(card_id for card_id in self.waiting if card_id not in too_long)

    def left_out_note(self, left_out: Iterable[str]) -> str:
        """What `d` says when the time box left it nothing to start of `left_out` (the
        ids of the cards it dropped): how many of them wait for tomorrow, counted as
        `drillbit plan` counts them (`for_tomorrow`), or, when none does, how many are
        longer than a whole day's minutes (Home's "today: done, 0 of 10 min used")."""
        left = set(left_out)
        if waiting := [card_id for card_id in self.for_tomorrow if card_id in left]:
            return minutes_used_note(len(waiting))
        if too_long := [card_id for card_id in self.too_long if card_id in left]:
            return (
                f"Today's plan is done: {longer_than_a_day(len(too_long), self.minutes_per_day)}"
                f". {PRACTISE_MORE}"
            )
        return minutes_used_note()

    @property
    def minutes_used(self) -> bool:
        """No card of any kind fits in what is left of today's minutes."""
        return self.box.used_up

    @classmethod
    def empty(cls) -> PlanQueue:
        """A queue of no card and no minutes: a session studying ahead without a plan."""
        from quiz.study.plan import TimeBox

        return cls(ids=(), box=TimeBox(seconds_left=0.0, long_answer={}), same_day_steps=False)

    def studying_ahead(self) -> PlanQueue:
        """The queue of a session studying ahead: exactly `ahead` (none when nothing is
        offered), with its time box and the day's same-day-steps decision."""
        box = self.ahead_box if self.ahead_box is not None else self.box
        return PlanQueue(
            ids=self.ahead,
            box=box,
            same_day_steps=self.same_day_steps,
            offered=self.ahead,
            spent_seconds=self.spent_seconds,
        )

    def ahead_seconds_left(self) -> float:
        """Seconds left of today's minutes, as the ahead offer counts them."""
        box = self.ahead_box if self.ahead_box is not None else self.box
        return max(0.0, box.seconds_left)

    def offer_note(self, *, key: str | None = "a") -> str | None:
        """'Study ahead: 20 new cards ... fit in the 14 min left: press a (...)', or None
        when nothing is offered ahead."""
        if not self.ahead:
            return None
        return ahead_offer(len(self.ahead), self.ahead_seconds_left(), key=key)

    def no_ahead_reason(self) -> str:
        """Why nothing is offered ahead, in a few words (`drillbit study --ahead`)."""
        if self.ids:
            if self.offered:
                cards = counted(len(self.offered), "card")
                return f"today's list still has {cards}: study them first: drillbit study"
            return "today's plan minutes are used"
        why = self.no_ahead
        if why == "seen":
            return "every card is seen: the plan's next days only review"
        if why == "last_pass":
            return (
                "the plan is in its last pass: it places each card's last look on its best "
                "day itself"
            )
        if why == "fit":
            left = _minutes(self.ahead_seconds_left())
            return f"no new card of the next days fits in the {left} min left"
        return "today's plan minutes are used"


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

    def phrases(self, *, ahead_key: str | None = None) -> list[str]:
        """The line's phrases, for a screen too narrow for it to break between them;
        with cards to study ahead, 'ahead: 20 new', and the key that starts it (`ahead_key`)."""
        ready = (
            f"readiness {self.on_the_day.overall:.2f} → target {self.plan.target:.2f} on the day"
        )
        reached = (
            f"readiness on the day {self.on_the_day.overall:.2f} (target {self.plan.target:.2f})"
        )
        if self.days_left < 0:
            return [
                f"The plan ended on {self.plan.interview.isoformat()} (the interview)",
                reached,
                "normal reviews resume",
            ]
        if self.days_left == 0 or self.today is None:
            return ["Interview today", reached, "normal reviews resume"]
        phrases = [f"{counted(self.days_left, 'day')} left", ready, self.load()]
        if self.ahead:
            key = "" if ahead_key is None else f" ({ahead_key})"
            phrases.append(f"ahead: {len(self.ahead)} new{key}")
        if self.short_of_target():
            phrases.append(
                f"the plan reaches only {self.followed:.2f}: add minutes, a later date "
                "or fewer packs"
            )
        return phrases

    def load(self) -> str:
        """What is left of today's plan: 'today: 34 reviews + 12 new, about 25 min at
        your pace' ('at the default pace' before any answer was timed), or that today's
        minutes are used, from what a session started now gives.

        The counts are what is left of the list decided at the day's first plan-mode
        answer, at the pace measured before it ("at your pace"): they only go down as cards
        are answered, but for a card answered Again that is back in a same-day step (`_today`). Until the
        eighteenth round they were the minutes left at the pace measured at each call, and
        quick answers made them grow ("16 new" became 17 after an 8 s answer).
        """
        if self.today is None:
            return "today: the plan is over"
        offered = self.offered
        waiting = () if self.queue is None else self.queue.waiting
        wait = self._wait_note(waiting)
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
            return "today: nothing planned"
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
            f"Following the plan (every answer Good) reaches {self.followed:.2f} on the day, "
            f"under the target {self.plan.target:.2f}: the days left and "
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
        """When plan mode drops today's same-day learning steps, say so (`drillbit plan`)."""
        if self.today is None or self.today.same_day_steps:
            return None
        if self.today.last_pass:
            return (
                "The last pass: today a card is asked once (an Again is not asked again "
                "today); by fsrs's model a same-day step adds little recall on the day."
            )
        return (
            "Too few days for every card with fsrs's same-day learning steps: today a card "
            "is asked once (an Again is not asked again today); the last pass reviews it."
        )

    def _wait_note(self, waiting: tuple[str, ...]) -> str:
        """'; 4 cards wait for tomorrow', and the cards no day's minutes fit apart."""
        too_long = () if self.queue is None else self.queue.too_long
        later = len(waiting) - len(too_long)  # `PlanQueue.for_tomorrow`
        notes = [cards_wait(later)] if later else []
        if too_long:
            notes.append(longer_than_a_day(len(too_long), self.plan.minutes_per_day))
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


def planned_cards(store: Store, cards: Sequence[StudyCard]) -> list[StudyCard]:
    """The cards a plan covers: all but the suspended ones (a buried card is back tomorrow)."""
    suspended = {card_id for card_id, flag in store.card_flags().items() if flag.suspended}
    return [card for card in cards if card.id not in suspended]


def pace_from_store(
    store: Store,
    cards: Sequence[StudyCard],
    now: datetime,
    tz: tzinfo,
    scheduler: Scheduler | None = None,
    *,
    before: datetime | None = None,
) -> Pace:
    """The person's time per card, from their answers of the last weeks (only those
    before `before` when given: the pace at the start of a day): each card's time on the
    clock (`quiz.study.spent`), first answers apart; `scheduler`'s steps say how many
    answers a new card and a review take on their day.

    What a plan-mode day will take is learnt from answers taken as plan mode takes them:
    due and cram answers (the same screen, the feedback read after each). A mock
    interview's answers are left out: they race its own time limit, show no feedback and
    answer an unpassed drill as it stands, so they are quicker than a card on a plan day
    (a card seen first in a mock still makes the next answer to it a later one, not a
    first look). A drill answered without a pass outside a mock was given up (a session
    rates an unpassed drill only after ctrl+g, and skips it otherwise): marked `gave_up`,
    it does not make drills look quicker (`estimate_pace`)."""
    from quiz.study.plan import TimedAnswer, estimate_pace

    kinds = {card.id: card.kind for card in cards}
    # the window ends at `before` when given, so the day's pace stays the same all day
    since = as_utc(now if before is None else before) - timedelta(days=PACE_WINDOW_DAYS)
    until = None if before is None else as_utc(before)
    reviews = [
        review
        for review in store.reviews(since=since)
        if review.duration_ms is not None
        and review.card_id in kinds
        and (until is None or review.reviewed_at < until)
    ]
    seconds = _card_seconds(store, reviews, since)
    seen: set[str] = set()
    answers: list[TimedAnswer] = []
    for review in reviews:
        # a first look: the card's first answer here, to a card fsrs had not scheduled
        first = review.state_before is None and review.card_id not in seen
        seen.add(review.card_id)
        if review.mode == "mock":
            continue
        kind = kinds[review.card_id]
        answers.append(
            TimedAnswer(
                card_id=review.card_id,
                kind=kind,
                seconds=seconds[review.id],
                first=first,
                gave_up=kind == "coding" and not review.correct,
            )
        )
    return estimate_pace(answers, scheduler)


def _card_seconds(store: Store, reviews: Sequence[Review], since: datetime) -> dict[int, float]:
    """Each review's card time on the clock (`quiz.study.spent`), by review id."""
    from quiz.study.spent import review_seconds

    # a session started the evening before `since` may hold its first answers
    return review_seconds(reviews, store.session_ends(since - timedelta(days=1)))


def _spent_between(store: Store, start: datetime, end: datetime | None = None) -> float:
    """Seconds due (plan-mode) sessions spent on the cards answered from `start` to before
    `end` (to now without it): each card's time on the clock, from the card shown to the
    next card shown (`quiz.study.spent`)."""
    until = None if end is None else as_utc(end)
    if until is not None and until <= as_utc(start):
        return 0.0
    reviews = [
        r for r in store.reviews(since=start, mode="due") if until is None or r.reviewed_at < until
    ]
    return sum(_card_seconds(store, reviews, start).values())


def memory_at(
    store: Store,
    card_ids: Sequence[str],
    moment: datetime,
    current: Mapping[str, Card] | None = None,
) -> dict[str, Card]:
    """The cards' fsrs memory states as they were at `moment`: a card answered since has
    the state before its first answer since (absent when it was new then); the others
    their saved state. From the review log, which keeps each answer's state before.

    `current`: the saved states already read (`current_memory`, of these cards or more),
    so a caller that needs them too reads the card states once."""
    memory = _memory(store, card_ids, current)
    wanted = set(card_ids)
    done: set[str] = set()
    for review in store.reviews(since=as_utc(moment)):
        if review.card_after is None or review.card_id in done or review.card_id not in wanted:
            continue  # cram and mock answers leave the schedule alone
        done.add(review.card_id)
        if review.card_before is None:
            memory.pop(review.card_id, None)
        else:
            memory[review.card_id] = Card.from_json(review.card_before)
    return memory


def current_memory(store: Store, card_ids: Sequence[str]) -> dict[str, Card]:
    """The saved fsrs states of `card_ids` (absent: never seen), in their order. Read once
    for one `plan_status`: the day's start, the steps due, the offer ahead and readiness on
    the day take theirs from it (each read the whole card_state table and parsed its
    states again: three times in one status once the day's list was done)."""
    from quiz.study.plan import memory_of

    return memory_of(store.card_states(card_ids))


def _memory(
    store: Store, card_ids: Sequence[str], current: Mapping[str, Card] | None
) -> dict[str, Card]:
    """The saved states of `card_ids`, in their order, as `current_memory` gives them:
    taken from `current` (states of these cards or more) when given, else read."""
    if current is None:
        return current_memory(store, card_ids)
    return {card_id: current[card_id] for card_id in card_ids if card_id in current}


def day_decided_at(
    plan: InterviewPlan, now: datetime, tz: tzinfo, first_answer: datetime | None = None
) -> datetime:
    """When today's plan is decided: at the day's first plan-mode answer (`first_answer`,
    a due-session answer given since the day began), or `now` while there is none. Never
    before the start of the day, or before the plan was set if that was later today (a
    plan's first day is planned from its making).

    The day is decided from the store as it was then (its memory, the pace from the
    answers before), so today's answers change nothing of it; and it is priced at the time
    it is studied. Priced at midnight (eighteenth round, first take), a review on the eve
    counted as a whole day before the interview: the last pass took about 90 reviews more
    than its target needed at 7 days (the plan bench: 226 against 136)."""
    moment = as_utc(now)
    start = max(day_start(moment, tz), as_utc(plan.created_at))
    decided = moment if first_answer is None else min(moment, as_utc(first_answer))
    return max(start, decided)


def _first_answer(store: Store, plan: InterviewPlan, now: datetime, tz: tzinfo) -> datetime | None:
    """The time of the day's first due-session (plan-mode) answer, since the day began or
    the plan was set today; None before it."""
    start = max(day_start(now, tz), as_utc(plan.created_at))
    answers = store.reviews(since=start, mode="due")
    return answers[0].reviewed_at if answers else None


@dataclass(frozen=True)
class _DayStart:
    """What today's plan is decided from: the store as it was at `at`."""

    at: datetime
    """The day's first plan-mode answer, or now before it (`day_decided_at`)."""
    memory: dict[str, Card]
    """The cards' fsrs states at `at` (`memory_at`)."""
    pace: Pace
    """The pace from the answers before `at`."""
    spent: float
    """Seconds today's due sessions had used by `at` (none, but on a plan's first day)."""
    planned: list[StudyCard]
    """The cards the plan covered at `at`: none suspended before it (buried ones in)."""
    studied: list[StudyCard]
    """Of those, the cards a session could show at `at`: none buried before it either."""


def _day_start(
    store: Store,
    cards: Sequence[StudyCard],
    plan: InterviewPlan,
    now: datetime,
    tz: tzinfo,
    scheduler: Scheduler | None,
    current: Mapping[str, Card] | None = None,
) -> _DayStart:
    """Today's inputs as they were when the day was decided (`day_decided_at`): the
    answers and flags of the day since leave them as they were. `current`: the cards'
    saved states, when already read (`current_memory`)."""
    at = day_decided_at(plan, now, tz, first_answer=_first_answer(store, plan, now, tz))
    since = store.flagged_since(at)
    earlier = {
        card_id: flag for card_id, flag in store.card_flags().items() if card_id not in since
    }
    planned = [card for card in cards if not (card.id in earlier and earlier[card.id].suspended)]
    studied = [
        card for card in planned if not (card.id in earlier and earlier[card.id].hidden_at(at))
    ]
    day_began = day_start(now, tz)
    return _DayStart(
        at=at,
        memory=memory_at(store, [card.id for card in planned], at, current),
        pace=pace_from_store(store, planned, at, tz, scheduler, before=at),
        spent=_spent_between(store, day_began, at),
        planned=planned,
        studied=studied,
    )


def _takes_steps(start: _DayStart, plan: InterviewPlan, tz: tzinfo) -> bool:
    from quiz.study.plan import takes_steps

    return takes_steps(
        start.planned,
        start.memory,
        plan,
        start.at,
        tz=tz,
        pace=start.pace,
        spent_seconds=start.spent,
    )


def steps_today(
    store: Store,
    cards: Sequence[StudyCard],
    plan: InterviewPlan,
    now: datetime,
    tz: tzinfo,
    scheduler: Scheduler | None = None,
) -> bool:
    """Whether today takes fsrs's same-day steps, decided once for the day (`_day_start`).

    The memory as it was at the day's first plan-mode answer (now, before it), the pace
    from the answers before it and the minutes spent by then: today's answers and their times
    change none of it, so every session of the day (and Home, and `drillbit plan`)
    decides as the first did. Deciding again with today's answers flipped: a few quick
    answers (a drill given up in seconds) made the measured pace so fast that the steps
    seemed to fit, and a card answered Again was asked again in the day's second session
    but not in its first.
    """
    return _takes_steps(_day_start(store, cards, plan, now, tz, scheduler), plan, tz)


def _today(
    store: Store,
    cards: Sequence[StudyCard],
    plan: InterviewPlan,
    now: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
    current: Mapping[str, Card] | None = None,
) -> tuple[DayPlan, PlanQueue, Pace] | None:
    """What is left now of today's plan-mode study over `cards`, what a session started
    now gives of it, and the pace the day was planned with (the forecast plans the days
    after with it too). `current`: the saved states of `cards`, when already read
    (`current_memory`: `plan_status` reads them once).

    The day is decided once, at its first plan-mode answer (`_day_start`: the memory
    then, the pace from the answers before it, none of its minutes spent; until that
    answer, now: the reviews are priced at the time they are studied, not at midnight),
    like its same-day steps. What a session, Home, `drillbit plan`
    and `drillbit cards` show later in the day is that plan less what is done since
    (`rest_of_day`): the cards answered (in a due session: cram and mock leave the
    schedule alone), buried or suspended; a card answered Again on a day with steps is
    back among the reviews once its step is due. So the counts only go down as the day
    is studied, as in Anki. Until the eighteenth round the day was planned again at every
    call, with the pace measured then and the minutes spent taken off: quick answers
    made the pace faster and more cards fitted ("15 new" became "18 new" after two
    answers, then 24).

    A card buried before the day is decided is out of its plan; one buried since leaves
    what is left (no other card takes its place). It still counts in the decision
    whether today takes same-day steps: it is a planned card the days left must still
    get to. The minutes: the time box is the budget less what today's due sessions used
    (a slow day leaves cards for tomorrow). The bank's cards are today's: a card added
    since the day was decided is planned as if it had been there then.
    """
    from quiz.study.plan import plan_day, rest_of_day, steps_due, time_box

    start = _day_start(store, cards, plan, now, tz, scheduler, current)
    steps = _takes_steps(start, plan, tz)
    day = plan_day(
        start.studied,
        start.memory,
        plan,
        start.at,
        tz=tz,
        scheduler=scheduler,
        pace=start.pace,
        spent_seconds=start.spent,
        same_day_steps=steps,
    )
    if day is None:
        return None
    day_began = day_start(now, tz)
    # today's answers that moved a schedule (cram and mock answers leave it alone), read
    # once: those since the day was decided leave its list; on a day with same-day steps,
    # any of today's may be back in a step
    todays = [r for r in store.reviews(since=day_began) if r.card_after is not None]
    answered = {r.card_id for r in todays if r.reviewed_at >= start.at}
    kinds = {card.id: card.kind for card in start.planned}
    hidden = store.hidden_ids(now)
    stepping: list[str] = []
    if steps:
        today_ids = {r.card_id for r in todays if r.card_id in kinds}
        stepping = steps_due(_memory(store, sorted(today_ids - hidden), current), now, tz)
    rest = rest_of_day(day, kinds, start.pace, gone=answered | hidden, stepping=stepping)
    # the day's minutes: an answer dated after the day (a clock set back since) is its
    # own day's, and counted there only
    spent = _spent_between(store, day_began, next_day_start(now, tz))
    box = time_box(plan, start.pace, spent, kinds.values())
    # the session's time box at its start (nothing used yet): a card whose long answer
    # does not fit in what is left waits for the next day (Session._fit_time_box)
    offered = tuple(card_id for card_id in rest.queue if box.fits(kinds[card_id], 0.0))
    whole_day = replace(box, seconds_left=plan.minutes_per_day * 60.0)
    queue = PlanQueue(
        ids=rest.queue,
        box=box,
        same_day_steps=rest.same_day_steps,
        offered=offered,
        spent_seconds=spent,
        too_long=tuple(c for c in rest.queue if not whole_day.fits(kinds[c], 0.0)),
        minutes_per_day=plan.minutes_per_day,
    )
    if not rest.queue:
        # the list done: what the minutes left hold of the next days (never computed
        # while the list has cards, so a day being studied pays nothing for it)
        shown = [card for card in cards if card.id not in hidden]
        queue = _with_ahead(
            queue, store, shown, plan, rest, now, tz=tz, scheduler=scheduler, current=current
        )
    return rest, queue, start.pace


def _with_ahead(
    queue: PlanQueue,
    store: Store,
    cards: Sequence[StudyCard],
    plan: InterviewPlan,
    rest: DayPlan,
    now: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
    current: Mapping[str, Card] | None = None,
) -> PlanQueue:
    """`queue`, today's list done, with what may be studied ahead (`study_ahead`) over
    `cards` (those a session may show now): the memory now, the pace measured now (all
    of the day's answers in it), today's minutes spent. An ahead card is kept only if its
    long answer at that pace fits in the minutes left, as `offered` keeps the day's."""
    from quiz.study.plan import study_ahead, time_box

    if rest.last_pass:
        return replace(queue, no_ahead="last_pass")
    memory = _memory(store, [card.id for card in cards], current)
    if all(card.id in memory for card in cards):
        return replace(queue, no_ahead="seen")
    pace = pace_from_store(store, cards, now, tz, scheduler)
    kinds = {card.id: card.kind for card in cards}
    box = time_box(plan, pace, queue.spent_seconds, kinds.values())
    if box.used_up:
        return replace(queue, ahead_box=box, no_ahead="minutes")
    found = study_ahead(
        rest,
        cards,
        memory,
        plan,
        now,
        tz=tz,
        scheduler=scheduler,
        pace=pace,
        spent_seconds=queue.spent_seconds,
    )
    if found.last_pass:
        return replace(queue, ahead_box=box, no_ahead="last_pass")
    ahead = tuple(card_id for card_id in found.cards if box.fits(kinds[card_id], 0.0))
    return replace(queue, ahead=ahead, ahead_box=box, no_ahead=None if ahead else "fit")


def today_plan(
    store: Store,
    cards: Sequence[StudyCard],
    plan: InterviewPlan,
    now: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
) -> DayPlan | None:
    """Today's plan-mode study for `cards`, counting what earlier sessions today used."""
    found = _today(store, cards, plan, now, tz=tz, scheduler=scheduler)
    return None if found is None else found[0]


def plan_queue(
    store: Store,
    cards: Sequence[StudyCard],
    now: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
) -> PlanQueue | None:
    """Today's plan-mode cards over `cards`, the time box and whether today's answers are
    asked again today; None without a plan or once it is over."""
    plan = store.interview_plan()
    if plan is None:
        return None
    found = _today(store, cards, plan, now, tz=tz, scheduler=scheduler)
    return None if found is None else found[1]


def _followed(
    cards: Sequence[StudyCard],
    memory: Mapping[str, Card],
    plan: InterviewPlan,
    now: datetime,
    found: tuple[DayPlan, PlanQueue, Pace],
    *,
    tz: tzinfo,
    scheduler: Scheduler,
    stop: Callable[[], bool] | None = None,
) -> list[ForecastDay]:
    """The plan-followed forecast from today's decision (`_today`): the only place it is
    computed, for Home's warning, the stats screen's plot and `drillbit plan` alike.

    Today studies what a session started now gives (`PlanQueue.offered`: no buried card,
    no card the minutes leave for tomorrow), with today's same-day-steps decision; the
    days after plan every planned card (`cards`: a buried card among them, back
    tomorrow) with the pace today was planned with. Until the seventeenth round Home and
    the stats screen planned today again over every card, buried ones too, and could
    disagree with `drillbit plan`.
    """
    from quiz.study.plan import forecast

    day, queue, pace = found
    return forecast(
        cards,
        memory,
        plan,
        now,
        tz=tz,
        scheduler=scheduler,
        pace=pace,
        spent_seconds=queue.spent_seconds,
        same_day_steps=day.same_day_steps,
        studied_today=queue.offered,
        stop=stop,
    )


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
    made = _status(store, cards, now, tz=tz, scheduler=scheduler)
    if made is None:
        return None
    status, parts = made
    return (
        _with_forecast(status, parts, now, tz=tz, scheduler=scheduler) if with_forecast else status
    )


@dataclass(frozen=True)
class _Parts:
    """What a status was computed from that its forecast needs too."""

    cards: list[StudyCard]
    """The cards the plan covers (`planned_cards`)."""
    memory: dict[str, Card]
    """Their fsrs states readiness on the day is measured from."""
    found: tuple[DayPlan, PlanQueue, Pace] | None
    """Today's decision (`_today`); None on and after the interview day."""


def _status(
    store: Store,
    cards: Sequence[StudyCard],
    now: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
) -> tuple[PlanStatus, _Parts] | None:
    """`plan_status` without its forecast, and what the forecast is computed from."""
    plan = store.interview_plan()
    if plan is None:
        return None
    from quiz.study.plan import interview_start, readiness

    # every card's saved state, read once (today's start, its steps, the offer ahead and
    # readiness on the day all take theirs from it)
    current = current_memory(store, [card.id for card in cards])
    # today's plan from every card: one suspended since the day's start leaves it
    found = _today(store, cards, plan, now, tz=tz, scheduler=scheduler, current=current)
    cards = planned_cards(store, cards)
    ids = [card.id for card in cards]
    days_left = (plan.interview - local_date(now, tz)).days
    start = interview_start(plan, tz)
    if days_left <= 0:
        memory = memory_at(store, ids, start, current)
    else:
        memory = _memory(store, ids, current)
    status = PlanStatus(
        plan=plan,
        days_left=days_left,
        on_the_day=readiness(cards, memory, start, scheduler),
        today=None if found is None else found[0],
        queue=None if found is None else found[1],
        measured_pace=found is None or found[2].measured,
        day_ends=None if found is None else next_day_start(now, tz).astimezone(tz),
    )
    return status, _Parts(cards=cards, memory=memory, found=found)


def _with_forecast(
    status: PlanStatus,
    parts: _Parts,
    now: datetime,
    *,
    tz: tzinfo,
    scheduler: Scheduler,
    stop: Callable[[], bool] | None = None,
) -> PlanStatus:
    """`status` with its plan-followed forecast (none on and after the interview day);
    ForecastStopped once `stop()` is true (`forecast`)."""
    if parts.found is None:
        return status
    points = _followed(
        parts.cards,
        parts.memory,
        status.plan,
        now,
        parts.found,
        tz=tz,
        scheduler=scheduler,
        stop=stop,
    )
    return replace(status, forecast=tuple(points))


def clock_changes_at(store: Store, now: datetime, tz: tzinfo) -> datetime:
    """When the plan's status may next change by the clock alone, the store as it is:
    the next study day's start (a new day is planned), a step of a card answered today falling
    due (back among the day's reviews), a buried card coming back (`PlanCache`)."""
    from quiz.store.timefmt import from_db, to_db

    moment = as_utc(now)
    until = next_day_start(moment, tz)
    answered = {
        r.card_id for r in store.reviews(since=day_start(moment, tz)) if r.card_after is not None
    }
    columns = store.schedule_columns()
    after = to_db(moment)
    for card_id in answered:
        column = columns.get(card_id)
        if column is not None and column[1] > after:
            until = min(until, from_db(column[1]))
    for flag in store.card_flags().values():
        if flag.buried_until is not None and as_utc(flag.buried_until) > moment:
            until = min(until, as_utc(flag.buried_until))
    return until


@dataclass
class _Kept:
    """One status `PlanCache` keeps, and what it was computed from."""

    key: object
    """The store's version, the local day and the time zone."""
    cards: Sequence[StudyCard]
    scheduler: Scheduler
    at: datetime
    """The moment it was computed at (its forecast is computed at it too)."""
    until: datetime
    """It holds before this moment (`clock_changes_at`)."""
    made: tuple[PlanStatus, _Parts] | None
    forecast: PlanStatus | None = None
    """The status with its forecast, once asked."""


class PlanCache:
    """The plan's status kept while nothing it is computed from has changed, so Home's
    line, Home's target warning and the stats screen's plot share one computation (on a
    heavy home the forecast is seconds of CPU, and each of them computed it).

    A kept status is given again while the store is unchanged (`Store.version`: no
    answer, import, flag or plan change, through this store or another connection), the
    cards and the scheduler are the same objects (a reloaded bank, new settings), and the
    clock is on the same local day, before the next moment the clock alone changes it
    (`clock_changes_at`). It is exactly what `plan_status` gave at the moment it was
    computed, the forecast included (computed at that moment when first asked).

    Before the day's first plan-mode answer the day is decided at the moment it is
    computed (`day_decided_at`), so a status computed hours later could in principle
    differ: fsrs counts elapsed time in whole days, and a card's recall today steps down
    when the time of its last review passes, which may reorder the last pass's ranking.
    On the heavy home and two small ones the day's list was the same at every hour sampled
    from 00:30 to 23:30 (docs/plan.md, after "The day is decided once"); a session's queue
    is still counted when it starts (`plan_queue`), so the first answer decides from then.

    Safe to share between Home's forecast worker and the screen's thread: a status is
    computed once under a lock, its forecast under another, so counting Home's line again
    does not wait for a forecast being computed.
    """

    def __init__(self) -> None:
        self._kept: _Kept | None = None
        self._lock = threading.Lock()
        self._forecast_lock = threading.Lock()

    def status(
        self,
        store: Store,
        cards: Sequence[StudyCard],
        now: datetime,
        *,
        tz: tzinfo,
        scheduler: Scheduler,
        with_forecast: bool = False,
    ) -> PlanStatus | None:
        """`plan_status(store, cards, now, ...)`, or the one kept when it still holds."""
        kept = self._current(store, cards, now, tz=tz, scheduler=scheduler)
        if kept.made is None:
            return None
        status, parts = kept.made
        if not with_forecast:
            return status
        with self._forecast_lock:
            if kept.forecast is None:  # stopped once the store is closed: the app quit
                kept.forecast = _with_forecast(
                    status, parts, kept.at, tz=tz, scheduler=scheduler, stop=store.is_closed
                )
            return kept.forecast

    def has_forecast(self) -> bool:
        """Whether the status kept last has its forecast: asked right after `status` (which
        keeps the current one), a forecast asked next comes at once, not after the seconds
        of CPU a heavy home's takes (the stats screen draws meanwhile, and waits for it in
        a thread)."""
        kept = self._kept
        return kept is not None and kept.forecast is not None

    def _current(
        self,
        store: Store,
        cards: Sequence[StudyCard],
        now: datetime,
        *,
        tz: tzinfo,
        scheduler: Scheduler,
    ) -> _Kept:
        with self._lock:
            # the version before the reads: a write during them computes again next time
            version = store.version()
            key = (version, local_date(now, tz), tz)
            kept = self._kept
            if (
                version is not None
                and kept is not None
                and kept.key == key
                and kept.cards is cards
                and kept.scheduler is scheduler
                and as_utc(kept.at) <= as_utc(now) < kept.until
            ):
                return kept
            made = _status(store, cards, now, tz=tz, scheduler=scheduler)
            until = clock_changes_at(store, now, tz)
            kept = _Kept(key, cards, scheduler, now, until, made)
            self._kept = kept if version is not None else None
            return kept
