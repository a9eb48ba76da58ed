"""Notes whose questions or answer text the importer dropped without a word (fourteenth
round): each shape is read whole, or what is left out is reported with its line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from quiz.bank.lint import lint
from quiz.cli.context import Context
from quiz.cli.ecosystem import import_command
from quiz.ecosystem.importer import plan_import, write_plan
from quiz.ecosystem.keypoints_sentences import MAX_POINTS, MIN_POINTS
from quiz.ecosystem.notes.read import parse_notes
from quiz.ecosystem.titles import number_only


def run_import(*args: str) -> Result:
    return CliRunner().invoke(import_command, list(args), obj=Context([]))


def plan_and_lint(tmp_path: Path, text: str) -> list[str]:
    """The titles of the cards the notes give; the written cards must pass lint."""
    plan = plan_import(tmp_path / "n.md", content_dir=tmp_path / "c", pack="p", text=text)
    write_plan(plan)
    _, problems = lint([tmp_path / "c"])
    assert problems == []
    return [card.question.title for card in plan.cards]


# --- a. a bold question with its answer on the next line (one paragraph) ---------------

LIST_WITHOUT_BLANK_LINES = """\
## 2. Math

1. **What is the derivative of sigmoid?**
   The derivative is s(1-s). It peaks at 0.25.
2. **What is the softmax Jacobian?**
   It is diag(p) - p p^T.

Q: What is an eigenvalue?
A: A scalar l with A v = l v.
"""


def test_a_numbered_bold_question_with_its_answer_on_the_next_line(tmp_path: Path) -> None:
    parsed = parse_notes(LIST_WITHOUT_BLANK_LINES)
    assert [(q.line, q.title, q.answer) for q in parsed.questions] == [
        (3, "What is the derivative of sigmoid?", "The derivative is s(1-s). It peaks at 0.25."),
        (5, "What is the softmax Jacobian?", "It is diag(p) - p p^T."),
        (8, "What is an eigenvalue?", "A scalar l with A v = l v."),
    ]
    assert all(q.section == "Math" for q in parsed.questions)
    assert [s.reason for s in parsed.sections] == [
        "a section holding 3 questions, not a question itself"
    ]
    assert parsed.ignored == ()
    assert plan_and_lint(tmp_path, LIST_WITHOUT_BLANK_LINES) == [
        "What is the derivative of sigmoid?",
        "What is the softmax Jacobian?",
        "What is an eigenvalue?",
    ]


def test_the_blank_line_between_question_and_answer_changes_nothing() -> None:
    """With or without a blank line, the same questions, answers and answer lines."""
    spaced = LIST_WITHOUT_BLANK_LINES.replace("?**\n", "?**\n\n")
    tight, loose = parse_notes(LIST_WITHOUT_BLANK_LINES), parse_notes(spaced)
    assert [(q.title, q.answer) for q in tight.questions] == [
        (q.title, q.answer) for q in loose.questions
    ]
    assert [q.answer_line for q in tight.questions] == [4, 6, 9]


def test_a_bold_first_line_outside_a_list_is_a_question_too() -> None:
    notes = (
        "# Notes\n\n"
        "**What is overfitting?**\nThe model learns noise. It fails on new data.\n\n"
        "**Q2: What is a validation set?**\nData held out for tuning. It is never trained on.\n\n"
        "**What is early stopping?**\n**Answer:** Training stops when validation loss rises.\n\n"
        "**Summary**\nThis bold line is no question: it stays answer text.\n"
    )
    parsed = parse_notes(notes)
    stopping = "Training stops when validation loss rises."
    summary = "**Summary**\nThis bold line is no question: it stays answer text."
    assert [(q.number, q.title, q.answer, q.marker) for q in parsed.questions] == [
        (None, "What is overfitting?", "The model learns noise. It fails on new data.", False),
        (
            "2",
            "What is a validation set?",
            "Data held out for tuning. It is never trained on.",
            False,
        ),
        (None, "What is early stopping?", f"{stopping}\n\n{summary}", True),
    ]
    assert parsed.ignored == ()


def test_a_bold_first_line_that_is_no_question_stays_answer_text() -> None:
    notes = (
        "## Q1: What are the steps?\n\n"
        "1. **Load.**\n   Read the file.\n2. **Train.**\n   Fit the model.\n"
    )
    parsed = parse_notes(notes)
    assert [q.title for q in parsed.questions] == ["What are the steps?"]
    assert "Fit the model." in parsed.questions[0].answer


# --- b. a heading inside a list item or quote is text, not where the answer ends -------

HASH_IN_A_LIST = """\
## Q1: What are the steps?

