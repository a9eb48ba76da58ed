"""Obsidian comments (`%% ... %%`) are no answer text: taken off, lines kept, named.

Read as Markdown a comment was text: "%% check the Goh article %%" in a card's answer,
a sentence run into the next (the answer "too short"), a to-do above the first question
named as the note's introduction."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.obsidiancomments import take_comments
from tests.ecosystem.test_import_notes import front, run_import

NOTE = """\
# Optimizers

%% TODO: add Lion and Sophia %%

## What does momentum do?

It keeps a running average of past gradients and steps along it. This damps oscillation
across a ravine.%% check the Goh article %% It speeds progress along the valley floor.

%%
A hidden paragraph that Obsidian does not show.
%%

```python
x = "%% not a comment in code %%"
```
"""


def test_comments_are_taken_off_in_place() -> None:
    comments = take_comments(NOTE)
    rows = comments.text.split("\n")
    assert len(rows) == len(NOTE.split("\n"))  # every line keeps its number
    assert rows[2] == "" and rows[9:12] == ["", "", ""]
    assert rows[7] == "across a ravine. It speeds progress along the valley floor."
    assert rows[14] == 'x = "%% not a comment in code %%"'
    assert comments.lines == (3, 8, 10, 11, 12)
    assert comments.note() == (
        "lines 3, 8, 10-12 hold Obsidian comments (%% ... %%), which Obsidian does not show:"
        " left out"
    )


def test_an_unclosed_mark_and_a_code_span_are_left_alone() -> None:
    text = "Use `%%` in a template.\n\nA 50%% cut %% of text."
    assert take_comments(text).text == "Use `%%` in a template.\n\nA 50 of text."
    assert take_comments("Only 100%% sure.").text == "Only 100%% sure."


def test_the_import_leaves_comments_out_and_says_so(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(NOTE, encoding="utf-8")
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    said = f"{notes}:3: note: comments: lines 3, 8, 10-12 hold Obsidian comments"
    assert said in result.output
    assert "not imported" not in result.output  # the to-do is no introduction
    card = tmp_path / "c" / "p" / "p" / "what-does-momentum-do.md"
    assert "%%" not in card.read_text(encoding="utf-8").split("```")[0]
    assert front(card)["key_points"] == [
        "It keeps a running average of past gradients and steps along it.",
        "This damps oscillation across a ravine.",
        "It speeds progress along the valley floor.",
    ]


def test_many_marks_on_one_line_end() -> None:
    """The backticks before each mark are counted as the walk goes (no time asserted):
    a count from the line's start at each mark was quadratic."""
    line = "`" + "%% " * 100_000
    assert take_comments(line).text == line  # all in one code span: nothing taken off
    assert take_comments("%% " * 100_000).text.strip() == ""
