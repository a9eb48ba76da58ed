"""The root `drillbit` group, where each command's module is found, and `main`.

A new command goes in its own module under `quiz/cli/` (or the module of its group):
it defines plain `@click.command`s, takes the shared `Context` with `pass_context`,
exports them in a `COMMANDS` tuple, and each command's name is added to
`COMMAND_MODULES` below with its module. A command's module is imported when that
command runs (or `--help` lists them all), not at every start.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from quiz.cli import aborted
from quiz.cli.context import Context, SuggestingGroup, content_folder, unknown_command
from quiz.cli.pipe import reader_closed_carried
from quiz.clock import Clock, utc_now
from quiz.errors import ERROR_PREFIX, DrillbitError, escape_controls, names_too_long_told

EXIT_CODES = (
    "Exit codes: 0 done; 1 a failure (a grading that did not pass, problems found, an "
    "error a person can meet); 2 a wrong command line; 130 stopped by Ctrl-C (watch and "
    "serve, which Ctrl-C stops, exit 0); the app closed by kill (SIGTERM) 143, by its "
    "terminal closing (SIGHUP) 129; 141, with nothing printed, when the output's reader "
    "closed the pipe early (`drillbit list | head -1`)."
)
"""The root help's last paragraph: what every exit code means, as docs/commands.md says them."""

COMMAND_MODULES: dict[str, str] = {
    "lint": "bank",
    "list": "bank",
    "schema": "bank",
    "grade": "grading",
    "watch": "grading",
    "doctor": "grading",
    "study": "study",
    "drill": "study",
    "stats": "study",
    "plan": "plan",
    "serve": "serve",
    "import": "ecosystem",
    "export": "ecosystem",
    "import-progress": "ecosystem",
    "config": "config",
    "drills": "drills",
    "show": "drills",
    "hint": "drills",
    "cards": "cards",
    "check-store": "store",
}
"""Every subcommand's name and the module of `quiz/cli/` whose `COMMANDS` holds it.

Importing all ten modules (their options, their imports) at every start was about a tenth
of `drillbit stats --json`'s imports; a test holds this table equal to the modules'."""


def _add_content(ctx: click.Context, _param: click.Parameter, value: tuple[Path, ...]) -> None:
    """`--content` after the command name: the same folders as before it."""
    if value:
        ctx.ensure_object(Context).content.extend(value)


def _accept_content_after(command: click.Command) -> None:
    """Give a command (and every command of a group) the root's `--content` option."""
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _accept_content_after(sub)
        return
    if any("--content" in getattr(p, "opts", ()) for p in command.params):
        return  # the command reads --content itself (import: the target folder)
    command.params.append(
        click.Option(
            ["--content"],
            multiple=True,
            type=content_folder(),
            expose_value=False,
            is_eager=True,
            callback=_add_content,
            help="An extra content folder (repeatable), as before the command.",
        )
    )


class _CommandsOnDemand(SuggestingGroup):
    """The root group: a command is registered when it is first looked up by name."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMAND_MODULES, HELP_COMMAND})

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        with reader_closed_carried():  # `--help`, `--version`: printed while parsing
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        with reader_closed_carried():  # every command, past click's own exit 1
            return super().invoke(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name == HELP_COMMAND:
            return _help_command
        module = COMMAND_MODULES.get(cmd_name)
        if cmd_name not in self.commands and module is not None:
            for command in importlib.import_module(f"quiz.cli.{module}").COMMANDS:
                if command.name is not None and command.name not in self.commands:
                    _accept_content_after(command)
                    self.add_command(command)
        return self.commands.get(cmd_name)


HELP_COMMAND = "help"
"""The one command no module holds: `drillbit help [COMMAND]`, found by name; `--help` lists
it with the others, as the README's tour and docs/commands.md name it."""


@click.command(
    HELP_COMMAND,
    short_help="Print a command's help (or this list), as `drillbit COMMAND --help` does.",
    add_help_option=False,
    options_metavar="",
)
@click.argument("names", nargs=-1, metavar="[COMMAND]...")
# `drillbit help --help` (or `help study -h`) asks the same thing twice: it was an error, "No
# such option '--help'"; the flag is taken and changes nothing
@click.option("-h", "--help", "_asked", is_flag=True, hidden=True)
@click.pass_context
def _help_command(ctx: click.Context, names: tuple[str, ...], _asked: bool) -> None:
    """`drillbit help [COMMAND...]`: the help `--help` prints, as `git help` and `uv help` give
    it; a person who types `help` wants the help, not an error pointing at it."""
    root = ctx.find_root()
    command: click.Command = root.command
    parent = root
    for depth, name in enumerate(names):
        group = command if isinstance(command, click.Group) else None
        found = group.get_command(parent, name) if group is not None else None
        path = " ".join(["drillbit", *names[:depth]])
        if group is None:  # `help grade extra` said "drillbit grade takes ." (of nothing)
            asked = " ".join(["drillbit help", *names[:depth]])
            raise click.UsageError(
                f"No such command {name!r}: `{path}` has none of its own; `{asked}` prints "
                "its help.",
                ctx,
            )
        if found is None:
            known = group.list_commands(parent)
            # the help command's error has no "Try 'drillbit --help'" line: it says so itself
            lists = f"`{path} --help` lists every command."
            raise click.UsageError(unknown_command(name, known, path, lists_them=lists), ctx)
        command = found
        parent = click.Context(command, info_name=name, parent=parent)
    click.echo(command.get_help(parent))


