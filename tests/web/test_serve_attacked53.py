"""`drillbit serve` attacked, and its open items closed (fifty-third round).

Against a real server on 127.0.0.1 (a temp DRILLBIT_HOME), with raw sockets: every login
ended and a new token made by SIGUSR1, the server kept; a request's head trickled in (held
75 s by aiohttp's keep-alive alone), beside an idle kept-alive connection and a slow but
whole head; a body sent after the 417 of `quiz.serve.expect` (aiohttp read it for 10 s).
Statuses are read from the status line alone.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import threading
import time
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
    it 75 s and closed it without a word); a connection idle since its last answer for
    longer than that still serves its next request, and a head sent in three pieces a
    second apart is answered."""
    idle = socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS)
    request = f"GET /static/js/textual.js HTTP/1.1\r\n{_host(served)}\r\n".encode()
    idle.sendall(request)
    assert read_head(idle).startswith(b"HTTP/1.1 403 ")  # no cookie: kept alive all the same

    trickled = socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS)
    trickled.sendall(b"GET / HTTP/1.1\r\n")
    stop = threading.Event()

    def trickle() -> None:
        while not stop.wait(2.0):
            try:
                trickled.sendall(b"X")
            except OSError:
                return

    sender = threading.Thread(target=trickle, daemon=True)
    sender.start()
    answer = b""
    try:
        while chunk := trickled.recv(65536):
            answer += chunk
    finally:
        stop.set()
        sender.join()
        trickled.close()
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:300]
    assert HEAD_TOO_SLOW.encode() in answer
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
