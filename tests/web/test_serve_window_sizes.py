"""The served app walked in Chromium at two window sizes (forty-sixth round).

At 1280 x 800 and at 800 x 600 a person studies a card, opens the stats, the card browser,
the settings, the drills and a drill, and grades it with ctrl+r: each screen's title and
footer are on the page (the terminal fits the window, so its last row, the footer, is
not cut off), and ctrl+r, which a browser binds to "reload", reaches the app (the drill
grades) without the page being reloaded. Screenshots of the walk, looked at by hand, are
described in docs/commands.md.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement

from tests.web.chromium import (  # the module's Chromium, a profile per test
    browser,
    chromium,
    read_screen,
    shows_home,
    wait_for_screen,
)
from tests.web.helpers import Served

__all__ = ["browser", "chromium"]  # fixtures, used by name

FITS = """
const screen = document.querySelector('.xterm-screen').getBoundingClientRect();
return [screen.right, screen.bottom, window.innerWidth, window.innerHeight];
"""
"""Where the terminal's drawn area ends, and the window's size, in CSS pixels."""


def _fits(driver: WebDriver, where: str) -> None:
    """The terminal's drawn area lies inside the window: no row or column is cut off."""
    right, bottom, width, height = driver.execute_script(FITS)
    assert right <= width and bottom <= height, (where, right, bottom, width, height)


def _footer(screen: str) -> str:
    """The terminal's last row with text: the screen's footer."""
    return [line for line in screen.splitlines() if line.strip()][-1]


def _walk_to(driver: WebDriver, keyboard: WebElement, key: str, title: str, keys: str) -> None:
    """Press `key`, wait for a screen showing `title` whose footer offers `keys`."""
    keyboard.send_keys(key)
    screen = wait_for_screen(
        driver, lambda s: title in s and keys in _footer(s), f"{title!r} with {keys!r} below"
    )
    _fits(driver, title)
    assert keys in _footer(screen), screen


@pytest.mark.parametrize("size", [(1280, 800), (800, 600)], ids=["1280x800", "800x600"])
def test_each_screen_fits_the_window_and_ctrl_r_grades_a_drill(
    served: Served, browser: WebDriver, size: tuple[int, int]
) -> None:
    driver = browser
    driver.set_window_size(*size)
    driver.get(served.printed)
    # waited for with its footer: Home's rows are drawn before its footer, and a read between
    # the two found the help line last (a CI run at 800x600)
    wait_for_screen(
        driver,
        lambda s: shows_home(s) and "Settings" in _footer(s) and "palette" in _footer(s),
        "Home with Settings and the palette below",
    )
    _fits(driver, "Home")
    keyboard = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    _walk_to(driver, keyboard, "d", "0 done", "Reveal")
    _walk_to(driver, keyboard, " ", "Answer", "Rate")
    _walk_to(driver, keyboard, Keys.ESCAPE, "Session ended", "Settings")
    _walk_to(driver, keyboard, "s", "Stats", "Back")
    _walk_to(driver, keyboard, Keys.ESCAPE, "pack / topic", "Settings")
    _walk_to(driver, keyboard, "b", "Cards:", "Sort")
    _walk_to(driver, keyboard, Keys.ESCAPE, "pack / topic", "Settings")
    _walk_to(driver, keyboard, ",", "desired_retention", "Edit")
    _walk_to(driver, keyboard, Keys.ESCAPE, "pack / topic", "Settings")
    _walk_to(driver, keyboard, "l", "Drills:", "Next not passed")
    _walk_to(driver, keyboard, Keys.ENTER, "Press ctrl+r to grade", "Grade")
    driver.execute_script("window.__notReloaded = true")
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("r").key_up(Keys.CONTROL).perform()
    graded = wait_for_screen(
        driver,
        lambda s: "Press ctrl+r to grade" not in s and "Grade" in _footer(s),
        "the drill graded by ctrl+r",
    )
    assert driver.execute_script("return window.__notReloaded === true"), "the page reloaded"
    _fits(driver, "the graded drill")
    assert "drill" in read_screen(driver), graded
