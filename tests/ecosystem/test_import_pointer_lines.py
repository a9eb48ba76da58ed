"""A bare cross-reference glued to a sentence, with `see` or without (`(chapter 3)`), is
taken out of the card, and the report names the line the pointer is on, not its question's:
the user looks for it there. A work in the same brackets is the card's source."""

from __future__ import annotations

from pathlib import Path

from tests.ecosystem.test_import_notes import front, run_import

NOTES = (
    "## Why normalize inputs?\n"  # 1
    "\n"
    "It rescales the inputs to one range.\n"  # 3
    "It balances gradient steps across features.\n"
    "It speeds up convergence (chapter 3).\n"  # 5: the pointer's line
    "\n"
    "## What does weight decay do?\n"  # 7
    "\n"
    "It shrinks the weights toward zero. It limits the model's capacity."
    " It acts as an L2 penalty (Goodfellow et al., 2016, ch. 8).\n"  # 9
)


def test_a_glued_chapter_is_a_pointer_told_at_its_line(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "reg", "--into", str(content))
    assert result.exit_code == 0, result.output
    cards = {str(front(p)["title"]): p for p in content.rglob("*.md")}
    norm_path = cards["Why normalize inputs?"]
    norm = front(norm_path)
    assert "chapter 3" not in norm_path.read_text(encoding="utf-8")
    assert norm["source"] == "notes.md Q1"
    assert "It speeds up convergence." in norm["key_points"]  # type: ignore[operator]
    decay = front(cards["What does weight decay do?"])
    assert decay["source"] == "notes.md Q2 · Goodfellow et al., 2016, ch. 8"
    assert "It acts as an L2 penalty." in decay["key_points"]  # type: ignore[operator]
    said = " ".join(result.output.split())
    assert "notes.md:5: note: 'Why normalize inputs?': its '(chapter 3)' points into" in said
    assert "notes.md:1: note: 'Why normalize inputs?': its" not in said
