"""The served pages' Content-Security-Policy, in headless Chromium and on the wire, and a
request with two Origin (or Host) headers refused.

The page's policy was `frame-ancestors 'none'` alone: any script that got into the page ran,
and could send the token anywhere. Now only scripts with the answer's nonce run and the page
connects only to this server. Chromium must still start, draw and type into the app under it.
"""

from __future__ import annotations

import base64
import os
import re
import socket
import time

import pytest
from multidict import CIMultiDict, CIMultiDictProxy
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from quiz.serve.headers import page_policy
from quiz.serve.login import Login
from quiz.serve.page import refused_page, served_page
from tests.web.chromium import (  # the module's Chromium, a profile per test
    browser,
    chromium,
    console_messages,
    read_screen,
    record_violations,
    shows_home,
    wait_for_screen,
)
from tests.web.helpers import QUESTION, WAIT_SECONDS, Served

__all__ = ["browser", "chromium"]  # fixtures, used by name

INJECT = """
window.__ran = [];
const script = document.createElement('script');
script.textContent = "window.__ran.push('script')";
document.head.appendChild(script);
document.body.insertAdjacentHTML(
  'beforeend', '<img src="data:," onerror="window.__ran.push(\\'onerror\\')">');
try { new WebSocket(arguments[0]).onopen = () => window.__ran.push('socket'); }
catch (e) { window.__ran.push('socket refused: ' + e.name); }
"""
"""What an injection into the page would do: an inline script, an inline handler, and a
websocket to another server (where the token would go)."""


def _head(served: Served, head: list[str]) -> tuple[str, dict[str, str], str]:
    """Status line, headers (lower-case names) and body of the raw request `head`."""
    with socket.create_connection(("127.0.0.1", served.port), timeout=WAIT_SECONDS) as conn:
        conn.sendall(("\r\n".join([*head, "Connection: close"]) + "\r\n\r\n").encode())
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    top, _, body = answer.decode("latin-1").partition("\r\n\r\n")
    lines = top.split("\r\n")
    fields = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        fields[name.strip().lower()] = value.strip()
    return lines[0], fields, body


def _nonces(body: str) -> set[str]:
    """The nonces of the page's script tags (an untagged script counts as the empty one)."""
    tags = re.findall(r"<script\b[^>]*>", body)
    assert tags, body
    return {(re.findall(r"""nonce=["']([^"']*)["']""", tag) or [""])[0] for tag in tags}


def test_the_policy_runs_only_this_servers_files_and_nonced_scripts() -> None:
    policy = {part.split()[0]: part.split()[1:] for part in page_policy("N0nce").split("; ")}
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'", "'nonce-N0nce'"]
    assert policy["connect-src"] == ["'self'"]
    for name in ("base-uri", "form-action", "frame-ancestors"):
        assert policy[name] == ["'none'"]
    assert "'unsafe-inline'" not in policy["script-src"]


def test_every_script_of_the_template_carries_the_nonce_and_no_button_an_onclick() -> None:
    template = (
        "<html><head><script>a()</script><script src='x.js'></script></head>"
        '<body><button type="button" onClick="refresh()" id="start">Start</button></body></html>'
    )
    page = served_page(template)
    assert _nonces(page) == {"{{ csp_nonce }}"}
    assert "onclick=" not in page.lower()
    assert 'data-refresh id="start"' in page
    assert _nonces(refused_page("no", "abc")) == {"abc"}


def test_each_page_answer_has_a_fresh_nonce_its_scripts_carry(served: Served) -> None:
    host = f"Host: 127.0.0.1:{served.port}"
    seen = set()
    cookie = f"Cookie: {served.jar}"
    for logged_in in (True, True, False):
        lines = ["GET / HTTP/1.1", host, *([cookie] if logged_in else [])]
        status, fields, body = _head(served, lines)
        assert status.split()[1] == ("200" if logged_in else "403"), status
        policy = fields["content-security-policy"]
        nonce = re.findall(r"'nonce-([^']+)'", policy)
        assert len(nonce) == 1, policy
        assert _nonces(body) == {nonce[0]}
        seen.add(nonce[0])
    assert len(seen) == 3  # one per answer, never reused


