"""A served page asks before it is left while its app is connected: a browser keeps ctrl+w
(close the tab) for itself, and a stray one closed the tab without a word."""

from __future__ import annotations

from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.web.chromium import (  # the module's Chromium, a profile per test
    browser,
    chromium,
    closed_message,
    shows_home,
    wait_for_screen,
)
from tests.web.helpers import Served

__all__ = ["browser", "chromium"]  # fixtures, used by name

LEAVING = """
const event = new Event("beforeunload", { cancelable: true });
window.dispatchEvent(event);
return event.defaultPrevented;
"""
"""What the page does as it is about to be left: True when it asks first (a browser shows its
own "Leave site?" then; the event is the one a closing tab's page gets)."""


def test_the_page_asks_before_it_is_left_while_its_app_runs_and_not_once_it_ended(
    served: Served, browser: WebDriver
) -> None:
    driver = browser
    driver.get(served.url)
    wait_for_screen(driver, shows_home, "Home")
    keyboard = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    keyboard.send_keys("?")  # typed in: a browser asks only a page a person used
    wait_for_screen(driver, lambda s: "Keys: Home" in s, "Home's help")
    assert driver.execute_script(LEAVING) is True
    # asked, not left: the tab's app still runs and takes keys
    keyboard.send_keys(Keys.ESCAPE)
    wait_for_screen(driver, lambda s: shows_home(s) and "Keys: Home" not in s, "Home again")
    assert driver.execute_script(LEAVING) is True

    keyboard.send_keys("q")  # the app ends: nothing is left to lose
    assert closed_message(driver)
    assert driver.execute_script(LEAVING) is False
