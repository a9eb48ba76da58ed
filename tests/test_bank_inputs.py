"""The tests of the card index path count only a run whose bank held still
(`tests/bank_inputs.py`): a run during which a content file moved is run again."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from quiz.bank import cachefile
from tests.bank_inputs import Inputs, settled_inputs, while_held


def test_a_run_during_which_a_card_moved_is_run_again(
    mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRILLBIT_CONTENT", str(mini_bank))
    card = next(mini_bank.glob("*/*/*.md"))
    runs: list[int] = []

    def run() -> int:
        if not runs:
            os.utime(card)  # as an editor or a `git checkout` would, while a test runs
        runs.append(len(runs))
        return len(runs)

    assert while_held(run) == 2


def test_inputs_hold_only_when_unchanged_and_older_than_the_racy_window(
    mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRILLBIT_CONTENT", str(mini_bank))
    fresh = Inputs.now()
    assert not fresh.held(Inputs.now(), time.time())  # copied just now: not remembered
    before = settled_inputs()
    started = time.time()
    assert before.newest_ns <= (started - cachefile.RACY_SECONDS) * 1e9
    assert before.held(Inputs.now(), started)
    os.utime(next(mini_bank.glob("*/*/*.md")))
    assert not before.held(Inputs.now(), started)
