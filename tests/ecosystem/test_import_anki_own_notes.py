"""drillbit's own Anki notes brought back as Anki writes them: `drillbit export anki`, the
package imported into a real Anki collection (the `anki` library), exported from there as
Notes in Plain Text, and that file given to `drillbit import`.

A choice note's second field is its list of choices, wrong ones too: read as a note's
answer, the wrong choices became the card's answer and key points. A numeric note's is the
number alone, too short to be an answer: every numeric note was skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from anki.collection import (
    Collection,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)

from quiz.bank.loader import load_bank
from quiz.bank.sources import content_roots
from quiz.ecosystem.anki import export_anki
from tests.conftest import DATA
from tests.ecosystem.test_import_notes import answer_of, front, run_import

WRONG_CHOICE = "Keep the learning rate"
RIGHT_CHOICES = ["Multiply $\\alpha$ by $k$", "Scale $\\alpha$ with the batch size"]


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    """A real Anki collection holding the fixture bank's export."""
    bank = load_bank(content_roots([DATA / "anki_bank"]))
    package = tmp_path / "deck.apkg"
    export_anki([c for c in bank.cards if c.pack == "anki"], package, now=1_700_000_000)
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        col.import_anki_package(
            ImportAnkiPackageRequest(package_path=str(package), options=ImportAnkiPackageOptions())
        )
        yield col
    finally:
        col.close()


def _export_text(col: Collection, out: Path, *, with_html: bool) -> Path:
    """File > Export > Notes in Plain Text, every column Anki offers."""
    col.export_note_csv(
        out_path=str(out),
        limit=None,
        with_html=with_html,
        with_tags=True,
        with_deck=True,
        with_notetype=True,
        with_guid=True,
    )
    return out


def test_a_choice_note_is_answered_by_its_right_choices_only(
    collection: Collection, tmp_path: Path
) -> None:
    notes = _export_text(collection, tmp_path / "deck.txt", with_html=True)
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "back", "--into", str(content))
    assert result.exit_code == 0, result.output
    [choice] = [p for p in content.rglob("*.md") if "linear scaling" in p.read_text()]
    answer = answer_of(choice)
    points = front(choice)["key_points"]
    assert isinstance(points, list)
    assert WRONG_CHOICE not in answer and not any(WRONG_CHOICE in p for p in points)
    assert [p for p in points if p in RIGHT_CHOICES] == RIGHT_CHOICES
    assert "It scales $\\alpha$ by $k$" in answer  # the explanation follows them
    # drillbit's namespaced tags are the card's own again, and its topic tag its folder
    # (`drillbit::tag::training` was `drillbit-tag-training`, the topic the pack's deck).
    assert front(choice)["tags"] == ["training"]
    assert choice.parent.name == "math"
    # The question asks with every choice, as the note's front shows them.
    question = choice.read_text().split("## Question", 1)[1].split("## Answer", 1)[0]
    assert all(c in question for c in [WRONG_CHOICE, *RIGHT_CHOICES])


def test_a_numeric_note_is_answered_by_its_number_and_explanation(
    collection: Collection, tmp_path: Path
) -> None:
    notes = _export_text(collection, tmp_path / "deck.txt", with_html=True)
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "back", "--into", str(content))
    assert result.exit_code == 0, result.output
    [numeric] = [p for p in content.rglob("*.md") if "max_z" in p.read_text()]
    answer = answer_of(numeric)
    assert answer.startswith("0.25 per unit of z\naccepted: 0.249 to 0.251 per unit of z")
    assert "$\\sigma'(0) = \\frac{1}{4}$" in answer


def test_a_choice_note_exported_without_html_is_left_out_with_why(
    collection: Collection, tmp_path: Path
) -> None:
    """Without HTML Anki runs a list's items together: the right choices cannot be told."""
    notes = _export_text(collection, tmp_path / "deck.txt", with_html=False)
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
    notes = _export_text(collection, tmp_path / "deck.txt", with_html=True)
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
