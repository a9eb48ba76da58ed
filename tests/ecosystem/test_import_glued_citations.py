"""A citation in brackets glued to a sentence's end (`... easy examples (Lin et al., 2017).`)
is the card's source, not part of its key point; a bare cross-reference (`See chapter 3.`)
names no work, so it is no source: it is taken out of the card and the report says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.ecosystem.citations import take_citations, take_pointer
from tests.ecosystem.test_import_notes import front, run_import


@pytest.mark.parametrize(
    ("answer", "kept", "cited"),
    [
        (
            "Focal loss down-weights easy examples (Lin et al., 2017).",
            "Focal loss down-weights easy examples.",
            "Lin et al., 2017",
        ),
        (
            "It is fast (Lin et al., 2017). It is also accurate.",
            "It is fast. It is also accurate.",
            "Lin et al., 2017",
        ),
        ("- It rescales [Bishop 2006]\n- It centres", "- It rescales\n- It centres", "Bishop 2006"),
        ("It adapts steps (see Kingma and Ba, 2015)", "It adapts steps", "Kingma and Ba, 2015"),
        (
            "It mixes targets (Szegedy et al., 2016). It calibrates (Müller et al., 2019).",
            "It mixes targets. It calibrates.",
            "Szegedy et al., 2016; Müller et al., 2019",
        ),
    ],
)
def test_a_citation_glued_to_a_sentence_is_the_source(answer: str, kept: str, cited: str) -> None:
    assert take_citations(answer) == (kept, cited)


@pytest.mark.parametrize(
    "answer",
    [
        "Adam (Kingma and Ba, 2015) adapts each step size.",  # inside the sentence
        "It is linear (in the weights).",  # a remark, no work named
        "It became the default (around 2017).",
        "It holds (chapter 3).",  # a bare place: no work named
        "Call `f(x) (Lin et al., 2017)` here.",  # code is the code's
        "A cell.\n```\nIt is fast (Lin et al., 2017).\n```",
        "| loss | focal (Lin et al., 2017) |",  # a table's cell
    ],
)
def test_brackets_that_are_no_closing_citation_stay(answer: str) -> None:
    assert take_citations(answer) == (answer, "")


@pytest.mark.parametrize(
    ("answer", "kept", "pointer"),
    [
        ("It rescales. See chapter 3.", "It rescales.", "See chapter 3."),
        ("It rescales. See the figure above.", "It rescales.", "See the figure above."),
        ("It rescales.\n\n(see sec. 2.1 below)", "It rescales.", "(see sec. 2.1 below)"),
        ("It rescales. *Cf. chapter 3.*", "It rescales.", "*Cf. chapter 3.*"),
        ("It rescales the inputs (see chapter 3).", "It rescales the inputs.", "(see chapter 3)"),
        # glued without `see`: the same bare cross-reference into the notes
        ("It rescales the inputs (chapter 3).", "It rescales the inputs.", "(chapter 3)"),
        (
            "It rescales (sec. 2.1 above). It centres.",
            "It rescales. It centres.",
            "(sec. 2.1 above)",
        ),
        (
            "It rescales (see the table above). It centres. See sec. 2.",
            "It rescales. It centres.",
            "(see the table above); See sec. 2.",
        ),
    ],
)
def test_a_closing_cross_reference_is_taken_out(answer: str, kept: str, pointer: str) -> None:
    assert take_citations(answer) == (answer, "")  # no source: it names no work
    assert take_pointer(answer) == (kept, pointer)


@pytest.mark.parametrize(
    "answer",
    [
        "See chapter 3.",  # the whole answer: kept, and named as too short
        "It rescales. See chapter 3 for the derivation and a proof.",  # says more
        "It rescales. See Goodfellow ch. 8.",  # names a work: a citation, not a pointer
        "It rescales. Chapter 3 covers it.",
        "(chapter 3)",  # the whole answer: kept, and named as too short
        "It rescales (the inputs).",  # a remark, no place named
        "It rescales (Goodfellow et al., 2016, ch. 8).",  # a work: a citation, not a pointer
        "A cell.\n```\nSee chapter 3.\n```",
    ],
)
def test_what_is_no_bare_pointer_stays(answer: str) -> None:
    assert take_pointer(answer) == (answer, "")


def test_an_imported_card_sorts_citations_from_pointers(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(
        "## What does focal loss change?\n\n"
        "Focal loss down-weights easy examples (Lin et al., 2017). It keeps the rare"
        " class in the gradient. It adds a focusing parameter.\n\n"
        "## Why normalize inputs?\n\n"
        "It rescales the inputs to one range. It balances gradient steps across features."
        " It speeds up convergence. See chapter 3.\n",
        encoding="utf-8",
    )
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "reg", "--into", str(content))
    assert result.exit_code == 0, result.output
    cards = {str(front(p)["title"]): p for p in content.rglob("*.md")}
    focal = front(cards["What does focal loss change?"])
    assert focal["source"] == "notes.md Q1 · Lin et al., 2017"
    assert focal["key_points"] == [
        "Focal loss down-weights easy examples.",
        "It keeps the rare class in the gradient.",
        "It adds a focusing parameter.",
    ]
    assert "Lin et al." not in cards["What does focal loss change?"].read_text().split("---")[2]
    norm_path = cards["Why normalize inputs?"]
    norm = front(norm_path)
    assert norm["source"] == "notes.md Q2"
    assert "See chapter 3." not in norm_path.read_text(encoding="utf-8")
    assert isinstance(norm["key_points"], list) and len(norm["key_points"]) == 3
    said = " ".join(result.output.split())
    # the pointer's own line (7), not its question's (5)
    assert "notes.md:7: note: 'Why normalize inputs?': its 'See chapter 3.'" in said
    assert "left out of the card" in said


def test_a_line_of_many_sentences_still_gives_its_closing_citation() -> None:
    """Only the closing run of at most 600 characters is read for a citation (each look
    reads the run again: a line of 20,000 sentences took 18 s, `bench/` numbers aside)."""
    answer = "It is fine. " * 20_000 + "See Lin et al. 2017."
    kept, cited = take_citations(answer)
    assert cited == "Lin et al. 2017"
    assert kept == answer.removesuffix(" See Lin et al. 2017.")
    assert take_pointer("It is fine. " * 20_000 + "See chapter 3.")[1] == "See chapter 3."
