"""Headless Chromium for the serve tests: Debian's Chromium and chromedriver, one browser a
module (`chromium`), a fresh user context a test (`browser`), and reading xterm.js's screen,
which it draws on a canvas (`read_screen`, `wait_for_screen`). A test module uses the
fixtures by importing them (`from tests.web.chromium import browser, chromium`)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.remote_connection import RemoteConnection

from tests.web.helpers import WAIT_SECONDS
from tests.web.lan_name import LAN_NAME

__all__ = [
    "CATCH_TERMINAL",
    "browser",
    "chromium",
    "closed_message",
    "console_messages",
    "read_screen",
    "shows_home",
    "wait_for_screen",
]

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--window-size=1200,800",
    # nothing resolves but loopback, and the LAN name `tests/web/lan_name.py` serves at
    f"--host-resolver-rules=MAP {LAN_NAME} 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, "
    "EXCLUDE localhost",
]

# xterm.js draws on a canvas (WebGL or 2D), so the page has no text to read. textual.js
# keeps its Terminal in a local object's `terminal` property; this script, run before the
# page's own, catches that assignment and keeps the public Terminal, whose buffer can be read.
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, 'terminal', {
  configurable: true,
  set(value) {
    Object.defineProperty(this, 'terminal', {value, writable: true, configurable: true, enumerable: true});
    try {
      if (value && typeof value.onData === 'function' && value.buffer && value.buffer.active) {
        window.__drillbitTerminal = value;
      }
    } catch (e) {}
  },
});
"""

READ_SCREEN = """
const term = window.__drillbitTerminal;
if (!term) {
  const rows = document.querySelector('.xterm-rows');
  return rows ? rows.innerText : '';
}
const buffer = term.buffer.active;
const lines = [];
for (let i = 0; i < buffer.length; i++) {
  const line = buffer.getLine(i);
  lines.push(line ? line.translateToString(true) : '');
}
return lines.join('\\n');
"""


@pytest.fixture(scope="module")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    """Headless Debian Chromium through Debian's chromedriver (Selenium Manager never runs),
    started once for the module: a start took 60-100 s under load, once per test. Each test
    gets a profile of its own all the same (`browser`)."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip(
            "needs Debian's headless Chromium: apt-get install chromium chromium-driver "
            f"({CHROMIUM} and {CHROMEDRIVER})"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.enable_bidi = True  # user contexts: a fresh profile per test in one browser
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        # Selenium gives each chromedriver request 120 s (a BiDi command 30 s) and
        # chromedriver a script 30 s: at a load of 40 on 2 cores `execute_script` and
        # `execute_cdp_cmd` outlasted both (six tests and three setups failed in one run of
        # tests/web). Bets on the load, like the ceilings WAIT_SECONDS replaced: each is now
        # that ceiling.
        assert isinstance(driver.command_executor, RemoteConnection)
        driver.command_executor.client_config.timeout = int(WAIT_SECONDS)
        driver.command_executor.client_config.websocket_timeout = WAIT_SECONDS
        driver.set_script_timeout(WAIT_SECONDS)
        driver.set_page_load_timeout(WAIT_SECONDS)
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def browser(chromium: WebDriver) -> Iterator[WebDriver]:
    """The module's Chromium in a tab of a new user context: cookies, storage and cache of
    its own, as a fresh profile had (WebDriver BiDi's `browser.createUserContext`). After the
    test the context is removed with its tabs, and any other tab the test opened is closed."""
    driver = chromium
    keeper = driver.current_window_handle  # the session's first tab (it ends with its last)
    context = driver.browser.create_user_context()
    driver.switch_to.window(driver.browsing_context.create(type="tab", user_context=context))
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CATCH_TERMINAL})
    driver.get_log("browser")  # type: ignore[no-untyped-call]  # earlier tests' console, read and dropped
    try:
        yield driver
    finally:
        driver.browser.remove_user_context(context)
        for handle in driver.window_handles:  # a tab opened in the default context
            if handle != keeper:
                driver.switch_to.window(handle)
                driver.close()
        driver.switch_to.window(keeper)
        driver.execute_cdp_cmd("Network.clearBrowserCookies", {})  # the default context's


def read_screen(driver: WebDriver) -> str:
    """The terminal's text, one line per row."""
    return str(driver.execute_script(READ_SCREEN) or "")


def wait_for_screen(
    driver: WebDriver, ready: Callable[[str], bool], what: str, seconds: float = WAIT_SECONDS
) -> str:
    """Poll the terminal's text until `ready` accepts it, at most `seconds`; fail with the
    last screen."""
    deadline = time.monotonic() + seconds
    screen = ""
    while time.monotonic() < deadline:
        screen = read_screen(driver)
        if ready(screen):
            return screen
        time.sleep(0.2)
    pytest.fail(f"the browser never showed {what}; last screen:\n{screen}")


def console_messages(driver: WebDriver) -> list[str]:
    """The messages of the page's console so far (its failed requests among them)."""
    entries: list[dict[str, str]] = driver.get_log("browser")  # type: ignore[no-untyped-call]  # selenium leaves get_log unannotated
    return [entry["message"] for entry in entries]


def shows_home(screen: str) -> bool:
    """Home is drawn: its table's header and its first pack (the bundled bank's) or, scrolled
    to its last row, its last (tests/web/data's "Browser check"). The first alone hung two
    tests 600 s in a CI run: with the Log out strip above it the terminal lost a row, and
    Home, back from a session started on its last row, no longer showed the first pack."""
    return "pack / topic" in screen and ("Neural networks" in screen or "Browser check" in screen)


RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(event.effectiveDirective + ' ' + (event.blockedURI || 'inline'));
});
"""
"""Run before the page's own scripts: every violation the page reports, kept to read."""


def record_violations(driver: WebDriver) -> None:
    """Keep every content-security-policy violation the next pages report, in
    `window.__violations`, from before their own scripts run."""
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_VIOLATIONS})


LOGIN_HEADING = "drillbit serve: log in"
"""The login page's heading: a logged-out browser lands there."""


def heading(driver: WebDriver) -> str:
    """The page's first `h1` (empty when it has none)."""
    found = driver.find_elements(By.TAG_NAME, "h1")
    return found[0].text if found else ""


def closed_message(driver: WebDriver) -> str:
    """The text of the page's "closed" dialog once the tab is closed (empty until then)."""
    shown = (
        "return document.body.classList.contains('-closed')"
        " ? document.querySelector('.closed-dialog .message').textContent : ''"
    )
    deadline = time.monotonic() + WAIT_SECONDS
    said = ""
    while time.monotonic() < deadline and not said:
        said = str(driver.execute_script(shown) or "")
        time.sleep(0.2)
    return said
