"""`python -m bench.heavy_firsts` (bench/heavy_firsts.py): its flags, and one round on a
tiny home with a plan, this tree against itself as the base, so the comparison of the
backups and of Home's view has something to compare and the ratios are written."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from bench import heavy_firsts, plan_command
from bench.common import REPO


def test_one_round_against_itself_writes_every_figure_and_the_same_output(
    mini_bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(heavy_firsts, "QUIET", 0.0)
    planned, plain = tmp_path / "planned", tmp_path / "plain"
    planned.mkdir()
    plain.mkdir()
    interview = (heavy_firsts.CLOCK.date() + timedelta(days=10)).isoformat()
    content = ["--content", str(mini_bank)]
    plan_command._run(
        REPO, planned, heavy_firsts.CLOCK, [*content, "plan", "--interview", interview]
    )
    out = tmp_path / "r.json"
    heavy_firsts.main(
        [
            *("--home", str(planned), "--plain", str(plain), "--bank", str(mini_bank)),
            *("--rounds", "1", "--base", str(REPO), "--out", str(out)),
        ]
    )
    written = json.loads(out.read_text())["figures"]
    figures = [f for f in written if f["section"] == heavy_firsts.SECTION]
    named = {(f["name"], f["params"].get("tree"), f["params"]["home"]) for f in figures}
    for home in ("plan", "plain"):
        stems = ("export_first", "export_again", "home_open_workspace", "home_first_view")
        for stem in (*stems, "home_open_no_cache"):
            assert (f"{stem}_cpu_ms", "this", home) in named
            assert (f"{stem}_cpu_ms", "base", home) in named
            assert (f"{stem}_ratio", None, home) in named
    base = [f for f in figures if f["params"].get("tree") == "base"]
    assert base and all(f["params"]["same_output"] is True for f in base)
