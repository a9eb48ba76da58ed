"""Text struck out in notes (`~~one~~ two`) is no part of what a card says.

Notes corrected in place keep the old words crossed out. The card's answer shows them
struck out, but its key points and its title dropped the marks and kept the words: a key
point read "Adam keeps one two moving averages", a title "the RMSprop Adagrad update"."""

from __future__ import annotations

from pathlib import Path

from tests.ecosystem.test_import_notes import front, run_import

NOTES = Path(__file__).parent.parent / "data" / "notes" / "struck-out.md"


def test_struck_out_words_are_left_out_of_key_points_and_titles(tmp_path: Path) -> None:
    result = run_import(str(NOTES), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    topic = tmp_path / "c" / "p" / "p"
    adam = topic / "adam-keep-each-parameter.md"
    assert front(adam)["key_points"] == [
        "Adam keeps two moving averages for each parameter.",
        "The first follows the gradient.",
        "The second follows the gradient's square, which scales the step.",
    ]
    assert "Adam keeps ~~one~~ two moving averages" in adam.read_text(encoding="utf-8")
    adagrad = topic / "adagrad-update-scale-steps.md"
    assert front(adagrad)["title"] == "How does the Adagrad update scale its steps?"
    assert "How does the Adagrad update scale its steps?" in result.output
