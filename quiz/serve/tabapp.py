"""A tab's app process, whose stderr the server keeps only the end of.

textual-serve reads the app's stderr into an unbounded buffer for the whole life of the
tab and prints it to the console when the app ends: an app that wrote a lot there (a
crash in a loop, a flood of warnings) grew the server's memory by every byte, 200 MB
for 200 MB, and then printed all of it. Here the server keeps the last
`STDERR_KEPT_BYTES` (where a traceback's last lines, the ones that say what failed, are)
and says how many came before them.

textual-serve also stops relaying at the end of the app's stdout without waiting for the
process: an app that closed its terminal and then hung in its exit ran on, unkilled, until
the server ended, and the tab's stdin pipe stayed open until the process object was
collected, when asyncio warned of the unclosed transport (asyncio's child watcher reaps
the process itself, so no zombie is left either way). Here the process is waited for,
killed if it outlives `PROCESS_END_SECONDS`, and its stdin closed.

The app runs on drillbit's driver (`quiz.serve.driver`), which quits it when the server is
gone (a `kill -9` left every tab's app running until ended by hand).
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from asyncio.subprocess import Process
from typing import Any

from textual_serve.app_service import AppService

__all__ = [
    "PROCESS_END_SECONDS",
    "STDERR_KEPT_BYTES",
    "STDERR_READ_BYTES",
    "OutputTail",
    "TabApp",
    "end_within",
]

STDERR_KEPT_BYTES = 64 * 1024
"""How much of an app's stderr the console shows when the app ends: its last bytes."""
STDERR_READ_BYTES = 4096
"""One read from the app's stderr pipe."""
STDERR_END_SECONDS = 1.0
"""How long the app's stderr may stay open once its terminal has closed (a process it
started may hold it): its tail is said without waiting longer."""
PROCESS_END_SECONDS = 5.0
"""How long the app may take to exit once its terminal has closed before it is killed."""


class OutputTail:
    """The last `limit` bytes written to a stream, and how many came before them."""

    def __init__(self, limit: int = STDERR_KEPT_BYTES) -> None:
        self.limit = limit
        self.kept = bytearray()
        self.left_out = 0
        """Bytes written before the kept ones."""

    def write(self, data: bytes) -> None:
        """Keep `data`, dropping the oldest bytes beyond `limit`."""
        self.kept += data
        excess = len(self.kept) - self.limit
        if excess > 0:
            del self.kept[:excess]
            self.left_out += excess

    def text(self) -> str:
        """The kept bytes as text, after a line that counts the left-out ones (if any)."""
        text = self.kept.decode("utf-8", "replace")
        if not self.left_out:
            return text
        return (
            f"[the app's stderr: {self.left_out} bytes before its last {len(self.kept)} "
            "are left out]\n" + text
        )


async def end_within(process: Process, seconds: float) -> None:
    """Wait up to `seconds` for `process` to end, then kill it, and reap it either way. It may
    end between the timeout and the kill: asyncio then raises ProcessLookupError, ignored (a
    CI run's server logged that traceback at a tab's close)."""
    try:
        await asyncio.wait_for(process.wait(), seconds)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        await process.wait()


class TabApp(AppService):
    """textual-serve's app process for one tab, its stderr read into an `OutputTail`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stderr_tail = OutputTail()
        self._stderr_reader: asyncio.Task[None] | None = None

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        """textual-serve's environment for the app, its driver drillbit's (`DRIVER`): the app
        quits when the server's end of its stdin closes."""
        from quiz.serve.driver import DRIVER  # a string: the app imports the driver, not this

        environment = super()._build_environment(width, height)
        environment["TEXTUAL_DRIVER"] = DRIVER
        return environment

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        """The app process, its stderr read here: textual-serve's own reader is handed an
        empty stream, so it keeps nothing."""
        process = await super()._open_app_process(width, height)
        stderr = process.stderr
        if stderr is not None:
            empty = asyncio.StreamReader()
            empty.feed_eof()
            process.stderr = empty
            self._stderr_reader = asyncio.create_task(self._read_stderr(stderr))
        return process

    async def _read_stderr(self, stderr: asyncio.StreamReader) -> None:
        """Drain the app's stderr to its end (a full pipe would block the app), keeping its tail."""
        while data := await stderr.read(STDERR_READ_BYTES):
            self.stderr_tail.write(data)

    async def run(self) -> None:
        """Relay the app as textual-serve does; once it ends, say its stderr's tail."""
        try:
            await super().run()
        except asyncio.CancelledError:
            # textual-serve's run cancels its stderr reader as it ends: one not started yet
            # (the app's output had ended before the relay began, so the relay never
            # yielded) raises here. Only a cancellation of this task itself goes on up.
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise
        await self._reap()
        if self._stderr_reader is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(self._stderr_reader), STDERR_END_SECONDS)
            self._stderr_reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._stderr_reader
        if text := self.stderr_tail.text():
            sys.stdout.write(text)  # where textual-serve said the app's stderr
        # textual-serve closes the tab only when the app says it exits: one that failed
        # before (no prelude, a crash at import) left the page on its splash for good
        await self.remote_close()

    def failure(self) -> str | None:
        """What the app said as it failed (`close_reason`: its last stderr line) once it has
        ended with an exit code other than 0; None while it runs or after a good end. Said
        in the tab's close frame: the page showed its splash for good, or "Session ended.",
        and the reason was only in the server's console."""
        process = self._process
        if process is None or process.returncode is None or process.returncode == 0:
            return None
        from quiz.serve.page import close_reason

        return close_reason(self.stderr_tail.kept.decode("utf-8", "replace"), process.returncode)

    async def end_now(self) -> None:
        """At the server's end, for an app whose tab did not finish closing (its handler
        was cancelled while it waited for the process): kill it, reap it and close its
        transport while the event loop still runs. Left to the garbage collector, the
        transport closed itself after the loop had and printed a traceback to the console
        ("Event loop is closed"), and the process outlived the server."""
        process = self._process
        if process is None:
            return
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(process.wait(), PROCESS_END_SECONDS)
        transport = getattr(process, "_transport", None)  # asyncio keeps it here
        if transport is not None:
            transport.close()

    async def _reap(self) -> None:
        """Wait for the app's process to end (kill it if it lingers) and close its stdin."""
        process = self._process
        if process is None:
            return
        await end_within(process, PROCESS_END_SECONDS)
        if process.stdin is not None:
            process.stdin.close()
