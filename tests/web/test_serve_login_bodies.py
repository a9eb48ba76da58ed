"""A login's body the server cannot read is no token: a 403, never a 500 (fiftieth round).

Both login doors (`POST /login`, the page's; `POST /`, the login file's, which takes a post
with no Origin at all) read their form with aiohttp's `request.post()`, whose errors were
caught only as `ValueError`. A form that names a charset Python does not know
(`LookupError`), a multipart part of an unknown `Content-Transfer-Encoding`
(`RuntimeError`) or a gzip body that does not inflate (aiohttp's payload errors) went
through as a 500, and the console printed a traceback with its locals, the sender's body
among them, for each such post from anyone who can reach the port (no token needed).
"""

from __future__ import annotations

import socket

import pytest

from tests.web.helpers import WAIT_SECONDS, Served, status_of, whole_answer


def _multipart(part_headers: str, value: str) -> tuple[str, bytes]:
    """A multipart form whose one field, `token`, has `part_headers` and `value`."""
    body = (
        '--x\r\nContent-Disposition: form-data; name="token"\r\n'
        f"{part_headers}\r\n{value}\r\n--x--\r\n"
    )
    return "multipart/form-data; boundary=x", body.encode()


UNREADABLE = {
    "form-charset-unknown": (
        "application/x-www-form-urlencoded; charset=no-such-charset",
        b"token=TOKEN",
    ),
    "part-charset-unknown": _multipart("Content-Type: text/plain; charset=no-such\r\n", "TOKEN"),
    "part-transfer-encoding-unknown": _multipart("Content-Transfer-Encoding: no-such\r\n", "TOKEN"),
}


def _post(port: int, path: str, content_type: str, body: bytes, extra: str = "") -> bytes:
    """The server's whole answer to one post of `body` to `path` (no Origin: the login
    file's door takes that; `extra` adds headers)."""
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{extra}"
        f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    )
    return whole_answer(port, head.encode() + body)


@pytest.mark.parametrize("case", sorted(UNREADABLE))
def test_a_login_body_the_server_cannot_read_is_a_403_and_no_traceback(
    served: Served, case: str
) -> None:
    content_type, body = UNREADABLE[case]
    body = body.replace(b"TOKEN", served.token.encode())  # even the right one, unreadable
    origin = f"Origin: http://127.0.0.1:{served.port}\r\n"
    before = len(served.log.read_text())
    for path, extra in [("/", ""), ("/login", origin)]:
        answer = _post(served.port, path, content_type, body, extra)
        assert status_of(answer) == 403, (path, answer[:300])
        assert b"Set-Cookie" not in answer, (path, answer[:300])
    console = served.log.read_text()[before:]
    assert "Traceback" not in console and "Error" not in console, console[:600]
    # the server goes on: a readable form with the right token still logs in
    form = f"token={served.token}".encode()
    answer = _post(served.port, "/login", "application/x-www-form-urlencoded", form, origin)
    assert status_of(answer) == 204 and b"Set-Cookie: drillbit-token-" in answer, answer[:300]


def test_a_gzip_body_that_does_not_inflate_is_no_token_and_no_traceback(served: Served) -> None:
    before = len(served.log.read_text())
    answer = _post(
        served.port,
        "/",
        "application/x-www-form-urlencoded",
        b"this is not gzip",
        "Content-Encoding: gzip\r\n",
    )
    assert status_of(answer) in (400, 403), answer[:300]
    assert b"Set-Cookie" not in answer
    console = served.log.read_text()[before:]
    assert "Traceback" not in console, console[:600]


def test_a_login_whose_body_never_comes_is_answered_408_and_the_user_gets_in(
    served: Served,
) -> None:
    """A post that names its length and sends part of its body, then nothing, held its
    connection and handler for as long as it liked (90 s and on, on this machine)."""
    origin = f"Origin: http://127.0.0.1:{served.port}\r\n"
    stalled = []
    for path, extra in [("/", ""), ("/login", origin)]:
        connection = socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS)
        connection.sendall(
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n{extra}"
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n"
            "\r\ntoken=".encode()
        )
        stalled.append(connection)
    # meanwhile the user logs in at once
    form = f"token={served.token}".encode()
    answer = _post(served.port, "/login", "application/x-www-form-urlencoded", form, origin)
    assert status_of(answer) == 204, answer[:300]
    for connection in stalled:
        with connection:
            answer = b""
            while chunk := connection.recv(65536):  # the server ends it: no reset, no wait
                answer += chunk
        assert status_of(answer) == 408, answer[:300]
        assert b"did not arrive within" in answer and b"Set-Cookie" not in answer


def test_a_login_whose_sender_leaves_mid_body_leaves_no_traceback(served: Served) -> None:
    """A post that names a length, sends part of its body and closes its connection: the
    form's reading raised `ConnectionResetError`, a screen of traceback in the console."""
    origin = f"Origin: http://127.0.0.1:{served.port}\r\n"
    before = len(served.log.read_text())
    for path, extra in [("/", ""), ("/login", origin)]:
        with socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS) as left:
            left.sendall(
                f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n{extra}"
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n"
                "\r\ntoken=".encode()
            )
    # the server goes on (and has read both posts' ends by its answer to this one)
    form = f"token={served.token}".encode()
    answer = _post(served.port, "/login", "application/x-www-form-urlencoded", form, origin)
    assert status_of(answer) == 204, answer[:300]
    console = served.log.read_text()[before:]  # the fixture reads it all once stopped, too
    assert "Traceback" not in console and "ConnectionResetError" not in console, console[:600]


def test_a_login_body_of_50_mb_is_a_413_and_the_user_gets_in(served: Served) -> None:
    """aiohttp reads a form up to its `client_max_size` (1 MiB); past it, a 413."""
    origin = f"Origin: http://127.0.0.1:{served.port}\r\n"
    size = 50 * 1024 * 1024
    with socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS) as big:
        big.sendall(
            f"POST /login HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n{origin}"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            f"Content-Length: {size}\r\n\r\ntoken=".encode()
        )
        block = b"a" * 65536
        try:
            for _ in range(size // len(block)):
                big.sendall(block)
        except OSError:
            pass  # the server answered and closed before the end: what is asked of it
        answer = big.recv(4096)
    assert status_of(answer) == 413, answer[:300]
    assert b"Set-Cookie" not in answer
    form = f"token={served.token}".encode()
    answer = _post(served.port, "/login", "application/x-www-form-urlencoded", form, origin)
    assert status_of(answer) == 204, answer[:300]