1. Load the data.
2. # Normalize it (this line starts with a hash).
3. Train the model.
4. Evaluate on held-out data.
"""


def test_a_list_item_that_starts_with_a_hash_does_not_end_the_answer(tmp_path: Path) -> None:
    parsed = parse_notes(HASH_IN_A_LIST)
    assert parsed.title is None  # the item's `#` is no document title either
    [question] = parsed.questions
    assert question.answer == HASH_IN_A_LIST.split("\n\n", 1)[1].strip()
    plan = plan_import(tmp_path / "n.md", content_dir=tmp_path / "c", pack="p", text=HASH_IN_A_LIST)
    [card] = plan.cards
    assert card.key_points == (
        "Load the data.",
        "Normalize it (this line starts with a hash).",
        "Train the model.",
        "Evaluate on held-out data.",
    )
    write_plan(plan)
    _, problems = lint([tmp_path / "c"])
    assert problems == []


def test_headings_in_items_and_quotes_end_no_answer_and_no_section() -> None:
    notes = (
        "## Q1: What goes in a training loop?\n\n"
        "- Forward pass.\n- ## Loss\n  Compute the loss on the batch.\n- Backward pass.\n\n"
        "> ### A quoted heading\n> Quoted text that belongs to the answer.\n\n"
        "## Q2: What is next?\n\nIts own answer. It is short.\n"
    )
    parsed = parse_notes(notes)
    assert [q.title for q in parsed.questions] == ["What goes in a training loop?", "What is next?"]
    first = parsed.questions[0].answer
    assert "Backward pass." in first and first.endswith("Quoted text that belongs to the answer.")
    assert parsed.ignored == () and parsed.sections == ()


def test_a_question_like_heading_in_an_item_needs_an_answer_of_its_own() -> None:
    """As a list item ending in '?': without text in its item it is part of the answer
    around it (which goes on after it), with text it is a question."""
    notes = (
        "## Q1: What are the steps?\n\n"
        "1. Load the data.\n2. # What could go wrong here?\n3. Train the model.\n\n"
        "## 2. More\n\n- ### Why scale inputs?\n  Gradients behave better. Steps are even.\n"
    )
    parsed = parse_notes(notes)
    assert [(q.line, q.title) for q in parsed.questions] == [
        (1, "What are the steps?"),
        (9, "Why scale inputs?"),
    ]
    assert parsed.questions[0].answer.endswith("3. Train the model.")
    assert parsed.questions[1].answer == "Gradients behave better. Steps are even."
    assert parsed.ignored == ()


# --- c. text between a section's heading and its first question ------------------------

SECTION_INTRO = """\
## 2. Math

An important intro note about the math below.
It spans two lines.

**What is a Jacobian?**

