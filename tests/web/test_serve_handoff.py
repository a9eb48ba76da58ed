"""The printed URL never becomes a page, so never an entry of the browser's history (44th round).

The page took the token out of its address (`replaceState`), but Chromium's global history
kept the token URL it had opened, typed once, so its address bar suggested it, token and
all, to anyone typing "127" at that browser, and opening it logged them in while the server
ran. The printed URL is now answered by a 303 to the page without the token; the page gets
the token for its websocket by a one-use code in a cookie (`quiz.serve.handoff`).
"""

from __future__ import annotations

import time
import urllib.request
from collections.abc import Iterator

import pytest
from selenium.webdriver.chrome.webdriver import WebDriver

from quiz.serve.handoff import HANDOFF_SECONDS, MOST_HANDOFFS, Handoffs
from quiz.serve.page import TOKEN_KEY
from tests.web.chromium import CATCH_TERMINAL, browser, chromium, shows_home, wait_for_screen
from tests.web.helpers import WAIT_SECONDS, Served, http_get

__all__ = ["browser", "chromium"]  # fixtures, used by name

HISTORY_LINKS = """
const found = [];
const walk = (root) => {
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) walk(element.shadowRoot);
    if (element.id === 'link' && element.href) found.push(element.href);
  }
};
walk(document);
return found;
"""
"""The addresses chrome://history lists (its items are in shadow roots, each an `a#link`)."""


class _Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_code_opens_the_page_once_and_only_while_it_is_fresh() -> None:
    clock = _Clock()
    handoffs = Handoffs(clock)
    code = handoffs.issue()
    assert len(code) >= 43  # 256 random bits, as the token
    assert not handoffs.spend(code[:-1] + ("A" if code[-1] != "A" else "B"))
    assert not handoffs.spend(None) and not handoffs.spend("")
    assert not handoffs.spend(
        "\udcff" + code[1:]
    )  # bytes that are not UTF-8, as aiohttp reads them
    assert handoffs.spend(code)
    assert not handoffs.spend(code)  # spent: a replay of the cookie opens nothing
    late = handoffs.issue()
    clock.now += HANDOFF_SECONDS
    assert not handoffs.spend(late)


def test_codes_held_are_bounded_the_oldest_dropped() -> None:
    handoffs = Handoffs(_Clock())
    codes = [handoffs.issue() for _ in range(MOST_HANDOFFS + 1)]
    assert not handoffs.spend(codes[0])
    assert all(handoffs.spend(code) for code in codes[1:])


def _first_answer(url: str) -> tuple[int, dict[str, list[str]]]:
    """Status and headers (each name's values) of `url`'s own answer, its redirect unfollowed."""

    class Unfollowed(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *_: object, **__: object) -> None:
            return None

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), Unfollowed())
    try:
        with opener.open(url, timeout=WAIT_SECONDS) as response:
            status, headers = response.status, response.headers
    except urllib.error.HTTPError as exc:
        status, headers = exc.code, exc.headers
    return status, {name: headers.get_all(name) or [] for name in set(headers.keys())}


def test_the_printed_url_is_a_redirect_to_the_page_without_the_token(served: Served) -> None:
    status, headers = _first_answer(served.url + "&fontsize=18")
    assert status == 303
    assert headers["Location"] == ["/?fontsize=18"]
    assert headers["Cache-Control"] == ["no-store"]
    cookies = {c.split("=", 1)[0]: c for c in headers["Set-Cookie"]}
    assert set(cookies) == {f"drillbit-token-{served.port}", f"drillbit-handoff-{served.port}"}
    assert served.token not in " ".join(headers["Set-Cookie"])
    handoff = cookies[f"drillbit-handoff-{served.port}"]
    assert "HttpOnly" in handoff and f"Max-Age={HANDOFF_SECONDS}" in handoff
    # the code alone opens the page, which is handed the token, once
    code = handoff.split(";", 1)[0]
    base = f"http://127.0.0.1:{served.port}/"
    status, deleted, body = http_get(base, cookie=code)
    assert status == 200 and f'let token = "{served.token}";' in body
    assert deleted.startswith(f'drillbit-handoff-{served.port}=""') and "Max-Age=0" in deleted
    status, _, body = http_get(base, cookie=code)  # what another port's server could replay
    assert status == 403 and served.token not in body


def test_a_page_opened_by_the_cookie_is_not_handed_the_token(served: Served) -> None:
    """The cookie reaches every port of the address: the page it opens must not say the token."""
    status, _, body = http_get(f"http://127.0.0.1:{served.port}/", cookie=served.jar)
    assert status == 200 and "textual-terminal" in body
    assert served.token not in body and 'let token = "";' in body


def test_the_browser_never_shows_the_token_url_and_the_app_starts(
    served: Served, browser: WebDriver
) -> None:
    driver = browser
    driver.get(served.url)
    wait_for_screen(driver, shows_home, "Home")  # the websocket got its token
    assert driver.current_url == f"http://127.0.0.1:{served.port}/"
    entries = driver.execute_cdp_cmd("Page.getNavigationHistory", {})["entries"]
    assert [entry["url"] for entry in entries][-1] == driver.current_url
    assert not [entry for entry in entries if served.token in entry["url"]]
    assert driver.execute_script(f"return localStorage.getItem('{TOKEN_KEY}')") == served.token
    driver.refresh()  # the cookie and the kept token: no code needed again
    wait_for_screen(driver, shows_home, "Home after a reload")


@pytest.fixture
def recorded(chromium: WebDriver) -> Iterator[WebDriver]:
    """The module's Chromium in a tab of its own profile, which keeps a history (a user
    context, as `browser` makes, keeps none); its cookies cleared after the test."""
    driver = chromium
    keeper = driver.current_window_handle
    driver.switch_to.new_window("tab")
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CATCH_TERMINAL})
    try:
        yield driver
    finally:
        driver.close()
        driver.switch_to.window(keeper)
        driver.execute_cdp_cmd("Network.clearBrowserCookies", {})


def _history(driver: WebDriver, port: int) -> list[str]:
    """What chrome://history lists for this server, once it lists the page."""
    driver.get("chrome://history")
    deadline = time.monotonic() + WAIT_SECONDS
    listed: list[str] = []
    while time.monotonic() < deadline:
        listed = [link for link in driver.execute_script(HISTORY_LINKS) if f":{port}/" in link]
        if f"http://127.0.0.1:{port}/" in listed:
            return listed
        time.sleep(0.2)
    pytest.fail(f"chrome://history never listed the page; it listed {listed}")


def test_the_browsers_history_lists_the_page_not_the_token_url(
    served: Served, recorded: WebDriver
) -> None:
    """The history page listed http://127.0.0.1:PORT/?token=... beside the page: a click on it
    logged in anyone at that browser while the server ran. Chromium still keeps the address
    it was asked to open in its History file, as a redirect's start, which its history page
    and its tab's back button leave out."""
    driver = recorded
    driver.get(served.url)
    wait_for_screen(driver, shows_home, "Home")
    listed = _history(driver, served.port)
    assert not [link for link in listed if served.token in link], listed
