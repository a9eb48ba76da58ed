"""The watcher grades once per settled save, including saves by rename."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from quiz.textsafe import file_signature
from quiz.watch import Stop, ctrl_c_stops, watch_file
from tests.conftest import RunDrillbit


class _Looks:
    """The watcher's stop flag, which counts its looks (each `wait` is one): a test lets it
    look again a number of times before checking that it reported nothing more. A 0.2 s
    sleep did that on an idle machine, and gave a watcher stalled on a loaded one no look
    at all, so a second report would have passed unseen."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._looks = 0
        self._looked = threading.Condition()

    def wait(self, timeout: float) -> bool:
        with self._looked:
            self._looks += 1
            self._looked.notify_all()
        return self._stop.wait(timeout)

    def is_set(self) -> bool:
        return self._stop.is_set()

    def set(self) -> None:
        self._stop.set()

    def look_again(self, count: int = 10, ceiling: float = 60.0) -> None:
        """Until the watcher has looked `count` more times (10: the 0.2 s of 20 ms polls
        the sleep gave it); `ceiling` bounds a stuck watcher, it is no timing."""
        with self._looked:
            start = self._looks
            assert self._looked.wait_for(lambda: self._looks >= start + count, ceiling), (
                f"the watcher looked {self._looks - start} times in {ceiling:.0f} s, not {count}"
            )


def _start(path: Path, settle: float = 0.05) -> tuple[list[str], _Looks, threading.Thread]:
    seen: list[str] = []
    stop = _Looks()
    graded = file_signature(path)  # the text the caller graded: a later save is new however
    thread = threading.Thread(  # late the thread starts on a busy machine
        target=watch_file,
        args=(path, seen.append, stop),
        kwargs={"poll_seconds": 0.02, "settle_seconds": settle, "graded": graded},
    )
    thread.start()
    return seen, stop, thread


def _save(path: Path, text: str, encoding: str = "utf-8") -> None:
    """A save the watcher sees whole: written beside the file, then renamed over it. Written
    in place (`write_text` truncates, then writes), a test thread stalled between the two for
    longer than the 50 ms settle left an empty file settled, graded as the save ("" in
    `seen`, once at a load average of 24)."""
    beside = path.with_name(f".{path.name}.saving")
    beside.write_text(text, encoding=encoding)
    os.replace(beside, path)


def _wait_for(seen: list[str], count: int, timeout: float = 60.0) -> None:
    """Until `seen` has `count` texts; `timeout` is a ceiling, not a timing (it was 5 s, which
    a watcher thread stalled on a busy machine could outlast)."""
    deadline = time.monotonic() + timeout
    while len(seen) < count and time.monotonic() < deadline:
        time.sleep(0.01)


def test_each_save_is_reported_once_with_the_new_text(tmp_path: Path) -> None:
    path = tmp_path / "answer.py"
    path.write_text("v1")
    seen, stop, thread = _start(path)
    try:
        time.sleep(0.1)
        _save(path, "v2")
        _wait_for(seen, 1)
        stop.look_again()  # a second report of the save would come within these looks
        assert seen == ["v2"]
        _save(path, "v3")
        _wait_for(seen, 2)
        assert seen == ["v2", "v3"]
    finally:
        stop.set()
        thread.join(60)  # a ceiling: the watcher notices `stop` within a poll, unless starved
    assert not thread.is_alive()


def test_a_save_by_rename_is_noticed(tmp_path: Path) -> None:
    path = tmp_path / "answer.py"
    path.write_text("old")
    seen, stop, thread = _start(path)
    try:
        time.sleep(0.1)
        temp = tmp_path / ".answer.py.swp"
        temp.write_text("new")
        path.unlink()
        time.sleep(0.03)  # the editor's gap between unlink and rename
        os.replace(temp, path)
        _wait_for(seen, 1)
        stop.look_again()  # a second report of the save would come within these looks
        assert seen == ["new"]
    finally:
        stop.set()
        thread.join(60)  # a ceiling: the watcher notices `stop` within a poll, unless starved


class _BurstDuringWaits:
    """A stop flag whose every wait is a pause in which the editor writes once more, until
    the burst is over; it stops the loop at the first grading. The writes land between the
    watcher's looks whatever the machine's load (a burst timed by sleeps against a 0.5 s
    settle could be graded midway if the test thread stalled for half a second)."""

    def __init__(self, path: Path, burst: list[str]) -> None:
        self.path = path
        self.burst = burst
        self.written = 0
        self.stopped = False

    def wait(self, timeout: float) -> bool:
        if not self.stopped and self.written < len(self.burst):
            self.path.write_text(self.burst[self.written])
            self.written += 1
        return self.stopped

    def is_set(self) -> bool:
        return self.stopped


