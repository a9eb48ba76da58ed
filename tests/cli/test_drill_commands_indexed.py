"""`grade`, `hint`, `drill`, `watch`, `drills`, `show`, `list --json` and `cards --search`
load the bank through the card index, as Home, `list` and `export anki` do: they called
`load_bank` themselves (`Context.told_bank`, `listing`), so after an edit the index stayed
stale and the next start loaded the whole bank again."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank import cachefile
from tests.bank.edits import edit, refuse_full_loads
from tests.conftest import RunDrillbit

RELU = Path("mini", "basics", "what-is-relu.md")


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files in these tests were just written; let the index be remembered anyway."""
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)


# Over the bundled bank (its drills) and the mini pack. Each stops before the sandbox or
# the app; `show`, `list --json` and `cards --search` load the whole bank (the cards' text),
# the drill commands the index and one drill's model (tests/cli/test_drill_commands_exact.py).
COMMANDS = {
    "hint": (("hint", "sigmoid"), 0, "Hint 1. "),
    "grade": (("grade",), 2, "The first drill not passed yet is sigmoid"),
    "watch": (("watch",), 2, "The first drill not passed yet is sigmoid"),
    "drill": (("drill", "no-such-drill"), 2, "no-such-drill"),
    "drills": (("drills",), 0, "solved; next: drillbit drill sigmoid"),
    "show": (("show", "sigmoid"), 0, "Implement the logistic sigmoid"),
    "list --json": (("list", "--json"), 0, "Edited "),
    "cards --search": (("cards", "--search", "relu"), 0, "what-is-relu"),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_a_command_after_an_edit_leaves_the_index_for_the_next_start(
    name: str,
    mini_bank: Path,
    drillbit: RunDrillbit,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args, code, said = COMMANDS[name]
    listed = drillbit("--content", "content", "list", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    edit(mini_bank / RELU, "title: ", "title: Edited ")  # the index is stale now
    ran = drillbit("--content", "content", *args, cwd=tmp_path)
    assert ran.returncode == code, ran.stderr
    assert said in ran.stdout + ran.stderr
    with monkeypatch.context() as patched:
        refuse_full_loads(patched)
        again = drillbit("--content", "content", "list", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "Edited " in again.stdout
