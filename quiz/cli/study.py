"""Commands for studying: `study` and `drill` open the app, `stats` prints progress."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from quiz.cli.choice import CARD_KINDS, Choice
from quiz.cli.context import (
    Context,
    check_index_names,
    display_path,
    file_to_write,
    open_store,
    pass_context,
    plan_queue_now,
    tell_summary,
    user_folders,
    warn,
)
from quiz.cli.numbers import WholeRange
from quiz.percent import whole_percent
from quiz.plural import counted

if TYPE_CHECKING:
    from quiz.bank.index import CardRef


@click.command("study")
@click.option(
    "--mode",
    type=Choice(["due", "cram", "mock"]),
    default="due",
    show_default=True,
    help="due: what the schedule says; cram: any selection, schedule untouched; mock: a timed mock interview.",
)
@click.option("--pack", help="Only cards of this pack.")
@click.option("--topic", help="Only cards of this topic.")
@click.option("--tag", help="Only cards with this tag.")
@click.option("--kind", type=Choice(CARD_KINDS), help="Only this kind.")
@click.option("--limit", type=WholeRange(min=1), help="At most this many cards (mock: questions).")
@click.option(
    "--minutes",
    type=WholeRange(min=1, max=600),  # the mock_minutes setting's range
    help="Mock interview length in minutes (only with --mode mock).",
)
@click.option(
    "--ahead",
    is_flag=True,
    help="Under a plan whose day is done with minutes left: the next days' new cards that fit.",
)
@pass_context
def study_command(
    obj: Context,
    mode: str,
    pack: str | None,
    topic: str | None,
    tag: str | None,
    kind: str | None,
    limit: int | None,
    minutes: int | None,
    ahead: bool,
) -> None:
    """Open a study session directly: the due cards, a cram or a timed mock interview.

    Of a pack, topic, tag or kind; under an interview plan, today's plan. With nothing to
    study, Home opens on the selection and says why.
    """
    from quiz.tui.launch import run_study

    if minutes is not None and mode != "mock":  # it was ignored: a due session ran untimed
        from quiz.errors import UsageError

        raise UsageError(
            "--minutes is a mock interview's length: only with --mode mock "
            "(a due or cram session ends when its cards do; esc ends it sooner)"
        )
    if ahead:  # one line each, as every refusal of --ahead below
        from quiz.errors import UsageError

        if mode != "due":
            raise UsageError("--ahead studies the plan's next cards: only with --mode due")
        if any(name is not None for name in (pack, topic, tag, kind)):
            raise UsageError(
                "--ahead studies the plan's next cards over the whole bank: "
                "no --pack, --topic, --tag or --kind"
            )
        _check_ahead(obj)
    # the card index has every name: no card is loaded (the app reads the index anyway)
    index = obj.bank_index(name_missing=False)
    tell_summary(index.summary)  # before the app: a card that failed to load is said
    folders = user_folders(obj)
    check_index_names(index, folders=folders, pack=pack, topic=topic, tag=tag, kind=kind)
    _check_selection(index.refs, pack=pack, topic=topic, tag=tag, kind=kind)
    run_study(
        obj.content,
        mode=mode,
        pack=pack,
        topic=topic,
        tag=tag,
        kind=kind,
        limit=limit,
        minutes=minutes,
        ahead=ahead,
        clock=obj.clock,
    )


def _check_selection(refs: Sequence[CardRef], **given: str | None) -> None:
    """UsageError when names that each exist hold no card together (`--pack architectures
    --topic losses`): the app opened on "no card is due and today's new cards are done", a
    wrong reason for a selection with no card at all."""
    from quiz.study.cards import Filters

    if not any(value is not None for value in given.values()):
        return
    if any(Filters(**given).matches(ref) for ref in refs):
        return
    from quiz.errors import UsageError

    named = [f"--{key} {value}" for key, value in given.items() if value is not None]
    # one name alone: a kind no card of this bank has (every kind is a known name)
    together = " together (each matches cards alone)" if len(named) > 1 else ""
    raise UsageError(
        f"no card matches {' '.join(named)}{together}; "
        "`drillbit list` shows every card's pack, topic and kind"
    )


def _check_ahead(obj: Context) -> None:
    """Stop `study --ahead` with one line when there is nothing to study ahead now: no
    plan, the plan over, today's list not done, or why the done list offers none."""
    from quiz.errors import DrillbitError

    with open_store(obj) as store:
        if store.interview_plan() is None:
            raise DrillbitError(
                "no plan is set, so nothing is ahead: set one with "
                "drillbit plan --interview YYYY-MM-DD"
            )
        queue = plan_queue_now(store, obj.bank_index().refs, obj.now)
    if queue is None:
        raise DrillbitError(
            "nothing to study ahead: the plan is over (the interview is today or past)"
        )
    if not queue.ahead:
        reason = queue.no_ahead_reason()
        raise DrillbitError(reason if queue.offered else f"nothing to study ahead: {reason}")


