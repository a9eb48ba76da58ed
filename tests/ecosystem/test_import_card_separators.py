"""Card lists in the shapes other apps keep them: Mochi's `---` between a card's front and
back (a question over a rule, then its answer), and Quizlet's export with `;` between
term and definition (no suffix says so: the report says how to read it)."""

from __future__ import annotations

from pathlib import Path

from tests.ecosystem.test_import_notes import answer_of, front, run_import

MOCHI = (
    "What is the bias-variance trade-off?\n"
    "---\n"
    "A simple model underfits. A flexible model overfits. The best test error is between.\n"
    "\n"
    "---\n"
    "\n"
    "What is early stopping?\n"
    "\n"
    "---\n"
    "\n"
    "Training stops when the validation loss stops improving. It limits the capacity the"
    " model uses. It needs a held-out set.\n"
)


def test_a_question_over_a_rule_is_answered_below_it(tmp_path: Path) -> None:
    notes = tmp_path / "mochi.md"
    notes.write_text(MOCHI, encoding="utf-8")
    result = run_import(str(notes), "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    cards = {str(front(p)["title"]): p for p in (tmp_path / "c").rglob("*.md")}
    assert set(cards) == {"What is the bias-variance trade-off?", "What is early stopping?"}
    assert answer_of(cards["What is early stopping?"]).startswith("Training stops when")
    assert "not imported" not in result.output
    assert f"← {notes}:7 What is early stopping?" in result.output
    # the rule parts its front from its back, as Mochi reads it: no "no answer marker"
    assert f"{notes}:7: note: 'What is early stopping?': no answer marker" not in result.output


def test_a_slide_break_under_a_heading_question_is_its_marker(tmp_path: Path) -> None:
    """A rule right under a question (Mochi's card, a slide deck's next slide) is where its
    answer starts: "no answer marker; the whole text under the question is the answer" was
    said of every such card. A heading question with its answer right under it still gets
    the note."""
    notes = tmp_path / "slides.md"
    notes.write_text(
        "## What is dropout?\n\n---\n\nDropout zeroes random units while training.\n\n"
        "## What is weight decay?\n\nWeight decay shrinks each weight a little at every"
        " step.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert "2 questions seen, 2 cards written" in result.output
    said = " ".join(result.output.split())
    assert f"{notes}:1: note: 'What is dropout?': no answer marker" not in said
    assert f"{notes}:7: note: 'What is weight decay?': no answer marker" in said


def test_text_after_a_rule_that_asks_nothing_is_still_named(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(
        "## What is dropout?\n\nIt zeroes units at random. It scales the rest. It is off at"
        " test time.\n\n---\n\nBack to top\n\n---\n\nMore reading follows.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "c").rglob("*.md"))) == 1
    assert "not imported" in result.output


def test_a_semicolon_card_list_is_told_how_to_be_read(tmp_path: Path) -> None:
    notes = tmp_path / "quizlet.txt"
    rows = (
        "precision;of the predicted positives, the share that is right\n"
        "recall;of the real positives, the share that is found\n"
        "F1 score;the harmonic mean of precision and recall\n"
    )
    notes.write_text(rows, encoding="utf-8")
    result = run_import(str(notes), "--into", str(tmp_path / "c"))
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "its lines are parted by ';'" in said
    assert "add the line '#separator:semicolon' at its top" in said
    notes.write_text("#separator:semicolon\n" + rows, encoding="utf-8")
    result = run_import(str(notes), "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    titles = {str(front(p)["title"]) for p in (tmp_path / "c").rglob("*.md")}
    assert titles == {"precision", "recall", "F1 score"}


def test_a_quizlet_export_parted_by_a_colon_gives_a_card_a_row(tmp_path: Path) -> None:
    """Quizlet's custom separator `: ` gave "no questions found"; `Front:`/`Back:` and
    `Q:`/`A:` lines are read as before."""
    notes = tmp_path / "glossary.txt"
    notes.write_text(
        "dropout: zeroes random units in training so no unit can lean on another\n"
        "weight decay: adds the weights' squared norm to the loss, keeping them small\n"
        "early stopping: ends training when the validation loss stops improving\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert (
        f"{notes}:1: note: Quizlet: 3 rows, ': ' between term and definition and a new line "
        "between rows (Quizlet's export with those separators), read as a card a row"
    ) in result.output
    cards = {front(path)["title"]: path for path in (tmp_path / "c").rglob("*.md")}
    assert len(cards) == 3 and any("weight decay" in str(title).lower() for title in cards)
    assert f"← {notes}:3 " in result.output
    qa = tmp_path / "qa.txt"
    qa.write_text("Q: What is an epoch?\nA: One full pass over the training data.\n")
    said = run_import(str(qa), "--pack", "q", "--into", str(tmp_path / "c"), "--dry-run")
    assert "Quizlet" not in said.output and "← " + f"{qa}:1 What is an epoch?" in said.output
