"""Logseq's media and query macros (`{{video URL}}`, `{{query ...}}`) are a player or a
query's results in Logseq: no card text, and the report names them with their addresses.

A card's answer ended in "{{video https://...}}", that line one of its key points."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.logseqmacros import take_macros
from tests.ecosystem.test_import_notes import answer_of, front, run_import

PAGE = """\
- {{query (and [[optimizers]] (task TODO))}}
- What does momentum add to SGD? #card
\t- A velocity that accumulates past gradients with decay beta.
\t- It damps oscillation across steep directions.
\t- It speeds progress along shallow, consistent directions.
\t- {{video https://www.youtube.com/watch?v=abc}}
\t- The talk at {{youtube-timestamp 90}} shows the ravine.
"""


def test_macros_are_taken_off_in_place_and_named() -> None:
    macros = take_macros(PAGE)
    rows = macros.text.split("\n")
    assert len(rows) == len(PAGE.split("\n"))
    assert rows[0] == "" and rows[5] == ""
    assert rows[6] == "\t- The talk at shows the ravine."
    assert [line for line, _ in macros.taken] == [1, 6, 7]
    assert macros.note() == (
        "lines 1, 6, 7 hold Logseq macros ({{query (and [[optimizers]] (task TODO))}}, "
        "{{video https://www.youtube.com/watch?v=abc}}, {{youtube-timestamp 90}}), which "
        "Logseq shows as a player, a link or a query's results, not text: left out"
    )


def test_code_and_other_macros_are_left_alone() -> None:
    text = "Write `{{video x}}` so.\n```\n{{video y}}\n```\n{{cloze a}} and {{embed [[P]]}}\n"
    assert take_macros(text).text is text


def test_a_cards_answer_and_key_points_hold_no_macro(tmp_path: Path) -> None:
    notes = tmp_path / "momentum.md"
    notes.write_text(PAGE, encoding="utf-8")
    result = run_import(str(notes), "--pack", "m", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    card = tmp_path / "c/m/m/momentum-add-sgd.md"
    points = front(card)["key_points"]
    assert isinstance(points, list)
    assert not any("{{" in point for point in points), points
    assert "{{" not in answer_of(card)
    assert f"{notes}:1: note: macros: lines 1, 6, 7 hold Logseq macros" in " ".join(
        result.output.split()
    )
