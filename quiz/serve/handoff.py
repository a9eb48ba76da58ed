"""A token in an address's query, handed to the page without that address becoming a page.

An address with the token in its query, as runs before the forty-fifth printed it, still
logs in this way, and so does the login file's post (`quiz.serve.login_file`): its answer
is the same 303.

A page opened at `/?token=...` is an entry of the browser's global history, whatever the
page does to its address afterwards (`replaceState` adds the clean URL beside it): Chromium
kept the token URL, typed once, as a suggestion of its address bar, so typing "127" on a
shared screen showed the token, and opening it logged anyone at that browser in for as
long as the server ran. Such an address is answered by a 303 to the same address
without the token, which sets the login cookie and a one-use code; the redirect's target
takes the code (`Handoffs`) and its page is given the token for its websocket
(`HANDED_TOKEN`), kept in the page's own storage as before. The code is spent by its first
request: a server on another port of 127.0.0.1, which the browser hands the code's cookie
too, gets at most a code already spent.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from quiz.serve.secret_match import same_secret

if TYPE_CHECKING:
    from aiohttp import web

__all__ = [
    "HANDED_TOKEN",
    "HANDOFF_SECONDS",
    "MOST_HANDOFFS",
    "Handoffs",
    "handed_context",
    "handoff_cookie",
]

HANDOFF_SECONDS = 30
"""How long a code is good for: the browser follows the 303 at once; its cookie's Max-Age."""
MOST_HANDOFFS = 64
"""The most codes held at once (the oldest is dropped): only a holder of the token makes
one, but a loop of requests with it must not grow the server's memory."""


def handoff_cookie(port: int) -> str:
    """The name of the code's cookie for the server on `port` (a browser shares cookies
    between an address's ports)."""
    return f"drillbit-handoff-{port}"


class Handoffs:
    """The one-use codes issued and not yet spent or expired."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._codes: dict[str, float] = {}  # code -> when it expires, oldest first

    def issue(self) -> str:
        """A fresh code (256 random bits), good for `HANDOFF_SECONDS`."""
        self._forget_expired()
        while len(self._codes) >= MOST_HANDOFFS:
            del self._codes[next(iter(self._codes))]
        code = secrets.token_urlsafe(32)
        self._codes[code] = self._clock() + HANDOFF_SECONDS
        return code

    def spend(self, candidate: str | None) -> bool:
        """True when `candidate` is a code issued, unspent and unexpired, which it no longer
        is (compared in constant time, as the token is, with every code held: no early exit,
        as `quiz.serve.sessions` looks a cookie up)."""
        self._forget_expired()
        found = None
        for code in self._codes:
            if same_secret(candidate, code):
                found = code
        if found is None:
            return False
        del self._codes[found]
        return True

    def _forget_expired(self) -> None:
        now = self._clock()
        for code, expires in list(self._codes.items()):
            if expires <= now:
                del self._codes[code]


HANDED_TOKEN = "handed_token"
"""The request's key, and the page template's name, of the token handed to the page: set
only for the redirect's target that spent a code, empty for every other page."""


async def handed_context(request: web.Request) -> dict[str, str]:
    """aiohttp_jinja2's context processor: the token handed to this page, or ""."""
    handed: str = request.get(HANDED_TOKEN, "")
    return {HANDED_TOKEN: handed}
