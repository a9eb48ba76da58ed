"""Ctrl-C, `kill` and a closed terminal held until the file being written is whole.

`drillbit import` writes one card file after another. A Ctrl-C that landed between a card
file's creation and its bytes left an empty file there: the next import of the same notes
skipped that card ("already exists as a file, which does not load as a card") until
`--force`, which also overwrites the cards a person edited. Here such a signal waits for
the file in progress, and the writing stops before the next one.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType

from quiz.store.staged import ENDING_SIGNALS

_Handler = Callable[[int, FrameType | None], object] | int | signal.Handlers

HELD = (signal.SIGINT, *ENDING_SIGNALS)
"""Ctrl-C, `kill` (SIGTERM) and a closed terminal (SIGHUP)."""


@contextlib.contextmanager
def held_between_files() -> Iterator[Callable[[], None]]:
    """While inside, HELD signals are noted, not acted on; the block calls what this yields
    between two files, which then acts on the first one noted as it would have (Ctrl-C
    raises KeyboardInterrupt, `kill` ends the process), its handler put back. One noted
    after the last call acts at the block's end. Outside the main thread (only it may set
    handlers) and for a signal the process ignores (`nohup`), nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield lambda: None
        return
    arrived: list[int] = []
    previous: dict[int, _Handler] = {}

    def note(signum: int, _frame: FrameType | None) -> None:
        arrived.append(signum)

    def put_back() -> None:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        previous.clear()

    def act_on_the_first() -> None:
        if arrived:
            put_back()
            signal.raise_signal(arrived[0])  # its own handler: KeyboardInterrupt, or the end
            raise KeyboardInterrupt  # a handler that did not stop it: stop as Ctrl-C does

    for signum in HELD:
        if signal.getsignal(signum) is not signal.SIG_IGN:
            previous[signum] = signal.signal(signum, note) or signal.SIG_DFL
    try:
        yield act_on_the_first
    finally:
        put_back()
    act_on_the_first()
