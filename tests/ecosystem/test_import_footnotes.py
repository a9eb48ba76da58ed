"""Footnotes are the note's: their marks and their text are no answer's.

"floor.[^1]" ended no sentence (the answer skipped as too short), and the footnote's text
at the end of the note was taken into the last question's answer, another card's."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.footnotes import take_footnotes
from tests.ecosystem.test_import_notes import front, run_import

NOTE = """\
## What does momentum do?

It keeps a running average of past gradients. It damps oscillation across a ravine.
It speeds progress along the valley floor.[^1]

## What is Adam's bias correction?

Early moment estimates are biased toward zero. Dividing by one minus beta to the power t
removes the bias. It matters most in the first steps.

[^1]: Goh, "Why Momentum Really Works", Distill 2017.
    A second paragraph of the same footnote.

```python
x[^1] = 2  # code keeps what it says
```
"""


def test_footnotes_and_marks_are_taken_out_in_place() -> None:
    taken = take_footnotes(NOTE)
    rows = taken.text.split("\n")
    assert len(rows) == len(NOTE.split("\n"))
    assert rows[3] == "It speeds progress along the valley floor."
    assert rows[10:12] == ["", ""]
    assert rows[14] == "x[^1] = 2  # code keeps what it says"
    assert (taken.lines, taken.marks) == ((11,), 1)
    assert take_footnotes("Use `a[^1]` here.").text == "Use `a[^1]` here."


def test_the_import_leaves_footnotes_out_and_says_so(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(NOTE, encoding="utf-8")
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert (
        f"{notes}:11: note: footnotes: line 11 holds a footnote and 1 footnote mark ([^1] at "
        f"{notes}:4) in the text: left out"
    ) in result.output
    folder = tmp_path / "c" / "p" / "p"
    assert front(folder / "what-does-momentum-do.md")["key_points"] == [
        "It keeps a running average of past gradients.",
        "It damps oscillation across a ravine.",
        "It speeds progress along the valley floor.",
    ]
    adam = (folder / "adams-bias-correction.md").read_text(encoding="utf-8")
    assert "Goh" not in adam and "Distill" not in adam


def test_many_marks_on_one_line_end() -> None:
    """The backticks before each mark are counted as the walk goes (no time asserted)."""
    line = "`a " + "[^1] " * 100_000
    assert take_footnotes(line).text == line  # in one code span: no mark taken out
    assert take_footnotes("a " + "[^1]" * 100_000).marks == 100_000
