"""`drillbit serve --new-token`: end every login of the server running on a port, from a
command, as `kill -USR1 PID` does (fifty-third round), without looking up its PID.

A server that listens writes a small file of its own in the data folder, `serve/running-
PORT.json` (mode 0600 in a folder of mode 0700, as the login files): its PID and the
kernel's start time of that process. `--new-token` reads it, checks that the process with
that PID is the one that wrote it (the same start time: a PID the kernel gave to another
program since a server was killed gets no signal), sends it SIGUSR1 and waits for the new
login file, whose address it prints. The file opens no new door: only a process of the user
reads it, and such a process could signal the server anyway. The server removes it as it
stops; one left by a killed server is removed by the next `--new-token` that finds it stale.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from quiz.errors import DrillbitError
from quiz.store.leftovers import process_start

__all__ = [
    "RENEW_WAIT_SECONDS",
    "RUNNING_FOLDER",
    "Renewed",
    "Running",
    "remove_running_file",
    "running_file",
    "send_new_token",
    "write_running_file",
]

RUNNING_FOLDER = "serve"
"""The data folder's subfolder of the running files (the login files' too, by default)."""
RENEW_WAIT_SECONDS = 30.0
"""How long `--new-token` waits for the server to write its new login file."""
MOST_FILE_BYTES = 4096
"""A running file is a few dozen bytes; a larger one is no server's."""


def running_file(data: Path, port: int) -> Path:
    """The running file of the server on `port` whose data folder is `data`."""
    return data / RUNNING_FOLDER / f"running-{port}.json"


def write_running_file(data: Path, port: int) -> Path:
    """Write this process's running file for `port`, readable by its owner alone; its path."""
    path = running_file(data, port)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.parent.is_symlink():
        raise OSError(f"{path.parent} is a symbolic link, not a folder")
    path.parent.chmod(0o700)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    pid = os.getpid()
    record = {"pid": pid, "start": process_start(pid), "port": port}
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        json.dump(record, out)
    return path


def remove_running_file(path: Path | None) -> None:
    """Remove the running file as the server stops, if it is still this process's."""
    if path is None:
        return
    found = _read(path)
    if found is not None and found.pid == os.getpid():
        with contextlib.suppress(OSError):
            path.unlink()


@dataclass(frozen=True)
class Running:
    """What a running file says: the server's PID and its process's start time."""

    pid: int
    start: int | None


def _read(path: Path) -> Running | None:
    """The running file at `path`, or None when there is none, it is a link or another
    user's, or it is not one the server writes."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as opened:
        facts = os.fstat(opened.fileno())
        if not stat.S_ISREG(facts.st_mode) or facts.st_uid != os.getuid():
            return None
        text = opened.read(MOST_FILE_BYTES + 1)
    try:
        record = json.loads(text)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(record, dict):
        return None
    pid, start = record.get("pid"), record.get("start")
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 1:
        return None
    if start is not None and (not isinstance(start, int) or isinstance(start, bool)):
        return None
    return Running(pid, start)


@dataclass(frozen=True)
class Renewed:
    """What `send_new_token` saw: the server's PID, and whether it rewrote its login file
    (its `file://` address then) within `RENEW_WAIT_SECONDS`; False when it writes none."""

    pid: int
    link: str | None


def send_new_token(data: Path, port: int, login_file: Path) -> Renewed:
    """Ask the server on `port` of the data folder `data` to end every login and make a new
    token (SIGUSR1), and wait for it to rewrite `login_file` (its login link) if it wrote
    one. A DrillbitError says why no server was asked."""
    path = running_file(data, port)
    found = _read(path)
    if found is None:
        raise DrillbitError(
            f"no drillbit serve on port {port} runs with this data folder ({data}): start "
            "one with `drillbit serve`, or give the port it serves with --port",
            title="serve",
        )
    if found.start is None or process_start(found.pid) != found.start:
        with contextlib.suppress(OSError):
            path.unlink()  # a killed server's: its PID may be another program's now
        raise DrillbitError(
            f"the drillbit serve that ran on port {port} has stopped (it was not stopped "
            "with Ctrl-C, so its note was left; it is removed now): there is no login to end",
            title="serve",
        )
    before = _contents(login_file)
    try:
        os.kill(found.pid, signal.SIGUSR1)
    except OSError as exc:
        raise DrillbitError(
            f"cannot signal the drillbit serve on port {port} (PID {found.pid}): "
            f"{exc.strerror or exc}",
            title="serve",
        ) from exc
    if before is None:
        return Renewed(found.pid, None)
    deadline = time.monotonic() + RENEW_WAIT_SECONDS
    while time.monotonic() < deadline:
        now = _contents(login_file)
        if now and now != before:
            return Renewed(found.pid, login_file.resolve().as_uri())
        time.sleep(0.1)
    raise DrillbitError(
        f"the drillbit serve on port {port} (PID {found.pid}) was asked to end every login, "
        f"and did not write its new login link within {RENEW_WAIT_SECONDS:g} s: see its "
        "console",
        title="serve",
    )


def _contents(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
