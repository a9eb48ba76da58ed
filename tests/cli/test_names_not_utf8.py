"""A file name that is not UTF-8 (a Latin-1 `café.md` copied from an old machine) is a name
like any other: the commands that load the bank, and `grade`, neither crash on it.

One such file anywhere in a content folder made every command that loads the bank (`list`,
`cards`, `stats`, the app) end in "UnicodeEncodeError: ... surrogates not allowed": the bank
index hashed its stat walk's text, which holds the name's bytes as surrogates, as UTF-8. And
`drillbit grade` of a file so named printed its verdict, then the same traceback where it
saved the graded code as the app's draft (SQLite holds text).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.conftest import DRILLBIT_COMMAND, PROCESS_TIMEOUT_SECONDS, RunDrillbit

LATIN_1 = os.fsdecode(b"caf\xe9")
"""'café' as Latin-1 wrote it: not UTF-8, so Python decodes its byte as a surrogate."""


@pytest.mark.parametrize("command", [("list",), ("cards",), ("stats",), ("list", "--json")])
def test_a_file_named_in_latin_1_in_a_pack_does_not_stop_the_bank_loading(
    tmp_path: Path, mini_bank: Path, drillbit_process: RunDrillbit, command: tuple[str, ...]
) -> None:
    """A process: the bank index's stat walk is what met the name."""
    topic = mini_bank / "mini" / "basics"
    (topic / f"{LATIN_1}.md").write_text((topic / "what-is-relu.md").read_text())
    result = drillbit_process("--content", str(mini_bank), *command, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "UnicodeEncodeError" not in result.stderr
    assert "[id-file-name]" in result.stderr  # the card is told of as lint tells it
    if command[0] == "list":
        assert "what-is-relu" in result.stdout  # the pack's cards still load


def test_a_content_folder_named_in_latin_1_is_named_as_missing(
    tmp_path: Path, drillbit_process: RunDrillbit
) -> None:
    result = drillbit_process("--content", str(tmp_path / LATIN_1), "list", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "no such content folder: " in result.stderr
    assert "Traceback" not in result.stderr


def test_grading_a_file_named_in_latin_1_keeps_the_try_and_the_draft(
    tmp_path: Path, _warm_card_cache: None
) -> None:
    """A process whose streams are strict, as Python makes them under a UTF-8 locale such as
    en_US.UTF-8 (this machine's C.UTF-8 makes them lenient): the name is printed as its
    bytes, the try and the draft are saved."""
    answer = tmp_path / f"{LATIN_1}.py"
    code = "import numpy as np\n\ndef sigmoid(z):\n    return np.asarray(z, dtype=float)\n"
    answer.write_text(code)
    graded = subprocess.run(
        [*DRILLBIT_COMMAND, "grade", "sigmoid", str(answer)],
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
        timeout=PROCESS_TIMEOUT_SECONDS,
        check=False,
    )
    said = graded.stdout + graded.stderr
    assert graded.returncode == 1, said  # a wrong answer, graded
    assert b"Traceback" not in said and b"UnicodeEncodeError" not in said, said
    assert os.fsencode(answer) in graded.stdout  # the command to grade it again
    database = Path(os.environ["DRILLBIT_HOME"]) / "drillbit.db"
    with sqlite3.connect(database) as conn:
        drafts = conn.execute("SELECT text, graded_from FROM code_draft").fetchall()
        tries = conn.execute("SELECT COUNT(*) FROM drill_attempt").fetchone()[0]
    assert tries == 1
    assert drafts == [(code, f"{tmp_path}/caf\\xe9.py")]
