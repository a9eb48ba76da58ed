"""Every answer file in tests/data/answers gets the verdict its first line promises."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.checkers import get_checker
from engine.grade_inprocess import grade_inprocess, load_submission
from tests.engine.answer_files import ANSWERS, DRILLS, Answer, answers

SEEDS = (0, 1, 7)
ALL = answers()


@pytest.mark.parametrize("answer", ALL, ids=[f"{a.drill}/{a.path.stem}" for a in ALL])
def test_answer_gets_the_promised_verdict(answer: Answer) -> None:
    checker = get_checker(answer.checker)
    fns = load_submission(answer.source, checker.entries)
    for seed in SEEDS:
        verdict = grade_inprocess(checker, fns, seed=seed)
        shown = (
            verdict.summary
            + " || "
            + (verdict.first_failure.message if verdict.first_failure else "")
        )
        assert verdict.status.value == answer.status, f"seed {seed}: {shown}"
        assert answer.phrase in shown, f"seed {seed}: {shown}"


@pytest.mark.parametrize("drill", sorted(DRILLS))
def test_every_drill_has_enough_answers(drill: str) -> None:
    files = [a for a in ALL if a.drill == drill]
    correct = [a for a in files if a.path.stem.startswith("correct_")]
    wrong = [a for a in files if a.path.stem.startswith("wrong_")]
    assert len(correct) >= 3, "the reference style and at least two differently written ones"
    assert len(wrong) >= 3
    assert all(a.status == "passed" for a in correct)
    assert all(a.status != "passed" for a in wrong)


def test_answer_folders_match_the_drills() -> None:
    assert sorted(p.name for p in ANSWERS.iterdir() if p.is_dir()) == sorted(DRILLS)


SOLUTIONS = sorted((ANSWERS.parent / "solutions").glob("*.py"))


@pytest.mark.parametrize("path", SOLUTIONS, ids=[p.stem for p in SOLUTIONS])
def test_the_content_solutions_pass(path: Path) -> None:
    checker = get_checker(DRILLS[path.stem])
    fns = load_submission(path.read_text(encoding="utf-8"), checker.entries)
    verdict = grade_inprocess(checker, fns, seed=11)
    assert verdict.passed, verdict.summary
