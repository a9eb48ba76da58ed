"""Which HTTP versions `drillbit serve` answers: 1.0 and 1.1, the two a browser speaks to it.

aiohttp's parser reads any `HTTP/<digit>.<digit>` in a request line and, for `HTTP/2.0`
(which no browser sends in an HTTP/1 request line: HTTP/2 begins with its own preface), went
on to serve the request as HTTP/1 (fifty-third round: the static file, with the login
cookie, a 200). A request of another version is refused here with a 505 that says which
versions are spoken, before any route or login is looked at, and its connection closed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web
from aiohttp.http import HttpVersion10, HttpVersion11

from quiz.serve.headers import NO_FRAMES

__all__ = ["SPOKEN_VERSIONS", "refusing_other_versions", "version_refused"]

Handler = Callable[[web.BaseRequest], Awaitable[web.StreamResponse]]

SPOKEN_VERSIONS = frozenset({HttpVersion10, HttpVersion11})
"""The versions of HTTP the server answers."""


def version_refused(major: int, minor: int) -> str:
    """The 505's words for a request line that said `HTTP/major.minor`."""
    return (
        f"drillbit serve: this request says HTTP/{major}.{minor}; the server speaks HTTP/1.1 "
        "and HTTP/1.0 only. Open the URL `drillbit serve` printed in a browser.\n"
    )


def refusing_other_versions(handler: Handler) -> Handler:
    """`handler`, with a request of a version not in `SPOKEN_VERSIONS` answered 505 at once
    and its connection closed."""

    async def gate(request: web.BaseRequest) -> web.StreamResponse:
        version = request.version
        if version not in SPOKEN_VERSIONS:
            refused = web.Response(
                status=505,
                text=version_refused(version.major, version.minor),
                headers=NO_FRAMES,
            )
            refused.force_close()
            # aiohttp's status line repeats the request's version ("HTTP/2.0 505"): the
            # answer is written as the HTTP/1.1 the server speaks
            spoken = request.clone()
            spoken._version = HttpVersion11  # what its `version` reads (aiohttp 3.14)
            await refused.prepare(spoken)
            await refused.write_eof()
            return refused
        return await handler(request)

    return gate
