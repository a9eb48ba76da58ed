"""One-word answers are cards, and RemNote's `Front >>>` cards say nothing when read.

Every reader skipped "ReLU", "Adam" or "1e-8" as "too short for a key point", though a
one-word answer to a real question is a real card (Anki decks hold many); what is truly
empty or a placeholder is still skipped, at its file:line with the reason. A RemNote
multi-line card, read as RemNote reads it, got "no answer marker" as if something was
wrong; one with no line under it was "text ... not imported" instead of its own reason.
"""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from tests.ecosystem.test_import_notes import answer_of, front, run_import


def _run(tmp_path: Path, name: str, text: str) -> tuple[dict[str, Path], str, Path]:
    """(cards by title, the import's output, the notes' path)."""
    notes = tmp_path / name
    notes.write_text(text, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "ml", "--topic", "t", "--into", str(content))
    assert result.exit_code == 0, result.output
    cards = {str(front(p)["title"]): p for p in (content / "ml" / "t").glob("*.md")}
    assert lint([content])[1] == []
    return cards, " ".join(result.output.split()), notes


def test_markdown_one_word_answers_are_cards(tmp_path: Path) -> None:
    cards, said, notes = _run(
        tmp_path,
        "notes.md",
        "## Q1. Which activation is max(0, x)?\n\n**A:** ReLU\n\n"
        "## Q2. Which optimizer keeps both moment estimates?\n\nA: `Adam`\n\n"
        "## Q3. What is Adam's default epsilon?\n\nA: 1e-8\n\n"
        "## Q4. What will this section say?\n\nA: TODO\n\n"
        "## Q5. What is left blank?\n\nA: —\n",
    )
    assert {t: front(p)["key_points"] for t, p in cards.items()} == {
        "Which activation is max(0, x)?": ["ReLU"],
        "Which optimizer keeps both moment estimates?": ["Adam"],
        "What is Adam's default epsilon?": ["1e-8"],
    }
    assert answer_of(cards["Which activation is max(0, x)?"]) == "ReLU"
    assert f"{notes}:13: skipped Q4 'What will this section say?': the answer is a placeholder" in (
        said
    )
    assert f"{notes}:17: skipped Q5 'What is left blank?': the answer is a placeholder ('—')" in (
        said
    )


def test_anki_one_word_answers_are_cards(tmp_path: Path) -> None:
    cards, said, notes = _run(
        tmp_path,
        "deck.txt",
        "#separator:tab\n#html:true\n"
        "Which optimizer adapts a step per parameter?\t<b>Adam</b>\n"
        "Derivative of ReLU at z &gt; 0?\t1\n"
        "Which norm is in weight decay?\tTBD\n",
    )
    assert {t: front(p)["key_points"] for t, p in cards.items()} == {
        "Which optimizer adapts a step per parameter?": ["Adam"],
        "Derivative of ReLU at z > 0?": ["1"],
    }
    assert f"{notes}:5: skipped 'Which norm is in weight decay?': the answer is a placeholder" in (
        said
    )


def test_remnote_one_word_backs_and_multi_line_cards(tmp_path: Path) -> None:
    cards, said, notes = _run(
        tmp_path,
        "rem.md",
        "- Adam >> adaptive moment estimation\n"
        "- Optimizer with momentum and scaling >> Adam\n"
        "- What is the default epsilon of Adam? >>>\n"
        "    - 1e-8\n"
        "- Why clip gradients? >>>\n"
        "- Exploding gradients make the steps huge.\n",
    )
    assert set(cards) == {
        "Adam",
        "Optimizer with momentum and scaling",
        "What is the default epsilon of Adam?",
    }
    assert front(cards["What is the default epsilon of Adam?"])["key_points"] == ["1e-8"]
    # read as RemNote reads it: nothing to note about an answer marker
    assert "no answer marker" not in said
    # one with no line under it says exactly that, at its line
    assert (
        f"{notes}:5: skipped 'Why clip gradients? >>>': a RemNote multi-line card ('Front >>>')"
        " with no line indented under it, so no answer"
    ) in said


def test_obsidian_one_word_answers_are_cards(tmp_path: Path) -> None:
    cards, _, _ = _run(
        tmp_path,
        "sr.md",
        "#flashcards\n\nWhich activation is max(0, x)?::ReLU\n\nWhich loss suits two classes?\n?\n"
        "Cross-entropy\n",
    )
    assert {t: front(p)["key_points"] for t, p in cards.items()} == {
        "Which activation is max(0, x)?": ["ReLU"],
        "Which loss suits two classes?": ["Cross-entropy"],
    }
