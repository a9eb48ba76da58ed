"""Today's plan as the store sees it: the day decided once, at its start
(`today_decision`), and what is left of it for a session started now (`plan_queue`,
`PlanQueue`), with the cards to study ahead once the list is done.

quiz.study.plan (its forecast and pacing code) is imported inside the functions that
need it: Home and a due session ask `store.interview_plan()` at every start, and
without a plan need none of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Literal

from fsrs import Card, Scheduler

from quiz.store import InterviewPlan, Store
from quiz.study.cards import StudyCard
from quiz.study.days import as_utc, day_start, next_day_start

if TYPE_CHECKING:
    from quiz.study.plan import DayPlan, ForecastDay, Pace, RecallCache, TimeBox
    from quiz.study.plan_decided import DayInputs, Decided

from quiz.study.plan_phrases import (
    PRACTISE_MORE,
    ahead_offer,
    longer_than_a_day,
    minutes_used_note,
    today_first,
    whole_minutes,
)
from quiz.study.plan_reads import memory_at, pace_from_store, saved_states, spent_between

AheadNone = Literal["seen", "last_pass", "minutes", "fit"]
"""Why a day whose list is done offers nothing to study ahead: every card is seen, the
last pass has begun, no card of any kind may start in the minutes left, or none of the
next new cards fits in them (`PlanQueue.no_ahead`)."""


@dataclass(frozen=True)
class PlanQueue:
    """What is left of today's plan-mode study (the day's plan decided at its start, less
    what is done since: `today_decision`), and what of it a session started now gives within what
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
                return today_first(len(self.offered))
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
            left = whole_minutes(self.ahead_seconds_left())
            return f"no new card of the next days fits in the {left} min left"
        return "today's plan minutes are used"


def day_decided_at(
    plan: InterviewPlan, now: datetime, tz: tzinfo, first_answer: datetime | None = None
) -> datetime:
    """When today's plan is decided: at the day's first plan-mode answer (`first_answer`,
    a due-session answer given since the day began, or a bury or suspend if sooner), or
    `now` while there is none. Never
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
    """The time of the day's first due-session (plan-mode) answer, or of its first bury or
    suspend if that came sooner, since the day began or the plan was set today; None
    before either. A card set aside before any answer left a day not yet decided, which
    was planned again without it: other cards took its minutes, and a new user who buried
    one card and suspended another saw Home's 25 planned become "0 reviews + 26 new"."""
    start = max(day_start(now, tz), as_utc(plan.created_at))
    answers = store.reviews(since=start, mode="due")
    moments = [answers[0].reviewed_at] if answers else []
    flagged = store.first_flagged_since(start)
    if flagged is not None:
        moments.append(flagged)
    return min(moments, default=None)


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
        spent=spent_between(store, day_began, at),
        planned=planned,
        studied=studied,
    )


def _select(day: DayInputs) -> Decided:
    """Whether today takes same-day steps and today's selection, worked out whole (with
    the cards left in a step it does not ask, `with_steps_waiting`)."""
    from quiz.study.plan import plan_day, takes_steps, with_steps_waiting

    steps = takes_steps(
        list(day.planned),
        day.memory,
        day.plan,
        day.at,
        tz=day.tz,
        pace=day.pace,
        spent_seconds=day.spent,
    )
    selection = plan_day(
        list(day.studied),
        day.memory,
        day.plan,
        day.at,
        tz=day.tz,
        scheduler=day.scheduler,
        pace=day.pace,
        spent_seconds=day.spent,
        same_day_steps=steps,
    )
    if selection is not None:
        selection = with_steps_waiting(selection, day.studied, day.memory, day.at, day.tz)
    return steps, selection


def today_decision(
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

    The day is decided once, at its first plan-mode answer or first bury or suspend
    (`_day_start`: the memory then, the pace from the answers before it, none of its minutes spent; until that
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
    from quiz.study.plan import rest_of_day, steps_due, time_box
    from quiz.study.plan_decided import DayInputs, decided_day

    start = _day_start(store, cards, plan, now, tz, scheduler, current)
    inputs = DayInputs(
        plan=plan,
        at=start.at,
        tz=tz,
        scheduler=scheduler,
        pace=start.pace,
        spent=start.spent,
        planned=tuple(start.planned),
        studied=tuple(start.studied),
        memory=start.memory,
    )
    # the same all day once decided: kept, not worked out again after every answer
    steps, day = decided_day(inputs, _select)
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
        stepping = steps_due(saved_states(store, sorted(today_ids - hidden), current), now, tz)
    rest = rest_of_day(day, kinds, start.pace, gone=answered | hidden, stepping=stepping)
    # the day's minutes: an answer dated after the day (a clock set back since) is its
    # own day's, and counted there only
    spent = spent_between(store, day_began, next_day_start(now, tz))
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
    memory = saved_states(store, [card.id for card in cards], current)
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
    found = today_decision(store, cards, plan, now, tz=tz, scheduler=scheduler)
    return None if found is None else found[1]


def followed_forecast(
    cards: Sequence[StudyCard],
    memory: Mapping[str, Card],
    plan: InterviewPlan,
    now: datetime,
    found: tuple[DayPlan, PlanQueue, Pace],
    *,
    tz: tzinfo,
    scheduler: Scheduler,
    stop: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
    recalls: RecallCache | None = None,
) -> list[ForecastDay]:
    """The plan-followed forecast from today's decision (`today_decision`): the only place it is
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
        progress=progress,
        recalls=recalls,
    )
