"""`drillbit serve` attacked as a hostile page or a LAN neighbour would (fifty-second round).

Sent with raw sockets to a real server on 127.0.0.1 (a temp DRILLBIT_HOME), or against the
login's own code: a body announced with `Expect: 100-continue` where no route reads one
(it was told "100 Continue" before the login was looked at), a login cookie shadowed by one
of the same name tossed in by another server of the address (it shut the browser out), the
secrets' comparisons, the token in a `Referer` or the console, a login form trickled a byte
at a time, a tab that goes silent, websocket Origins by other spellings, climbs out of the
static folder by encoded dots, HTTP/1.0 without a Host, and request smuggling by other
spellings of `Transfer-Encoding`. Statuses are read from the status line alone.
"""

from __future__ import annotations

import base64
import contextlib
import hmac
import os
import socket
import time

import pytest

from quiz.serve.cookies import MOST_VALUES, cookie_values
from quiz.serve.expect import NO_BODY_HERE
from quiz.serve.handoff import Handoffs
from quiz.serve.login import Login
from quiz.serve.sessions import MOST_SESSIONS, Sessions
from tests.web.helpers import WAIT_SECONDS, Served, read_head, status_of, whole_answer
from tests.web.test_serve_attacked50 import _apps, _open_tab, _until
from tests.web.test_serve_attacked51 import _statuses


def _host(served: Served) -> str:
    return f"Host: 127.0.0.1:{served.port}\r\n"


def _answer(served: Served, request: str) -> bytes:
    return whole_answer(served.port, request.encode("latin-1"))


def _first_answer(served: Served, request: str) -> tuple[bytes, socket.socket]:
    """The head of the server's first answer to `request`, and the open connection."""
    connection = socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS)
    connection.sendall(request.encode("latin-1"))
    return read_head(connection), connection


# Expect: 100-continue where no route reads a body (open since the fifty-first round)


BODILESS = [
    "GET /static/js/textual.js",  # the static route, named by the fifty-first round
    "POST /static/js/textual.js",
    "GET /",
    "PUT /",
    "GET /ws",
    "POST /nowhere",  # aiohttp's own 404 route
    "GET /download/x",
]
"""Requests to routes that read no body (one server for them all: a start is slow)."""


def test_a_body_announced_where_none_is_read_is_refused_before_any_continue(
    served: Served,
) -> None:
    """Without a login, 50 MB announced: a 417 at once, never "100 Continue" first (the
    static route said it, then a 403 for the login)."""
    for line in BODILESS:
        head, connection = _first_answer(
            served,
            f"{line} HTTP/1.1\r\n{_host(served)}Content-Length: 52428800\r\n"
            "Expect: 100-continue\r\n\r\n",
        )
        connection.close()
        assert head.startswith(b"HTTP/1.1 417 "), (line, head[:200])
        assert b"Connection: close" in head
        assert b"X-Frame-Options: DENY" in head  # the headers of every answer


def test_the_login_doors_still_continue_within_the_limit_and_say_what_417_means(
    served: Served,
) -> None:
    head, connection = _first_answer(
        served,
        f"POST /login HTTP/1.1\r\n{_host(served)}Content-Length: 10\r\n"
        "Expect: 100-continue\r\n\r\n",
    )
    connection.close()
    assert head.startswith(b"HTTP/1.1 100 Continue"), head[:200]
    answer = _answer(
        served,
        f"GET / HTTP/1.1\r\n{_host(served)}Expect: 100-continue\r\nContent-Length: 5\r\n"
        "Connection: close\r\n\r\nxxxxx",
    )
    assert status_of(answer) == 417
    assert answer.endswith(NO_BODY_HERE.encode())


# cookie tossing


def test_every_value_of_a_cookie_name_is_read_the_last_few_kept() -> None:
    name = "drillbit-token-1"
    headers = [f'x=1; {name}=tossed; {name}="ours", y=2', f"{name}=second-header"]
    assert cookie_values(headers, name) == ["tossed", "ours", "second-header"]
    assert cookie_values([f"{name}x=1; x{name}=2; {name}"], name) == []
    many = [";".join(f"{name}={n}" for n in range(20))]
    assert cookie_values(many, name) == [str(n) for n in range(20 - MOST_VALUES, 20)]


