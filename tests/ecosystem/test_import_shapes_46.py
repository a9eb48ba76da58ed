"""Note shapes the forty-sixth round reads or refuses (import46): Quizlet's exports with
other separators (` - `, a blank line between rows, Comma in a `.txt`), an older Anki
export of one note with a glued `;`, and the notes people keep in Notion, Bear, Apple
Notes, Mochi, Obsidian Spaced Repetition and spreadsheets. Each test pins the cards made
(title, answer, tags, line) and the report's place for every question not used."""

from __future__ import annotations

from pathlib import Path

from tests.ecosystem.test_import_kept_shapes_45 import _import


def _read(tmp_path: Path, text: str, name: str) -> tuple[dict[str, dict[str, object]], str]:
    """`text` imported from `name`: the cards as `_import` gives them, the report on one line."""
    tmp_path.mkdir(exist_ok=True)
    cards, report = _import(tmp_path, text, name)
    return cards, " ".join(report.split())


DASH_ROWS = """\
precision - of the predicted positives, the share that is right
recall - of the real positives, the share that is found
F1 score - the harmonic mean of precision and recall
"""


def test_quizlet_dash_rows_are_a_card_each(tmp_path: Path) -> None:
    """` - ` between term and definition, New line between rows: it was Markdown with no
    question ("no questions found"); now a card a row, each at its line."""
    cards, report = _read(tmp_path, DASH_ROWS, "quizlet.txt")
    assert cards == {
        "precision": {
            "answer": "of the predicted positives, the share that is right",
            "tags": [],
            "line": 1,
        },
        "recall": {
            "answer": "of the real positives, the share that is found",
            "tags": [],
            "line": 2,
        },
        "F1 score": {
            "answer": "the harmonic mean of precision and recall",
            "tags": [],
            "line": 3,
        },
    }
    assert (
        "quizlet.txt:1: note: Quizlet: 3 rows, ' - ' between term and definition and a new"
        " line between rows (Quizlet's export with those separators), read as a card a row"
        in report
    )


BLANK_LINE_ROWS = """\
bagging\tmodels fit on bootstrap samples,
their votes averaged

boosting\tmodels fit in sequence, each on the errors before it

stacking\ta second model learns
how to weigh the first models' outputs
"""


def test_quizlet_rows_parted_by_blank_lines_keep_their_definitions_lines(
    tmp_path: Path,
) -> None:
    """Tab between term and definition, a blank line between rows: a definition over two
    lines made its second line a note of one field, skipped; now it is the card's answer."""
    cards, report = _read(tmp_path, BLANK_LINE_ROWS, "blank.txt")
    assert cards == {
        "bagging": {
            "answer": "models fit on bootstrap samples,\ntheir votes averaged",
            "tags": [],
            "line": 1,
        },
        "boosting": {
            "answer": "models fit in sequence, each on the errors before it",
            "tags": [],
            "line": 4,
        },
        "stacking": {
            "answer": "a second model learns\nhow to weigh the first models' outputs",
            "tags": [],
            "line": 6,
        },
    }
    assert "blank.txt:1: note: Quizlet: 3 rows, a tab between term and definition and a" in report
    assert "a blank line between rows" in report
    assert "skipped" not in report


def test_quizlet_dash_rows_with_blank_lines_between_them(tmp_path: Path) -> None:
    text = "dropout - zeroes units at random\n\nweight decay - shrinks the weights\ntoward zero\n"
    cards, report = _read(tmp_path, text, "dash.txt")
    assert cards == {
        "dropout": {"answer": "zeroes units at random", "tags": [], "line": 1},
        "weight decay": {"answer": "shrinks the weights\ntoward zero", "tags": [], "line": 3},
    }
    assert "dash.txt:1: note: Quizlet: 2 rows, ' - ' between" in report


def test_quizlet_comma_and_new_line_in_a_txt_is_a_card_list(tmp_path: Path) -> None:
    """Comma between term and definition, New line between rows, saved as `.txt`: it was
    no card list (a `.txt` list has tabs). Quizlet writes `term,definition` with no blank,
    so the definition's own commas stay in it."""
    text = (
        "epoch,one pass over the training set, every example once\nbatch,the examples of one step\n"
    )
    cards, report = _read(tmp_path, text, "comma.txt")
    assert cards == {
        "epoch": {
            "answer": "one pass over the training set, every example once",
            "tags": [],
            "line": 1,
        },
        "batch": {"answer": "the examples of one step", "tags": [], "line": 2},
    }
    assert "comma.txt:1: note: Quizlet: 2 rows, a comma between term and definition" in report


def test_markdown_notes_that_look_close_stay_markdown(tmp_path: Path) -> None:
    """The same dash rows in a `.md` file are Markdown (no question in them, as before);
    a `.txt` of headings whose answers hold ` - ` is Markdown too; prose lines with a
    comma and a blank after it are no comma list."""
    cards, report = _read(tmp_path / "md", DASH_ROWS, "notes.md")
    assert cards == {}
    assert "Quizlet" not in report and "notes.md: no questions found" in report

    text = (
        "## What is dropout?\nIt zeroes units at random - about half of them.\n\n"
        "## What is bagging?\nTraining models on bootstrap samples - then a vote.\n"
    )
    cards, report = _read(tmp_path / "txt", text, "notes.txt")
    assert {title: card["line"] for title, card in cards.items()} == {
        "What is dropout?": 1,
        "What is bagging?": 4,
    }
    assert "Quizlet" not in report

    prose = "Overfitting, in short, is memorising the noise.\nUnderfitting, by contrast, misses the signal.\n"
    cards, report = _read(tmp_path / "prose", prose, "prose.txt")
    assert cards == {}
    assert "Quizlet" not in report and "prose.txt: no questions found" in report


def test_one_quizlet_row_is_no_list(tmp_path: Path) -> None:
    """One ` - ` line is a line of notes: too little to tell a list by."""
    cards, report = _read(tmp_path, "dropout - zeroes units at random during training\n", "one.txt")
    assert cards == {}
    assert "Quizlet" not in report


def test_a_headerless_anki_note_with_a_glued_semicolon_is_one_note(tmp_path: Path) -> None:
    """`Q<TAB>A;B<TAB>C`, Anki's export before 2.1.55 of one note of three fields: it read as
    two Quizlet rows ("What is ReLU?" and a card "cheap"). It is one note; its third field
    is named as the tags it may be."""
    cards, report = _read(tmp_path, "What is ReLU?\tmax(0,x);cheap\tml\n", "anki.txt")
    assert cards == {"What is ReLU?": {"answer": "max(0,x);cheap", "tags": [], "line": 1}}
    assert "Quizlet" not in report
    assert "anki.txt:1: note: 'What is ReLU?': its third field ('ml') is not read" in report


def test_quizlet_semicolon_rows_ending_in_a_semicolon_stay_rows(tmp_path: Path) -> None:
    """The rows Quizlet writes with Semicolon end with one: still a card a row."""
    cards, _ = _read(tmp_path, "relu\tmax(0,x);cheap\tfast to compute;", "rows.txt")
    assert cards == {
        "relu": {"answer": "max(0,x)", "tags": [], "line": 1},
        "cheap": {"answer": "fast to compute", "tags": [], "line": 1},
    }
