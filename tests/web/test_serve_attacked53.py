"""`drillbit serve` attacked, and its open items closed (fifty-third round).

Against a real server on 127.0.0.1 (a temp DRILLBIT_HOME), with raw sockets: every login
ended and a new token made by SIGUSR1, the server kept; a request's head trickled in (held
75 s by aiohttp's keep-alive alone), beside an idle kept-alive connection and a slow but
whole head; a body sent after the 417 of `quiz.serve.expect` (aiohttp read it for 10 s).
Then the round's attacks: a page of another port loading the server's files with the
cookie (it learnt whether the browser was logged in), an upgrade asked for and not made
(its connection held unread), upgrades with bad keys, a compressed message that inflates
past the limit. Statuses are read from the status line alone.
"""

from __future__ import annotations

import base64
import contextlib
import os
import re
import signal
import socket
import struct
import threading
import time
import zlib
from pathlib import Path

from quiz.serve.headers import HEAD_TOO_SLOW
from quiz.serve.page import LOGINS_ENDED
from tests.web.helpers import WAIT_SECONDS, Served, login_jar, read_head, status_of, whole_answer
from tests.web.test_serve_attacked50 import _apps, _until
from tests.web.test_serve_attacked51 import _open_tab


def _host(served: Served) -> str:
    return f"Host: 127.0.0.1:{served.port}\r\n"


def _status(served: Served, request: str) -> int:
    return status_of(whole_answer(served.port, request.encode("latin-1")))


def _static(served: Served, cookie: str) -> int:
    """The status of a static file asked for with the login cookie `cookie`."""
    return _status(
        served,
        f"GET /static/js/textual.js HTTP/1.1\r\n{_host(served)}Cookie: {cookie}\r\n"
        "Connection: close\r\n\r\n",
    )


def _page_with_token(served: Served, token: str) -> int:
    """The status of the page asked for with `token` in its query (a 303 when it is this run's)."""
    return _status(
        served, f"GET /?token={token} HTTP/1.1\r\n{_host(served)}Connection: close\r\n\r\n"
    )


# every login ended without stopping the server (open since the fiftieth round)


NEW_TOKEN = re.compile(
    r"made a new token.*\n(?:.*\n    file://\S+\n)?.*new token into its box:\n    ([\w-]{43})\n"
)


def test_sigusr1_ends_every_login_and_makes_a_new_token_the_server_kept(served: Served) -> None:
    """Two browsers' logins and a tab: after SIGUSR1 the tab is closed with `LOGINS_ENDED`
    and its app ends, neither cookie nor the old token opens anything, the login file holds
    the new token, and the new token logs in on the same server."""
    mine, other = login_jar(served.port, served.token), login_jar(served.port, served.token)
    assert _static(served, mine) == 200 and _static(served, other) == 200
    printed = re.search(r"kill -USR1 (\d+)\n", served.log.read_text())
    assert printed is not None and int(printed[1]) == served.process.pid, served.log.read_text()
    tab = _open_tab(served, mine)
    _until(lambda: len(_apps(served)) == 1, "the tab's app to start")

    os.kill(served.process.pid, signal.SIGUSR1)

    said = b"every login ended"
    received = b""
    with tab:
        while said not in received:
            chunk = tab.recv(65536)
            assert chunk, received[-300:]
            received += chunk
    close = bytes([0x88, 2 + len(said)]) + LOGINS_ENDED.to_bytes(2, "big") + said
    assert close in received  # the page says it in its own words
    _until(lambda: _apps(served) == [], "the tab's app to end")
    _until(lambda: NEW_TOKEN.search(served.log.read_text()) is not None, "the new token printed")
    found = NEW_TOKEN.search(served.log.read_text())
    assert found is not None
    new = found[1]
    assert new != served.token
    assert "ended every login (2 browsers, 1 tab closed)" in served.log.read_text()
    assert _static(served, mine) == 403 and _static(served, other) == 403
    assert _page_with_token(served, served.token) == 403
    assert served.link, served.log.read_text()
    login_file = Path(served.link.removeprefix("file://")).read_text()
    assert new in login_file and served.token not in login_file
    assert _page_with_token(served, new) == 303
    assert _static(served, login_jar(served.port, new)) == 200


# a request's head trickled in (open since the fifty-second round)


