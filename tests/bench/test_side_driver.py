"""bench/common.py's one side-by-side driver, which restore, screens, import_memory and
memory share (each had its own loop; import_memory's ignored the sizes it was given)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.common import REPO, Figure, alternate
from bench.heavy import REVIEWS, history_main


def test_the_first_tree_changes_each_round_and_every_value_is_kept(tmp_path: Path) -> None:
    order: list[tuple[int, str, Path]] = []

    def measure(number: int, side: str, tree: Path) -> dict[str, float]:
        order.append((number, side, tree))
        return {"step_cpu_ms": 10.0 * (number + 1) if side == "before" else 5.0, "peak_mb": 2.0}

    found = alternate(tmp_path, 3, measure)
    assert order == [
        (0, "before", tmp_path),
        (0, "after", REPO),
        (1, "after", REPO),
        (1, "before", tmp_path),
        (2, "before", tmp_path),
        (2, "after", REPO),
    ]
    assert found.of("before", "step_cpu_ms") == [10.0, 20.0, 30.0]
    assert found.names() == ["peak_mb", "step_cpu_ms"]
    figures = {f.name: (f.value, f.unit) for f in found.figures(found.names(), {"rounds": 3})}
    assert figures == {
        "side_peak_before_mb": (2.0, "MB"),
        "side_peak_after_mb": (2.0, "MB"),
        "side_peak_ratio": (1.0, "x"),
        "side_step_cpu_before_ms": (20.0, "ms"),
        "side_step_cpu_after_ms": (5.0, "ms"),
        "side_step_cpu_ratio": (4.0, "x"),
    }


def test_a_history_modules_options_reach_its_side_by_side(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """commands, restore and screens share one parser: what it is given reaches the module's
    `side_by_side`, and what it defaults to is the module's own."""
    calls: list[tuple[Path, int, int, Path, int, str]] = []

    def side_by_side(
        against: Path, rounds: int, reviews: int, out: Path, cards: int, section: str
    ) -> list[Figure]:
        calls.append((against, rounds, reviews, out, cards, section))
        return [Figure("restore_cpu_ms", 12.5, "ms", {"cards": cards})]

    out = tmp_path / "results.json"
    given = ["--against", str(tmp_path), "--reviews", "70", "--out", str(out)]
    history_main("bench.x", None, side_by_side, rounds=3, cards=9, section="s_33", argv=given)
    history_main(
        "bench.x",
        None,
        side_by_side,
        rounds=3,
        cards=9,
        section="s_33",
        argv=["--against", str(tmp_path), "--rounds", "1", "--cards", "4", "--section", "mine"],
    )
    assert calls == [
        (tmp_path.resolve(), 3, 70, out, 9, "s_33"),
        (tmp_path.resolve(), 1, REVIEWS, REPO / "bench" / "results.json", 4, "mine"),
    ]
    assert "restore_cpu_ms {'cards': 9}: 12.5 ms" in capsys.readouterr().out
