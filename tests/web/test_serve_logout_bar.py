"""Log out while the app runs, in Debian's headless Chromium against a real server: the strip
above the terminal holds a **Log out** button (the button was on the closed dialog alone,
and the terminal filled the page while the app ran), which covers none of the terminal at
1280x800 nor at 800x600; its logout ends the login and the app, and the login page says so.
On an origin that is no secure context (a LAN address over plain http, where a browser
ignores `Clear-Site-Data`) the login still ends on the server and the page says plainly what
was done and what is left. The only skip: Chromium or chromedriver missing."""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By

from quiz.serve.page import (
    LOGGED_OUT_PAGE_WORDS,
    LOGOUT_BAR_PX,
    LOGOUT_NOT_DONE_WORDS,
    PLAIN_HTTP_WORDS,
    SERVER_STOPPED_WORDS,
    TOKEN_KEY,
)
from tests.web import lan_name
from tests.web.chromium import (  # the module's Chromium, a profile per test
    LOGIN_HEADING,
    browser,
    chromium,
    closed_message,
    heading,
    shows_home,
    wait_for_screen,
)
from tests.web.conftest import _serve
from tests.web.helpers import WAIT_SECONDS, Served, status_of, whole_answer
from tests.web.lan_name import LAN_NAME
from tests.web.png import png_pixels
from tests.web.test_serve_attacked50 import _apps, _until

__all__ = ["browser", "chromium"]  # fixtures, used by name

GEOMETRY = """
const box = (element) => {
  const r = element.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
};
return {
  button: box(document.getElementById('logout-now')),
  bar: box(document.querySelector('.logout-bar')),
  terminal: box(document.getElementById('terminal')),
  screen: box(document.querySelector('.xterm-screen')),
  width: window.innerWidth,
  height: window.innerHeight,
};
"""


@pytest.fixture
def served_by_lan_name(tmp_path: Path) -> Iterator[Served]:
    """A server that also answers to `LAN_NAME`, a name the browser takes for the network's."""
    yield from _serve(tmp_path, before=[sys.executable, "-P", lan_name.__file__, "serve"])


def _said(driver: WebDriver) -> str:
    found = driver.find_elements(By.ID, "said")
    return found[0].text if found else ""


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and (b["top"] < a["bottom"])
    )


@pytest.mark.parametrize("size", [(1280, 800), (800, 600)])
def test_log_out_while_the_app_runs_is_beside_the_terminal_and_ends_the_login(
    served: Served, browser: WebDriver, size: tuple[int, int], tmp_path: Path
) -> None:
    driver = browser
    driver.set_window_size(*size)
    driver.get(served.url)
    wait_for_screen(driver, shows_home, "Home")
    button = driver.find_element(By.ID, "logout-now")
    assert button.text == "Log out" and button.is_displayed()
    seen: dict[str, Any] = driver.execute_script(GEOMETRY)
    # the strip is above the terminal, which takes the rest of the window, its whole screen
    # (the footer's row included) inside it: nothing of the terminal is covered or cut
    assert seen["bar"]["bottom"] == pytest.approx(LOGOUT_BAR_PX, abs=1), seen
    assert seen["terminal"]["top"] >= seen["bar"]["bottom"] - 0.5, seen
    assert not _overlap(seen["button"], seen["screen"]), seen
    assert seen["screen"]["bottom"] <= seen["height"] + 0.5, seen
    assert seen["screen"]["right"] <= seen["width"] + 0.5, seen
    assert seen["button"]["right"] <= seen["width"], seen  # not off a narrow window
    shot = tmp_path / f"running-{size[0]}x{size[1]}.png"
    driver.save_screenshot(str(shot))
    assert len(png_pixels(shot.read_bytes())[0]) >= size[0] // 2  # a real picture was taken
    assert _apps(served)  # the tab's app runs as the button is pressed
    button.click()
    _until(lambda: heading(driver) == LOGIN_HEADING, "the login page after the logout")
    _until(lambda: _said(driver).startswith("You logged out"), "the page to say so")
    assert PLAIN_HTTP_WORDS.split(":")[0] not in _said(driver)  # 127.0.0.1 is a secure context
    _until(lambda: _apps(served) == [], "the tab's app to end")
    assert driver.execute_script(f"return window.localStorage.getItem('{TOKEN_KEY}')") is None
    assert driver.get_cookies() == []
    driver.refresh()  # the word is said once; a reload is the plain login page
    _until(lambda: _said(driver) == "A valid token is required.", "the login page on a reload")


def test_a_logout_that_reaches_no_server_says_the_browser_is_still_logged_in(
    served: Served, browser: WebDriver
) -> None:
    """The server stopped under the page (its tab says so), then **Log out** on the closed
    dialog: the post reaches nobody, so nothing was ended. It went to the login page as if
    logged out, the token forgotten; now the dialog says the logout did not happen, and the
    page keeps its token (the next run's refuses it all the same)."""
    driver = browser
    driver.get(served.url)
    wait_for_screen(driver, shows_home, "Home")
    served.process.send_signal(signal.SIGINT)
    served.process.wait(timeout=WAIT_SECONDS)
    assert closed_message(driver) == SERVER_STOPPED_WORDS
    driver.find_element(By.ID, "logout").click()
    message = driver.find_element(By.CSS_SELECTOR, ".closed-dialog .message")
    _until(lambda: message.text == LOGOUT_NOT_DONE_WORDS, "the dialog to say so")
    assert heading(driver) != LOGIN_HEADING  # the page stayed
    assert driver.execute_script(f"return window.localStorage.getItem('{TOKEN_KEY}')")


def test_a_logout_on_a_plain_http_lan_origin_ends_the_login_and_says_what_was_done(
    served_by_lan_name: Served, browser: WebDriver
) -> None:
    served = served_by_lan_name
    driver = browser
    page = f"http://{LAN_NAME}:{served.port}/"
    driver.get(f"{page}#token={served.token}")
    wait_for_screen(driver, shows_home, "Home")
    assert driver.execute_script("return window.isSecureContext") is False
    cookie = driver.get_cookie(f"drillbit-token-{served.port}")
    assert cookie is not None
    jar = f"{cookie['name']}={cookie['value']}"
    driver.find_element(By.ID, "logout-now").click()
    _until(lambda: heading(driver) == LOGIN_HEADING, "the login page after the logout")
    _until(lambda: PLAIN_HTTP_WORDS[:40] in _said(driver), "the page to say what was done")
    assert _said(driver).startswith(LOGGED_OUT_PAGE_WORDS[:40])
    # the login ended on the server: its cookie, sent again, opens nothing
    answer = whole_answer(
        served.port,
        f"GET /static/js/textual.js HTTP/1.1\r\nHost: {LAN_NAME}:{served.port}\r\n"
        f"Cookie: {jar}\r\nConnection: close\r\n\r\n".encode(),
    )
    assert status_of(answer) == 403
    _until(lambda: _apps(served) == [], "the tab's app to end")
    assert driver.execute_script(f"return window.localStorage.getItem('{TOKEN_KEY}')") is None
    assert driver.get_cookies() == []
