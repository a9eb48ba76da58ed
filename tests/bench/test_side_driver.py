"""bench/common.py's one side-by-side driver, which restore, screens, import_memory and
memory share (each had its own loop; import_memory's ignored the sizes it was given)."""

from __future__ import annotations

from pathlib import Path

from bench.common import REPO, alternate


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
