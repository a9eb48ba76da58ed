"""`drillbit plan`: set, show or clear the interview plan, with its readiness forecast."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import click

from quiz.cli.context import Context, open_store, pass_context, tell_summary, warn
from quiz.cli.numbers import NumberRange
from quiz.cli.plan_progress import ForecastProgress
from quiz.plural import counted
from quiz.wrapping import fold_text, terminal_width

if TYPE_CHECKING:
    from datetime import datetime, tzinfo

    from fsrs import Scheduler

    from quiz.store import InterviewPlan, Store
    from quiz.study.plan_status import PlanStatus, StatusParts


def _interview_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    from quiz.study.plan_edit import PlanInputError, parse_interview

    if value is None:
        return None
    try:
        return parse_interview(value)
    except PlanInputError as exc:
        raise click.BadParameter(exc.message) from None


@click.command("plan")
@click.option(
    "--interview",
    callback=_interview_date,
    metavar="YYYY-MM-DD",
    help="Set the interview date (a new plan replaces the old one).",
)
@click.option(
    "--minutes-per-day",
    type=NumberRange(min=1, max=24 * 60),  # plan_edit.MINUTES_RANGE, as the settings screen
    help="Daily study budget in minutes (default 30).",
)
@click.option(
    "--target",
    type=NumberRange(min=0.5, max=0.99, percent=True),  # plan_edit.TARGET_RANGE
    help="Predicted recall on the day every card should reach (default 0.9; 90% is 0.9).",
)
@click.option("--clear", is_flag=True, help="Remove the plan; normal reviews resume.")
@click.option("--json", "as_json", is_flag=True, help="Print the plan and readiness as JSON.")
@pass_context
def plan_command(
    obj: Context,
    interview: date | None,
    minutes_per_day: float | None,
    target: float | None,
    clear: bool,
    as_json: bool,
) -> None:
    """Plan for an interview date: paced new cards, reviews timed for the day, readiness.

    Without options it prints the plan set and the readiness it predicts for the day;
    --minutes-per-day or --target alone change the plan set, and --interview starts one.
    """
    from quiz.settings import settings_warned
    from quiz.study.days import study_zone
    from quiz.study.plan_edit import PlanInputError, planned
    from quiz.study.plan_phrases import day_ends_phrase, readiness_percent, target_percent
    from quiz.study.plan_status import status_without_forecast

    if clear and (interview or minutes_per_day or target):
        raise click.UsageError("--clear takes no other option")
    if clear:
        with open_store(obj, says_unsaved=True) as store:  # _refuse_unsaved says it
            _refuse_unsaved(store, "the plan was not removed")
            removed = store.clear_interview_plan()
        click.echo("Plan removed; normal reviews resume." if removed else "No plan was set.")
        return
    now = obj.now
    # the settings' scheduler (retention, steps), as Home's line and plan mode use; a key
    # that cannot be used is warned of and its default used: the plan saves only its own rows
    settings = settings_warned(warn)
    scheduler = settings.scheduler()
    tz = study_zone(settings.day_starts_at)
    changing = interview is not None or minutes_per_day is not None or target is not None
    reset: str | None = None
    with open_store(obj, says_unsaved=changing) as store:  # a change: _refuse_unsaved says it
        if changing:
            # the settings screen's checks (study.plan_edit); a new date is a new plan
            before = store.interview_plan()
            try:
                plan = planned(
                    before,
                    now,
                    tz,
                    interview=interview,
                    minutes_per_day=minutes_per_day,
                    target=target,
                )
            except PlanInputError as exc:
                if exc.ended is not None:
                    raise click.UsageError(
                        f"the plan ended on {exc.ended.isoformat()} (its interview day): give "
                        "a new date with --interview YYYY-MM-DD, or remove it with --clear"
                    ) from None
                if exc.field is None:
                    raise click.UsageError("no plan is set: give --interview YYYY-MM-DD") from None
                hint = "'--" + exc.field.replace("_", "-") + "'"
                raise click.BadParameter(exc.message, param_hint=hint) from None
            _refuse_unsaved(store, "the plan is as it was")
            store.set_interview_plan(plan)
            reset = _reset_note(before, plan)
        # the card index's refs (id, pack, topic, kind: all the plan reads), as Home's
        # plan line has them: loading the cards' models was a third of the command's CPU on
        # a heavy home (0.8 s of 2.7 s)
        index = obj.bank_index(name_missing=False)
        tell_summary(index.summary)  # stderr: `--json` stays JSON
        cards = list(index.refs)
        made = status_without_forecast(store, cards, now, tz=tz, scheduler=scheduler)
    # the forecast (a minute and more on a heavy home) runs after what is known is printed,
    # with the store closed: Ctrl-C then keeps those lines and leaves nothing open
    if as_json:
        with ForecastProgress() as progress:
            status = None if made is None else _with_forecast(made, now, tz, scheduler, progress)
        click.echo(_plan_json(status.as_dict() if status is not None else None))
        return
    if made is None:
        click.echo("No plan. Set one with: drillbit plan --interview YYYY-MM-DD")
        return
    status = made[0]
    plan = status.plan
    width = terminal_width()  # the sentences fold to it: one was 294 columns

    def say(sentence: str) -> None:
        """One fact a line, under the heading (a long one folds under its indent)."""
        click.echo(fold_text(f"  {sentence}", width))

    # as `rustlings` and `exercism` print: a short heading, one fact a line, the next
    # step last; the status line's phrases, joined by " · " on Home, each a line here
    click.echo(
        f"Interview {plan.interview.isoformat()}: {plan.minutes_per_day:g} min/day, "
        f"target recall {target_percent(plan.target)}"
    )
    for phrase in status.phrases():  # without the forecast: its warning is the advice below
        say(phrase)
    if status.days_left > 0 and status.today is not None:
        say(
            f"Today's plan runs until {day_ends_phrase(now, tz)}, when the next study day "
            "starts (drillbit config day_starts_at); a session still open then ends at its "
            "next card."
        )
    for note in (reset, status.ahead_note(), status.steps_note()):
        if note is not None:
            say(note)
    with ForecastProgress() as progress:
        status = _with_forecast(made, now, tz, scheduler, progress)
    for note in (status.advice(), status.ended_note()):
        if note is not None:
            say(note)
    ready = status.on_the_day
    if status.days_left > 0 and ready.seen < ready.cards:
        never = status.unseen_on_the_day
        unseen = ready.cards - ready.seen
        if never:  # "shows every card" next to the advice that the minutes are too few
            shows = (
                f"{unseen - never} of the {unseen} not seen yet come before the day and "
                f"{never} never do (more minutes or a later date would show them)"
            )
        else:
            shows = f"all {unseen} not seen yet come before the day"
        say(
            f"New cards as many a day as the plan's minutes hold, if you follow it: "
            f"{_by_day(status.new_cards_by_day())}, so {shows}; the new_per_day setting "
            f"({settings.new_per_day}) applies again when the plan ends."
        )
    click.echo("")
    topics = status.on_the_day.by_topic  # "topic (pack)" for a name two packs share
    width = max(28, *(len(topic) for topic in topics)) if topics else 28
    # the do-nothing figure, which the line above does not give: it speaks of the plan
    # followed (the forecast is overall only, not per topic); on and after the day, what
    # the memory gave at the start of it
    if status.days_left > 0:
        heading = "READINESS ON THE DAY IF NOTHING MORE IS STUDIED"
    else:
        heading = "READINESS AT THE START OF THE INTERVIEW DAY"
    column = len(heading)  # upper case, as every other table's header (`list`, `cards`)
    click.echo(f"{'TOPIC':<{width}} {heading:>{column}}")
    for topic, value in topics.items():
        click.echo(f"{topic:<{width}} {readiness_percent(value):>{column}}")
    step = _next_step(status)
    if step is not None:
        click.echo("")
        click.echo(fold_text(step, terminal_width()))


def _next_step(status: PlanStatus) -> str | None:
    """The line that ends the output: what to do now, as `rustlings` ends with its next
    command: today's cards, else the cards ahead, else tomorrow; None on the interview
    day, when the plan asks nothing more."""
    if status.days_left < 0:
        return (
            "Next: drillbit plan --interview YYYY-MM-DD plans for a new date, or "
            "drillbit plan --clear removes this one."
        )
    if status.days_left <= 0 or status.today is None:
        return None
    if status.offered:
        return "Next: drillbit study (d on Home) studies today's plan."
    if status.ahead:
        return "Next: drillbit study --ahead (a on Home) studies the next days' new cards."
    return "Next: nothing more today; the plan goes on tomorrow."


def _with_forecast(
    made: tuple[PlanStatus, StatusParts],
    now: datetime,
    tz: tzinfo,
    scheduler: Scheduler,
    progress: ForecastProgress,
) -> PlanStatus:
    """The status with its plan-followed forecast (it says when the target is out of
    reach, and the new cards of each day), `progress` told of each day; the forecast kept
    today for these very inputs (by the app or an earlier `drillbit plan`, `quiz.plan_file`)
    when there is one, and kept for the next when computed."""
    from dataclasses import replace

    from quiz.plan_file import ForecastFile
    from quiz.study.plan_kept import forecast_key
    from quiz.study.plan_status import status_with_forecast

    status, parts = made
    shelf, key = ForecastFile(), forecast_key(status, parts, now, tz=tz, scheduler=scheduler)
    points = None if key is None else shelf.taken(key)
    if points is not None:
        return replace(status, forecast=points)
    found = status_with_forecast(status, parts, now, tz=tz, scheduler=scheduler, progress=progress)
    if key is not None:
        shelf.keep(key, found.forecast)
    return found


def _by_day(counts: tuple[int, ...]) -> str:
    """'16 today, then 16 and 70 (the eve)', or '9 today, then 10 and 3, then none for the
    last 2 days (reviews only)': the new cards of each day to the eve."""
    if not counts:
        return "as the day's minutes allow"
    last = max((day for day, count in enumerate(counts) if count), default=0)
    shown, idle = [str(count) for count in counts[1 : last + 1]], len(counts) - 1 - last
    said = f"{counts[0]} today"
    if shown:
        said += ", then " + (
            shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"
        )
    if not idle:
        return f"{said} (the eve)"
    return f"{said}, then none for the last {counted(idle, 'day')} (reviews only)"


