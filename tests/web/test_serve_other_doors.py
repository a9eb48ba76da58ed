"""`drillbit serve` attacked at doors the earlier rounds' tests did not name (forty-second round).

Each was sent with raw sockets to a running server, as a page on another port of 127.0.0.1
(which a browser hands the cookie: cookies ignore ports, and such a page is same-site, so
`SameSite=Strict` does not hold it back) or a local program would: the websocket reached by
another spelling of its path, with the cookie but not the token, from another site's page; a
cross-site form POST and a TRACE with the cookie; the download route walked out of; the token
carried where the server does not look for it; Origins that only resemble this server's. Each
was refused on this machine before these tests were written; they keep it so.
"""

from __future__ import annotations

import socket

import pytest

from tests.web.helpers import WAIT_SECONDS, Served

UPGRADE = (
    "Upgrade: websocket\r\nConnection: Upgrade\r\n"
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
)


def _answer(port: int, request: str) -> bytes:
    """The server's first bytes for `request` (one connection, then closed)."""
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT_SECONDS) as connection:
        connection.sendall(request.encode("latin-1"))
        return connection.recv(4096)


def _status(answer: bytes) -> int:
    return int(answer.split(b"\r\n", 1)[0].split()[1])


def _cookie(served: Served) -> str:
    return f"Cookie: {served.jar}\r\n"


def test_the_websocket_by_another_spelling_of_its_path_needs_the_token_and_our_origin(
    served: Served,
) -> None:
    # the websocket's own rules (the token in its URL, this server's Origin) are chosen by
    # `request.path == "/ws"`; a spelling the router still sent to the websocket, with the
    # cookie alone, would have been checked as a page and opened a tab for another site
    host = f"Host: 127.0.0.1:{served.port}\r\n"
    spellings = ["/ws", "//ws", "/ws/", "/./ws", "/%77s", "/x/../ws", "/WS", "/ws%00", "/ws;x"]
    spellings.append(f"http://127.0.0.1:{served.port}/ws")  # the request line's absolute form
    for path in spellings:
        answer = _answer(
            served.port,
            f"GET {path} HTTP/1.1\r\n{host}{_cookie(served)}{UPGRADE}"
            "Origin: http://127.0.0.1:9999\r\n\r\n",
        )
        assert _status(answer) in (403, 404), (path, answer[:200])


def test_a_cross_site_post_or_trace_with_the_cookie_changes_nothing_and_echoes_nothing(
    served: Served,
) -> None:
    host = f"Host: 127.0.0.1:{served.port}\r\n"
    form = "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\na=b"
    for method, path in [("POST", "/"), ("POST", "/ws"), ("POST", "/download/x")]:
        answer = _answer(
            served.port,
            f"{method} {path} HTTP/1.1\r\n{host}{_cookie(served)}"
            f"Origin: http://127.0.0.1:9999\r\n{form}",
        )
        assert _status(answer) in (403, 404, 405), (method, path, answer[:200])
        assert b"Set-Cookie" not in answer
    trace = _answer(served.port, f"TRACE / HTTP/1.1\r\n{host}{_cookie(served)}\r\n")
    assert _status(trace) == 405, trace[:200]
    assert served.token.encode() not in trace  # a TRACE echo would hand a page the cookie


@pytest.mark.parametrize(
    "path",
    ["/download/..%2f..%2fetc%2fpasswd", "/download/%2e%2e/%2e%2e/etc/passwd", "/download/"],
)
def test_the_download_route_serves_no_file_by_its_path(served: Served, path: str) -> None:
    answer = _answer(
        served.port,
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n{_cookie(served)}"
        "Connection: close\r\n\r\n",
    )
    assert _status(answer) == 404, answer[:200]
    assert b"root:" not in answer


def test_the_token_counts_only_in_the_query_or_this_ports_cookie(served: Served) -> None:
    host = f"Host: 127.0.0.1:{served.port}\r\n"
    elsewhere = [
        f"Authorization: Bearer {served.token}\r\n",
        f"X-Drillbit-Token: {served.token}\r\n",
        f"Cookie: drillbit-token-1={served.cookie_value}\r\n",  # another port's cookie name
        f"Cookie: drillbit-token-{served.port}={served.token}\r\n",  # the token is no cookie
        f"Cookie: token={served.token}\r\n",
        f"Referer: http://127.0.0.1:{served.port}/?token={served.token}\r\n",
    ]
    for header in elsewhere:
        answer = _answer(served.port, f"GET / HTTP/1.1\r\n{host}{header}\r\n")
        assert _status(answer) == 403, (header, answer[:200])
    genuine = _answer(served.port, f"GET /?token={served.token} HTTP/1.1\r\n{host}\r\n")
    assert _status(genuine) == 303, genuine[:200]  # to the page, with the cookie


def test_origins_that_only_resemble_this_servers_open_no_tab(served: Served) -> None:
    port = served.port
    resembling = [
        "null",  # a sandboxed frame's or a file's page
        f"http://127.0.0.1:{port}.evil.example",
        f"http://evil.example#127.0.0.1:{port}",
        f"http://user@127.0.0.1:{port}",
        f"https://127.0.0.1:{port}",
        f"http://127.0.0.1:{port + 1}",
        f"ws://127.0.0.1:{port}",
    ]
    for origin in resembling:
        answer = _answer(
            port,
            f"GET /ws?token={served.token} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{UPGRADE}"
            f"Origin: {origin}\r\n\r\n",
        )
        assert _status(answer) == 403, (origin, answer[:200])
        assert b"is not allowed" in answer
