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
import errno
import json
import os
import re
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


class _Unreadable(Exception):
    """A running file that is there and is no server's note, or cannot be read: why."""


def _read(path: Path) -> Running | None:
    """The running file at `path`, or None when there is none or it is unreadable."""
    try:
        return _load(path)
    except (FileNotFoundError, _Unreadable):
        return None


def _load(path: Path) -> Running:
    """The running file at `path`. FileNotFoundError when there is none; `_Unreadable`
    (why) when it is a link, not a file, another user's, unreadable, or not one the server
    writes."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        raise
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _Unreadable("it is a symbolic link, which drillbit serve never writes") from exc
        raise _Unreadable(f"it cannot be read ({exc.strerror or exc})") from exc
    try:
        facts = os.fstat(descriptor)
        if not stat.S_ISREG(facts.st_mode):  # a folder: fdopen would raise IsADirectoryError
            raise _Unreadable("it is not a file")
        if facts.st_uid != os.getuid():
            raise _Unreadable(f"it belongs to another user (uid {facts.st_uid}), not to you")
        text = os.read(descriptor, MOST_FILE_BYTES + 1)
    except OSError as exc:
        raise _Unreadable(f"it cannot be read ({exc.strerror or exc})") from exc
    finally:
        os.close(descriptor)
    if len(text) > MOST_FILE_BYTES:
        raise _Unreadable(f"it holds more than {MOST_FILE_BYTES} bytes")
    try:
        record = json.loads(text)
    except (ValueError, UnicodeDecodeError):
        raise _Unreadable("it is not the JSON drillbit serve writes") from None
    pid = record.get("pid") if isinstance(record, dict) else None
    start = record.get("start") if isinstance(record, dict) else None
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 1:
        raise _Unreadable("it names no process (its `pid` is not a number above 1)")
    if start is not None and (not isinstance(start, int) or isinstance(start, bool)):
        raise _Unreadable("its `start` is not a number")
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
    found = _find(data, port)
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


def _find(data: Path, port: int) -> Running:
    """The running file of the server on `port` of the data folder `data`, checked to be a
    live process's: a DrillbitError that says what is missing (the file, its process,
    `/proc` to tell) when there is none to signal."""
    path = running_file(data, port)
    try:
        found = _load(path)
    except FileNotFoundError:
        raise DrillbitError(_no_file(data, port), title="serve") from None
    except _Unreadable as exc:
        raise DrillbitError(
            f"the note of the drillbit serve on port {port}, {path}, is not one it wrote: "
            f"{exc}. Remove it; a server still running there is asked with `kill -USR1 PID` "
            "(its banner names the PID), and writes its note again when restarted",
            title="serve",
        ) from None
    if process_start(os.getpid()) is None:  # this very process: /proc is not there to read
        raise DrillbitError(
            f"cannot tell whether PID {found.pid} is still the drillbit serve on port {port}: "
            f"there is no /proc here to read its start time (/proc/{found.pid}/stat). "
            f"Signal the server yourself: `kill -USR1 {found.pid}`",
            title="serve",
        )
    if found.start is None:
        raise DrillbitError(
            f"the drillbit serve on port {port} (PID {found.pid}) could not read /proc when "
            "it started, so its note cannot tell it from another process that took its PID: "
            f"if it runs, signal it yourself: `kill -USR1 {found.pid}`",
            title="serve",
        )
    now = process_start(found.pid)
    if now != found.start:
        with contextlib.suppress(OSError):
            path.unlink()  # a killed server's: its PID may be another program's now
        gone = "no process has" if now is None else "another program has"
        raise DrillbitError(
            f"the drillbit serve that ran on port {port} has stopped ({gone} its PID "
            f"{found.pid} now; it was not stopped with Ctrl-C, so its note {path} was left, "
            "and is removed now): there is no login to end",
            title="serve",
        )
    return found


def _no_file(data: Path, port: int) -> str:
    """Why no server was found: the data folder has no running file for `port`; the ports
    it has one for, and that a server keeps its note in its own DRILLBIT_HOME."""
    folder = data / RUNNING_FOLDER
    others = sorted(
        int(name.removeprefix("running-").removesuffix(".json"))
        for name in _names(folder)
        if re.fullmatch(r"running-[0-9]{1,5}\.json", name)
    )
    said = (
        f"no drillbit serve on port {port} runs with this data folder ({data}): it holds no "
        f"{running_file(data, port).relative_to(data)}"
    )
    if others:
        if len(others) == 1:
            return f"{said}, but a note of a server on port {others[0]}: give --port {others[0]}"
        ports = ", ".join(str(other) for other in others)
        return f"{said}, but notes of servers on ports {ports}: give one with --port"
    return (
        f"{said}. A server keeps its note in the data folder it was started with: run "
        "--new-token with the same DRILLBIT_HOME and --port as the server, or start one "
        "with `drillbit serve`"
    )


def _names(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def _contents(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
