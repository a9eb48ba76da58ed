"""What `drillbit serve`'s console shows of requests anyone can send: short lines, inert text.

Whoever reaches the port can make the server log, token or not. A refused request's path
went to the console percent-decoded and raw (`GET /%1b%5b2J` cleared the screen; a `%0a`
could print a line of its own, such as a fake "drillbit is served at" URL); a malformed
request printed aiohttp's traceback, a screen of it per request. Here a refusal is one line
with its path and origin quoted as Python literals (every control character escaped), at
most one a second, and a malformed request (answered 400) is not logged at all. A Host or
Origin header, or a path, may be 64 KiB long: a refusal quoted it whole, 847 console lines a
second for one request a second; a quote now keeps `MOST_QUOTED` characters (`quoted`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.web_protocol import RequestPayloadError

__all__ = ["MOST_QUOTED", "REFUSALS_EVERY_SECONDS", "MalformedRequests", "RefusalLog", "quoted"]

log = logging.getLogger("drillbit.serve")

REFUSALS_EVERY_SECONDS = 1.0
"""The console shows at most one refused request in this time; the next says how many it left out."""

MOST_QUOTED = 100
"""The most characters of a stranger's text (a path, a header) that a refusal quotes."""


def quoted(text: str | None) -> str:
    """`text` as a Python literal (control characters escaped), cut to `MOST_QUOTED`
    characters with how many more there were."""
    if text is None or len(text) <= MOST_QUOTED:
        return repr(text)
    return f"{text[:MOST_QUOTED]!r}... ({len(text) - MOST_QUOTED} more characters)"


class RefusalLog:
    """One console line per refused request, at most one per `every` seconds."""

    def __init__(
        self, every: float = REFUSALS_EVERY_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.every = every
        self.clock = clock
        self.last: float | None = None
        """When the last line was written."""
        self.left_out = 0
        """Refusals since then that got no line."""

    def refused(self, method: str, path: str, reason: str) -> None:
        """Say that `method path` was refused for `reason`, unless a line was said just now."""
        now = self.clock()
        if self.last is not None and now - self.last < self.every:
            self.left_out += 1
            return
        more = f" ({self.left_out} more refused since the last line)" if self.left_out else ""
        log.warning("refused %s %s: %s%s", method[:MOST_QUOTED], quoted(path), reason, more)
        self.last, self.left_out = now, 0


class MalformedRequests(logging.Filter):
    """Keeps aiohttp's "Error handling request" traceback for a request it could not parse
    (answered 400: nothing the person at the console can do) out of the console, and its
    "Unhandled exception" for a body it could not read (`RequestPayloadError`: a gzip body
    that does not inflate). aiohttp reads what is left of a body after the answer, and
    that error came up there: three chained tracebacks, a screen of them, for each such
    request from anyone who reaches the port, no token needed (fiftieth round)."""

    def filter(self, record: logging.LogRecord) -> bool:
        exception = record.exc_info[1] if record.exc_info else None
        return not isinstance(exception, HttpProcessingError | RequestPayloadError)
