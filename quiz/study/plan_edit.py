"""Setting, changing and clearing the interview plan: what `drillbit plan` and the settings
screen both do, with the same checks and the same words for a refusal.

Kept apart from `quiz.study.plan` (the pacing and the forecast): the settings screen shows
and edits the plan without importing them.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import MAXYEAR, date, datetime, tzinfo
from typing import Literal, NamedTuple

from quiz.errors import UsageError
from quiz.store import InterviewPlan, Store
from quiz.study.days import as_utc, day_starts_at, local_date

__all__ = [
    "MAX_YEARS_AHEAD",
    "MINUTES_RANGE",
    "PLAN_FIELDS",
    "PLAN_ROWS",
    "TARGET_RANGE",
    "PlanField",
    "PlanInputError",
    "change_plan",
    "parse_interview",
    "plan_value",
    "planned",
]

PlanField = Literal["interview", "minutes_per_day", "target"]
PLAN_FIELDS: tuple[PlanField, ...] = ("interview", "minutes_per_day", "target")
"""The plan's fields a person sets, as `drillbit plan` names its options (--minutes-per-day)."""


class PlanRow(NamedTuple):
    """How the settings screen and `drillbit config` list one field of the plan."""

    name: str
    """The row's name: the `drillbit plan` option it sets, as config.toml's rows are
    named by their key (`drillbit config minutes_per_day` or `minutes-per-day`)."""
    what: str
    option: str
    """The `drillbit plan` option that sets it."""
    old_name: str
    """The name until the thirty-seventh round ("plan minutes/day" beside the option
    --minutes-per-day), still taken as a `drillbit config` key."""


PLAN_ROWS: dict[PlanField, PlanRow] = {
    "interview": PlanRow(
        "interview",
        "Your interview day, YYYY-MM-DD; study is paced for it.",
        "--interview",
        "interview date",
    ),
    "minutes_per_day": PlanRow(
        "minutes_per_day",
        "Minutes a day the plan may use (1-1440).",
        "--minutes-per-day",
        "plan minutes/day",
    ),
    "target": PlanRow(
        "target",
        "Predicted recall on the day for every card (50%-99%).",
        "--target",
        "plan target",
    ),
}
"""The interview plan's rows: first on the settings screen, after config.toml's keys in
`drillbit config` (it is kept with the progress, not in config.toml)."""

MINUTES_RANGE = (1.0, 24 * 60.0)
"""The daily budget's bounds in minutes (a day at most)."""
TARGET_RANGE = (0.5, 0.99)
"""The target recall's bounds: below 0.5 is no target, 1 no forecast reaches."""
MAX_YEARS_AHEAD = 3
"""How far ahead an interview may be. The forecast walks every day up to it, so a date
such as 9999-12-31 (three million days) kept `drillbit plan` busy for more than ten
minutes (it was stopped there); three years take seconds."""


class PlanInputError(UsageError):
    """A plan refused: not a date, a day not after today, a number out of range, no plan."""

    def __init__(
        self, message: str, *, field: PlanField | None = None, ended: date | None = None
    ) -> None:
        super().__init__(message, title="plan")
        self.field = field
        """The field refused (the CLI names its option), None for no plan to change."""
        self.ended = ended
        """The interview day of a plan that has ended, when its minutes or target were
        changed without a new date (the CLI then names --interview and --clear)."""


def parse_interview(text: str) -> date:
    """An interview date written YYYY-MM-DD, in ASCII digits: Python's int() reads an
    input method's full-width digits, so '２０２７-01-20' was told January has 31 days."""
    odd = next((char for char in text if not char.isascii()), None)
    if odd is not None:
        raise PlanInputError(_not_ascii_date(text, odd), field="interview")
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        why = _impossible_date(text.strip())
        said = (
            f"{text!r} is not a date: {why}"
            if why
            else f"{text!r} is not a date written YYYY-MM-DD"
        )
        raise PlanInputError(said, field="interview") from None


def _not_ascii_date(text: str, odd: str) -> str:
    """Why a date with a character that is not ASCII in it (a full-width or Arabic-Indic
    digit, a Unicode dash) is refused, naming the character."""
    name = unicodedata.name(odd, f"U+{ord(odd):04X}").lower()
    return (
        f"{text!r} is not a date written YYYY-MM-DD: it has {odd!r} ({name}); write it "
        "with the digits 0-9 and '-'"
    )


def _impossible_date(text: str) -> str | None:
    """What is wrong with a date written YYYY-MM-DD that no calendar has ("2026-02-30":
    February 2026 has 28 days), so the person is not told the format is wrong when it is
    right; None when the text is not in that shape."""
    shape = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if shape is None:
        return None
    year, month, day = (int(part) for part in shape.groups())
    if year == 0:
        return "there is no year 0000"
    if not 1 <= month <= 12:
        return f"there is no month {month} (months run 01-12)"
    days = calendar.monthrange(year, month)[1]
    if day == 0:
        return "there is no day 00 (days start at 01)"
    return f"{calendar.month_name[month]} {year} has {days} days"


