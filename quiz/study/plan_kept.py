"""What a plan-followed forecast is kept under between starts (`forecast_key`), and where
(`ForecastShelf`; on disk: `quiz.plan_file.ForecastFile`).

On a heavy home the forecast behind Home's plan line is 3.5-5 s of CPU (docs/performance.md,
fifty-second round), and every start of the app computed it again although nothing it reads
had changed since the last one. `PlanCache` keeps it within one process; with a shelf it
keeps it between starts too, so the second open of the same study day shows the line at once.

The key is a BLAKE2b digest of every input of `status_with_forecast` as the status computed
now gives them: the plan (date, minutes, target, start), the local study day, the time zone
with the hour its days start and its offset, the scheduler's settings, each planned card's
facts in order (id, kind, topic, title, tags, pack: the content the plan reads), each card's
fsrs state (the reviews' effect: any answer, import or undo moves one), today's decision
(the cards a session started now studies, whether they take same-day steps, the minutes
already spent) and the pace. The code that computes the forecast is the shelf's stamp.

What a kept forecast is: exactly the one computed for those inputs at an earlier moment of
the same study day, which is what `PlanCache` already gives within a process for the whole
day (its docstring says why a moment later in the day gives the same plan in practice).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import fields
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Protocol

from fsrs import Card, Scheduler

from quiz.study.cards import StudyCard, pack_of
from quiz.study.days import day_starts_at, json_time, local_date

if TYPE_CHECKING:
    from quiz.study.plan import ForecastDay, Pace
    from quiz.study.plan_status import PlanStatus, StatusParts


class ForecastShelf(Protocol):
    """Where finished forecasts are kept between starts (`quiz.plan_file.ForecastFile`)."""

    def taken(self, key: str) -> tuple[ForecastDay, ...] | None:
        """The forecast kept under `key`, or None."""
        ...

    def keep(self, key: str, points: Sequence[ForecastDay]) -> None:
        """Keep `points` under `key` (a failure only costs the next start the forecast)."""
        ...


def forecast_key(
    status: PlanStatus, parts: StatusParts, now: datetime, *, tz: tzinfo, scheduler: Scheduler
) -> str | None:
    """The digest of the forecast's inputs (module docstring); None when the status has no
    forecast to keep (on and after the interview day)."""
    if parts.found is None:
        return None
    day, queue, pace = parts.found
    plan = status.plan
    digest = hashlib.blake2b(digest_size=20)
    head = (
        plan.interview.isoformat(),
        repr(plan.minutes_per_day),
        repr(plan.target),
        json_time(plan.created_at),
        local_date(now, tz).isoformat(),
        repr(tz),
        day_starts_at(tz),
        repr(now.astimezone(tz).utcoffset()),
        repr(sorted(scheduler.to_dict().items())),
        repr(day.same_day_steps),
        repr(queue.spent_seconds),
        repr(tuple(queue.offered)),
        _pace_text(pace),
    )
    digest.update(repr(head).encode())
    digest.update(_cards_text(parts.cards).encode())
    digest.update(_memory_text(parts.memory, (card.id for card in parts.cards)).encode())
    return digest.hexdigest()


def _pace_text(pace: Pace) -> str:
    """The pace's fields, each mapping in kind order: its dicts are built in an order that
    moves from run to run with the hash seed (a set of kinds), which the forecast does not
    depend on and the key must not either."""
    parts = []
    for field in fields(pace):
        value = getattr(pace, field.name)
        shown = sorted(value.items()) if isinstance(value, Mapping) else value
        parts.append(f"{field.name}={shown!r}")
    return " ".join(parts)


def _cards_text(cards: Sequence[StudyCard]) -> str:
    """The planned cards' facts in their order, one line each."""
    return "\n".join(
        f"{card.id!r} {card.kind!r} {card.topic!r} {card.title!r} {tuple(card.tags)!r} "
        f"{pack_of(card)!r}"
        for card in cards
    )


def _memory_text(memory: Mapping[str, Card], ids: Iterable[str]) -> str:
    """Every fsrs state the forecast starts from (the cards' order, then any other)."""
    order = list(dict.fromkeys([*ids, *sorted(memory)]))
    lines = []
    for card_id in order:
        card = memory.get(card_id)
        if card is None:
            lines.append(f"{card_id!r} -")
            continue
        last = None if card.last_review is None else card.last_review.isoformat()
        lines.append(
            f"{card_id!r} {int(card.state)} {card.step!r} {card.stability!r} "
            f"{card.difficulty!r} {card.due.isoformat()} {last}"
        )
    return "\n".join(lines)


def rows_of(points: Sequence[ForecastDay]) -> list[list[object]]:
    """The forecast as JSON rows (`points_of` reads them back equal: floats in full)."""
    return [[p.day.isoformat(), p.followed, p.idle, p.seen] for p in points]


def points_of(entry: object) -> tuple[ForecastDay, ...] | None:
    """A kept entry's forecast days, or None when it is not of the shape `keep_forecast`
    writes (a hand-edited file that still passes its seal is refused, not trusted)."""
    from quiz.study.plan import ForecastDay

    if not isinstance(entry, list):
        return None
    points = []
    for row in entry:
        if not (isinstance(row, list) and len(row) == 4):
            return None
        day, followed, idle, seen = row
        fine = (
            isinstance(day, str)
            and isinstance(followed, float)
            and isinstance(idle, float)
            and isinstance(seen, int)
            and not isinstance(seen, bool)
        )
        if not fine:
            return None
        try:
            when = date.fromisoformat(day)
        except ValueError:
            return None
        points.append(ForecastDay(day=when, followed=followed, idle=idle, seen=seen))
    return tuple(points)
