"""The sweep over many seeds (tests/engine/sweep_answers.py) reports the (file, seed) pairs
whose verdict breaks the file's promise, and only those."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.engine.answer_files import ANSWERS, answers
from tests.engine.sweep_answers import main, sweep

RIGHT = next(a for a in answers() if a.path == ANSWERS / "sigmoid" / "wrong_naive_overflow.py")


def test_a_kept_promise_is_not_reported() -> None:
    assert list(sweep([RIGHT], range(3))) == []


def test_a_wrong_phrase_is_reported_on_every_seed_with_what_was_shown() -> None:
    broken = replace(RIGHT, phrase="a phrase no checker says")
    found = list(sweep([broken], range(3)))
    assert [m.seed for m in found] == [0, 1, 2]
    assert all(m.status == RIGHT.status for m in found)
    assert RIGHT.phrase in found[0].shown
    assert "promised [failed | a phrase no checker says]" in found[0].line()


def test_a_wrong_status_is_reported() -> None:
    broken = replace(RIGHT, status="passed")
    assert [m.seed for m in sweep([broken], range(2))] == [0, 1]


def test_the_command_exits_0_when_every_promise_holds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--seeds", "2", "--drill", "sigmoid", "--file", "wrong_naive_overflow"]) == 0
    assert "1 files x 2 seeds (0-1) = 2 gradings: 0 mismatches" in capsys.readouterr().out


def test_first_starts_the_seeds_later(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--first", "40", "--seeds", "2", "--drill", "sigmoid", "--file", "wrong_naive_overflow"]
    assert main(args) == 0
    assert "1 files x 2 seeds (40-41) = 2 gradings: 0 mismatches" in capsys.readouterr().out
