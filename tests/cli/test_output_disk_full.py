"""An output that cannot be written (`drillbit cards --json > out.json` on a full disk) is
one line on stderr and exit 1 (`quiz.cli.pipe.output_lost`): every command ended in
OSError's traceback ("No space left on device") at its first write.

/dev/full answers every write as a full disk does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import drillbit_streams


@pytest.mark.parametrize(
    "command", [("list",), ("cards", "--json"), ("stats", "--json"), ("plan",)]
)
def test_a_full_disk_under_the_output_is_one_line(
    tmp_path: Path, _isolated_home: Path, command: tuple[str, ...]
) -> None:
    with open("/dev/full", "w") as full:
        done = drillbit_streams(*command, stdout=full, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == (
        "drillbit: cannot write the output (No space left on device): what was written of it "
        "is incomplete\n"
    )
