"""Obsidian highlights (`==text==`) read as the card reader can show them.

A card kept the marks literally: its answer read "over the ==mini-batch==", its key
points too, and a highlighted word in a question's title kept them in the title and the
card's id stayed readable only by luck."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.highlights import bold_highlights, plain_highlights
from tests.ecosystem.test_import_notes import front, run_import

NOTES = Path(__file__).parent.parent / "data" / "notes" / "obsidian-highlights.md"


def test_an_answers_highlights_are_bold_and_its_key_points_plain(tmp_path: Path) -> None:
    result = run_import(str(NOTES), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    topic = tmp_path / "c" / "p" / "p"
    dropout = topic / "dropout-during-training.md"
    meta = front(dropout)
    assert meta["title"] == "What does dropout do during training?"
    assert meta["key_points"] == [
        "It zeroes each unit with probability $p$, so no unit can lean on one particular"
        " neighbour.",
        "The kept units are scaled by $1/(1-p)$, which keeps the expected activation the same.",
        "At test time nothing is dropped, and no rescaling is needed.",
    ]
    body = dropout.read_text(encoding="utf-8").split("## Answer", 1)[1]
    assert "lean on **one particular neighbour**." in body
    assert "keeps the **expected activation** the same" in body
    assert "**At test time nothing is dropped**" in body  # already bold: no bold in bold
    assert "keep = rng.random(x.shape) >= p  # a==b==c stays code" in body
    stopping = (topic / "early-stopping-act-as-regularizer.md").read_text(encoding="utf-8")
    assert "when the **validation loss** stops falling" in stopping
    assert "as with an `a==b==c` penalty" in stopping
    assert "A == B in prose is no highlight, and neither is $x==y==z$ in a formula." in stopping


def test_a_highlight_opens_and_closes_next_to_text() -> None:
    assert bold_highlights("the ==key== idea and ==another one==") == (
        "the **key** idea and **another one**"
    )
    assert bold_highlights("a == b, c == d, ===") == "a == b, c == d, ==="
    assert bold_highlights("==**bold already**==") == "**bold already**"
    assert plain_highlights("What does ==dropout== do?") == "What does dropout do?"
    assert plain_highlights("Is `a==b==c` chained?") == "Is `a==b==c` chained?"
