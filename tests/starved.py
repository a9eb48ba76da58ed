"""`-p tests.starved`: run the TUI tests as a starved process does on a loaded machine.

Textual's `wait_for_idle` (behind `pilot.press` and `pilot.pause()`) guesses that the app
is done when this process used little CPU during a 20 ms sleep; a process the scheduler
did not run at all passes that guess at once, with the app's messages still queued. This
plugin makes the guess always pass after one turn of the event loop, so a test that reads
the screen before waiting for what it needs fails on every run instead of one run in
many: `uv run pytest -p tests.starved tests/tui`, which passes: the TUI tests wait for what
they read (`settle`, `press`, `showing` and `wait_until` in tests/tui/conftest.py), not for
`pilot.pause()`'s guess. Not loaded by default, so a plain run still tests Textual's own
waiting as a person's machine runs it.
"""

from __future__ import annotations

import asyncio

import textual.app
import textual.pilot


async def _one_turn(*_args: object, **_kwargs: object) -> None:
    await asyncio.sleep(0)


textual.app.wait_for_idle = _one_turn  # type: ignore[attr-defined]
textual.pilot.wait_for_idle = _one_turn  # type: ignore[attr-defined]
