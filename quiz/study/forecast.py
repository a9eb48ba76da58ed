"""The due forecast: how many cards fall due on each of the next study days (Anki's
"Future due"), for `drillbit stats` and the stats screen.

Counted from one read of the store's due column (`Store.due_before`), compared as text
with each day's start: no card is loaded and no fsrs is imported, so a heavy home counts
it in milliseconds.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Mapping, Set
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from quiz.store import CardFlag, Store
from quiz.store.timefmt import to_db
from quiz.study.days import as_utc, date_start, local_date

FORECAST_DAYS = 7
"""Study days the forecast covers, today first."""

FORECAST_NAME = "Future due"
"""The forecast's name, as Anki's Statistics names the same graph."""

OVERDUE_NOTE = "overdue counted today"
"""What `drillbit stats` and the stats screen say beside the numbers: today's figure is
every card whose due time has come, not only those that fall due today."""

PLAN_DECIDES = "the interview plan decides, not fsrs (`drillbit plan`)"
"""The forecast's line while an interview plan runs: fsrs's due dates do not say what a
day studies then, so no numbers are shown."""


@dataclass
class DayDue:
    """The cards that fall due on one study day (in the person's time zone)."""

    date: date
    due: int
    """Cards whose fsrs due time falls on this day (learning steps included); the first
    day also counts every card already overdue. Suspended cards are left out; a buried
    card counts on the day its burial ends, when that is later than its due time."""


def due_forecast(
    store: Store, card_ids: Collection[str], now: datetime, *, tz: tzinfo, days: int = FORECAST_DAYS
) -> list[DayDue]:
    """Cards of `card_ids` falling due on each of the `days` study days from `now`'s, in `tz`.

    New cards (never answered) have no due date and are not counted, as in Anki."""
    moment = as_utc(now)
    today = local_date(moment, tz)
    dates = [today + timedelta(days=offset) for offset in range(days)]
    # each day's end as the store's text: a due text below ends[k] (and not below
    # ends[k - 1]) falls on day k; the text orders as time (`timefmt.to_db`)
    day_ends = [date_start(day + timedelta(days=1), tz) for day in dates]
    ends = [to_db(end) for end in day_ends]
    counts = [0] * days
    wanted = card_ids if isinstance(card_ids, Set | Mapping) else set(card_ids)
    flags = store.card_flags()
    # a burial only moves a card later, so none due after the last day can count
    for card_id, due in store.due_before(day_ends[-1]):
        if card_id not in wanted:
            continue  # no longer in the content
        when = due if card_id not in flags else _when_due(due, flags[card_id], moment)
        if when is not None and (day := bisect_right(ends, when)) < days:
            counts[day] += 1
    return [DayDue(date=day, due=count) for day, count in zip(dates, counts, strict=True)]


def _when_due(due: str, flag: CardFlag, now: datetime) -> str | None:
    """A flagged card's due text, or its burial's end when it is buried past that; None
    for a suspended card, which no session shows."""
    if flag.suspended:
        return None
    if flag.buried_until is not None and flag.hidden_at(now):
        return max(due, to_db(flag.buried_until))
    return due


def forecast_line(forecast: list[DayDue] | None, width: int | None = None) -> str:
    """The line `drillbit stats` prints and the stats screen shows, named as Anki's graph:
    "Future due: 12 · 8 · 0 · 3 · 15 · 4 · 9 (7 days, overdue counted today)",
    or, while an interview plan runs (None), that the plan decides the days.

    Wider than `width` (a heavy home's 1,200 a day at 80 columns), the note goes whole on
    a line of its own: the seven counts stay on one line up to 99,999 each at 80 columns,
    never one split from the rest, or "(7 days," from "overdue counted today)"."""
    if forecast is None:
        return f"{FORECAST_NAME}: {PLAN_DECIDES}"
    figures = " · ".join(f"{day.due:,}" for day in forecast)
    counts, note = f"{FORECAST_NAME}: {figures}", f"({len(forecast)} days, {OVERDUE_NOTE})"
    fits = width is None or len(counts) + 1 + len(note) <= width
    return counts + (" " if fits else "\n") + note
