"""A real `drillbit serve` on a free loopback port, with the test's DRILLBIT_HOME, stopped by Ctrl-C."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.helpers import Served, free_loopback_port, serve_command

SERVER_START_SECONDS = 20.0
SERVER_STOP_SECONDS = 30.0
"""How long Ctrl-C may take to end the server and its apps by themselves: a ceiling far above
a normal stop (3 s per tab at most), so a busy machine is no failure; a real leftover still
is one. 10 s ran out once, at load 5.5 with three test workers."""


def _wait_for_url(process: subprocess.Popen[bytes], log: Path, port: int) -> str:
    """The URL the server prints once it listens on `port` (its banner line)."""
    banner = re.compile(rf"drillbit is served at (http://127\.0\.0\.1:{port}/\?token=[\w-]+)\n")
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        found = banner.search(log.read_text())
        if found:
            return found.group(1)
        if process.poll() is not None:
            pytest.fail(f"drillbit serve exited with {process.returncode}:\n{log.read_text()}")
        time.sleep(0.1)
    pytest.fail(f"drillbit serve did not listen on port {port}:\n{log.read_text()}")


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _stop(process: subprocess.Popen[bytes]) -> bool:
    """Ctrl-C the server; True when it and every app process of its group ended by themselves.

    Whatever happens, the whole group is killed before returning: no process outlives the test.
    """
    pgid = process.pid  # start_new_session: the server leads its own process group
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=SERVER_STOP_SECONDS)
        except subprocess.TimeoutExpired:
            pass
    deadline = time.monotonic() + 10  # its apps, once the server is gone
    while time.monotonic() < deadline and _group_alive(pgid):
        time.sleep(0.1)
    clean = process.poll() is not None and not _group_alive(pgid)
    if _group_alive(pgid):
        os.killpg(pgid, signal.SIGKILL)
    process.wait(timeout=10)
    return clean


def _serve(tmp_path: Path, *options: str) -> Iterator[Served]:
    """`drillbit --content <browser pack> serve --port <free> OPTIONS`; after the test, Ctrl-C
    must stop it all."""
    port = free_loopback_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            serve_command("--port", str(port), *options),
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=dict(os.environ),  # DRILLBIT_HOME: the autouse fixture's temp folder
            cwd=tmp_path,
            start_new_session=True,
        )
    try:
        yield Served(_wait_for_url(process, log, port), port, process, log)
    finally:
        clean = _stop(process)
    output = log.read_text()
    assert clean, f"Ctrl-C left the server or its app processes running:\n{output}"
    assert f"drillbit is served at http://127.0.0.1:{port}/?token=" in output
    assert "Traceback" not in output, output


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """A server with the default options."""
    yield from _serve(tmp_path)


@pytest.fixture
def served_one_tab(tmp_path: Path) -> Iterator[Served]:
    """A server that allows one tab at a time (`--max-tabs 1`)."""
    yield from _serve(tmp_path, "--max-tabs", "1")
