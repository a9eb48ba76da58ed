"""A text box's editing keys, done when the box reads them, in the order typed.

Textual runs a focused Input's bindings (backspace, ctrl+u, the arrows) only once the key
has bubbled back up to the app, while its printable keys go in at once. Keys typed in a
burst (a fast typist, a paste, tmux's send-keys) reach the box in order, so every
character after an editing key went in before the editing key acted: "2026-13-40", then
ctrl+u and "2026-12-20" in one burst emptied the box after the new date was typed, and
the enter saved nothing ("No interview plan was set; nothing changed.")."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

IN_ORDER_ACTIONS = {
    "backspace": "delete_left",
    "delete": "delete_right",
    "ctrl+u": "delete_left_all",
    "ctrl+w": "delete_left_word",
    "ctrl+k": "delete_right_all",
    "left": "cursor_left",
    "right": "cursor_right",
    "home": "home",
    "end": "end",
}
"""An editing key of Input's -> its action, run in the box's own turn."""


def edit_in_order(box: Input, event: events.Key) -> bool:
    """Do `event`'s edit now if it is one of the box's editing keys (True: done)."""
    action = IN_ORDER_ACTIONS.get(event.key)
    if action is None:
        return False
    event.stop()
    event.prevent_default()
    getattr(box, f"action_{action}")()
    return True


class InOrderInput(Input):
    """An Input whose editing keys act in the order typed (the settings' box, a number
    card's answer, the card browser's search). Textual runs each class's key handler in
    turn, base classes after, until one prevents the default: a subclass's own handler
    runs first."""

    async def _on_key(self, event: events.Key) -> None:
        edit_in_order(self, event)
