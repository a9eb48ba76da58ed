"""`python -m bench.heavy_waits` (bench/heavy_waits.py): its flags, and one round on a tiny
home with a plan, this tree against itself as the base: every wait is written for both
trees with its ratio, and what both print compares equal."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from bench import heavy_firsts, heavy_waits, plan_command
from bench.common import REPO

WAITS = (
    "open_to_home",
    "plan_line_first",
    "plan_json",
    "stats",
    "open_again",
    "plan_line_again",
    "stats_screen",
    "browser_first_page",
    "browser_all_rows",
    "start_session",
    "rate_card",
    "home_after_answer",
    "plan_line_after_answer",
    "open_after_edit",
)


def _planned(bank: Path, tmp_path: Path) -> Path:
    """A home holding a plan ten days ahead of the bench's clock, made by `drillbit plan`."""
    planned = tmp_path / "planned"
    planned.mkdir()
    interview = (heavy_firsts.CLOCK.date() + timedelta(days=10)).isoformat()
    content = ["--content", str(bank)]
    plan_command._run(
        REPO, planned, heavy_firsts.CLOCK, [*content, "plan", "--interview", interview]
    )
    return planned


def test_one_round_against_itself_writes_every_wait_and_the_same_output(
    mini_bank: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    planned = _planned(mini_bank, tmp_path)
    database = (planned / "drillbit.db").read_bytes()
    out = tmp_path / "r.json"
    heavy_waits.main(
        [
            *("--home", str(planned), "--bank", str(mini_bank)),
            *("--rounds", "1", "--base", str(REPO), "--out", str(out)),
        ]
    )
    written = json.loads(out.read_text())["figures"]
    figures = {
        (f["name"], f["params"].get("tree")): f
        for f in written
        if f["section"] == heavy_waits.SECTION
    }
    for wait in WAITS:
        for tree in ("this", "base"):
            assert figures[(f"{wait}_cpu_ms", tree)]["value"] >= 0, (wait, tree)
        assert figures[(f"{wait}_ratio", None)]["params"]["same_output"] is True, wait
    assert len(figures) == 3 * len(WAITS)
    printed = capsys.readouterr().out
    assert "| plan_line_again |" in printed and "| rate_card |" in printed
    # the home given was copied, never changed: the answer was recorded in the copies
    assert (planned / "drillbit.db").read_bytes() == database


def test_every_round_starts_from_the_copy_the_trees_opened(
    mini_bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The card cache the unmeasured opens write reaches every round's copy: they opened
    copies that were then deleted, so a tree whose cache was not in the home given (a
    `--base` tree always: its bundled content is another folder) loaded every card in the
    measured `open_to_home` (1.1-1.4 s of CPU on the heavy home, against 0.25-0.3 s)."""
    planned = _planned(mini_bank, tmp_path)
    shutil.rmtree(planned / "cache")  # a home whose card cache no tree wrote
    cached: dict[str, list[str]] = {}

    def one_tree(
        tree: Path, home: Path, bank: Path, pycache: Path, edited: tuple[Path, Path]
    ) -> tuple[dict[str, float], list[object]]:
        cached[home.name] = sorted(path.name for path in (home / "cache").glob("cards-*"))
        return {}, []

    monkeypatch.setattr(heavy_waits, "_one_tree", one_tree)
    heavy_waits.measure(planned, mini_bank, tmp_path / "work", 2, REPO, log=lambda _line: None)
    assert sorted(cached) == ["base-0", "base-1", "this-0", "this-1"]
    # the bundled packs' card files (older than the cache's racy window) are cached
    assert all(cached.values()), cached
    assert len({tuple(names) for names in cached.values()}) == 1, cached
    assert not (planned / "cache").exists()  # the home given is not written to


def test_the_edit_step_edits_a_card_file_of_its_own_copy(mini_bank: Path, tmp_path: Path) -> None:
    """`open_after_edit` edits a card file (`<pack>/<topic>/<id>.md`) of a copy, so the
    bank the other steps open keeps its index across the rounds."""
    copy, target = heavy_waits.edit_bank(mini_bank, tmp_path)
    assert copy != mini_bank and copy in target.parents
    assert (target.parent.parent / "pack.yaml").is_file() and target.suffix == ".md"
    original = mini_bank / target.relative_to(copy)
    assert original.read_bytes() == target.read_bytes()
