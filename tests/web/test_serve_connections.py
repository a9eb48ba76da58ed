"""`drillbit serve` under a flood of connections that never send a whole request (slowloris)."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import socket
from dataclasses import dataclass
from typing import Any

import pytest

from quiz.serve.connections import (
    FEWEST_CONNECTIONS,
    MOST_CONNECTIONS,
    ConnectionGuard,
    connection_limit,
)
from tests.web.helpers import WAIT_SECONDS, Served, http_get

STALLED_CONNECTIONS = 400
"""Past the 256 descriptors `served_few_files` may hold: the old server died on the way (its
port refused the 379th)."""


@dataclass(eq=False)
class FakeConnection:
    """A connection as the guard sees it; `force_close` is what closing does to aiohttp's."""

    name: str
    connected: bool = True

    def force_close(self) -> None:
        self.connected = False


def test_below_the_limit_no_connection_is_closed() -> None:
    guard = ConnectionGuard(limit=3)
    connections = [FakeConnection("a"), FakeConnection("b")]
    guard.make_room(connections)
    assert all(connection.connected for connection in connections)
    assert guard.closed == 0


def test_at_the_limit_the_oldest_connection_without_the_token_gives_way() -> None:
    guard = ConnectionGuard(limit=3)
    user, stalled, newer = FakeConnection("user"), FakeConnection("old"), FakeConnection("new")
    guard.trust(user)
    guard.make_room([user, stalled, newer])
    assert [user.connected, stalled.connected, newer.connected] == [True, False, True]
    # one already closed (aiohttp lists it until it is gone) counts no more
    guard.make_room([user, stalled, newer])
    assert newer.connected and guard.closed == 1


def test_connections_that_all_carried_the_token_are_kept() -> None:
    guard = ConnectionGuard(limit=2)
    tabs = [FakeConnection("tab 1"), FakeConnection("tab 2")]
    for tab in tabs:
        guard.trust(tab)
    guard.make_room(tabs)
    assert all(tab.connected for tab in tabs)


def test_a_closed_trusted_connection_is_forgotten() -> None:
    guard = ConnectionGuard(limit=2)
    tab = FakeConnection("tab")
    guard.trust(tab)
    tab.force_close()
    guard.make_room([])
    assert tab not in guard.trusted


@pytest.mark.parametrize(
    ("max_tabs", "open_files", "limit"),
    [
        (4, 1024, 1024 - 64 - 2 * 64 - 4 * 4),  # a desktop's default
        (4, 256, 256 - 64 - 2 * 64 - 4 * 4),
        (4, 100, FEWEST_CONNECTIONS),
        (4, 1_048_576, MOST_CONNECTIONS),
        (200, 1024, 1024 - 64 - 2 * 64 - 4 * 200),  # each tab takes its own descriptors
    ],
)
def test_the_connection_limit_leaves_descriptors_for_the_server_and_its_tabs(
    max_tabs: int, open_files: int, limit: int
) -> None:
    assert connection_limit(max_tabs, open_files) == limit


def _descriptor_exhaustion() -> dict[str, Any]:
    """The context asyncio gives its exception handler when an accept finds no descriptor."""
    return {
        "message": "socket.accept() out of system resource",
        "exception": OSError(errno.EMFILE, "Too many open files"),
    }


def test_running_out_of_descriptors_is_said_once_in_a_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    guard = ConnectionGuard(limit=16)
    loop = asyncio.new_event_loop()
    try:
        with caplog.at_level(logging.WARNING, logger="drillbit.serve"):
            guard.loop_exception(loop, _descriptor_exhaustion())
            guard.loop_exception(loop, _descriptor_exhaustion())
    finally:
        loop.close()
    said = [record for record in caplog.records if record.name == "drillbit.serve"]
    assert len(said) == 1 and said[0].exc_info is None
    assert "out of file descriptors (Too many open files)" in said[0].getMessage()
    assert guard.out_of_descriptors == 2


def test_other_loop_errors_go_to_asyncios_handler(caplog: pytest.LogCaptureFixture) -> None:
    guard = ConnectionGuard(limit=16)
    loop = asyncio.new_event_loop()
    try:
        with caplog.at_level(logging.ERROR, logger="asyncio"):
            guard.loop_exception(loop, {"message": "something else", "exception": ValueError()})
    finally:
        loop.close()
    assert [record.getMessage() for record in caplog.records] == ["something else"]


def _stall(port: int, count: int) -> list[socket.socket]:
    """`count` connections that each send half a request and wait; fewer if the server
    stops accepting (the old server died on the way)."""
    stalled: list[socket.socket] = []
    for _ in range(count):
        try:
            connection = socket.create_connection(("127.0.0.1", port), timeout=WAIT_SECONDS)
            connection.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n".encode())
        except OSError:
            break
        stalled.append(connection)
    return stalled


def test_a_flood_of_stalled_connections_neither_kills_the_server_nor_keeps_the_user_out(
    served_few_files: Served,
) -> None:
    stalled = _stall(served_few_files.port, STALLED_CONNECTIONS)
    try:
        log = served_few_files.log
        assert len(stalled) == STALLED_CONNECTIONS, (
            f"refused after {len(stalled)}:\n{log.read_text()}"
        )
        assert served_few_files.process.poll() is None, f"the server died:\n{log.read_text()}"
        # accepted after every stalled one: the user's page
        status, _, body = http_get(served_few_files.url)
        assert status == 200 and "textual-terminal" in body
        # the oldest stalled connection was closed to make room, long before its 75 s
        stalled[0].settimeout(30)
        with contextlib.suppress(ConnectionResetError):
            assert stalled[0].recv(1) == b""
        assert "closing the oldest that carries no" in log.read_text()
    finally:
        for connection in stalled:
            connection.close()
