"""A cloze card's id stays when its hidden text or its hint is mended.

A card's reviews are kept under its id. A cloze's id was made from its question with
each deletion hidden, as `[...]` or as its hint: `{{c1::an L2 penalty::a kind of
penalty}}` put "kind-penalty" in the id, so mending the hint made a second card and left
the reviews with the first. The id now leaves hints out; a card imported under the old
rule keeps its id (matched by its title, as other old ids are)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from quiz.ecosystem import importer
from quiz.ecosystem.ankitext import parse_anki_text
from quiz.ecosystem.notes.found import ParsedNotes
from tests.ecosystem.test_import_notes import front, run_import

HEADER = "#separator:tab\n#html:true\n#notetype column:1\n"
HINTED = (
    "Cloze\tWeight decay adds {{c1::an L2 penalty::a kind of penalty}} to the loss.\t"
    "Under SGD it equals shrinking every weight at each step.\n"
    "Cloze\t{{c1::Adam}} combines {{c2::momentum}} with {{c3::RMSProp::a per-weight scale}}."
    "\tFrom the 2015 paper by Kingma and Ba.\n"
)


def _import(notes: Path, content: Path, *flags: str) -> str:
    result = run_import(str(notes), "--pack", "p", "--topic", "t", "--into", str(content), *flags)
    assert result.exit_code in (0, 1), result.output
    return result.output


def _ids(content: Path) -> list[str]:
    return sorted(path.stem for path in (content / "p" / "t").glob("*.md"))


def test_a_hint_is_no_word_of_the_id(tmp_path: Path) -> None:
    notes = tmp_path / "deck.txt"
    notes.write_text(HEADER + HINTED, encoding="utf-8")
    _import(notes, tmp_path / "c")
    assert _ids(tmp_path / "c") == [
        "combines-with-c1",
        "combines-with-c2",
        "combines-with-c3",
        "weight-decay-adds-loss",
    ]
    card = front(tmp_path / "c" / "p" / "t" / "weight-decay-adds-loss.md")
    assert card["title"] == "Weight decay adds [a kind of penalty] to the loss"  # still asked so


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("an L2 penalty::a kind", "an L2 penalty::a sort"),  # the hint mended
        ("an L2 penalty::a kind", "an L2 pennalty::a kind"),  # the hidden text mended
        ("RMSProp::a per-weight", "RMSprop::a per-weight"),
        ("RMSProp::a per-weight", "RMSProp::one per-weight"),
    ],
)
def test_mending_a_deletion_keeps_the_card_and_its_id(tmp_path: Path, old: str, new: str) -> None:
    notes = tmp_path / "deck.txt"
    notes.write_text(HEADER + HINTED, encoding="utf-8")
    content = tmp_path / "c"
    _import(notes, content)
    ids = _ids(content)
    notes.write_text(HEADER + HINTED.replace(old, new), encoding="utf-8")
    refused = _import(notes, content)
    assert "already exists with another" in refused and "use --force" in refused
    assert _ids(content) == ids  # no second card beside the first
    _import(notes, content, "--force")
    assert _ids(content) == ids  # written over in place: the same ids, the same reviews
    again = _import(notes, content)
    assert "nothing new: 4 questions seen, 0 cards written, 4 unchanged" in again


def _as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """Imports as before hints were left out of ids: the id made from the title."""

    def before(notes: str, separator: str = "\t") -> ParsedNotes:
        parsed = parse_anki_text(notes, separator)
        wholes = {  # one note's cards share their whole, as the parser's do
            id(q.whole): dataclasses.replace(q.whole, id_title=None)
            for q in parsed.questions
            if q.whole is not None
        }
        questions = tuple(
            dataclasses.replace(q, id_title=None, whole=wholes.get(id(q.whole)))
            for q in parsed.questions
        )
        return dataclasses.replace(parsed, questions=questions)

    monkeypatch.setattr(importer, "parse_anki_text", before)


def test_cards_imported_with_hints_in_their_ids_keep_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "deck.txt"
    notes.write_text(HEADER + HINTED, encoding="utf-8")
    content = tmp_path / "c"
    with monkeypatch.context() as patched:
        _as_before(patched)
        _import(notes, content)
    before = _ids(content)
    assert before == [
        "combines-with-per-weight-scale-c1",
        "combines-with-per-weight-scale-c2",
        "combines-with-per-weight-scale-c3",
        "weight-decay-adds-kind-penalty-loss",
    ]
    output = _import(notes, content)
    assert "nothing new: 4 questions seen, 0 cards written, 4 unchanged" in output
    assert _ids(content) == before  # the same files: no second card, the reviews kept


def test_a_cloze_of_deletions_only_keeps_its_hints_words(tmp_path: Path) -> None:
    """Without a word outside its deletions its id would be the pack's and the note's
    number, which moves when a note is added above it: its hints' words stay instead."""
    notes = tmp_path / "deck.txt"
    notes.write_text(
        HEADER + "Cloze\t{{c1::Adam::optimizer}}: {{c2::2014::year}}\tKingma and Ba wrote it.\n",
        encoding="utf-8",
    )
    _import(notes, tmp_path / "c")
    assert _ids(tmp_path / "c") == ["optimizer-year-c1", "optimizer-year-c2"]
