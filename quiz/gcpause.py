"""Hold the cyclic garbage collector during a burst of allocations that make no cycles.

Each burst of surviving allocations starts collections that walk everything alive:
a third of a 10,000-card bank's load, and, with that bank in memory (some 170,000
tracked objects), about 0.15 s of the stats screen's 0.2 s of compute, for reading
10,000 rows from the store. The objects built in such a burst are acyclic: reference
counting frees them anyway.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
from collections.abc import Iterator

__all__ = ["StartupCollector", "freeze_at_exit", "gc_paused", "to_the_exit"]


@contextlib.contextmanager
def gc_paused(*, long_lived: bool = False) -> Iterator[None]:
    """Hold the cyclic collector inside the block; it runs again afterwards if it was on.

    With `long_lived`, what the block built is meant to stay (a loaded bank): it goes
    straight to the oldest generation (see `_promote`) instead of being walked by the
    first young collection after the block, which for a 10,000-card load (some 116,000
    new tracked objects) took 160 ms, a tenth of the load."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if long_lived:
                _promote()
            gc.enable()


@contextlib.contextmanager
def to_the_exit() -> Iterator[None]:
    """No collection inside the block nor at the interpreter's exit: for a short command
    whose process ends when the block does (`drillbit stats --json`).

    Everything such a command builds lives until it prints; the young collections during
    it and the interpreter's last collection at its exit only walk objects that reference
    counting frees anyway. On the heavy history: about 50 ms of that command's 400 ms of
    CPU. So the collector is held for the block and everything alive at its end is frozen
    (`gc.freeze`), which the exit's collection skips. Not for anything that goes on after
    the block, such as a test calling the command in its own process."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def freeze_at_exit() -> None:
    """When the interpreter exits, freeze everything first: its last collection then walks
    nothing (an app's own exit, after it quits; registered once per process).

    At exit that collection walks every object still tracked and frees the app's cyclic
    garbage (widgets, styles, messages), only for the process to end: 0.1-0.3 s of CPU
    after a Textual app quits, a bare one included. What is frozen is left to the system
    like the rest of the process's memory. drillbit closes its database and files itself
    (never through a collection), and `weakref.finalize` callbacks (temporary folders)
    still run at exit."""
    global _freezing_at_exit
    if not _freezing_at_exit:
        _freezing_at_exit = True
        atexit.register(gc.freeze)


_freezing_at_exit = False


def _promote() -> None:
    """Move every tracked object to the oldest generation without walking them.

    `gc.freeze` splices the generations' lists onto the permanent one and `gc.unfreeze`
    splices that onto the oldest: both constant time, and the young counts start again
    from zero. Nothing is kept from the collector: the next full collection walks these
    objects as it would have after their promotion, and frees any cycle among them. Not
    done while something else is frozen (the app after its first frame, see
    `StartupCollector`): `unfreeze` would release that too."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


class StartupCollector:
    """Hold the cyclic collector while an app builds its first screen, then freeze.

    Building the first screen allocates in bursts (widgets, styles, the card index's
    10,000 refs already in memory) and every burst started collections that walked all of
    it: about a tenth of the start of a 10,000-card bank. After the first frame,
    everything alive is long-lived (modules, the index, the screens), so it is frozen
    (`gc.freeze`): later collections, such as the stats screen's, walk only what is new.
    The few cycles that became garbage during the start are frozen with it (a bounded,
    one-time cost, as the `gc.freeze` documentation's own start-up pattern accepts) until
    `release` unfreezes everything at the app's end.
    """

    def __init__(self) -> None:
        self._was_enabled = gc.isenabled()
        self._held = False
        self._frozen = False

    def hold(self) -> None:
        """Stop automatic collections (call as the app mounts)."""
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._held = True

    def settle(self) -> None:
        """Freeze what the start built and collect again as before (after the first frame)."""
        if not self._held:
            return
        self._held = False
        gc.freeze()
        self._frozen = True
        if self._was_enabled:
            gc.enable()

    def release(self) -> None:
        """Unfreeze (the app is ending): a later collection may reclaim any of it again."""
        if self._held:
            self._held = False
            if self._was_enabled:
                gc.enable()
        if self._frozen:
            self._frozen = False
            gc.unfreeze()
