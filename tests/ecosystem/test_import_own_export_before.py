"""A card imported from drillbit's own Anki export before the importer read the note's
Title, KeyPoints and kind is written again from them, without --force: its file holds
nothing the user wrote. Before, each was refused as "already exists with another title
... (use --force to overwrite it)", and a card written over with --force was matched no
more on the next import, which wrote a second card beside it under the note's CardId.

`tests/data/anki_own_49` holds the export (`tests/data/anki_bank` through
`drillbit export anki`, the `anki` library's import and Anki's Export Notes as Plain Text
with HTML, tags, deck, note type and GUID) and the cards the importer before the fiftieth
round (`git archive bd986144^`) made of it: ids and titles made from each question, key
points from each answer, every card a concept card."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.bank.loader import load_card_text
from quiz.bank.models import ChoiceFront, NumericFront
from quiz.ecosystem import ankitext
from tests.conftest import DATA
from tests.ecosystem.test_import_notes import front, run_import

OLDER = DATA / "anki_own_49"
OLD_IDS = ["batch-size-grows-by-factor-k", "max-z-sigma-z", "partial-l-partial-z-softmax-followed"]


def _older_import(tmp_path: Path) -> tuple[Path, Path]:
    """(the export, the content folder holding the older import's pack `back`)."""
    notes = tmp_path / "notes-True.txt"
    shutil.copyfile(OLDER / "notes-True.txt", notes)
    into = tmp_path / "content"
    pack = into / "back"
    (pack / "math").mkdir(parents=True)
    shutil.copyfile(OLDER / "pack.yaml", pack / "pack.yaml")
    for card in (OLDER / "math").glob("*.md"):
        shutil.copyfile(card, pack / "math" / card.name)
    return notes, into


def _cards(into: Path) -> dict[str, Path]:
    return {path.stem: path for path in sorted((into / "back" / "math").glob("*.md"))}


def test_the_older_import_is_written_again_from_the_note_its_ids_kept(tmp_path: Path) -> None:
    notes, into = _older_import(tmp_path)

    result = run_import(str(notes), "--pack", "back", "--into", str(into))

    assert result.exit_code == 0, result.output
    assert "--force" not in result.output and "skipped" not in result.output
    assert result.output.count("wrote (replacing)") == 3
    assert "before the note's title and kind were read: written again with them" in result.output
    assert "before the note's title and key points were read" in result.output
    cards = _cards(into)
    assert sorted(cards) == OLD_IDS  # the reviews, kept by id, stay with each card
    titles = {name: front(path)["title"] for name, path in cards.items()}
    assert titles == {
        "batch-size-grows-by-factor-k": "Linear scaling rule",
        "max-z-sigma-z": "Largest slope of the sigmoid",
        "partial-l-partial-z-softmax-followed": "Gradient of softmax with cross-entropy",
    }
    choice = load_card_text(cards[OLD_IDS[0]].read_text("utf-8"), cards[OLD_IDS[0]], topic="math")
    assert isinstance(choice.front, ChoiceFront) and choice.front.check_choice([0, 2])
    number = load_card_text(cards[OLD_IDS[1]].read_text("utf-8"), cards[OLD_IDS[1]], topic="math")
    assert isinstance(number.front, NumericFront) and number.front.answer == 0.25
    assert front(cards[OLD_IDS[2]])["key_points"] == [
        "The gradient is $\\hat{y} - y$",
        "Softmax and cross-entropy simplify together",
        "Divide by $m$ for the mean loss",
    ]

    again = run_import(str(notes), "--pack", "back", "--into", str(into))

    assert again.exit_code == 0, again.output
    assert again.output.count("unchanged ") >= 3 and "wrote" not in again.output
    assert sorted(_cards(into)) == OLD_IDS  # no second card under the note's CardId


def test_an_older_card_edited_since_is_still_refused_without_force(tmp_path: Path) -> None:
    notes, into = _older_import(tmp_path)
    edited = into / "back" / "math" / "partial-l-partial-z-softmax-followed.md"
    text = edited.read_text("utf-8")
    edited.write_text(text.replace("## Answer\n", "## Answer\n\nMy own remark.\n"), "utf-8")

    result = run_import(str(notes), "--pack", "back", "--into", str(into))

    assert result.exit_code == 1, result.output
    assert f"{edited} already exists with another" in result.output
    assert "(use --force to overwrite it)" in result.output
    assert "My own remark." in edited.read_text("utf-8")
    assert result.output.count("wrote (replacing)") == 2  # the other two, unedited


def test_a_choice_card_imported_as_a_concept_card_comes_back_as_a_choice_card(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The round before read a choice or numeric note's Title and KeyPoints, not its kind."""
    notes, _ = _older_import(tmp_path)
    into = tmp_path / "fresh"
    with monkeypatch.context() as patched:
        patched.setattr(ankitext, "own_kind", lambda kind, texts: None)
        assert run_import(str(notes), "--pack", "back", "--into", str(into)).exit_code == 0
    assert front(_cards(into)["bigger-learning-rate"])["kind"] == "concept"

    result = run_import(str(notes), "--pack", "back", "--into", str(into))

    assert result.exit_code == 0, result.output
    assert "before the note's kind was read: written again with it" in result.output
    kinds = {name: front(path)["kind"] for name, path in _cards(into).items()}
    assert kinds == {
        "bigger-learning-rate": "choice",
        "sigmoid-max-slope": "numeric",
        "softmax-gradient": "concept",
    }


def test_an_export_made_before_the_title_field_is_read_over_its_older_import(
    tmp_path: Path,
) -> None:
    """`tests/data/anki_before_title/deck.apkg`, an export made before the Title field was
    added, through Anki's plain-text export (`anki_own_49/before_title`), over what the
    importer before the fiftieth round made of it: the KeyPoints field and the kind are
    what it did not read, and the title (titled by its question then, by the one its
    Source field starts with since import55, as the card's back in Anki shows it)."""
    older = OLDER / "before_title"
    notes = tmp_path / "notes.txt"
    shutil.copyfile(older / "notes.txt", notes)
    into = tmp_path / "content"
    shutil.copytree(older, into / "back", ignore=shutil.ignore_patterns("*.txt"))

    result = run_import(str(notes), "--pack", "back", "--into", str(into))

    assert result.exit_code == 0, result.output
    assert "--force" not in result.output and result.output.count("wrote (replacing)") == 3
    said = " ".join(result.output.split())
    assert "before the note's title and key points were read: written again with them" in said
    assert said.count("before the note's title and kind were read: written again with") == 2
    kinds = {name: front(path)["kind"] for name, path in _cards(into).items()}
    assert kinds == dict(zip(OLD_IDS, ["choice", "numeric", "concept"], strict=True))
    titles = {name: front(path)["title"] for name, path in _cards(into).items()}
    assert titles == dict(
        zip(
            OLD_IDS,
            [
                "Linear scaling rule",
                "Largest slope of the sigmoid",
                "Gradient of softmax with cross-entropy",
            ],
            strict=True,
        )
    )


def test_an_export_without_the_note_type_column_is_read_over_its_older_import(
    tmp_path: Path,
) -> None:
    """Without the note type's name (Anki's "Include notetype name" unticked) the notes were
    read as any notes until this round told them as ours by their fields
    (`anki_own_49/no_notetype`: the cards the round before made of them, their CardId,
    Title and Source fields quoted after each answer): written again from the note."""
    older = OLDER / "no_notetype"
    notes = tmp_path / "notes-False.txt"
    shutil.copyfile(older / "notes-False.txt", notes)
    into = tmp_path / "content"
    shutil.copytree(older, into / "back", ignore=shutil.ignore_patterns("*.txt"))
    edited = into / "back" / "math" / "max-z-sigma-z.md"
    edited.write_text(edited.read_text("utf-8") + "\nMy own line.\n", "utf-8")

    result = run_import(str(notes), "--pack", "back", "--into", str(into))

    assert result.exit_code == 1, result.output  # the edited card is refused
    assert result.output.count("wrote (replacing)") == 2
    assert result.output.count("before the note was told as drillbit's by its fields") == 2
    flat = " ".join(result.output.split())  # a numeric note now: the kinds and loss said
    assert f"{edited} already exists as a concept card, and this note is a numeric card" in flat
    # the older import's title and question are not the numeric card's: named, and lost
    assert "the file's title and question differ from the note's" in flat
    assert "the file's answer, key points, title and question are lost" in flat
    kinds = {name: front(path)["kind"] for name, path in _cards(into).items()}
    assert kinds == dict(zip(OLD_IDS, ["choice", "concept", "concept"], strict=True))
    assert front(_cards(into)[OLD_IDS[2]])["title"] == "Gradient of softmax with cross-entropy"
    again = run_import(str(notes), "--pack", "back", "--into", str(into))
    assert again.output.count("unchanged ") >= 2 and sorted(_cards(into)) == OLD_IDS