The matrix of all first-order partial derivatives. It generalizes the gradient.
"""


def test_text_before_a_sections_first_question_is_reported_not_imported(tmp_path: Path) -> None:
    parsed = parse_notes(SECTION_INTRO)
    assert [(q.title, q.answer) for q in parsed.questions] == [
        (
            "What is a Jacobian?",
            "The matrix of all first-order partial derivatives. It generalizes the gradient.",
        )
    ]
    assert [(i.line, i.text, i.reason) for i in parsed.ignored] == [
        (
            3,
            "An important intro note about the math below.",
            "text (lines 3-4) under the section '2. Math' (line 1) before its first question "
            "(line 6), not imported",
        )
    ]
    notes = _write(tmp_path, SECTION_INTRO)
    result = run_import(str(notes), "--into", str(tmp_path / "c"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert (
        f"{notes}:3: skipped 'An important intro note about the math below.': text (lines 3-4) "
        "under the section '2. Math' (line 1)"
    ) in result.output
    assert "1 card to write; 1 other part not imported" in result.output


def test_only_what_nothing_else_names_is_reported_under_a_section() -> None:
    """Headings, rules and comments are no lost text; a heading with text under it, or an
    unanswered list question, is already named on its own line (once, not twice); the
    document's own introduction is named as the title's, not a section's."""
    notes = (
        "# Notes\n\nThe document's own introduction is no section's.\n\n"
        "## 1. Basics\n\n<!-- todo -->\n\n---\n\n### Overview\n\nSome overview text.\n\n"
        "- What is left for later?\n\n"
        "### 1.1 Which loss for classification?\n\nCross-entropy. It matches the likelihood.\n\n"
        "## 2. More\n\nA long introduction that goes on and on for more than fifty characters.\n\n"
        "### Q2: What is a margin?\n\nThe distance to the boundary. Larger is safer.\n"
    )
    parsed = parse_notes(notes)
    assert [q.title for q in parsed.questions] == [
        "Which loss for classification?",
        "What is a margin?",
    ]
    assert [(i.line, i.text, i.reason.split(" under ")[0]) for i in parsed.ignored] == [
        (3, "The document's own introduction is no section's.", "text"),
        (
            11,
            "Overview",
            "not a question (no Q number, no number, no '?', no asking verb such as 'Explain'),"
            " its text was not imported",
        ),
        (
            15,
            "What is left for later?",
            "a list item ending in '?' with no answer in it or right below it",
        ),
        (23, "A long introduction that goes on and on for more…", "text"),
    ]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    return path


# --- the smaller points -----------------------------------------------------------------


def test_the_help_gives_the_key_point_counts_cards_are_written_with(tmp_path: Path) -> None:
    """3-6 points, or 1-2 for a short answer: a one-point card is written, so the help
    says so (it said "3-6" alone)."""
    help_text = " ".join(CliRunner().invoke(import_command, ["--help"]).output.split())
    assert f"each card gets {MIN_POINTS}-{MAX_POINTS} key points" in help_text
    assert "or 1-2 when the answer is one or two sentences" in help_text
    text = "## Q1: Is the loss convex?\n**Answer:** Yes, for a linear model with squared error.\n"
    plan = plan_import(tmp_path / "n.md", content_dir=tmp_path / "c", pack="p", text=text)
    assert [len(card.key_points) for card in plan.cards] == [1]


def test_a_numbered_heading_without_a_title_is_reported_as_such() -> None:
    notes = (
        "## Q5: ---\n\nSome text here. More text.\n\n## 3.\n\nMore text. Still more.\n\n"
        "## Q:\n\nText again. And again.\n\n## 2024\n\nA year is no numbering. It is a word.\n"
    )
    parsed = parse_notes(notes)
    assert parsed.questions == ()
    assert [(i.line, i.text, i.reason) for i in parsed.ignored] == [
        (1, "Q5", "not a question (its Q number has no title), its text was not imported"),
        (5, "3.", "not a question (its number has no title), its text was not imported"),
        (9, "Q", "not a question (its Q prefix has no title), its text was not imported"),
        (
            13,
            "2024",
            "not a question (no Q number, no number, no '?', no asking verb such as 'Explain'),"
            " its text was not imported",
        ),
    ]


def test_number_only_reads_numbering_without_a_title() -> None:
    for text in ("Q5: ---", "Q5", "Q 2 .", "3)", "1.2", "Question 4:", "Q1.2 —", "Q:"):
        assert number_only(text), text
    for text in ("2024", "Q", "Questions", "Q5: What?", "3. Math", "Q&A"):
        assert not number_only(text), text