def _target_percent(text: str) -> float | None:
    """A target typed as a percentage ('90%' is 0.9), as the settings file's retention;
    None for text without a % sign. Raises ValueError when no number comes before the %."""
    from quiz.settings import from_percent

    if not text.strip().endswith("%"):
        return None
    value = from_percent(text.strip())
    if value is None:
        raise ValueError(text)
    return value


def _number(field: PlanField, text: str) -> float:
    low, high = MINUTES_RANGE if field == "minutes_per_day" else TARGET_RANGE
    what = "minutes a day" if field == "minutes_per_day" else "the target recall"
    try:
        value = _target_percent(text) if field == "target" else None
        value = float(text.strip()) if value is None else value
    except ValueError:
        raise PlanInputError(f"{text!r} is not a number ({what})", field=field) from None
    if not low <= value <= high:  # NaN too
        from quiz.settings import percent_hint

        hint = percent_hint(text, low, high) if field == "target" else ""
        reason = f"{what}; {hint}" if hint else what
        raise PlanInputError(f"{text.strip()} is outside {low:g}-{high:g} ({reason})", field=field)
    return value


def planned(
    current: InterviewPlan | None,
    now: datetime,
    tz: tzinfo,
    *,
    interview: date | None = None,
    minutes_per_day: float | None = None,
    target: float | None = None,
    new_date_resets: bool = True,
) -> InterviewPlan:
    """The plan after a change (not saved). Without `interview`, the current plan's date.

    A new date starts a new plan (its pacing counts from `now`); with `new_date_resets`
    (`drillbit plan --interview`: a new plan replaces the old one) its minutes and target
    go back to the defaults unless given, otherwise (the settings screen, one field at a
    time) they are kept. The interview day must be after today in `tz`.
    """
    from quiz.study.plan import DEFAULT_MINUTES_PER_DAY, DEFAULT_TARGET

    today = local_date(now, tz)
    if interview is None:
        if current is None:
            raise PlanInputError("no plan is set: set the interview date first")
        interview = current.interview
        if interview <= today:  # not the date typed: the saved plan's, which has passed
            raise PlanInputError(
                f"the plan ended on {interview.isoformat()} (its interview day): "
                "set a new interview date first",
                ended=interview,
            )
    if interview <= today:
        raise PlanInputError(
            f"{interview.isoformat()} is not after today ({_study_day(today, now, tz)})",
            field="interview",
        )
    if interview > _years_after(today, MAX_YEARS_AHEAD):
        raise PlanInputError(
            f"{interview.isoformat()} is more than {MAX_YEARS_AHEAD} years away: a plan paces "
            f"up to {_years_after(today, MAX_YEARS_AHEAD).isoformat()}; study without one "
            "until the day is nearer",
            field="interview",
        )
    same = current is not None and current.interview == interview
    keep = current if current is not None and (same or not new_date_resets) else None
    return InterviewPlan(
        interview=interview,
        minutes_per_day=minutes_per_day
        or (keep.minutes_per_day if keep else DEFAULT_MINUTES_PER_DAY),
        target=target or (keep.target if keep else DEFAULT_TARGET),
        created_at=current.created_at if current is not None and same else as_utc(now),
    )


def _study_day(today: date, now: datetime, tz: tzinfo) -> str:
    """Today's date, and why when the calendar's is already the next: at 01:00 on
    December 5 "not after today (2026-12-04)" read as a wrong clock."""
    if as_utc(now).astimezone(tz).date() == today:
        return today.isoformat()
    return (
        f"{today.isoformat()}: the study day runs until {day_starts_at(tz):02d}:00, "
        "`drillbit config day_starts_at`"
    )


def _years_after(day: date, years: int) -> date:
    """The same day `years` later (February 28 for a February 29 that year lacks)."""
    if day.year + years > MAXYEAR:
        return date.max
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def change_plan(
    store: Store, field: PlanField, text: str, *, now: datetime, tz: tzinfo
) -> InterviewPlan | None:
    """Set one field of the saved plan from what was typed, and save it; an empty interview
    date clears the plan (None). Raises PlanInputError, saving nothing, when refused."""
    current = store.interview_plan()
    if field == "interview" and not text.strip():
        store.clear_interview_plan()
        return None
    if field == "interview":
        plan = planned(current, now, tz, interview=parse_interview(text), new_date_resets=False)
    elif field == "minutes_per_day":
        plan = planned(current, now, tz, minutes_per_day=_number(field, text))
    else:
        plan = planned(current, now, tz, target=_number(field, text))
    store.set_interview_plan(plan)
    return plan


def plan_value(plan: InterviewPlan | None, field: PlanField) -> str:
    """A field of the plan as the settings screen shows it and takes it back ("" without)."""
    if plan is None:
        return ""
    if field == "interview":
        return plan.interview.isoformat()
    if field == "minutes_per_day":
        return f"{plan.minutes_per_day:g}"
    from quiz.study.plan_phrases import target_percent

    return target_percent(plan.target)  # as Home and `drillbit plan` say it; taken back
