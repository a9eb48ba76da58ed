"""An HTML table in the notes is a Markdown table on the card, its cells kept apart.

A Notion page with an inline database, or notes kept for GitHub, write a table as
`<table><tr><td>...`. Its tags were stripped like any other: the card read "MetricFormula"
and "PrecisionTP / (TP + FP)", and so did its key point.
"""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.htmlstrip import strip_html
from quiz.ecosystem.htmltables import pipe_tables
from tests.conftest import DATA
from tests.ecosystem.test_import_notes import answer_of, front, run_import

NOTES = DATA / "notes" / "notion-html-table.md"


def test_a_table_becomes_a_pipe_table_with_a_blank_line_around_it() -> None:
    text = (
        "Intro.\n<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>x|y</td></tr></table>\nEnd."
    )
    assert pipe_tables(text) == "Intro.\n\n| A | B |\n| --- | --- |\n| 1 | x\\|y |\n\nEnd."
    item = "- item\n\n  <table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>\n- next"
    assert pipe_tables(item) == "- item\n\n  | a | b |\n  | --- | --- |\n  | c |  |\n\n- next"
    # a formula's norm, `\|w\|`, is escaped already: its pipes are not escaped again
    norm = "<table><tr><td>L2</td><td>$\\|w\\|_2^2$</td></tr></table>"
    assert pipe_tables(norm) == "| L2 | $\\|w\\|_2^2$ |\n| --- | --- |"
    # a cell's `<b>` written as text stays text after the tags are stripped
    assert strip_html("<table><tr><td>&lt;b&gt; tag</td></tr></table>") == (
        "| &lt;b> tag |\n| --- |"
    )


def test_tables_in_code_nested_or_unclosed_are_left_as_written() -> None:
    for text in (
        "```html\n<table><tr><td>x</td></tr></table>\n```",
        "Write `<table><tr><td>x</td></tr></table>` for it.",
        "<table><tr><td><table><tr><td>in</td></tr></table></td></tr></table>",
        "<table><tr><td>never closed",
        "No table here.",
    ):
        assert pipe_tables(text) == text


def test_an_html_table_in_notes_is_a_table_on_the_card(tmp_path: Path) -> None:
    result = run_import(str(NOTES), "--pack", "metrics", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    folder = tmp_path / "c/metrics/metrics"
    cards = {str(front(p)["title"]): p for p in folder.glob("*.md")}
    precision = cards["What is the difference between precision and recall?"]
    answer = answer_of(precision)
    assert "| Metric | Formula |\n| --- | --- |\n| Precision | TP / (TP + FP) |" in answer
    assert "| Recall | TP / (TP + FN) |" in answer
    assert "MetricFormula" not in answer and "<" not in answer
    points = front(precision)["key_points"]
    assert isinstance(points, list)
    assert "Precision: TP / (TP + FP)" in points and "Recall: TP / (TP + FN)" in points
    assert not any("PrecisionTP" in p for p in points), points
    accuracy = answer_of(cards["When is accuracy misleading?"])
    assert "| negative | 99% |" in accuracy
    assert "rare class.\n\n| Class | Share |" in accuracy
    assert "| positive | 1% |\n\nReport precision and recall per class instead." in accuracy


ANKI = (
    "#separator:tab\n#html:true\n"
    "What is the difference between precision and recall?\t"
    '"Precision counts predicted positives that are right.<br><table><tr><th>Metric</th>'
    "<th>Formula</th></tr><tr><td>Precision</td><td>TP / (TP + FP)</td></tr>"
    '<tr><td>Recall</td><td>TP / (TP + FN)</td></tr></table>"\n'
)


def test_a_table_in_an_anki_field_is_a_table_on_the_card(tmp_path: Path) -> None:
    """An Anki field's table ran into one line: "MetricFormulaPrecisionTP / (TP + FP)..."."""
    notes = tmp_path / "deck.txt"
    notes.write_text(ANKI, encoding="utf-8")
    result = run_import(str(notes), "--pack", "deck", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    (card,) = (tmp_path / "c/deck").rglob("*precision*.md")
    answer = answer_of(card)
    assert answer.startswith("Precision counts predicted positives that are right.\n\n| Metric |")
    assert "| Recall | TP / (TP + FN) |" in answer and "MetricFormula" not in answer
    points = front(card)["key_points"]
    assert isinstance(points, list) and "Recall: TP / (TP + FN)" in points, points
