"""Where a screen sits among the app's screens: what is under it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.screen import Screen


def screen_under(stack: Sequence[Screen[Any]], screen: Screen[Any]) -> Screen[Any] | None:
    """The screen right under `screen` in `stack`: one of drillbit's, or None when only
    Textual's blank base screen is there (or `screen` is not on the stack).

    Leaving a summary goes back to it (`DrillbitApp.action_home`), and the summary's
    footer names it (Home or Back).
    """
    index = next((i for i, shown in enumerate(stack) if shown is screen), 0)
    return stack[index - 1] if index > 1 else None
