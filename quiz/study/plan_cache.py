"""The plan status kept between calls (`PlanCache`): computed again only once the
store, the day or the clock changes (`clock_changes_at`), so Home and the stats screen do
not each work out the forecast again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from fsrs import Scheduler

from quiz.store import Store
from quiz.study.cards import StudyCard
from quiz.study.days import as_utc, day_start, local_date, next_day_start
from quiz.study.plan_kept import ForecastShelf, forecast_key
from quiz.study.plan_status import (
    PlanStatus,
    StatusParts,
    status_with_forecast,
    status_without_forecast,
)

if TYPE_CHECKING:
    from quiz.study.plan import RecallCache


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
    made: tuple[PlanStatus, StatusParts] | None
    forecast: PlanStatus | None = None
    """The status with its forecast, once asked."""


def _recalls_key(kept: _Kept, status: PlanStatus, tz: tzinfo) -> object:
    """What kept recalls must share with a forecast to be used in it: the cards (the same
    objects: a reloaded bank is a new list), the plan (an edit), the local day, the time
    zone and the scheduler's settings (the recalls are fsrs's with them)."""
    return (
        _Same(kept.cards),
        status.plan,
        local_date(kept.at, tz),
        tz,
        kept.scheduler.to_dict(),
    )


class _Same:
    """An object compared by identity (a key's cards: equal lists of cards from another
    bank load are not taken as the same, nor compared card by card), kept alive with it."""

    __slots__ = ("thing",)

    def __init__(self, thing: object) -> None:
        self.thing = thing

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.thing is self.thing

    def __hash__(self) -> int:
        return id(self.thing)


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

    After a change (an answer, mostly) the forecast is computed again with the last
    pass's recalls of the previous one (`RecallCache`'s `earlier`): each is a function of
    a card's fsrs state, the moments and the scheduler, so the cards an answer did not
    move are not priced again, and the forecast is the one a cold computation gives. They
    are kept only for the same cards, plan, local day, time zone and scheduler settings
    (`_recalls_key`), and only from a forecast that finished.

    Given the clock (the workspace's), a forecast overtaken by another write before it is
    done (an answer given while it is computed) is dropped at its next day, and the newest
    status's forecast computed instead, from the recalls the dropped one had priced: answers
    in quick succession cost one forecast, not one each, run one after the other.

    With a `shelf` (the workspace's: `quiz.plan_file`), a finished forecast is also kept
    on disk under a digest of its inputs (`quiz.study.plan_kept`), so the next start of the same study day with nothing changed
    takes it instead of computing it (3.5-5 s of CPU on a heavy home).
    """

    def __init__(self, *, shelf: ForecastShelf | None = None) -> None:
        self._shelf = shelf
        """Where finished forecasts are kept between starts (None: only in this object)."""
        self._kept: _Kept | None = None
        self._lock = threading.Lock()
        self._forecast_lock = threading.Lock()
        self._recalls: tuple[object, RecallCache] | None = None
        """The last finished forecast's recalls and what they hold for (`_recalls_key`)."""

    def status(
        self,
        store: Store,
        cards: Sequence[StudyCard],
        now: datetime | Callable[[], datetime],
        *,
        tz: tzinfo,
        scheduler: Scheduler,
        with_forecast: bool = False,
    ) -> PlanStatus | None:
        """`plan_status(store, cards, now, ...)`, or the one kept when it still holds.

        `now` may be the clock itself (the workspace's): then a forecast overtaken by a
        write (another answer) before it is done is dropped at its next day, and the status
        of the store as it is then, at the clock's time then, is given with its forecast
        (`_forecast_of`). With a fixed moment every forecast is computed to its end."""
        clock = now if callable(now) else None
        moment = now() if callable(now) else now
        kept = self._current(store, cards, moment, tz=tz, scheduler=scheduler)
        if kept.made is None:
            return None
        if not with_forecast:
            return kept.made[0]
        with self._forecast_lock:
            while True:
                if kept.forecast is not None or self._forecast_of(kept, store, tz, clock):
                    assert kept.forecast is not None
                    return kept.forecast
                assert clock is not None  # only a clock's forecast is overtaken
                kept = self._current(store, cards, clock(), tz=tz, scheduler=scheduler)
                if kept.made is None:  # the plan was cleared meanwhile
                    return None

    def _forecast_of(
        self, kept: _Kept, store: Store, tz: tzinfo, clock: Callable[[], datetime] | None
    ) -> bool:
        """Compute `kept`'s forecast (under the forecast lock), or say False when a clock
        was given and the store was written since `kept` was read: the forecast would be
        of a store that is no more. Answers given while a heavy home's forecast is being
        computed (5-8 s of CPU) each asked for one, and each ran to its end, one after the
        other, on the CPU the grading sandbox and the screen need; now the newest one is
        computed, from the recalls the dropped one had priced (`RecallCache.with_unasked`).
        ForecastStopped once the store is closed (the app quit)."""
        from quiz.study.plan import ForecastStopped

        assert kept.made is not None
        status, parts = kept.made
        scheduler = kept.scheduler
        version = kept.key[0] if isinstance(kept.key, tuple) else None
        overtaken = (
            (lambda: store.version() != version)
            if clock is not None and version is not None
            else None
        )
        if overtaken is not None and overtaken():
            return False
        shelf = self._shelf
        key = None
        if shelf is not None:
            key = forecast_key(status, parts, kept.at, tz=tz, scheduler=scheduler)
        points = None if shelf is None or key is None else shelf.taken(key)
        if points is not None:  # an earlier start's, for these very inputs
            kept.forecast = replace(status, forecast=points)
            return True
        recalls = self._take_recalls(kept, status, tz=tz)
        dropped = [False]

        def stop() -> bool:
            if store.is_closed():
                return True
            dropped[0] = overtaken is not None and overtaken()
            return dropped[0]

        try:
            kept.forecast = status_with_forecast(
                status, parts, kept.at, tz=tz, scheduler=scheduler, stop=stop, recalls=recalls[1]
            )
        except ForecastStopped:
            if not dropped[0]:
                raise
            # each recall is a function of its key alone: what this one priced serves the next
            self._recalls = (recalls[0], recalls[1].with_unasked())
            return False
        self._recalls = recalls
        if shelf is not None and key is not None:
            shelf.keep(key, kept.forecast.forecast)
        return True

    def _take_recalls(
        self, kept: _Kept, status: PlanStatus, *, tz: tzinfo
    ) -> tuple[object, RecallCache]:
        """The recalls for a forecast of `kept`, with its key: made from the previous
        forecast's when that one's key is the same, else fresh (the cold path). The previous
        ones are let go first: a forecast stopped half-way has moved some of them."""
        from quiz.study.plan import RecallCache

        key = _recalls_key(kept, status, tz)
        earlier, self._recalls = self._recalls, None
        if earlier is not None and earlier[0] == key:
            return key, RecallCache(earlier[1])
        return key, RecallCache()

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
            made = status_without_forecast(store, cards, now, tz=tz, scheduler=scheduler)
            until = clock_changes_at(store, now, tz)
            kept = _Kept(key, cards, scheduler, now, until, made)
            self._kept = kept if version is not None else None
            return kept
