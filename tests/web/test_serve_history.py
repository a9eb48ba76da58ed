"""What Chromium's History file holds after a login (forty-fifth and forty-sixth rounds).

The printed URL was `/?token=...`, then `/#token=...`: Chromium recorded either, token and
all, in its History file, since it records every address it is asked to open before the
page's first script runs (`history.replaceState` or `location.replace` at once only add the
clean address beside it). So the server prints no address with the token: its login link is
a `file://` page of the user's own that posts the token (`quiz.serve.login_file`), and the
login page has a box where the token is pasted. This test reads the History file of a real
Chromium (its own profile, the browser quit so that the file is written) after both.
"""

from __future__ import annotations

import sqlite3
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from quiz.serve.login_file import login_file_page
from quiz.serve.page import TOKEN_KEY
from tests.web.chromium import (
    CATCH_TERMINAL,
    CHROMEDRIVER,
    CHROMIUM,
    CHROMIUM_FLAGS,
    shows_home,
    wait_for_screen,
)
from tests.web.conftest import _stop, banner, start_on_a_free_port
from tests.web.helpers import WAIT_SECONDS, Served, serve_command


@pytest.fixture
def own_profile(tmp_path: Path) -> Iterator[tuple[WebDriver, Path]]:
    """A Chromium of its own with a profile folder the test reads once the browser quits."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip(f"needs Debian's headless Chromium ({CHROMIUM} and {CHROMEDRIVER})")
    profile = tmp_path / "profile"
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(WAIT_SECONDS)
    driver.set_script_timeout(WAIT_SECONDS)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CATCH_TERMINAL})
    try:
        yield driver, profile
    finally:
        driver.quit()


def _history(profile: Path) -> list[tuple[str, str, int]]:
    """Every address in the profile's History file: its URL, title and hidden flag."""
    with sqlite3.connect(f"file:{profile / 'Default' / 'History'}?mode=ro", uri=True) as db:
        return list(db.execute("SELECT url, title, hidden FROM urls"))


def _visits(profile: Path) -> list[str]:
    """The address of every visit in the profile's History file."""
    with sqlite3.connect(f"file:{profile / 'Default' / 'History'}?mode=ro", uri=True) as db:
        query = "SELECT urls.url FROM visits JOIN urls ON urls.id = visits.url"
        return [url for (url,) in db.execute(query)]


def _until_home(driver: WebDriver, base: str) -> None:
    """Wait for Home, then for the address to be the page's, without the token."""
    wait_for_screen(driver, shows_home, "Home")
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline and driver.current_url != base:
        time.sleep(0.2)
    assert driver.current_url == base


def test_neither_the_login_link_nor_a_pasted_token_leaves_the_token_in_history(
    served: Served, own_profile: tuple[WebDriver, Path], tmp_path: Path
) -> None:
    driver, profile = own_profile
    # the token pasted into the login page's box
    pasted = f"http://127.0.0.1:{served.port}/"
    driver.get(pasted)
    assert "A valid token is required." in driver.page_source
    box = driver.find_element(By.CSS_SELECTOR, "#login input[name=token]")
    box.send_keys(served.token, Keys.ENTER)
    _until_home(driver, pasted)
    assert driver.execute_script(f"return localStorage.getItem('{TOKEN_KEY}')") == served.token
    # the login link printed by a second server: one click, and its app draws
    process, port, log, _ = start_on_a_free_port(
        tmp_path, lambda port: serve_command("--port", str(port))
    )
    try:
        found = banner(log, port)
        assert found is not None and found["link"], log.read_text()
        link, second = found["link"], found["token"]
        login_file = Path(urllib.parse.urlsplit(link).path)
        assert login_file.stat().st_mode & 0o777 == 0o600, "the user's alone"
        assert login_file.parent.stat().st_mode & 0o777 == 0o700
        opened = f"http://127.0.0.1:{port}/"
        driver.get(link)
        _until_home(driver, opened)
        assert driver.execute_script(f"return localStorage.getItem('{TOKEN_KEY}')") == second
        driver.quit()  # History is written as the browser closes
        history = _history(profile)
        visits = _visits(profile)
        raw = b"".join(
            path.read_bytes() for path in (profile / "Default").glob("History*") if path.is_file()
        )
    finally:
        assert _stop(process) == []
    assert not login_file.exists(), "removed as its server stopped: its token opens nothing"
    # every address recorded, each without a secret: the two pages and the login file
    assert sorted(url for url, _, _ in history) == sorted([pasted, opened, link]), history
    assert set(visits) == {pasted, opened, link}, visits  # the login page reloads itself
    for token in (served.token, second):  # nowhere, freed pages and journal included
        assert token.encode() not in raw
        assert not [row for row in history if token in " ".join(map(str, row))]


def test_an_old_printed_url_or_login_link_gets_a_page_that_says_what_to_do(
    served: Served, own_profile: tuple[WebDriver, Path]
) -> None:
    """The forty-fifth round's `/#token=...`, and a login file of an earlier run (its server
    killed, so the file stayed), opened against this run: refused in words, naming both ways
    in; never a blank page or a bare status."""
    driver, _ = own_profile
    old = "o" * 43
    page = f"http://127.0.0.1:{served.port}/"
    driver.get(f"{page}#token={old}")
    _until_said(driver, "That token is not this run's")
    text = driver.find_element(By.TAG_NAME, "body").text
    assert "open its login link" in text and "Open the login link" in text, text
    assert driver.current_url == page  # the old token out of the address bar
    stale = Path(urllib.parse.urlsplit(served.link).path).with_name("login-old.html")
    stale.write_text(login_file_page(page.rstrip("/"), old))
    driver.get(stale.as_uri())
    _until_said(driver, "This login link is not this run's")
    text = driver.find_element(By.TAG_NAME, "body").text
    assert "open the one it printed this time" in text and "paste the token" in text, text
    assert served.token not in driver.page_source


def _until_said(driver: WebDriver, words: str) -> None:
    """Wait until the page says `words`."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline and words not in driver.page_source:
        time.sleep(0.2)
    assert words in driver.page_source, driver.page_source
