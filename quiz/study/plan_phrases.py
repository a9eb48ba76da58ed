"""What plan mode says: the notes and offers of a day's plan (cards waiting, minutes
used, the day over, studying ahead), one wording for the study screen, Home and the CLI.
"""

from __future__ import annotations

import math
from datetime import datetime, tzinfo

from quiz.percent import whole_percent
from quiz.plural import counted, plural
from quiz.study.days import as_utc, next_day_start


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


def steps_wait(count: int, *, last_pass: bool) -> str:
    """'2 cards left in a learning step wait for the last days': the cards an earlier
    answer left in a step due today that today does not ask (`DayPlan.steps_waiting`; in
    the last pass: 'the plan reviews them on a later day if needed'). Home's line,
    `drillbit plan` and a plan session's summary say it after today's load; until the
    forty-seventh round such a card waited unsaid, and a user who had answered it Again
    the evening before a plan was set did not see it come back, as Anki would ask it."""
    cards = f"{counted(count, 'card')} left in a learning step"
    if last_pass:
        return f"{cards}: the plan reviews {plural(count, 'it', 'them')} on a later day if needed"
    return f"{cards} {plural(count, 'waits', 'wait')} for the last days"


def waiting_note(count: int, steps: int, *, last_pass: bool) -> str:
    """Home's, the stats screen's and `drillbit stats`' note beside "14 planned today" of
    the cards fsrs would ask today that today's plan leaves for later: " · 12 more due by
    fsrs today, 8 of them in a learning step: the plan reviews them in the last days before
    the interview if needed" ("" when none).

    Home said "4 due by fsrs, not today" on one line and "8 cards left in a learning step
    wait for the last days" on the next: two counts of overlapping cards, "due" beside
    "not today", and no word of which were among the 14 `d` studies. One count now, each
    card once, "more" than the plan's, its learning-step cards a part of it. Its verb went
    in the fiftieth round: "12 more due by fsrs today (8 in a learning step) wait: ..."
    read as a slip (ux50's walk)."""
    if not count:
        return ""
    part = ""
    if steps:
        if steps == count == 1:
            part = ", in a learning step"
        elif steps == count:
            part = f", all {steps:,} in a learning step"
        else:
            part = f", {steps:,} of them in a learning step"
    them = plural(count, "it", "them")
    when = "on a later day" if last_pass else "in the last days before the interview"
    return f" · {count:,} more due by fsrs today{part}: the plan reviews {them} {when} if needed"


def readiness_percent(value: float) -> str:
    """Readiness (predicted recall) as people read recall, in whole percent: '1%', as
    Anki's desired retention reads "90%". Rounded down, so that a forecast short of the
    target never reads as reaching it (0.897 is '89%' beside 'target 90%'). Home and
    `drillbit plan` said "0.01 → target 0.90" where the stats screen's plot says %."""
    return whole_percent(value, down=True)


def target_percent(value: float) -> str:
    """The plan's target recall in percent, as set: '90%' for 0.9, '92.5%' for 0.925
    (`--target` takes either form; `--json` keeps the fraction). Exact, not rounded: the
    settings screen's box starts from it, and enter on it unchanged keeps the target."""
    from quiz.settings import as_percent

    return as_percent(value)


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
    return f"Study ahead: {cards} in the {whole_minutes(minutes_left)} min left: {how}."


def today_first(count: int, *, key: str | None = None) -> str:
    """'today's list still has 4 cards; study them first (drillbit study)' (`key` "d":
    '... (press d)'): why nothing is offered ahead while the day's list has cards. The one
    wording of Home's `a` and `drillbit study --ahead`: until the fifty-second round Home
    said "today's plan has 4 cards left (d studies them)" of the same cards, and the CLI
    chained three colons ("...: study them first: drillbit study")."""
    how = "drillbit study" if key is None else f"press {key}"
    return f"today's list still has {counted(count, 'card')}; study them first ({how})"


def nothing_ahead(reason: str, *, yet: bool = False) -> str:
    """'Nothing to study ahead: <reason>.' ('... ahead yet: ...' while today's list has
    cards): what `a`, `d` studying ahead and `drillbit study --ahead` say when nothing is
    offered ahead, with why."""
    return f"Nothing to study ahead{' yet' if yet else ''}: {reason}."


def whole_minutes(seconds: float) -> str:
    """Seconds as whole minutes, at least 1 (a box with a card in it is never '0 min')."""
    return str(max(1, math.floor(seconds / 60)))


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


def day_ended_note(hour: int, *, moved_back: bool = False) -> str:
    """A plan-mode session's summary when the study day's end (`hour` o'clock, the
    `day_starts_at` setting) ended it: its list was the old day's. `moved_back`: the
    machine's zone moved west over the day's start, so that it is the day before the
    list's again where the machine is (Home counts that day's plan)."""
    if moved_back:
        return (
            "The time zone moved back into the day before: this session's list was planned "
            "for the next day. d on Home starts the session of the day it is now (drillbit study)."
        )
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
