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
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from bench.processes import alive, descendants
from quiz.serve.page import MOST_MESSAGE_BYTES, TOKEN_KEY
from tests.conftest import RunDrillbit
from tests.web.chromium import (  # the module's Chromium, a profile per test
    CATCH_TERMINAL,
    browser,
    chromium,
    closed_message,
    console_messages,
    read_screen,
    shows_home,
    wait_for_screen,
)
from tests.web.helpers import ANSWER, BROWSER_PACK, QUESTION, WAIT_SECONDS, Served

__all__ = ["browser", "chromium"]  # fixtures, used by name


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
    assert "A valid token is required." in driver.page_source
    driver.get(served.printed)  # the printed URL: the app, and a cookie for this server
    # Home by its first pack: the browser pack's rows, its last, can be below the window's
    # rows (a fresh home has a line more above the table); d finds its card below
    home = wait_for_screen(driver, shows_home, "Home")
    assert "pack / topic" in home
    driver.get(bare)  # the cookie now opens the page (a reload without the query)
    wait_for_screen(driver, shows_home, "Home")

    keyboard = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")

    def press(*keys: str) -> None:
        keyboard.send_keys(*keys)

    # The browser pack's topic is Home's last row; d studies it: its one concept card.
    # The waits look for the card's own text (tests/web/data), not for the TUI's wording.
    press(Keys.CONTROL, Keys.END)
    press("d")
    wait_for_screen(driver, lambda s: QUESTION in s, "the card's question")
    assert ANSWER not in read_screen(driver)
    press(" ")  # reveal
    wait_for_screen(driver, lambda s: ANSWER in s, "the card's answer")
    assert _stats(drillbit)["reviews"] == 0
    # to the rating keys, then Easy: committed, and the card graduates (Good would leave it
    # in fsrs's 10-minute learning step, asked again), so the session ends
    press(Keys.ENTER, "4")
    wait_for_screen(driver, lambda s: QUESTION not in s, "the end of the session")

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
    wait_for_screen(driver, shows_home, "Home")
    assert driver.title == "drillbit"
    # Chromium words a failed request "... responded with a status of 404 (Not Found)"; a bare
    # "404" also matched a port such as 44045 in an unrelated warning's URL (a red CI run)
    missing = [message for message in console_messages(driver) if "status of 404" in message]
    assert missing == []


def test_the_printed_url_opened_at_localhost_starts_the_app(
    served: Served, browser: WebDriver
) -> None:
    """The server takes localhost as its own name, but the page asked 127.0.0.1 for its
    script, without the cookie (a browser keeps one per address): refused, the tab stayed
    on its loading screen."""
    driver = browser
    driver.get(served.printed.replace("//127.0.0.1:", "//localhost:"))
    wait_for_screen(driver, shows_home, "Home at localhost")
    assert driver.current_url == f"http://localhost:{served.port}/"


def test_the_token_leaves_the_address_bar_and_a_reload_logs_in_by_the_cookie(
    served: Served, browser: WebDriver
) -> None:
    """The address bar kept `?token=...` for the whole visit, there for a shared screen, a
    bookmark or a copied link to show; the page's other parameters stay."""
    driver = browser
    driver.get(served.url + "&fontsize=18")
    wait_for_screen(driver, shows_home, "Home")
    assert driver.current_url == f"http://127.0.0.1:{served.port}/?fontsize=18"
    driver.refresh()
    wait_for_screen(driver, shows_home, "Home after a reload")
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
    wait_for_screen(driver, shows_home, "Home")
    with _another_server_setting(f"drillbit-token-{served.port}=someone-elses") as other:
        driver.get(other)
    assert {"name": f"drillbit-token-{served.port}", "value": "someone-elses"}.items() <= next(
        cookie for cookie in driver.get_cookies() if cookie["name"].startswith("drillbit")
    ).items()
    driver.get(f"http://127.0.0.1:{served.port}/")
    wait_for_screen(driver, shows_home, "Home after the cookie was overwritten")
    assert served.token not in driver.current_url


def test_a_refused_token_the_browser_kept_is_forgotten_not_retried(
    served: Served, browser: WebDriver
) -> None:
    """A token kept from a past run is refused too: the page forgets it and says to open
    the printed URL, instead of trying it again and again. It is posted, never put in the
    address (the page reopened itself at `/?token=...`, an entry of the history)."""
    driver = browser
    page = f"http://127.0.0.1:{served.port}/"
    driver.get(page)
    driver.execute_script(f"window.localStorage.setItem('{TOKEN_KEY}', 'a-past-runs-token')")
    driver.get(page)
    said = "That token is not this run's"
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline and said not in driver.page_source:
        time.sleep(0.2)
    assert (
        said in driver.page_source
        and "printed this time, or open its login link" in driver.page_source
    )
    assert driver.current_url == page
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


