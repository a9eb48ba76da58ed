"""`export progress` (and `export anki`) to a stream: standard output (`-`, `/dev/stdout`),
a device.

Such a target cannot take the export's temporary file and rename (a rename over
`/dev/stdout` would replace the device's name, in a folder drillbit may not write), and
its name was refused for lacking `.json`, with "did you mean /dev/stdout.json?". It is
written as asked instead: the backup is made whole in the data folder first (a damaged
database is found before a byte is sent, and a failure sends nothing), then copied to
the stream, plain JSON unless the name ends in `.gz`.

`import-progress` reads a file: `-` was "File '-' does not exist" and a pipe (`/dev/stdin`
under `|`, a FIFO) "a FIFO (named pipe), not a regular file", with no way on; both now say
to save the backup to a file first (`refuse_stream_import`).
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from quiz.errors import DrillbitError, UsageError

Counted = TypeVar("Counted")

STANDARD_OUTPUT = "-"
"""The FILE that means standard output, as tar, curl and gzip read it."""

STREAM_FOLDERS = (Path("/dev"), Path("/proc/self/fd"))
"""Where a name is a stream even when it leads to a regular file: `/dev/stdout` of a
command whose output a shell sent to `> backup.json`."""


def is_stream(file: Path) -> bool:
    """`file` is written in place, never replaced: `-`, a name in /dev, or a device. A FIFO
    is not (it is refused as before, by `quiz.ecosystem.outfile`): opening one that nothing
    reads waits for a reader, and an export must never hang."""
    if str(file) == STANDARD_OUTPUT or file.parent in STREAM_FOLDERS:
        return True
    try:
        mode = os.stat(file).st_mode
    except OSError:  # nothing there: a new file, as any export's
        return False
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode)


def refuse_stream_import(file: Path) -> None:
    """UsageError for `import-progress` given `-` or a stream (a pipe, a FIFO, a device),
    with the command line that saves the backup to a file first."""
    if str(file) == STANDARD_OUTPUT:
        what = "standard input"
    else:
        try:
            mode = os.stat(file).st_mode
        except OSError:
            return  # not there: click's own "does not exist"
        if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
            return
        what = (
            "a pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
        )
    raise UsageError(
        f"{stream_name(file, reading=True)} is {what}, and a progress backup is read from a "
        "file: save it to one first (`ssh HOST drillbit export progress - > backup.json`) "
        "and give its name",
        title="import-progress",
    )


def refuse_terminal(file: Path, *, what: str, title: str) -> None:
    """UsageError when the stream `file` is a terminal and `what` (an Anki deck: a zip of
    an SQLite file) is binary: `drillbit export anki -` poured it onto the screen, which
    can leave the terminal in a state that needs `reset`, as gzip refuses to."""
    if str(file) == STANDARD_OUTPUT:
        terminal = sys.stdout.isatty()
    else:
        try:  # O_NOCTTY: looking never makes it this process's terminal
            handle = os.open(file, os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK)
        except OSError:
            return  # its own write says why
        try:
            terminal = os.isatty(handle)
        finally:
            os.close(handle)
    if terminal:
        raise UsageError(
            f"{stream_name(file)} is a terminal, and {what} is binary: not written to it; "
            f"send it to a file (`> deck.apkg`) or give a FILE",
            title=title,
        )


def stream_name(file: Path, *, reading: bool = False) -> str:
    """`file` as a message names it (`-` is standard output, or input when `reading`)."""
    if str(file) == STANDARD_OUTPUT:
        return "'-'" if reading else "standard output"
    return str(file)


def whole_then_sent(
    file: Path,
    folder: Path,
    write: Callable[[Path], Counted],
    *,
    name: str | None = None,
    title: str = "export progress",
) -> Counted:
    """Call `write` with a temporary path in `folder` (`name`, else a progress backup's:
    `.json.gz` when `file`'s name ends in `.gz`), then copy what it wrote to `file`;
    `write`'s result is returned. The temporary copy is removed whatever happens."""
    suffix = ".json.gz" if file.name.lower().endswith(".gz") else ".json"
    name = name or f"progress{suffix}"
    with tempfile.TemporaryDirectory(prefix=".export-", dir=folder) as scratch:
        whole = Path(scratch) / name
        result = write(whole)
        _send(whole, file, title)
    return result


def _send(whole: Path, file: Path, title: str) -> None:
    """Copy `whole` to the stream `file` (standard output's descriptor for `-`)."""
    try:
        with whole.open("rb") as source:
            if str(file) == STANDARD_OUTPUT:
                sys.stdout.flush()
                shutil.copyfileobj(source, sys.stdout.buffer)
                sys.stdout.buffer.flush()
                return
            with file.open("wb") as out:
                shutil.copyfileobj(source, out)
    except BrokenPipeError:
        raise  # the reader went: the command line's own handling (`quiz.cli.pipe`)
    except OSError as exc:
        raise DrillbitError(
            f"cannot write {stream_name(file)}: {exc.strerror or exc}", title=title
        ) from exc
