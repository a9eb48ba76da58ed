"""A refusal quotes at most `MOST_QUOTED` characters of a stranger's path or header."""

from __future__ import annotations

import logging
import socket

import pytest

from quiz.serve.console import MOST_QUOTED, RefusalLog, quoted
from quiz.serve.login import Login
from tests.web.helpers import WAIT_SECONDS, Served

LONG = "\x1b[2J" + "h" * 59_996
"""A 60,000-character header or path that starts by clearing the screen."""


def test_a_quote_keeps_the_start_escaped_and_says_how_much_it_left_out() -> None:
    said = quoted(LONG)
    assert said == repr(LONG[:MOST_QUOTED]) + f"... ({len(LONG) - MOST_QUOTED} more characters)"
    assert "\x1b" not in said and said.startswith("'\\x1b[2Jhhh")
    assert quoted("h" * MOST_QUOTED) == repr("h" * MOST_QUOTED)  # at the limit: whole
    assert quoted(None) == "None"


@pytest.mark.parametrize(
    "request_",
    [
        {"host": LONG, "origin": None, "websocket": False},
        {"host": "127.0.0.1:8000", "origin": LONG, "websocket": True},
    ],
)
def test_a_refusal_of_a_huge_header_is_a_short_reason(request_: dict[str, object]) -> None:
    login = Login.new("127.0.0.1", 8000)
    reason = login.refusal(query=login.token, cookie=None, **request_)  # type: ignore[arg-type]
    assert reason is not None and len(reason) < 3 * MOST_QUOTED
    assert "59900 more characters" in reason


def test_the_console_line_of_a_huge_path_is_short(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="drillbit.serve"):
        RefusalLog().refused("GET", "/" + LONG, "a valid token is required")
    [line] = [r.getMessage() for r in caplog.records if r.name == "drillbit.serve"]
    assert len(line) < 3 * MOST_QUOTED and "59901 more characters" in line


def test_a_request_with_a_60_kb_host_adds_a_few_lines_to_the_console(served: Served) -> None:
    """One such request a second printed 847 console lines a second: the whole Host, wrapped."""
    before = len(served.log.read_text())
    with socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS) as connection:
        connection.sendall(f"GET / HTTP/1.1\r\nHost: {'h' * 60_000}\r\n\r\n".encode())
        assert b" 403 " in connection.recv(4096).split(b"\r\n", 1)[0]
    console = served.log.read_text()[before:]  # the server writes its line before it answers
    assert "refused GET '/'" in " ".join(console.split())
    assert len(console) < 10 * MOST_QUOTED, console[:300]
