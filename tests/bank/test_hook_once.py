"""The marker that keeps a pre-commit invocation's later runs from printing again what an
earlier run printed (`quiz.bank.hook_once`)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from quiz.bank.hook_once import MARKER, invocation, printed_before, problem_key
from quiz.bank.problems import Problem
from tests.conftest import PROCESS_TIMEOUT_SECONDS


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    subprocess.run(
        ["git", "init", "-q", str(tmp_path)], check=True, timeout=PROCESS_TIMEOUT_SECONDS
    )
    return tmp_path


def _problem(line: int, message: str = "related id 'x' does not exist") -> Problem:
    return Problem(Path("bank/p/t/card.md"), line, 1, "unknown-related", message)


def test_a_later_run_of_one_invocation_gets_what_was_printed(repo: Path) -> None:
    a, b, c = _problem(3), _problem(4), _problem(4, "another message")
    assert printed_before([a, b], repo, "100:5") == set()
    assert printed_before([b, c], repo, "100:5") == {problem_key(b)}  # c's message differs
    assert printed_before([a, b, c], repo, "100:5") == {problem_key(p) for p in (a, b, c)}
    # The marker is in git's folder, not the work tree.
    assert (repo / ".git" / MARKER).is_file()
    assert [p.name for p in repo.iterdir()] == [".git"]


def test_another_invocation_prints_everything_again(repo: Path) -> None:
    a = _problem(3)
    printed_before([a], repo, "100:5")
    assert printed_before([a], repo, "100:6") == set()  # the same pid, started later
    assert printed_before([a], repo, "101:6") == set()
    assert len(printed_before([a], repo, "101:6")) == 1


@pytest.mark.parametrize("text", ["", "not json", "[1, 2]", '{"run": "100:5", "printed": 3}'])
def test_a_damaged_marker_is_read_as_empty(repo: Path, text: str) -> None:
    (repo / ".git" / MARKER).write_text(text)
    a = _problem(3)
    assert printed_before([a], repo, "100:5") == set()
    assert len(printed_before([a], repo, "100:5")) == 1


def test_out_of_pre_commit_or_git_nothing_is_recorded(tmp_path: Path) -> None:
    assert invocation({}) is None and invocation({"PRE_COMMIT": "0"}) is None
    run = invocation({"PRE_COMMIT": "1"})
    assert run is not None and run.startswith(f"{os.getppid()}:")
    assert printed_before([_problem(3)], tmp_path, "100:5") == set()  # no git work tree
    assert printed_before([_problem(3)], tmp_path, "100:5") == set()
    assert list(tmp_path.iterdir()) == []
