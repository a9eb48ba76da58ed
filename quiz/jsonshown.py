"""A decoded JSON value named in an error: its kind, with a short value where one helps.

A backup's row and a notebook's cell are both JSON a person may have edited; both say
what they found where something else was expected (`is a string ("3"), not a number`)
with this one function, so the two errors name a value alike.
"""

from __future__ import annotations

import json
from typing import Any

SHOWN_CHARS = 40
"""How much of a value an error quotes: a whole 5 MB string is no help."""


def shown(value: Any) -> str:
    """A decoded JSON value's type, with a short value: `a string ("3")`, `true`."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        text = repr(value)
        return f"a number ({text[:SHOWN_CHARS]}{'…' if len(text) > SHOWN_CHARS else ''})"
    if isinstance(value, str):
        quoted = json.dumps(value[:SHOWN_CHARS], ensure_ascii=False)
        return f"a string ({quoted}{'…' if len(value) > SHOWN_CHARS else ''})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
