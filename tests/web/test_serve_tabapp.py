"""A tab's app process: of what it writes to stderr the server keeps and says only the end."""

from __future__ import annotations

import asyncio
import shlex
import signal
import sys

import pytest
from textual_serve.download_manager import DownloadManager

from quiz.serve.tabapp import STDERR_KEPT_BYTES, OutputTail, TabApp

FLOOD_BYTES = 8 * 1024 * 1024
"""What the stand-in app writes to stderr: 128 times what the server keeps."""
LAST_WORDS = "ValueError: the last line, the one that says what failed"


def test_the_tail_keeps_the_last_bytes_and_counts_the_rest() -> None:
    tail = OutputTail(limit=10)
    tail.write(b"0123456789")
    assert tail.text() == "0123456789"
    tail.write(b"abcd")
    assert bytes(tail.kept) == b"456789abcd" and tail.left_out == 4
    assert tail.text().splitlines() == [
        "[the app's stderr: 4 bytes before its last 10 are left out]",
        "456789abcd",
    ]


def test_a_tail_cut_inside_a_character_still_reads_as_text() -> None:
    tail = OutputTail(limit=2)
    tail.write("é…".encode())  # the cut falls inside the ellipsis's three bytes
    assert tail.text().endswith("\n\ufffd\ufffd")


async def test_an_app_that_floods_its_stderr_costs_the_server_only_its_tail(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """textual-serve kept every byte the app wrote to stderr for the tab's whole life and
    printed them all when it ended (8 MiB here, held in the server's memory)."""
    flood = (
        "import sys\n"
        f"for _ in range({FLOOD_BYTES // 1024}):\n"
        "    sys.stderr.write('w' * 1023 + '\\n')\n"
        f"sys.stderr.write({LAST_WORDS!r} + '\\n')\n"
    )

    app = _tab_app(flood)
    await app._open_app_process()
    await app.run()  # to the app's end: `start` runs this in a task
    said = capsys.readouterr().out
    assert len(app.stderr_tail.kept) == STDERR_KEPT_BYTES
    assert len(said) < STDERR_KEPT_BYTES + 200, f"the console got {len(said)} characters"
    assert said.rstrip().endswith(LAST_WORDS)
    left_out = FLOOD_BYTES + len(LAST_WORDS) + 1 - STDERR_KEPT_BYTES
    assert said.startswith(f"[the app's stderr: {left_out} bytes before its last")


def _tab_app(code: str) -> TabApp:
    """A tab whose app is `python -c CODE`, its websocket nowhere."""

    async def nowhere(_: object) -> None:
        """This app never starts a terminal, so nothing is sent."""

    async def close() -> None:
        """The tab's websocket is closed when the app ends."""

    return TabApp(
        f"exec {shlex.join([sys.executable, '-c', code])}",
        write_bytes=nowhere,
        write_str=nowhere,
        close=close,
        download_manager=DownloadManager(),
    )


async def test_an_app_that_ends_after_its_terminal_closed_is_waited_for() -> None:
    """textual-serve stopped at the end of stdout: the process, still exiting, was never
    reaped, and its stdin transport warned when collected (a later test failed on it)."""
    app = _tab_app("import os, time\nos.close(1)\ntime.sleep(0.5)\n")
    process = await app._open_app_process()
    await app.run()
    assert process.returncode == 0
    assert process.stdin is not None and process.stdin.is_closing()


async def test_an_app_whose_output_ended_before_the_relay_began_is_waited_for(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The relay (`run`) began after the app had already ended (a tab's app that fails at
    once, on a loaded machine): textual-serve's run read the end of its output without once
    yielding, cancelled its stderr reader before it had started and raised CancelledError,
    so the process went unreaped and its last words unsaid (tests/web failed so, one run at
    load 25). Here the app has ended, its pipes closed, before `run` is called."""
    app = _tab_app(f"import os, sys\nsys.stderr.write({LAST_WORDS!r})\nos.close(1)\n")
    process = await app._open_app_process()
    await process.wait()  # returns once the process and every pipe of it have ended
    await app.run()
    assert process.returncode == 0
    assert process.stdin is not None and process.stdin.is_closing()
    assert capsys.readouterr().out.rstrip().endswith(LAST_WORDS)


async def test_an_app_that_lingers_after_its_terminal_closed_is_killed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("quiz.serve.tabapp.PROCESS_END_SECONDS", 0.2)
    app = _tab_app("import os, time\nos.close(1)\ntime.sleep(600)\n")
    process = await app._open_app_process()
    await app.run()
    assert process.returncode == -signal.SIGKILL
    assert process.stdin is not None and process.stdin.is_closing()


async def test_an_app_whose_reaping_was_cancelled_is_ended_at_the_servers_end() -> None:
    """The server's shutdown cancelled a closing tab's wait for its app (a CI run): the
    process ran on and its transport was left to the collector, which closed it after the
    event loop had closed and printed asyncio's traceback. `end_now` (the server's last step
    before its loop closes) kills it, reaps it and closes its transport."""
    app = _tab_app(
        "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\ntime.sleep(600)\n"
    )
    process = await app._open_app_process()
    waiting = asyncio.create_task(app._reap())
    await asyncio.sleep(0)  # the wait has begun
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert process.returncode is None  # the cancelled wait left it running
    await app.end_now()
    assert process.returncode == -signal.SIGKILL
    assert process._transport.is_closing()
