"""The served app walked in Chromium at two window sizes (forty-sixth round).

At 1280 x 800 and at 800 x 600 a person studies a card, opens the stats, the card browser,
the settings, the drills and a drill, and grades it with ctrl+r: each screen's title and
footer are on the page (the terminal fits the window, so its last row, the footer, is
not cut off), and ctrl+r, which a browser binds to "reload", reaches the app (the drill
grades) without the page being reloaded. The strips the terminal's whole rows and columns
leave, below the footer and right of the last column, show the app's colours beside them,
not the page's near-black (read from clipped screenshots' pixels, once the app's frame
is drawn).
Screenshots of the walk, looked at by hand, are described in docs/commands.md.
"""

from __future__ import annotations

import base64
import re
import time
from pathlib import Path

import pytest
import textual_serve
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement

from quiz.serve.page import EDGES, edges_page, nonced_page, served_page
from tests.web.chromium import (  # the module's Chromium, a profile per test
    browser,
    chromium,
    read_screen,
    shows_home,
    wait_for_screen,
)
from tests.web.helpers import WAIT_SECONDS, Served
from tests.web.png import Pixel, png_pixels

__all__ = ["browser", "chromium"]  # fixtures, used by name

INSTALLED = Path(textual_serve.__file__).resolve().parent / "templates" / "app_index.html"
"""textual-serve's page, which drillbit rewrites."""

FITS = """
const screen = document.querySelector('.xterm-screen').getBoundingClientRect();
return [screen.right, screen.bottom, window.innerWidth, window.innerHeight];
"""
"""Where the terminal's drawn area ends, and the window's size, in CSS pixels."""


def test_the_served_page_paints_the_edges_before_textual_js() -> None:
    """`EDGES` must wrap getContext before textual.js makes the terminal's canvas."""
    page = served_page(INSTALLED.read_text(encoding="utf-8"))
    script = nonced_page(EDGES)
    assert page.count(script) == 1
    assert page.index(script) < page.index("js/textual.js")
    assert edges_page("<html><body></body></html>") == "<html><body></body></html>"


def _fits(driver: WebDriver, where: str) -> None:
    """The terminal's drawn area lies inside the window: no row or column is cut off."""
    right, bottom, width, height = driver.execute_script(FITS)
    assert right <= width and bottom <= height, (where, right, bottom, width, height)


SCREEN_BOX = """
const screen = document.querySelector('.xterm-screen').getBoundingClientRect();
return [Math.floor(screen.right), Math.floor(screen.bottom), window.innerWidth, window.innerHeight,
  Math.ceil(screen.top)];
"""
"""The terminal's drawn area's right and bottom edges, the window's size and the area's top
(below the page's Log out strip), in CSS pixels."""


def _clip(driver: WebDriver, x: int, y: int, width: int, height: int) -> list[list[Pixel]]:
    """The pixels of a rectangle of the window (Chromium's screenshot of just that part)."""
    clip = {"x": x, "y": y, "width": width, "height": height, "scale": 1}
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "clip": clip})
    return png_pixels(base64.b64decode(shot["data"]))


def _page_background() -> Pixel:
    """textual-serve's page background (`body { background: #0c181f; }`), as a pixel."""
    found = re.search(r"body \{\s*background: #([0-9a-f]{6})", INSTALLED.read_text("utf-8"))
    assert found, "textual-serve's page names no background"
    return (int(found[1][0:2], 16), int(found[1][2:4], 16), int(found[1][4:6], 16))


UNDRAWN = {(0, 0, 0), _page_background()}  # xterm's own background, and the page's
"""What the window shows where the app has drawn nothing: xterm's black and textual-serve's
page (#0c181f). The strips showed the page's colour; the default theme's footer is neither,
and a footer of either colour is not drawn yet (strips of it beside it would pass unseen)."""

PAINTED = "return document.documentElement.dataset.edgesPainted || '0'"
"""How many times the page has painted the strips (`EDGES`)."""


def _strips(driver: WebDriver) -> list[str]:
    """Where the window's edge beyond the terminal's whole rows and columns differs from the
    app's colour beside it: below the last row, the last row's colour at the right edge;
    right of the last column, that column's colour on the same pixel row. Empty when none;
    one line while the app's first frame is not drawn (its footer still `UNDRAWN`)."""
    right, bottom, width, height, top = driver.execute_script(SCREEN_BOX)
    assert width > right or height > bottom, "no strip at this size: nothing to check"
    wrong: list[str] = []
    if height > bottom:
        below = _clip(driver, 0, bottom - 1, width, height - bottom + 1)
        footer = below[0][right - 1]
        if footer in UNDRAWN:
            return ["the app's footer is not drawn yet"]
        wrong += [
            f"below at y={bottom + y - 1}: {row[0]} not {footer}"
            for y, row in enumerate(below)
            if y and set(row) != {footer}
        ]
    if width > right:
        # beside the terminal's rows, not the Log out strip above them
        beside = _clip(driver, right - 1, top, width - right + 1, bottom - top)
        if beside[-1][0] in UNDRAWN:
            return ["the app's footer is not drawn yet"]
        wrong += [
            f"right at y={top + y}: {row} not {row[0]}"
            for y, row in enumerate(beside)
            if set(row) != {row[0]}
        ]
    return wrong


def _no_strips(driver: WebDriver, where: str) -> None:
    """The strips left beyond the terminal take the app's colours (they showed the page's).

    Waited for, up to the suite's ceiling, from a drawn frame: the app draws its screen and
    the page paints the strips after the text is in the terminal's buffer, each when the
    browser next renders. The tab is brought to the front first: a hidden tab renders no
    frame, and a screenshot of one waits for a frame that never comes."""
    driver.execute_cdp_cmd("Page.bringToFront", {})
    state = driver.execute_script("return document.visibilityState")
    assert state == "visible", (where, f"the tab is {state}: it draws nothing")
    deadline = time.monotonic() + WAIT_SECONDS
    wrong = _strips(driver)
    while wrong and time.monotonic() < deadline:
        time.sleep(0.2)
        wrong = _strips(driver)
    assert not wrong, (where, f"painted {driver.execute_script(PAINTED)} times", wrong[:3])


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
    _no_strips(driver, "Home")
    keyboard = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    _walk_to(driver, keyboard, "d", "0 answered", "Reveal")
    _walk_to(driver, keyboard, " ", "Answer", "Rate")
    _walk_to(driver, keyboard, Keys.ESCAPE, "Session ended", "Settings")
    _walk_to(driver, keyboard, "s", "Stats", "Back")
    _walk_to(driver, keyboard, Keys.ESCAPE, "pack / topic", "Settings")
    _walk_to(driver, keyboard, "b", "Cards:", "Sort")
    _walk_to(driver, keyboard, Keys.ESCAPE, "pack / topic", "Settings")
    _walk_to(driver, keyboard, ",", "desired_retention", "Edit")
    _walk_to(driver, keyboard, Keys.ESCAPE, "pack / topic", "Settings")
    _walk_to(driver, keyboard, "l", "Drills:", "Next not passed")
    _walk_to(driver, keyboard, Keys.ENTER, "Press ^r to grade", "Grade")
    _no_strips(driver, "a drill")
    driver.execute_script("window.__notReloaded = true")
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("r").key_up(Keys.CONTROL).perform()
    graded = wait_for_screen(
        driver,
        lambda s: "Press ^r to grade" not in s and "Grade" in _footer(s),
        "the drill graded by ctrl+r",
    )
    assert driver.execute_script("return window.__notReloaded === true"), "the page reloaded"
    _fits(driver, "the graded drill")
    assert "drill" in read_screen(driver), graded
