"""The keys typed after a priority key whose act waits, held until it has acted.

Enter on a settings row opens its box only once the arrows typed before it have moved the
table's cursor (`after_typed_keys`). The keys typed after that enter, in the same burst (a
fast typist's ctrl+u and a new value, a paste, tmux's send-keys), were read by the app in
the meantime and went to the table: the new value was lost, the box opened with the old
one, and the burst's last enter did nothing.

Only the app knows each key's place in the stream: it reads them one at a time, in the
order typed, and runs a priority binding while it reads that key. So the gate is shut
while enter's act waits, and every key the app reads then is one typed after enter; the
keys typed before it were already on their way to the table and are not held (holding at
the screen held those too: an arrow bubbles up through the screen after the enter that
followed it is read). Once the act is done the held keys are read again, in order, each
once the one before it has done what it does (ctrl+u empties the box only when it is back
at the app, where the box's bindings are checked: a digit read sooner would be emptied)."""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.app import App
from textual.screen import Screen

from quiz.tui.widgets.typed_keys import after_typed_keys


class KeyGate:
    """The app's keys, held while a screen's act waits and read again in order after."""

    def __init__(self, app: App[Any], read: Callable[[events.Key], Awaitable[None]]) -> None:
        self.app = app
        self.read = read
        """How the app reads a key past the gate (its own key handling)."""
        self.held: deque[events.Key] = deque()
        self.shut_for: Screen[Any] | None = None
        """The screen whose act the gate waits for; None: open."""
        self.reading = False
        """True while held keys are read again (a key typed then waits behind them)."""

    def shut(self, screen: Screen[Any]) -> None:
        """Hold every key read from now on until `reopen` (its act has acted)."""
        self.shut_for = screen

    def reopen(self) -> None:
        """Read the held keys again, once what the act started (a box's focus) is done."""
        self.shut_for = None
        if self.held and not self.reading:
            self.reading = True
            self.app.call_later(self._read_next)

    def holds(self, event: events.Key) -> bool:
        """Keep `event` for later if it must wait; False: the app reads it now."""
        if event.is_forwarded:  # a key on its way back up from a widget, read already
            return False
        if self.shut_for is not None and self.shut_for is not self.app.screen:
            self.reopen()  # the screen went away before it acted: nothing to wait for
        if self.shut_for is None and not self.held and not self.reading:
            return False
        self.held.append(event)
        return True

    async def _read_next(self) -> None:
        if self.shut_for is not None or not self.held:  # a held enter shut it again, or done
            self.reading = False
            return
        await self.read(self.held.popleft())
        after_typed_keys(self.app.screen, lambda: self.app.call_later(self._read_next))


def act_then_read_held_keys(screen: Screen[Any], act: Callable[[], object]) -> None:
    """Run `act` once the keys typed before the key being read have done what they do,
    holding the keys typed after it until then (`KeyGate`: the app's `key_gate`)."""
    gate = getattr(screen.app, "key_gate", None)
    if not isinstance(gate, KeyGate):
        after_typed_keys(screen, act)
        return
    gate.shut(screen)

    def then() -> None:
        try:
            act()
        finally:
            gate.reopen()

    after_typed_keys(screen, then)
