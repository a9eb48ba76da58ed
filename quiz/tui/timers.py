"""Textual's one-shot timers fire even when their task is held up at its start.

Textual's `Timer` skips the ticks it is already late for (`skip=True`, the default), and
it measures that lateness from a clock read taken by its own task. A one-shot timer
(`set_timer`, `repeat=0`) whose task is held between its first two clock reads for longer
than its delay (another thread holding the GIL, a garbage collection, a loaded machine
that did not run the process) counts its one tick as skipped and ends without calling
back. The app's Resize waits on such a timer of 1/120 s, and until that timer has called
back the app sends its screens no later Resize either: once lost, the app never laid out
at a new terminal size again (test_resize_columns.py failed that way under load). The
study screen's day end, the browser's search pause, the drill's autosave and the clock's
tick are one-shot timers too. A one-shot timer here never skips: late, it fires at once.
"""

from __future__ import annotations

from functools import wraps
from typing import Any

from textual.timer import Timer

_FIXED = "_drillbit_one_shots_fire"


def fire_late_one_shots() -> None:
    """Make every one-shot Textual timer fire once, however late (once per process)."""
    original = Timer.__init__
    if getattr(original, _FIXED, False):
        return

    @wraps(original)
    def init(self: Timer, *args: Any, repeat: int | None = None, **kwargs: Any) -> None:
        if repeat == 0:  # one tick only: skipping it would be not firing at all
            kwargs["skip"] = False
        original(self, *args, repeat=repeat, **kwargs)

    setattr(init, _FIXED, True)
    Timer.__init__ = init  # type: ignore[method-assign]
