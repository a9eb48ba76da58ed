"""`drillbit watch` on a save it cannot grade: said once, and the watch goes on.

After the first grading, every save was read whole with `read_text`: 50 MiB were graded
(and became the draft the drill opens on), a FIFO renamed over the file blocked the watch
forever, and a save in Latin-1 or UTF-16 was passed over without a word."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.drill_source import SOURCE_LIMIT
from quiz.errors import InputFileError
from quiz.textsafe import file_signature
from quiz.watch import watch_file


def _over_the_limit(path: Path) -> None:
    path.write_bytes(b"# a line of 16.\n" * (SOURCE_LIMIT // 8))


def _latin_1(path: Path) -> None:
    path.write_bytes("# caf\xe9\n".encode("latin-1"))


def _fifo(path: Path) -> None:
    os.mkfifo(path)


@pytest.mark.parametrize(
    ("write", "said"),
    [
        (_over_the_limit, "128 KiB, over the limit of 64 KiB"),
        (_latin_1, ":1: not UTF-8 text (byte 0xE9 at column 6"),
        (_fifo, ": a FIFO (named pipe), not a regular file"),
    ],
)
def test_a_save_that_cannot_be_graded_is_said_and_the_watch_goes_on(
    tmp_path: Path, write: Callable[[Path], None], said: str
) -> None:
    path = tmp_path / "answer.py"
    path.write_text("v1")
    seen: list[str] = []
    refused: list[str] = []
    stop = threading.Event()

    def on_unreadable(exc: InputFileError) -> None:
        refused.append(exc.message)

    thread = threading.Thread(  # a daemon: a watch blocked on a FIFO must not keep pytest
        target=watch_file,
        args=(path, seen.append, stop),
        kwargs={
            "poll_seconds": 0.02,
            "settle_seconds": 0.05,
            "graded": file_signature(path),
            "on_unreadable": on_unreadable,
        },
        daemon=True,
    )
    thread.start()
    try:
        beside = tmp_path / ".answer.py.saving"  # saved whole: written beside, renamed over
        write(beside)
        os.replace(beside, path)
        _wait_until(lambda: bool(refused))
        assert len(refused) == 1 and refused[0].startswith(f"{path}")
        assert said in refused[0]
        beside.write_text("v2")
        os.replace(beside, path)
        _wait_until(lambda: bool(seen))
        assert seen == ["v2"] and len(refused) == 1
    finally:
        stop.set()
        thread.join(60)


def _wait_until(done: Callable[[], bool], ceiling: float = 60.0) -> None:
    """Until `done()`; `ceiling` bounds a broken watch, it is no timing."""
    deadline = time.monotonic() + ceiling
    while not done() and time.monotonic() < deadline:
        time.sleep(0.01)