def test_a_burst_of_writes_grades_once(tmp_path: Path) -> None:
    path = tmp_path / "answer.py"
    path.write_text("start")
    burst = [f"burst {i}" + " " * i for i in range(5)]  # each one another size
    stop = _BurstDuringWaits(path, burst)
    seen: list[str] = []

    def on_change(text: str) -> None:
        seen.append(text)
        stop.stopped = True

    watch_file(path, on_change, stop, graded=file_signature(path))
    assert seen == ["burst 4    "] and stop.written == len(burst)


class _AtMost:
    """`inner` as the watcher's stop flag, set as well after `most` looks: a watcher that
    misses a save, or does not stop, fails the test instead of hanging it (a missed save
    hung the Ctrl-C test), and after a count of looks, not after a 30 s timer, which a
    watcher starved that long would have outlasted with nothing wrong."""

    def __init__(self, inner: Stop, most: int = 100) -> None:
        self.inner = inner
        self.most = most
        self.looks = 0

    def wait(self, timeout: float) -> bool:
        self.looks += 1
        return self.inner.wait(timeout) or self.looks >= self.most

    def is_set(self) -> bool:
        return self.inner.is_set() or self.looks >= self.most


def test_a_save_before_the_watcher_starts_is_still_graded(tmp_path: Path) -> None:
    # `drillbit watch` grades the file, then starts watching: a save in between counts
    path = tmp_path / "answer.py"
    path.write_text("starter")
    graded = file_signature(path)
    path.write_text("the answer")  # saved while the first grading was still running
    seen: list[str] = []
    reported = threading.Event()
    stop = _AtMost(reported)  # a missed save fails the test, never hangs it

    def on_change(text: str) -> None:
        seen.append(text)
        reported.set()

    watch_file(path, on_change, stop, poll_seconds=0.01, settle_seconds=0.01, graded=graded)
    assert seen == ["the answer"] and stop.looks < stop.most


def test_the_first_ctrl_c_is_a_flag_and_the_second_interrupts(
    capfd: pytest.CaptureFixture[str],
) -> None:
    before = signal.getsignal(signal.SIGINT)
    with ctrl_c_stops() as ctrl_c:
        assert not ctrl_c.is_set() and not ctrl_c.wait(0.01)
        ctrl_c.grading = True
        os.kill(os.getpid(), signal.SIGINT)  # the handler runs before the next line
        assert ctrl_c.is_set() and ctrl_c.wait(0.01)
        assert "Stopping when this grading ends" in capfd.readouterr().err
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)  # the second press cuts the sleep short
    assert signal.getsignal(signal.SIGINT) is before, "the previous handler is back"


def test_a_ctrl_c_during_a_grading_lets_it_finish_then_the_loop_stops(tmp_path: Path) -> None:
    """The grading is not cut by the press (Python would raise KeyboardInterrupt in it,
    wherever it was); the loop ends right after it, without another poll's grading."""
    path = tmp_path / "answer.py"
    path.write_text("v1")
    graded: list[str] = []

    def grade(text: str) -> None:
        os.kill(os.getpid(), signal.SIGINT)  # pressed while this grading runs
        time.sleep(0.05)
        graded.append(text)
        path.write_text(text + "+")  # a save the loop must not grade: it was asked to stop

    with ctrl_c_stops() as ctrl_c:
        graded_before = file_signature(path)
        path.write_text("version 2")  # another size: the same mtime tick would hide "v2"
        stop = _AtMost(ctrl_c)  # a missed save fails the test, never hangs it
        watch_file(path, grade, stop, poll_seconds=0.01, settle_seconds=0.01, graded=graded_before)
    assert graded == ["version 2"] and ctrl_c.pressed and stop.looks < stop.most


def test_a_save_with_a_byte_order_mark_is_reported_without_it(tmp_path: Path) -> None:
    """Editors that save "UTF-8 with BOM": the text is read as Python reads a file."""
    path = tmp_path / "answer.py"
    path.write_text("v1")
    seen, stop, thread = _start(path)
    try:
        time.sleep(0.1)
        _save(path, "def f():\n    return 1\n", encoding="utf-8-sig")
        _wait_for(seen, 1)
        assert seen == ["def f():\n    return 1\n"]
    finally:
        stop.set()
        thread.join(60)  # a ceiling: the watcher notices `stop` within a poll, unless starved