def test_math_in_a_title_is_shown_as_the_app_shows_formulas(tmp_path: Path) -> None:
    """Lists and card headings show a title as plain text: its formulas in Unicode, not as
    LaTeX without its `$`; one with no text form keeps its LaTeX. Ids spell the formulas
    in ASCII words (`tests/ecosystem/test_import_ids.py`)."""
    notes = (
        "## What does \\(\\nabla_\\theta L\\) mean?\n\n"
        "The gradient of the loss with respect to the parameters. It points uphill.\n\n"
        "## Q2: Why is $\\sum_{i=1}^n x_i$ linear?\n\nEach term enters once. It is a sum.\n\n"
        "## Q3: What is $\\begin{vmatrix}1 & 0\\end{vmatrix}$ here?\n\n"
        "A row vector. It picks the first coordinate.\n"
    )
    plan = plan_import(tmp_path / "n.md", content_dir=tmp_path / "c", pack="p", text=notes)
    fronts = [card.text.split("\n---\n", 1)[0] for card in plan.cards]
    assert [card.card_id for card in plan.cards] == [
        "nabla-theta-l-mean",
        "sum-i-1-n-xi-linear",
        "1-0-here",
    ]
    assert "title: What does ∇_θ L mean?" in fronts[0]
    assert "title: Why is ∑ᵢ₌₁ⁿ xᵢ linear?" in fronts[1]
    assert "title: What is \\begin{vmatrix}1 & 0\\end{vmatrix} here?" in fronts[2]  # a determinant
    assert "What does $\\nabla_\\theta L$ mean?" in plan.cards[0].text  # the question keeps it
    write_plan(plan)
    _, problems = lint([tmp_path / "c"])
    assert problems == []


# --- an unclosed code fence swallows the rest of the notes ------------------------------


UNCLOSED_FENCE = """\
## Q1: What does this print?

It prints the sum. The loop adds each item. The result is printed once.

```python
total = sum(items)
print(total)

## Q2: What is Y?

Y is a letter. It is the vertical axis. It is asked about often.

**Why is Z last?**

Z ends the alphabet. It is rare in English. It is used for unknowns.
"""


def test_an_unclosed_fence_is_reported_with_what_it_swallowed(tmp_path: Path) -> None:
    """The fence runs to the end of the notes: its questions are code, not questions.
    That is said at the fence's line, with the first question lost in it."""
    notes = tmp_path / "n.md"
    notes.write_text(UNCLOSED_FENCE, encoding="utf-8")
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert (
        f"{notes}:5: skipped '```python': this code fence is never closed, so the rest of the "
        "file (lines 5-15) was read as its text, with 2 question-like lines in it that are "
        "no questions (line 9 'Q2: What is Y?' and 1 more); close it with a '```' line"
    ) in result.output
    assert "1 question seen, 1 card to write; 1 other part not imported" in (result.output)
    # Closed, it is the answer's code and every question is read.
    closed = UNCLOSED_FENCE.replace("print(total)\n", "print(total)\n```\n")
    assert plan_and_lint(tmp_path, closed) == [
        "What does this print?",
        "What is Y?",
        "Why is Z last?",
    ]
    # A fence in a list item ends with the item: nothing is swallowed, nothing said.
    listed = "## What is X?\n\n- X is a letter.\n- It marks spots.\n- ```\n  x = 1\n\nThe end.\n"
    plan = plan_import(tmp_path / "n.md", content_dir=tmp_path / "d", pack="p", text=listed)
    assert [s.reason for s in plan.skipped if "never closed" in s.reason] == []


def test_an_empty_file_and_an_overlong_sentence_are_said_so(tmp_path: Path) -> None:
    """An empty file got the list of question shapes, and an answer of one sentence
    too long for a key point was "too short for a key point"."""
    for text, reason in (("", "empty"), ("\n  \n", "blank")):
        notes = tmp_path / f"{reason}.md"
        notes.write_text(text, encoding="utf-8")
        result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
        assert result.exit_code == 1
        assert f"\n{notes}: no questions found: the file is {reason}\n" in "\n" + result.output
    notes = tmp_path / "long.md"
    notes.write_text("## What is a long line?\n\n" + "word " * 300 + "\n", encoding="utf-8")
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 1
    assert (
        "the answer has no statement of at most 200 characters (a key point's limit) with a "
        "clause that stands alone; split it into shorter sentences"
    ) in result.output
    assert "1 skipped (1 sentences too long)" in result.output


