"""Each export's errors are titled by its command line, `export anki` or `export progress`,
as `import-progress`'s are by its: `export progress` said "drillbit: export: ..." beside
`export anki`'s "drillbit: export anki: ..."."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunDrillbit


@pytest.mark.parametrize(
    ("kind", "name", "exit_code"),
    [
        ("anki", "deck.txt", 2),
        ("progress", "backup.txt", 2),
        ("anki", "missing/deck.apkg", 1),
        ("progress", "missing/backup.json", 1),
    ],
)
def test_an_export_error_names_the_export_that_refused(
    drillbit: RunDrillbit, tmp_path: Path, kind: str, name: str, exit_code: int
) -> None:
    result = drillbit("export", kind, name, cwd=tmp_path)
    assert result.returncode == exit_code, result.stderr
    (line,) = result.stderr.splitlines()[:1]
    assert line.startswith(f"drillbit: export {kind}: ") and name in line, line
    assert list(tmp_path.iterdir()) == []
