"""`drillbit serve`: the app in a browser."""

from __future__ import annotations

import click

from quiz.cli.context import Context, pass_context
from quiz.cli.numbers import WholeRange


@click.command("serve")
@click.option(
    "--port",
    type=WholeRange(1, 65535),
    default=8000,
    show_default=True,
    help="The TCP port to listen on.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="The address to listen on; anything but loopback exposes the app (and its grader) to the network.",
)
@click.option(
    "--max-tabs",
    type=WholeRange(min=1),
    default=4,
    show_default=True,
    help="At most this many tabs at once (each runs its own app process).",
)
@pass_context
def serve_command(obj: Context, port: int, host: str, max_tabs: int) -> None:
    """Serve the app in a browser (textual-serve) until Ctrl-C; each tab runs its own app.

    It prints a URL with a token made for this run: only a browser that opened it gets in.
    """
    from quiz.serve import serve
    from quiz.settings import load_settings

    # each tab's app reads the settings at its start: a bad file is said here once, not
    # by every tab closing at once; edited into a bad state later, each new tab's page
    # says so (the app would exit before drawing anything)
    load_settings()
    serve(host, port, obj.content, max_tabs=max_tabs, check=load_settings)
    click.echo("\nStopped serving.")  # as watch ends: Ctrl-C (or `kill`) stopped it, exit 0


COMMANDS: tuple[click.Command, ...] = (serve_command,)