def test_a_trickled_head_is_cut_off_and_neither_an_idle_connection_nor_a_slow_head_is(
    served: Served,
) -> None:
    """A head a byte every 2 s gets a 408 that says why, the connection closed (aiohttp held
    it 75 s and closed it without a word), an HTTP/0.9 line (no version) and a head begun in
    the packet of a whole request too; a connection idle since its last answer for
    longer than that still serves its next request, and a head sent in three pieces a
    second apart is answered."""
    idle = socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS)
    request = f"GET /static/js/textual.js HTTP/1.1\r\n{_host(served)}\r\n".encode()
    idle.sendall(request)
    assert read_head(idle).startswith(b"HTTP/1.1 403 ")  # no cookie: kept alive all the same

    starts = {
        "a head trickled": b"GET / HTTP/1.1\r\n",
        "an HTTP/0.9 line": b"GET /\r\n",  # no version: the parser waits for one
        # in one packet: a whole request and the start of the next (llhttp knows methods
        # only whole, so the start is its request line)
        "a whole request, then a head trickled": request + b"GET / HTTP/1.1\r\n",
    }
    trickled = {
        what: socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS)
        for what in starts
    }
    for what, start in starts.items():
        trickled[what].sendall(start)
    stop = threading.Event()

    def trickle() -> None:
        while not stop.wait(2.0):
            for connection in trickled.values():
                with contextlib.suppress(OSError):
                    connection.sendall(b"X")

    sender = threading.Thread(target=trickle, daemon=True)
    sender.start()
    answers = dict.fromkeys(starts, b"")
    try:
        for what, connection in trickled.items():
            while chunk := connection.recv(65536):
                answers[what] += chunk
    finally:
        stop.set()
        sender.join()
        for connection in trickled.values():
            connection.close()
    for what, answer in answers.items():
        if what.startswith("a whole request"):
            assert answer.startswith(b"HTTP/1.1 403 "), answer[:300]  # the whole one's
            answer = answer[answer.index(b"HTTP/1.1 408 ") :]
        assert answer.startswith(b"HTTP/1.1 408 "), (what, answer[:300])
        assert HEAD_TOO_SLOW.encode() in answer, what
        assert b"Connection: close" in answer and b"X-Frame-Options: DENY" in answer

    with socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS) as slow:
        for piece in (request[:10], request[10:30], request[30:]):
            slow.sendall(piece)
            time.sleep(1.0)
        assert read_head(slow).startswith(b"HTTP/1.1 403 ")

    with idle:  # idle longer than the head's bound: its next request is read as any
        idle.sendall(request)
        assert read_head(idle).startswith(b"HTTP/1.1 403 ")


# a body sent after the 417 (open since the fifty-second round)


def test_a_body_sent_after_the_417_is_not_read_the_connection_closed(served: Served) -> None:
    """After the 417, the client sends its 50 MB anyway: the server has closed the
    connection (a reset comes within a few MiB, the socket buffers'); aiohttp read it all
    for up to 10 s before."""
    with socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS) as sender:
        sender.sendall(
            f"GET /static/js/textual.js HTTP/1.1\r\n{_host(served)}Content-Length: 52428800\r\n"
            "Expect: 100-continue\r\n\r\n".encode()
        )
        assert read_head(sender).startswith(b"HTTP/1.1 417 ")
        sent, chunk = 0, b"x" * 65536
        refused = None
        while sent < 52428800:
            try:
                sender.sendall(chunk)
            except OSError as exc:
                refused = exc
                break
            sent += len(chunk)
    assert isinstance(refused, (ConnectionResetError, BrokenPipeError)), sent
    assert _static(served, "x=1") == 403  # the server reads the next connection as any


# attacks of the fifty-third round


def _head_of(served: Served, request: str) -> bytes:
    """The head of the server's answer to `request` (read until the server closes)."""
    return whole_answer(served.port, request.encode("latin-1")).split(b"\r\n\r\n", 1)[0]


def _fetched(
    served: Served, site: str, mode: str, dest: str, path: str = "/static/js/textual.js"
) -> bytes:
    """The answer to a logged-in browser's request with these `Sec-Fetch-*` headers."""
    return whole_answer(
        served.port,
        (
            f"GET {path} HTTP/1.1\r\n{_host(served)}Cookie: {served.jar}\r\n"
            f"Sec-Fetch-Site: {site}\r\nSec-Fetch-Mode: {mode}\r\nSec-Fetch-Dest: {dest}\r\n"
            "Connection: close\r\n\r\n"
        ).encode(),
    )


