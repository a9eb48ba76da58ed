"""Watch a file and call back when a save has settled, like rustlings' watch mode.

Polling the path (not a file descriptor) works with editors that save by writing a
temp file and renaming it over the original: the inode changes and we notice.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Protocol

from quiz.drill_source import SOURCE_LIMIT
from quiz.errors import InputFileError
from quiz.textsafe import Signature, file_signature, read_regular_text


class Stop(Protocol):
    """What the watch loop asks to know when to stop (a threading.Event will do)."""

    def wait(self, timeout: float) -> bool: ...

    def is_set(self) -> bool: ...


class CtrlC:
    """Ctrl-C for watch mode, as a flag: the first press asks the loop to stop, a second
    stops at once (KeyboardInterrupt, as before).

    Python raises KeyboardInterrupt wherever the main thread happens to be, a grading or
    the sandbox pool's locks included, and leaves that work half done for the exit to
    wait on (a CI run once waited over 30 s for watch to end; not seen again in 30 runs).
    Here the handler only sets a flag and writes with os.write (no Python lock), and the
    loop stops between gradings: within its poll (0.1 s), or when a grading in progress
    ends (its time limit bounds it).
    """

    NOTICE = "Stopping when this grading ends (Ctrl-C again stops now)."
    """What a press during a grading writes at once, on stderr."""
    STOPPING = "Stopping: Ctrl-C was pressed during this grading."
    """What watch says after that grading's verdict: on a terminal the verdict clears the
    screen, and the notice with it."""

    def __init__(self) -> None:
        self.pressed = False
        self.grading = False
        """Set by the caller around a grading, so that a press says it waits for it."""

    def handle(self, _signum: int, _frame: FrameType | None) -> None:
        """The SIGINT handler (`ctrl_c_stops` installs it)."""
        if self.pressed:
            raise KeyboardInterrupt
        self.pressed = True
        if self.grading:
            os.write(2, f"\n{self.NOTICE}\n".encode())

    def wait(self, timeout: float) -> bool:
        """Sleep `timeout` seconds (a press cuts nothing short: it is seen at the next poll)."""
        if not self.pressed:
            time.sleep(timeout)
        return self.pressed

    def is_set(self) -> bool:
        return self.pressed


@contextmanager
def ctrl_c_stops() -> Iterator[CtrlC]:
    """Ctrl-C as a `CtrlC` flag inside the block; the handler before it is put back after."""
    ctrl_c = CtrlC()
    previous = signal.signal(signal.SIGINT, ctrl_c.handle)
    try:
        yield ctrl_c
    finally:
        signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)


def read_source(path: Path, *, title: str) -> str:
    """A drill's source from the file at `path`, as Python reads a file (one leading byte
    order mark dropped): a regular UTF-8 file of at most SOURCE_LIMIT bytes, InputFileError
    (titled `title`, naming the file and the line) otherwise, never a hang on a FIFO."""
    return read_regular_text(path, limit=SOURCE_LIMIT, title=title).removeprefix("\ufeff")


def watch_file(
    path: Path,
    on_change: Callable[[str], None],
    stop: Stop,
    *,
    poll_seconds: float = 0.1,
    settle_seconds: float = 0.15,
    graded: Signature = None,
    on_unreadable: Callable[[InputFileError], None] | None = None,
) -> None:
    """Call `on_change(text)` once per settled save until `stop` is set.

    A save that cannot be graded (over SOURCE_LIMIT, not UTF-8, a FIFO or a folder put in
    its place: `read_source`) goes to `on_unreadable` once, then the watch goes on; such a
    save was read whole (a FIFO: forever) or passed over without a word.

    A save has settled when the file exists and its signature stayed the same for
    `settle_seconds`: a burst of writes (or unlink + rename) grades once, not many times.
    `graded` is the signature of the text the caller already graded, taken before it read
    that text; a save made while that grading ran then still counts. None: read it now.
    """
    last_graded = graded if graded is not None else file_signature(path)
    while not stop.wait(poll_seconds):
        current = file_signature(path)
        if current is None or current == last_graded:
            continue
        # debounce: wait until the signature stops changing
        while not stop.wait(settle_seconds):
            settled = file_signature(path)
            if settled == current:
                break
            current = settled
        if stop.is_set() or current is None:
            continue
        try:
            text = read_source(path, title="watch")
        except InputFileError as exc:
            if file_signature(path) != current:  # replaced while read: read the new save
                continue
            last_graded = current
            if on_unreadable is not None:
                on_unreadable(exc)
            continue
        last_graded = current
        on_change(text)
