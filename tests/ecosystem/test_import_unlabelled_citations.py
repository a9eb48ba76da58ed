"""An answer's last sentence that is only a citation, with no `Source:` label (`See Lin et
al. 2013.`, `(Goodfellow et al., 2016, ch. 8)`), is the card's source, as a labelled one
is: it was a key point to tick off. A sentence that merely mentions a year stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.ecosystem.citations import take_citations
from tests.ecosystem.test_import_notes import front, run_import


@pytest.mark.parametrize(
    ("answer", "kept", "cited"),
    [
        (
            "Focal loss down-weights easy examples. See Lin et al. 2013.",
            "Focal loss down-weights easy examples.",
            "Lin et al. 2013",
        ),
        (
            "Weight decay shrinks the weights.\n\n(Goodfellow et al., 2016, ch. 8)",
            "Weight decay shrinks the weights.",
            "Goodfellow et al., 2016, ch. 8",
        ),
        ("It rescales.\n*See Kingma and Ba 2015.*", "It rescales.", "Kingma and Ba 2015"),
        ("It rescales.\n- See Bishop (2006), ch. 4.", "It rescales.", "Bishop (2006), ch. 4"),
        ("It rescales. [see Bishop 2006]", "It rescales.", "Bishop 2006"),
        (
            "It rescales. See [Lin et al. 2017](https://arxiv.org/abs/1708.02002).",
            "It rescales.",
            "Lin et al. 2017, https://arxiv.org/abs/1708.02002",
        ),
        ("It rescales. Cf. https://example.org/notes", "It rescales.", "https://example.org/notes"),
        ("It rescales. See Goodfellow ch. 8.", "It rescales.", "Goodfellow ch. 8"),
    ],
)
def test_a_closing_citation_is_the_source(answer: str, kept: str, cited: str) -> None:
    assert take_citations(answer) == (kept, cited)


@pytest.mark.parametrize(
    "answer",
    [
        "Adam came out in 2015.",  # a year, no lead and no brackets
        "Batch norm came from Ioffe and Szegedy in 2015.",
        "It holds. (Since 2012 it is the default.)",  # bracketed, but a sentence
        "It holds. See the figure above.",  # a lead, nothing cited
        "It helps. See Goodfellow et al. 2016 for the full derivation and proof.",
        "Adam (Kingma and Ba, 2015) adapts each step.",  # cites inside a sentence: it stays
        "It rescales. See chapter 3.",  # a bare cross-reference names no work: no source
        "It rescales (see section 2.1).",
        "See Lin et al. 2013.",  # all the answer: kept, the card is named as too short
        "A cell.\n```\nSee Lin et al. 2013.\n```",  # code's text is the code's
    ],
)
def test_a_sentence_that_only_mentions_a_year_stays(answer: str) -> None:
    assert take_citations(answer) == (answer, "")


def test_both_kinds_of_citation_are_joined() -> None:
    assert take_citations("It rescales. See Lin et al. 2013.\nSource: Bishop 2006, ch. 4") == (
        "It rescales.",
        "Bishop 2006, ch. 4; Lin et al. 2013",
    )


def test_an_imported_card_takes_its_closing_citation(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(
        "## What does focal loss change?\n\n"
        "It down-weights the loss of easy examples. It lets rare classes dominate the"
        " gradient. See Lin et al. 2017.\n\n"
        "## When did Adam appear?\n\n"
        "Adam was published by Kingma and Ba in 2015. It adapts each step size.\n",
        encoding="utf-8",
    )
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "reg", "--into", str(content))
    assert result.exit_code == 0, result.output
    cards = {str(front(p)["title"]): front(p) for p in content.rglob("*.md")}
    focal = cards["What does focal loss change?"]
    assert focal["source"] == "notes.md Q1 · Lin et al. 2017"
    assert focal["key_points"] == [
        "It down-weights the loss of easy examples.",
        "It lets rare classes dominate the gradient.",
    ]
    adam = cards["When did Adam appear?"]
    assert adam["source"] == "notes.md Q2"
    points = adam["key_points"]
    assert isinstance(points, list)
    assert "Adam was published by Kingma and Ba in 2015." in points
    assert "its source, 'Lin et al. 2017', is in the card's source" in result.output
