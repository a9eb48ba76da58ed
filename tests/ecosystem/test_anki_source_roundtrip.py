"""A card exported to Anki and imported back keeps what it cites: our export writes the
card's `source` in the note's Source field (`TITLE · source`), which import dropped, so
every card came back citing only the notes file it was read from (`notes.txt Q2`)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from quiz.bank.loader import load_bank
from quiz.bank.sources import content_roots
from quiz.ecosystem.ankitext import parse_anki_text
from tests.conftest import DATA
from tests.ecosystem.anki_through import through_anki
from tests.ecosystem.test_anki_card_kinds_roundtrip import ONE_RIGHT, RELATIVE
from tests.ecosystem.test_import_notes import front, run_import

GOODFELLOW = 'Goodfellow, Bengio & Courville 2016, "Deep Learning" §6.2.2'
"""A concept card's source with what Anki's HTML escapes (`&amp;`, `&quot;`)."""


def _bank(tmp_path: Path) -> Path:
    """The fixture bank, a choice and a numeric card citing the literature added, the
    concept card citing a book."""
    bank_dir = tmp_path / "content"
    shutil.copytree(DATA / "anki_bank", bank_dir)
    math = bank_dir / "anki" / "math"
    (math / "rt-adam-bias.md").write_text(ONE_RIGHT, "utf-8")
    (math / "rt-fp16-largest.md").write_text(RELATIVE, "utf-8")
    softmax = math / "softmax-gradient.md"
    softmax.write_text(
        softmax.read_text("utf-8").replace("source: tests", f"source: '{GOODFELLOW}'"), "utf-8"
    )
    return bank_dir


def _exported(tmp_path: Path, *, with_notetype: bool = True) -> tuple[dict[str, str], Path]:
    """(each exported card's id: its source) and Anki's plain-text export of them."""
    bank = load_bank(content_roots([_bank(tmp_path)], include_bundled=False))
    cards = [c for c in bank.cards if c.pack == "anki" and c.kind != "coding"]
    titles = {n: p.info.title for n, p in bank.packs.items()}
    notes = through_anki(cards, tmp_path, titles, with_notetype=with_notetype)
    return {c.id: c.front.source for c in cards}, notes


@pytest.mark.parametrize("with_notetype", [True, False])
def test_each_card_keeps_its_source_through_anki(tmp_path: Path, with_notetype: bool) -> None:
    sources, notes = _exported(tmp_path, with_notetype=with_notetype)
    assert sources["softmax-gradient"] == GOODFELLOW
    assert sources["rt-adam-bias"] == "Kingma & Ba 2015, section 3"
    assert "Kingma &amp; Ba" in notes.read_text("utf-8")  # Anki's HTML, read back as text

    result = run_import(str(notes), "--pack", "back", "--into", str(tmp_path / "back"))

    assert result.exit_code == 0, result.output
    assert "is in the card's source" not in result.output  # no notice for our own field
    back = {p.stem: front(p)["source"] for p in (tmp_path / "back").rglob("*.md")}
    assert sorted(back) == sorted(sources)
    for card_id, source in sources.items():
        assert re.fullmatch(rf"notes\.txt Q\d+ · {re.escape(source)}", str(back[card_id])), (
            card_id,
            back[card_id],
        )


def test_a_card_imported_before_gets_its_source_without_force(tmp_path: Path) -> None:
    """Its file cites only the notes: nothing the user wrote, so it is written again with
    the citation, said as such (not as a renumbered question); its id and reviews kept."""
    sources, notes = _exported(tmp_path)
    into = tmp_path / "back"
    assert run_import(str(notes), "--pack", "back", "--into", str(into)).exit_code == 0
    adam = next(into.rglob("rt-adam-bias.md"))
    cited = str(front(adam)["source"])
    older = adam.read_text("utf-8").replace(cited, cited.partition(" · ")[0])
    adam.write_text(older, "utf-8")
    assert front(adam)["source"] == cited.partition(" · ")[0]

    again = run_import(str(notes), "--pack", "back", "--into", str(into))

    assert again.exit_code == 0, again.output
    assert "already exists" not in again.output and "renumbered" not in again.output
    assert "1 updated" in again.output, again.output
    assert "the citation the note gives" in again.output, again.output
    assert front(adam)["source"] == cited
    assert cited.endswith(" · Kingma & Ba 2015, section 3")


_HEADER = "#separator:tab\n#html:true\n#notetype column:1\n"


def _own_concept(source_field: str, title: str = "Softmax gradient") -> str:
    """A row of a drillbit concept note as Anki exports it: Question, Answer, KeyPoints,
    Source, CardId, Title."""
    fields = [
        "drillbit concept",
        "What is the gradient of softmax?",
        "It is diag(p) minus p p transposed, a Jacobian.",
        "<ul><li>A Jacobian.</li></ul>",
        source_field,
        "softmax-gradient",
        title,
    ]
    return _HEADER + "\t".join(fields) + "\n"


@pytest.mark.parametrize(
    ("field", "cited"),
    [
        ("", ""),
        ("Softmax gradient · ", ""),
        (
            "Softmax gradient &middot; <i>Bishop</i>, PRML<br>§4.3 &amp; <b>4.4</b>",
            "Bishop, PRML §4.3 & 4.4",
        ),
        ("<div>Softmax gradient · Murphy 2022,&nbsp;ch. 2</div>", "Murphy 2022, ch. 2"),
        ("Old title · Goodfellow et al. ch. 6", "Goodfellow et al. ch. 6"),  # retitled in Anki
        ("Goodfellow et al. ch. 6", "Goodfellow et al. ch. 6"),  # written over in Anki
    ],
)
def test_a_source_field_empty_or_in_html_is_one_line_of_text(field: str, cited: str) -> None:
    [note] = parse_anki_text(_own_concept(field)).questions
    assert note.card_id == "softmax-gradient"
    assert note.own_source == cited
    expected = "notes.txt Q1" + (f" · {cited}" if cited else "")
    assert note.card_source("notes.txt", "") == expected


def test_an_empty_source_field_gives_a_card_citing_its_notes(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text(_own_concept("Softmax gradient · "), "utf-8")
    result = run_import(str(notes), "--pack", "back", "--into", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    [card] = (tmp_path / "back").rglob("*.md")
    assert front(card)["source"] == "notes.txt Q1"
