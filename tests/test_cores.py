"""A helper process starts only beside a free core: the tasks running now, not the load
average, say whether one is (quiz.cores, asked by the card index's walk and by parallel)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz import cores


@pytest.mark.parametrize(
    ("loadavg", "running", "idle"),
    [
        ("0.52 0.80 1.01 1/345 4242\n", 1, 1),  # only this process runs
        ("3.90 2.10 2.30 1/345 4242\n", 1, 1),  # a busy minute just ended: free now
        ("0.10 0.10 0.10 2/345 4242\n", 2, 0),  # another task runs too: no core is free
        ("0.10 0.10 0.10 5/345 4242\n", 5, -3),
        ("garbled\n", None, 0),
        ("1.0 1.0 1.0 x/345 1\n", None, 0),
    ],
)
def test_idle_cpus_are_the_usable_ones_less_the_running_tasks(
    loadavg: str, running: int | None, idle: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "loadavg"
    path.write_text(loadavg, encoding="ascii")
    monkeypatch.setattr(cores, "LOADAVG", str(path))
    monkeypatch.setattr(cores, "usable_cpus", lambda: 2)
    assert cores.running_tasks() == running
    assert cores.idle_cpus() == idle


def test_no_count_is_no_free_core(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cores, "LOADAVG", str(tmp_path / "missing"))
    assert cores.running_tasks() is None
    assert cores.idle_cpus() == 0


def test_usable_cpus_follow_the_affinity(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 3, 5}, raising=False)
    assert cores.usable_cpus() == 3
