"""A process run in its own session, with what it prints read as it comes: for the tests that
wait for a line of `drillbit watch` on a pipe or on a terminal."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import threading
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import IO

from tests.conftest import PROCESS_TIMEOUT_SECONDS, REPO, command_at

WAIT_SECONDS = PROCESS_TIMEOUT_SECONDS
"""A ceiling for a test's wait on a drillbit process (a line it prints, its end): the wait
returns as soon as it comes, so this only stops a hang. It was 60 s, which a loaded CI box
can outlast with nothing wrong: a watch's first grading waits for the sandbox's worker to
start (numpy imported in it, as tests/sandbox's `WARM_WITHIN_SECONDS` waits for)."""

END_OF_OUTPUT_SECONDS = 30
"""A ceiling for the last of the output after the process has ended, not a timing: the
reader stops at end of file (a pipe) or EIO (a terminal) as soon as every writer is gone."""


class Printing:
    """`command` as a process in its own session (so that a signal sent to its group goes to
    it alone), its stdout and stderr on one pipe, or one terminal, read by a thread. With
    `keyboard` the terminal is its stdin too, and `press_keys` sends it keys."""

    def __init__(
        self,
        command: Sequence[str],
        *,
        terminal: bool = False,
        keyboard: bool = False,
        env: Mapping[str, str] | None = None,
        stdin: int | IO[bytes] = subprocess.DEVNULL,
        cwd: Path = REPO,
    ) -> None:
        self._fd, written = pty.openpty() if terminal or keyboard else os.pipe()
        self.process = subprocess.Popen(
            list(command),
            cwd=cwd,
            stdin=written if keyboard else stdin,
            stdout=written,
            stderr=written,
            start_new_session=True,
            env={**os.environ, **(env or {})},
        )
        os.close(written)
        self._chunks: list[bytes] = []
        self._ended = False
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        try:
            while True:
                try:
                    chunk = os.read(self._fd, 4096)
                except OSError:  # EIO: a terminal's other end closed with the process
                    return
                if not chunk:
                    return
                with self._changed:
                    self._chunks.append(chunk)
                    self._changed.notify_all()
        finally:
            with self._changed:
                self._ended = True
                self._changed.notify_all()

    def press_keys(self, keys: str) -> None:
        """Send `keys` as typed on the terminal (made with `keyboard`)."""
        os.write(self._fd, keys.encode())

    def printed(self) -> str:
        """Everything read so far, with a terminal's line ends as a pipe's."""
        with self._changed:
            return self._text_locked()

    def wait_for(self, text: str, timeout: float = WAIT_SECONDS) -> None:
        """Until `text` is printed; fails as soon as the output has ended without it.

        The end is the reader's end of file, not the process's exit: a process that printed
        `text` and exited had often not had it read yet, and the check made at its exit
        failed (the drain race of the watch tests)."""
        with self._changed:
            done = self._changed.wait_for(
                lambda: self._ended or text in self._text_locked(), timeout
            )
        late = "" if done else f"\n(the process still runs: waited {timeout:.0f} s)"
        assert text in self.printed(), f"{text!r} never appeared in: {self.printed()}{late}"

    def _text_locked(self) -> str:
        return b"".join(self._chunks).decode(errors="replace").replace("\r\n", "\n")

    def kill(self) -> None:
        """Kill it if it still runs, so that it is not left running into the next test."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def close(self) -> None:
        """After the process has ended: the rest of its output, then the descriptor."""
        self._reader.join(END_OF_OUTPUT_SECONDS)
        os.close(self._fd)


def printed_on_a_terminal(
    *args: str,
    columns: int = 80,
    exit_code: int = 0,
    ceiling: float = WAIT_SECONDS,
    now: datetime | None = None,
) -> list[str]:
    """The lines `drillbit ARGS` prints (stdout and stderr) on a terminal `columns` wide, once
    it has ended with `exit_code`; `ceiling` bounds the wait, it is not a timing. With
    `now`, the command's clock is fixed at it."""
    drillbit = [sys.executable, "-m", "quiz"] if now is None else command_at(now)
    shown = Printing([*drillbit, *args], terminal=True, env={"COLUMNS": str(columns)})
    try:
        assert shown.process.wait(timeout=ceiling) == exit_code
    finally:
        shown.kill()
        shown.close()
    lines = shown.printed().split("\n")  # not splitlines: it would end a line at each "\r"
    if lines[-1] == "":
        lines.pop()
    return [as_shown(line) for line in lines]


def as_shown(line: str) -> str:
    """`line` as a terminal leaves it: each carriage return starts writing over the line from
    its first column (a progress line rewritten, then erased with spaces, leaves nothing)."""
    if "\r" not in line:
        return line
    shown = ""
    for part in line.split("\r"):
        shown = part + shown[len(part) :]
    return shown.rstrip()
