"""A task list item (`- [ ] add a numeric example`) is no key point while the answer has
statements, and never one with its checkbox: Obsidian notes keep their to-dos under the
answer, and the rubric read "[ ] add a numeric example", "[x] check against the paper"
ahead of the answer's own sentences (list items rank first)."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.keypoints import key_points
from tests.ecosystem.test_import_notes import front, run_import

NOTE = """\
## Why divide the attention scores by the square root of the key width?

Two random unit-variance vectors have a dot product whose variance is the width. Large
scores push the softmax into saturation, where gradients vanish. Dividing restores unit
variance.

- [ ] add a numeric example
- [x] check against the paper
"""


def test_to_dos_under_an_answer_are_no_key_points(tmp_path: Path) -> None:
    notes = tmp_path / "attention.md"
    notes.write_text(NOTE, encoding="utf-8")
    result = run_import(str(notes), "--pack", "att", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    (card,) = (tmp_path / "c/att").rglob("*-*.md")
    assert front(card)["key_points"] == [
        "Two random unit-variance vectors have a dot product whose variance is the width.",
        "Large scores push the softmax into saturation, where gradients vanish.",
        "Dividing restores unit variance.",
    ]


def test_a_checklist_answer_gives_its_items_without_their_boxes() -> None:
    checklist = (
        "- [ ] Inputs are normalized to zero mean.\n"
        "- [x] The learning rate comes from a range test.\n"
        "- [X] One batch can be overfit to zero loss.\n"
    )
    assert key_points(checklist) == [
        "Inputs are normalized to zero mean.",
        "The learning rate comes from a range test.",
        "One batch can be overfit to zero loss.",
    ]
