"""A whole answer of "Yes." (or "No", "True", "False") and an answer that only holds an
answer's place ("—", "-", "...", "?", "TODO"), read the same by every reader.

Since one-word answers became cards, "Yes." was kept with no word, though an earlier round
skipped it on purpose: a yes/no card teaches nothing without its reason. An Anki user
expects each note of theirs to be a card, so it is kept, and a note at the answer's
file:line asks for the why. A placeholder was told as "too short", which sent the user to
lengthen an answer they had not written: it is named for what it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.ecosystem.keypoints_bare import is_placeholder, is_yes_no
from tests.ecosystem.test_import_notes import front, run_import

_WHY = "a yes/no card teaches little without its reason; add the why after it"


def _run(tmp_path: Path, name: str, text: str) -> tuple[dict[str, list[str]], str, Path]:
    """(key points by title, the import's output in one line, the notes' path)."""
    notes = tmp_path / name
    notes.write_text(text, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "ml", "--topic", "t", "--into", str(content))
    assert result.exit_code == 0, result.output
    cards = {
        str(front(p)["title"]): list(front(p)["key_points"])  # type: ignore[call-overload]
        for p in (content / "ml" / "t").glob("*.md")
    }
    return cards, " ".join(result.output.split()), notes


# One note of each kind per reader: (file name, notes, the yes/no card's line, the
# placeholder's line, the placeholder as shown).
_READERS = [
    (
        "qa.md",
        "## Is softmax invariant to adding a constant to every input?\n\nA: Yes.\n\n"
        "## What is the gradient of ReLU at zero?\n\nA: —\n",
        3,
        5,
        "—",
    ),
    (
        "deck.txt",
        "#separator:tab\n#html:true\n"
        "Is softmax invariant to adding a constant to every input?\t<b>Yes.</b>\n"
        "What is the gradient of ReLU at zero?\t...\n",
        3,
        4,
        "...",
    ),
    (
        "sr.md",
        "#flashcards\n\nIs softmax invariant to adding a constant to every input?::Yes.\n\n"
        "What is the gradient of ReLU at zero?::?\n",
        3,
        5,
        "?",
    ),
    (
        "rem.md",
        "- Is softmax invariant to adding a constant to every input? >> Yes.\n"
        "- What is the gradient of ReLU at zero? >> —\n",
        1,
        2,
        "—",
    ),
    (
        "graph.md",
        "- Is softmax invariant to adding a constant to every input? #card\n\t- Yes.\n"
        "- What is the gradient of ReLU at zero? #card\n\t- -\n",
        2,
        3,
        "-",
    ),
]


@pytest.mark.parametrize(("name", "text", "yes_line", "blank_line", "shown"), _READERS)
def test_every_reader_keeps_yes_with_a_note_and_names_a_placeholder(
    tmp_path: Path, name: str, text: str, yes_line: int, blank_line: int, shown: str
) -> None:
    cards, said, notes = _run(tmp_path, name, text)
    assert cards == {"Is softmax invariant to adding a constant to every input?": ["Yes."]}
    assert f"{notes}:{yes_line}: note: " in said and "its answer is only 'Yes.'" in said
    assert _WHY in said
    assert (
        f"{notes}:{blank_line}: skipped 'What is the gradient of ReLU at zero?': the answer is"
        f" a placeholder ('{shown}'), not an answer yet; write it and import again"
    ) in said
    assert "too short" not in said


def test_many_yes_no_answers_are_one_note_and_a_reason_gives_none(tmp_path: Path) -> None:
    cards, said, notes = _run(
        tmp_path,
        "notes.md",
        "## Is batch norm computed per mini-batch in training?\n\nA: Yes\n\n"
        "## Does dropout stay on at test time?\n\nA: **No**\n\n"
        "## Is ReLU convex?\n\nA: True.\n\n"
        "## Is L1 differentiable at zero?\n\nA: No, its subgradient at zero is a set.\n",
    )
    assert len(cards) == 4
    assert (
        "note: 3 answers are only 'Yes.', 'No', 'True' or 'False': kept as cards, but a yes/no"
        " card teaches little without its reason; add the why after each ('Yes, because ...')"
        f" and import again ({notes}:3, {notes}:7, {notes}:11)"
    ) in said
    assert f"{notes}:15" not in said  # "No, its subgradient ..." holds its reason


def test_placeholders_repeated_are_counted_as_such(tmp_path: Path) -> None:
    cards, said, _ = _run(
        tmp_path,
        "notes.md",
        "".join(f"## Question {n}?\n\nA: {mark}\n\n" for n, mark in enumerate("—?-", 1))
        + "## What does Adam stand for?\n\nA: Adaptive moment estimation.\n",
    )
    assert list(cards) == ["What does Adam stand for?"]
    assert "3 skipped (3 answer a placeholder)" in said


def test_what_is_and_is_not_a_placeholder_or_a_yes_no() -> None:
    for mark in ("—", "-", "–", "...", "…", "?", "???", "TODO", "tbd.", "(TBC)", "- —"):
        assert is_placeholder(mark), mark
    for answer in ("0", "ReLU", "x", "$-1$", "∞", "", "N/A"):
        assert not is_placeholder(answer), answer
    for answer in ("Yes.", "no", "**True**", "False!", "`true`"):
        assert is_yes_no(answer), answer
    for answer in ("Yes, because it normalizes.", "None", "Noisy", "Truncated"):
        assert not is_yes_no(answer), answer
