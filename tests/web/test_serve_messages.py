"""A tab's websocket messages: what textual.js sends is relayed, anything else is skipped."""

from __future__ import annotations

import json

import aiohttp
import pytest

from quiz.serve.messages import MOST_CELLS, Envelope, cells, read_envelope, terminal_size
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
        session.ws_connect(address, origin=page) as websocket,
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
