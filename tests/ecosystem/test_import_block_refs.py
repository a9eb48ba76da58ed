"""Logseq block references (`((uuid))`) read as the text of the block they name.

A card's answer and its key point said "See ((6571a2b4-...)) for the plain update.", as
import read the reference as text; Logseq shows the named block's text there. A reference
to a block of the same page is now that block's first line; one to another page's block,
and an embedded page, are left out and named with their lines.
"""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.ecosystem.blockrefs import read_block_refs
from tests.ecosystem.test_import_notes import answer_of, front, run_import

UUID = "6571a2b4-1c2d-4e5f-8a9b-0c1d2e3f4a5b"
PAGE = (
    "tags:: ml\n"
    "\n"
    "- Gradient descent steps against the gradient\n"
    f"  id:: {UUID}\n"
    "\t- Scaled by the learning rate.\n"
    "- What does momentum add to SGD? #card\n"
    "  collapsed:: true\n"
    "\t- It keeps a running average of past gradients and steps along it.\n"
    f"\t- Compare ((6571A2B4-1c2d-4e5f-8a9b-0c1d2e3f4a5b)) with that average.\n"
    "\t- Another page's ((aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee)) is not here.\n"
    f"\t- Code keeps `(({UUID}))` as written.\n"
    "\t- {{embed [[Optimizers]]}}\n"
)


def test_a_reference_to_a_block_of_the_page_reads_as_its_text(tmp_path: Path) -> None:
    notes = tmp_path / "optim.md"
    notes.write_text(PAGE, encoding="utf-8")
    into = tmp_path / "c"
    result = run_import(str(notes), "--pack", "p", "--topic", "t", "--into", str(into))
    assert result.exit_code == 0, result.output
    assert lint([into / "p"])[1] == []
    card = next((into / "p" / "t").glob("momentum*.md"))
    answer = answer_of(card)
    assert "Compare Gradient descent steps against the gradient with that average." in answer
    assert "((aaaaaaaa" not in answer and "Another page's  is not here." in answer
    assert f"`(({UUID}))`" in answer  # code is left alone
    assert "embed" not in answer and "Optimizers" not in answer
    points = front(card)["key_points"]
    assert isinstance(points, list)
    assert "Compare Gradient descent steps against the gradient with that average." in points
    assert not any("((6571A2B4" in str(point) or "((aaaa" in str(point) for point in points)
    assert "optim.md:9: note: block references: line 9 holds Logseq block references" in (
        result.output
    )
    assert (
        "lines 10, 12 hold references or embeds of blocks or pages that are not in this file"
        in (result.output)
    )
    again = run_import(str(notes), "--pack", "p", "--topic", "t", "--into", str(into))
    assert again.exit_code == 0 and "nothing new:" in again.output, again.output


def test_notes_without_references_are_given_back_as_they_are() -> None:
    """`np.zeros((n, d))` is no reference: the text is the same object, no line said."""
    text = "## Why?\n\n`np.zeros((n, d))` and f((x)) are not block references.\n"
    refs = read_block_refs(text)
    assert refs.text is text and refs.note() is None


def test_an_embedded_block_of_the_page_is_its_text_and_a_fence_is_left_alone() -> None:
    text = (
        f"- Warmup keeps early steps small\n  id:: {UUID}\n"
        f"- Why warm up? #card\n\t- {{{{embed (({UUID}))}}}}\n"
        f"```\n(({UUID}))\n```\n"
    )
    refs = read_block_refs(text)
    rows = refs.text.split("\n")
    assert rows[3] == "\t- Warmup keeps early steps small"
    assert rows[5] == f"(({UUID}))"
    assert refs.shown == (4,) and refs.left_out == ()
    assert len(rows) == len(text.split("\n"))  # every line keeps its number
