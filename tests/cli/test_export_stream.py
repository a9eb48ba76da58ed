"""`export progress` to standard output or a device is written as asked
(`quiz.cli.export_stream`), never refused with ".json" put after `/dev/stdout`.

`drillbit export progress /dev/stdout` said "the name must end in .json or .json.gz ...
(did you mean /dev/stdout.json?)". A FIFO is still refused as before
(tests/ecosystem/test_export_targets.py): one nothing reads would wait forever.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from tests.conftest import RunDrillbit, drillbit_streams


def _backup(data: bytes) -> dict[str, object]:
    """The backup's JSON, which must be drillbit's, with the setting the test changed."""
    found: dict[str, object] = json.loads(data)
    assert found["format"] == "drillbit-progress"
    assert found["settings"] == {"new_per_day": 7}
    return found


def test_dash_is_standard_output_and_the_summary_goes_to_stderr(
    drillbit: RunDrillbit,
) -> None:
    assert drillbit("config", "new_per_day", "7").returncode == 0
    sent = drillbit("export", "progress", "-")
    assert sent.returncode == 0, sent.stderr
    _backup(sent.stdout.encode())  # stdout is the backup alone: no "wrote" line inside it
    assert sent.stderr.startswith("wrote progress to standard output: 0 card schedules")


def test_dev_stdout_sent_to_a_file_is_the_backup_and_nothing_is_made_beside_it(
    drillbit: RunDrillbit, tmp_path: Path, _isolated_home: Path
) -> None:
    assert drillbit("config", "new_per_day", "7").returncode == 0
    kept = tmp_path / "kept.json"
    with kept.open("wb") as out:
        done = drillbit_streams("export", "progress", "/dev/stdout", stdout=out)
    assert done.returncode == 0, done.stderr
    assert "did you mean" not in done.stderr
    _backup(kept.read_bytes())
    # the whole backup was made in the data folder first, and is gone from it
    assert not [p for p in _isolated_home.iterdir() if p.name.startswith(".export-")]


def test_a_device_that_cannot_take_it_is_one_line(drillbit: RunDrillbit) -> None:
    full = drillbit("export", "progress", "/dev/full")
    assert full.returncode == 1
    assert full.stderr == (
        "drillbit: export progress: cannot write /dev/full: No space left on device\n"
    )


def test_a_plain_name_without_the_ending_is_still_refused_with_the_right_one(
    drillbit: RunDrillbit, tmp_path: Path
) -> None:
    refused = drillbit("export", "progress", str(tmp_path / "backup"))
    assert refused.returncode == 2
    assert f"(did you mean {tmp_path / 'backup.json'}?)" in refused.stderr
    assert not (tmp_path / "backup").exists()


def test_an_anki_package_to_standard_output_is_the_package_alone(
    tmp_path: Path, _isolated_home: Path
) -> None:
    """`export anki /dev/stdout` was "did you mean /dev/stdout.apkg?" too."""
    kept = tmp_path / "deck.apkg"
    with kept.open("wb") as out:
        done = drillbit_streams("export", "anki", "/dev/stdout", stdout=out)
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("wrote an Anki package to /dev/stdout: ")
    with zipfile.ZipFile(kept) as package:  # the package alone: no summary line inside it
        assert "media" in package.namelist()
    assert not [p for p in _isolated_home.iterdir() if p.name.startswith(".export-")]
