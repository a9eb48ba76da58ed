"""The root `drillbit` group, the registration of every command module, and `main`.

A new command goes in its own module under `quiz/cli/` (or the module of its group):
it defines plain `@click.command`s, takes the shared `Context` with `pass_context`,
exports them in a `COMMANDS` tuple, and that tuple is added to `COMMANDS` below.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from quiz.cli import bank, cards, config, drills, ecosystem, grading, plan, serve, study
from quiz.cli.context import Context
from quiz.errors import DrillbitError

COMMANDS: tuple[click.Command, ...] = (
    *bank.COMMANDS,
    *grading.COMMANDS,
    *study.COMMANDS,
    *plan.COMMANDS,
    *serve.COMMANDS,
    *ecosystem.COMMANDS,
    *config.COMMANDS,
    *drills.COMMANDS,
    *cards.COMMANDS,
)
"""Every subcommand, registered on the root group in this order."""


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--content",
    "content",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="An extra content folder (repeatable); DRILLBIT_CONTENT adds more.",
)
@click.version_option(package_name="drillbit")
@click.pass_context
def cli(ctx: click.Context, content: tuple[Path, ...]) -> None:
    """drillbit: interview-prep quizzes and self-graded NumPy drills, in the terminal.

    Run without a command to open the app on the question bank.
    """
    ctx.obj = Context(content)
    if ctx.invoked_subcommand is None:
        from quiz.tui.launch import run_app

        run_app(ctx.obj.content)


for _command in COMMANDS:
    cli.add_command(_command)


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point: runs the CLI and prints drillbit's own errors without a traceback.

    The one place a DrillbitError (any error a person can cause or meet: bad input, an
    unusable data folder or database) becomes a one-line message and its exit code.
    """
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="drillbit",
            standalone_mode=False,
        )
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except DrillbitError as exc:
        click.echo(exc.one_line(), err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        os._exit(0)
