"""A progress backup given to `drillbit import` (meant for `import-progress`) said "no
questions found: expected headings like '## Q1: title'...", nothing of what the file is
or of the command that reads it."""

from __future__ import annotations

import gzip
import shlex
from pathlib import Path

import pytest

from tests.conftest import RunDrillbit


@pytest.mark.parametrize("name", ["my backup.json", "backup.json.gz"])
def test_a_progress_backup_is_named_and_import_progress_said(
    tmp_path: Path, drillbit: RunDrillbit, name: str
) -> None:
    exported = tmp_path / "exported.json"
    assert drillbit("export", "progress", str(exported)).returncode == 0
    backup = tmp_path / name
    data = exported.read_bytes()
    backup.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    content = tmp_path / "content"

    result = drillbit("import", str(backup), "--into", str(content))

    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr == (
        f"drillbit: import: {backup}: a drillbit progress backup (from `drillbit export "
        "progress`), which import does not read: `drillbit import-progress "
        f"{shlex.quote(str(backup))}` merges it into this machine's progress\n"
    )
    assert result.stdout == ""
    assert not content.exists()
