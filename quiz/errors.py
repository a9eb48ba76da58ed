"""The project's error hierarchy: what the CLI and the app print as one line, with an exit code.

Every error a person can cause or meet (bad input, a damaged or unwritable database, a
wrong DRILLBIT_HOME) is a DrillbitError; anything else escaping is a bug and keeps its
traceback. The CLI's `main` and the app's start turn these into a message and an exit code
in one place each; commands do not re-wrap them.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

INTERRUPTED_EXIT_CODE = 130
"""A command Ctrl-C stopped before it finished: 128 + SIGINT, what a shell shows for a
process the interrupt ended (`drillbit watch` and `drillbit serve`, which Ctrl-C is the
way to stop, exit 0 instead)."""


ERROR_PREFIX = "drillbit: "
"""What every error line on stderr starts with, click's usage errors included."""

CONTROL_CHARACTERS = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
"""The characters that let text drive a terminal or reorder what it shows: C0 controls but
tab and newline (ESC, which starts every escape sequence, and CR, which writes over the
line), DEL, C1 controls, and Unicode's bidirectional controls and implicit marks."""


def escape_controls(text: str) -> str:
    """`text` with each of CONTROL_CHARACTERS written as Python writes it in a string
    (`\\x1b`, `\\u202e`): a name a person typed, quoted back in an error, is shown as typed
    instead of moving the terminal's cursor or clearing its screen, and two names that
    differ only by such a character no longer print alike ("no card 'sigmoid': did you
    mean 'sigmoid'?" when click stripped the sequence on a pipe)."""
    return CONTROL_CHARACTERS.sub(lambda found: repr(found.group())[1:-1], text)


def escape_path(path: object) -> str:
    """`path` as text with its control characters escaped as `escape_controls` does, tab
    and newline too: a file name with a newline in it, named in a report of lines (the
    import's `notes.md:12`), broke the line in two where the name is one."""
    return escape_controls(str(path)).replace("\t", "\\t").replace("\n", "\\n")


class DrillbitError(Exception):
    """Base of every error drillbit reports to a person instead of a traceback."""

    exit_code = 1

    def __init__(self, message: str, *, title: str = "drillbit") -> None:
        super().__init__(message)
        self.message = message
        self.title = title

    def one_line(self) -> str:
        """`title: message` on one line (newlines in the message become spaces, and
        control characters escapes: `escape_controls`)."""
        return f"{self.title}: {' '.join(escape_controls(self.message).split())}"

    def error_line(self) -> str:
        """The line a command prints for this error on stderr: `one_line` after "drillbit: ",
        the prefix every error line of every command starts with (a person, or a script
        that greps stderr, read "config: ..." beside "drillbit: ..." and "Error: ...")."""
        return self.one_line() if self.title == "drillbit" else ERROR_PREFIX + self.one_line()


class UsageError(DrillbitError):
    """The command was called wrongly (unknown drill, missing path...)."""

    exit_code = 2


class DataDirError(DrillbitError):
    """DRILLBIT_HOME (or the platform data folder) cannot be used as a folder."""

    def __init__(self, message: str) -> None:
        super().__init__(message, title="data folder")


class InputFileError(DrillbitError):
    """A file given to drillbit cannot be read as the text it should be (type, size, encoding).

    The message is `path: reason` (or `path:line: reason`); `reason`, `line` and `column`
    are kept apart for reports that place problems themselves (lint's `path:line:col`,
    which editors and GitHub annotations read: a column only in the words was lost to them).
    """

    def __init__(
        self,
        path: object,
        reason: str,
        *,
        line: int | None = None,
        column: int | None = None,
        title: str = "input",
    ) -> None:
        place = f"{path}:{line}" if line is not None else f"{path}"
        super().__init__(f"{place}: {reason}", title=title)
        self.path = path
        self.reason = reason
        self.line = line
        self.column = column


NAME_MAX = 255
"""The most bytes a file name may take on Linux's and macOS's file systems (ext4, APFS...)."""


def name_too_long(exc: OSError, typed: Sequence[str]) -> DrillbitError | None:
    """The error a person meets for a path with a name the system refuses as too long
    (ENAMETOOLONG), None for any other OSError. Python's `Path.exists()` and `is_dir()`
    raise it rather than answer False, from wherever a command first looks at the path
    (`grade`'s FILE, `lint`'s PATHS, a `--content` folder, the loader's walk): a traceback
    of pathlib's. It is told in one place, naming the name and its length; a path the
    command line gave (`typed`) is a wrong command line (exit 2), one from the environment
    (DRILLBIT_CONTENT, DRILLBIT_HOME) exit 1."""
    if exc.errno != errno.ENAMETOOLONG or exc.filename is None:
        return None
    path = os.fsdecode(exc.filename)
    shown_path = path if len(path) <= 80 else f"{path[:80]}…"
    names = [name for name in path.split(os.sep) if len(os.fsencode(name)) > NAME_MAX]
    if names:
        name = names[0]
        shown = name if len(name) <= 40 else f"{name[:40]}…"
        said = (
            f"file name too long: {shown!r} is {len(os.fsencode(name))} bytes, over the "
            f"{NAME_MAX} a file name may have (in {shown_path})"
        )
    else:
        name = os.path.basename(path)
        said = f"path too long: {len(os.fsencode(path))} bytes, over what the system takes ({shown_path})"
    given = bool(name) and any(name in arg for arg in typed)
    return UsageError(said) if given else DrillbitError(said)


@contextmanager
def names_too_long_told(typed: Sequence[str]) -> Iterator[None]:
    """Run the block with a name too long for the system told as `name_too_long` tells it
    (any other OSError goes on as it was): the one wrapper the CLI's two runners (the group's
    `main` and `quiz.cli`'s runs without click) share, so both say it alike."""
    try:
        yield
    except OSError as exc:
        told = name_too_long(exc, typed)
        if told is None:
            raise
        raise told from exc
