"""A hand-edited CSV's quote inside a quoted field, not doubled (`"What does "epoch"
mean?",...`): the row is read as its writer meant, and the place is named at its line and
column; the csv module had moved the quotes (`epoch" mean?"`) and, with a comma between
them, split the field and shifted every column after it."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.ankitext import parse_anki_text
from quiz.ecosystem.csvquotes import read_stray_quotes
from tests.conftest import DATA
from tests.ecosystem.test_import_notes import answer_of, front, run_import

SHEET = DATA / "notes" / "hand-edited-cards.csv"


def test_undoubled_quotes_are_text_and_columns_stay(tmp_path: Path) -> None:
    content = tmp_path / "c"
    result = run_import(str(SHEET), "--pack", "sheet", "--into", str(content))
    assert result.exit_code == 0, result.output
    cards = content / "sheet" / "sheet"
    epoch = cards / "word-epoch-mean-training.md"
    assert front(epoch)["title"] == 'What does the word "epoch" mean in training?'
    pair = cards / "b-one-field-two.md"
    assert front(pair)["title"] == 'Is "a, b" one field or two?'  # not "Is a" over " b"..."
    assert answer_of(pair) == "One field: the comma sits inside the quotes, so it parts nothing."
    # a doubled quote is one quote, as before, and is named nowhere
    assert front(cards / "dropout-regularizer.md")["title"] == 'Why is "dropout" a regularizer?'
    assert f"{SHEET}:2: note: 'What does the word \"epoch\" mean in training?': quotes" in (
        result.output
    )
    assert "(line 2, columns 21, 27)" in result.output
    assert "(line 3, columns 5, 10)" in result.output
    assert result.output.count("not doubled") == 2


def test_the_reader_gives_every_row_its_fields() -> None:
    notes = parse_anki_text(SHEET.read_text(encoding="utf-8"), ",")
    assert [q.title for q in notes.questions] == [
        'What does the word "epoch" mean in training?',
        'Is "a, b" one field or two?',
        "What is a mini-batch?",
        'Why is "dropout" a regularizer?',
    ]


def test_a_quote_before_the_closing_one_closes_its_pair() -> None:
    read = read_stray_quotes('"He said "hi"",a greeting\n', ",")
    assert read is not None
    assert read.fields == ['He said "hi"', "a greeting"]
    assert read.places == (9,)


def test_rows_the_csv_module_reads_right_are_left_to_it() -> None:
    assert read_stray_quotes('"a ""quoted"" word",b\n', ",") is None
    assert read_stray_quotes("plain,row\n", ",") is None
    assert read_stray_quotes('"never closed, "x" y\n', ",") is None  # the unclosed check's
