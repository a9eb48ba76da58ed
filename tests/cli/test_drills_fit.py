"""`drillbit drills` on a terminal keeps each row on one line of the terminal's width, the
title cut with "…" (a third of the rows wrapped at 80 columns, the title's end under the
next drill's id); into a pipe every row stays whole."""

from __future__ import annotations

import sys

from quiz.bank.loader import load_bank
from quiz.bank.sources import bundled_content_dir
from tests.cli.printing import WAIT_SECONDS, Printing
from tests.conftest import RunDrillbit


def test_drills_on_an_80_column_terminal_fit_and_whole_into_a_pipe(drillbit: RunDrillbit) -> None:
    titles = {c.id: c.title for c in load_bank([bundled_content_dir()]).cards if c.kind == "coding"}
    listing = Printing(
        [sys.executable, "-m", "quiz", "drills"], terminal=True, env={"COLUMNS": "80"}
    )
    try:
        assert listing.process.wait(timeout=WAIT_SECONDS) == 0  # a ceiling, not a timing
    finally:
        listing.kill()
        listing.close()
    rows = [line for line in listing.printed().splitlines() if line.split(" ", 1)[0] in titles]
    assert len(rows) == len(titles)  # one line per drill: none wrapped onto a second
    assert max(len(row) for row in rows) == 80
    cut = [row for row in rows if row.endswith("…")]
    assert cut and all(len(row) == 80 for row in cut)
    piped = drillbit("drills").stdout
    assert all(title in piped for title in titles.values())
    assert "…" not in piped
