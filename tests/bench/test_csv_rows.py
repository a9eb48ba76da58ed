"""bench.csv_rows measures a real preview: the rows it writes are cards, and the child's
own peak, CPU and exit code come back."""

from __future__ import annotations

from pathlib import Path

from bench.common import REPO
from bench.csv_rows import preview, write_rows


def test_a_small_sheet_previews_and_its_measures_come_back(tmp_path: Path) -> None:
    notes = write_rows(tmp_path / "rows.csv", 30)
    assert notes.read_text(encoding="utf-8").splitlines()[:2] == [
        "t0,is term 0 here",
        "t1,is term 1 here",
    ]

    found = preview(notes, REPO, tmp_path)

    assert found["exit"] == 0
    assert found["peak_mb"] > 10 and found["cpu_s"] > 0
