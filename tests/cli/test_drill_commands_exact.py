"""`grade`, `hint`, `drill`, `watch` and `drills` after the content changed read only the
changed card files (the others from the card index's remembered facts, `loader.load_parts`)
and build one drill's model from its own file (`quiz.bank.drill_bank`), where they loaded
every card model (perf56). What each prints must be what it prints with the index removed
(a whole load): after an edited drill, an edited other card, a new drill, a deleted card,
a renamed pack, and a card file or the drill itself broken (its file:line said)."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import pytest

from quiz.bank import cachefile, loader
from tests.bank.edits import edit, tui_bank_copy
from tests.conftest import CliResult, RunDrillbit

SGD = Path("mini", "drills", "tiny-sgd.md")
RELU = Path("mini", "basics", "what-is-relu.md")
ANSWER = "import numpy as np\n\n\ndef sgd_step(theta, grad, lr):\n    return theta - lr * grad\n"


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files in these tests were just written; let the index be remembered anyway."""
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)


def _new_drill(root: Path) -> None:
    text = (root / SGD).read_text(encoding="utf-8")
    (root / "mini" / "drills" / "aa-sgd.md").write_text(
        text.replace("id: tiny-sgd", "id: aa-sgd").replace("A gradient", "Another gradient"),
        encoding="utf-8",
    )


CHANGES: dict[str, Callable[[Path], object]] = {
    "the drill edited": lambda root: edit(
        root / SGD, "- A descent step moves", "- An edited hint: a descent step moves"
    ),
    "the drill retitled": lambda root: edit(root / SGD, "title: A gradient", "title: One gradient"),
    "another card edited": lambda root: edit(root / RELU, "title: ", "title: Edited "),
    "a new drill": _new_drill,
    "a card deleted": lambda root: (root / RELU).unlink(),
    "the pack renamed": lambda root: (root / "mini").rename(root / "minor"),
    "another card broken": lambda root: edit(root / RELU, "difficulty: ", "difficulty: hard "),
    "the drill broken": lambda root: edit(root / SGD, "difficulty: 1", "difficulty: hard"),
}


def _drill_opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """`drill` opens the app on a drill: recorded instead."""
    opened: list[str] = []
    monkeypatch.setattr(
        "quiz.tui.launch.run_drill", lambda _dirs, card_id, **_how: opened.append(card_id)
    )
    return opened


COMMANDS: dict[str, tuple[str, ...]] = {
    "grade": ("grade", "tiny-sgd", "answer.py", "--case-seed", "7"),
    "grade --json": ("grade", "tiny-sgd", "answer.py", "--json", "--case-seed", "7"),
    "grade bare": ("grade",),
    "hint": ("hint", "tiny-sgd"),
    "hint --seen": ("hint", "tiny-sgd", "--seen"),
    "watch": ("watch", "tiny-sgd", "empty.py"),
    "drill": ("drill", "tiny-sgd"),
    "drill bare": ("drill",),
    "drill typo": ("drill", "tiny-sdg"),
    "drills": ("drills",),
    "drills --json": ("drills", "--json"),
}
GRADING = {"grade", "grade --json"}
"""The commands that grade in the sandbox: one change each, the others every change."""

_TIMES = re.compile(r"\d+(\.\d+)? ?(ms|s)\b|\"(duration_ms|elapsed_ms|wall_ms)\": [\d.]+")
"""A grading's times, which differ between any two gradings."""


def _said(result: CliResult, opened: list[str]) -> tuple[int, str, str, list[str]]:
    return result.returncode, _TIMES.sub("T", result.stdout), _TIMES.sub("T", result.stderr), opened


def _index_files() -> list[Path]:
    folder = cachefile.cache_dir()
    return [*folder.glob("index-*.marshal"), *folder.glob("facts-*.marshal")]