def test_the_app_starts_draws_and_takes_keys_with_no_policy_violation(
    served: Served, browser: WebDriver
) -> None:
    driver = browser
    record_violations(driver)
    driver.get(served.url)
    wait_for_screen(driver, shows_home, "Home under the policy")
    keys = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    keys.send_keys(Keys.CONTROL, Keys.END)  # the browser pack's topic, Home's last row
    keys.send_keys("d")
    wait_for_screen(driver, lambda screen: QUESTION in screen, "the card's question")
    assert driver.execute_script("return window.__violations") == []
    reported = [line for line in console_messages(driver) if "Content Security Policy" in line]
    assert reported == []
    assert read_screen(driver)


def test_an_injected_script_handler_or_foreign_socket_is_blocked(
    served: Served, browser: WebDriver
) -> None:
    """Without the policy both inline payloads ran and the socket reached the listener."""
    driver = browser
    record_violations(driver)
    driver.get(served.url)
    wait_for_screen(driver, shows_home, "Home")
    with socket.create_server(("127.0.0.1", 0)) as elsewhere:  # where the token would go
        elsewhere.setblocking(False)
        driver.execute_script(INJECT, f"ws://127.0.0.1:{elsewhere.getsockname()[1]}/")
        violations, ran = _outcomes(driver)
        assert ran == []  # none of them ran
        with pytest.raises(BlockingIOError):
            elsewhere.accept()  # and nothing connected
    directives = {violation.split()[0] for violation in violations}
    assert directives == {"script-src-elem", "script-src-attr", "connect-src"}, violations


def _outcomes(driver: WebDriver) -> tuple[list[str], list[str]]:
    """The page's violations and what of `INJECT` ran, once three were reported or both
    inline payloads ran (at most WAIT_SECONDS)."""
    deadline = time.monotonic() + WAIT_SECONDS
    violations: list[str] = []
    ran: list[str] = []
    while time.monotonic() < deadline:
        violations, ran = driver.execute_script("return [window.__violations, window.__ran]")
        if len(violations) >= 3 or len(ran) >= 2:
            break
        time.sleep(0.2)
    return list(violations), list(ran)


def _upgrade(served: Served, extra: list[str]) -> str:
    """The status line of a websocket upgrade with the token and the `extra` headers."""
    key = base64.b64encode(os.urandom(16)).decode()
    status, _, _ = _head(
        served,
        [
            f"GET /ws?width=80&height=24&token={served.token} HTTP/1.1",
            f"Cookie: {served.jar}",
            "Upgrade: websocket",
            "Connection: Upgrade",
            f"Sec-WebSocket-Key: {key}",
            "Sec-WebSocket-Version: 13",
            *extra,
        ],
    )
    return status


def test_a_request_with_two_origins_or_hosts_is_refused(served: Served) -> None:
    """Only the first Origin was read: ours first and another site's second opened a tab."""
    host = f"Host: 127.0.0.1:{served.port}"
    ours = f"Origin: http://127.0.0.1:{served.port}"
    assert " 403 " in _upgrade(served, [host, ours, "Origin: http://evil.example"])
    assert " 403 " in _upgrade(served, [host, ours, ours])
    assert _upgrade(served, [host, host, ours]).split()[1] in {"400", "403"}
    assert " 101 " in _upgrade(served, [host, ours])  # one of each: the tab opens
    log = served.log.read_text(encoding="utf-8", errors="replace")
    assert "2 Origin headers" in log


def test_repeated_names_the_header_sent_twice() -> None:
    def headers(*pairs: tuple[str, str]) -> CIMultiDictProxy[str]:
        return CIMultiDictProxy(CIMultiDict(pairs))

    one = headers(("Host", "a"), ("Origin", "b"))
    assert Login.repeated(one) is None
    assert Login.repeated(headers(("Host", "a"), ("origin", "b"), ("ORIGIN", "c"))) == (
        "the request has 2 Origin headers; a browser sends one"
    )
    assert "2 Host headers" in str(Login.repeated(headers(("Host", "a"), ("host", "a"))))
