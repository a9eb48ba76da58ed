"""`grade`, `hint`, `drill` and `watch` load the bank through the card index, as Home,
`list` and `export anki` do: they called `load_bank` themselves (`Context.told_bank`), so
after an edit the index stayed stale and the next start loaded the whole bank again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.bank import cachefile, loader
from tests.bank.edits import edit
from tests.conftest import REPO, RunDrillbit

RELU = Path("mini", "basics", "what-is-relu.md")
SIGMOID = Path("neural-networks", "activations", "sigmoid.md")


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files in these tests were just written; let the index be remembered anyway."""
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)


@pytest.fixture
def drill_bank(mini_bank: Path) -> Path:
    """The mini bank with one coding drill (the bundled `sigmoid`) in its pack."""
    target = mini_bank / "mini" / "activations" / "sigmoid.md"
    target.parent.mkdir()
    shutil.copyfile(REPO / "content" / SIGMOID, target)
    return mini_bank


# Each stops before the sandbox or the app: the bank is loaded first, in every one.
COMMANDS = {
    "hint": (("hint", "sigmoid"), 0, "Hint 1. "),
    "grade": (("grade",), 2, "The first drill not passed yet is sigmoid"),
    "watch": (("watch",), 2, "The first drill not passed yet is sigmoid"),
    "drill": (("drill", "no-such-drill"), 2, "no-such-drill"),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_a_drill_command_after_an_edit_leaves_the_index_for_the_next_start(
    name: str,
    drill_bank: Path,
    drillbit: RunDrillbit,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args, code, said = COMMANDS[name]
    listed = drillbit("--content", "content", "list", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert "sigmoid" in listed.stdout
    edit(drill_bank / RELU, "title: ", "title: Edited ")  # the index is stale now
    ran = drillbit("--content", "content", *args, cwd=tmp_path)
    assert ran.returncode == code, ran.stderr
    assert said in ran.stdout + ran.stderr
    with monkeypatch.context() as patched:

        def refuse(*_: object, **__: object) -> loader.Bank:
            raise AssertionError("the remembered index should have answered")

        patched.setattr(loader, "load_bank", refuse)
        again = drillbit("--content", "content", "list", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "Edited " in again.stdout
