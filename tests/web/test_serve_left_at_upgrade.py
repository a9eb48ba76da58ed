"""A page that leaves between its websocket upgrade and the server's answer (a tab closed
as it opened): the server starts no tab and writes no traceback. aiohttp's `prepare` then
raises ConnectionResetError; re-raised, it was a 500 with a traceback in the console, which
a browser test's teardown found once in a CI run (fifty-fourth round)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp
import pytest
from aiohttp import DummyCookieJar, web
from aiohttp.test_utils import TestClient, TestServer

from quiz.serve.login import Login
from quiz.serve.server import _make_server

pytestmark = pytest.mark.filterwarnings("ignore::aiohttp.web_exceptions.NotAppKeyWarning")

PORT = 8752
LOGIN = Login.new("127.0.0.1", PORT)
OURS = {"Host": f"127.0.0.1:{PORT}", "Origin": f"http://127.0.0.1:{PORT}"}


def test_a_page_gone_before_its_upgrade_is_answered_leaves_no_traceback_nor_tab(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    server: Any = _make_server("true", "127.0.0.1", PORT, LOGIN, 2)
    prepared: list[str] = []

    async def gone(self: web.WebSocketResponse, request: web.BaseRequest) -> None:
        prepared.append(request.path)
        raise ConnectionResetError("Connection lost")  # aiohttp's words, transport gone

    monkeypatch.setattr(web.WebSocketResponse, "prepare", gone)

    async def run() -> None:
        app = await server._make_app()
        async with TestClient(TestServer(app), cookie_jar=DummyCookieJar()) as client:
            async with client.post("/login", data={"token": LOGIN.token}, headers=OURS) as ok:
                assert ok.status == 204
                cookie = ok.headers["Set-Cookie"].split(";", 1)[0]
            with pytest.raises(aiohttp.ClientError):
                await client.ws_connect(
                    f"/ws?width=80&height=24&token={LOGIN.token}",
                    headers={**OURS, "Cookie": cookie},
                )

    with caplog.at_level(logging.DEBUG):
        try:
            asyncio.run(run())
        finally:
            server.pages.cleanup()
    assert prepared == ["/ws"]  # the upgrade reached the point a real page's leaving hits
    assert server.tabs_starting == 0 and not server.open_tabs
    assert not [record for record in caplog.records if record.exc_info], caplog.text
    assert "Error handling request" not in caplog.text
