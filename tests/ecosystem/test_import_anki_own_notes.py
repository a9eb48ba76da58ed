"""drillbit's own Anki notes brought back as Anki writes them: `drillbit export anki`, the
package imported into a real Anki collection (the `anki` library), exported from there as
Notes in Plain Text, and that file given to `drillbit import`.

A choice note's second field is its list of choices, wrong ones too: read as a note's
answer, the wrong choices became the card's answer and key points. A numeric note's is the
number alone, too short to be an answer: every numeric note was skipped. Since the
fifty-first round each is made the choice or numeric card it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from anki.collection import Collection

from quiz.bank.loader import load_bank
from quiz.bank.sources import content_roots
from tests.conftest import DATA
from tests.ecosystem.anki_through import anki_holding, export_text
from tests.ecosystem.test_import_notes import front, run_import

WRONG_CHOICE = "Keep the learning rate"
RIGHT_CHOICES = ["Multiply $\\alpha$ by $k$", "Scale $\\alpha$ with the batch size"]


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    """A real Anki collection holding the fixture bank's export."""
    bank = load_bank(content_roots([DATA / "anki_bank"]))
    with anki_holding(
        [c for c in bank.cards if c.pack == "anki"], tmp_path, now=1_700_000_000
    ) as col:
        yield col


def _section(card: Path, name: str) -> str:
    """The text of a card file's `## name` section."""
    return card.read_text().split(f"## {name}\n", 1)[1].split("\n## ", 1)[0].strip()


def test_a_choice_note_is_a_choice_card_again_its_right_choices_marked(
    collection: Collection, tmp_path: Path
) -> None:
    """Until the fifty-first round it came back a concept card answered by its right
    choices: it asked every choice in its question and graded none."""
    notes = export_text(collection, tmp_path / "deck.txt", with_html=True)
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "back", "--into", str(content))
    assert result.exit_code == 0, result.output
    [choice] = [p for p in content.rglob("*.md") if "linear scaling" in p.read_text()]
    data = front(choice)
    assert data["kind"] == "choice"
    assert data["choices"] == [RIGHT_CHOICES[0], WRONG_CHOICE, RIGHT_CHOICES[1]]
    assert data["answer"] == [0, 2]  # the wrong choice is a choice, never a right one
    assert "It scales $\\alpha$ by $k$" in _section(choice, "Explanation")
    # drillbit's namespaced tags are the card's own again, and its topic tag its folder
    # (`drillbit::tag::training` was `drillbit-tag-training`, the topic the pack's deck).
    assert data["tags"] == ["training"]
    assert choice.parent.name == "math"
    # The question asks as the card did: its choices are the card's, not its question's.
    assert WRONG_CHOICE not in _section(choice, "Question")


def test_a_numeric_note_is_a_numeric_card_again(collection: Collection, tmp_path: Path) -> None:
    notes = export_text(collection, tmp_path / "deck.txt", with_html=True)
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "back", "--into", str(content))
    assert result.exit_code == 0, result.output
    [numeric] = [p for p in content.rglob("*.md") if "max_z" in p.read_text()]
    data = front(numeric)
    assert (data["kind"], data["answer"], data["unit"]) == ("numeric", 0.25, "per unit of z")
    assert data["tolerance"] == {"absolute": 0.001}
    assert _section(numeric, "Question") == "What is $\\max_z \\sigma'(z)$?"
    assert "$\\sigma'(0) = \\frac{1}{4}$" in _section(numeric, "Explanation")


def test_a_choice_note_exported_without_html_is_left_out_with_why(
    collection: Collection, tmp_path: Path
) -> None:
    """Without HTML Anki runs a list's items together: the right choices cannot be told."""
    notes = export_text(collection, tmp_path / "deck.txt", with_html=False)
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "back", "--into", str(content))
    assert all(WRONG_CHOICE not in p.read_text() for p in content.rglob("*.md"))
    assert "a 'drillbit choice' note whose right choices cannot be told" in result.output
    assert "'Include HTML and media references'" in result.output


def test_notes_whose_cards_the_bank_has_are_nothing_new(
    collection: Collection, tmp_path: Path
) -> None:
    """Anki keeps one note per GUID; importing drillbit's own notes back made a second card
    of each question under an id made from its title. A note whose CardId is a card of the
    bank (outside the import's pack) is now left out, and the import has nothing new."""
    notes = export_text(collection, tmp_path / "deck.txt", with_html=True)
    content = tmp_path / "c"
    result = run_import(
        str(notes), "--pack", "back", "--into", str(content), content=(DATA / "anki_bank",)
    )
    assert result.exit_code == 0, result.output
    assert not list(content.rglob("*.md"))
    assert "skipped 3 questions, already in the bank: its card is already in the bank" in (
        result.output
    )
    assert "nothing new: 3 questions seen, 0 cards written, 3 skipped (3 already in the bank)" in (
        result.output
    )
