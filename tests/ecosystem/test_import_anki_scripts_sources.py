"""An Anki export's `<sub>`/`<sup>` keep their grouping, and a note's `Source: ...` line
or Source column is its card's source, not a key point (tests/data/notes/
anki-optimizer-deck.txt, hand-edited-cards.csv)."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.ecosystem.ankitext import parse_anki_text
from tests.conftest import DATA
from tests.ecosystem.test_import_notes import answer_of, front, run_import

DECK = DATA / "notes" / "anki-optimizer-deck.txt"


def test_a_script_of_several_characters_keeps_its_grouping() -> None:
    notes = parse_anki_text(DECK.read_text(encoding="utf-8"))
    first = notes.questions[0]
    # `m_t-1` read as m-sub-t minus one; `x^2k` as x squared times k
    assert first.title == "What does m_(t-1) hold when Adam takes step t?"
    assert "adds g_t^2, never x^(2k)." in first.answer
    assert "decays it by β_1 and adds (1 - β_1) g_t." in first.answer  # one character: bare


def test_a_citation_in_back_extra_is_the_cards_source(tmp_path: Path) -> None:
    content = tmp_path / "c"
    result = run_import(str(DECK), "--pack", "optim", "--into", str(content))
    assert result.exit_code == 0, result.output
    topic = content / "optim" / "optimizers"
    c1 = topic / "momentum-keeps-that-sums-past-gradients-c1.md"
    assert front(c1)["source"] == "anki-optimizer-deck.txt Q2 · Goodfellow et al. ch. 8"
    assert front(c1)["key_points"] == [
        "Momentum keeps a velocity that sums past gradients, each decayed by its age."
    ]
    assert "Goodfellow" not in answer_of(c1)
    rms = topic / "rmsprop-divides-each-step-by-root.md"
    # a bold label (`<b>Ref:</b>`) is one too; the Back Extra's other line stays
    assert front(rms)["source"] == "anki-optimizer-deck.txt Q3 · Hinton, Coursera lecture 6e"
    assert answer_of(rms).endswith("It keeps the step size steady across weights.")
    assert "note: 3 notes name their source" in result.output
    _, problems = lint([content / "optim"])
    assert problems == []


def test_a_cited_card_imported_again_is_unchanged(tmp_path: Path) -> None:
    content = tmp_path / "c"
    run_import(str(DECK), "--pack", "optim", "--into", str(content))
    again = run_import(str(DECK), "--pack", "optim", "--into", str(content))
    assert again.exit_code == 0, again.output
    assert "nothing new:" in again.output
    assert "no longer" not in again.output


def test_a_cited_card_its_note_gone_is_still_named_as_left(tmp_path: Path) -> None:
    """Its source, the place then the citation, is still read as this deck's note: a card
    the deck no longer gives is named, as one without a citation is."""
    content = tmp_path / "c"
    deck = tmp_path / DECK.name
    deck.write_text(DECK.read_text(encoding="utf-8"), encoding="utf-8")
    run_import(str(deck), "--pack", "optim", "--into", str(content))
    rows = deck.read_text(encoding="utf-8").split("\n")
    deck.write_text("\n".join(row for row in rows if not row.startswith("Cloze\tOptimizers\tRMS")))
    again = run_import(str(deck), "--pack", "optim", "--into", str(content))
    assert again.exit_code == 0, again.output
    assert (
        "rmsprop-divides-each-step-by-root.md (anki-optimizer-deck.txt Q3 · Hinton, Coursera"
        " lecture 6e before) is no longer in anki-optimizer-deck.txt"
    ) in " ".join(again.output.split())


def test_a_source_column_is_the_cards_source(tmp_path: Path) -> None:
    content = tmp_path / "c"
    notes = DATA / "notes" / "hand-edited-cards.csv"
    result = run_import(str(notes), "--pack", "sheet", "--into", str(content))
    assert result.exit_code == 0, result.output
    assert "its Source column gives each card its source" in result.output
    cards = content / "sheet" / "sheet"
    assert front(cards / "dropout-regularizer.md")["source"] == (
        "hand-edited-cards.csv Q4 · Srivastava et al. 2014"
    )
    assert front(cards / "mini-batch.md")["source"] == "hand-edited-cards.csv Q3"  # none named


def test_a_logseq_source_property_is_the_cards_source(tmp_path: Path) -> None:
    content = tmp_path / "c"
    notes = DATA / "notes" / "logseq-sourced-page.md"
    result = run_import(str(notes), "--pack", "norm", "--into", str(content))
    assert result.exit_code == 0, result.output
    cards = {str(front(p)["title"]): front(p) for p in (content / "norm" / "norm").glob("*.md")}
    assert cards["What is batch normalization?"]["source"] == (
        "logseq-sourced-page.md Q1 · Ioffe and Szegedy 2015"
    )
    assert cards["Why does it help?"]["source"] == "logseq-sourced-page.md Q2"  # not its block's
    assert "left out" not in result.output  # it was "a property ... left out"


def test_a_dropped_image_between_breaks_leaves_one_blank_line() -> None:
    export = (
        "#separator:tab\n#html:true\n"
        "What is a 1x1 convolution for?\t<ul><li>Mixing channels at each pixel</li>"
        '<li>Cutting the channel count cheaply</li></ul><img src="nin.jpg" /><br>'
        "It adds a nonlinearity too.\n"
    )
    (note,) = parse_anki_text(export).questions
    assert note.answer == (
        "- Mixing channels at each pixel\n- Cutting the channel count cheaply\n\n"
        "It adds a nonlinearity too."
    )  # it had three empty lines where the image was
    assert note.images == ("nin.jpg",)
