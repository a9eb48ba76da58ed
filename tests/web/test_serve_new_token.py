"""`drillbit serve --new-token` (fifty-fourth round, serve54): every login of the server on
a port ended and a new token made from a command, as `kill -USR1 PID` does, through the
running file the server keeps in its data folder (`quiz.serve.running`)."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
from pathlib import Path

import pytest

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
        assert done.returncode == 1 and "it is a symbolic link" in done.stderr
        assert other.poll() is None
    finally:
        other.kill()
        other.wait()


# what `--new-token` says when it finds no server to ask (fifty-fifth round, serve55)


def _note(port: int, record: object) -> Path:
    """A running file for `port` in the test's data folder holding `record` (JSON)."""
    note = running_file(data_dir(), port)
    note.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    note.write_text(json.dumps(record))
    return note


def _new_token(drillbit: RunDrillbit, port: int) -> str:
    """What `--new-token --port PORT` printed to stderr; it failed as a DrillbitError does."""
    done = drillbit("serve", "--new-token", "--port", str(port))
    assert done.returncode == 1, done
    assert "Traceback" not in done.stderr
    return done.stderr


def test_no_note_names_the_data_folder_and_the_ports_it_has_notes_for(
    drillbit: RunDrillbit,
) -> None:
    """No running file for the port: the error names the data folder, the file it looked
    for and that a server keeps its note in its own DRILLBIT_HOME; with notes of servers on
    other ports it names those ports instead."""
    said = _new_token(drillbit, 18990)
    assert f"this data folder ({data_dir()})" in said
    assert "it holds no serve/running-18990.json" in said
    assert "the same DRILLBIT_HOME and --port as the server" in said
    _note(18991, {"pid": 2, "start": 1, "port": 18991})
    assert "but a note of a server on port 18991: give --port 18991" in _new_token(drillbit, 18990)
    _note(18992, {"pid": 2, "start": 1, "port": 18992})
    assert "but notes of servers on ports 18991, 18992: give one with --port" in _new_token(
        drillbit, 18990
    )


def test_a_note_whose_process_is_gone_is_removed_and_said_so(drillbit: RunDrillbit) -> None:
    """The PID of a killed server that no process holds now: stopped, its note removed."""
    gone = subprocess.Popen(["true"])
    gone.wait()  # reaped: no process has its PID (until the kernel hands it out again)
    note = _note(18993, {"pid": gone.pid, "start": 12345, "port": 18993})
    said = _new_token(drillbit, 18993)
    assert "the drillbit serve that ran on port 18993 has stopped" in said
    assert f"its PID {gone.pid} now" in said and str(note) in said
    assert not note.exists()


@pytest.mark.parametrize(
    ("record", "why"),
    [
        ("not json at all", "it is not the JSON drillbit serve writes"),
        ([1, 2], "it names no process"),
        ({"pid": "123", "start": 1}, "it names no process"),
        ({"pid": 1, "start": 1}, "it names no process"),
        ({"pid": True, "start": 1}, "it names no process"),
        ({"pid": 4242, "start": "soon"}, "its `start` is not a number"),
    ],
)
def test_a_note_that_is_not_the_servers_says_what_is_wrong_with_it(
    drillbit: RunDrillbit, record: object, why: str
) -> None:
    """A running file that is no server's: which file, what is wrong, and what to do; it is
    kept (the user may want to see it), and no process is signalled."""
    note = _note(18994, record) if not isinstance(record, str) else running_file(data_dir(), 18994)
    if isinstance(record, str):
        note.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        note.write_text(record)
    said = _new_token(drillbit, 18994)
    assert f"the note of the drillbit serve on port 18994, {note}, is not one it wrote" in said
    assert why in said and "kill -USR1 PID" in said
    assert note.exists()


def test_a_note_that_cannot_be_read_says_why(
    drillbit: RunDrillbit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder where the file should be (an IsADirectoryError traceback before), a file of
    more than 4 KiB, and one the system refuses to open (EACCES, as a file of mode 0 is for
    a user that is not root, whom no mode stops: the refusal is made by hand here)."""
    note = running_file(data_dir(), 18995)
    note.mkdir(parents=True)
    assert "it is not a file" in _new_token(drillbit, 18995)
    note.rmdir()
    note.write_text(" " * 5000)
    assert "it holds more than 4096 bytes" in _new_token(drillbit, 18995)
    note.write_text("{}")
    real_open = os.open

    def refused(path: object, *args: int, **kwargs: object) -> int:
        if Path(str(path)) == note:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refused)
    assert "it cannot be read (Permission denied)" in _new_token(drillbit, 18995)


def test_without_proc_no_note_is_taken_for_stale_and_no_process_is_signalled(
    drillbit: RunDrillbit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no `/proc` to read a start time from, a live server's note read as a stopped
    server's: it was removed, and the server lost `--new-token`. Now the error says /proc is
    missing and how to signal the server; the note stays, and the process gets no signal. A
    note written by a server that could not read /proc (no start) says so."""
    import quiz.serve.running as running

    alive = subprocess.Popen(["sleep", "600"])
    try:
        start = process_start(alive.pid)
        note = _note(18996, {"pid": alive.pid, "start": start, "port": 18996})
        monkeypatch.setattr(running, "process_start", lambda pid: None)
        said = _new_token(drillbit, 18996)
        assert "there is no /proc here to read its start time" in said
        assert f"kill -USR1 {alive.pid}" in said
        assert note.exists() and alive.poll() is None
        monkeypatch.undo()

        _note(18996, {"pid": alive.pid, "start": None, "port": 18996})
        said = _new_token(drillbit, 18996)
        assert "could not read /proc when it started" in said
        assert f"kill -USR1 {alive.pid}" in said
        assert note.exists() and alive.poll() is None
    finally:
        alive.kill()
        alive.wait()
