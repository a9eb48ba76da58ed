"""`drillbit serve` attacked where the earlier rounds' tests did not look (fiftieth round).

Each was sent with raw sockets to a server started on 127.0.0.1, as a local program or a
page the user visits would: the printed URL's one-use code spent by several requests at
once; loopback spelled as a number in the Host header (DNS rebinding by another name); a
stranger's Origin quoted into the login page; another origin reading an answer (CORS); a
websocket request that never upgrades, and many upgrades at once; HEAD where a GET is
checked; a tab closed, cleanly or not, and its app; malformed frames. Each was refused or
bounded on this machine before these tests were written, and they keep it so, but one:
the websocket upgraded on a HEAD (every credential given), now a 405. (The login bodies
that got through are tests/web/test_serve_login_bodies.py.)
"""

from __future__ import annotations

import base64
import os
import socket
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.web.conftest import _descendants
from tests.web.helpers import WAIT_SECONDS, Served, read_head, status_of, whole_answer


def _answer(port: int, request: str) -> bytes:
    """The server's whole answer to `request` (which asks to close the connection)."""
    return whole_answer(port, request.encode("latin-1"))


def _headers(answer: bytes) -> dict[str, str]:
    """The answer's headers, names in lower case (the last of a repeated one)."""
    lines = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")[1:]
    return {
        name.strip().lower(): value.strip()
        for name, value in (line.split(":", 1) for line in lines)
    }


def _set_cookies(answer: bytes) -> list[str]:
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    return [
        line.split(":", 1)[1].strip()
        for line in head.split("\r\n")
        if line.lower().startswith("set-cookie:")
    ]


def _host(served: Served) -> str:
    return f"Host: 127.0.0.1:{served.port}\r\n"


def _upgrade(served: Served) -> str:
    """The headers of a websocket upgrade from this server's page, its cookie included."""
    key = base64.b64encode(os.urandom(16)).decode()
    return (
        f"Cookie: {served.jar}\r\nOrigin: http://127.0.0.1:{served.port}\r\n"
        "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
    )


def _open_tab(served: Served) -> socket.socket:
    """A tab's websocket, upgraded (101), its app started; or a failure with the answer."""
    tab = socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS)
    tab.sendall(
        f"GET /ws?width=80&height=24&token={served.token} HTTP/1.1\r\n{_host(served)}"
        f"{_upgrade(served)}\r\n".encode()
    )
    received = read_head(tab)
    if not received.startswith(b"HTTP/1.1 101 "):
        tab.close()
    assert received.startswith(b"HTTP/1.1 101 "), received[:300]
    return tab


def _apps(served: Served) -> list[int]:
    """The tab app processes (`python -m quiz`) the server runs now."""
    found = []
    for pid in _descendants(served.process.pid):
        try:
            argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue  # ended meanwhile
        if b"-m" in argv and b"quiz" in argv:
            found.append(pid)
    return found