def test_a_cookie_of_our_name_tossed_in_beside_ours_does_not_shut_the_login_out(
    served: Served,
) -> None:
    """Another server of 127.0.0.1 (any port), or a sibling `evil.localhost`, sets a cookie
    of drillbit's name with another path or domain: the browser sends both. aiohttp read the
    last alone, so one sent after ours refused every request of the page (403)."""
    jar = served.jar
    name = jar.split("=", 1)[0]

    def page(cookies: str) -> int:
        return status_of(
            _answer(
                served,
                f"GET /static/js/textual.js HTTP/1.1\r\n{_host(served)}Cookie: {cookies}\r\n"
                "Connection: close\r\n\r\n",
            )
        )

    assert page(f"{jar}; {name}=tossed") == 200  # was 403
    assert page(f"{name}=tossed; {jar}") == 200
    assert page(f"{name}=; {jar}; {name}=tossed; {name}=again") == 200
    # tossed cookies alone open nothing, however many
    assert page("; ".join(f"{name}=tossed{n}" for n in range(30))) == 403
    # the websocket takes ours beside a tossed one too, and its app starts
    tab = _open_tab_with_cookies(served, f"{jar}; {name}=tossed")
    tab.close()


def _open_tab_with_cookies(served: Served, cookies: str) -> socket.socket:
    key = base64.b64encode(os.urandom(16)).decode()
    head, tab = _first_answer(
        served,
        f"GET /ws?width=80&height=24&token={served.token} HTTP/1.1\r\n{_host(served)}"
        f"Cookie: {cookies}\r\nOrigin: http://127.0.0.1:{served.port}\r\n"
        "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n",
    )
    assert head.startswith(b"HTTP/1.1 101 "), head[:300]
    return tab


def test_a_logout_beside_a_tossed_cookie_ends_the_login_it_carries(served: Served) -> None:
    jar = served.jar  # a new login each time it is read
    name = jar.split("=", 1)[0]
    origin = f"Origin: http://127.0.0.1:{served.port}\r\n"
    out = _answer(
        served,
        f"POST /logout HTTP/1.1\r\n{_host(served)}{origin}Cookie: {jar}; {name}=tossed"
        "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
    )
    assert status_of(out) == 204
    after = _answer(
        served,
        f"GET /static/js/textual.js HTTP/1.1\r\n{_host(served)}Cookie: {jar}\r\n"
        "Connection: close\r\n\r\n",
    )
    assert status_of(after) == 403  # that login ended, not the tossed value's


# the secrets' comparisons


