"""The `drillbit` command line: parse, call, print. Business logic lives elsewhere.

`main` is the console script; `quiz/cli/group.py` says where a new command goes. The
click group (`cli`) is imported on first use: `drillbit` alone, `drillbit study` alone and
`stats --json` run without it.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from quiz.clock import Clock, utc_now

if TYPE_CHECKING:
    from quiz.cli.group import cli

__all__ = ["cli", "main"]

CLOSED_STDOUT = (
    "standard output is closed (`>&-`), so nothing drillbit prints could be shown; "
    "send it to /dev/null (`> /dev/null`) to discard it"
)
"""What `drillbit` started without a standard output says: every command ended in
AttributeError's traceback ('NoneType' object has no attribute 'isatty') at its first
look at the terminal's width, some after their work was done."""

COMPLETE_ENV = "_DRILLBIT_COMPLETE"
"""Set by a shell asking click for completions: click answers it, even with no arguments."""


def main(argv: Sequence[str] | None = None, *, clock: Clock = utc_now) -> None:
    """Console-script entry point (see `quiz.cli.group.main`).

    Three command lines skip click and the group's options (30-40 ms of CPU), with the
    group's error handling: `drillbit` alone opens Home on the bank, `drillbit study`
    alone a due session (what `study` with no option does), and `stats --json`
    (with only `--content` options, see `quiz.cli.stats`) prints the statistics. Anything
    else goes through the group. Without `argv` (the console script, `python -m quiz`) the
    call is the whole process: `stats --json` and `import` then hold the collector to the
    exit. Ctrl-C anywhere, Python's imports included, is "Aborted." and exit 130; a reader
    that closed the pipe early (`| head -1`) ends every command here, silently with exit 141
    (`quiz.cli.pipe`).

    Every command takes the time from `clock` (the wall clock), read once:
    tests give a fixed one. It is an argument, not an environment variable, so that no
    setting left in a shell can date a person's reviews wrongly.
    """
    if sys.stdout is None:  # started with it closed (`drillbit list >&-`)
        from quiz.errors import ERROR_PREFIX

        if sys.stderr is not None:
            print(f"{ERROR_PREFIX}{CLOSED_STDOUT}", file=sys.stderr, flush=True)
        sys.exit(1)
    _names_as_their_bytes()
    from quiz.cli.pipe import (
        ReaderClosed,
        is_output_lost,
        output_lost,
        reader_gone,
        whole_writes_to_a_pipe,
    )

    if argv is None:  # the whole process's output (a caller's stays as the caller made it)
        whole_writes_to_a_pipe()

    try:
        _dispatch(argv, clock)
        sys.stdout.flush()  # what is still buffered meets a closed pipe here, not at the exit
    except KeyboardInterrupt:  # before a command's own handling: its modules still loading
        print(file=sys.stderr, flush=True)  # closes the terminal's ^C echo
        aborted(interrupted=True)
    except (BrokenPipeError, ReaderClosed):  # the reader closed the pipe early: `quiz.cli.pipe`
        reader_gone()
    except OSError as exc:  # the output's disk full (`> out.json`): one line, not a traceback
        if not is_output_lost(exc):
            raise
        output_lost(exc)