def _both_ways(
    name: str,
    change: str,
    drillbit: RunDrillbit,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[tuple[int, str, str, list[str]], tuple[int, str, str, list[str]]]:
    """The command after `change` with the card index and its facts kept, then (the home
    as it was before, the index and facts deleted) after a whole load."""
    root = tui_bank_copy(tmp_path)
    (tmp_path / "answer.py").write_text(ANSWER, encoding="utf-8")
    (tmp_path / "empty.py").write_text("", encoding="utf-8")
    monkeypatch.setattr("quiz.watch.watch_file", lambda *_args, **_how: None)  # one grading
    before = set(_index_files())  # the bundled bank's alone, from the warm card cache
    listed = drillbit("--content", "content", "list", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert len(set(_index_files()) - before) == 2  # this bank's index and card facts
    CHANGES[change](root)
    home = Path(os.environ["DRILLBIT_HOME"])
    kept = tmp_path / "home-before"
    shutil.copytree(home, kept, symlinks=True)
    opened = _drill_opened(monkeypatch)
    with (
        mock.patch.object(loader, "load_bank", wraps=loader.load_bank) as whole,
        mock.patch.object(loader, "load_parts", wraps=loader.load_parts) as parts,
    ):
        through_facts = _said(
            drillbit("--content", "content", *COMMANDS[name], cwd=tmp_path), opened
        )
    assert parts.called and not whole.called  # the changed files read, no whole load
    shutil.rmtree(home)
    shutil.copytree(kept, home, symlinks=True)
    for path in _index_files():
        path.unlink()
    opened.clear()
    with mock.patch.object(loader, "load_bank", wraps=loader.load_bank) as whole:
        scratch = _said(drillbit("--content", "content", *COMMANDS[name], cwd=tmp_path), opened)
    assert whole.called  # nothing remembered: every card read
    return through_facts, scratch


CASES = [
    (name, change)
    for name in COMMANDS
    for change in CHANGES
    if name not in GRADING or change in {"the drill edited", "the pack renamed"}
]


@pytest.mark.parametrize(("name", "change"), CASES)
def test_a_drill_command_after_a_change_says_what_a_whole_load_says(
    name: str,
    change: str,
    drillbit: RunDrillbit,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    through_facts, scratch = _both_ways(name, change, drillbit, tmp_path, monkeypatch)
    assert through_facts == scratch


def test_the_edited_drill_is_the_one_graded_and_hinted(
    drillbit: RunDrillbit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not two equal stale outputs: the edit shows."""
    through_facts, _ = _both_ways("hint", "the drill edited", drillbit, tmp_path, monkeypatch)
    assert "Hint 1. An edited hint: a descent step moves" in through_facts[1]


def test_a_broken_drill_is_named_with_its_file_and_line(
    drillbit: RunDrillbit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    through_facts, _ = _both_ways("hint", "the drill broken", drillbit, tmp_path, monkeypatch)
    code, _, stderr, _ = through_facts
    line = (tmp_path / "content" / SGD).read_text(encoding="utf-8").splitlines().index(
        "difficulty: hard"
    ) + 1
    assert code == 2
    assert f"tiny-sgd.md:{line}" in stderr


@pytest.mark.parametrize("damaged", ["index", "facts"])
def test_a_damaged_index_file_is_a_whole_load_not_a_traceback(
    damaged: str, drillbit: RunDrillbit, tmp_path: Path
) -> None:
    tui_bank_copy(tmp_path)
    before = set(cachefile.cache_dir().glob(f"{damaged}-*.marshal"))
    assert drillbit("--content", "content", "list", cwd=tmp_path).returncode == 0
    (target,) = set(cachefile.cache_dir().glob(f"{damaged}-*.marshal")) - before
    edit(tmp_path / "content" / SGD, "title: A gradient", "title: One gradient")
    edit(tmp_path / "content" / SGD, "- A descent step", "- An edited step")
    target.write_bytes(target.read_bytes()[:40] + b"\x00garbage")
    with mock.patch.object(loader, "load_bank", wraps=loader.load_bank) as whole:
        ran = drillbit("--content", "content", "drills", "--json", cwd=tmp_path)
        hinted = drillbit("--content", "content", "hint", "tiny-sgd", cwd=tmp_path)
    for result in (ran, hinted):
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stdout + result.stderr
    assert '"title": "One gradient-descent step"' in ran.stdout
    assert "Hint 1. An edited step" in hinted.stdout
    # a bad facts file is a whole load (which writes both again); a bad index alone is
    # answered by the facts
    assert whole.call_count == (1 if damaged == "facts" else 0)
