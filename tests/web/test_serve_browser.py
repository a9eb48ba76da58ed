"""`drillbit serve` end to end: a real server, Debian's headless Chromium opening the URL it
printed (with its token), keys typed into xterm.js.

The server runs in its own session (process group) with the test's DRILLBIT_HOME; one
Chromium serves the module, each test in a user context of its own (a fresh profile: no
cookie, storage or cache of another test's), and it resolves no name but 127.0.0.1 and
localhost, so nothing leaves the machine (the page's web font fails fast instead of
hanging). The only skip: Chromium or chromedriver missing (Debian packages `chromium` and `chromium-driver`; CI installs them).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.remote_connection import RemoteConnection

from bench.processes import alive, descendants
from quiz.serve.page import MOST_MESSAGE_BYTES, TOKEN_KEY
from tests.conftest import RunDrillbit
from tests.web.helpers import BROWSER_PACK, WAIT_SECONDS, Served

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
QUESTION = "put the terminal app in a browser?"
ANSWER = "relays its terminal over a websocket"

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
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
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


def _screen(driver: WebDriver) -> str:
    """The terminal's text, one line per row."""
    return str(driver.execute_script(READ_SCREEN) or "")


def _wait_for_screen(
    driver: WebDriver, ready: Callable[[str], bool], what: str, seconds: float = WAIT_SECONDS
) -> str:
    """Poll the terminal's text until `ready` accepts it, at most `seconds`; fail with the
    last screen."""
    deadline = time.monotonic() + seconds
    screen = ""
    while time.monotonic() < deadline:
        screen = _screen(driver)
        if ready(screen):
            return screen
        time.sleep(0.2)
    pytest.fail(f"the browser never showed {what}; last screen:\n{screen}")


def _console(driver: WebDriver) -> list[str]:
    """The messages of the page's console so far (its failed requests among them)."""
    entries: list[dict[str, str]] = driver.get_log("browser")  # type: ignore[no-untyped-call]  # selenium leaves get_log unannotated
    return [entry["message"] for entry in entries]


def _home(screen: str) -> bool:
    """Home is drawn: its table's header and the bundled bank's first pack."""
    return "pack / topic" in screen and "Neural networks" in screen


def _stats(drillbit: RunDrillbit) -> dict[str, object]:
    """`drillbit stats --json` on the server's DRILLBIT_HOME (the test's)."""
    result = drillbit("--content", str(BROWSER_PACK), "stats", "--json")
    assert result.returncode == 0, result.stderr
    stats: dict[str, object] = json.loads(result.stdout)
    return stats


def test_home_appears_and_a_card_is_studied_in_the_browser(
    served: Served, browser: WebDriver, drillbit: RunDrillbit
) -> None:
    driver = browser
    bare = f"http://127.0.0.1:{served.port}/"
    driver.get(bare)  # without the token: refused, no app
    assert "a valid token is required" in driver.page_source
    driver.get(served.url)  # the printed URL: the app, and a cookie for this server
    # Home by its first pack: the browser pack's rows, its last, can be below the window's
    # rows (a fresh home has a line more above the table); d finds its card below
    home = _wait_for_screen(driver, _home, "Home")
    assert "pack / topic" in home
    driver.get(bare)  # the cookie now stands for the token (a reload without the query)
    _wait_for_screen(driver, _home, "Home")

    keyboard = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")

    def press(*keys: str) -> None:
        keyboard.send_keys(*keys)

    # The browser pack's topic is Home's last row; d studies it: its one concept card.
    # The waits look for the card's own text (tests/web/data), not for the TUI's wording.
    press(Keys.CONTROL, Keys.END)
    press("d")
    _wait_for_screen(driver, lambda s: QUESTION in s, "the card's question")
    assert ANSWER not in _screen(driver)
    press(" ")  # reveal
    _wait_for_screen(driver, lambda s: ANSWER in s, "the card's answer")
    assert _stats(drillbit)["reviews"] == 0
    # to the rating keys, then Easy: committed, and the card graduates (Good would leave it
    # in fsrs's 10-minute learning step, asked again), so the session ends
    press(Keys.ENTER, "4")
    _wait_for_screen(driver, lambda s: QUESTION not in s, "the end of the session")

    stats = _stats(drillbit)
    assert stats["reviews"] == 1
    assert stats["cards_seen"] == 1


