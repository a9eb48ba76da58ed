"""`drillbit serve` attacked, fifty-fourth round (serve54): the fifty-third round's open items.

Each test is an attack on a real server that got through before its fix: a request line of
another HTTP version served as HTTP/1, a login cookie tossed in beside ours choosing which
login a logout ended, a second request begun in the packet of a first given no clock on its
head, and a new token only by `kill -USR1` (now `drillbit serve --new-token`).
"""

from __future__ import annotations

import socket

from quiz.serve.headers import HEAD_TOO_SLOW
from quiz.serve.page import LOGGED_OUT
from quiz.serve.versions import version_refused
from tests.web.helpers import (
    WAIT_SECONDS,
    Served,
    login_jar,
    read_head,
    status_of,
    whole_answer,
)
from tests.web.test_serve_attacked50 import _apps, _frame, _frames, _until
from tests.web.test_serve_attacked51 import _open_tab


def _host(served: Served) -> str:
    return f"Host: 127.0.0.1:{served.port}\r\n"


def _answer(served: Served, request: str) -> bytes:
    return whole_answer(served.port, request.encode("latin-1"))


def test_a_request_line_of_another_version_is_a_505_that_says_which_are_spoken(
    served: Served,
) -> None:
    """`HTTP/2.0` and `HTTP/0.9` spelt out (the two others llhttp reads; it refuses
    `HTTP/3.0` and `HTTP/1.2`, a 400) in a request line with the login cookie: a 505 in HTTP/1.1's words that names the versions spoken, the connection closed
    (the static file was served as HTTP/1, a 200); HTTP/1.0 and 1.1 are served as before."""
    file = "GET /static/js/textual.js"
    for version in ("2.0", "0.9"):
        request = (
            f"{file} HTTP/{version}\r\n{_host(served)}Cookie: {served.jar}\r\n"
            # kept alive: the 505 closes the connection all the same
            "\r\n"
        )
        with socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS) as raw:
            raw.sendall(request.encode())
            answer = b""
            while chunk := raw.recv(65536):
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 505 "), (version, answer[:300])
        major, minor = (int(part) for part in version.split("."))
        assert version_refused(major, minor).encode() in answer
        assert b"Connection: close" in answer and b"X-Frame-Options: DENY" in answer
    for version in ("1.0", "1.1"):
        request = (
            f"{file} HTTP/{version}\r\n{_host(served)}Cookie: {served.jar}\r\n"
            "Connection: close\r\n\r\n"
        )
        assert status_of(_answer(served, request)) == 200, version


def _read_all(connection: socket.socket) -> bytes:
    answer = b""
    while chunk := connection.recv(65536):
        answer += chunk
    return answer


def test_a_head_begun_in_the_packet_of_a_whole_request_has_its_clock_from_then(
    served: Served,
) -> None:
    """A whole request and the start of the next in one packet, then nothing: the second's
    head gets its 408 `HEAD_SECONDS` after that packet (its clock started only at its next
    bytes, so a client that sent none held the connection 75 s and was closed without a
    word), after a GET and after a post whose body (`Content-Length`) came whole in that
    packet. Two whole requests in one packet start no clock: that connection, idle as long,
    serves its next request."""
    request = f"GET /static/js/textual.js HTTP/1.1\r\n{_host(served)}\r\n".encode()
    form = b"token=x"
    post = (
        f"POST /login HTTP/1.1\r\n{_host(served)}Origin: http://127.0.0.1:{served.port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(form)}\r\n\r\n"
    ).encode() + form
    begun = b"GET / HTTP/1.1\r\nHost: 127.0"

    def connect() -> socket.socket:
        return socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS)

    with connect() as idle, connect() as after_get, connect() as after_post:
        idle.sendall(request + request)
        after_get.sendall(request + begun)
        after_post.sendall(post + begun)
        for connection, first in ((after_get, b"HTTP/1.1 403 "), (after_post, b"HTTP/1.1 403 ")):
            answer = _read_all(connection)
            assert answer.startswith(first), answer[:300]
            assert b"HTTP/1.1 408 " in answer, answer[-600:]
            assert HEAD_TOO_SLOW.encode() in answer
        kept = b""
        while kept.count(b"HTTP/1.1 403 ") < 2:
            chunk = idle.recv(65536)
            assert chunk, kept[-300:]
            kept += chunk
        assert b"HTTP/1.1 408 " not in kept
        idle.sendall(request)  # idle past the head's bound: read as any
        assert read_head(idle).startswith(b"HTTP/1.1 403 ")