def _names_as_their_bytes() -> None:
    """Print a file name that is not UTF-8 (`caf\xe9.py`, which Python holds with its byte as
    a surrogate) as its own bytes, as Python itself does under the C locale: under a UTF-8
    locale (en_US.UTF-8) the streams are strict, and `drillbit grade sigmoid caf\xe9.py`
    printed its verdict, then UnicodeEncodeError's traceback at the line naming the file."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="surrogateescape")


def aborted(*, interrupted: bool) -> NoReturn:
    """The end of a command Ctrl-C (`interrupted`) or an end of input stopped: "Aborted."
    on stderr, as click says it, and exit 130 for Ctrl-C (`INTERRUPTED_EXIT_CODE`), else 1."""
    from quiz.errors import INTERRUPTED_EXIT_CODE

    print("Aborted.", file=sys.stderr, flush=True)
    sys.exit(INTERRUPTED_EXIT_CODE if interrupted else 1)


def _dispatch(argv: Sequence[str] | None, clock: Clock) -> None:
    """`main`'s choice of runner for the command line (`argv`, else the process's), with
    its `clock`."""
    args = list(argv) if argv is not None else sys.argv[1:]
    if COMPLETE_ENV not in os.environ:
        if os.environ.get("TZ") and not _opens_the_app(args):  # the app says it itself
            _tell_zone_trouble()
        if not args:
            _without_click(lambda: _open_home(clock), args, as_json=False)
            return
        if args == ["study"]:
            _without_click(lambda: _open_due_session(clock), args, as_json=False)
            return
        if "stats" in args and "--json" in args:
            from quiz.cli.stats import print_stats_json, stats_json_content

            content = stats_json_content(args)
            if content is not None:
                from quiz.gcpause import to_the_exit

                # with `argv`, a test or a tool called this: its process goes on
                with to_the_exit() if argv is None else contextlib.nullcontext():
                    _without_click(lambda: print_stats_json(content, clock), args, as_json=True)
                return
    if argv is None and _command(args) == "import":
        from quiz.gcpause import to_the_exit

        # Thousands of cards planned, written and listed, then the process ends: no young
        # collections over its imports and report and no last walk at its exit (about 70
        # ms of CPU for 1 MB of notes; the plan itself already holds the collector).
        with to_the_exit():
            from quiz.cli.group import main as run

            run(args, clock=clock)
        return
    from quiz.cli.group import main as run

    run(args, clock=clock)


def _tell_zone_trouble() -> None:
    """Say once, on stderr, that TZ names no zone and which is used instead: a mistyped
    `TZ=Europe/Berlinn` counted study days in UTC without a word (`tz_trouble`)."""
    from quiz.errors import ERROR_PREFIX
    from quiz.study.days import local_timezone, tz_trouble

    # the zone is read only when TZ names none, to say which is used in its place
    trouble = tz_trouble(os.environ.get("TZ"), local_timezone)
    if trouble is not None:
        print(f"{ERROR_PREFIX}{trouble}", file=sys.stderr, flush=True)


def _opens_the_app(args: Sequence[str]) -> bool:
    """Whether the command line `args` opens the app (`drillbit`, `drillbit study ...`,
    `drillbit drill ID`): it says what is wrong with TZ on its screen, where stderr's line
    was hidden until the person quit (`DrillbitApp._tell_zone_trouble`)."""
    if any(arg in ("--help", "-h", "--version") for arg in args):
        return False
    return _command(args) in (None, "study", "drill")


def _command(args: Sequence[str]) -> str | None:
    """The command a command line names: its first word after the group's `--content`
    options (None when there is none, or a help option comes first)."""
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--content":
            index += 2
        elif arg.startswith("--content="):
            index += 1
        else:
            return None if arg.startswith("-") else arg
    return None


def _open_home(clock: Clock) -> None:
    """The root group's callback for no command: Home on the bank, on `clock`."""
    from quiz.tui.launch import run_app

    run_app([], clock=clock)


def _open_due_session(clock: Clock) -> None:
    """`drillbit study` with no option: a due session on the bank, on `clock`."""
    from quiz.tui.launch import run_study

    run_study([], clock=clock)


def _without_click(action: Callable[[], None], args: Sequence[str], *, as_json: bool) -> None:
    """Run `action` (for the command line `args`) with `quiz.cli.group.main`'s handling of
    what it can raise: a DrillbitError (a file name too long for the system too) is one line
    (JSON on stdout when JSON was asked for) and its exit code, Ctrl-C is "Aborted." (exit
    130; an end of input, 1: `aborted`). A closed pipe goes on to `main`, as it does from
    `quiz.cli.group.main`: one handling for every command."""
    from quiz.errors import DrillbitError, names_too_long_told

    try:
        with names_too_long_told(args):
            action()
    except (EOFError, KeyboardInterrupt) as exc:
        print(file=sys.stderr, flush=True)  # closes the terminal's ^C echo
        aborted(interrupted=isinstance(exc, KeyboardInterrupt))
    except DrillbitError as exc:
        if as_json:
            from quiz.cli.group import json_drillbit_error

            json_drillbit_error(exc)
        print(exc.error_line(), file=sys.stderr, flush=True)
        sys.exit(exc.exit_code)


def __getattr__(name: str) -> Any:
    """`cli`, the click group, imported when first asked for."""
    if name == "cli":
        from quiz.cli.group import cli as group

        return group
    raise AttributeError(f"module 'quiz.cli' has no attribute {name!r}")
