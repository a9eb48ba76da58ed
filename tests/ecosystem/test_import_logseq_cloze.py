"""Logseq's cloze cards (`{{cloze text}}` in a `#card` block) are asked with the text hidden.

The card asked "What is the {{cloze softmax}} used for?", its answer in its question,
its id spelled the hidden word (a typo mended there made a new card, the reviews left on
the old one), and a cloze block without child blocks gave no card."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.logseqcloze import read_logseq_clozes
from tests.ecosystem.test_import_notes import front, run_import

PAGE = """\
tags:: ml

- What is the {{cloze softmax}} used for? #card
  card-last-interval:: 4
	- It turns a vector of scores into a probability distribution.
	- The {{cloze logits}} are its input.
- The {{cloze cross-entropy}} loss compares predicted and true distributions. #card
- A note with a {{cloze hidden}} word and no card tag.
"""


def test_a_cloze_card_is_rewritten_in_place() -> None:
    clozes = read_logseq_clozes(PAGE)
    rows = clozes.text.split("\n")
    assert len(rows) == len(PAGE.split("\n"))
    assert rows[2] == "- Q: What is the [...] used for? **A:** What is the **softmax** used for?"
    assert rows[5] == "\t- The logits are its input."
    assert rows[7] == "- A note with a hidden word and no card tag."
    assert clozes.lines == (3, 7)


def _import(notes: Path, content: Path, *flags: str) -> str:
    result = run_import(str(notes), "--pack", "p", "--into", str(content), *flags)
    assert result.exit_code in (0, 1), result.output
    return result.output


def test_cloze_cards_hide_their_text_and_keep_their_ids(tmp_path: Path) -> None:
    notes = tmp_path / "page.md"
    notes.write_text(PAGE, encoding="utf-8")
    content = tmp_path / "c"
    output = _import(notes, content)
    assert f"{notes}:3: note: cloze: 2 Logseq cloze cards" in output
    folder = content / "p" / "p"
    ids = sorted(path.stem for path in folder.glob("*.md"))
    assert ids == ["loss-compares-predicted-true-distributions", "what-is-the-used-for"]
    softmax = (folder / "what-is-the-used-for.md").read_text(encoding="utf-8")
    assert "## Question\n\nWhat is the [...] used for?\n" in softmax
    assert "## Answer\n\nWhat is the **softmax** used for?\n" in softmax
    assert "- The logits are its input." in softmax and "{{" not in softmax
    loss = front(folder / "loss-compares-predicted-true-distributions.md")
    assert loss["key_points"] == [
        "The cross-entropy loss compares predicted and true distributions."
    ]
    # a typo mended in the hidden text: the same card, refused as changed, then in place
    notes.write_text(PAGE.replace("cross-entropy", "cross entropy"), encoding="utf-8")
    refused = _import(notes, content)
    assert "already exists with another" in refused
    _import(notes, content, "--force")
    assert sorted(path.stem for path in folder.glob("*.md")) == ids


def test_a_long_run_of_spaces_in_a_cloze_ends() -> None:
    """One space after `cloze`, then its text: a run of spaces is tried once (no time
    asserted), and an empty cloze is no bold pair."""
    line = "- {{cloze " + " " * 200_000 + "x}} is it. #card"
    assert read_logseq_clozes(line).text.startswith("- Q: [...] is it. **A:** **x** is it.")
    assert (
        read_logseq_clozes("- A {{cloze  }} gap. #card").text == "- Q: A [...] gap. **A:** A  gap."
    )
