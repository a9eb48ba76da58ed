"""The `drillbit` command line: parse, call, print. Business logic lives elsewhere.

`main` is the console script; `quiz/cli/group.py` says where a new command goes. The
click group (`cli`) is imported on first use: `drillbit` alone opens the app without it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quiz.cli.group import cli

__all__ = ["cli", "main"]

COMPLETE_ENV = "_DRILLBIT_COMPLETE"
"""Set by a shell asking click for completions: click answers it, even with no arguments."""


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point (see `quiz.cli.group.main`).

    `drillbit` with no arguments does what the root group does then, open Home on the
    bank, with the same error handling, but without importing click and the group's
    options (30-40 ms of a start of the app); anything else goes through the group.
    """
    args = list(argv) if argv is not None else sys.argv[1:]
    if not args and COMPLETE_ENV not in os.environ:
        _open_home()
        return
    from quiz.cli.group import main as run

    run(args)


def _open_home() -> None:
    """The root group's callback for no command, with `quiz.cli.group.main`'s handling of
    what it can raise: a DrillbitError is one line and its exit code, an interrupt is
    "Aborted." (exit 1), a closed pipe exits 1 without flushing, as click's `main` does."""
    from quiz.errors import DrillbitError

    try:
        from quiz.tui.launch import run_app

        run_app([])
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)  # closes the terminal's ^C echo
        print("Aborted.", file=sys.stderr)
        sys.exit(1)
    except DrillbitError as exc:
        print(exc.one_line(), file=sys.stderr)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        os._exit(1)


def __getattr__(name: str) -> Any:
    """`cli`, the click group, imported when first asked for."""
    if name == "cli":
        from quiz.cli.group import cli as group

        return group
    raise AttributeError(f"module 'quiz.cli' has no attribute {name!r}")
