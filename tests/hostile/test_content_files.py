"""Hostile card files: each is refused with its file and line, without a hang or a blow-up."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from quiz.bank.schema import CodingFront
from tests.hostile.helpers import HOSTILE, assert_clean_failure, drillbit

HUGE_BYTES = 2 * 1024 * 1024


def _hostile_pack(tmp_path: Path) -> Path:
    """The alias-bomb pack plus what git cannot hold: a FIFO, a /dev/zero link, a 2 MiB card."""
    root = tmp_path / "content"
    shutil.copytree(HOSTILE / "pack", root)
    cards = root / "hostile" / "cards"
    os.mkfifo(cards / "fifo.md")
    (cards / "zero.md").symlink_to("/dev/zero")
    (cards / "huge.md").write_bytes(b"---\nid: huge\n" + b"x" * HUGE_BYTES)
    (cards / "inside.md").symlink_to(cards / "what-is-relu.md")  # inside the pack: fine
    return root


def test_lint_names_every_hostile_file_and_exits_1(tmp_path: Path, _isolated_home: Path) -> None:
    root = _hostile_pack(tmp_path)
    run = drillbit("lint", "--no-drills", str(root / "hostile"), home=_isolated_home)
    cards = root / "hostile" / "cards"
    assert_clean_failure(
        run,
        f"{cards / 'alias-bomb.md'}:10:",
        "YAML aliases (*l0) are not allowed here",
        f"{cards / 'fifo.md'}:1:1: card file: a FIFO (named pipe), not a regular file",
        f"{cards / 'zero.md'}:1:1: symbolic link to /dev/zero, outside its pack 'hostile'",
        f"{cards / 'huge.md'}:1:1: card file: 2.1 MiB, over the limit of 1 MiB",
    )
    assert "inside.md" in run.output, "a second card with the same id, through the link"
    assert "4 problems" not in run.output


@pytest.mark.parametrize("command", [("list",), ("stats",)])
def test_loading_the_bank_survives_the_hostile_pack(
    tmp_path: Path, _isolated_home: Path, command: tuple[str, ...]
) -> None:
    root = _hostile_pack(tmp_path)
    run = drillbit("--content", str(root), *command, home=_isolated_home)
    assert run.returncode == 0, run.output
    assert "Traceback" not in run.output
    assert run.peak_mb < 300
    if command == ("list",):
        assert "what-is-relu" in run.stdout and "alias-bomb" not in run.stdout
        assert re.search(r"\d+ card files? could not be loaded", run.stderr)


def test_grading_the_alias_bomb_is_an_unknown_drill(tmp_path: Path, _isolated_home: Path) -> None:
    root = _hostile_pack(tmp_path)
    answer = tmp_path / "answer.py"
    answer.write_text("def sigmoid(z):\n    return z\n")
    run = drillbit("--content", str(root), "grade", "alias-bomb", str(answer), home=_isolated_home)
    assert_clean_failure(run, "alias-bomb", code=2)


def test_only_a_bad_pack_yaml_is_named_not_counted_as_zero_cards(
    tmp_path: Path, _isolated_home: Path
) -> None:
    root = tmp_path / "content"
    shutil.copytree(HOSTILE / "pack", root)
    (root / "hostile" / "cards" / "alias-bomb.md").unlink()
    (root / "hostile" / "pack.yaml").write_text("title: [unclosed\n")
    run = drillbit("--content", str(root), "list", home=_isolated_home)
    assert run.returncode == 0
    assert "0 card files" not in run.stderr
    assert f"problems in {root / 'hostile' / 'pack.yaml'}" in run.stderr


@pytest.mark.parametrize(
    "params",
    [
        {"nested": {"deep": [1, 2]}},
        {"many": list(range(65))},
        {"long": "x" * 201},
        {"huge": 2**60},
        {"nan": float("nan")},
        {"bad name": 1},
        {f"p{i}": i for i in range(33)},
    ],
)
def test_checker_params_are_typed_and_bounded(params: dict[str, object]) -> None:
    base = {
        "id": "drill",
        "title": "Drill",
        "topic": "t",
        "kind": "coding",
        "entry": "f",
        "checker": "nn.activations.sigmoid",
        "difficulty": 2,
        "source": "tests",
    }
    good = CodingFront.model_validate(
        {**base, "params": {"tolerance": 1e-6, "n": 3, "flag": True, "sizes": [2, 3]}}
    )
    assert good.params == {"tolerance": 1e-6, "n": 3, "flag": True, "sizes": [2, 3]}
    assert [type(v) for v in good.params.values()] == [float, int, bool, list]
    with pytest.raises(ValidationError):
        CodingFront.model_validate({**base, "params": params})


def test_lint_of_a_device_or_fifo_by_name_is_a_usage_error(
    tmp_path: Path, _isolated_home: Path
) -> None:
    fifo = tmp_path / "card.md"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo)):
        run = drillbit("lint", path, home=_isolated_home)
        assert_clean_failure(run, f"not a card file or folder: {path}", code=2)
