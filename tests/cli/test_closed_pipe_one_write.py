"""A reader that closes the pipe while one large write is under way: Python's buffered
writer gave back the part the pipe took and its callers dropped the rest, so `drillbit
list | head -1` (the table is one write) ended 0 instead of 141, and `drillbit export
progress - | ...` said "wrote progress to standard output" (exit 0) of a backup its
reader had cut short. Each write to a pipe is now made whole (`quiz.cli.pipe`)."""

from __future__ import annotations

import fcntl
import os
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.cli.pipe import CLOSED_PIPE_EXIT_CODE
from quiz.store import Store
from tests.conftest import DRILLBIT_COMMAND, PROCESS_TIMEOUT_SECONDS

SMALL_PIPE_BYTES = 4096
"""The pipe's capacity: every output below is several times this, in one write."""


def _cut_short(args: tuple[str, ...], cwd: Path) -> tuple[bytes, int, bytes]:
    """`drillbit ARGS | head -c 1`: the first byte read, then the pipe closed; what was
    read, the exit status and stderr."""
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, SMALL_PIPE_BYTES)
    with subprocess.Popen(
        [*DRILLBIT_COMMAND, *args],
        stdout=write_end,
        stderr=subprocess.PIPE,
        cwd=cwd,
        env=dict(os.environ),
    ) as command:
        os.close(write_end)
        first = os.read(read_end, 1)
        os.close(read_end)
        _, stderr = command.communicate(timeout=PROCESS_TIMEOUT_SECONDS)
    return first, command.returncode, stderr


@pytest.mark.parametrize("command", [("list",), ("list", "--json"), ("schema",)])
def test_a_listing_in_one_write_ends_as_every_cut_short_output(
    tmp_path: Path, _isolated_home: Path, command: tuple[str, ...]
) -> None:
    whole = subprocess.run(
        [*DRILLBIT_COMMAND, *command],
        capture_output=True,
        cwd=tmp_path,
        env=dict(os.environ),
        timeout=PROCESS_TIMEOUT_SECONDS,
        check=True,
    )
    assert len(whole.stdout) > 3 * SMALL_PIPE_BYTES, "more than the pipe and a read hold"
    first, status, stderr = _cut_short(command, tmp_path)
    assert first == whole.stdout[:1]
    assert stderr == b""  # no traceback, no "Broken pipe"
    assert status == CLOSED_PIPE_EXIT_CODE


def test_a_backup_sent_to_a_reader_that_left_is_not_said_to_be_written(
    tmp_path: Path, _isolated_home: Path
) -> None:
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    with Store.open(_isolated_home / "drillbit.db") as store:  # about 30 KB of backup
        for number in range(300):
            seen_at = moment + timedelta(minutes=number)
            store.record_hint(card_id=f"drill-{number:03d}", number=1, seen_at=seen_at)
    first, status, stderr = _cut_short(("export", "progress", "-"), tmp_path)
    assert first == b"{"
    assert status == CLOSED_PIPE_EXIT_CODE
    assert b"wrote progress" not in stderr and b"Traceback" not in stderr
    assert [p.name for p in _isolated_home.iterdir() if p.name.startswith(".export-")] == []
