"""The cookie is not the token (forty-third round).

A browser sends an address's cookies to every port of it (RFC 6265: cookies ignore ports),
and `SameSite=Strict` holds nothing back from a page of the same address, so any other server
on 127.0.0.1 that the browser opens (another user's, a compromised dev server) reads drillbit's
cookie in its request headers: `HttpOnly` keeps it from scripts, not from servers. The cookie's
value was the token itself, which opens the app's websocket from any local program that sends
this server's Origin: code run in the grader as the user. The cookie now holds a secret of its
own that opens the page and its files, never the websocket.
"""

from __future__ import annotations

import base64
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer

from selenium.webdriver.chrome.webdriver import WebDriver

from tests.web.chromium import browser, chromium, shows_home, wait_for_screen
from tests.web.helpers import WAIT_SECONDS, Served, http_get

__all__ = ["browser", "chromium"]  # fixtures, used by name


def _tab_status(port: int, token: str, jar: str) -> str:
    """The status line of the app's websocket opened with `token` in its URL, this
    server's Origin and the cookie `jar`: what a local program that holds `token` can send."""
    key = base64.b64encode(os.urandom(16)).decode()
    request = (
        f"GET /ws?width=80&height=24&token={token} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Origin: http://127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    request = request.replace("\r\n\r\n", f"\r\nCookie: {jar}\r\n\r\n")
    with socket.create_connection(("127.0.0.1", port), timeout=WAIT_SECONDS) as connection:
        connection.sendall(request.encode())
        return connection.recv(4096).decode("latin-1").split("\r\n", 1)[0]


def test_the_cookie_opens_the_page_but_is_not_the_token(served: Served) -> None:
    base = f"http://127.0.0.1:{served.port}/"
    status, set_cookie, _ = http_get(served.url)
    assert status == 200 and set_cookie.startswith(f"drillbit-token-{served.port}=")
    value = set_cookie.split(";", 1)[0].split("=", 1)[1]
    assert served.token not in set_cookie
    assert len(value) >= 43  # a secret as long as the token (256 random bits)
    # what the cookie is for: the page and its files without the token in the address
    assert http_get(base, cookie=f"drillbit-token-{served.port}={value}")[0] == 200
    jar = f"drillbit-token-{served.port}={value}"
    assert http_get(base + "static/js/textual.js", cookie=jar)[0] == 200
    # what it must not be: the token, which opens a tab (its app runs code as the user)
    assert " 403 " in _tab_status(served.port, value, jar)
    assert " 101 " in _tab_status(served.port, served.token, jar)  # the token still does


@contextmanager
def _another_server_reading_cookies() -> Iterator[tuple[str, list[str]]]:
    """Another web server on another port of 127.0.0.1 that keeps the Cookie header of each
    request it gets. Yields its URL and the headers it kept."""
    heard: list[str] = []

    class ReadsCookies(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            heard.append(self.headers.get("Cookie", ""))
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<title>another server</title>")

        def log_message(self, *_: object) -> None:
            """Quiet: the test's output is the server's."""

    other = HTTPServer(("127.0.0.1", 0), ReadsCookies)  # the port: the kernel's pick
    thread = threading.Thread(target=other.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{other.server_port}/", heard
    finally:
        other.shutdown()
        other.server_close()
        thread.join()


def test_another_server_on_this_address_is_handed_the_cookie_not_the_token(
    served: Served, browser: WebDriver
) -> None:
    """Chromium opened the printed URL, then another server's page on 127.0.0.1: that server
    read `drillbit-token-PORT=<the token>` and opened a tab with it. It still reads the cookie
    (the browser's doing); what it reads opens no tab."""
    driver = browser
    driver.get(served.url)
    wait_for_screen(driver, shows_home, "Home")
    with _another_server_reading_cookies() as (other, heard):
        driver.get(other)
    assert heard, "the other server got no request"
    name = f"drillbit-token-{served.port}="
    handed = [part.strip() for part in heard[0].split(";") if part.strip().startswith(name)]
    assert handed, heard  # the browser hands it over: the attack is real
    assert served.token not in heard[0]
    # the cookie, as the cookie and as the token: still no tab
    assert " 403 " in _tab_status(served.port, handed[0].removeprefix(name), handed[0])
