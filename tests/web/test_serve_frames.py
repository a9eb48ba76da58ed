"""No other page may frame `drillbit serve`'s answers (clickjacking), and none sends its address on."""

from __future__ import annotations

import socket

import pytest

from quiz.serve.headers import NO_FRAMES
from tests.web.helpers import WAIT_SECONDS, Served


def _headers(served: Served, path: str, cookie: str | None = None) -> tuple[bytes, dict[str, str]]:
    """The status line and headers of a raw GET (a client would follow nothing, add nothing)."""
    extra = f"Cookie: {cookie}\r\n" if cookie else ""
    with socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS) as connection:
        connection.sendall(
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n{extra}"
            "Connection: close\r\n\r\n".encode()
        )
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head = answer.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    fields = {}
    for line in head[1:]:
        name, _, value = line.decode("latin-1").partition(":")
        fields[name.strip().lower()] = value.strip()
    return head[0], fields


@pytest.mark.parametrize(
    ("path", "with_cookie", "status"),
    [
        ("/?token={token}", False, b" 303 "),  # the printed URL: a redirect to the page
        ("/", True, b" 200 "),  # a reload, by the cookie
        ("/static/js/textual.js", True, b" 200 "),
        ("/", False, b" 403 "),  # the refused page, which a framing page could dress up too
        ("/static/nothing-here", True, b" 404 "),
    ],
)
def test_every_answer_forbids_frames(
    served: Served, path: str, with_cookie: bool, status: bytes
) -> None:
    """A page on another port of 127.0.0.1 is the same site: the strict cookie came with its
    frame of the app, and no answer said that it may not be framed."""
    cookie = served.jar if with_cookie else None
    line, fields = _headers(served, path.format(token=served.token), cookie)
    assert status in line, line
    policy = fields.get("content-security-policy", "")  # the pages' is whole (test_serve_policy)
    assert "frame-ancestors 'none'" in [part.strip() for part in policy.split(";")]
    assert fields.get("x-frame-options") == "DENY"
    assert fields.get("referrer-policy") == "no-referrer"
    assert fields.get("x-content-type-options") == "nosniff"
    assert {name.lower() for name in NO_FRAMES} <= set(fields)


def _raw(served: Served, head: bytes) -> bytes:
    """The whole answer to the bytes `head` sent as they are (no client tidies them)."""
    with socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS) as connection:
        connection.sendall(head)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


def _fields(answer: bytes) -> dict[str, str]:
    head = answer.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    fields = {}
    for line in head[1:]:
        name, _, value = line.decode("latin-1").partition(":")
        fields[name.strip().lower()] = value.strip()
    return fields


@pytest.mark.parametrize("path", ["/static/", "/static/js/", "/static/fonts"])
def test_the_static_folder_is_not_listed(served: Served, path: str) -> None:
    """textual-serve listed its static folder (`show_index=True`) to any holder of the
    token: an index of every file, none of which the page needs to be found that way."""
    cookie = served.jar
    answer = _raw(
        served,
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\nCookie: {cookie}\r\n"
        "Connection: close\r\n\r\n".encode(),
    )
    line = answer.split(b"\r\n", 1)[0]
    assert b" 403 " in line or b" 404 " in line, line
    assert b"Index of" not in answer and b".js" not in answer and b".ttf" not in answer
    assert {name.lower(): value for name, value in NO_FRAMES.items()}.items() <= _fields(
        answer
    ).items()


def test_aiohttps_own_error_answers_forbid_frames_and_repeat_nothing(served: Served) -> None:
    """The 400 (a request line over aiohttp's limit) and the 431 (a header over ours) are
    built before any application sees the request: no frame headers, and the 400 repeated
    the start of the request line, an address that may hold the token."""
    secret = f"/?token={served.token}&" + "x" * 9000
    too_long = _raw(
        served, f"GET {secret} HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n\r\n".encode()
    )
    assert b" 400 " in too_long.split(b"\r\n", 1)[0], too_long[:80]
    assert served.token.encode() not in too_long and b"xxxx" not in too_long
    big_header = _raw(
        served,
        f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\nX-Big: {'b' * 70000}\r\n\r\n".encode(),
    )
    assert b" 431 " in big_header.split(b"\r\n", 1)[0], big_header[:80]
    wanted = {name.lower(): value for name, value in NO_FRAMES.items()}
    for answer in (too_long, big_header):
        assert wanted.items() <= _fields(answer).items(), answer[:400]
