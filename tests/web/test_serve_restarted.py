"""A tab open while `drillbit serve` stops, and after it starts again (forty-fourth round).

The tab said "Session ended." beside a Restart button; once the server ran again, the
Restart (a reload) showed "a valid token is required: open the URL `drillbit serve`
printed", with no word that the token it had was the last run's. A server killed outright
(no close frame) left the same "Session ended.".
"""

from __future__ import annotations

import signal
import time
from pathlib import Path

from selenium.webdriver.chrome.webdriver import WebDriver

from quiz.serve.page import CONNECTION_LOST_WORDS, SERVER_STOPPED_WORDS, TOKEN_KEY
from tests.web.chromium import browser, chromium, closed_message, shows_home, wait_for_screen
from tests.web.conftest import PortTaken, _start, _stop, _wait_for_url, start_on_a_free_port
from tests.web.helpers import WAIT_SECONDS, Served, serve_command

__all__ = ["browser", "chromium"]  # fixtures, used by name


def test_a_tab_says_the_server_stopped_and_then_that_its_token_is_an_earlier_runs(
    served: Served, browser: WebDriver, tmp_path: Path
) -> None:
    driver = browser
    driver.get(served.url)
    wait_for_screen(driver, shows_home, "Home")
    served.process.send_signal(signal.SIGINT)
    served.process.wait(timeout=WAIT_SECONDS)
    assert closed_message(driver) == SERVER_STOPPED_WORDS
    # the server again on the same port: a new token, which this tab does not have
    log = tmp_path / "again.log"
    again = _start(serve_command("--port", str(served.port)), log, None)
    try:
        try:
            url = _wait_for_url(again, log, served.port)
        except PortTaken:  # another program took the port meanwhile: no verdict either way
            raise AssertionError(f"port {served.port} was taken before the restart") from None
        assert url != served.printed
        driver.refresh()  # the dialog's Restart: refused, then the kept token posted, refused
        said = "That token is not this run's"
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline and said not in driver.page_source:
            time.sleep(0.2)
        page = driver.page_source
        assert said in page and "printed this time, or open its login link" in page, page
        assert driver.execute_script(f"return localStorage.getItem('{TOKEN_KEY}')") is None
        # its words wrap in the window (they ran off it: 1542 px wide in an 800 px window)
        wide, window = driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]"
        )
        assert wide <= window, (wide, window)
    finally:
        assert _stop(again) == []


def test_a_tab_whose_server_was_killed_says_the_connection_was_lost(
    browser: WebDriver, tmp_path: Path
) -> None:
    """SIGKILL: no close frame, so the browser closes the websocket with 1006."""
    driver = browser
    process, _, _, url = start_on_a_free_port(
        tmp_path, lambda port: serve_command("--port", str(port))
    )
    try:
        driver.get(url)
        wait_for_screen(driver, shows_home, "Home")
        process.kill()
        process.wait(timeout=WAIT_SECONDS)
        assert closed_message(driver) == CONNECTION_LOST_WORDS
    finally:
        # its apps end by themselves once it is gone (test_serve_killed.py); any left is killed
        _stop(process, grace=0)
