"""A pack's `after` naming no loaded pack is a lint warning at its line.

The app passes such a name over without a word (a pack may build on one not installed),
so a typo, or a pack renamed in a commit, silently changed the order new cards come in;
linting the pack alone then said to name in `after` the pack it did name.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from quiz.bank.lint import lint
from tests.conftest import RunDrillbit

MINI_YAML = "title: Mini\ndescription: A tiny valid pack used by the tests.\nversion: 0.1.0\n"


def _building_on(mini_bank: Path, base: str) -> Path:
    """A second pack, `later`, whose `after` names `base`; its pack.yaml."""
    later = mini_bank / "later"
    (later / "basics").mkdir(parents=True)
    card = mini_bank / "mini" / "basics" / "what-is-relu.md"
    text = card.read_text(encoding="utf-8").replace("id: what-is-relu", "id: later-card", 1)
    (later / "basics" / "later-card.md").write_text(text, encoding="utf-8")
    pack_yaml = later / "pack.yaml"
    pack_yaml.write_text(
        MINI_YAML.replace("Mini", "Later") + f"after: [{base}]\n", encoding="utf-8"
    )
    return pack_yaml


def test_a_typo_in_after_is_a_warning_at_its_line(mini_bank: Path, drillbit: RunDrillbit) -> None:
    pack_yaml = _building_on(mini_bank, "mnii")
    done = drillbit("lint", str(mini_bank))
    assert done.returncode == 0, done.stdout  # a warning: the app loads the pack
    assert f"{pack_yaml}:4:1: warning: after: no pack named 'mnii' is loaded" in done.stdout
    assert done.stdout.count("[unknown-after]") == 1


def test_a_known_name_in_after_is_fine(mini_bank: Path) -> None:
    _building_on(mini_bank, "mini")
    _, problems = lint([mini_bank], run_drills=False)
    assert problems == []


def test_a_commit_renaming_the_pack_named_gets_the_warning(mini_bank: Path) -> None:
    """pre-commit passes the renamed pack's files only: the pack naming it is told too."""
    pack_yaml = _building_on(mini_bank, "mini")
    shutil.move(mini_bank / "mini", mini_bank / "basics-pack")
    changed = mini_bank / "basics-pack" / "basics" / "what-is-relu.md"
    _, problems = lint([changed], run_drills=False)
    assert [(p.path, p.line, p.code, p.severity) for p in problems] == [
        (pack_yaml, 4, "unknown-after", "warning")
    ]


def test_a_pack_naming_itself_in_after_is_a_warning_at_its_line(mini_bank: Path) -> None:
    """Passed over without a word: a pack cannot come before itself (forty-fourth round)."""
    pack_yaml = mini_bank / "mini" / "pack.yaml"
    pack_yaml.write_text(MINI_YAML + "after: [mini]\n", encoding="utf-8")
    _, problems = lint([mini_bank], run_drills=False)
    assert [(p.path, p.line, p.code, p.message, p.is_error) for p in problems] == [
        (
            pack_yaml,
            4,
            "after-cycle",
            "after: names this pack itself, which cannot come before itself: delete it",
            False,
        )
    ]


def test_two_packs_each_after_the_other_are_told_at_each_after(mini_bank: Path) -> None:
    """In a cycle the load order decides which pack's cards come first, whatever `after`
    says: each pack of it is told, at its own `after` line, with the cycle named."""
    later_yaml = _building_on(mini_bank, "mini")
    mini_yaml = mini_bank / "mini" / "pack.yaml"
    mini_yaml.write_text(MINI_YAML + "after: [later]\n", encoding="utf-8")
    _, problems = lint([mini_bank], run_drills=False)
    told = [(p.path, p.line, p.code, p.message) for p in problems]
    end = "each 'after' the next): in a cycle the load order decides which comes first; delete one of them"
    assert told == [
        (later_yaml, 4, "after-cycle", f"after: 'mini' comes after this pack too (later -> mini -> later, {end}"),
        (mini_yaml, 4, "after-cycle", f"after: 'later' comes after this pack too (mini -> later -> mini, {end}"),
    ]  # fmt: skip


def test_a_chain_of_after_is_no_cycle(mini_bank: Path) -> None:
    _building_on(mini_bank, "mini")
    assert lint([mini_bank], run_drills=False)[1] == []
