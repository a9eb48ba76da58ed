"""Obsidian block ids (`^sgd-adam`) are link anchors Obsidian never shows: no card text.

A heading ending in one (`## What is X? ^q1`) was "not a question" (no `?` last), its
answer lost with it, and an id at a paragraph's end opened a key point ("^bias-corr $...$").
"""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.blockids import drop_block_ids
from tests.ecosystem.test_import_notes import answer_of, front, run_import

NOTE = """\
# Optimisation

## What is the difference between SGD and Adam? ^sgd-adam

SGD steps along the negative gradient with one global learning rate.
Adam scales each parameter's step by running moments of its gradient. ^moments
- SGD: one rate for every weight ^sgd
- Adam: a rate per weight

| optimizer | state |
|---|---|
| SGD | none |

^table-1

```python
mask = a ^b
```

$$
E = x ^2
$$
"""


def test_ids_are_taken_off_in_place_and_code_and_math_are_left_alone() -> None:
    rows = drop_block_ids(NOTE).split("\n")
    assert len(rows) == len(NOTE.split("\n"))  # every line keeps its number
    assert rows[2] == "## What is the difference between SGD and Adam?"
    assert rows[5] == "Adam scales each parameter's step by running moments of its gradient."
    assert rows[6] == "- SGD: one rate for every weight"
    assert rows[13] == ""
    assert rows[16] == "mask = a ^b"
    assert rows[20] == "E = x ^2"


def test_an_id_after_a_display_formula_is_taken_off_and_the_formula_kept() -> None:
    assert drop_block_ids("$$\nE = x ^2\n$$ ^energy\n\nNext ^n1") == "$$\nE = x ^2\n$$\n\nNext"
    assert drop_block_ids("$$\nx\n= y ^2 $$") == "$$\nx\n= y ^2 $$"


def test_an_inline_formula_a_code_span_and_crlf_lines() -> None:
    assert drop_block_ids("Cost grows as $n ^2$ and `x ^y`\r\nend ^id1\r\n") == (
        "Cost grows as $n ^2$ and `x ^y`\r\nend\r\n"
    )
    assert drop_block_ids("the $a ^b") == "the $a ^b"  # inside a formula still open
    assert drop_block_ids("x^2 and a^{n}") == "x^2 and a^{n}"


def test_a_heading_with_an_id_is_a_question_and_no_key_point_holds_one(tmp_path: Path) -> None:
    notes = tmp_path / "optim.md"
    notes.write_text(NOTE, encoding="utf-8")
    result = run_import(str(notes), "--pack", "optim", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    card = tmp_path / "c/optim/optim/difference-between-sgd-adam.md"
    assert front(card)["title"] == "What is the difference between SGD and Adam?"
    points = front(card)["key_points"]
    assert isinstance(points, list) and points
    assert not any("^" in point for point in points), points
    answer = answer_of(card)
    assert not any(f"^{name}" in answer for name in ("sgd", "moments", "table-1")), answer
    assert "mask = a ^b" in answer and "E = x ^2" in answer
    assert "not a question" not in result.output
