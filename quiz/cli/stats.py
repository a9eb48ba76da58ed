"""`drillbit stats`'s numbers and its JSON, and `drillbit stats --json` without click.

A tool may call `stats --json` often; click's import (with the `inspect`, `uuid` and
`gettext` it brings) was about a tenth of that command's CPU on a heavy history. So
`quiz.cli.main` hands a command line that is `stats --json` with nothing but `--content`
options around it to `stats_json_content` and `print_stats_json`; anything else (help,
another option, a value click would refuse) goes through the click group, which prints
the same JSON (`quiz.cli.study`).
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.cli.plain import (
    SCHEMA_VERSION,
    Warn,
    content_roots_of,
    model_like_json,
    open_store,
    shown_summary,
    warn,
)

if TYPE_CHECKING:
    from quiz.clock import Clock
    from quiz.study.stats import Stats

_CONTENT = "--content"


def current_stats(roots: Sequence[Path], warn: Warn, clock: Clock) -> Stats:
    """The statistics of the cards under `roots` against the progress store at `clock`'s
    time (read once; the store has the clock too, for a damaged file's name), with
    today's count under the settings' daily limits (`Stats.today`, as Home counts it).

    A setting that cannot be used is warned of and its default used (`settings_warned`)."""
    from quiz.bank.index import bank_index
    from quiz.settings import settings_warned
    from quiz.study.days import local_date, study_zone
    from quiz.study.stats import DailyLimits, compute_stats

    settings = settings_warned(warn)  # a bad key: warned of, its default
    limits = DailyLimits(settings.new_per_day, settings.max_reviews_per_day)
    starts_at = settings.day_starts_at
    # ids, topics and packs are all stats needs of the cards. The index is walked before
    # the store is read, not beside it: a walking thread slowed the store's row fetches
    # (each row hands the GIL back and forth) more than the overlap saved
    index = bank_index(list(roots))[0]
    if index.summary is not None:  # as `list` says it; stdout stays the JSON
        from quiz.textsafe import printable

        warn(printable(shown_summary(index.summary)))
    cards = index.refs
    tz = study_zone(starts_at)
    now = clock()
    with open_store(warn, clock) as store:
        plan = store.interview_plan() if limits is not None else None
        running = plan is not None and plan.interview > local_date(now, tz)
        stats = compute_stats(store, cards, now, tz=tz, limits=limits, interview_plan=running)
        if running and plan is not None and stats.today is not None:
            from quiz.study.counts import plan_waiting
            from quiz.study.plan_today import today_decision

            # Home's "14 planned today · 4 more due by fsrs today: ...": the day's
            # list, not the forecast (`drillbit plan`), and what it leaves of fsrs's today,
            # counted as Home counts it (`plan_waiting`)
            found = today_decision(store, cards, plan, now, tz=tz, scheduler=settings.scheduler())
            if found is not None:
                day, queue, _ = found
                due = stats.cards.due
                waiting = plan_waiting(store, now, due, queue.offered, day.steps_waiting)
                stats.today = replace(
                    stats.today,
                    planned=len(queue.offered),
                    due_not_today=waiting.not_asked,
                    last_pass=day.last_pass,
                    waiting=waiting.count,
                    waiting_in_step=waiting.in_step,
                )
        return stats


def stats_today(roots: Sequence[Path], warn: Warn, clock: Clock) -> tuple[Stats, str | None]:
    """`current_stats` and Home's count of today in the same words: "200 due · 20 new
    today (9,991 due by fsrs; max_reviews_per_day 200)" under the settings' daily limits.

    While an interview plan runs, its cards are today's: the line names `drillbit plan`,
    which works them out (seconds on a heavy history, which `stats` does not spend). A
    settings file that cannot be used leaves the line out (None), with its warning."""
    stats = current_stats(roots, warn, clock)
    return stats, None if stats.today is None else stats.today.headline()


def stats_json(stats: Stats) -> str:
    """The text `drillbit stats --json` prints (`quiz.cli.schemas.StatsReport` describes it).

    json, not the pydantic model (importing pydantic took half this command's time),
    unless a number is one json writes otherwise (`1e-05`, an accuracy of 1 in 100,000):
    then the model writes it, as `plan --json` does (`model_like_json`).
    """
    report = {**stats.to_json(), "schema_version": SCHEMA_VERSION}
    text = model_like_json(report)
    if text is not None:
        return text
    from quiz.cli.schemas import model_json

    return model_json("stats", report)


def stats_json_content(args: Sequence[str]) -> list[Path] | None:
    """The content folders of `args` when they are `stats --json` and `--content` options
    only, each as click's group would take it; None for anything else (click parses it).

    The folders are those given before the command, then those after it, in order.
    """
    before: list[Path] = []
    after: list[Path] = []
    command = as_json = False
    index = 0
    while index < len(args):
        arg = args[index]
        index += 1
        if arg == _CONTENT:
            if index == len(args):
                return None
            value = args[index]
            index += 1
        elif arg.startswith(_CONTENT + "="):
            value = arg[len(_CONTENT) + 1 :]
        elif arg == "stats" and not command:
            command = True
            continue
        elif arg == "--json" and command:
            as_json = True
            continue
        else:
            return None
        if not _plain_folder(value):
            return None
        (after if command else before).append(Path(value))
    if not (command and as_json and _streams_as_click_finds_them()):
        return None
    return before + after


def _plain_folder(value: str) -> bool:
    """A `--content` value click takes as it is: not empty, not option-like, and not a
    file or an unreadable folder (click's `Path(file_okay=False)` refuses those)."""
    if not value or value.startswith("-"):
        return False
    try:
        found = os.stat(value)
    except ValueError:
        return False  # a NUL in the name: whatever click does with it
    except OSError:
        return True  # click takes a folder that is not there; content_roots says what is wrong
    return not stat.S_ISREG(found.st_mode) and os.access(value, os.R_OK)


def _streams_as_click_finds_them() -> bool:
    """stdout and stderr are text streams with a real encoding: click would rewrap an ASCII
    stream (to print UTF-8 with replacements), so such a run is left to click."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if not encoding:
            return False
        try:
            if codecs.lookup(encoding).name == "ascii":
                return False
        except LookupError:
            return False
    return True


def print_stats_json(content: Sequence[Path], clock: Clock) -> None:
    """`drillbit stats --json` with these `--content` folders at `clock`'s time, printed
    without click."""
    roots = content_roots_of(content, warn, name_missing=False)  # the summary names it
    text = stats_json(current_stats(roots, warn, clock))
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
