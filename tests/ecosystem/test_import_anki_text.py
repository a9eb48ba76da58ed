"""`drillbit import` of an Anki plain-text export (Notes in Plain Text, .txt): one card per
note, HTML made Markdown, clozes asked with their deletions hidden, decks as topics."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.ecosystem.ankitext import parse_anki_text
from tests.ecosystem.test_import_notes import front, run_import

EXPORT = (
    "#separator:tab\n"
    "#html:true\n"
    "#notetype column:1\n"
    "#deck column:2\n"
    "#tags column:5\n"
    "Basic\tML::Basics\tWhat is <b>overfitting</b>?\tThe model fits noise in the training "
    "data.<br>It does well on training data and badly on new data.<br>Regularization and "
    "more data help.\tml\n"
    "Basic\tML::Basics\tWhat does &sigma;(x) compute?\t1 / (1 + e<sup>-x</sup>). It squashes "
    "any real number into (0, 1). Its derivative is &sigma;(x)(1 - &sigma;(x)).\tml math\n"
    "Cloze\tML::Basics\tThe {{c1::bias-variance}} trade-off says {{c2::simpler::which}} "
    "models have higher bias.\t\tml\n"
    'Basic\tML\t"What is a ""quoted"" field?"\t"A field in quotes holds a tab\there.\n'
    'It runs over two lines. It ends with a quote."\t\n'
    "Basic\tML\tOnly a front\t\t\n"
)


def test_an_anki_export_gives_a_card_per_note(tmp_path: Path) -> None:
    notes = tmp_path / "deck.txt"
    notes.write_text(EXPORT, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "anki", "--into", str(content))
    assert result.exit_code == 0, result.output
    basics = content / "anki" / "ml-basics"  # the deck names the topic
    assert sorted(p.name for p in basics.glob("*.md")) == [
        "sigma-x-compute.md",
        "trade-off-says-which-models-have.md",
        "what-is-overfitting.md",
    ]
    overfitting = front(basics / "what-is-overfitting.md")
    assert overfitting["title"] == "What is overfitting?"
    assert overfitting["key_points"] == [
        "The model fits noise in the training data.",
        "It does well on training data and badly on new data.",
        "Regularization and more data help.",
    ]
    sigma = (basics / "sigma-x-compute.md").read_text(encoding="utf-8")
    assert "title: What does σ(x) compute?" in sigma and "e^-x" in sigma
    cloze = (basics / "trade-off-says-which-models-have.md").read_text(encoding="utf-8")
    assert "The [...] trade-off says [which] models have higher bias." in cloze
    assert "The **bias-variance** trade-off says **simpler** models have higher bias." in cloze
    quoted = front(content / "anki" / "ml" / "quoted-field.md")
    assert quoted["title"] == 'What is a "quoted" field?'
    # The note without a back is named at its line (the quoted field ran over two).
    assert (
        f"{notes}:11: skipped 'Only a front': a note with one field: no second field to be "
        "its answer"
    ) in result.output
    _, problems = lint([content / "anki"])
    assert problems == []
    again = run_import(str(notes), "--pack", "anki", "--into", str(content))
    assert again.exit_code == 0 and "nothing new:" in again.output


def test_an_export_without_a_header_is_read_from_a_txt_file(tmp_path: Path) -> None:
    """Anki before 2.1.55 wrote no header: a .txt file of tab-separated lines is one."""
    rows = "What is L2?\tA penalty on squared weights. It shrinks them toward zero.\ttag\n"
    notes = tmp_path / "old.txt"
    notes.write_text(rows, encoding="utf-8")
    result = run_import(str(notes), "--pack", "old", "--into", str(tmp_path / "c"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "would write" in result.output and "what-is-l2.md" in result.output
    # The same lines in a .md file are Markdown: the report says why nothing was found.
    markdown = tmp_path / "old.md"
    markdown.write_text(rows, encoding="utf-8")
    refused = run_import(str(markdown), "--pack", "old", "--into", str(tmp_path / "d"))
    assert refused.exit_code == 1
    assert "its lines are tab-separated: an Anki plain-text export is read from a .txt" in (
        refused.output
    )


def test_rows_without_text_are_named_with_their_lines() -> None:
    parsed = parse_anki_text('#separator:Comma\n#html:false\nQ one?,","\n,Only a back\n')
    assert parsed.questions[0].title == "Q one?" and parsed.questions[0].answer == ","
    assert [(i.line, i.reason) for i in parsed.ignored] == [
        (4, "a note whose first field is empty")
    ]
