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
@click.option(
    "--new-token",
    is_flag=True,
    help=(
        "Serve nothing: end every login of the drillbit serve running on --port (with this "
        "data folder) and have it make a new token, which its console prints."
    ),
)
@pass_context
def serve_command(obj: Context, port: int, host: str, max_tabs: int, new_token: bool) -> None:
    """Serve the app in a browser (textual-serve) until Ctrl-C; each tab runs its own app.

    It prints a URL with a token made for this run: only a browser that opened it gets in.
    """
    if new_token:
        _new_token(port)
        return
    from quiz.serve import serve
    from quiz.settings import load_settings

    # each tab's app reads the settings at its start: a bad file is said here once, not
    # by every tab closing at once; edited into a bad state later, each new tab's page
    # says so (the app would exit before drawing anything)
    load_settings()
    serve(host, port, obj.content, max_tabs=max_tabs, check=load_settings)
    click.echo("\nStopped serving.")  # as watch ends: Ctrl-C (or `kill`) stopped it, exit 0


def _new_token(port: int) -> None:
    """`--new-token`: SIGUSR1 to the server on `port` found by its running file
    (`quiz.serve.running`), and its new login link once written."""
    from quiz.paths import data_dir
    from quiz.serve.login_file import login_file_of, login_folder
    from quiz.serve.running import send_new_token

    data = data_dir()
    renewed = send_new_token(data, port, login_file_of(login_folder(data), port))
    if renewed.link is None:  # a server that writes no login link: its console says it
        click.echo(
            f"Asked drillbit serve on port {port} (PID {renewed.pid}) to end every login and "
            "make a new token; its console prints the new token."
        )
        return
    click.echo(
        f"drillbit serve on port {port} ended every login and made a new token; the old "
        "token and every browser's login open nothing now. To log in, open its new login "
        f"link in a browser:\n    {renewed.link}\n"
        "Its console prints the new token to paste into the login page's box."
    )


COMMANDS: tuple[click.Command, ...] = (serve_command,)
