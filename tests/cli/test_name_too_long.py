"""A path with a name too long for the system is one line naming it, never pathlib's traceback.

Python 3.11's `Path.exists()` and `is_dir()` answer False for a path that is not there, but
raise for a name over the file system's 255 bytes (ENAMETOOLONG): `drillbit grade sigmoid
<300 a's>.py`, `watch`, `lint`, a `--content` folder and DRILLBIT_CONTENT each ended in
"OSError: [Errno 36] File name too long" and a traceback. And `watch DRILL FILE` with FILE
under a regular file (`notes.txt/answer.py`) ended in NotADirectoryError's traceback where a
missing folder was already told.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import RunDrillbit

LONG = "a" * 300
"""A file name of 300 bytes: every Linux and macOS file system stops at 255."""

TOLD = f"drillbit: file name too long: '{'a' * 40}…' is 30"
"""How each error starts: the name shortened, then its length (300 bytes, 303 with `.py`)."""

OVER = "bytes, over the 255 a file name may have"


@pytest.mark.parametrize(
    "typed",
    [
        ("grade", "sigmoid", "{long}.py"),
        ("watch", "sigmoid", "{long}.py"),
        ("lint", "{long}.md"),
        ("lint", "{long}/card.md"),
        ("--content", "{long}", "list"),
        ("cards", "--content", "{long}/packs"),
        ("import", "{long}.md", "--dry-run"),
        ("import-progress", "{long}.json"),
    ],
    ids=lambda typed: " ".join(typed),
)
def test_a_name_too_long_given_on_the_command_line_is_a_wrong_command_line(
    tmp_path: Path, drillbit: RunDrillbit, typed: tuple[str, ...]
) -> None:
    args = [arg.format(long=tmp_path / LONG) for arg in typed]
    result = drillbit(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "Errno" not in result.stderr
    first = result.stderr.splitlines()[0]
    # click's own checks name some first (import's NOTES, import-progress's FILE): as they say it
    assert (first.startswith(TOLD) and OVER in first) or "Invalid value for" in first, first


def test_stats_json_says_it_in_json(tmp_path: Path, drillbit: RunDrillbit) -> None:
    result = drillbit("stats", "--json", "--content", str(tmp_path / LONG), cwd=tmp_path)
    assert result.returncode == 2
    error = json.loads(result.stdout)
    assert error["error"] == "usage" and error["exit_code"] == 2
    assert error["message"].startswith(TOLD.removeprefix("drillbit: ")), error


def test_a_name_too_long_in_drillbit_content_is_an_error_of_exit_1(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    result = drillbit("list", cwd=tmp_path, env={"DRILLBIT_CONTENT": str(tmp_path / LONG)})
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines()[0].startswith(TOLD), result.stderr
    assert "Traceback" not in result.stderr


def test_a_path_too_long_as_a_whole_is_told_with_its_length(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    deep = tmp_path.joinpath(*["abcdefghi"] * 500) / "answer.py"  # 5,000 bytes of short names
    result = drillbit("grade", "sigmoid", str(deep), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("drillbit: path too long: "), result.stderr
    assert f"{len(str(deep).encode())} bytes, over what the system takes" in first
    assert "Traceback" not in result.stderr


def test_watch_into_a_file_where_a_folder_should_be_names_it(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("mine\n")
    result = drillbit("watch", "sigmoid", str(notes / "answer.py"), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines()[0] == (
        f"drillbit: watch: cannot write the starter to {notes / 'answer.py'}: "
        f"{notes} is not a folder"
    )
    assert notes.read_text() == "mine\n"
    assert "Traceback" not in result.stderr
