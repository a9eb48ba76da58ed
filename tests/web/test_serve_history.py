"""What Chromium's History file holds after a login (forty-fifth round).

The printed URL was `/?token=...`, answered by a 303 to the page without it; Chromium still
recorded it, token and all, in its History file (`urls`, typed once, not hidden), so its
address bar could suggest it. Any address a browser is asked to open is recorded, its
fragment too, so the printed URL now carries the token in its fragment (`/#token=...`),
which no request line, access log or proxy sees, and the page takes it out of the address
at once; and the login page has a box where the token is pasted, the way that leaves it in
no address, so in no history. This test reads the History file of a real Chromium (its
own profile, the browser quit so that the file is written) after both.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from quiz.serve.page import TOKEN_KEY
from tests.web.chromium import (
    CATCH_TERMINAL,
    CHROMEDRIVER,
    CHROMIUM,
    CHROMIUM_FLAGS,
    shows_home,
    wait_for_screen,
)
from tests.web.conftest import _stop, start_on_a_free_port
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


def _until_home(driver: WebDriver, base: str) -> None:
    """Wait for Home, then for the address to be the page's, without the token."""
    wait_for_screen(driver, shows_home, "Home")
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline and driver.current_url != base:
        time.sleep(0.2)
    assert driver.current_url == base


def test_a_pasted_token_is_in_no_history_and_the_printed_urls_fragment_is_recorded(
    served: Served, own_profile: tuple[WebDriver, Path], tmp_path: Path
) -> None:
    driver, profile = own_profile
    # the token pasted into the login page's box, the whole printed URL as people copy it
    pasted = f"http://127.0.0.1:{served.port}/"
    driver.get(pasted)
    assert "a valid token is required" in driver.page_source
    box = driver.find_element(By.CSS_SELECTOR, "#login input[name=token]")
    box.send_keys(served.printed, Keys.ENTER)
    _until_home(driver, pasted)
    assert driver.execute_script(f"return localStorage.getItem('{TOKEN_KEY}')") == served.token
    # the printed URL opened, on a second server: the fragment read, the address cleaned
    process, port, _, printed = start_on_a_free_port(
        tmp_path, lambda port: serve_command("--port", str(port))
    )
    try:
        opened = f"http://127.0.0.1:{port}/"
        driver.get(printed)
        _until_home(driver, opened)
        second = printed.split("#token=", 1)[1]
        driver.quit()  # History is written as the browser closes
        history = _history(profile)
        raw = b"".join(
            path.read_bytes() for path in (profile / "Default").glob("History*") if path.is_file()
        )
    finally:
        assert _stop(process) == []
    urls = [url for url, _, _ in history]
    assert pasted in urls and opened in urls, history
    # the pasted token: nowhere in the History file, freed pages and journal included
    assert served.token.encode() not in raw
    assert not [row for row in history if served.token in " ".join(map(str, row))]
    # the printed URL's token: Chromium records the address it was asked to open, fragment
    # and all (hidden from its history page: the page replaced it at once); never a query
    assert [(url, hidden) for url, _, hidden in history if second in url] == [(printed, 1)]