def test_a_heading_that_sets_a_task_is_a_question() -> None:
    """`### Explain weight decay` with its answer under it was "not a question" (no '?'):
    interview notes word many questions as tasks. A noun heading is still none."""
    notes = (
        "# Notes\n\n## Optimization\n\n### Explain weight decay\n\n"
        "- Adds the squared norm of the weights to the loss\n- Equals L2 for plain SGD\n"
        "- Differs under Adam\n\n"
        "### Derive the gradient of the squared error\n\n"
        "The loss is a square. Its derivative is twice the residual. The chain rule adds"
        " the input.\n\n"
        "### Compute budget\n\nWe had eight GPUs. They ran for a week.\n\n"
        "### Explain\n\nA verb alone asks nothing. It is a heading.\n"
    )
    parsed = parse_notes(notes)
    assert [q.title for q in parsed.questions] == [
        "Explain weight decay",
        "Derive the gradient of the squared error",
    ]
    assert [i.text for i in parsed.ignored] == ["Compute budget", "Explain"]


# --- text after a question whose answer is its list item (twenty-fifth round) ----------

AFTER_ITEMS = """\
## Q1: What is A?

A is the first thing. It matters a lot. It is used everywhere.

- **What is X?**
  X is Y. It does Z. It is W.
- A note item that asks nothing.

Trailing paragraph that is in no answer at all.

## Q2: What is B?

B is fine.
"""


def test_text_after_a_list_item_question_is_named_not_dropped(tmp_path: Path) -> None:
    """The item's answer ends with the item; the item and paragraph after it, before the
    next question, were in no answer and dropped without a word."""
    parsed = parse_notes(AFTER_ITEMS)
    assert [q.title for q in parsed.questions] == ["What is A?", "What is X?", "What is B?"]
    assert [(i.line, i.text, i.reason) for i in parsed.ignored] == [
        (
            7,
            "- A note item that asks nothing.",
            "text (lines 7-9) after the list item question 'What is X?' (line 5), whose "
            "answer is its item, not imported",
        )
    ]
    notes = tmp_path / "n.md"
    notes.write_text(AFTER_ITEMS, encoding="utf-8")
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert f"{notes}:7: skipped '- A note item that asks nothing.': text (lines 7-9)" in (
        result.output
    )
    assert "1 other part not imported" in result.output


def test_a_plain_question_line_under_a_section_is_pointed_at() -> None:
    """`## Parameters of a conv layer` over the plain line `How many parameters ...?` and
    its answer: the section was "not a question, its text was not imported", and nothing
    said the question line is why the card was lost, nor how to write it so it asks. A
    `?` line with nothing after it, one in code and a list item are not pointed at."""
    parsed = parse_notes(
        "## Parameters of a conv layer\n"
        "How many parameters does a 3x3 conv with 64 in and 128 out channels have?\n"
        "3 * 3 * 64 * 128 + 128 = 73,856, the weights and one bias per output channel.\n"
        "\n"
        "## Overview\n"
        "```\nprint('why?')\n```\n"
        "- is this a list item?\n"
        "Some closing words here.\n"
        "\n"
        "## Open ends\n"
        "Nothing answers this one yet?\n"
    )
    reasons = {i.text: i.reason for i in parsed.ignored}
    assert reasons["Parameters of a conv layer"].endswith(
        "its text was not imported; line 2 ends in '?' but a plain line asks nothing: make it"
        " a heading ('## ...?'), bold ('**...?**') or a 'Q:' line to import it"
    )
    assert reasons["Overview"].endswith("its text was not imported")
    assert reasons["Open ends"].endswith("its text was not imported")
