"""How often `drillbit serve` answers a wrong token at once: a few free, then waits that double.

The token is 256 random bits compared in constant time, so no guess gets in whatever the
rate (the rate the server compares them at is measured in docs/security.md); the bound is
there so that a wrong token sent in a loop shows in 429s and a console line rather than a
thousand 403s. After `FREE_TRIES` wrong tokens in a row, a wrong token is answered "wait"
(429, not counted) until `FIRST_WAIT` seconds after the last counted one, that wait doubling
with each up to `LONGEST_WAIT`. The right token is compared first and never waits: until the
forty-sixth round every token waited, so a local program sending wrong ones without end kept
the user's new logins out for up to a minute at a time. The right one clears the count, as
`FORGET_SECONDS` of no wrong try does. A cookie that is not this run's (most often an
earlier run's, sent with every request) is no try: it would lock out a person who restarted
the server.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

__all__ = ["FIRST_WAIT", "FORGET_SECONDS", "FREE_TRIES", "LONGEST_WAIT", "WrongTokens"]

FREE_TRIES = 10
"""Wrong tokens in a row answered at once: a few typos, old tabs and old history entries."""
FIRST_WAIT = 1.0
"""The wait after the first wrong try past the free ones, in seconds."""
LONGEST_WAIT = 60.0
"""The longest wait: a guesser that stops is answered at once a minute after its last try."""
FORGET_SECONDS = 600.0
"""Ten minutes without a wrong try and the count starts again."""


class WrongTokens:
    """The count of wrong tokens tried in a row, and until when a wrong one is answered "wait"."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._wrong = 0
        self._last = -math.inf
        self._until = -math.inf

    def wait_left(self) -> int:
        """Whole seconds a wrong token is still answered "wait"; 0 when it is counted now."""
        left = self._until - self._clock()
        return math.ceil(left) if left > 0 else 0

    def wrong(self) -> None:
        """A wrong token was tried: past the free tries, the next wait begins."""
        now = self._clock()
        if now - self._last >= FORGET_SECONDS:
            self._wrong = 0
        self._wrong += 1
        self._last = now
        beyond = self._wrong - FREE_TRIES
        if beyond > 0:
            self._until = now + min(LONGEST_WAIT, FIRST_WAIT * 2 ** min(beyond - 1, 16))

    def right(self) -> None:
        """The right token was given: the count starts again."""
        self._wrong = 0
        self._until = -math.inf
