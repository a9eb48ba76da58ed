"""Cards of Obsidian's Spaced Repetition plugin in a `#flashcards` note.

`Question::Answer` lines and `?`-parted cards were paragraphs to import: a vault's
flashcard notes gave "no questions found"."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.srcards import read_sr_cards, tags_deck
from tests.ecosystem.test_import_notes import answer_of, front, run_import

NOTE = (
    "---\n"
    "tags: [flashcards, stats]\n"
    "---\n"
    "# Stats cards\n"
    "\n"
    "What is a p-value::The probability, under the null hypothesis, of a result at least "
    "as extreme as the one observed.\n"
    "\n"
    "What is the central limit theorem?\n"
    "?\n"
    "The mean of many independent samples is close to normally distributed.\n"
    "This holds whatever the distribution of each sample, given finite variance.\n"
    "It is why confidence intervals work for large samples.\n"
    "\n"
    "What does a QQ plot show:::Sample quantiles against a reference distribution's.\n"
)


def test_single_line_and_multi_line_cards_become_questions(tmp_path: Path) -> None:
    notes = tmp_path / "stats.md"
    notes.write_text(NOTE, encoding="utf-8")
    result = run_import(str(notes), "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert f"← {notes}:6 What is a p-value" in result.output
    assert f"← {notes}:8 What is the central limit theorem?" in result.output
    assert f"← {notes}:14 What does a QQ plot show" in result.output
    (p_value,) = (tmp_path / "c").rglob("p-value*.md")
    assert answer_of(p_value) == (
        "The probability, under the null hypothesis, of a result at least as extreme as the "
        "one observed."
    )
    (clt,) = (tmp_path / "c").rglob("central-limit-theorem*.md")
    assert answer_of(clt).startswith("The mean of many independent samples")
    assert len(front(clt)["key_points"]) == 3  # type: ignore[arg-type]
    assert front(clt)["tags"] == ["flashcards", "stats"]
    assert (
        f"{notes}:6: note: flashcards: Obsidian Spaced Repetition cards read as questions: "
        "2 'Question::Answer' and 1 with a '?' line between question and answer; the reversed "
        "ones (':::' or '??', line 14) are asked from the front only"
    ) in result.output


def test_only_a_flashcards_note_is_read_so() -> None:
    assert tags_deck("Some text #flashcards\n", ())
    assert tags_deck("x", ("flashcards-stats",))
    assert not tags_deck("#flashcardsmore and a::b c\n", ("ml",))
    assert not tags_deck("key#flashcards\n", ())


def test_fields_code_and_other_blocks_are_left_alone() -> None:
    text = (
        "source:: a book\n"
        "`a::b` is C++\n"
        "```cpp\nstd::vector<int> v; // what is it::x\n```\n"
        "    indented code::here\n"
        "- a list item::here\n"
        "## A heading::here\n"
        "\n"
        "?\n"
    )
    assert read_sr_cards(text).text == text


def test_lines_keep_their_numbers() -> None:
    text = "What is X::It is Y.\r\nWhat is Z\r\n?\r\nIt is W.\r\n"
    cards = read_sr_cards(text)
    assert cards.text == "Q: What is X **A:** It is Y.\r\nQ: What is Z\r\nA:\r\nIt is W.\r\n"
    assert (cards.single, cards.multi) == ((1,), (2,))


def test_pathological_separators_end() -> None:
    for text in ("::" * 200_000, "\n?" * 200_000, "a b::\n" * 50_000, "a\n?\n" * 50_000):
        assert read_sr_cards(text).text.count("\n") == text.count("\n")


def test_cards_in_a_note_not_tagged_for_them_are_said_so(tmp_path: Path) -> None:
    """A vault note tagged `#review` but not `#flashcards`: its `Question?::Answer` lines
    were named only as the text under their heading, with no word of why they gave no card."""
    notes = tmp_path / "notes.md"
    notes.write_text(
        "## Early stopping\n\n"
        "What is early stopping?::It halts training when the validation loss stops "
        "improving.\n\nsource:: a book\n\nC++ has std::vector for arrays.\n\n#review\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--into", str(tmp_path / "c"), "--dry-run")
    assert (
        f"{notes}:3: note: flashcards: line 3 reads as an Obsidian Spaced Repetition card "
        "('Question::Answer'), but the note is not tagged #flashcards: neither the plugin "
        "nor import takes a card from such a line (tag the note #flashcards to import it)"
    ) in result.output
    assert "lines 3" not in result.output  # a field or a `::` without '?' is no such card
    tagged = notes.read_text(encoding="utf-8").replace("#review", "#review #flashcards")
    notes.write_text(tagged, encoding="utf-8")
    result = run_import(str(notes), "--into", str(tmp_path / "c"), "--dry-run")
    assert f"← {notes}:3 What is early stopping?" in result.output
    assert "not tagged" not in result.output
