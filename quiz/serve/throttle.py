"""How often `drillbit serve` lets a wrong token be tried: a few free, then waits that double.

The token is 256 random bits compared in constant time, so no guess gets in whatever the
rate; the bound is there all the same so that no script can spend the server's time on
guesses, and so that a wrong token sent in a loop shows in a 429 rather than a thousand
403s. After `FREE_TRIES` wrong tokens in a row, every token (the right one too: else the
bound is none) is answered "wait" until `FIRST_WAIT` seconds after the last wrong one, that
wait doubling with each wrong try up to `LONGEST_WAIT`. Nobody is locked out for good: a
minute after the last wrong try any token is read again, and the right one clears the
count, as `FORGET_SECONDS` of no wrong try does. A cookie that is not this run's (most
often an earlier run's, sent with every request) is no try: it would lock out a person who
restarted the server.
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
"""The longest wait: the right user is never kept out longer after the last wrong try."""
FORGET_SECONDS = 600.0
"""Ten minutes without a wrong try and the count starts again."""


class WrongTokens:
    """The count of wrong tokens tried in a row, and until when no token is read."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._wrong = 0
        self._last = -math.inf
        self._until = -math.inf

    def wait_left(self) -> int:
        """Whole seconds until a token is read again; 0 when it is read now."""
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
