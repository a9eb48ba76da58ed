"""The messages a tab's page sends over its websocket, read defensively.

textual.js sends JSON envelopes: `["stdin", text]`, `["resize", {"width": w, "height": h}]`,
`["ping", data]`, `["blur"]`, `["focus"]`. textual-serve read them with `assert` and
indexing: a message that was not JSON, not a list, too short or with a size that is not
a number ended the tab's app with a traceback in the console. Here such a message is
None (the server skips it), and a size is kept within what a screen can show: a resize
to 100000 x 100000 cells asked the app to draw ten billion of them. JSON nested deeper
than Python's recursion limit (`[[[[...`, 200 KB of it) is skipped too: `json.loads` raised
RecursionError, not ValueError, which ended the tab with a traceback (fortieth round).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

__all__ = ["MOST_CELLS", "Envelope", "cells", "read_envelope", "terminal_size"]

MOST_CELLS = 1000
"""The most columns, and the most rows, a tab's terminal gets: more than any screen shows."""


@dataclass(frozen=True)
class Envelope:
    """One message from a tab's page: its type and its data (text, a size, a ping's)."""

    kind: str
    text: str = ""
    size: tuple[int, int] = (0, 0)
    ping: object = None


def cells(value: object) -> int | None:
    """A number of columns or rows from a page (JSON or a query string), from 1 to
    `MOST_CELLS`; None when it is no whole number."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return None
    try:
        number = int(value)
    except ValueError:
        return None
    return max(1, min(MOST_CELLS, number))


def terminal_size(width: object, height: object) -> tuple[int, int]:
    """The columns and rows to start a tab's app with (the page's query): 80 x 24 for a
    value that is no number, as textual-serve does."""
    return cells(width) or 80, cells(height) or 24


def read_envelope(text: str) -> Envelope | None:
    """The message in `text`, or None when it is none textual.js sends."""
    try:
        envelope = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: nested past the interpreter's limit
        return None
    if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
        return None
    kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
    if kind == "stdin":
        return Envelope(kind, text=data) if isinstance(data, str) else None
    if kind == "resize":
        if not isinstance(data, dict):
            return None
        width, height = cells(data.get("width")), cells(data.get("height"))
        if width is None or height is None:
            return None
        return Envelope(kind, size=(width, height))
    if kind == "ping":
        return Envelope(kind, ping=data)
    if kind in ("blur", "focus"):
        return Envelope(kind)
    return None
