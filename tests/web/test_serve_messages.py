"""A tab's websocket messages: what textual.js sends is relayed, anything else is skipped."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import WSMessage, WSMsgType

from quiz.serve.login import Login
from quiz.serve.messages import MOST_CELLS, Envelope, cells, read_envelope, terminal_size
from quiz.serve.server import _make_server
from tests.web.helpers import WAIT_SECONDS, Served


@pytest.mark.parametrize(
    ("text", "envelope"),
    [
        ('["stdin", "q"]', Envelope("stdin", text="q")),
        ('["resize", {"width": 120, "height": 40}]', Envelope("resize", size=(120, 40))),
        ('["resize", {"width": 100000, "height": 100000}]', Envelope("resize", size=(1000, 1000))),
        ('["resize", {"width": 0, "height": -5}]', Envelope("resize", size=(1, 1))),
        ('["ping", "1733"]', Envelope("ping", ping="1733")),
        ('["blur"]', Envelope("blur")),
        ('["focus"]', Envelope("focus")),
    ],
)
def test_what_textual_js_sends_is_read(text: str, envelope: Envelope) -> None:
    assert read_envelope(text) == envelope


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        '{"stdin": "q"}',
        "[]",
        "[1, 2]",
        '["stdin"]',
        '["stdin", 5]',
        '["resize"]',
        '["resize", {"width": "wide", "height": 40}]',
        '["resize", {"width": true, "height": 40}]',
        '["resize", [80, 24]]',
        '["quit"]',
        "[" * 100_000 + "]" * 100_000,  # past the recursion limit: RecursionError, not ValueError
        '["resize", ' + '{"w": ' * 50_000 + "1" + "}" * 50_000 + "]",
    ],
)
def test_anything_else_is_none(text: str) -> None:
    assert read_envelope(text) is None


def test_a_size_is_a_whole_number_of_cells_a_screen_can_show() -> None:
    assert cells("132") == 132 and cells(10**9) == MOST_CELLS and cells("-3") == 1
    assert cells("1e3") is None and cells(12.5) is None and cells("9" * 5000) is None
    assert terminal_size("wide", None) == (80, 24)  # the page's query, as textual-serve read it
    assert terminal_size("100", "30") == (100, 30)


async def _pong_after(served: Served, *messages: str) -> object:
    """Send `messages` on a new tab's websocket, then a ping: the server's answer to it."""
    page = f"http://127.0.0.1:{served.port}"
    address = f"{page}/ws?width=80&height=24&token={served.token}"  # as the page adds it
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(address, origin=page, headers={"Cookie": served.jar}) as websocket,
    ):
        for message in messages:
            await websocket.send_str(message)
        await websocket.send_str(json.dumps(["ping", "still there?"]))
        while True:  # the app's screen comes as binary frames before and after
            answer = await websocket.receive(timeout=WAIT_SECONDS)
            assert answer.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT), answer
            if answer.type == aiohttp.WSMsgType.TEXT and answer.data.startswith('["pong"'):
                return json.loads(answer.data)


async def test_a_message_the_page_never_sends_leaves_the_tab_running(served: Served) -> None:
    """It ended the tab's app, with a traceback in the console."""
    assert await _pong_after(served, "not json", '["stdin"]') == ["pong", "still there?"]
    assert "skipped a tab's message that is none the page sends" in served.log.read_text()


async def test_input_with_half_a_surrogate_pair_leaves_the_tab_running(served: Served) -> None:
    """JSON can carry half of a UTF-16 pair, which has no UTF-8: encoding it for the app
    raised, and the tab's app ended with a traceback in the console."""
    assert await _pong_after(served, '["stdin", "a\\ud83d"]') == ["pong", "still there?"]
    assert "the app of a tab failed" not in served.log.read_text()


async def test_a_message_nested_past_the_recursion_limit_leaves_the_tab_running(
    served: Served,
) -> None:
    """`json.loads` raises RecursionError for it, which the reading did not catch: the tab's
    app ended and the console showed a traceback (fortieth round, on a live server)."""
    nested = "[" * 100_000 + "]" * 100_000
    assert await _pong_after(served, nested) == ["pong", "still there?"]
    assert "the app of a tab failed" not in served.log.read_text()


class _FloodedTab:
    """A tab's websocket that has sent two pastes; it closes while the first is relayed."""

    def __init__(self) -> None:
        self.closed = False
        self.sent: list[str] = []

    def __aiter__(self) -> AsyncIterator[WSMessage]:
        return self._messages()

    async def _messages(self) -> AsyncIterator[WSMessage]:
        for paste in ("first paste", "second paste"):
            yield WSMessage(WSMsgType.TEXT, json.dumps(["stdin", paste]), None)

    async def send_json(self, data: object) -> None:
        self.sent.append(json.dumps(data))


class _SlowApp:
    """An app that never finishes reading its stdin (it takes keys one by one)."""

    def __init__(self, tab: _FloodedTab) -> None:
        self.tab = tab
        self.given: list[bytes] = []

    async def send_bytes(self, data: bytes) -> bool:
        self.given.append(data)
        self.tab.closed = True  # the heartbeat drops the tab while the app reads
        await asyncio.Event().wait()
        return True


async def test_a_closed_tabs_keys_are_not_relayed_to_its_app(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """sandbox40: a tab pasted 120 MB of keys and read no answers; the heartbeat dropped it
    while the relay waited on the app's stdin, and the keys already received went on to the
    app one drain at a time for minutes (1.2 GB, the slot taken). The relay now ends once
    the tab has closed, and the rest is not handed on."""
    monkeypatch.setattr("quiz.serve.server.CLOSED_POLL_SECONDS", 0.01)
    server: Any = _make_server("true", "127.0.0.1", 8765, Login.new("127.0.0.1", 8765), 2)
    try:
        tab = _FloodedTab()
        app = _SlowApp(tab)
        await asyncio.wait_for(server._process_messages(tab, app), 60)
        assert app.given == [b"first paste"]
    finally:
        server.pages.cleanup()
