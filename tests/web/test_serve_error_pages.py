"""What a logged-in browser is told at an address or with a method `drillbit serve` serves
nothing at (`quiz.serve.errors`, fifty-sixth round, serve56): aiohttp's bare "404: Not
Found" and "405: Method Not Allowed", and for a missing file under `/static/` an empty
`application/octet-stream` 404 that Chromium showed as "This site can't be reached ...
ERR_INVALID_RESPONSE", as if the server were down."""

from __future__ import annotations

import socket

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from quiz.serve.errors import NOTHING_HERE
from tests.web.chromium import browser, chromium
from tests.web.helpers import WAIT_SECONDS, Served, status_of

__all__ = ["browser", "chromium"]  # fixtures, used by name


def _answer(served: Served, method: str, path: str, cookie: str | None) -> tuple[int, str, str]:
    """The status, the headers (lower case) and the body of a raw request."""
    extra = f"Cookie: {cookie}\r\n" if cookie else ""
    with socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS) as sock:
        sock.sendall(
            f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n{extra}"
            "Content-Length: 0\r\nConnection: close\r\n\r\n".encode()
        )
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return status_of(answer), head.decode("latin-1").lower(), body.decode()


@pytest.mark.parametrize(
    ("method", "path", "status", "words"),
    [
        ("GET", "/nowhere", 404, "nothing is served at this address"),
        ("GET", "/static/nothing.js", 404, "nothing is served at this address"),
        ("GET", "/static/js/nothing-here.css", 404, "nothing is served at this address"),
        ("GET", "/login", 405, "answers a POST that the app's page sends, not a GET"),
        ("GET", "/logout", 405, "answers a POST that the app's page sends, not a GET"),
        ("PUT", "/", 405, "not a PUT"),
        ("GET", "/static/", 403, "this address answers 403 Forbidden"),  # no folder listing
    ],
)
def test_a_logged_in_browser_is_told_what_is_wrong_and_where_to_go(
    served: Served, method: str, path: str, status: int, words: str
) -> None:
    got, head, body = _answer(served, method, path, served.jar)
    assert got == status, (head, body)
    assert "content-type: text/plain; charset=utf-8" in head
    assert body.startswith("drillbit serve: ") and words in body, body
    assert f"Open the app's page, http://127.0.0.1:{served.port}/ " in body, body
    assert f"{status}: " not in body  # aiohttp's bare "404: Not Found"


def test_files_that_are_there_and_the_servers_own_refusals_keep_their_answers(
    served: Served,
) -> None:
    status, head, body = _answer(served, "GET", "/static/js/textual.js", served.jar)
    assert status == 200 and "javascript" in head and len(body) > 1000
    status, _, body = _answer(served, "GET", "/nowhere", None)  # no login: the login's 403
    assert status == 403 and "a valid token is required" in body
    assert "nothing is served" not in body  # no address is told apart without a login


@pytest.mark.parametrize("size", [(390, 844), (1280, 800)])
def test_chromium_shows_a_missing_file_s_words_within_its_width(
    served: Served, browser: WebDriver, size: tuple[int, int]
) -> None:
    """At a phone's width and a laptop's: the login page, then a missing file after the
    login, whose words (not Chromium's own error page) wrap within the window."""
    driver = browser
    driver.set_window_size(*size)
    driver.get(f"http://127.0.0.1:{served.port}/")
    assert driver.find_element(By.ID, "token").is_displayed()
    fits = "return document.documentElement.scrollWidth <= window.innerWidth"
    assert driver.execute_script(fits), "the login page runs off the window"
    driver.get(served.url)  # the token in the query: a 303 to the page, the cookie set
    driver.get(f"http://127.0.0.1:{served.port}/static/nothing.js")
    shown = driver.find_element(By.TAG_NAME, "body").text
    page = f"http://127.0.0.1:{served.port}/"
    assert shown.strip() == NOTHING_HERE.format(page=page).strip(), shown
    assert driver.execute_script(fits), "the words run off the window"