def test_a_page_of_another_origin_loads_no_file_of_this_server_with_the_cookie(
    served: Served,
) -> None:
    """A page on another port of 127.0.0.1 is the same site: its `<script src>` of this
    server's file carried the strict cookie and loaded (200), or failed without a login
    (403), which told it whether the browser was logged in. What Chromium says of such a
    load (`Sec-Fetch-*`) is now a 403 whatever the cookie; this page's own loads, a
    navigation and a program's request (no such headers) are served."""
    for site, mode, dest in [
        ("same-site", "no-cors", "script"),
        ("same-site", "no-cors", "image"),
        ("cross-site", "no-cors", "style"),
        ("cross-site", "cors", "empty"),
    ]:
        answer = _fetched(served, site, mode, dest)
        assert status_of(answer) == 403, (site, mode, dest, answer[:300])
        assert f"asked for this as '{dest}'; only this server's own page".encode() in answer
    for site, mode, dest in [
        ("same-origin", "no-cors", "script"),  # the page's own script
        ("none", "navigate", "document"),  # an address typed
        ("same-site", "navigate", "document"),  # a link from another port's page
    ]:
        answer = _fetched(served, site, mode, dest)
        assert status_of(answer) == 200, (site, mode, dest, answer[:300])
        head = answer.split(b"\r\n\r\n", 1)[0]
        assert b"Cross-Origin-Resource-Policy: same-origin" in head  # older browsers' bar
        assert b"Cross-Origin-Opener-Policy: same-origin" in head  # no opener keeps a handle
    printed = _head_of(
        served,
        f"GET /?token={served.token} HTTP/1.1\r\n{_host(served)}Sec-Fetch-Site: cross-site\r\n"
        "Sec-Fetch-Mode: navigate\r\nSec-Fetch-Dest: document\r\nConnection: close\r\n\r\n",
    )
    assert printed.startswith(b"HTTP/1.1 303 "), printed  # the printed URL, from a mail's link


def test_an_upgrade_asked_for_and_not_made_closes_its_connection(served: Served) -> None:
    """A request with `Upgrade` that is answered otherwise (a 403 without the login, the
    page for `h2c`): aiohttp parsed nothing more on that connection and held it 75 s, a
    request sent after it never answered. Now `Connection: close`, and the connection ends
    with the answer; the request hidden after it is never read."""
    hidden = f"GET /?token={served.token} HTTP/1.1\r\n{_host(served)}Connection: close\r\n\r\n"
    for request in [
        f"GET /static/js/textual.js HTTP/1.1\r\n{_host(served)}Connection: Upgrade\r\n"
        "Upgrade: websocket\r\n\r\n",
        f"GET /static/js/textual.js HTTP/1.1\r\n{_host(served)}Cookie: {served.jar}\r\n"
        "Connection: keep-alive, Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
        "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n",
    ]:
        answer = whole_answer(served.port, (request + hidden).encode("latin-1"))
        head = answer.split(b"\r\n\r\n", 1)[0]
        assert status_of(answer) in (200, 403), answer[:300]
        assert b"Connection: close" in head, head
        assert answer.count(b"HTTP/1.1 ") == 1  # one answer: the hidden request never read


def _tab_with(served: Served, key: str, extra: str = "") -> tuple[bytes, socket.socket]:
    """The head of the server's answer to a tab's upgrade with `key`, and its connection."""
    tab = socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS)
    tab.sendall(
        (
            f"GET /ws?width=80&height=24&token={served.token} HTTP/1.1\r\n{_host(served)}"
            f"Cookie: {served.jar}\r\nOrigin: http://127.0.0.1:{served.port}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n{extra}\r\n"
        ).encode()
    )
    return read_head(tab), tab


