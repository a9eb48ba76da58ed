"""A screen's priority key acting after the keys typed before it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.dom import DOMNode
from textual.message_pump import MessagePump
from textual.screen import Screen


def after_typed_keys(screen: Screen[Any], act: Callable[[], object]) -> None:
    """Run `act` once the keys already sent to the focused widget have done what they do.

    A screen's priority binding (enter on the settings, the drill list, the card browser,
    ctrl+r in a drill) runs as soon as the app reads its key. The keys typed just before it
    (typed fast, pasted, or sent by tmux in one burst) were forwarded to the focused widget:
    a letter is put in a search box or an editor when its turn comes, and an arrow moves a
    table's cursor only once it has bubbled back up to the app, where Textual checks the
    other bindings. Read at once, the cursor was on the row it was leaving and the box (or
    the code graded) without its last letters. So `act` follows their path, a turn in each queue from there up to the app.
    """
    start: DOMNode = screen.focused or screen
    path: list[MessagePump] = [start, *start.ancestors]

    def hop(step: int) -> None:
        if step == len(path):
            act()
        else:
            path[step].call_later(hop, step + 1)

    hop(0)
