"""A request's header bytes that are not UTF-8 are refused like any wrong token (forty-first round).

aiohttp reads such bytes as lone surrogates; the token's comparison encoded them with a plain
`encode()`, which raised: a cookie of `\\xff\\xfe`, sent by anyone who can reach the port and
without the token, was a 500 and a traceback in the console, whose locals showed the token.
"""

from __future__ import annotations

import socket

import pytest

from quiz.serve.login import Login
from tests.web.helpers import WAIT_SECONDS, Served

LOGIN = Login.new("127.0.0.1", 8000)


@pytest.mark.parametrize(
    "sent",
    ["\udcff\udcfe", "\ud800", LOGIN.token + "\udcff", "\udcff" * 43],
    ids=["escaped-bytes", "high-surrogate", "token-then-byte", "token-length"],
)
def test_a_token_of_surrogates_is_refused_not_raised(sent: str) -> None:
    """`\\udcff` is how aiohttp reads a header's byte 0xff; `\\ud800` no decoder makes."""
    assert LOGIN.accepts(sent) is False
    refusal = LOGIN.refusal(
        host="127.0.0.1:8000", origin=None, query=None, cookie=sent, websocket=False
    )
    assert refusal is not None and "a valid token is required" in refusal
    assert LOGIN.accepts(LOGIN.token) is True  # the genuine one still passes


def _answer(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT_SECONDS) as connection:
        connection.sendall(request)
        return connection.recv(4096)


def test_a_cookie_of_bytes_that_are_not_utf8_is_a_403_and_no_traceback(served: Served) -> None:
    before = len(served.log.read_text())
    cookie = f"drillbit-token-{served.port}=".encode() + b"\xff\xfe"
    answer = _answer(
        served.port,
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nCookie: %s\r\nConnection: close\r\n\r\n"
        % (served.port, cookie),
    )
    assert b" 403 " in answer.split(b"\r\n", 1)[0], answer[:200]
    console = served.log.read_text()[before:]  # the server writes its line before it answers
    assert "Traceback" not in console and "UnicodeEncodeError" not in console, console[:400]
    assert served.token not in console
    # the server goes on: the genuine cookie still opens the page
    genuine = served.jar.encode()
    answer = _answer(
        served.port,
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nCookie: %s\r\nConnection: close\r\n\r\n"
        % (served.port, genuine),
    )
    assert b" 200 " in answer.split(b"\r\n", 1)[0], answer[:200]