def _until(done: Callable[[], bool], what: str) -> None:
    """Wait (up to WAIT_SECONDS, a ceiling, not a timing) until `done()` is true."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not done():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def test_the_printed_urls_one_use_code_hands_the_token_to_one_page_of_many_at_once(
    served: Served,
) -> None:
    redirect = _answer(
        served.port,
        f"GET /?token={served.token} HTTP/1.1\r\n{_host(served)}Connection: close\r\n\r\n",
    )
    assert status_of(redirect) == 303
    jar = "; ".join(cookie.split(";", 1)[0] for cookie in _set_cookies(redirect))
    assert f"drillbit-handoff-{served.port}=" in jar
    page = f"GET / HTTP/1.1\r\n{_host(served)}Cookie: {jar}\r\nConnection: close\r\n\r\n"
    with ThreadPoolExecutor(max_workers=4) as pool:  # the code, spent four times at once
        answers = list(pool.map(lambda _: _answer(served.port, page), range(4)))
    assert [status_of(answer) for answer in answers] == [200] * 4  # the login cookie opens each
    handed = [answer for answer in answers if served.token.encode() in answer]
    assert len(handed) == 1, [answer[:200] for answer in answers]


@pytest.mark.parametrize(
    "name",
    [
        "2130706433",  # 127.0.0.1 as one number
        "127.1",
        "0x7f.0.0.1",
        "0177.0.0.1",
        "127.000.000.001",
        "[::ffff:127.0.0.1]",
        "[::ffff:7f00:1]",
        "localhost.localdomain",
        "127.0.0.1.",
    ],
)
def test_loopback_spelled_another_way_in_the_host_header_is_refused(
    served: Served, name: str
) -> None:
    """A rebinding page's request names its own host; these name loopback by spellings the
    server never printed, which a resolver or a browser might still take for it."""
    answer = _answer(
        served.port,
        f"GET /?token={served.token} HTTP/1.1\r\nHost: {name}:{served.port}\r\n"
        f"Cookie: {served.jar}\r\nConnection: close\r\n\r\n",
    )
    assert status_of(answer) == 403 and b"does not name this server" in answer, answer[:300]
    assert not _set_cookies(answer)


def test_a_port_written_another_way_in_the_host_header_is_refused(served: Served) -> None:
    for host in [f"127.0.0.1:0{served.port}", f"127.0.0.1:{served.port + 65536}"]:
        answer = _answer(
            served.port,
            f"GET /?token={served.token} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n",
        )
        assert status_of(answer) == 403, (host, answer[:300])
    # the name's case is no other server: a Host is case-insensitive
    answer = _answer(
        served.port,
        f"GET /?token={served.token} HTTP/1.1\r\nHost: LOCALHOST:{served.port}\r\n"
        "Connection: close\r\n\r\n",
    )
    assert status_of(answer) == 303, answer[:300]


def test_a_strangers_origin_quoted_by_the_login_page_is_text_not_markup(served: Served) -> None:
    """The login file's door (`POST /`) refuses another site's Origin in an HTML page that
    quotes it; a raw client sets any Origin it likes."""
    origin = 'http://x"><script>alert(1)</script><img src=x onerror=alert(2)>'
    form = "token=wrong"
    answer = _answer(
        served.port,
        f"POST / HTTP/1.1\r\n{_host(served)}Origin: {origin}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(form)}\r\nConnection: close\r\n\r\n{form}",
    )
    assert status_of(answer) == 403
    body = answer.split(b"\r\n\r\n", 1)[1]
    assert b"may not log in here" in body, body[:300]
    assert b"<script>alert" not in body and b"<img" not in body
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_no_answer_lets_another_origins_script_read_it(served: Served) -> None:
    """No `Access-Control-Allow-*` on any answer: a page of another origin (another port of
    127.0.0.1 included, whose requests carry the cookie) may send, never read."""
    foreign = "Origin: http://127.0.0.1:9\r\n"
    requests = [
        f"GET / HTTP/1.1\r\n{_host(served)}Cookie: {served.jar}\r\n{foreign}",
        f"GET /static/js/textual.js HTTP/1.1\r\n{_host(served)}Cookie: {served.jar}\r\n{foreign}",
        f"OPTIONS /login HTTP/1.1\r\n{_host(served)}{foreign}"
        "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n",
        f"OPTIONS /static/js/textual.js HTTP/1.1\r\n{_host(served)}Cookie: {served.jar}\r\n"
        f"{foreign}Access-Control-Request-Method: GET\r\n",
    ]
    for request in requests:
        answer = _answer(served.port, request + "Connection: close\r\n\r\n")
        assert not any(name.startswith("access-control-") for name in _headers(answer)), answer[
            :400
        ]
    page = _answer(served.port, requests[0] + "Connection: close\r\n\r\n")
    assert status_of(page) == 200  # the page itself answered: only reading it is withheld


def test_head_where_a_get_is_checked_neither_logs_in_nor_starts_an_app(
    served: Served,
) -> None:
    """aiohttp answers HEAD on every GET route; the login's checks name GET for the page,
    and its websocket upgraded on a HEAD (every credential given), which RFC 6455 forbids:
    a 101 and an app started. The websocket now opens by GET alone."""
    for path in ["/", "/ws", "/static/js/textual.js"]:
        answer = _answer(
            served.port, f"HEAD {path} HTTP/1.1\r\n{_host(served)}Connection: close\r\n\r\n"
        )
        assert status_of(answer) == 403, (path, answer[:300])
    # with the token: a 405 since the fifty-first round (it was the page's headers, the
    # GET's redirect skipped), no token in it (tests/web/test_serve_logout.py: nothing spent)
    answer = _answer(
        served.port,
        f"HEAD /?token={served.token} HTTP/1.1\r\n{_host(served)}Connection: close\r\n\r\n",
    )
    assert status_of(answer) == 405, answer[:300]
    assert served.token.encode() not in answer
    # the websocket's route by HEAD, with every credential: no upgrade, no app
    answer = _answer(
        served.port,
        f"HEAD /ws?width=80&height=24&token={served.token} HTTP/1.1\r\n{_host(served)}"
        f"{_upgrade(served)}Connection: close\r\n\r\n",
    )
    assert status_of(answer) == 405, answer[:300]
    assert _apps(served) == []
    with _open_tab(served):  # by GET, the same credentials open the tab
        _until(lambda: len(_apps(served)) == 1, "the tab's app started")


def test_a_websocket_request_that_never_upgrades_takes_no_tab(served_one_tab: Served) -> None:
    served = served_one_tab
    for _ in range(3):  # the route, every credential, but a plain GET (no Upgrade)
        answer = _answer(
            served.port,
            f"GET /ws?width=80&height=24&token={served.token} HTTP/1.1\r\n{_host(served)}"
            f"Cookie: {served.jar}\r\nOrigin: http://127.0.0.1:{served.port}\r\n"
            "Connection: close\r\n\r\n",
        )
        assert status_of(answer) == 400, answer[:300]
    assert _apps(served) == []
    with _open_tab(served):  # the one slot is still free
        _until(lambda: len(_apps(served)) == 1, "the tab's app started")


def test_many_websockets_at_once_start_at_most_max_tabs_apps(served_one_tab: Served) -> None:
    """Ten upgrades at once from the logged-in browser (`--max-tabs 1`): one app."""
    served = served_one_tab

    def upgrade(_: int) -> tuple[int, socket.socket | None]:
        tab = socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS)
        tab.sendall(
            f"GET /ws?width=80&height=24&token={served.token} HTTP/1.1\r\n{_host(served)}"
            f"{_upgrade(served)}\r\n".encode()
        )
        status = int(tab.recv(4096).split(b"\r\n", 1)[0].split()[1])
        if status == 101:
            return status, tab
        tab.close()
        return status, None

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(upgrade, range(10)))
    tabs = [tab for _, tab in results if tab is not None]
    try:
        assert sorted(status for status, _ in results) == [101] + [503] * 9
        _until(lambda: len(_apps(served)) == 1, "the one tab's app started")
        assert len(_apps(served)) == 1
    finally:
        for tab in tabs:
            tab.close()
    _until(lambda: not _apps(served), "the app of the closed tab ended")


@pytest.mark.parametrize("how", ["close-frame", "reset"])
def test_a_closed_tab_ends_its_app(served: Served, how: str) -> None:
    """The browser's session ends as its tab closes (a close frame) or its connection
    drops (a reset, as a killed browser's): its app process ends, its slot freed."""
    tab = _open_tab(served)
    _until(lambda: len(_apps(served)) == 1, "the tab's app started")
    if how == "close-frame":  # a masked close frame, code 1001 ("going away")
        mask = os.urandom(4)
        payload = bytes(b ^ mask[i % 4] for i, b in enumerate((1001).to_bytes(2, "big")))
        tab.sendall(bytes([0x88, 0x80 | 2]) + mask + payload)
        tab.close()
    else:
        tab.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        tab.close()  # linger 0: an RST, no close frame
    _until(lambda: not _apps(served), f"the app of a tab closed by {how} ended")


@pytest.mark.parametrize(
    ("target", "location"),
    [
        ("/?token=TOKEN&x=%0d%0aSet-Cookie:%20planted=1", "/?x=%0D%0ASet-Cookie:+planted%3D1"),
        ("http://evil.example/?token=TOKEN", "/"),
        ("/?x=//evil.example&token=TOKEN", "/?x=//evil.example"),
        ("/?token=TOKEN&token=other", "/"),
    ],
)
def test_the_printed_urls_redirect_goes_to_this_page_and_plants_no_header(
    served: Served, target: str, location: str
) -> None:
    """The 303 keeps the address's other parameters: none may make it leave this server
    (an open redirect) or write a header of its own (CR LF in a parameter)."""
    answer = _answer(
        served.port,
        f"GET {target.replace('TOKEN', served.token)} HTTP/1.1\r\n{_host(served)}"
        "Connection: close\r\n\r\n",
    )
    assert status_of(answer) == 303, answer[:300]
    assert _headers(answer)["location"] == location
    assert not any(cookie.startswith("planted") for cookie in _set_cookies(answer))
    assert served.token.encode() not in answer


def _frame(opcode: int, payload: bytes) -> bytes:
    """One final client frame (masked, as a client's must be)."""
    mask = os.urandom(4)
    if len(payload) < 126:
        head = bytes([0x80 | opcode, 0x80 | len(payload)])
    elif len(payload) < 65536:
        head = bytes([0x80 | opcode, 0x80 | 126]) + len(payload).to_bytes(2, "big")
    else:
        head = bytes([0x80 | opcode, 0x80 | 127]) + len(payload).to_bytes(8, "big")
    return head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def _frames(tab: socket.socket) -> Iterator[tuple[int, bytes]]:
    """The server's frames on `tab` (opcode, payload) until it closes the connection."""
    buffer = b""

    def take(count: int) -> bytes:
        nonlocal buffer
        while len(buffer) < count:
            chunk = tab.recv(65536)
            if not chunk:
                raise EOFError
            buffer += chunk
        taken, buffer = buffer[:count], buffer[count:]
        return taken

    try:
        while True:
            first, second = take(2)
            length = second & 0x7F
            if length == 126:
                length = int.from_bytes(take(2), "big")
            elif length == 127:
                length = int.from_bytes(take(8), "big")
            yield first & 0x0F, take(length)
    except (EOFError, ConnectionResetError):
        return


def _close_code(tab: socket.socket, after: bytes) -> int | None:
    """Send `after` on `tab`; the code of the server's close frame, or None (no close)."""
    tab.sendall(after)
    for opcode, payload in _frames(tab):
        if opcode == 0x8:
            return int.from_bytes(payload[:2], "big")
    return None


@pytest.mark.parametrize(
    ("sent", "code"),
    [
        (_frame(0x1, b'["stdin", "\xff\xfe"]'), 1007),  # text that is no UTF-8
        (_frame(0x0, b"x"), 1002),  # a continuation with nothing to continue
    ],
    ids=["invalid-utf8", "lone-continuation"],
)
def test_a_malformed_frame_closes_its_tab_and_ends_its_app_only(
    served: Served, sent: bytes, code: int
) -> None:
    other = _open_tab(served)
    try:
        tab = _open_tab(served)
        _until(lambda: len(_apps(served)) == 2, "both tabs' apps started")
        with tab:
            assert _close_code(tab, sent) == code
        _until(lambda: len(_apps(served)) == 1, "the closed tab's app ended")
        assert _answers_ping(other)  # the other tab goes on
    finally:
        other.close()


def test_a_message_announced_at_50_mb_closes_its_tab_before_it_is_sent(served: Served) -> None:
    """The frame's header names 50 MB, past the server's 4 MiB a message: it is closed
    with 1009 (too big) on a first kilobyte, not read to its end, and its app ends."""
    with _open_tab(served) as tab:
        _until(lambda: len(_apps(served)) == 1, "the tab's app started")
        mask = os.urandom(4)
        head = bytes([0x81, 0x80 | 127]) + (50 * 1024 * 1024).to_bytes(8, "big") + mask
        assert _close_code(tab, head + bytes(1024)) == 1009
    _until(lambda: not _apps(served), "the closed tab's app ended")


def _answers_ping(tab: socket.socket, before: bytes = b"") -> bool:
    """Send `before`, then a ping, on `tab`: whether the server's pong comes (the app's
    screen comes as binary frames before and after), not a close."""
    tab.sendall(before + _frame(0x1, b'["ping", "still?"]'))
    for opcode, payload in _frames(tab):
        if opcode == 0x8:
            return False
        if opcode == 0x1 and payload.startswith(b'["pong"'):
            return payload == b'["pong", "still?"]'
    return False


def test_a_binary_frame_is_skipped_and_the_tab_goes_on(served: Served) -> None:
    """textual.js sends text frames only; a binary one is not its, and is skipped."""
    with _open_tab(served) as tab:
        assert _answers_ping(tab, before=_frame(0x2, b"\x00\xff" * 1000))
        # the pong is the server's: the tab's app may still be starting
        _until(lambda: len(_apps(served)) == 1, "the tab's app started")
        assert len(_apps(served)) == 1