@click.group(
    cls=_CommandsOnDemand,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_CODES,
)
@click.option(
    "--content",
    "content",
    multiple=True,
    type=content_folder(),
    help="An extra content folder (repeatable); DRILLBIT_CONTENT adds more.",
)
@click.version_option(package_name="drillbit")
@click.pass_context
def cli(ctx: click.Context, content: tuple[Path, ...]) -> None:
    """drillbit: interview-prep quizzes and self-graded NumPy drills, in the terminal.

    Run without a command to open the app on the question bank.
    """
    obj = ctx.ensure_object(Context)  # `main`'s, with its clock
    obj.content[:0] = content
    if ctx.invoked_subcommand is None:
        from quiz.tui.launch import run_app

        run_app(obj.content, clock=obj.clock)


def _wants_json(args: Sequence[str]) -> bool:
    """The command line asks for JSON (`--json`, `--format json|exercism`)."""
    for i, arg in enumerate(args):
        if arg == "--":
            return False
        if arg == "--json" or arg in ("--format=json", "--format=exercism"):
            return True
        if arg == "--format" and i + 1 < len(args) and args[i + 1] in ("json", "exercism"):
            return True
    return False


def json_error(kind: str, message: str, exit_code: int) -> None:
    """An error as the JSON a tool that asked for JSON can read (`drillbit schema error`)."""
    from quiz.cli.schemas import SCHEMA_VERSION, ErrorReport

    report = ErrorReport(
        schema_version=SCHEMA_VERSION,
        error="usage" if kind == "usage" else "error",
        message=" ".join(message.split()),
        exit_code=exit_code,
    )
    click.echo(report.model_dump_json(indent=2))
    sys.exit(exit_code)


def json_drillbit_error(exc: DrillbitError) -> None:
    """A DrillbitError as `json_error`: its stderr line without "drillbit: ", so the message
    reads as click's do (`title: message`, or the message of an untitled error), never
    "drillbit: unknown pack ..." beside click's "Invalid value ..."."""
    kind = "usage" if exc.exit_code == 2 else "error"
    json_error(kind, exc.error_line().removeprefix(ERROR_PREFIX), exc.exit_code)


def click_error_lines(exc: click.ClickException) -> str:
    """A click error as drillbit prints its own: "drillbit: " and the message first, then,
    for a wrong command line, the command's usage and how to get its help. Click's own
    `show` put the usage first and the message last after "Error: ", where every other
    error of every command was one line starting "drillbit: ". A name typed with a control
    character in it (`show $'x\\e[2J'`) is shown escaped, as DrillbitError's lines show it."""
    if isinstance(exc, click.exceptions.NoArgsIsHelpError):  # `drillbit export`: its help
        return exc.format_message()
    said = ERROR_PREFIX + escape_controls(exc.format_message())
    ctx = exc.ctx if isinstance(exc, click.UsageError) else None
    if ctx is None:
        return said
    lines = [said, ctx.get_usage()]
    help_option = ctx.command.get_help_option(ctx)
    if help_option is not None:  # --help, not -h: the hint says what it is
        lines.append(f"Try '{ctx.command_path} {max(help_option.opts, key=len)}' for help.")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None, *, clock: Clock = utc_now) -> None:
    """Console-script entry point: runs the CLI and prints drillbit's own errors without a traceback.

    The one place a DrillbitError (any error a person can cause or meet: bad input, an
    unusable data folder or database) becomes a one-line message and its exit code. When
    the command line asks for JSON, the error is JSON on stdout (`drillbit schema error`).
    Ctrl-C is "Aborted." and exit 130 (`quiz.cli.aborted`). A closed pipe leaves as
    `ReaderClosed` for `quiz.cli.main` to end silently (`quiz.cli.pipe`). Every command
    reads the time from `clock`, once (`Context.now`).
    """
    args = list(argv) if argv is not None else sys.argv[1:]
    as_json = _wants_json(args)
    try:
        with names_too_long_told(args):  # met wherever a path is first looked at
            cli.main(
                args=args,
                prog_name="drillbit",
                standalone_mode=False,
                obj=Context(clock=clock),
            )
    except click.exceptions.Abort as exc:  # click raises it from Ctrl-C or an end of input
        aborted(interrupted=isinstance(exc.__cause__, KeyboardInterrupt))
    except click.ClickException as exc:
        if as_json:
            kind = "usage" if isinstance(exc, click.UsageError) else "error"
            json_error(kind, exc.format_message(), exc.exit_code)
        click.echo(click_error_lines(exc), err=True)
        sys.exit(exc.exit_code)
    except DrillbitError as exc:
        if as_json:
            json_drillbit_error(exc)
        click.echo(exc.error_line(), err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