@click.command("drill")
@click.argument("drill_id", metavar="[DRILL]", required=False)
@click.option(
    "--watch",
    "watch_file",
    type=file_to_write(),
    metavar="FILE",
    help="Grade FILE on every save in your own editor instead (`drillbit watch DRILL FILE`).",
)
@pass_context
def drill_command(obj: Context, drill_id: str | None, watch_file: Path | None) -> None:
    """Open a coding drill in the editor: DRILL, or the first one not passed yet."""
    from quiz.drill_grading import find_drill
    from quiz.drill_list import drill_rows, next_unsolved
    from quiz.tui.launch import run_drill

    bank = obj.told_bank()
    if drill_id is None:
        with open_store(obj) as store:
            following = next_unsolved(drill_rows(bank.cards, store))
        if following is None:
            click.echo("Every drill is passed. `drillbit drills` lists them; name one to redo it.")
            return
        drill_id = following.id
    find_drill(bank, drill_id, display_path)  # an unknown id is a usage error before the app opens
    if watch_file is not None:  # the spec's `drill ID --watch FILE`: the watch command's loop
        from quiz.cli.grading import watch_command

        click.get_current_context().invoke(watch_command, drill_id=drill_id, file=watch_file)
        return
    run_drill(obj.content, drill_id, clock=obj.clock)


