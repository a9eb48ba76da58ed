"""`drillbit serve` attacked where the earlier rounds' tests did not look (fifty-first round).

Each is sent with raw sockets to a real server on 127.0.0.1 (a temp DRILLBIT_HOME), as a
local program would: request smuggling (Content-Length with Transfer-Encoding, two
Content-Lengths, a folded header), a websocket of another protocol version, a flood of
headers, a header or an address over the limits, a login cookie with a NUL or a comma,
a percent-encoded NUL in a path, requests pipelined after a login, loopback as `[::1]`;
and the logout of a browser whose tab is open. Statuses are read from the status line
alone, never looked for in text that may hold the port.
"""

from __future__ import annotations

import base64
import os
import socket

from tests.web.helpers import WAIT_SECONDS, Served, read_head, status_of, whole_answer
from tests.web.test_serve_attacked50 import _apps, _until


def _answer(served: Served, request: str) -> bytes:
    return whole_answer(served.port, request.encode("latin-1"))


def _statuses(answer: bytes) -> list[int]:
    """The status of each answer in `answer`, one after another on a connection."""
    found = []
    rest = answer
    while rest.startswith(b"HTTP/1."):
        head, _, rest = rest.partition(b"\r\n\r\n")
        found.append(int(head.split(b" ", 2)[1]))
        length = [
            int(line.split(b":", 1)[1])
            for line in head.split(b"\r\n")[1:]
            if line.lower().startswith(b"content-length:")
        ]
        rest = rest[length[0] if length else len(rest) :]
    return found


def _login_jar(served: Served) -> str:
    """One login's cookie, `name=value` (each login has its own)."""
    return served.jar


def test_smuggled_requests_are_refused_whole(served: Served) -> None:
    """A front proxy and the server reading one request's end differently hides a second
    request in the first's body; there is no proxy here, but a body the server read one way
    and a client another must not carry a second request past the login."""
    host = f"Host: 127.0.0.1:{served.port}\r\n"
    hidden = f"GET /?token={served.token} HTTP/1.1\r\n{host}\r\n"
    smuggles = [
        # both lengths: chunked says the body ends at once, the length says 4 bytes more
        f"POST /login HTTP/1.1\r\n{host}Content-Length: 4\r\nTransfer-Encoding: chunked\r\n"
        f"\r\n0\r\n\r\n{hidden}",
        f"POST /login HTTP/1.1\r\n{host}Content-Length: 4\r\nContent-Length: 40\r\n\r\n{hidden}",
        f"POST /login HTTP/1.1\r\n{host}Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n"
        f"{hidden}",
        # a folded (obs-fold) Host: this server's name on the continuation line
        f"GET /?token={served.token} HTTP/1.1\r\nHost: evil.example\r\n"
        f" 127.0.0.1:{served.port}\r\n\r\n",
        f"GET / HTTP/1.1\r\n{host}Cookie: x=1\r\n {served.jar}\r\n\r\n",
    ]
    for request in smuggles:
        answer = _answer(served, request)
        assert _statuses(answer) == [400], (request, answer[:300])
        assert b"Set-Cookie" not in answer and served.token.encode() not in answer


def test_a_websocket_of_another_version_is_not_upgraded(served: Served) -> None:
    jar = _login_jar(served)
    for version in ["8", "7", "12", "13x", ""]:
        key = base64.b64encode(os.urandom(16)).decode()
        answer = _answer(
            served,
            f"GET /ws?width=80&height=24&token={served.token} HTTP/1.1\r\n"
            f"Host: 127.0.0.1:{served.port}\r\nCookie: {jar}\r\n"
            f"Origin: http://127.0.0.1:{served.port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
            f"Sec-WebSocket-Version: {version}\r\n\r\n",
        )
        assert status_of(answer) == 426, (version, answer[:300])
        assert b"\r\nSec-WebSocket-Version: 13\r\n" in answer
    assert _apps(served) == []  # no app started for any


def test_header_floods_and_long_addresses_are_refused_without_the_token(served: Served) -> None:
    host = f"Host: 127.0.0.1:{served.port}\r\n"
    many = "".join(f"X-{n}: a\r\n" for n in range(20_000))
    refused = {
        f"GET /?token={served.token} HTTP/1.1\r\n{host}{many}Connection: close\r\n\r\n": 400,
        f"GET /?token={served.token}&x={'a' * 100_000} HTTP/1.1\r\n{host}"
        "Connection: close\r\n\r\n": 400,
        f"GET / HTTP/1.1\r\n{host}X-Big: {'a' * (64 * 1024 + 1)}\r\nConnection: close\r\n\r\n": 431,
    }
    for request, status in refused.items():
        answer = _answer(served, request)
        assert status_of(answer) == status, answer[:300]
        assert served.token.encode() not in answer  # the address is never quoted back
    # the server still answers its user
    assert (
        status_of(
            _answer(
                served, f"GET /?token={served.token} HTTP/1.1\r\n{host}Connection: close\r\n\r\n"
            )
        )
        == 303
    )


