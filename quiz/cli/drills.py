"""`drillbit drills`: every coding drill with its state; `show`: one card as the app shows it."""

from __future__ import annotations

import json

import click

from quiz.cli.context import Context, check_bank_names, display_path, open_store, pass_context
from quiz.textsafe import printable


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
    """List every coding drill with its state and number of attempts, like `rustlings list`
    (--pack, --topic: of one pack or topic, as `list` and `cards` take them)."""
    from quiz.drill_list import drill_rows, next_unsolved
    from quiz.study.cards import Filters

    bank = obj.load_bank()
    check_bank_names(bank, pack=pack, topic=topic)
    chosen = Filters(pack=pack, topic=topic)
    with open_store() as store:
        rows = drill_rows([card for card in bank.cards if chosen.matches(card)], store)
    if as_json:
        document = {"schema_version": 1, "drills": [row.as_json() for row in rows]}
        click.echo(json.dumps(document, indent=2))
        return
    if not rows:  # a pack and a topic of another pack, or a pack without drills
        asked = " ".join(f"--{name} {value}" for name, value in chosen.as_dict().items())
        click.echo(f"No coding drill matches {asked}.", err=True)
        return
    width = max((len(row.id) for row in rows), default=5)
    # No timing column: a grading's time is mostly the sandbox's and the machine's load,
    # not a measure of the person's code (the JSON keeps it as best_ms, said so there).
    click.echo(f"{'drill':<{width}}  {'state':<17}  {'tries':>5}  title")
    for row in rows:
        click.echo(printable(f"{row.id:<{width}}  {row.state:<17}  {row.attempts:>5}  {row.title}"))
    solved = sum(row.solved for row in rows)
    following = next_unsolved(rows)
    tail = f"; next: drillbit drill {following.id}" if following else "; all solved"
    # on stdout with the table, as `cards`' count: `drillbit drills | less` sees it all
    click.echo(f"{solved}/{len(rows)} solved{tail}")


@click.command("show")
@click.argument("card_id", metavar="ID")
@click.option("--answer", is_flag=True, help="Also print the answer, key points or solution notes.")
@pass_context
def show_command(obj: Context, card_id: str, answer: bool) -> None:
    """Print one card as the app shows it (math as Unicode): the question, or with --answer all."""
    from quiz.cardtext import card_as_text
    from quiz.selection import find_card

    bank = obj.load_bank()
    card = find_card(bank.cards, card_id, broken=sorted(bank.broken_files), show=display_path)
    click.echo(printable(card_as_text(card, answer=answer)), nl=False)


COMMANDS: tuple[click.Command, ...] = (drills_command, show_command)
