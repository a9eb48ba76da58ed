"""`drillbit grade DRILL FILE` on a file with nothing in it (the editor's save not made
yet, the wrong file): it ran in the sandbox, said the code "does not define `sigmoid(z)`",
and counted a failed try in the drill list. It is now refused before any grading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.printing import Printing
from tests.conftest import DRILLBIT_COMMAND, RunDrillbit


@pytest.mark.parametrize(("text", "said"), [("", "empty"), ("\n  \n\t\n", "only blank lines")])
def test_an_empty_file_is_not_graded_nor_counted(
    tmp_path: Path, drillbit: RunDrillbit, text: str, said: str
) -> None:
    (tmp_path / "answer.py").write_text(text)
    result = drillbit("grade", "sigmoid", "answer.py", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.strip() == (
        f"drillbit: grade: answer.py: {said}, so nothing was graded and no try counted: write "
        "your answer in it and save, or `drillbit watch sigmoid NEW_FILE` writes the starter "
        "to a new file"
    )
    listed = drillbit("drills").stdout.splitlines()
    assert next(line for line in listed if line.startswith("sigmoid ")).split()[1:4] == [
        "not",
        "started",
        "0",
    ]
    as_json = drillbit("grade", "sigmoid", "answer.py", "--json", cwd=tmp_path)
    assert json.loads(as_json.stdout)["message"].startswith(f"grade: answer.py: {said}, ")


def test_a_file_with_only_a_comment_is_still_graded(tmp_path: Path, drillbit: RunDrillbit) -> None:
    (tmp_path / "answer.py").write_text("# to do\n")
    result = drillbit("grade", "sigmoid", "answer.py", cwd=tmp_path)
    assert result.returncode == 1
    assert "does not define `sigmoid(z)`" in result.stdout


def test_watch_says_an_empty_save_and_goes_on_watching(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """`watch` on an empty file graded it as `grade` did, a failed try of nothing."""
    target = tmp_path / "answer.py"
    target.write_text("")
    watch = Printing([*DRILLBIT_COMMAND, "watch", "sigmoid", str(target)])
    try:
        watch.wait_for(
            f"drillbit: watch: {target}: empty, so nothing was graded and no try counted: "
            "write your answer in it and save; still watching"
        )
        assert watch.process.poll() is None  # still watching
    finally:
        watch.kill()
        watch.close()
    assert "FAILED" not in watch.printed() and "ERROR" not in watch.printed()
    listed = drillbit("drills").stdout.splitlines()
    assert next(line for line in listed if line.startswith("sigmoid ")).split()[1:4] == [
        "not",
        "started",
        "0",
    ]
