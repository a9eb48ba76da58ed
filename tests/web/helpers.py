"""Helpers for the serve tests: the browser pack, a free loopback port, the serve command line,
a plain GET, a raw request's whole answer and its status."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import DRILLBIT_COMMAND, PROCESS_TIMEOUT_SECONDS

BROWSER_PACK = Path(__file__).resolve().parent / "data"
"""A one-card pack served next to the bundled bank (`--content`)."""
QUESTION = "put the terminal app in a browser?"
ANSWER = "relays its terminal over a websocket"
"""The browser pack's card: words of its question, and of its answer."""


@dataclass
class Served:
    """A running server: its page with the token in the fragment (`/#token=...`, as the
    forty-fifth round printed it, which still logs in), port, process, log file and the
    login link it prints (the `file://` address of its login file)."""

    printed: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path
    link: str = ""

    @property
    def token(self) -> str:
        """This run's token, from the printed URL."""
        return self.printed.split("#token=", 1)[1]

    @property
    def url(self) -> str:
        """The token in the query (`/?token=...`), as earlier runs printed it, which still
        logs in: what a plain GET sends, since a fragment never leaves the browser."""
        return f"http://127.0.0.1:{self.port}/?token={self.token}"

    @property
    def jar(self) -> str:
        """The `name=value` of the login cookie (what a browser sends back)."""
        return login_jar(self.port, self.token)

    @property
    def cookie_value(self) -> str:
        """The value of that cookie."""
        return self.jar.split("=", 1)[1]


WAIT_SECONDS = float(PROCESS_TIMEOUT_SECONDS)
"""The ceiling of every wait in these tests for something the server will do (listen, answer,
draw a screen, end an app): each returns as soon as it is done, so a high ceiling costs a
failing test time only. A start of seconds took a minute at a load of 30 on 2 cores; the
ceilings of 10 to 30 s that stood here were bets on the load, lost by a busy CI runner."""


def free_loopback_port() -> int:
    """A port nobody listens on right now (the kernel's pick)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def serve_command(*options: str) -> list[str]:
    """The command line of `drillbit --content <browser pack> serve OPTIONS`, for Popen."""
    return [*DRILLBIT_COMMAND, "--content", str(BROWSER_PACK), "serve", *options]


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are answered as they are: `http_get` follows them itself, with cookies."""

    def redirect_request(self, *_: object, **__: object) -> None:
        return None


def http_get(
    url: str, *, cookie: str | None = None, host: str | None = None, follow: bool = True
) -> tuple[int, str, str]:
    """Status, Set-Cookie header and body of a plain GET (no proxies). With `follow`, a
    redirect is followed as a browser does, with the cookies it set added to `cookie`: the
    status and body are the last answer's, the Set-Cookie the first answer's (the printed
    URL's 303 sets the login cookie)."""
    status, set_cookies, location, body = _get_once(url, cookie, host)
    if follow and status == 303 and location:
        jar = [part for part in [cookie] if part] + [c.split(";", 1)[0] for c in set_cookies]
        next_url = urllib.parse.urljoin(url, location)
        status, _, _, body = _get_once(next_url, "; ".join(jar) or None, host)
    return status, set_cookies[0] if set_cookies else "", body


def login_jar(port: int, token: str) -> str:
    """The `name=value` of the login cookie `token` gets from the server on `port`: the
    303 of `/?token=...`, unfollowed, so no page is asked for (a page waits for a tab slot)."""
    status, cookie, _ = http_get(f"http://127.0.0.1:{port}/?token={token}", follow=False)
    assert status == 303 and cookie.startswith(f"drillbit-token-{port}="), (status, cookie)
    return cookie.split(";", 1)[0]


def _get_once(
    url: str, cookie: str | None, host: str | None
) -> tuple[int, list[str], str | None, str]:
    """One GET: status, every Set-Cookie header, the Location header and the body."""
    request = urllib.request.Request(url)
    if cookie is not None:
        request.add_header("Cookie", cookie)
    if host is not None:
        request.add_header("Host", host)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirects())
    try:
        with opener.open(request, timeout=WAIT_SECONDS) as response:
            body = response.read().decode()
            headers = response.headers
            status = response.status
    except urllib.error.HTTPError as exc:
        body, headers, status = exc.read().decode(), exc.headers, exc.code
    return status, headers.get_all("Set-Cookie") or [], headers.get("Location"), body


def whole_answer(port: int, request: bytes) -> bytes:
    """The server's whole answer to the raw `request` (which asks to close the
    connection), read until the server closes it."""
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT_SECONDS) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


def read_head(connection: socket.socket) -> bytes:
    """What the server has answered on `connection` up to the end of its first head (the
    status line and headers), read as soon as it comes: a body may never be sent."""
    received = b""
    while b"\r\n\r\n" not in received:
        chunk = connection.recv(4096)
        if not chunk:
            break
        received += chunk
    return received


def status_of(answer: bytes) -> int:
    """The status code of a raw HTTP answer."""
    return int(answer.split(b"\r\n", 1)[0].split()[1])


def dribbled_head(connection: socket.socket, rest: bytes) -> tuple[bytes, int]:
    """Send `rest` (the rest of a request head) a byte every half second until the server
    closes the connection or WAIT_SECONDS pass, reading all it answers: what it answered
    and how many bytes of `rest` went out (fewer than all: the head was cut off)."""
    connection.setblocking(False)
    answer, dribbled, closed = b"", 0, False
    deadline = time.monotonic() + WAIT_SECONDS
    while not closed and time.monotonic() < deadline:
        with contextlib.suppress(BlockingIOError):
            chunk = connection.recv(65536)
            answer += chunk
            closed = not chunk
        if not closed and dribbled < len(rest):
            with contextlib.suppress(BlockingIOError, ConnectionError):
                dribbled += connection.send(rest[dribbled : dribbled + 1])
        time.sleep(0.5)
    return answer, dribbled
