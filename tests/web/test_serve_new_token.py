"""`drillbit serve --new-token` (fifty-fourth round, serve54): every login of the server on
a port ended and a new token made from a command, as `kill -USR1 PID` does, through the
running file the server keeps in its data folder (`quiz.serve.running`)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

from quiz.paths import data_dir
from quiz.serve.running import running_file
from quiz.store.leftovers import process_start
from tests.conftest import RunDrillbit
from tests.web.helpers import Served, login_jar, status_of, whole_answer
from tests.web.test_serve_attacked53 import NEW_TOKEN

STATIC = "GET /static/js/textual.js HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{cookie}Connection: close\r\n\r\n"


def _static(served: Served, jar: str) -> int:
    request = STATIC.format(port=served.port, cookie=f"Cookie: {jar}\r\n")
    return status_of(whole_answer(served.port, request.encode()))


def _page_with_token(served: Served, token: str) -> int:
    request = f"GET /?token={token} HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\nConnection: close\r\n\r\n"
    return status_of(whole_answer(served.port, request.encode()))


def test_new_token_ends_every_login_of_the_server_on_the_port(
    served: Served, drillbit: RunDrillbit
) -> None:
    """The banner names the command; run, it prints the server's new login link (the
    login file, which now holds the new token), the old cookie and token open nothing, the
    new token logs in, and the server runs on. Its running file goes as it stops."""
    assert f"drillbit serve --new-token --port {served.port}, or kill -USR1" in (
        served.log.read_text()
    )
    note = running_file(data_dir(), served.port)
    assert json.loads(note.read_text())["pid"] == served.process.pid
    assert note.stat().st_mode & 0o777 == 0o600
    mine = login_jar(served.port, served.token)
    assert _static(served, mine) == 200

    done = drillbit("serve", "--new-token", "--port", str(served.port))

    assert done.returncode == 0, done.stderr
    assert "ended every login and made a new token" in done.stdout
    assert served.link and served.link in done.stdout
    found = NEW_TOKEN.search(served.log.read_text())
    assert found is not None, served.log.read_text()
    assert found[1] != served.token
    assert found[1] in Path(served.link.removeprefix("file://")).read_text()
    assert _static(served, mine) == 403
    assert _page_with_token(served, served.token) == 403
    assert _page_with_token(served, found[1]) == 303
    served.process.send_signal(signal.SIGINT)
    served.process.wait()
    assert not note.exists()


def test_new_token_without_a_server_says_so(drillbit: RunDrillbit) -> None:
    """No running file for the port: a clear error, no traceback."""
    done = drillbit("serve", "--new-token", "--port", "18999")
    assert done.returncode == 1
    assert "no drillbit serve on port 18999 runs with this data folder" in done.stderr
    assert "Traceback" not in done.stderr


def test_new_token_signals_no_process_that_took_a_stopped_servers_pid(
    drillbit: RunDrillbit,
) -> None:
    """A running file left by a killed server, its PID now another program's (another start
    time): that program gets no SIGUSR1 (it would have ended it), the stale file is removed,
    and the error says the server stopped. A file that is another user's or a link is read as
    none."""
    other = subprocess.Popen(["sleep", "600"])
    try:
        start = process_start(other.pid)
        assert start is not None
        note = running_file(data_dir(), 18998)
        note.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        note.write_text(json.dumps({"pid": other.pid, "start": start + 1, "port": 18998}))

        done = drillbit("serve", "--new-token", "--port", "18998")

        assert done.returncode == 1
        assert "the drillbit serve that ran on port 18998 has stopped" in done.stderr
        assert other.poll() is None  # alive: no signal went to it
        assert not note.exists()

        real = note.with_name("elsewhere.json")
        real.write_text(json.dumps({"pid": other.pid, "start": start, "port": 18998}))
        os.symlink(real, note)
        done = drillbit("serve", "--new-token", "--port", "18998")
        assert done.returncode == 1 and "no drillbit serve on port 18998" in done.stderr
        assert other.poll() is None
    finally:
        other.kill()
        other.wait()
