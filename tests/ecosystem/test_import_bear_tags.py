"""Bear's tags, closed by a `#` so that they may hold spaces (`#deep learning#`).

A line of them was no tag line: it was named "not imported" under the title, and the
note's tags never reached a card."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.tagline import take_tag_lines
from tests.ecosystem.test_import_notes import front, run_import

NOTES = Path(__file__).parent.parent / "data" / "notes" / "bear-note.md"


def test_a_line_of_bear_tags_gives_them_to_every_card(tmp_path: Path) -> None:
    result = run_import(str(NOTES), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert "not imported" not in result.output
    card = tmp_path / "c" / "p" / "p" / "residual-connection.md"
    assert front(card)["tags"] == ["ml", "ml-interview", "deep-learning", "review"]


def test_only_whole_tags_make_a_tag_line() -> None:
    for text in ("#deep learning #", "#a tip: here#", "#1#", "#ml# and words"):
        assert take_tag_lines(text).text == text
    assert take_tag_lines("#ml# #deep learning#\nx").tags == ("ml", "deep-learning")
