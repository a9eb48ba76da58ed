"""A task list item that asks (`- [x] Why ...?`, `* [X] Explain ...`) over its nested answer
is a question, as the same item without its checkbox is (tests/data/notes/task-list-questions.md).

The checkbox is the item's state in Obsidian or GitHub, no word of its question: a checked
question was titled "[x] Why does dropout reduce overfitting?" (its id `x-dropout-...`),
and `* [X] Explain early stopping` set no task, so its answer was "text after the list item
question" above it, not imported. An unchecked box, which titles dropped as empty
brackets, read right by chance."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.lint import lint
from tests.conftest import DATA
from tests.ecosystem.test_import_notes import front, run_import

NOTES = DATA / "notes" / "task-list-questions.md"


def test_checked_and_unchecked_questions_import_without_their_box(tmp_path: Path) -> None:
    content = tmp_path / "c"
    result = run_import(str(NOTES), "--pack", "reg", "--into", str(content))
    assert result.exit_code == 0, result.output
    titles = {path.stem: front(path)["title"] for path in content.rglob("*.md")}
    assert titles == {
        "dropout-reduce-overfitting": "Why does dropout reduce overfitting?",
        "l2-regularization-weights": "What does L2 regularization do to the weights?",
        "early-stopping-2": "Explain early stopping",  # the bundled bank has early-stopping
    }
    (early,) = content.rglob("early-stopping-2.md")
    assert front(early)["key_points"] == [
        "Training stops when the validation loss stops improving.",
        "The weights of the best validation epoch are kept.",
        "It limits how far the weights travel from their start, much like L2.",
    ]
    assert "[x]" not in result.output.lower()
    # a to-do question with no answer under it is still no card, named by what it lacks
    assert (
        f"{NOTES}:17: skipped 'Why is L1 sparser than L2?': a list item ending in '?' with no "
        "answer in it or right below it"
    ) in result.output
    assert lint([content])[1] == []


@pytest.mark.parametrize(
    "item",
    [
        "- [x] Why clip gradients?",
        "- [X] Why clip gradients?",
        "- [ ] Why clip gradients?",
        "1. [x] Why clip gradients?",
        "- [x] **Why clip gradients?**",
        "- [x] Q: Why clip gradients?",
        "- Why clip gradients?",
    ],
)
def test_a_task_item_asks_as_the_same_item_without_its_box(tmp_path: Path, item: str) -> None:
    notes = tmp_path / "n.md"
    notes.write_text(
        f"{item}\n    - One huge gradient can throw the weights far off.\n"
        "    - Clipping rescales the gradient to a maximum norm.\n"
        "    - The direction of the step is kept.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    (card,) = (tmp_path / "c").rglob("*.md")
    assert card.stem == "clip-gradients"
    assert front(card)["title"] == "Why clip gradients?"
    assert "[" not in card.read_text().split("## Question", 1)[1].split("## Answer", 1)[0]


def test_a_bracket_that_is_no_checkbox_stays_in_the_title(tmp_path: Path) -> None:
    """`[xy]`, `[x]` without a space after it, or a box inside the line are words."""
    notes = tmp_path / "n.md"
    notes.write_text(
        "- [x]: what does this mark mean?\n    - It marks a done task.\n"
        "    - GitHub draws it as a ticked box.\n    - Obsidian strikes nothing out.\n"
        "- Why is [x] checked?\n    - Its task is done.\n    - Someone ticked it.\n"
        "    - The box shows a tick.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    titles = sorted(str(front(p)["title"]) for p in (tmp_path / "c").rglob("*.md"))
    assert titles == ["Why is [x] checked?", "[x]: what does this mark mean?"], result.output
