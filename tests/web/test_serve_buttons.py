"""The served page's Start and Restart buttons, clicked in headless Chromium under the
page's nonce policy.

textual-serve's page ran `refresh()` from an `onClick` attribute, which the policy blocks
(`script-src-attr`): drillbit binds the buttons from a nonced script instead
(`quiz.serve.page.bound_buttons_page`). Only the HTML was checked; no click ever was.
"""

from __future__ import annotations

import time

from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement

from quiz.serve.page import APP_QUIT_WORDS
from tests.web.chromium import (  # the module's Chromium, a profile per test
    browser,
    chromium,
    closed_message,
    console_messages,
    read_screen,
    record_violations,
    shows_home,
    wait_for_screen,
)
from tests.web.helpers import WAIT_SECONDS, Served

__all__ = ["browser", "chromium"]  # fixtures, used by name


def _shown_button(driver: WebDriver, selector: str) -> WebElement:
    """The button at `selector` once it is displayed (at most WAIT_SECONDS)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        found = driver.find_elements(By.CSS_SELECTOR, selector)
        if found and found[0].is_displayed():
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"{selector} was never shown:\n{driver.page_source[-2000:]}")


def _no_violation(driver: WebDriver) -> None:
    """Nothing the page did was blocked by its policy (the buttons' handlers above all)."""
    assert driver.execute_script("return window.__violations") == []
    assert [line for line in console_messages(driver) if "Content Security Policy" in line] == []


def test_start_on_a_delayed_page_starts_the_app(served: Served, browser: WebDriver) -> None:
    """`?delay=1` shows the splash's Start button and opens no app until it is clicked
    (textual-serve's page); a click goes to the page without `delay`: Home."""
    driver = browser
    record_violations(driver)
    driver.get(served.url + "&delay=1")
    start = _shown_button(driver, "#start")
    assert start.text == "Start"
    time.sleep(1)  # what a page that started anyway would have drawn by now: nothing
    assert not shows_home(read_screen(driver)), "the delayed page started the app before Start"
    _no_violation(driver)
    start.click()
    wait_for_screen(driver, shows_home, "Home after Start")
    assert "delay" not in driver.current_url
    _no_violation(driver)


def test_restart_after_the_app_quits_starts_it_again(served: Served, browser: WebDriver) -> None:
    """Quit in the tab ends its app and the page says so, with a Restart button (not
    Textual's "Session ended.", which in drillbit reads as a study session's end); a click
    reloads the page, which logs in by its cookie and starts a new app."""
    driver = browser
    record_violations(driver)
    driver.get(served.url)
    wait_for_screen(driver, shows_home, "Home")
    keys = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    keys.send_keys(Keys.CONTROL, "q")
    restart = _shown_button(driver, ".closed-dialog button")
    assert restart.text == "Restart"
    assert closed_message(driver) == APP_QUIT_WORDS
    _no_violation(driver)
    restart.click()
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline and driver.execute_script(
        "return document.body.classList.contains('-closed')"
    ):
        time.sleep(0.2)
    wait_for_screen(driver, shows_home, "Home after Restart")
    assert not driver.execute_script("return document.body.classList.contains('-closed')")
    _no_violation(driver)