@click.command("stats")
@click.option(
    "--json", "as_json", is_flag=True, help="Print JSON instead of text (`drillbit schema stats`)."
)
@pass_context
def stats_command(obj: Context, as_json: bool) -> None:
    """Reviews, accuracy by topic, true retention, drills passed, streak, today's counts and
    the next 7 days' due."""
    from quiz.cli.stats import current_stats, stats_json, stats_today
    from quiz.study.forecast import forecast_line
    from quiz.study.stats import ACCURACY_MEANS, RETENTION_MEANS, recent_reviews_line
    from quiz.wrapping import fit, fold_text, terminal_width

    roots = obj.roots(name_missing=False)  # the load's summary names a missing folder
    if as_json:
        click.echo(stats_json(current_stats(roots, warn, obj.clock)))
        return
    stats, today = stats_today(roots, warn, obj.clock)
    columns = terminal_width()
    passed = f"{stats.drills_passed}{_with_hints(stats.drills_passed_with_hints)}"
    figures = (
        f"Reviews: {stats.reviews:,}",
        f"cards seen: {stats.cards_seen:,}",
        f"accuracy: {whole_percent(stats.accuracy, missing='-')}",
        f"drills passed: {passed}",
    )
    click.echo(_figures_text(figures, columns))
    why = " (no answers to review cards yet)" if stats.retention is None else ""
    streak = (
        f"Streak: {counted(stats.streak, 'day')}",
        f"true retention: {whole_percent(stats.retention, missing='-')}",
    )
    click.echo(_figures_text(streak, columns, why))
    if today is not None:  # Home's words: what `d` studies today, then the cards
        parts = stats.today.parts() if stats.today is not None else None
        click.echo(_today_text(today, parts, columns))
    click.echo(fold_text(f"Cards: {stats.cards.breakdown()}", columns))
    click.echo(fold_text(recent_reviews_line(stats.reviews_per_day), columns))
    # the note under the counts when they fill the line
    click.echo(fold_text(forecast_line(stats.forecast, columns), columns))
    if not stats.reviews and not stats.drills_passed:  # a fresh home: all zeros, no way on
        click.echo(FIRST_STEP)
    if stats.by_topic:
        click.echo("")
        width = max(20, *(len(topic) for topic in stats.by_topic))  # "topic (pack)" too
        if columns is not None:  # a narrow terminal cuts the names, never the numbers
            width = min(width, max(MIN_TOPIC_WIDTH, columns - TOPIC_NUMBERS_WIDTH))
        click.echo(f"{'topic':<{width}} {'reviews':>8} {'accuracy':>9} {'seen':>6}")
        for topic, row in stats.by_topic.items():  # by topic name, then pack
            click.echo(
                f"{fit(topic, width):<{width}} {row.reviews:>8,} {whole_percent(row.accuracy, missing='-'):>9}"
                f" {row.cards_seen:>6,}"
            )
    if stats.reviews:  # what each share counts: they differ by every Hard and cram answer
        click.echo("")
        for means in (ACCURACY_MEANS, RETENTION_MEANS):
            click.echo(fold_text(means, columns))


MIN_TOPIC_WIDTH = 8
"""The fewest columns a topic's name gets in `stats`' table (cut with "…" to fit)."""
TOPIC_NUMBERS_WIDTH = 1 + 8 + 1 + 9 + 1 + 6
"""The table's columns after the topic: reviews, accuracy and seen, a space before each."""
FIGURES_GAP = "   "
"""Between two of `stats`' figures on a line ("Reviews: 12   cards seen: 4")."""


def _figures_text(figures: Sequence[str], width: int | None, after: str = "") -> str:
    """`figures` on a line, `after` at its end, folded between two figures (or within
    `after`), never inside one: at 40 columns "accuracy: 1" ended a line and "00%" began
    the next, and a heavy home's first line (90 columns) broke so at 80."""
    from quiz.wrapping import fold_line

    return "\n".join(fold_line(FIGURES_GAP.join(figures) + after, width, unbroken=figures))


TODAY_LABEL = "To study: "
"""The label of Home's count of today. Home's words already end in "today" ("20 new today",
"28 planned today"): labelled "Today: " they read "Today: 28 planned today"."""


def _today_text(headline: str, parts: tuple[str, ...] | None, width: int | None) -> str:
    """`TODAY_LABEL` and Home's count, folded to `width`; the note of the fsrs backlog goes
    whole under the count when the line is too wide, as the stats screen puts it: folded
    at any space, "(..., 1" ended one line and "done today)" began the next."""
    from quiz.wrapping import fold_text

    line = f"{TODAY_LABEL}{headline}"
    if width is None or len(line) <= width or parts is None or len(parts) < 3:
        return fold_text(line, width)  # 104 columns under a plan
    count, note = "".join(parts[:2]), parts[2].strip()
    return fold_text(f"{TODAY_LABEL}{count}", width) + "\n" + fold_text(f"  {note}", width)


FIRST_STEP = "next: `drillbit` opens the app (d studies), or `drillbit study` starts at once"
"""What `drillbit stats` says before any answer: its zeros alone left a new user no step."""


def _with_hints(drills: int) -> str:
    """How many of the drills passed were passed only with hints, as `drillbit drills`
    lists them ("passed with hints"); nothing when none was."""
    return f" ({drills} with hints)" if drills else ""


COMMANDS: tuple[click.Command, ...] = (study_command, drill_command, stats_command)