class _Stopped(Exception):
    """Raised by the fake watch loop: the command under test has set itself up."""


def _watch_command_once(
    drillbit: RunDrillbit,
    file: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: tuple[str, ...] = ("watch", "sigmoid", "FILE"),
) -> tuple[list[str], int, str]:
    """`drillbit watch sigmoid FILE` (or `command`, FILE in it replaced) up to its watch loop:
    the texts it graded first, how many times it entered the loop, and what it printed.
    Grading is faked (no sandbox)."""
    import quiz.drill_grading
    import quiz.watch

    graded: list[str] = []
    loops: list[Path] = []

    def fake_grade(drill: object, text: str, **_: object) -> object:
        graded.append(text)
        raise KeyboardInterrupt  # the command's second Ctrl-C: it stops at once

    def fake_loop(path: Path, *_: object, **__: object) -> None:
        loops.append(path)

    monkeypatch.setattr(quiz.drill_grading, "grade_source", fake_grade)
    monkeypatch.setattr(quiz.watch, "watch_file", fake_loop)
    result = drillbit(*[str(file) if word == "FILE" else word for word in command])
    assert result.returncode == 0, result.stderr
    return graded, len(loops), result.stdout


def test_watch_on_a_new_file_waits_for_its_first_save(
    drillbit: RunDrillbit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The starter code watch writes was graded at once: an untouched starter logged as a
    try and `drillbit drills` said "failed, 1 try" before a line was written."""
    file = tmp_path / "sigmoid.py"
    graded, loops, stdout = _watch_command_once(drillbit, file, monkeypatch)
    assert graded == [] and loops == 1
    assert "NotImplementedError" in file.read_text(encoding="utf-8")  # the starter
    assert f"Wrote the starter code of 'sigmoid' to {file}." in stdout
    assert f"Watching {file}: save it to grade 'sigmoid'. Ctrl-C stops." in stdout


def test_watch_on_an_existing_file_grades_it_at_once(
    drillbit: RunDrillbit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "sigmoid.py"
    file.write_text("import numpy as np\n", encoding="utf-8")
    graded, loops, stdout = _watch_command_once(drillbit, file, monkeypatch)
    assert graded == ["import numpy as np\n"] and loops == 0  # interrupted in that grading
    assert "Wrote the starter" not in stdout
    assert f"Watching {file}: save it to grade 'sigmoid'. Ctrl-C stops." in stdout


def test_drill_with_watch_is_the_watch_command(
    drillbit: RunDrillbit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The spec's `drillbit drill ID --watch FILE`: it had no `--watch` (a usage error)."""
    file = tmp_path / "sigmoid.py"
    command = ("drill", "sigmoid", "--watch", "FILE")
    graded, loops, stdout = _watch_command_once(drillbit, file, monkeypatch, command)
    assert graded == [] and loops == 1
    assert "NotImplementedError" in file.read_text(encoding="utf-8")  # the starter
    assert f"Watching {file}: save it to grade 'sigmoid'. Ctrl-C stops." in stdout
    file.write_text("import numpy as np\n", encoding="utf-8")
    graded, loops, stdout = _watch_command_once(drillbit, file, monkeypatch, command)
    assert graded == ["import numpy as np\n"] and loops == 0


def test_drill_with_watch_and_no_id_watches_the_first_drill_not_passed(
    drillbit: RunDrillbit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = drillbit("drills", "--json")
    assert first.returncode == 0, first.stderr
    drill_id = json.loads(first.stdout)["drills"][0]["id"]
    file = tmp_path / "answer.py"
    _, loops, stdout = _watch_command_once(
        drillbit, file, monkeypatch, ("drill", "--watch", "FILE")
    )
    assert loops == 1
    assert f"Watching {file}: save it to grade '{drill_id}'. Ctrl-C stops." in stdout


def test_drill_with_watch_names_an_unknown_drill_as_a_usage_error(
    drillbit: RunDrillbit, tmp_path: Path
) -> None:
    file = tmp_path / "answer.py"
    result = drillbit("drill", "no-such-drill", "--watch", str(file))
    assert result.returncode == 2 and not file.exists()
