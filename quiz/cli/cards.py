"""`drillbit cards`: browse the cards with their schedule state, filtered, searched, sorted."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

import click

from quiz.cli.choice import CARD_KINDS, Choice
from quiz.cli.context import (
    Context,
    asked_flags,
    check_listing_names,
    listing,
    open_store,
    pass_context,
    tell_summary,
    warn,
)
from quiz.plural import counted
from quiz.wrapping import fold_text, terminal_width

if TYPE_CHECKING:
    from quiz.bank.card_facts import CardFields
    from quiz.browser import CardRow
    from quiz.browser_plan import PlanDue
    from quiz.settings import Settings
    from quiz.store import Store

_STATES = ("new", "learning", "review", "suspended", "buried", "due")
_SORTS = ("content", "due", "difficulty", "lapses")


@click.command("cards")
@click.option("--pack", help="Only cards of this pack.")
@click.option("--topic", help="Only cards of this topic.")
@click.option("--kind", type=Choice(CARD_KINDS), help="Only this kind.")
@click.option("--tag", help="Only cards with this tag.")
@click.option(
    "--state",
    type=Choice(_STATES),
    help=(
        "Only cards in this state (due: due today, a review by its study day, as Home "
        "counts it; under an interview plan, planned today)."
    ),
)
@click.option(
    "--search",
    "-s",
    default="",
    help="Words every card must hold (full text), and Anki's is:due, is:new, is:learn, "
    "is:review, is:suspended, is:buried, tag:T, deck:P, topic:T, kind:K, prop:lapses>N.",
)
@click.option(
    "--sort",
    type=Choice(_SORTS),
    default="content",
    show_default=True,
    help="content: the bank's order (with --search, best match first); due: soonest first, "
    "never-studied last (under an interview plan: today's planned cards first, then as the "
    "plan asks the rest); difficulty: fsrs's hardest first; lapses: most first.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print JSON instead of a table (`drillbit schema cards`).",
)
@pass_context
def cards_command(
    obj: Context,
    pack: str | None,
    topic: str | None,
    kind: str | None,
    tag: str | None,
    state: str | None,
    search: str,
    sort: str,
    as_json: bool,
) -> None:
    """List cards with their state (new, learning, review, suspended, buried) and due date."""
    from quiz.browser import browse, card_rows, rows_json
    from quiz.card_query import QueryError, parse_query
    from quiz.search import SearchIndex
    from quiz.settings import settings_warned
    from quiz.study.days import study_zone
    from quiz.study.rest_of_day import DueBefore

    try:  # an Anki term drillbit has not is said before the bank is read, not "0 of 146"
        query = parse_query(search)
    except QueryError as exc:
        raise click.BadParameter(str(exc), param_hint="'--search'") from None
    refs, bank = listing(obj, load=bool(query.words), pack=pack, topic=topic, tag=tag, kind=kind)
    # `deck:nope` names a pack as --pack does: said as --pack says it, not "0 of 146"
    named = query.filters
    for each in query.tags or (None,):
        check_listing_names(obj, refs, pack=named.get("pack"), topic=named.get("topic"), tag=each)
    check_listing_names(obj, refs, kind=named.get("kind"))
    settings = settings_warned(warn)  # the study day: a review is due by it, as Home counts
    zone = study_zone(settings.day_starts_at)
    with open_store(obj) as store:
        now = obj.now
        rows = card_rows(refs.refs, store, now, tz=zone)
        plan = _plan_due(store, refs.refs, now, settings, zone)
    planned = None if plan is None else len(plan.today)
    index = SearchIndex(bank.cards) if bank is not None else None  # the search's words
    shown = browse(
        rows,
        index=index,
        search=search,
        pack=pack,
        topic=topic,
        kind=kind,
        tag=tag,
        state=state,
        sort=sort,
        plan=plan,
    )
    if as_json:
        click.echo(rows_json(shown, DueBefore.on_day(now, zone), plan))
        return
    asked = asked_flags(
        {"pack": pack, "topic": topic, "kind": kind, "tag": tag, "state": state, "search": search}
    )
    if not shown and asked:  # as `list` and `drills` say it, not "0 of 147 cards"
        click.echo(f"No card matches {asked}.", err=True)
        tell_summary(refs.summary)
        return
    if shown:  # a header, as `drillbit list` has: the numbers say what they are
        click.echo("\n".join(_table(shown, sort, now, plan)))  # one write: 10,000 echoes took 0.1 s
    # the listing's own lines go with its table on stdout (`drillbit cards | less` sees
    # them, as `drills`' solved line); the bank's problems below are a warning, on stderr
    click.echo(f"{len(shown)} of {counted(len(rows), 'card')}{_due_legend(shown, plan)}")
    width = terminal_width()
    if sort == "difficulty":  # its own line: after the count it made one of 86 columns
        legend = "DIFF: fsrs's difficulty, 1 easy to 10 hard; - never reviewed"
        click.echo(fold_text(legend, width))
    if planned is not None:
        said = (
            f"Under the interview plan a session studies {counted(planned, 'card')} today, "
            "not every due card; DUE says when the plan asks each (`drillbit plan` says why)."
        )
        click.echo(fold_text(said, width))
    tell_summary(refs.summary)


def _due_legend(shown: Sequence[CardRow], plan: PlanDue | None) -> str:
    """What the DUE column's star means, said only when a row has one: on a fresh home
    "147 of 147 cards (* due now)" read as 147 cards due now, with no star in the table.
    Under a plan a row it labels has no star (`_plan_cell`)."""
    if not any(row.is_due and _plan_cell(row, plan) is None for row in shown):
        return ""
    return (
        " (* due now or a review due today)"
        if plan is None
        else " (* by fsrs: due now or a review due today)"
    )


def _plan_cell(row: CardRow, plan: PlanDue | None) -> str | None:
    """The row's DUE under a running plan ("today", "last days"...: `PlanDue.label`), as
    the card browser says it, or None where fsrs's date stays (no plan, a step later
    today, a card set aside)."""
    return None if plan is None else plan.label(row)


def _table(shown: Sequence[CardRow], sort: str, now: datetime, plan: PlanDue | None) -> list[str]:
    """The cards' table, one line each. An 80-column terminal leaves out the kind, the due
    time (its date stays, as Anki's browser shows it) and the lapses unless sorted by them,
    then shows the state and the due date as one column (`_due_or_state`), so that the
    title keeps room; into a pipe every column stays. A due date of `now`'s year (local
    time) leaves its year out. Under a running plan a card it asks says when instead
    (`_plan_cell`): fsrs's date was not when a session brings it."""
    from quiz.cli.fit import Column, Merged, Narrowing, table_lines

    cells = [_plan_cell(row, plan) for row in shown]
    due = [
        row.due.astimezone() if row.due and cell is None else None
        for row, cell in zip(shown, cells, strict=True)
    ]
    dates = [
        (" " + cell)
        if cell is not None
        else ("*" if row.is_due else " ") + (d.strftime("%Y-%m-%d") if d else "")
        for row, d, cell in zip(shown, due, cells, strict=True)
    ]
    kind = Column("KIND", [row.card.kind for row in shown], gap=1, pad=8)
    state = Column("STATE", [row.state for row in shown], gap=1, pad=9)
    date = Column("DUE", dates, gap=1, pad=11)
    time = Column("", [d.strftime("%H:%M") if d else "" for d in due], pad=5)
    lapses = Column("LAPSES", [str(row.lapses) for row in shown], pad=6, right=True)
    columns = [Column("ID", [row.card.id for row in shown]), kind, state, date, time, lapses]
    if sort == "difficulty":
        difficulty = [_difficulty(row.difficulty) for row in shown]
        columns.append(Column("DIFF", difficulty, pad=4, right=True))
    this_year = now.astimezone().year
    merged = Merged(
        (state, date),
        Column(
            "DUE",
            [
                _due_or_state(row, d, this_year) if cell is None else " " + cell
                for row, d, cell in zip(shown, due, cells, strict=True)
            ],
        ),
    )
    narrower: list[Narrowing] = (
        [kind, time, merged] if sort == "lapses" else [kind, time, lapses, merged]
    )
    return table_lines(columns, [row.card.title for row in shown], terminal_width(), narrower)


