"""Ctrl-C while a tab's app is still ending: the server reaps it before its event loop closes."""

from __future__ import annotations

import base64
import os
import socket
import sys
import time
from pathlib import Path

from tests.conftest import linux_only
from tests.web.conftest import _stop, start_on_a_free_port
from tests.web.helpers import WAIT_SECONDS, login_jar

STUBBORN_APP = """
import os, signal, sys, time
for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(number, signal.SIG_IGN)
with open(sys.argv[1], "w") as out:
    out.write(str(os.getpid()))
time.sleep(600)
"""
"""An app slow to start and slower to end: it ignores every request to quit."""

SERVER = """
import errno, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # an xdist worker ignores it
from quiz.serve import server
from quiz.serve.login import Login
port, command = int(sys.argv[1]), sys.argv[2]
try:
    server._make_server(command, "127.0.0.1", port, Login.new("127.0.0.1", port), 4).serve()
except OSError as exc:
    if exc.errno != errno.EADDRINUSE:
        raise
    sys.exit(f"port {port} is already in use")  # the words `_wait_for_url` knows
"""
"""`drillbit serve`'s server, with the stubborn app as every tab's app."""


def _open_tab(port: int, token: str) -> socket.socket:
    """A websocket as the page opens it; its app starts."""
    key = base64.b64encode(os.urandom(16)).decode()
    request = (
        f"GET /ws?width=80&height=24&token={token} HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n"
        f"Cookie: {login_jar(port, token)}\r\n"
        "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    tab = socket.create_connection(("127.0.0.1", port), timeout=WAIT_SECONDS)
    tab.sendall(request.encode())
    assert " 101 " in tab.recv(4096).decode("latin-1").split("\r\n", 1)[0]
    return tab


def _wait_for(condition: object, what: str, log: Path) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"{what} never came:\n{log.read_text()}"
        time.sleep(0.05)


@linux_only
def test_an_app_still_ending_at_ctrl_c_is_killed_before_the_server_ends(tmp_path: Path) -> None:
    """A tab closed just before Ctrl-C: its handler, waiting for the app to quit, was
    cancelled by the shutdown, the app outlived the server, and the console got asyncio's
    traceback ("Event loop is closed") when the app's transport was collected (a CI run
    failed on it, its tabs' apps slow to end on a loaded machine)."""
    app, pid_file = tmp_path / "stubborn.py", tmp_path / "app.pid"
    app.write_text(STUBBORN_APP)
    command = f"exec {sys.executable} {app} {pid_file}"
    warnings = ["-W", "always::ResourceWarning"]  # a transport or folder left to the collector
    server, port, log, url = start_on_a_free_port(
        tmp_path, lambda port: [sys.executable, *warnings, "-c", SERVER, str(port), command]
    )
    tab: socket.socket | None = None
    try:
        token = url.split("#token=", 1)[1]
        tab = _open_tab(port, token)
        _wait_for(lambda: pid_file.exists() and pid_file.read_text(), "the app's pid", log)
        app_pid = int(pid_file.read_text())
        tab.close()  # the tab closes: its handler asks the app to quit, and waits
        time.sleep(0.3)
    finally:
        left = _stop(server, grace=10.0)  # only a failure waits: it kills what is left
        if tab is not None:
            tab.close()
    output = log.read_text()
    assert left == [], f"Ctrl-C left {', '.join(left)} running:\n{output}"
    assert not Path(f"/proc/{app_pid}").exists()
    assert "Traceback" not in output, output
    assert "is closed" not in output, output
    assert "ResourceWarning" not in output, output
