"""Two drillbits saving settings at once keep both keys: config.toml has one writer at a time.

Each save reads config.toml, edits it and replaces it. Six `drillbit config KEY VALUE` run at
once into one home lost a key in one run of three (each said "saved"), and another failed
with "settings: cannot save .../config.toml: No such file or directory": both had written
the one temporary file, `config.toml.tmp`, and the other had already moved it. The save now
holds the settings folder's lock from its read to its replace.

The test makes the losing order happen every time: the settings screen's save (`save_key`,
in a thread) has read the file and waits, while `drillbit config` saves another key; then
the screen's save goes on. Before the lock the screen wrote back the file it had read, and
the command's key was gone.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomlkit

from quiz.settings import read_settings_file, save_key
from tests.conftest import RunDrillbit

WAIT_SECONDS = 2.0
"""How long the paused save waits for the command before it goes on by itself: the command
cannot finish while the save holds the lock, so this only bounds the wait; it is no timing."""


def test_a_save_while_another_drillbit_saves_keeps_both_keys(
    _isolated_home: Path,
    drillbit: RunDrillbit,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    has_read = threading.Event()
    command_done = threading.Event()
    parse: Callable[..., Any] = tomlkit.parse

    def parse_then_wait(text: str) -> Any:
        parsed = parse(text)
        if threading.current_thread().name == "settings screen" and not has_read.is_set():
            has_read.set()  # the screen's save has read config.toml...
            command_done.wait(WAIT_SECONDS)  # ...and the command saves meanwhile
        return parsed

    monkeypatch.setattr(tomlkit, "parse", parse_then_wait)
    failed: list[BaseException] = []

    def screen_saves() -> None:
        try:
            save_key("mock_questions", 12)
        except BaseException as exc:  # shown by the assertion below, not lost in the thread
            failed.append(exc)

    screen = threading.Thread(target=screen_saves, name="settings screen")
    screen.start()
    assert has_read.wait(WAIT_SECONDS * 10)
    try:
        command = drillbit("config", "new_per_day", "7", cwd=tmp_path)
    finally:
        command_done.set()
        screen.join(WAIT_SECONDS * 10)
    assert not screen.is_alive() and not failed, failed
    assert command.returncode == 0, command.stderr
    assert "new_per_day = 7  (saved to " in command.stdout

    saved = read_settings_file(_isolated_home / "config.toml")
    assert saved.data == {"mock_questions": 12, "new_per_day": 7}
    listed = drillbit("config", cwd=tmp_path)
    # its row, not a bare "12", which the listing's paths (pytest-5312, home12) also hold
    assert re.search(r"^mock_questions += 12  \(changed\)$", listed.stdout, re.M), listed.stdout
    assert not list(_isolated_home.glob("*.tmp")), "a temporary file was left behind"


def test_a_save_leaves_no_lock_file_beside_the_settings(
    _isolated_home: Path, drillbit: RunDrillbit, tmp_path: Path
) -> None:
    assert drillbit("config", "new_per_day", "7", cwd=tmp_path).returncode == 0
    beside = sorted(p.name for p in _isolated_home.iterdir() if p.name.startswith("config"))
    assert beside == ["config.toml"]