def _reset_note(before: InterviewPlan | None, after: InterviewPlan) -> str | None:
    """What a new date put back to its default, and the options that set it again.

    `--interview` alone starts a new plan at 30 min/day and target 0.9, where the settings
    screen's new date keeps them: a person moving the interview lost the 45 minutes set
    and the output said only "30 min/day"."""
    from quiz.study.plan_phrases import target_percent

    if before is None or before.interview == after.interview:
        return None
    changed = [
        (f"{before.minutes_per_day:g} min/day", f"--minutes-per-day {before.minutes_per_day:g}")
        if before.minutes_per_day != after.minutes_per_day
        else None,
        (f"target {target_percent(before.target)}", f"--target {target_percent(before.target)}")
        if before.target != after.target
        else None,
    ]
    put_back = [pair for pair in changed if pair is not None]
    if not put_back:
        return None
    was = " and ".join(said for said, _ in put_back)
    options = " ".join(option for _, option in put_back)
    return (
        "A new interview date starts a new plan, with the default minutes and target: "
        f"it was {was}; "
        f"`drillbit plan {options}` sets {'them' if len(put_back) > 1 else 'it'} again "
        "(the settings screen's date row keeps them)."
    )


def _refuse_unsaved(store: Store, unchanged: str) -> None:
    """Stop a change the store would keep only in memory (a read-only home): the command
    printed the new plan and exited 0, and the next command had no plan."""
    if not store.saving:
        from quiz.errors import DrillbitError

        raise DrillbitError(f"not saved: {store.not_saved_reason}; {unchanged}", title="plan")


def _plan_json(fields: dict[str, object] | None) -> str:
    """What `drillbit plan --json` prints: `quiz.cli.schemas.PlanReport`'s JSON, written by
    `json` unless a number needs the model (importing pydantic was 0.2 s of the command's
    CPU on a heavy home). Without a plan (every field but `schema_version` null), the model
    fills the fields in."""
    from quiz.cli.plain import SCHEMA_VERSION, model_like_json

    report = {"schema_version": SCHEMA_VERSION, **(fields or {})}
    text = model_like_json(report) if fields is not None else None
    if text is not None:
        return text
    from quiz.cli.schemas import model_json

    return model_json("plan", report)


COMMANDS: tuple[click.Command, ...] = (plan_command,)