def test_every_secret_is_compared_by_compare_digest_each_stored_one_every_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Constant time by construction: each comparison of a token, a login's cookie or a
    one-use code goes through `hmac.compare_digest` over bytes, and a lookup compares the
    candidate with every stored secret, the match or not, with no early exit."""
    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def recording(a: bytes, b: bytes) -> bool:
        assert isinstance(a, bytes) and isinstance(b, bytes)
        compared.append((a, b))
        return bool(real(a, b))

    monkeypatch.setattr(hmac, "compare_digest", recording)  # the module secret_match calls
    login = Login.new("127.0.0.1", 8000)
    wrong = login.token[:-1] + ("A" if login.token[-1] != "A" else "B")  # one character off
    assert not login.accepts(wrong) and login.accepts(login.token)
    assert [b for _, b in compared] == [login.token.encode()] * 2
    sessions = Sessions()
    issued = [sessions.issue() for _ in range(MOST_SESSIONS)]
    for candidate in (issued[0], issued[-1], "nope"):
        compared.clear()
        sessions.holds(candidate)
        assert len(compared) == MOST_SESSIONS, candidate  # all of them, the first one's too
    handoffs = Handoffs()
    codes = [handoffs.issue() for _ in range(3)]
    compared.clear()
    assert handoffs.spend(codes[0])
    assert len(compared) == len(codes)


# the token in a Referer, in the console


def test_the_token_in_a_referer_opens_nothing_and_the_console_never_repeats_it(
    served: Served,
) -> None:
    token = served.token
    host = _host(served)
    requests = [
        # a page of the app that links elsewhere would hand its address as a Referer; no
        # answer lets it (Referrer-Policy), and one sent to the server counts for nothing
        f"GET / HTTP/1.1\r\n{host}Referer: http://127.0.0.1:{served.port}/?token={token}\r\n",
        f"GET /static/js/textual.js HTTP/1.1\r\n{host}Referer: /#token={token}\r\n",
        # the right token with another Host, and in a path
        f"GET /?token={token} HTTP/1.1\r\nHost: evil.example:{served.port}\r\n",
        f"GET /{token} HTTP/1.1\r\n{host}",
        f"GET /?token={token[:-2]} HTTP/1.1\r\n{host}",
    ]
    for request in requests:
        answer = _answer(served, request + "Connection: close\r\n\r\n")
        assert status_of(answer) in (403, 404), (request, answer[:200])
        assert b"Referrer-Policy: no-referrer" in answer
        assert token.encode() not in answer
    login = _answer(
        served,
        f"POST /login HTTP/1.1\r\n{host}Origin: http://evil.example\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(token) + 6}\r\nConnection: close\r\n\r\ntoken={token}",
    )
    assert status_of(login) == 403
    _until(lambda: "refused" in served.log.read_text(), "the refusals said on the console")
    assert served.log.read_text().count(token) == 1  # the banner's, once


# slowloris on the login form


def test_a_login_form_trickled_a_byte_at_a_time_is_cut_off_and_the_user_gets_in(
    served: Served,
) -> None:
    """Its body's bytes keep coming, so no idle timer ends it: the whole form has its 10 s
    (the fiftieth round pinned a body that never comes)."""
    head = (
        f"POST /login HTTP/1.1\r\n{_host(served)}Origin: http://127.0.0.1:{served.port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
    )
    trickles = [
        socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS) for _ in range(8)
    ]
    answers = [b""] * len(trickles)
    try:
        for connection in trickles:
            connection.sendall(head.encode())
            connection.setblocking(False)
        # meanwhile the user's login goes through
        assert (
            status_of(
                _answer(
                    served,
                    f"GET /?token={served.token} HTTP/1.1\r\n"
                    f"{_host(served)}Connection: close\r\n\r\n",
                )
            )
            == 303
        )
        deadline = time.monotonic() + WAIT_SECONDS
        while not all(answers) and time.monotonic() < deadline:
            for n, connection in enumerate(trickles):
                if answers[n]:
                    continue
                try:
                    answers[n] = connection.recv(4096) or b"closed with no answer"
                    continue
                except BlockingIOError:
                    pass
                with contextlib.suppress(BlockingIOError):
                    connection.send(b"x")  # one more byte of the form
            time.sleep(0.5)
    finally:
        for connection in trickles:
            connection.close()
    assert all(answer.startswith(b"HTTP/1.1 408 ") for answer in answers), answers


# half-open websockets


def test_a_tab_that_goes_silent_gives_its_slot_back_to_the_next(served_one_tab: Served) -> None:
    """A tab that upgraded, then neither reads nor answers a ping (a browser whose machine
    slept, or a program holding tabs open): the heartbeat ends it and its app, and the one
    slot (`--max-tabs 1`) goes to the next tab. Until then the next is told the tabs are full."""
    served = served_one_tab
    silent = _open_tab(served)
    try:
        _until(lambda: len(_apps(served)) == 1, "the silent tab's app to start")
        key = base64.b64encode(os.urandom(16)).decode()
        upgrade = (
            f"GET /ws?width=80&height=24&token={served.token} HTTP/1.1\r\n{_host(served)}"
            f"Cookie: {served.jar}\r\nOrigin: http://127.0.0.1:{served.port}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        refused, connection = _first_answer(served, upgrade)
        connection.close()
        assert refused.startswith(b"HTTP/1.1 503 "), refused[:200]
        _until(lambda: _apps(served) == [], "the heartbeat to end the silent tab's app")
        tab = _open_tab(served)
        tab.close()
    finally:
        silent.close()


# websocket Origins


FOREIGN_ORIGINS = [
    "null",
    "http://127.0.0.1:{other}",
    "http://127.0.0.1",
    "http://127.0.0.1:0{port}",
    "http://127.0.0.1:{port}.evil.example",
    "http://evil@127.0.0.1:{port}",
    "https://127.0.0.1:{port}",
    "ws://127.0.0.1:{port}",
    "http://127.0.0.1:{port}/x",
    "http://127.0.0.1:{wrapped}",
    "",
]
"""Origins that resemble this page's ({port}), each refused."""


