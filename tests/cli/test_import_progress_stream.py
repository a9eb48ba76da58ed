"""`import-progress` given `-` or a pipe says to save the backup to a file first.

`-` was click's "File '-' does not exist." (while `export progress -` now writes standard
output), and `drillbit export progress - | drillbit import-progress /dev/stdin` "a FIFO
(named pipe), not a regular file", with no way on. Nothing is imported either way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import drillbit_streams

SAVE_FIRST = (
    "a progress backup is read from a file: save it to one first (`ssh HOST drillbit export "
    "progress - > backup.json`) and give its name\n"
)


@pytest.mark.parametrize(
    ("given", "named"), [("-", "'-' is standard input"), ("/dev/stdin", "/dev/stdin is a pipe")]
)
def test_a_backup_piped_in_is_refused_with_how_to_save_it(
    tmp_path: Path, _isolated_home: Path, given: str, named: str
) -> None:
    backup = '{"format": "drillbit-progress", "version": 4, "exported_at": "2026-06-01T10:00:00+00:00", "settings": {"new_per_day": 7}}'
    done = drillbit_streams("import-progress", given, typed=backup, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == f"drillbit: import-progress: {named}, and {SAVE_FIRST}"
    assert not (_isolated_home / "config.toml").exists()  # nothing taken from it
    assert not (_isolated_home / "drillbit.db").exists()


def test_a_backup_redirected_from_a_file_is_still_imported(
    tmp_path: Path, _isolated_home: Path
) -> None:
    backup = tmp_path / "backup.json"
    backup.write_text(
        '{"format": "drillbit-progress", "version": 4, "exported_at": "2026-06-01T10:00:00+00:00", "settings": {"new_per_day": 7}}'
    )
    with backup.open() as given:
        done = drillbit_streams("import-progress", "/dev/stdin", stdin=given, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "new_per_day = 7" in (_isolated_home / "config.toml").read_text()
