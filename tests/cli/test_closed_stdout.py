"""`drillbit` started with its standard output closed (`drillbit list >&-`) says so and exits 1
before it does anything.

Python then has no `sys.stdout` (None), and every command ended in "AttributeError:
'NoneType' object has no attribute 'isatty'" at its first look at the terminal's width,
some (`config KEY VALUE`) after saving, some before.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from quiz.cli import CLOSED_STDOUT
from tests.conftest import DRILLBIT_COMMAND, PROCESS_TIMEOUT_SECONDS


@pytest.mark.parametrize(
    "command", [("list",), ("stats",), ("show", "sigmoid"), ("config", "new_per_day", "7")]
)
def test_a_closed_standard_output_is_one_line_and_nothing_done(
    tmp_path: Path, _isolated_home: Path, command: tuple[str, ...]
) -> None:
    closed = subprocess.run(
        ["sh", "-c", 'exec "$@" >&-', "sh", *DRILLBIT_COMMAND, *command],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=dict(os.environ),
        timeout=PROCESS_TIMEOUT_SECONDS,
        check=False,
    )
    assert closed.returncode == 1, closed.stderr
    assert closed.stderr == f"drillbit: {CLOSED_STDOUT}\n"
    assert not (_isolated_home / "config.toml").exists()  # nothing saved
