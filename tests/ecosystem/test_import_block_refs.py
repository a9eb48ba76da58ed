"""Logseq block references (`((uuid))`) read as the text of the block they name.

A card's answer and its key point said "See ((6571a2b4-...)) for the plain update.", as
import read the reference as text; Logseq shows the named block's text there. A reference
to a block of the same page is now that block's first line; one to another page's block
reads "(a block not in these notes)", where it had been cut out of its sentence ("Another
page's  is not here."), and an embedded page is left out; the report names each with its
line, its id and what the card shows.
"""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.ecosystem.blockrefs import MissingRef, read_block_refs
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
    assert "((aaaaaaaa" not in answer
    assert "Another page's (a block not in these notes) is not here." in answer
    assert f"`(({UUID}))`" in answer  # code is left alone
    assert "embed" not in answer and "Optimizers" not in answer
    points = front(card)["key_points"]
    assert isinstance(points, list)
    assert "Compare Gradient descent steps against the gradient with that average." in points
    assert not any("((6571A2B4" in str(point) or "((aaaa" in str(point) for point in points)
    assert "optim.md:9: note: block references: line 9 holds Logseq block references" in (
        result.output
    )
    said = " ".join(result.output.split())
    assert (
        "optim.md:10: note: block reference: ((aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee)) names no "
        'block of this file (import reads this file only): the card shows "(a block not in '
        'these notes)" in its place' in said
    )
    assert (
        "optim.md:12: note: page embed: {{embed [[Optimizers]]}} embeds another page, which "
        "import does not read: the card leaves its line out" in said
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


def test_each_reference_to_a_block_not_in_the_notes_is_named_with_its_line(
    tmp_path: Path,
) -> None:
    """Before, one line said "lines 6, 9, 10, 11 hold references or embeds ... left out":
    which id, and that the card read "See  for the plain update.", was for the user to find.
    Three or more are listed under one line, one reference a line."""
    missing = "11111111-2222-3333-4444-555555555555"
    text = (
        "- What is momentum? #card\n"
        f"\t- A running average of past gradients. See (({missing})) for the update.\n"
        f"\t- {{{{embed (({missing.replace('1', '9')}))}}}}\n"
        "\t- Compare ((aaaaaaaa-2222-3333-4444-555555555555)) with it.\n"
        "\t- It damps the steps that flip sign from one batch to the next.\n"
    )
    refs = read_block_refs(text)
    assert refs.missing == (
        MissingRef(2, f"(({missing}))", shown=True, line_kept=True),
        MissingRef(3, "{{embed ((99999999-2222-3333-4444-555555555555))}}", False, False),
        MissingRef(4, "((aaaaaaaa-2222-3333-4444-555555555555))", True, True),
    )
    assert refs.text.split("\n")[1:4] == [
        "\t- A running average of past gradients. See (a block not in these notes) for the update.",
        "",
        "\t- Compare (a block not in these notes) with it.",
    ]
    notes = tmp_path / "optim.md"
    notes.write_text(text, encoding="utf-8")
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"), "--dry-run")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    start = lines.index(
        "note: 3 Logseq references name blocks or pages that are not in this file (import "
        "reads this file only); each card shows:"
    )
    assert lines[start + 1 : start + 4] == [
        f'  - {notes}:2 (({missing})): shown as "(a block not in these notes)"',
        f"  - {notes}:3 {{{{embed ((99999999-2222-3333-4444-555555555555))}}}}: its line left out",
        f'  - {notes}:4 ((aaaaaaaa-2222-3333-4444-555555555555)): shown as "(a block not in '
        'these notes)"',
    ]
