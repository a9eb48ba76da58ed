"""A page on another port of 127.0.0.1 against `drillbit serve`, in Debian's headless
Chromium (fifty-third round): such a page is the same site, so the browser's strict login
cookie goes with its loads of the server's files, and a window it opens stays in its reach.
It loaded a static file as a script and an image (which told it whether the browser was
logged in), and sent the app's tab it had opened to a look-alike login page. The only
skip: Chromium or chromedriver missing, as the other browser tests."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.chrome.webdriver import WebDriver

from tests.web.chromium import browser, chromium  # the module's Chromium, a profile per test
from tests.web.helpers import Served, free_loopback_port
from tests.web.test_serve_attacked50 import _until

__all__ = ["browser", "chromium"]  # fixtures, used by name

PROBE = """<!doctype html><title>another server's page</title><script>
window.loads = {};
function probe(kind, element, address) {
  window.loads[kind] = 'pending';
  element.onload = () => { window.loads[kind] = 'loaded'; };
  element.onerror = () => { window.loads[kind] = 'failed'; };
  element.src = address;
  document.head.appendChild(element);
}
probe('script', document.createElement('script'), 'SERVER/static/js/textual.js');
probe('image', document.createElement('img'), 'SERVER/static/images/background.png');
</script>"""
"""The other server's page: it loads two of drillbit's files and notes whether each came."""


@pytest.fixture
def another_port(tmp_path: Path) -> Iterator[str]:
    """Another web server on 127.0.0.1 (a notebook's, a dev server's): its address, serving
    the files of a folder of its own."""
    folder = tmp_path / "another"
    folder.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_loopback_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _public(served: Served) -> str:
    return f"http://127.0.0.1:{served.port}"


def _page(another: str, tmp_path: Path, name: str, text: str) -> str:
    (tmp_path / "another" / name).write_text(text, encoding="utf-8")
    return f"{another}/{name}"


def test_a_page_on_another_port_cannot_tell_whether_the_browser_is_logged_in(
    served: Served, browser: WebDriver, another_port: str, tmp_path: Path
) -> None:
    """Logged in, the other port's page loads drillbit's script and image: each fails, as
    it does without a login (a 200 and a 403 told the two apart)."""
    driver = browser
    probe = _page(another_port, tmp_path, "probe.html", PROBE.replace("SERVER", _public(served)))
    driver.get(served.url)  # the login: its cookie set
    assert driver.get_cookies(), "the printed URL set no cookie"
    driver.get(probe)

    def settled() -> bool:
        loads = driver.execute_script("return window.loads")
        return bool(loads) and "pending" not in loads.values()

    _until(settled, "the other page's loads to settle")
    assert driver.execute_script("return window.loads") == {
        "script": "failed",
        "image": "failed",
    }


def test_a_page_that_opens_the_app_keeps_no_handle_on_its_window(
    served: Served, browser: WebDriver, another_port: str, tmp_path: Path
) -> None:
    """The other port's page opens the app's page in a new window: it gets no handle on it
    (`closed` at once), so it cannot later send that tab to a look-alike login page."""
    driver = browser
    opener = _page(another_port, tmp_path, "opener.html", "<title>another server's page</title>")
    driver.get(served.url)
    driver.get(opener)
    before = set(driver.window_handles)  # the module's first tab is among them
    driver.execute_script(f"window.opened = window.open({_public(served) + '/'!r});")
    _until(lambda: len(set(driver.window_handles) - before) == 1, "the app's page to open")
    # without the opener policy the handle stays open: the page could set its `location`
    _until(lambda: driver.execute_script("return window.opened.closed") is True, "no handle")