def test_the_tab_is_titled_drillbit_and_the_page_requests_nothing_missing(
    served: Served, browser: WebDriver
) -> None:
    """The tab read the URL with its token (the page had no title), and the console showed
    the 404 of the /favicon.ico the browser asked for."""
    driver = browser
    driver.get(served.url)
    _wait_for_screen(driver, _home, "Home")
    assert driver.title == "drillbit"
    missing = [message for message in _console(driver) if "404" in message]
    assert missing == []


def test_the_printed_url_opened_at_localhost_starts_the_app(
    served: Served, browser: WebDriver
) -> None:
    """The server takes localhost as its own name, but the page asked 127.0.0.1 for its
    script, without the cookie (a browser keeps one per address): refused, the tab stayed
    on its loading screen."""
    driver = browser
    driver.get(served.url.replace("//127.0.0.1:", "//localhost:"))
    _wait_for_screen(driver, _home, "Home at localhost")
    assert driver.current_url == f"http://localhost:{served.port}/"


def test_the_token_leaves_the_address_bar_and_a_reload_logs_in_by_the_cookie(
    served: Served, browser: WebDriver
) -> None:
    """The address bar kept `?token=...` for the whole visit, there for a shared screen, a
    bookmark or a copied link to show; the page's other parameters stay."""
    driver = browser
    driver.get(served.url + "&fontsize=18")
    _wait_for_screen(driver, _home, "Home")
    assert driver.current_url == f"http://127.0.0.1:{served.port}/?fontsize=18"
    driver.refresh()
    _wait_for_screen(driver, _home, "Home after a reload")
    assert served.token not in driver.current_url