def _due_or_state(row: CardRow, due: datetime | None, this_year: int) -> str:
    """A row's cell in the one column a narrow terminal gives its state and due date: the
    date (marked * when due) of a card in learning or review, else its state (new,
    suspended, buried), which says why it has no date to show. A date of `this_year` is
    its month and day ("Dec 05"), as `ls -l` shortens a recent date; another year's whole."""
    if row.state not in ("learning", "review") or due is None:
        return row.state
    shown = due.strftime("%b %d" if due.year == this_year else "%Y-%m-%d")
    return ("*" if row.is_due else " ") + shown


def _difficulty(value: float | None) -> str:
    """fsrs's difficulty to one decimal (as the card browser shows it), - while new."""
    return "-" if value is None else f"{value:.1f}"


COMMANDS: tuple[click.Command, ...] = (cards_command,)


def _plan_due(
    store: Store, cards: Sequence[CardFields], now: datetime, settings: Settings, zone: tzinfo
) -> PlanDue | None:
    """When the running interview plan asks each card (its `today`: what `d` gives, Home's
    count), or None without a running plan: then fsrs's due cards are what a session
    studies. Read as the app reads it (the settings' fsrs steps and study day `zone`)."""
    if store.interview_plan() is None:
        return None
    from quiz.browser_plan import plan_due
    from quiz.study.plan_status import plan_status

    status = plan_status(store, cards, now, tz=zone, scheduler=settings.scheduler())
    return plan_due(status, now, zone)
