"""Roam's checkbox (`{{[[TODO]]}}`, `{{[[DONE]]}}`) and components are no cloze and no card text.

A Roam page exported as Markdown writes a task as `- {{[[TODO]]}} What is X?`. Its braces
were read as a RemNote cloze: the card asked "[...] What is the vanishing gradient
problem?" and its answer opened with "**TODO** What is the vanishing gradient problem?",
a key point too.
"""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.logseqtasks import drop_task_marks
from quiz.ecosystem.remnote import remnote_clozes
from tests.conftest import DATA
from tests.ecosystem.test_import_notes import answer_of, front, run_import

PAGE = DATA / "notes" / "roam-todo-page.md"


def test_roam_task_marks_come_off_an_asking_item_only() -> None:
    text = PAGE.read_text(encoding="utf-8")
    rows = drop_task_marks(text).split("\n")
    assert len(rows) == len(text.split("\n"))
    assert rows[0] == "- What is the vanishing gradient problem?"
    assert rows[3] == "- Why does batch normalization help training?"
    assert rows[6] == "    - [ ] re-read the original paper"  # asks nothing: Roam's checkbox
    assert drop_task_marks("- {{[[DONE]]}} re-read it\n") == "- [x] re-read it\n"
    assert drop_task_marks("- {{TODO}} Why clip gradients?\n") == "- Why clip gradients?\n"


def test_roam_components_are_no_remnote_clozes() -> None:
    for written in (
        "- {{[[TODO]]}} re-read the paper",
        "- {{[[DONE]]}} re-read the paper",
        "- {{[[embed]]: ((b9Xk2LmQp))}}",
        "- {{embed: ((b9Xk2LmQp))}}",
        "- {{[[query]]: {and: [[ml]] [[todo]]}}}",
    ):
        assert remnote_clozes(written) == (written, ()), written
    # a RemNote cloze of a linked term still asks
    assert remnote_clozes("- The {{[[ReLU]]}} is max(0, x)")[1] == (1,)


def test_a_roam_page_imports_its_questions_as_asked(tmp_path: Path) -> None:
    result = run_import(str(PAGE), "--pack", "roam", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    folder = tmp_path / "c/roam/roam"
    vanishing = folder / "vanishing-gradient-problem.md"
    batch = folder / "batch-normalization-help-training.md"
    assert front(vanishing)["title"] == "What is the vanishing gradient problem?"
    assert front(batch)["title"] == "Why does batch normalization help training?"
    for card in (vanishing, batch):
        answer = answer_of(card)
        assert "TODO" not in answer.split("\n")[0] and "[...]" not in answer
        assert not answer.startswith("**"), answer
        points = front(card)["key_points"]
        assert isinstance(points, list)
        assert not any("TODO" in p or "DONE" in p or "[...]" in p for p in points), points
    assert "{{" not in answer_of(batch) and "re-read the original paper" in answer_of(batch)
    said = " ".join(result.output.split())
    assert "RemNote" not in said, said  # nothing read as a cloze
    assert "line 8 holds Roam components ({{[[embed]]: ((b9Xk2LmQp))}})" in said, said
