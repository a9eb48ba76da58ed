"""`-p tests.late_notices`: run the TUI tests with every notice read 30 s late.

Textual removes a notice (a toast) once its timeout of wall clock has passed (5 s unless
the notice names its own), from the screen and from `app._notifications` alike. A test
that reads one after a few keys passes on a quick machine and fails on a loaded one, where
those keys took longer than the timeout. This plugin moves the clock the notices read 30 s
ahead, so such a test fails on every run instead of one run in many:
`uv run pytest -p tests.late_notices tests/tui/test_study_loop.py`, which passes: the TUI
tests read the notices the app handled (`notices(recorder)` in tests/tui/conftest.py), and
a test that looks at a toast on the screen makes it stay (`NOTIFICATION_TIMEOUT`). Not
loaded by default, so a plain run still shows notices leaving as a person sees them.
"""

from __future__ import annotations

from time import time

import textual.notifications

LATE_SECONDS = 30.0
"""How far ahead the notices' clock runs: every notice but the store's 60 s error (the
default 5 s; 15, 20 and 30 s where a notice names its own) has left when a test reads it."""

textual.notifications.time = lambda: time() + LATE_SECONDS  # type: ignore[attr-defined]