def test_a_browser_without_the_kept_token_is_told_to_open_the_login_link(
    served: Served, browser: WebDriver
) -> None:
    """The cookie opens the page but not the app (its websocket needs the token the page
    keeps): with the page's storage cleared, the tab said only "Session ended."."""
    driver = browser
    driver.get(served.url)
    wait_for_screen(driver, shows_home, "Home")
    driver.execute_script("window.localStorage.clear()")
    driver.refresh()
    said = closed_message(driver)
    assert "open the login link drillbit serve printed" in said, said


def test_a_paste_larger_than_the_servers_message_limit_leaves_the_tab_running(
    served: Served, browser: WebDriver
) -> None:
    """textual.js sends a paste as one websocket message, and the server closes a tab whose
    message is over 4 MiB: the tab said only "Session ended.". The page now sends it in
    pieces the server takes."""
    driver = browser
    driver.get(served.url)
    wait_for_screen(driver, shows_home, "Home")
    driver.execute_script(
        f"window.__drillbitTerminal.paste('x'.repeat({MOST_MESSAGE_BYTES + 1024}))"
    )
    driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys("l")
    wait_for_screen(driver, lambda s: "Next not passed" in s, "the drills list")
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
    wait_for_screen(driver, shows_home, "Home")
    driver.execute_script(
        "window.__drillbitSockets.at(-1).send("
        f"JSON.stringify(['ping', 'x'.repeat({MOST_MESSAGE_BYTES + 1024})]))"
    )
    said = closed_message(driver)
    assert said == (
        "This tab sent the server a message over its limit (4 MiB), so the server closed "
        "the tab and its app. Reload the page to start the app again."
    ), said
    assert "Session ended" not in driver.find_element(By.TAG_NAME, "body").text
    assert "Traceback" not in served.log.read_text(), served.log.read_text()
    driver.refresh()
    wait_for_screen(driver, shows_home, "Home after the reload")


def test_in_a_browser_tab_the_drill_keys_work_and_one_escape_leaves(
    served: Served, browser: WebDriver
) -> None:
    """f2 shows a hint (ctrl+t would open a new tab), the footer names f2 (and not f3, reset,
    on the starter code), and the first escape, pressed in the editor, leaves the drill."""
    driver = browser
    driver.get(served.url)
    wait_for_screen(driver, shows_home, "Home")
    keyboard = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    keyboard.send_keys("l")  # the drills list
    listing = wait_for_screen(driver, lambda s: "Next not passed" in s, "the drills list")
    keyboard.send_keys(Keys.ENTER)
    drill = wait_for_screen(driver, lambda s: "Grade" in s and "Hint" in s, "a drill")
    assert "f2" in drill and "f3" not in drill, drill  # the starter: nothing to reset
    assert "^t" not in drill and "^n" not in drill, drill
    keyboard.send_keys(Keys.F2)
    wait_for_screen(driver, lambda s: "Hint 1." in s, "the first hint")
    keyboard.send_keys(Keys.ESCAPE)
    wait_for_screen(
        driver, lambda s: "Next not passed" in s and "Hint 1." not in s, "the drills list again"
    )
    assert listing


def test_before_the_page_is_clicked_homes_footer_reads_as_the_terminals(
    served: Served, browser: WebDriver
) -> None:
    """The page, not clicked yet, blurs the app and Home's table loses the focus: the
    footer read "⏎ Due" where the terminal reads "d Due" (the binding's first key)."""
    driver = browser
    driver.get(served.url)
    home = wait_for_screen(driver, lambda s: " Due " in s and "Settings" in s, "Home's keys")
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
    wait_for_screen(driver, shows_home, "Home")
    typed_into = driver.switch_to.active_element  # where a person's keys go, unclicked
    assert "xterm-helper-textarea" in str(typed_into.get_attribute("class"))
    typed_into.send_keys("?")
    wait_for_screen(driver, lambda s: "Keys: Home" in s, "Home's help, opened by ?")


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
    wait_for_screen(driver, shows_home, "Home")
    (app,) = _tab_apps(served_one_tab)
    keyboard = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    keyboard.send_keys("l")
    wait_for_screen(driver, lambda s: "Next not passed" in s, "the drills list")
    keyboard.send_keys(Keys.ENTER)
    wait_for_screen(driver, lambda s: "Grade" in s and "Hint" in s, "a drill")
    keyboard.send_keys("# typed in the browser")
    wait_for_screen(driver, lambda s: "# typed in the browser" in s, "the typed line")

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
    wait_for_screen(driver, shows_home, "Home in a new tab")


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
    wait_for_screen(driver, shows_home, "Home")
    for reload in range(3):
        driver.refresh()
        assert "the limit (--max-tabs)" not in driver.page_source, f"reload {reload}"
        wait_for_screen(driver, shows_home, f"Home after reload {reload}")
