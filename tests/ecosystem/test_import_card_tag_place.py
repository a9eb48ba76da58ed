"""A Logseq `#card` tag with the card's topic tags after it (`#card #[[deep learning]]`)
asks as Logseq asks it, and those tags are the card's.

The importer asked only a line ending in `#card`: `- Adam vs RMSprop #card #ml` was text,
"not imported" with its answer, and `- What is clipping? #card #ml` was tagged `card`."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.cardtagplace import card_tag_last
from tests.ecosystem.test_import_notes import front, run_import

PAGE = """\
- Adam vs RMSprop #card #[[deep learning]]
\t- RMSprop scales steps by a running mean of squared gradients.
\t- Adam adds momentum on top and corrects both averages for their zero start.
\t- Adam's defaults are beta1 = 0.9 and beta2 = 0.999.
- What is gradient clipping? #card #ml
\t- It rescales gradients whose norm exceeds a threshold.
\t- It keeps one bad batch from wrecking the weights.
\t- The global norm keeps the direction.
"""


def test_the_card_tag_goes_after_the_other_tags_in_place() -> None:
    rows = card_tag_last(PAGE).split("\n")
    assert rows[0] == "- Adam vs RMSprop #deep-learning #card"
    assert rows[4] == "- What is gradient clipping? #ml #card"
    assert rows[1:4] == PAGE.split("\n")[1:4]
    untouched = "- Ends in its tag #card\r\n```\n- x #card #ml\n```\nsee #card then words\n"
    assert card_tag_last(untouched) is untouched


def test_a_card_tagged_after_its_card_tag_is_imported_with_those_tags(tmp_path: Path) -> None:
    notes = tmp_path / "optimizers.md"
    notes.write_text(PAGE, encoding="utf-8")
    result = run_import(str(notes), "--pack", "opt", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    adam = front(tmp_path / "c/opt/opt/adam-vs-rmsprop.md")
    assert adam["title"] == "Adam vs RMSprop"
    assert adam["tags"] == ["deep-learning"]
    assert front(tmp_path / "c/opt/opt/gradient-clipping.md")["tags"] == ["ml"]
    assert "not imported" not in result.output
