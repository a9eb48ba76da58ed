"""`drillbit serve` killed (`kill -9`: no word to its tabs): each tab's app quits by itself,
its answers and its drill's draft saved, as the server's own stop would have it."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from bench.processes import alive, descendants
from tests.conftest import RunDrillbit, linux_only
from tests.web.chromium import (  # the module's Chromium, a profile per test
    browser,
    chromium,
    shows_home,
    wait_for_screen,
)
from tests.web.helpers import ANSWER, BROWSER_PACK, QUESTION, WAIT_SECONDS, Served

__all__ = ["browser", "chromium"]  # fixtures, used by name

TYPED = "# typed just before the kill"


def _tab_app(served: Served) -> int:
    """The one tab's app process (`python -m quiz`)."""
    apps = []
    for pid in descendants(served.process.pid):
        try:
            argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if argv[1:3] == [b"-m", b"quiz"]:
            apps.append(pid)
    assert len(apps) == 1, apps
    return apps[0]


@linux_only
def test_a_killed_servers_tab_app_quits_with_its_answer_and_draft_saved(
    served: Served, browser: WebDriver, drillbit: RunDrillbit
) -> None:
    """After `kill -9` of the server its tabs' apps ran on until ended by hand (one was
    still up 43 s later). Each now quits once its stdin, the server's pipe, ends."""
    driver = browser
    driver.get(served.url)
    wait_for_screen(driver, shows_home, "Home")
    app = _tab_app(served)
    keyboard = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    # the browser pack's card answered Easy (its topic is Home's last row)
    keyboard.send_keys(Keys.CONTROL, Keys.END)
    keyboard.send_keys("d")
    wait_for_screen(driver, lambda s: QUESTION in s, "the card's question")
    keyboard.send_keys(" ")
    wait_for_screen(driver, lambda s: ANSWER in s, "the card's answer")
    keyboard.send_keys(Keys.ENTER, "4")
    wait_for_screen(driver, lambda s: QUESTION not in s, "the end of the session")
    keyboard.send_keys(Keys.ESCAPE)  # the summary, back to Home
    wait_for_screen(driver, shows_home, "Home again")
    # a drill, a line typed in its editor
    keyboard.send_keys("l")
    wait_for_screen(driver, lambda s: "Next not passed" in s, "the drills list")
    keyboard.send_keys(Keys.ENTER)
    wait_for_screen(driver, lambda s: "Grade" in s and "Hint" in s, "a drill")
    keyboard.send_keys(TYPED)
    wait_for_screen(driver, lambda s: TYPED in s, "the typed line")

    served.process.send_signal(signal.SIGKILL)
    served.process.wait(timeout=WAIT_SECONDS)
    deadline = time.monotonic() + WAIT_SECONDS  # a ceiling: the app ends well before it
    while alive(app) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(app), "the killed server's tab app still runs"

    stats = drillbit("--content", str(BROWSER_PACK), "stats", "--json")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["reviews"] == 1
    drills = drillbit("--content", str(BROWSER_PACK), "drills", "--json")
    assert drills.returncode == 0, drills.stderr
    states = [drill["state"] for drill in json.loads(drills.stdout)["drills"]]
    assert states.count("draft") == 1, states
