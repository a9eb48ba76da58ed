"""Which requests of `drillbit serve` may be told "100 Continue": the posts that read a body.

A client that sends `Expect: 100-continue` waits for that word before it sends its body.
aiohttp asks the matched route's expect handler before the application's middlewares run,
so before the login is checked: the static files, the page, the websocket and any path
the server does not have (a 404's route is aiohttp's own, with its default handler) said
"100 Continue" to a stranger's 50 MB, then a 403 (fifty-first round). Only the login doors
read a body; here every other request that announces one is refused at once, before any
route or login is looked at (417, the connection closed), and no answer invites a body
the server will not read. The connection closes once the 417 is sent: aiohttp read what
the client still sent for up to 10 s first, its lingering (fifty-second round's open item).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable

from aiohttp import hdrs, web

from quiz.serve.headers import NO_FRAMES, HeaderLimitHandler

__all__ = ["NO_BODY_HERE", "refusing_unread_bodies"]

Handler = Callable[[web.BaseRequest], Awaitable[web.StreamResponse]]

NO_BODY_HERE = (
    "drillbit serve: this request asks to send a body (Expect: 100-continue), and only a "
    "login or a logout reads one\n"
)


def refusing_unread_bodies(handler: Handler, doors: Iterable[tuple[str, str]]) -> Handler:
    """`handler` (the application's), with a request that carries `Expect` answered 417 at
    once unless its method and path are one of `doors` (`POST /login`...), whose own routes
    answer it (a body over the limit refused, else "100 Continue")."""
    readers = frozenset(doors)

    async def gate(request: web.BaseRequest) -> web.StreamResponse:
        if hdrs.EXPECT in request.headers and (request.method, request.path) not in readers:
            refused = web.Response(status=417, text=NO_BODY_HERE, headers=NO_FRAMES)
            refused.force_close()  # the body, if it comes anyway, is not read
            if isinstance(request.protocol, HeaderLimitHandler):
                request.protocol.close_without_lingering()
            return refused
        return await handler(request)

    return gate
