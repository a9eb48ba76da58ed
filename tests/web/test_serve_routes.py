"""drillbit serve builds textual-serve's routes itself (to serve `/static` unlisted); a
textual-serve that adds, renames or moves a route must fail here, not go unserved. drillbit
adds three of its own: the page's login (`POST /login`), the login file's (`POST /`) and the
logout (`POST /logout`), and answers no `HEAD` on the websocket's route or the page's."""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web
from textual_serve.server import Server

from quiz.serve.login import Login
from quiz.serve.server import _make_server


def _routes(app: web.Application) -> list[tuple[str, str, str | None]]:
    return sorted(
        (route.method, route.resource.canonical if route.resource else "", route.name)
        for route in app.router.routes()
    )


def _both_apps() -> tuple[web.Application, web.Application]:
    server: Any = _make_server("true", "127.0.0.1", 8765, Login.new("127.0.0.1", 8765), 2)

    async def build() -> tuple[web.Application, web.Application]:
        return await server._make_app(), await Server._make_app(server)

    try:
        return asyncio.run(build())
    finally:
        # the server's page folder, removed here: left to the collector, its ResourceWarning
        # (an error under this suite's filterwarnings) failed whichever test ran next
        server.pages.cleanup()


def test_our_routes_are_textual_serves_with_the_static_folder_unlisted() -> None:
    ours, theirs = _both_apps()
    # and the logins, which textual-serve has not (its token came in the query)
    logins = [("POST", "/login", "login"), ("POST", "/", "open"), ("POST", "/logout", "logout")]
    # but the websocket by GET alone (RFC 6455): aiohttp's HEAD on it upgraded (fiftieth
    # round); and the page by GET alone: a HEAD of it skipped the token's redirect (51st)
    head_ws = [route for route in _routes(theirs) if route[:2] in (("HEAD", "/ws"), ("HEAD", "/"))]
    assert len(head_ws) == 2, _routes(theirs)
    kept = [route for route in _routes(theirs) if route not in head_ws]
    assert _routes(ours) == sorted([*kept, *logins])
    # aiohttp keeps the choice only privately; a listing is what the copy is for
    assert getattr(ours.router["static"], "_show_index", None) is False
    assert getattr(theirs.router["static"], "_show_index", None) is True