def test_upgrades_with_a_bad_key_take_no_slot(served_one_tab: Served) -> None:
    """Every credential, but a `Sec-WebSocket-Key` that is no 16 random bytes in base64
    (empty, short, not base64, 15 bytes): a 400 each, no app, and the one slot (`--max-tabs
    1`) still free for the real tab after them."""
    served = served_one_tab
    for key in ["", "abc", "!!!!!!!!!!!!!!!!!!!!!!!!", base64.b64encode(b"x" * 15).decode()]:
        head, tab = _tab_with(served, key)
        tab.close()
        assert head.startswith(b"HTTP/1.1 400 "), (key, head[:300])
    assert _apps(served) == []
    head, tab = _tab_with(served, base64.b64encode(os.urandom(16)).decode())
    with tab:
        assert head.startswith(b"HTTP/1.1 101 "), head[:300]
        _until(lambda: len(_apps(served)) == 1, "the real tab's app to start")


def _rss_mib(pid: int) -> int:
    """The resident memory of process `pid`, in MiB."""
    status = Path(f"/proc/{pid}/status").read_text()
    found = re.search(r"VmRSS:\s+(\d+) kB", status)
    assert found is not None
    return int(found[1]) // 1024


def test_a_compressed_message_that_inflates_past_the_limit_closes_its_tab(served: Served) -> None:
    """A tab that negotiated `permessage-deflate` sends 200 KB that inflate to 64 MiB of
    keys: the tab is closed with 1009 (too big) as the inflating passes the 4 MiB limit,
    its app ends, and the server's memory grows by far less than the 64 MiB."""
    head, tab = _tab_with(
        served,
        base64.b64encode(os.urandom(16)).decode(),
        "Sec-WebSocket-Extensions: permessage-deflate\r\n",
    )
    assert head.startswith(b"HTTP/1.1 101 ") and b"permessage-deflate" in head, head[:300]
    _until(lambda: len(_apps(served)) == 1, "the tab's app to start")
    before = _rss_mib(served.process.pid)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    message = b'["stdin", "' + b"A" * (64 * 1024 * 1024) + b'"]'
    data = (deflate.compress(message) + deflate.flush(zlib.Z_SYNC_FLUSH))[:-4]
    mask = os.urandom(4)
    masked = bytes(byte ^ mask[n % 4] for n, byte in enumerate(data))
    frame = bytes([0x80 | 0x40 | 0x1, 0x80 | 127]) + struct.pack(">Q", len(data)) + mask + masked
    received = b""
    with tab:
        tab.sendall(frame)
        while chunk := tab.recv(65536):
            received += chunk
    assert b"\x88\x02\x03\xf1" in received, received[-300:]  # the close frame: 1009
    _until(lambda: _apps(served) == [], "the tab's app to end")
    assert _rss_mib(served.process.pid) < before + 32


def test_other_protocol_versions_and_request_forms_open_nothing(served: Served) -> None:
    """Without a login: `HTTP/2.0` in an HTTP/1 request line is a 505 (fifty-fourth round;
    read as HTTP/1 and refused as any before, a 403); `HTTP/1.2` and HTTP/2's preface are not HTTP (400); `OPTIONS *`,
    `CONNECT` to another port, and a Host with a space before its port are 403. With the
    login's cookie, `HTTP/2.0` is a 505 too (served as HTTP/1.1 before), and a tab after the Host's
    value is whitespace a parser drops (the Host still names this server)."""
    host = _host(served)
    for request, status in [
        (f"GET /static/js/textual.js HTTP/2.0\r\n{host}Connection: close\r\n\r\n", 505),
        (f"GET /static/js/textual.js HTTP/1.2\r\n{host}Connection: close\r\n\r\n", 400),
        ("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 400),
        (f"OPTIONS * HTTP/1.1\r\n{host}Connection: close\r\n\r\n", 403),
        (f"CONNECT 127.0.0.1:22 HTTP/1.1\r\n{host}Connection: close\r\n\r\n", 403),
        (
            f"GET /static/js/textual.js HTTP/1.1\r\nHost: 127.0.0.1 :{served.port}\r\n"
            f"Cookie: {served.jar}\r\nConnection: close\r\n\r\n",
            403,
        ),
        (
            f"GET /static/js/textual.js HTTP/2.0\r\n{host}Cookie: {served.jar}\r\n"
            "Connection: close\r\n\r\n",
            505,
        ),
        (
            f"GET /static/js/textual.js HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\t\r\n"
            f"Cookie: {served.jar}\r\nConnection: close\r\n\r\n",
            200,
        ),
    ]:
        assert _status(served, request) == status, request