def test_a_websocket_from_an_origin_that_is_not_this_page_opens_no_tab(served: Served) -> None:
    jar = served.jar
    for origin in FOREIGN_ORIGINS:
        said = origin.format(port=served.port, other=served.port + 1, wrapped=served.port + 65536)
        key = base64.b64encode(os.urandom(16)).decode()
        answer, connection = _first_answer(  # an upgrade's refusal keeps the connection
            served,
            f"GET /ws?width=80&height=24&token={served.token} HTTP/1.1\r\n{_host(served)}"
            f"Cookie: {jar}\r\nOrigin: {said}\r\nUpgrade: websocket\r\nConnection: Upgrade"
            f"\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n",
        )
        connection.close()
        assert status_of(answer) == 403, (said, answer[:200])
    assert _apps(served) == []


# climbs out of the static folder


CLIMBS = [
    "/static/%252e%252e/%252e%252e/pyproject.toml",  # double-encoded dots
    "/static/%252e%252e%252f%252e%252e%252fpyproject.toml",
    "/static/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/.%2e/etc/passwd",
    "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd",
    "/static/..%5c..%5c..%5cpyproject.toml",
    "/static/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",  # an overlong UTF-8 dot
    "/static/js/../../../../../../../etc/passwd",
    "/static//etc/passwd",
    "/static/..;/..;/etc/passwd",
]
"""Paths that climb out of the static folder by encoded or odd spellings of `..`."""


def test_encoded_and_double_encoded_dots_climb_out_of_no_static_folder(served: Served) -> None:
    jar = served.jar
    for path in CLIMBS:
        answer = _answer(
            served,
            f"GET {path} HTTP/1.1\r\n{_host(served)}Cookie: {jar}\r\nConnection: close\r\n\r\n",
        )
        assert status_of(answer) in (400, 403, 404), (path, answer[:200])
        assert b"root:" not in answer and b"[project]" not in answer


# HTTP/1.0 without a Host


def test_http_1_0_without_a_host_opens_nothing_whatever_else_it_carries(served: Served) -> None:
    port = served.port
    for request in [
        f"GET / HTTP/1.0\r\nCookie: {served.jar}\r\n\r\n",
        f"GET http://127.0.0.1:{port}/ HTTP/1.0\r\nCookie: {served.jar}\r\n\r\n",
        f"GET /?token={served.token} HTTP/1.0\r\n\r\n",
        f"GET http://127.0.0.1:{port}/?token={served.token} HTTP/1.0\r\n\r\n",
        f"GET / HTTP/1.0\r\nHost:\r\nCookie: {served.jar}\r\n\r\n",
        f"GET /static/js/textual.js HTTP/1.0\r\nCookie: {served.jar}\r\n\r\n",
    ]:
        answer = _answer(served, request)
        assert status_of(answer) == 403, (request, answer[:200])
        assert b"Set-Cookie" not in answer
    # with its Host, HTTP/1.0 is served as any request
    ours = f"GET / HTTP/1.0\r\n{_host(served)}Cookie: {served.jar}\r\n\r\n"
    assert status_of(_answer(served, ours)) == 200


# request smuggling by other spellings


def test_transfer_encoding_by_other_spellings_smuggles_no_request(served: Served) -> None:
    host = _host(served)
    hidden = f"GET /?token={served.token} HTTP/1.1\r\n{host}\r\n"
    for headers, body in [
        ("Transfer-Encoding: xchunked\r\nContent-Length: 4", "0\r\n\r\n"),
        ("Transfer-Encoding : chunked\r\nContent-Length: 4", "0\r\n\r\n"),
        ("Transfer-Encoding:\tchunked\r\nContent-Length: 4", "0\r\n\r\n"),
        ("Transfer-Encoding: CHUNKED\r\nContent-Length: 4", "0\r\n\r\n"),
        ("Transfer-Encoding: chunked\r\nTransfer-Encoding: identity", "0\r\n\r\n"),
        ("Transfer-Encoding: chunked", "ffffffffffffffff1\r\nx\r\n0\r\n\r\n"),
        ("Transfer-Encoding: chunked", "0\n\n"),
        ("Content-Length: +4", ""),
        ("Content-Length: 0x4", ""),
    ]:
        answer = _answer(served, f"POST /login HTTP/1.1\r\n{host}{headers}\r\n\r\n{body}{hidden}")
        assert _statuses(answer) == [400], (headers, answer[:300])
        assert b"Set-Cookie" not in answer
