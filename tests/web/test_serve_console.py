"""What `drillbit serve`'s console shows of requests without the token: short inert lines."""

from __future__ import annotations

import logging
import socket

import pytest
from aiohttp.http_exceptions import InvalidURLError

from quiz.serve.console import MalformedRequests, RefusalLog
from tests.web.helpers import WAIT_SECONDS, Served

HOSTILE_PATH = "/\x1b[2J\x1b]52;c;cm0gLXJmIH4=\x07\ndrillbit is served at http://evil.example/"
"""Clears the screen, writes the clipboard (OSC 52) and prints a line of its own."""


class Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _said(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == "drillbit.serve"]


def test_a_refused_path_is_said_with_every_control_character_escaped(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="drillbit.serve"):
        RefusalLog(clock=Clock()).refused("GET", HOSTILE_PATH, "a valid token is required")
    [line] = _said(caplog)
    assert "\x1b" not in line and "\x07" not in line and "\n" not in line
    assert line.startswith("refused GET '/\\x1b[2J\\x1b]52;c;")
    assert line.endswith(
        "\\ndrillbit is served at http://evil.example/': a valid token is required"
    )


def test_refusals_are_said_at_most_once_a_second_and_the_next_counts_the_rest(
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock = Clock()
    refusals = RefusalLog(every=1.0, clock=clock)
    with caplog.at_level(logging.WARNING, logger="drillbit.serve"):
        for _ in range(500):  # a flood, all at once
            refusals.refused("GET", "/", "no token")
        clock.now += 1.0
        refusals.refused("GET", "/ws", "no origin")
        clock.now += 5.0
        refusals.refused("GET", "/", "no token")
    assert _said(caplog) == [
        "refused GET '/': no token",
        "refused GET '/ws': no origin (499 more refused since the last line)",
        "refused GET '/': no token",
    ]


def _record(exception: BaseException) -> logging.LogRecord:
    return logging.LogRecord(
        "aiohttp.server",
        logging.ERROR,
        __file__,
        1,
        "Error handling request from %s",
        ("127.0.0.1",),
        (type(exception), exception, None),
    )


def test_a_malformed_request_is_kept_out_of_the_console_and_a_real_error_is_not() -> None:
    malformed = MalformedRequests()
    assert not malformed.filter(_record(InvalidURLError("Invalid char in url path")))
    assert malformed.filter(_record(RuntimeError("a bug in a handler")))


def _status(port: int, request: bytes) -> str:
    """The status line the server answers a raw request with."""
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT_SECONDS) as connection:
        connection.sendall(request)
        return connection.recv(4096).decode("latin-1").split("\r\n", 1)[0]


def test_requests_without_the_token_leave_no_control_characters_nor_tracebacks(
    served: Served,
) -> None:
    """The decoded path went to the console raw (an escape sequence drove the terminal),
    and a request line with a control character in it printed aiohttp's traceback."""
    host = f"Host: 127.0.0.1:{served.port}\r\n\r\n".encode()
    encoded = b"/%1b%5b2J%0adrillbit%20is%20served%20at%20http://evil.example/"
    assert " 403 " in _status(served.port, b"GET " + encoded + b" HTTP/1.1\r\n" + host)
    assert " 400 " in _status(served.port, b"GET /\x1b[2J HTTP/1.1\r\n" + host)
    console = served.log.read_text()  # the server writes a line before it answers
    assert "\x1b" not in console
    assert "Traceback" not in console and "Error handling request" not in console
    said = " ".join(console.split())  # as one line, however the console wrapped it
    assert "refused GET '/\\x1b[2J\\ndrillbit is served at http://evil.example/'" in said
