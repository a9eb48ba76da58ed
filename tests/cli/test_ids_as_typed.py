"""A card or drill id typed as a person may type it: in capitals, with a space after it
(pasted), as its file's path, or a graded file given where the drill goes.

'SIGMOID' got no suggestion at all (difflib's ratio is case-sensitive), 'sigmoid ' got
"did you mean 'sigmoid'?", which reads the same on a terminal, a card file's path (copied
from `lint`'s output) got nothing, and `grade answer.py sigmoid` said only that
'answer.py' is not a drill.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunDrillbit

CASE = "(names are case-sensitive)"
SPACES = "(without the spaces around it)"
PATH = "(a card is named by its id: its file's name without .md)"


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("SIGMOID", CASE),
        ("Sigmoid", CASE),
        ("sigmoid ", SPACES),
        (" sigmoid", SPACES),
        ("content/neural-networks/activations/sigmoid.md", PATH),
        ("activations/sigmoid", PATH),
        ("sigmoid.md", PATH),
    ],
)
def test_an_id_but_for_case_spaces_or_path_is_suggested_saying_why(
    drillbit: RunDrillbit, typed: str, why: str
) -> None:
    shown = drillbit("show", typed)
    assert shown.returncode == 2
    assert shown.stderr.strip() == f"drillbit: no card '{typed}': did you mean 'sigmoid'? {why}"
    hint = drillbit("hint", typed)
    assert hint.returncode == 2
    assert hint.stderr.strip() == (
        f"drillbit: '{typed}' is not a drill in the bank: did you mean 'sigmoid'? {why}"
    )


def test_a_typo_is_still_suggested_without_a_reason(drillbit: RunDrillbit) -> None:
    result = drillbit("show", "sigmiod")
    assert result.stderr.strip() == "drillbit: no card 'sigmiod': did you mean 'sigmoid'?"


def test_the_id_itself_still_works(drillbit: RunDrillbit) -> None:
    assert drillbit("show", "sigmoid").returncode == 0


def test_a_file_given_where_the_drill_goes_is_told_in_order(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    (tmp_path / "answer.py").write_text("def sigmoid(z):\n    return z\n")
    swapped = drillbit("grade", "answer.py", "sigmoid", cwd=tmp_path)
    assert swapped.returncode == 2
    assert swapped.stderr.splitlines()[0] == (
        "drillbit: 'answer.py' is a file and 'sigmoid' a drill: the drill comes first: "
        "`drillbit grade sigmoid answer.py`"
    )
    alone = drillbit("grade", "answer.py", cwd=tmp_path)
    assert alone.returncode == 2
    assert alone.stderr.splitlines()[0] == (
        "drillbit: 'answer.py' is a file, not a drill: the drill comes first: "
        "`drillbit grade DRILL answer.py` (`drillbit drills` lists the drills)"
    )
    watched = drillbit("watch", "answer.py", "sigmoid", cwd=tmp_path)
    assert "`drillbit watch sigmoid answer.py`" in watched.stderr.splitlines()[0]
    listed = drillbit("drills").stdout.splitlines()
    assert next(line for line in listed if line.startswith("sigmoid ")).split()[1:3] == [
        "not",
        "started",
    ]
