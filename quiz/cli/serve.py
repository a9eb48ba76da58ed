"""`drillbit serve`: the app in a browser."""

from __future__ import annotations

import click

from quiz.cli.context import Context, pass_context


@click.command("serve")
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
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
@pass_context
def serve_command(obj: Context, port: int, host: str) -> None:
    """Serve the app in a browser (textual-serve) until Ctrl-C; each tab runs its own app."""
    from quiz.serve import serve

    serve(host, port, obj.content)


COMMANDS: tuple[click.Command, ...] = (serve_command,)
