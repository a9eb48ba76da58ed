"""A real `drillbit serve` on a free loopback port, with the test's DRILLBIT_HOME, stopped by Ctrl-C."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from tests.conftest import DRILLBIT_COMMAND
from tests.web.fake_clock import SCRIPT, move_clock
from tests.web.helpers import WAIT_SECONDS, Served, free_loopback_port, serve_command

PORT_ATTEMPTS = 5
"""Ports tried before a server that finds each taken is a failure: the free port is picked
before the server binds it, and another test worker (or any program) may take it between."""


class PortTaken(Exception):
    """The server exited because another process took its port after it was picked."""


BANNER = (
    r"drillbit is served at (?P<page>http://127\.0\.0\.1:{port}/)\n"
    r"(?:To log in, open this run's login link .*\n    (?P<link>file://\S+)\nOr"
    r"|To log in,) open (?P=page) and paste this run's token into its box:\n"
    r"    (?P<token>[\w-]{{43}})\n"
    r"Each tab runs its own app, at most \d+ at once\. Ctrl-C stops\.\n"
)
"""What the server prints once it listens on {port}: its page, its login link (none when it
has no folder for the login file), its token."""


def banner(log: Path, port: int) -> re.Match[str] | None:
    """The banner of the server on `port` in its `log` (`BANNER`), once printed."""
    return re.search(BANNER.format(port=port), log.read_text())


def _wait_for_url(process: subprocess.Popen[bytes], log: Path, port: int) -> str:
    """Once the server listens on `port` (its banner printed): its page with the token in
    the fragment (`/#token=...`, the form earlier runs printed, which still logs in)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        found = banner(log, port)
        if found:
            return f"{found['page']}#token={found['token']}"
        if process.poll() is not None:
            if f"port {port} is already in use" in log.read_text():
                raise PortTaken
            pytest.fail(f"drillbit serve exited with {process.returncode}:\n{log.read_text()}")
        time.sleep(0.1)
    pytest.fail(f"drillbit serve did not listen on port {port}:\n{log.read_text()}")


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command's name (state, ppid, ...), or None."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:  # gone, or no /proc (not Linux)
        return None
    return text.rsplit(")", 1)[1].split()


def _descendants(pid: int) -> dict[int, str]:
    """Every process under `pid` now, whatever its session (a sandbox worker starts its
    own), with its start time: a pid the kernel reuses later is not taken for it."""
    children: dict[int, list[int]] = {}
    started: dict[int, str] = {}
    for entry in Path("/proc").glob("[0-9]*") if Path("/proc").is_dir() else ():
        fields = _stat(int(entry.name))
        if fields is not None:
            children.setdefault(int(fields[1]), []).append(int(entry.name))
            started[int(entry.name)] = fields[19]
    found: dict[int, str] = {}
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found[child] = started[child]
            todo.append(child)
    return found


def _running(pid: int, started: str) -> bool:
    """The process `pid` that started at `started` still runs (a zombie has ended)."""
    fields = _stat(pid)
    return fields is not None and fields[19] == started and fields[0] != "Z"


def _stop(process: subprocess.Popen[bytes], grace: float = WAIT_SECONDS) -> list[str]:
    """Ctrl-C the server; what did not end by itself: the server, its process group (its
    apps), or a process it started in a session of its own (a sandbox worker), once the
    server has gone and `grace` seconds more have passed. Empty when all ended.

    Whatever happens, all of them are killed before returning: no process outlives the
    test. The group alone missed a sandbox worker, which leaves it (setsid).
    """
    pgid = process.pid  # start_new_session: the server leads its own process group
    spawned = _descendants(process.pid)  # found while their parents live, before Ctrl-C
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            pass

    def running() -> list[int]:
        return [pid for pid, started in spawned.items() if _running(pid, started)]

    deadline = time.monotonic() + grace  # its apps and workers, once the server is gone
    while time.monotonic() < deadline and (_group_alive(pgid) or running()):
        time.sleep(0.1)
    left = [] if process.poll() is not None else ["the server"]
    if _group_alive(pgid):
        left.append("its process group")
        os.killpg(pgid, signal.SIGKILL)
    for pid in running():
        left.append(f"process {pid}, started by the server in a session of its own")
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    process.wait(timeout=WAIT_SECONDS)
    deadline = time.monotonic() + WAIT_SECONDS  # a killed process ends a moment after the signal
    while time.monotonic() < deadline and running():
        time.sleep(0.05)
    return left