@contextmanager
def _another_server_setting(cookie: str) -> Iterator[str]:
    """Another web server on this machine, on another port of 127.0.0.1, whose page sets
    `cookie` (name=value) for that address: the browser sends it to every port there.
    Yields the page's URL."""

    class SetsTheCookie(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Set-Cookie", f"{cookie}; Path=/")
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<title>another server</title>")

        def log_message(self, *_: object) -> None:
            """Quiet: the test's output is the server's."""

    other = HTTPServer(("127.0.0.1", 0), SetsTheCookie)  # the port: the kernel's pick
    thread = threading.Thread(target=other.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{other.server_port}/"
    finally:
        other.shutdown()
        other.server_close()
        thread.join()


def test_a_cookie_overwritten_by_another_local_server_does_not_lock_the_page(
    served: Served, browser: WebDriver
) -> None:
    """A page of another server on 127.0.0.1 set drillbit's cookie name to its own value:
    the reload showed only "a valid token is required: open the URL `drillbit serve`
    printed". The refusal now reopens the page with the token this browser kept."""
    driver = browser
    driver.get(served.url)
    _wait_for_screen(driver, _home, "Home")
    with _another_server_setting(f"drillbit-token-{served.port}=someone-elses") as other:
        driver.get(other)
    assert {"name": f"drillbit-token-{served.port}", "value": "someone-elses"}.items() <= next(
        cookie for cookie in driver.get_cookies() if cookie["name"].startswith("drillbit")
    ).items()
    driver.get(f"http://127.0.0.1:{served.port}/")
    _wait_for_screen(driver, _home, "Home after the cookie was overwritten")
    assert served.token not in driver.current_url


def test_a_refused_token_the_browser_kept_is_forgotten_not_retried(
    served: Served, browser: WebDriver
) -> None:
    """A token kept from a past run is refused too: the page forgets it and says to open
    the printed URL, instead of reopening itself again and again."""
    driver = browser
    driver.get(f"http://127.0.0.1:{served.port}/")
    driver.execute_script(f"window.localStorage.setItem('{TOKEN_KEY}', 'a-past-runs-token')")
    driver.get(f"http://127.0.0.1:{served.port}/")
    assert driver.current_url.endswith("/?token=a-past-runs-token")
    assert "a valid token is required" in driver.page_source
    assert driver.execute_script(f"return window.localStorage.getItem('{TOKEN_KEY}')") is None


KEEP_SOCKETS = """
const Native = window.WebSocket;
window.__drillbitSockets = [];
window.WebSocket = class extends Native {
  constructor(...args) {
    super(...args);
    window.__drillbitSockets.push(this);
  }
};
"""
"""Run before the page's scripts, whose WebSocket classes extend this one: every socket the
page opens is kept where a test can send through it."""


def _closed_message(driver: WebDriver) -> str:
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


def test_a_browser_without_the_kept_token_is_told_to_open_the_printed_url(
    served: Served, browser: WebDriver
) -> None:
    """The cookie opens the page but not the app (its websocket needs the token the page
    keeps): with the page's storage cleared, the tab said only "Session ended."."""
    driver = browser
    driver.get(served.url)
    _wait_for_screen(driver, _home, "Home")
    driver.execute_script("window.localStorage.clear()")
    driver.refresh()
    said = _closed_message(driver)
    assert "open the URL drillbit serve printed" in said, said


def test_a_paste_larger_than_the_servers_message_limit_leaves_the_tab_running(
    served: Served, browser: WebDriver
) -> None:
    """textual.js sends a paste as one websocket message, and the server closes a tab whose
    message is over 4 MiB: the tab said only "Session ended.". The page now sends it in
    pieces the server takes."""
    driver = browser
    driver.get(served.url)
    _wait_for_screen(driver, _home, "Home")
    driver.execute_script(
        f"window.__drillbitTerminal.paste('x'.repeat({MOST_MESSAGE_BYTES + 1024}))"
    )
    driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys("l")
    _wait_for_screen(driver, lambda s: "Next unsolved" in s, "the drills list")
    assert "Session ended" not in driver.find_element(By.TAG_NAME, "body").text


def test_a_message_over_the_servers_limit_says_the_limit_and_what_to_do(
    served: Served, browser: WebDriver
) -> None:
    """A message over the server's limit closes the tab (code 1009): the dialog's words were
    never checked in a browser. It names the limit and says to reload, and a reload brings
    the app back."""
    driver = browser
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": KEEP_SOCKETS})
    driver.get(served.url)
    _wait_for_screen(driver, _home, "Home")
    driver.execute_script(
        "window.__drillbitSockets.at(-1).send("
        f"JSON.stringify(['ping', 'x'.repeat({MOST_MESSAGE_BYTES + 1024})]))"
    )
    said = _closed_message(driver)
    assert said == (
        "This tab sent the server a message over its limit (4 MiB), so the server closed "
        "the tab and its app. Reload the page to start the app again."
    ), said
    assert "Session ended" not in driver.find_element(By.TAG_NAME, "body").text
    assert "Traceback" not in served.log.read_text(), served.log.read_text()
    driver.refresh()
    _wait_for_screen(driver, _home, "Home after the reload")


def test_in_a_browser_tab_the_drill_keys_work_and_one_escape_leaves(
    served: Served, browser: WebDriver
) -> None:
    """f2 shows a hint (ctrl+t would open a new tab), the footer names f2 and f3, and the
    first escape, pressed in the editor, leaves the drill."""
    driver = browser
    driver.get(served.url)
    _wait_for_screen(driver, _home, "Home")
    keyboard = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    keyboard.send_keys("l")  # the drills list
    listing = _wait_for_screen(driver, lambda s: "Next unsolved" in s, "the drills list")
    keyboard.send_keys(Keys.ENTER)
    drill = _wait_for_screen(driver, lambda s: "Grade" in s and "Hint" in s, "a drill")
    assert "f2" in drill and "f3" in drill, drill
    assert "^t" not in drill and "^n" not in drill, drill
    keyboard.send_keys(Keys.F2)
    _wait_for_screen(driver, lambda s: "Hint 1." in s, "the first hint")
    keyboard.send_keys(Keys.ESCAPE)
    _wait_for_screen(
        driver, lambda s: "Next unsolved" in s and "Hint 1." not in s, "the drills list again"
    )
    assert listing


def test_before_the_page_is_clicked_homes_footer_reads_as_the_terminals(
    served: Served, browser: WebDriver
) -> None:
    """The page, not clicked yet, blurs the app and Home's table loses the focus: the
    footer read "⏎ Due" where the terminal reads "d Due" (the binding's first key)."""
    driver = browser
    driver.get(served.url)
    home = _wait_for_screen(driver, lambda s: " Due " in s and "Settings" in s, "Home's keys")
    footer = next(line for line in home.splitlines() if " Due " in line)
    assert footer.lstrip().startswith("d Due "), footer


def test_keys_typed_on_the_page_reach_the_app_without_a_click_first(
    served: Served, browser: WebDriver
) -> None:
    """A new user opened the printed URL and typed `?`: nothing happened, since the page's
    focus was on its body and only a click gave it to the terminal. The terminal now takes
    it as the app connects, so the keys Home's footer names work at once."""
    driver = browser
    driver.get(served.url)
    _wait_for_screen(driver, _home, "Home")
    typed_into = driver.switch_to.active_element  # where a person's keys go, unclicked
    assert "xterm-helper-textarea" in str(typed_into.get_attribute("class"))
    typed_into.send_keys("?")
    _wait_for_screen(driver, lambda s: "Keys: Home" in s, "Home's help, opened by ?")


def _tab_apps(served: Served) -> list[int]:
    """The app processes (`python -m quiz`) the server runs, one per open tab."""
    apps = []
    for pid in descendants(served.process.pid):
        try:
            argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue  # ended meanwhile
        if alive(pid) and argv[1:3] == [b"-m", b"quiz"]:
            apps.append(pid)
    return apps


def test_closing_the_tab_ends_its_app_keeps_its_draft_and_frees_its_slot(
    served_one_tab: Served, browser: WebDriver, drillbit: RunDrillbit
) -> None:
    """A tab closed in the middle of a drill: its app process ends (the server does not
    wait for Ctrl-C), the code typed in it is the drill's draft, and the server's one tab
    slot is free again for the next tab, which opens Home."""
    driver = browser
    driver.get(served_one_tab.url)
    _wait_for_screen(driver, _home, "Home")
    (app,) = _tab_apps(served_one_tab)
    keyboard = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    keyboard.send_keys("l")
    _wait_for_screen(driver, lambda s: "Next unsolved" in s, "the drills list")
    keyboard.send_keys(Keys.ENTER)
    _wait_for_screen(driver, lambda s: "Grade" in s and "Hint" in s, "a drill")
    keyboard.send_keys("# typed in the browser")
    _wait_for_screen(driver, lambda s: "# typed in the browser" in s, "the typed line")

    typed_in = driver.current_window_handle
    driver.switch_to.new_window("tab")  # the browser stays open: only the tab closes
    driver.switch_to.window(typed_in)
    driver.close()
    deadline = time.monotonic() + WAIT_SECONDS
    while alive(app) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(app), "the closed tab's app still runs"
    drills = drillbit("--content", str(BROWSER_PACK), "drills", "--json")
    assert drills.returncode == 0, drills.stderr
    states = [drill["state"] for drill in json.loads(drills.stdout)["drills"]]
    assert states.count("draft") == 1, states

    driver.switch_to.window(driver.window_handles[0])
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CATCH_TERMINAL})
    driver.get(served_one_tab.url)  # the one slot: refused while the app held it
    _wait_for_screen(driver, _home, "Home in a new tab")


def test_a_reload_with_every_tab_slot_taken_gets_its_tab_back(
    served_one_tab: Served, browser: WebDriver
) -> None:
    """With its one tab slot taken by the page itself, a reload was refused every other
    time ("1 tab is open, the limit (--max-tabs); close one and reload"): the browser
    closes the old page's websocket only once the new page arrives, and the server
    counted it until then. The page now closes it as it is left, and the server waits a
    moment for a slot."""
    driver = browser
    driver.get(served_one_tab.url)
    _wait_for_screen(driver, _home, "Home")
    for reload in range(3):
        driver.refresh()
        assert "the limit (--max-tabs)" not in driver.page_source, f"reload {reload}"
        _wait_for_screen(driver, _home, f"Home after reload {reload}")