def test_a_login_cookie_with_a_nul_or_a_comma_opens_nothing_it_should_not(served: Served) -> None:
    host = f"Host: 127.0.0.1:{served.port}\r\n"
    jar = _login_jar(served)
    name = jar.split("=", 1)[0]

    def page(cookie: str) -> bytes:
        return _answer(
            served, f"GET / HTTP/1.1\r\n{host}Cookie: {cookie}\r\nConnection: close\r\n\r\n"
        )

    assert status_of(page(f"{jar}\x00x")) == 400  # a NUL is no header byte
    # a comma separates cookies (RFC 2965's separator, as in "x=1, ours" below): since the
    # fifty-second round every value of the name is tried (quiz/serve/cookies.py), so ours
    # before a comma is ours, and a value not ours before one opens nothing
    assert status_of(page(f"{jar},x=1")) == 200
    assert status_of(page(f"{name}=not-ours,x=1")) == 403
    assert status_of(page(f"{name}=\x00{jar.split('=', 1)[1]}")) == 400
    # a cookie before ours, comma-separated as RFC 2965 allowed: ours is still ours
    assert status_of(page(f"x=1, {jar}")) == 200
    assert status_of(page(f"x=1, {name}=not-ours")) == 403


def test_a_percent_encoded_nul_or_climb_in_a_path_finds_nothing(served: Served) -> None:
    host = f"Host: 127.0.0.1:{served.port}\r\n"
    jar = _login_jar(served)
    for path in [
        "/static/%00",
        "/static/js/textual.js%00.png",
        "/static/..%2f..%2f..%2fetc%2fpasswd",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/ws%00",
        "/%00",
    ]:
        answer = _answer(
            served, f"GET {path} HTTP/1.1\r\n{host}Cookie: {jar}\r\nConnection: close\r\n\r\n"
        )
        assert status_of(answer) in (400, 403, 404), (path, answer[:300])
        assert b"root:" not in answer and b"[project]" not in answer


def test_requests_pipelined_after_a_login_are_each_checked(served: Served) -> None:
    host = f"Host: 127.0.0.1:{served.port}\r\n"
    jar = _login_jar(served)
    script = "GET /static/js/textual.js HTTP/1.1\r\n"
    answer = _answer(
        served,
        f"{script}{host}Cookie: {jar}\r\n\r\n"  # logged in
        f"{script}{host}\r\n"  # the same connection, no login
        f"GET /ws?token={served.token} HTTP/1.1\r\n{host}Connection: close\r\n\r\n",
    )
    assert _statuses(answer) == [200, 403, 403], answer[:300]
    # and the printed URL's redirect then a page without the cookie it set
    answer = _answer(
        served,
        f"GET /?token={served.token} HTTP/1.1\r\n{host}\r\n"
        f"GET / HTTP/1.1\r\n{host}Connection: close\r\n\r\n",
    )
    assert _statuses(answer) == [303, 403], answer[:300]


def test_loopback_as_ipv6_or_with_a_trailing_dot_in_the_host_header(served: Served) -> None:
    """`[::1]` is loopback, one of the names the server takes as its own (a browser on this
    machine may open it); `localhost.` is a DNS name with its root, which the server never
    printed: refused, as `127.0.0.1.` is (fiftieth round)."""
    jar = _login_jar(served)
    for host, status in [(f"[::1]:{served.port}", 200), (f"localhost.:{served.port}", 403)]:
        answer = _answer(
            served, f"GET / HTTP/1.1\r\nHost: {host}\r\nCookie: {jar}\r\nConnection: close\r\n\r\n"
        )
        assert status_of(answer) == status, (host, answer[:300])


def _open_tab(served: Served, jar: str) -> socket.socket:
    tab = socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS)
    key = base64.b64encode(os.urandom(16)).decode()
    tab.sendall(
        f"GET /ws?width=80&height=24&token={served.token} HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{served.port}\r\nCookie: {jar}\r\n"
        f"Origin: http://127.0.0.1:{served.port}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
    )
    received = read_head(tab)
    assert received.startswith(b"HTTP/1.1 101 "), received[:300]
    return tab


def test_a_logout_closes_its_browsers_tabs_and_ends_their_apps(served: Served) -> None:
    mine, other = _login_jar(served), _login_jar(served)
    tab = _open_tab(served, mine)
    _until(lambda: len(_apps(served)) == 1, "the tab's app to start")
    answer = _answer(
        served,
        f"POST /logout HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\nCookie: {mine}\r\n"
        f"Origin: http://127.0.0.1:{served.port}\r\nContent-Length: 0\r\n"
        "Connection: close\r\n\r\n",
    )
    assert status_of(answer) == 204, answer[:300]
    received = b""
    with tab:
        while b"you logged out" not in received:
            chunk = tab.recv(65536)
            assert chunk, received[-300:]
            received += chunk
    # the close frame: code 4001 (LOGGED_OUT), which the page says in its own words
    assert b"\x88\x10\x0f\xa1you logged out" in received
    _until(lambda: _apps(served) == [], "the tab's app to end")
    host = f"Host: 127.0.0.1:{served.port}\r\n"
    for jar, status in [(mine, 403), (other, 200)]:
        answer = _answer(
            served,
            f"GET /static/js/textual.js HTTP/1.1\r\n{host}Cookie: {jar}\r\nConnection: close\r\n\r\n",
        )
        assert status_of(answer) == status
