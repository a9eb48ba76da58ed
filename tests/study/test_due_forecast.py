"""The due forecast (`drillbit stats`' "Future due"), counted from hand-built schedules."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import cast
from zoneinfo import ZoneInfo

import pytest
from fsrs import Rating, Scheduler

from quiz.store import CardFlag, Store
from quiz.store.timefmt import to_db
from quiz.study.days import StudyZone
from quiz.study.forecast import DayDue, due_forecast, forecast_line
from quiz.study.scheduling import review_card
from tests.study.fakes import NOW, deck


class Schedules:
    """What the forecast reads of a store: each card's due text, and the flags."""

    def __init__(
        self, due: Mapping[str, datetime], flags: Mapping[str, CardFlag] | None = None
    ) -> None:
        self.due = {card_id: to_db(when) for card_id, when in due.items()}
        self.flags = dict(flags or {})

    def due_before(self, moment: datetime) -> list[tuple[str, str]]:
        return [(card_id, due) for card_id, due in self.due.items() if due < to_db(moment)]

    def card_flags(self) -> dict[str, CardFlag]:
        return self.flags


def _forecast(
    due: Mapping[str, datetime],
    now: datetime,
    zone: StudyZone,
    *,
    flags: Mapping[str, CardFlag] | None = None,
    ids: list[str] | None = None,
) -> list[int]:
    store = cast(Store, Schedules(due, flags))
    days = due_forecast(store, list(due) if ids is None else ids, now, tz=zone)
    return [day.due for day in days]


def test_the_days_start_at_the_day_start_hour_not_at_midnight() -> None:
    """A card due at 02:00 belongs to the study day before (the day starts at 4 am, as
    Anki's "next day starts at"); one due at 05:00 to its calendar date."""
    zone = StudyZone(UTC, 4)
    now = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
    due = {
        "r-early": datetime(2026, 3, 12, 2, 0, tzinfo=UTC),  # study day 11 March
        "r-late": datetime(2026, 3, 12, 5, 0, tzinfo=UTC),  # 12 March
        "r-edge": datetime(2026, 3, 11, 4, 0, tzinfo=UTC),  # the very start of 11 March
        "r-tonight": datetime(2026, 3, 11, 3, 59, tzinfo=UTC),  # still today's
    }
    assert _forecast(due, now, zone) == [1, 2, 1, 0, 0, 0, 0]
    store = cast(Store, Schedules(due))
    dates = [day.date for day in due_forecast(store, list(due), now, tz=zone)]
    assert dates == [date(2026, 3, 10) + timedelta(days=n) for n in range(7)]


def test_a_day_the_clocks_go_forward_is_counted_on_the_wall_clock() -> None:
    """Berlin's 29 March 2026 has 23 hours: a card due at 04:30 summer time (02:30 UTC) is
    that day's, though it is before 03:00 UTC (4 am in winter time, a fixed-offset count)."""
    zone = StudyZone(ZoneInfo("Europe/Berlin"), 4)
    now = datetime(2026, 3, 28, 9, 0, tzinfo=UTC)  # 10:00 in Berlin
    due = {
        "r-night": datetime(2026, 3, 29, 1, 30, tzinfo=UTC),  # 03:30 CEST: still the 28th's
        "r-morning": datetime(2026, 3, 29, 2, 30, tzinfo=UTC),  # 04:30 CEST: the 29th's
        "r-next": datetime(2026, 3, 30, 1, 59, tzinfo=UTC),  # 03:59 CEST: the 29th's too
        "r-after": datetime(2026, 3, 30, 2, 0, tzinfo=UTC),  # 04:00 CEST: the 30th's
    }
    assert _forecast(due, now, zone) == [1, 2, 1, 0, 0, 0, 0]


def test_overdue_suspended_buried_and_steps_are_counted_as_a_session_shows_them() -> None:
    """Overdue cards count today; a step due later today counts today; suspended cards not
    at all; a burial past the due time moves the card to the burial's end; an ended burial
    changes nothing; cards past the 7 days, new cards and removed cards are not counted."""
    zone = StudyZone(UTC, 0)
    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    due = {
        "r-overdue": now - timedelta(days=30),
        "l-step": now + timedelta(minutes=10),
        "r-suspended": now + timedelta(days=1),
        "r-buried": now - timedelta(days=2),
        "r-buried-gone": now + timedelta(days=2),
        "r-far": now + timedelta(days=7),
        "r-removed": now,
    }
    flags = {
        "r-suspended": CardFlag("r-suspended", suspended=True, buried_until=None),
        "r-buried": CardFlag("r-buried", suspended=False, buried_until=now + timedelta(days=3)),
        "r-buried-gone": CardFlag(
            "r-buried-gone", suspended=False, buried_until=now - timedelta(hours=1)
        ),
    }
    content = [card_id for card_id in due if card_id != "r-removed"] + ["never-answered"]
    assert _forecast(due, now, zone, flags=flags, ids=content) == [2, 0, 1, 1, 0, 0, 0]


def test_the_line_names_the_overdue_and_under_a_plan_gives_no_numbers() -> None:
    days = [DayDue(date(2026, 3, 10) + timedelta(days=n), due) for n, due in enumerate([12, 8, 0])]
    assert forecast_line(days) == "Future due: 12 · 8 · 0 (3 days, overdue counted today)"
    planned = forecast_line(None)
    assert "plan" in planned and not any(ch.isdigit() for ch in planned.split(":", 1)[1])


@pytest.mark.parametrize("due", [1_200, 99_999])
def test_a_heavy_homes_line_fits_80_columns_with_its_note_under_the_counts(due: int) -> None:
    """With 1,200 due a day the line ran to 93 columns and wrapped at 80 wherever a space
    fell, "(overdue" on one line and "counted today)" on the next; up to 99,999 a day the
    counts now keep one line and the note goes whole under them."""
    days = [DayDue(date(2026, 3, 10) + timedelta(days=n), due) for n in range(7)]
    figure = f"{due:,}"
    lines = forecast_line(days, 78).splitlines()  # the stats screen at 80 (padding 1 a side)
    assert lines == [
        f"Future due: {' · '.join([figure] * 7)}",
        "(7 days, overdue counted today)",
    ]
    assert all(len(line) <= 78 for line in lines)
    assert forecast_line(days, 118) == " ".join(lines)  # 120 columns: one line
    small = [DayDue(day.date, 12) for day in days]
    assert "\n" not in forecast_line(small, 78)  # small counts: one line at 80 too


def test_the_store_s_due_column_gives_the_forecast(store: Store) -> None:
    """Against a real store: a card overdue since long ago and a card in its 10-minute step
    count today, a suspended one nowhere, an unanswered one nowhere."""
    steps = Scheduler(enable_fuzzing=False)
    cards = deck()
    long_ago = NOW - timedelta(days=60)
    review_card(store, steps, cards[0].id, Rating.Easy, now=long_ago, correct=True)
    review_card(store, steps, cards[1].id, Rating.Again, now=NOW, correct=False)
    review_card(store, steps, cards[2].id, Rating.Easy, now=long_ago, correct=True)
    store.set_flag(cards[2].id, suspended=True, buried_until=None, now=NOW)
    ids = [card.id for card in cards]
    forecast = due_forecast(store, ids, NOW, tz=StudyZone(UTC, 0))
    assert [day.due for day in forecast] == [2, 0, 0, 0, 0, 0, 0]
