"""`drillbit drills`: every coding drill with its state; `show`: one card as the app shows it;
`hint`: a drill's next hint, as the app's ^t shows it."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from quiz.cli.context import (
    Context,
    asked_flags,
    check_index_names,
    display_path,
    missing_content_named,
    missing_drill,
    open_store,
    pass_context,
    tell_summary,
    user_folders,
    warn,
)
from quiz.cli.fit import Column, table_lines
from quiz.cli.plain import unsaved_line
from quiz.errors import DataDirError
from quiz.plural import counted
from quiz.textsafe import printable
from quiz.wrapping import terminal_width, wrap_markdown

if TYPE_CHECKING:
    from quiz.bank.models import Card
    from quiz.drill_list import DrillRow


@click.command("drills")
@click.option("--pack", help="Only drills of this pack.")
@click.option("--topic", help="Only drills of this topic.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print JSON instead of a table (`drillbit schema drills`).",
)
@pass_context
def drills_command(obj: Context, pack: str | None, topic: str | None, as_json: bool) -> None:
    """List every coding drill with its state and number of tries, like `rustlings list`
    (--pack, --topic: of one pack or topic, as `list` and `cards` take them)."""
    from quiz.drill_list import drill_rows
    from quiz.study.cards import Filters

    # the rows need the index only: after an edit the changed files are read, no model
    # built for the others (its summary names a missing folder)
    index = obj.bank_index(name_missing=False)
    with missing_content_named(obj):  # its summary follows the rows: said first
        check_index_names(index, folders=user_folders(obj), pack=pack, topic=topic)
    chosen = Filters(pack=pack, topic=topic)
    with open_store(obj) as store:
        rows = drill_rows([card for card in index.refs if chosen.matches(card)], store)
    _list_drills(rows, chosen.as_dict(), as_json)
    tell_summary(index.summary)  # as `list` says it: a drill not loaded is no row


def _list_drills(rows: list[DrillRow], asked_for: dict[str, str], as_json: bool) -> None:
    """The drill table (or its JSON) and the solved count."""
    from quiz.drill_list import next_unsolved

    if as_json:
        document = {"schema_version": 1, "drills": [row.as_json() for row in rows]}
        click.echo(json.dumps(document, indent=2))
        return
    if not rows:  # a pack and a topic of another pack, or a pack without drills
        click.echo(f"No coding drill matches {asked_flags(asked_for)}.", err=True)
        return
    # No timing column: a grading's time is mostly the sandbox's and the machine's load,
    # not a measure of the person's code (the JSON keeps it as best_ms, said so there).
    # The header and the narrowing are `list`'s and `cards`': a narrow terminal drops the
    # tries for the title; into a pipe every column stays
    tries = Column("TRIES", [str(row.attempts) for row in rows], right=True)
    columns = [
        Column("ID", [row.id for row in rows]),
        Column("STATE", [row.state for row in rows]),
        tries,
    ]
    lines = table_lines(columns, [row.title for row in rows], terminal_width(), (tries,))
    click.echo("\n".join(lines))
    solved = sum(row.solved for row in rows)
    following = next_unsolved(rows)
    tail = f"; next: drillbit drill {following.id}" if following else "; all solved"
    # on stdout with the table, as `cards`' count: `drillbit drills | less` sees it all
    click.echo(f"{solved}/{len(rows)} solved{tail}")


@click.command("show")
@click.argument("card_id", metavar="ID", required=False)
@click.option(
    "--answer",
    is_flag=True,
    help="Also print the answer (key points; a choice card's right options, one a line with "
    "their numbers; the number) and the explanation.",
)
@pass_context
def show_command(obj: Context, card_id: str | None, answer: bool) -> None:
    """Print one card as the app shows it (math as Unicode): the question, or with --answer all."""
    from quiz.cardtext import card_as_text
    from quiz.selection import find_card

    if card_id is None:  # Click's "Missing argument 'ID'." said not where ids are found
        raise click.UsageError(
            "Missing argument 'ID', a card's id: `drillbit list` shows every id, "
            "`drillbit cards --search WORDS` finds a card by its words."
        )

    _, bank = obj.indexed_bank()
    tell_summary(bank.problem_summary())  # the card asked for may be the one not loaded
    card = find_card(bank.cards, card_id, broken=sorted(bank.broken_files), show=display_path)
    text = wrap_markdown(printable(card_as_text(card, answer=answer)), terminal_width())
    click.echo(text, nl=False)


@click.command("hint")
@click.argument("drill_id", metavar="DRILL", required=False)
@click.option("--seen", is_flag=True, help="Print the hints seen so far again; reveal none.")
@pass_context
def hint_command(obj: Context, drill_id: str | None, seen: bool) -> None:
    """Show a drill's next hint, one at a time as the app's ^t (`rustlings hint`).

    The hints seen since the drill's last pass are printed with it. Each one revealed is
    kept, in the app too: the drill's next pass, in the app or by `drillbit grade` or
    `watch`, is one "passed with hints" and a review rated Hard at best.
    """
    from quiz.cardtext import markdown_text
    from quiz.drill_grading import find_drill

    if drill_id is None:
        missing_drill(obj, "`drillbit hint {drill}` shows its first hint")
    bank = obj.told_bank()
    card = find_drill(bank, drill_id, display_path, checker_now=False).card
    if not card.hints:
        click.echo(f"'{card.id}' has no hints; its task says what to write.")
        return
    try:
        shown, revealed, unsaved = _reveal(obj, card, seen=seen)
    except DataDirError as exc:  # no data folder, so none seen: `grade` grades so too
        if seen:
            raise
        shown, revealed, unsaved = 1, True, exc.message
    width = terminal_width()
    for number, hint in enumerate(card.hints[:shown], start=1):
        text = f"Hint {number}. {markdown_text(hint).strip()}\n"
        click.echo(wrap_markdown(printable(text), width))
    if unsaved is not None:
        # it said "1 hint left: `drillbit hint sigmoid` shows the next", which showed this
        # one again, and counted the next pass as one with hints when none was kept
        click.echo(f"drillbit: this hint was not saved: {unsaved}", err=True)
        click.echo(_unsaved_footer(card.id, kept=shown - 1))
        return
    click.echo(_hint_footer(card.id, shown=shown, total=len(card.hints), revealed=revealed))


def _reveal(obj: Context, card: Card, *, seen: bool) -> tuple[int, bool, str | None]:
    """The hints of `card` to print, whether the last of them is revealed now, and why it
    was not saved (None: saved, or nothing revealed)."""
    with open_store(obj, says_unsaved=True) as store:  # said by the caller: a reveal loses it
        shown = min(store.hints_seen(card.id), len(card.hints))
        revealed = not seen and shown < len(card.hints)
        if revealed:
            shown += 1
            store.record_hint(card_id=card.id, number=shown, seen_at=obj.now)
            return shown, revealed, store.not_saved_reason
        for notice in store.notices:  # nothing to lose: the line every reading command says
            if notice.unsaved:
                warn(f"drillbit: {unsaved_line(store.path, notice.reason)}")
        return shown, revealed, None


def _unsaved_footer(drill_id: str, *, kept: int) -> str:
    """What a hint shown but not saved leaves: the same hint next time, and the next pass
    counted with hints only when `kept` hints were saved before it."""
    again = f"`drillbit hint {drill_id}` shows it again until your progress can be saved."
    if kept == 0:
        return again
    return f"{again}\nYour next pass counts as passed with hints (Hard at best)."


def _hint_footer(drill_id: str, *, shown: int, total: int, revealed: bool) -> str:
    """What the hints printed mean for the next pass, and how to see the next one."""
    if shown == 0:
        return f"No hint seen since the last pass: `drillbit hint {drill_id}` shows the first."
    left = total - shown
    if left:
        more = f"{counted(left, 'hint')} left: `drillbit hint {drill_id}` shows the next"
    else:
        more = "That was the last hint" if revealed else "No hints left"
    return f"{more}.\nYour next pass counts as passed with hints (Hard at best)."


COMMANDS: tuple[click.Command, ...] = (drills_command, show_command, hint_command)