def _serve(
    tmp_path: Path, *options: str, open_files: int | None = None, before: Sequence[str] = ()
) -> Iterator[Served]:
    """`drillbit --content <browser pack> serve --port <free> OPTIONS`, at most `open_files`
    descriptors open if given (a desktop's limit is 1024); after the test, Ctrl-C must stop
    it all. A port taken between its pick and the server's bind is no failure: another.
    `before`, given, runs the command line in place of `drillbit` (`fake_clock`)."""

    def command(port: int) -> list[str]:
        line = serve_command("--port", str(port), *options)
        return [*before, *line[len(DRILLBIT_COMMAND) :]] if before else line

    process, port, log, url = start_on_a_free_port(tmp_path, command, open_files)
    found = banner(log, port)
    try:
        yield Served(url, port, process, log, (found["link"] or "") if found else "")
    finally:
        left = _stop(process)
    output = log.read_text()
    assert not left, f"Ctrl-C left {', '.join(left)} running:\n{output}"
    assert banner(log, port), output
    assert "Traceback" not in output, output


def start_on_a_free_port(
    tmp_path: Path, command: Callable[[int], list[str]], open_files: int | None = None
) -> tuple[subprocess.Popen[bytes], int, Path, str]:
    """A server started with `command(port)` on a free port, once it listens: its process,
    port, log and URLs (`_wait_for_url`). A port another process took between the pick and the bind is no
    failure: the next free one is tried."""
    for _ in range(PORT_ATTEMPTS):
        port = free_loopback_port()
        log = tmp_path / f"serve-{port}.log"
        process = _start(command(port), log, open_files)
        try:
            return process, port, log, _wait_for_url(process, log, port)
        except PortTaken:
            process.wait()
        except BaseException:
            _stop(process)
            raise
    pytest.fail(f"every one of {PORT_ATTEMPTS} free ports was taken before the server bound it")


def _start(command: list[str], log: Path, open_files: int | None) -> subprocess.Popen[bytes]:
    """The server, writing to `log`, in a session of its own; at most `open_files` open."""
    if open_files is not None:  # the shell's ulimit, not a preexec_fn (unsafe with threads)
        command = ["sh", "-c", f'ulimit -n {open_files} && exec "$@"', "sh", *command]
    with log.open("wb") as out:
        return subprocess.Popen(
            command,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=dict(os.environ),  # DRILLBIT_HOME: the autouse fixture's temp folder
            cwd=log.parent,
            start_new_session=True,
        )


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """A server with the default options."""
    yield from _serve(tmp_path)


@pytest.fixture
def served_one_tab(tmp_path: Path) -> Iterator[Served]:
    """A server that allows one tab at a time (`--max-tabs 1`)."""
    yield from _serve(tmp_path, "--max-tabs", "1")


@pytest.fixture
def served_few_files(tmp_path: Path) -> Iterator[Served]:
    """A server that may hold 256 file descriptors open (its soft limit), a quarter of a
    desktop's: a flood reaches the limit in a few hundred connections."""
    yield from _serve(tmp_path, open_files=256)


@pytest.fixture
def served_on_a_fake_clock(tmp_path: Path) -> Iterator[tuple[Served, Path]]:
    """A server whose tabs' apps run on a clock the test moves (`tests/web/fake_clock.py`):
    the server and the file of the clock, which `move_clock` sets ahead."""
    clock = tmp_path / "clock"
    move_clock(clock, 0)
    before = [sys.executable, "-P", str(SCRIPT), "serve", str(clock)]
    for served in _serve(tmp_path, before=before):
        yield served, clock
