"""`drillbit check-store`: read the whole progress database with SQLite's integrity check.

Opening the store checks only its small tables (the review log of a heavy user is over
100 MB); this is the full check, on demand, with the same recovery as at open.
"""

from __future__ import annotations

import sys

import click

from quiz.cli.context import Context, open_store, pass_context


@click.command("check-store")
@pass_context
def check_store_command(obj: Context) -> None:
    """Check every page of the progress database; a damaged one is moved aside and salvaged.

    Exit 0 when the file is sound, 1 when it was damaged (the message says where it went).
    """
    with open_store(obj) as store:
        size = store.path.stat().st_size if store.path.is_file() else 0
        notice = store.check_integrity()
        path = store.path
    if notice is not None:
        sys.exit(1)  # open_store's hook has printed the notice
    click.echo(f"{path}: sound ({size / 1_048_576:.1f} MiB, SQLite integrity check passed)")


COMMANDS: tuple[click.Command, ...] = (check_store_command,)
