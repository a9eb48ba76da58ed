"""The page's Log out, in Debian's headless Chromium against a real server: the tab's app
quit, the closed dialog's **Log out** ends the login, and the page the browser lands on is
the login page, which stays so on a reload (the token the page kept is forgotten, else it
logged in again). The only skip: Chromium or chromedriver missing, as the other browser
tests."""

from __future__ import annotations

from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By

from quiz.serve.page import APP_QUIT_WORDS, TOKEN_KEY
from tests.web.chromium import (  # the module's Chromium, a profile per test
    LOGIN_HEADING,
    browser,
    chromium,
    closed_message,
    heading,
    shows_home,
    wait_for_screen,
)
from tests.web.helpers import Served
from tests.web.test_serve_attacked50 import _apps, _until

__all__ = ["browser", "chromium"]  # fixtures, used by name


def test_log_out_on_the_closed_dialog_ends_the_login_and_forgets_the_token(
    served: Served, browser: WebDriver
) -> None:
    driver = browser
    driver.get(served.url)
    wait_for_screen(driver, shows_home, "Home")
    assert driver.execute_script(f"return window.localStorage.getItem('{TOKEN_KEY}')")
    keyboard = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    keyboard.send_keys("q")
    assert closed_message(driver) == APP_QUIT_WORDS
    _until(lambda: _apps(served) == [], "the quit tab's app to end")
    button = driver.find_element(By.ID, "logout")
    assert button.text == "Log out" and button.is_displayed()
    restart = driver.find_element(By.CSS_SELECTOR, ".closed-dialog button")
    # one line, as Restart is: the dialog's narrow column broke it into "Log" over "out"
    assert button.size["height"] == restart.size["height"], (button.size, restart.size)
    button.click()
    _until(lambda: heading(driver) == LOGIN_HEADING, "the login page after the logout")
    assert driver.execute_script(f"return window.localStorage.getItem('{TOKEN_KEY}')") is None
    assert driver.get_cookies() == []  # the login cookie cleared
    driver.refresh()  # no kept token to log in with again: the login page stays
    _until(lambda: heading(driver) == LOGIN_HEADING, "the login page after a reload")
    assert driver.find_element(By.ID, "said").text == "A valid token is required."
