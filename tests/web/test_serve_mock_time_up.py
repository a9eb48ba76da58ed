"""The mock interview's time-up in a browser tab (`drillbit serve`): the tab's app runs on a
clock the test moves (`tests/web/fake_clock.py`), as the TUI's tests move `FakeClock`, so
the interview's minutes end without waiting for them."""

from __future__ import annotations

import re
from pathlib import Path

from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.web.chromium import (  # the module's Chromium, a profile per test
    browser,
    chromium,
    shows_home,
    wait_for_screen,
)
from tests.web.fake_clock import move_clock
from tests.web.helpers import QUESTION, Served

__all__ = ["browser", "chromium"]  # fixtures, used by name

TIME_UP = "Time's up: the clock ended the interview"
"""The summary's line when the clock, not the candidate, ended a mock (`time_up_lines`)."""

COUNTDOWN = re.compile(r"⏱ (\d+:\d\d)")


def countdown(screen: str) -> str | None:
    """The mock clock's mm:ss on the screen, or None."""
    found = COUNTDOWN.search(screen)
    return found.group(1) if found else None


def test_the_mock_interview_s_time_up_is_said_in_the_browser(
    served_on_a_fake_clock: tuple[Served, Path], browser: WebDriver
) -> None:
    served, clock = served_on_a_fake_clock
    driver = browser
    driver.get(served.url)
    wait_for_screen(driver, shows_home, "Home")
    keyboard = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    # the browser pack's topic is Home's last row: a mock of its one card
    keyboard.send_keys(Keys.CONTROL, Keys.END)
    keyboard.send_keys("m")
    question = wait_for_screen(driver, lambda s: QUESTION in s and "⏱" in s, "the mock's card")
    assert TIME_UP not in question, "not before its minutes are up"
    # The clock starts after the first frame with the question is drawn (`start_clock`),
    # and that frame can reach the browser first: moved before it starts, the clock would
    # start three hours on and never run out. Until it starts it shows the whole limit;
    # once it counts down, it has started.
    whole = countdown(question)
    wait_for_screen(driver, lambda s: countdown(s) not in (None, whole), "the clock counting")
    move_clock(clock, 3 * 3600)  # hours past any mock's limit, without the wait
    ended = wait_for_screen(driver, lambda s: TIME_UP in s, "the time's-up line")
    assert "unanswered" in ended.split(TIME_UP, 1)[1], "the card left unanswered is said"
