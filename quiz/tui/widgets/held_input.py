"""An input box that holds the keys typed while it opens, and types them once it is open.

Enter on a settings row opens its box only after the keys typed before it have moved the
table's cursor (`after_typed_keys`). Keys typed right after enter (ctrl+u and a new value,
typed fast or sent in one burst) reached the table, which ignored the letters, or the box
before its value was set: the text was lost, and ctrl+u could empty the box for the next
enter to save. Held, they are typed in order once the value is in place.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input


class KeyHold:
    """The keys typed while a box opens, from the table or the box itself."""

    def __init__(self) -> None:
        self.keys: list[events.Key] | None = None
        """None: nothing opening; else the keys held so far, in the order typed."""

    @property
    def holding(self) -> bool:
        return self.keys is not None

    def start(self) -> None:
        self.keys = []

    def hold(self, event: events.Key) -> bool:
        """Keep `event` for later when holding (and stop it here), else leave it."""
        if self.keys is None:
            return False
        self.keys.append(events.Key(event.key, event.character))
        event.stop()
        event.prevent_default()
        return True

    def hold_key(self, key: str) -> None:
        """A key that a priority binding took (enter) kept as if typed in the box."""
        if self.keys is not None:
            self.keys.append(events.Key(key, None))

    def release(self, box: Widget) -> None:
        """Type the held keys into `box`, in order, ahead of any typed after this."""
        keys, self.keys = self.keys or [], None
        for key in keys:
            key._set_forwarded()  # as the app forwards a key it read: bindings, not again
            box.post_message(key)


class HeldInput(Input):
    """An `Input` whose keys wait in `hold` while it is opening."""

    def __init__(self, hold: KeyHold, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.hold = hold

    async def _on_key(self, event: events.Key) -> None:
        if self.hold.hold(event):
            return
        await super()._on_key(event)
