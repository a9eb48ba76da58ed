"""The serve fixes of the fifty-first round, against the server's app in this process: a
logout that ends one browser's login (it had none: the cookie opened the page until the
server stopped), `HEAD` of the page refused as a whole (it was answered as the page, the
token's redirect skipped), and a body announced over the limit with `Expect: 100-continue`
refused before the client is told to send it (it was told "100 Continue")."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from aiohttp import DummyCookieJar
from aiohttp.test_utils import TestClient, TestServer

from quiz.serve.login import Login
from quiz.serve.server import MOST_BODY_BYTES, _make_server
from tests.web.helpers import WAIT_SECONDS, read_head

pytestmark = pytest.mark.filterwarnings("ignore::aiohttp.web_exceptions.NotAppKeyWarning")

PORT = 8751
LOGIN = Login.new("127.0.0.1", PORT)
PAGE = f"http://127.0.0.1:{PORT}"
OURS = {"Host": f"127.0.0.1:{PORT}", "Origin": PAGE}
FILE = "/static/js/textual.js"


def _with_app(test: Callable[[TestClient[Any, Any]], Awaitable[None]]) -> None:
    server: Any = _make_server("true", "127.0.0.1", PORT, LOGIN, 2)

    async def run() -> None:
        # no jar: each request carries the cookies the test names, as a browser's
        app = await server._make_app()
        async with TestClient(TestServer(app), cookie_jar=DummyCookieJar()) as client:
            await test(client)

    asyncio.run(run())


async def _logged_in(client: TestClient[Any, Any]) -> str:
    """A login's cookie, `name=value`, by the page's box (`POST /login`)."""
    async with client.post("/login", data={"token": LOGIN.token}, headers=OURS) as answer:
        assert answer.status == 204
        return answer.headers["Set-Cookie"].split(";", 1)[0]


async def _status(client: TestClient[Any, Any], method: str, path: str, **headers: str) -> int:
    async with client.request(method, path, headers={**OURS, **headers}) as answer:
        return answer.status


def test_a_logout_ends_its_own_login_and_no_other() -> None:
    async def test(client: TestClient[Any, Any]) -> None:
        mine, other = await _logged_in(client), await _logged_in(client)
        assert mine != other  # each login its own secret
        assert await _status(client, "GET", FILE, Cookie=mine) == 200
        async with client.post("/logout", headers={**OURS, "Cookie": mine}) as answer:
            assert answer.status == 204
            assert answer.headers["Cache-Control"] == "no-store"
            assert answer.headers["Clear-Site-Data"] == '"storage"'  # the token the page kept
            cleared = answer.headers["Set-Cookie"]
        assert cleared.startswith(f"drillbit-token-{PORT}=;") or 'token-8751=""' in cleared
        assert "Max-Age=0" in cleared and "Path=/" in cleared
        assert await _status(client, "GET", FILE, Cookie=mine) == 403  # ended
        assert await _status(client, "GET", "/", Cookie=mine) == 403
        assert await _status(client, "GET", FILE, Cookie=other) == 200  # another browser's
        # a second logout, or one with no login, changes nothing and says so alike
        assert await _status(client, "POST", "/logout", Cookie=mine) == 204
        assert await _status(client, "POST", "/logout") == 204
        assert await _status(client, "GET", FILE, Cookie=other) == 200
        # the token still logs in again
        again = await _logged_in(client)
        assert await _status(client, "GET", FILE, Cookie=again) == 200

    _with_app(test)


def test_a_logout_from_another_page_or_host_is_refused_and_ends_nothing() -> None:
    """As a login, a logout comes from this server's page: another site's page could post
    a form here (the strict cookie stays home, but a lax browser's would not)."""

    async def test(client: TestClient[Any, Any]) -> None:
        mine = await _logged_in(client)
        refused = [
            {"Origin": "http://evil.example"},
            {"Origin": f"http://127.0.0.1:{PORT + 1}"},  # another port of the same site
            {"Origin": "null"},  # a file:// page, or a sandboxed frame
            {"Host": f"rebound.example:{PORT}"},  # DNS rebinding
        ]
        for headers in refused:
            async with client.post(
                "/logout", headers={**OURS, **headers, "Cookie": mine}
            ) as answer:
                assert answer.status == 403, headers
                assert "Set-Cookie" not in answer.headers
        async with client.post("/logout", headers={"Host": OURS["Host"], "Cookie": mine}) as answer:
            assert answer.status == 403  # no Origin at all
            assert "own page" in await answer.text()
        assert await _status(client, "GET", FILE, Cookie=mine) == 200  # still logged in
        # a GET is no logout (a link or an image could send one)
        assert await _status(client, "GET", "/logout", Cookie=mine) in (403, 404, 405)
        assert await _status(client, "GET", FILE, Cookie=mine) == 200

    _with_app(test)


def test_head_of_the_page_with_the_token_is_refused_and_spends_nothing() -> None:
    async def test(client: TestClient[Any, Any]) -> None:
        url = f"/?token={LOGIN.token}"
        async with client.head(url, headers=OURS, allow_redirects=False) as answer:
            assert answer.status == 405
            assert "Set-Cookie" not in answer.headers  # no login, no code handed out
            assert "Location" not in answer.headers
            assert LOGIN.token not in str(answer.headers) and not await answer.read()
        # the token is still good: the GET gets its redirect, its cookie and its code
        async with client.get(url, headers=OURS, allow_redirects=False) as answer:
            assert answer.status == 303
            cookies = answer.headers.getall("Set-Cookie")
        jar = "; ".join(cookie.split(";", 1)[0] for cookie in cookies)
        assert f"drillbit-handoff-{PORT}=" in jar
        # a HEAD carrying the code spends nothing either: the page's GET is handed the token
        async with client.head("/", headers={**OURS, "Cookie": jar}) as answer:
            assert answer.status == 405 and "Set-Cookie" not in answer.headers
        async with client.get("/", headers={**OURS, "Cookie": jar}) as answer:
            assert answer.status == 200
            assert LOGIN.token in await answer.text()
        # without any login a HEAD is refused as the GET is
        assert await _status(client, "HEAD", "/") == 403
        assert await _status(client, "HEAD", f"/?token={LOGIN.token[:-1]}x") == 403

    _with_app(test)


def _first_answer(port: int, head: str) -> bytes:
    """The server's first answer to a request `head` whose body is not sent: its status
    line and headers, read as soon as they come."""
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT_SECONDS) as connection:
        connection.sendall(head.encode())
        return read_head(connection)


def test_a_body_announced_over_the_limit_is_refused_before_it_is_asked_for() -> None:
    async def test(client: TestClient[Any, Any]) -> None:
        port = client.server.port
        assert port is not None
        form = "application/x-www-form-urlencoded"

        def head(path: str, length: int) -> str:
            return (
                f"POST {path} HTTP/1.1\r\nHost: {OURS['Host']}\r\nOrigin: {PAGE}\r\n"
                f"Content-Type: {form}\r\nContent-Length: {length}\r\n"
                "Expect: 100-continue\r\n\r\n"
            )

        for path in ("/login", "/", "/logout"):
            for length in (MOST_BODY_BYTES + 1, 50 * 1024 * 1024):
                said = await asyncio.to_thread(_first_answer, port, head(path, length))
                assert said.startswith(b"HTTP/1.1 413 "), (path, length, said[:200])
                assert b"Connection: close" in said
        # within the limit the client is told to go on, and its login works
        said = await asyncio.to_thread(_first_answer, port, head("/login", 100))
        assert said.startswith(b"HTTP/1.1 100 Continue"), said[:200]
        async with client.post(
            "/login", data={"token": LOGIN.token}, headers=OURS, expect100=True
        ) as answer:
            assert answer.status == 204

    _with_app(test)