def _logout(served: Served, cookies: str) -> int:
    return status_of(
        _answer(
            served,
            f"POST /logout HTTP/1.1\r\n{_host(served)}Cookie: {cookies}\r\n"
            f"Origin: http://127.0.0.1:{served.port}\r\nContent-Length: 0\r\n"
            "Connection: close\r\n\r\n",
        )
    )


def _static_with(served: Served, cookies: str) -> int:
    return status_of(
        _answer(
            served,
            f"GET /static/js/textual.js HTTP/1.1\r\n{_host(served)}Cookie: {cookies}\r\n"
            "Connection: close\r\n\r\n",
        )
    )


def test_a_login_cookie_tossed_in_beside_ours_neither_keeps_nor_ends_our_login(
    served: Served,
) -> None:
    """Another server of the address tosses in a cookie of our name (another path), holding
    a login's secret it was handed (another browser's): the browser sends it first. Our
    logout ends our login too (only the first live value sent was ended: ours opened the
    files after it), and the tossed login's own logout does not close the tab opened with
    both while ours lives (the tab was tied to the first sent, and closed); ours then
    closes it."""
    ours = login_jar(served.port, served.token)
    tossed = login_jar(served.port, served.token)
    both = f"{tossed}; {ours}"

    assert _static_with(served, both) == 200
    assert _logout(served, both) == 204
    assert _static_with(served, ours) == 403 and _static_with(served, tossed) == 403

    ours = login_jar(served.port, served.token)
    tossed = login_jar(served.port, served.token)
    tab = _open_tab(served, f"{tossed}; {ours}")
    _until(lambda: len(_apps(served)) == 1, "the tab's app to start")
    with tab:
        assert _logout(served, tossed) == 204  # the other browser's logout
        # the server closes a tab before it answers its logout: a ping answered after it
        # says the tab stands (a close frame would come first)
        tab.sendall(_frame(0x1, b'["ping", "after"]'))
        for opcode, payload in _frames(tab):
            assert opcode != 0x8, payload  # no close
            if b'"after"' in payload:
                break
        assert _static_with(served, ours) == 200 and len(_apps(served)) == 1
        assert _logout(served, ours) == 204
        closes = [payload for opcode, payload in _frames(tab) if opcode == 0x8]
    assert closes and closes[0][:2] == LOGGED_OUT.to_bytes(2, "big"), closes
    _until(lambda: _apps(served) == [], "the tab's app to end")


def test_a_file_asked_for_by_another_origins_page_without_sec_fetch_is_refused(
    served: Served,
) -> None:
    """An older browser (no `Sec-Fetch-*`, no resource policy) loading a static file into
    another port's page with the login cookie names that page in its `Referer`, and in its
    `Origin` for a CORS load: a 403 whatever the cookie, so the load tells the page nothing
    of the login (a 200 before, a 403 without the cookie). This server's own page (no
    Referer, its own Origin, `localhost` for `127.0.0.1`) is served; the printed URL opened
    from another site's link still gets its 303."""
    other = f"http://127.0.0.1:{served.port + 1 if served.port < 65535 else served.port - 1}"
    own = f"http://localhost:{served.port}"
    for extra, status in [
        (f"Referer: {other}/attack.html\r\n", 403),
        (f"Origin: {other}\r\n", 403),
        ("Origin: null\r\n", 403),
        (f"Referer: http://evil@127.0.0.1:{served.port}/\r\n", 403),
        ("", 200),
        (f"Referer: {own}/\r\n", 200),
        (f"Origin: {own}\r\n", 200),
    ]:
        request = (
            f"GET /static/js/textual.js HTTP/1.1\r\n{_host(served)}Cookie: {served.jar}\r\n"
            f"{extra}Connection: close\r\n\r\n"
        )
        answer = _answer(served, request)
        assert status_of(answer) == status, (extra, answer[:400])
        if status == 403:
            assert b"only this server's page loads its files" in answer
    linked = (
        f"GET /?token={served.token} HTTP/1.1\r\n{_host(served)}Referer: {other}/links.html\r\n"
        "Connection: close\r\n\r\n"
    )
    assert status_of(_answer(served, linked)) == 303
