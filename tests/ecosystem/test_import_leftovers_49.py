"""Shapes the forty-ninth round reads or refuses (import49): RemNote's `Front >>` over
indented lines, Quizlet's Semicolon rows, and files written by hand the importer had not
met (Anki packages of both kinds, a Mochi export, front matter, a Notion CSV, nested
Obsidian tags, a CSV header in another case, a CSV of 50,000 rows, UTF-16)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from quiz.ecosystem.packages import MOCHI_EXPORT
from tests.conftest import RunDrillbit
from tests.ecosystem.test_import_kept_shapes_45 import _import


def _read(tmp_path: Path, text: str | bytes, name: str) -> tuple[dict[str, dict[str, object]], str]:
    """`text` imported from `name`: the cards by title, the report on one line."""
    cards, report = _import(tmp_path, text, name)
    return cards, " ".join(report.split())


def test_a_remnote_card_with_nothing_after_its_arrow_is_a_multi_line_card(tmp_path: Path) -> None:
    """RemNote shows a multi-line card as `Front >>` over the card's lines (the `>>>` typed
    turns into the arrow); a basic card's back is on its own line. `Capacity >>` over two
    indented lines is that card, answered by them; import48 skipped it as a card with an
    empty back."""
    text = (
        "- Bias >> how far the estimator's mean is from the truth\n"
        "- Variance >> how much the estimate moves between samples\n"
        "- Capacity >>\n"
        "    - how complex a function the model can fit\n"
        "    - grows with the number of parameters\n"
        "- Noise >> what no model can explain\n"
    )
    cards, report = _read(tmp_path, text, "rem.md")
    assert list(cards) == ["Bias", "Capacity", "Noise", "Variance"]
    assert cards["Capacity"] == {
        "answer": "- how complex a function the model can fit\n"
        "- grows with the number of parameters",
        "tags": [],
        "line": 3,
    }
    assert cards["Noise"]["answer"] == "what no model can explain"
    assert (
        "1 multi-line card ('Front >>' over indented lines, as RemNote shows one, line 3) "
        "read as questions answered by the lines under them"
    ) in report
    assert "skipped" not in report
    assert "no answer marker" not in report


def test_remnote_multi_line_cards_both_ways_written_are_named_apart(tmp_path: Path) -> None:
    """A page of `Front >>` cards alone is RemNote's (two cards, all its text), and one
    beside a typed `>>>` card: each shape is named with its lines."""
    text = (
        "- Capacity >>\n"
        "    - how complex a function the model can fit\n"
        "- Regularisation >>>\n"
        "    - a penalty that keeps the weights small\n"
        "- Early stopping >>\n"
        "    - ending training when validation loss stops falling\n"
    )
    cards, report = _read(tmp_path, text, "rem.md")
    assert {title: card["answer"] for title, card in cards.items()} == {
        "Capacity": "- how complex a function the model can fit",
        "Early stopping": "- ending training when validation loss stops falling",
        "Regularisation": "- a penalty that keeps the weights small",
    }
    assert (
        "3 multi-line cards ('Front >>>', line 3; 'Front >>' over indented lines, as RemNote "
        "shows one, lines 1, 5) read as questions"
    ) in report


def test_a_cloze_under_a_shown_multi_line_card_is_in_its_answer(tmp_path: Path) -> None:
    """A cloze item under `Activations >>` is a line of that card's answer, bold there, as
    under `>>>`: it was a cloze card of its own and `Activations` was skipped as a bullet
    introducing it."""
    text = (
        "- Bias >> how far the estimator's mean is from the truth\n"
        "- Variance >> how much the estimate moves between samples\n"
        "- Activations >>\n"
        "    - The {{ReLU}} keeps positive inputs and zeroes the rest.\n"
    )
    cards, report = _read(tmp_path, text, "rem.md")
    assert list(cards) == ["Activations", "Bias", "Variance"]
    assert cards["Activations"]["answer"] == (
        "- The **ReLU** keeps positive inputs and zeroes the rest."
    )
    assert "in a question's answer are shown bold in it, no cards of their own" in report
    assert "skipped" not in report


def test_a_lone_line_ending_in_a_shift_stays_text(tmp_path: Path) -> None:
    """One line ending `>>` over an indented line in prose is not RemNote's notes: it is
    named as text, never a card (a C shift written across lines)."""
    text = (
        "# Notes on shifts\n\n"
        "A right shift moves bits toward the low end.\n"
        "In C a signed right shift keeps the sign.\n"
        "A line of prose ends with a shift >>\n"
        "    y = 1\n"
        "More prose here.\n\n"
        "## What is a logical shift?\n"
        "One that fills with zeros.\n"
    )
    cards, report = _read(tmp_path, text, "shifts.md")
    assert list(cards) == ["What is a logical shift?"]
    assert "shifts.md:3: skipped" in report
    assert "RemNote" not in report


def test_one_quizlet_semicolon_row_with_no_final_semicolon_is_one_card(tmp_path: Path) -> None:
    """Quizlet's Semicolon export of a set of one term, with no `;` after its row (as it
    ends its export), or with one: a card, its answer the definition whole, at line 1. The
    `;` ending a row alone was read as the definition's last character."""
    row = "precision\tshare of predicted positives that are real"
    want = {
        "precision": {
            "answer": "share of predicted positives that are real",
            "tags": [],
            "line": 1,
        }
    }
    for name, text in (("bare.txt", row), ("ended.txt", row + ";")):
        (tmp_path / name[:-4]).mkdir()
        cards, report = _read(tmp_path / name[:-4], text, name)
        assert cards == want, name
        assert "skipped" not in report
        assert "not imported" not in report
        assert ("one row ended by ';'" in report) == (name == "ended.txt")


def test_two_quizlet_semicolon_rows_with_no_final_semicolon_stay_two_cards(
    tmp_path: Path,
) -> None:
    """The import48 shape beside the one-row one: two rows, a `;` between them and none
    after the last, are two cards at line 1."""
    text = (
        "precision\tshare of predicted positives that are real;"
        "recall\tshare of real positives that were found"
    )
    cards, report = _read(tmp_path, text, "quizlet.txt")
    assert {title: card["answer"] for title, card in cards.items()} == {
        "precision": "share of predicted positives that are real",
        "recall": "share of real positives that were found",
    }
    assert "one line of 2 rows parted by ';'" in report


def _refused(drillbit: RunDrillbit, tmp_path: Path, name: str, data: bytes) -> str:
    """The one line `drillbit import` refuses the file `name` holding `data` with."""
    (tmp_path / name).write_bytes(data)
    result = drillbit("import", name, "--pack", "p", "--into", "c", cwd=tmp_path)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stdout
    assert not (tmp_path / "c").exists()
    return result.stdout + result.stderr


def _zip(members: dict[str, bytes]) -> bytes:
    """A ZIP archive holding `members`, as bytes."""
    held = io.BytesIO()
    with zipfile.ZipFile(held, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return held.getvalue()


_ZSTD = b"\x28\xb5\x2f\xfd"
"""Zstandard's magic: Anki 2.1.50's `collection.anki21b` and `media` start so."""


def test_anki_packages_of_both_kinds_say_how_to_export_the_deck_as_text(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """An `.apkg` exported with "Support older Anki versions" off (a zstd-compressed
    `collection.anki21b` beside a stub `collection.anki2`) and on (`collection.anki2`
    alone, an SQLite file): neither is read, and both say what to export instead."""
    sqlite = b"SQLite format 3\x00" + bytes(200)
    modern = _zip(
        {
            "collection.anki21b": _ZSTD + bytes(64),
            "collection.anki2": sqlite,
            "media": _ZSTD + bytes(8),
            "meta": b"\x08\x03",
        }
    )
    legacy = _zip({"collection.anki2": sqlite, "media": b"{}"})
    for name, data in (("modern.apkg", modern), ("legacy.apkg", legacy)):
        output = _refused(drillbit, tmp_path, name, data)
        assert output == (
            f"drillbit: import: {name}: an Anki package, which import does not "
            "read: in Anki, export the deck with File > Export... as 'Notes in Plain Text "
            "(.txt)' and import that file\n"
        )


def test_a_mochi_export_says_what_import_reads_instead(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """A `.mochi` file (a ZIP of `data.json` or `data.edn`) was "not UTF-8 text but a ZIP
    archive (such as an Anki .apkg ...)": another app's name and no way on."""
    for name, member in (("deck.mochi", "data.json"), ("edn.mochi", "data.edn")):
        data = _zip({member: b'{"decks": [{"name": "ML", "cards": []}]}'})
        output = _refused(drillbit, tmp_path, name, data)
        assert output == f"drillbit: import: {name}: {MOCHI_EXPORT}\n"
        assert "Anki" not in output


def test_the_markdown_mochi_advice_names_imports(tmp_path: Path) -> None:
    """The shape the Mochi refusal asks for, a card's front over `---` over its back, is
    read: a card each."""
    text = (
        "What is dropout?\n---\nZeroing random units during training.\n\n"
        "What is weight decay?\n---\nA penalty on the squared weights.\n"
    )
    cards, _ = _read(tmp_path, text, "mochi.md")
    assert {title: card["answer"] for title, card in cards.items()} == {
        "What is dropout?": "Zeroing random units during training.",
        "What is weight decay?": "A penalty on the squared weights.",
    }


def test_front_matter_tags_as_a_list_or_as_a_string_tag_every_card(tmp_path: Path) -> None:
    """`tags:` in YAML front matter as a list, as one string of commas and as one of
    blanks (Obsidian takes all three): the same tags, `/` read as Obsidian's nesting."""
    body = "## What is dropout?\nZeroing random units during training.\n"
    for name, tags in (
        ("list.md", "tags:\n  - ml/regularisation\n  - exam\n"),
        ("commas.md", "tags: ml/regularisation, exam\n"),
        ("blanks.md", "tags: ml/regularisation exam\n"),
    ):
        (tmp_path / name[:-3]).mkdir()
        cards, report = _read(tmp_path / name[:-3], f"---\n{tags}---\n{body}", name)
        assert cards["What is dropout?"]["tags"] == ["ml", "ml-regularisation", "exam"], name
        assert (
            "front matter: its tags (ml, ml-regularisation, exam) are given to every card" in report
        )


def test_front_matter_tags_that_are_no_words_are_said_not_dropped(tmp_path: Path) -> None:
    """`tags: 2024` (one number, as a list's `- 2024` is read) is a tag; a mapping, a list
    in the list and a yes/no under `tags` are none, and the report quotes them: both were
    dropped without a word."""
    body = "## What is dropout?\nZeroing random units during training.\n"
    cards, report = _read(tmp_path, f"---\ntags: 2024\n---\n{body}", "year.md")
    assert cards["What is dropout?"]["tags"] == ["2024"]
    assert "its tags (2024) are given to every card" in report
    (tmp_path / "odd").mkdir()
    odd = "tags:\n  - ml\n  - {deck: ml}\n  - [x, y]\n  - true\n"
    cards, report = _read(tmp_path / "odd", f"---\n{odd}---\n{body}", "odd.md")
    assert cards["What is dropout?"]["tags"] == ["ml"]
    assert (
        "its tags (ml) are given to every card; its tags values '{deck: ml}', '[x, y]', "
        "'true' are no tag (a word or a number), not used"
    ) in report


def test_a_notion_csv_with_a_bom_gives_each_row_its_tags(tmp_path: Path) -> None:
    """Notion's database export: a byte-order mark before `Question`, and a `Tags`
    column of comma-separated values in quotes: each value a tag of that row's card."""
    text = (
        "\ufeffQuestion,Answer,Tags\n"
        '"What is dropout?","Zeroing random units during training.","ml, regularisation"\n'
        '"What is weight decay?","A penalty on the squared weights.","ml, optimisation"\n'
    )
    cards, report = _read(tmp_path, text.encode("utf-8"), "Cards.csv")
    assert {title: card["tags"] for title, card in cards.items()} == {
        "What is dropout?": ["ml", "regularisation"],
        "What is weight decay?": ["ml", "optimisation"],
    }
    assert cards["What is dropout?"]["line"] == 2
    assert "its Tags column gives each card its tags" in report


def test_an_obsidian_nested_tag_line_tags_the_spaced_repetition_cards(tmp_path: Path) -> None:
    """`#flashcards/ml/dl` alone on a line: the Spaced Repetition plugin's deck tag, given
    to every card, not answer text: the plugin's marker and the deck's levels, the parent
    first (import50: it was one tag, `flashcards-ml-dl`, that a search for `ml` missed)."""
    text = (
        "#flashcards/ml/dl\n\n"
        "What is dropout?::Zeroing random units during training.\n\n"
        "What is batch norm?::Normalising each feature over the batch.\n"
    )
    cards, report = _read(tmp_path, text, "deep.md")
    assert {title: card["tags"] for title, card in cards.items()} == {
        "What is dropout?": ["flashcards", "ml", "ml-dl"],
        "What is batch norm?": ["flashcards", "ml", "ml-dl"],
    }
    assert cards["What is dropout?"]["answer"] == "Zeroing random units during training."
    assert "line 1 holds only Obsidian tags (#flashcards/ml/dl)" in report


def test_a_csv_header_in_another_case_or_with_blanks_names_the_columns(tmp_path: Path) -> None:
    """`Front ,BACK` and ` front , Back , TAGS `: the columns named whatever their case and
    blanks, the header no card, the tags read from `TAGS`."""
    cards, report = _read(
        tmp_path,
        "Front ,BACK\nWhat is dropout?,Zeroing random units during training.\n",
        "upper.csv",
    )
    assert cards == {
        "What is dropout?": {
            "answer": "Zeroing random units during training.",
            "tags": [],
            "line": 2,
        }
    }
    assert "a row naming the columns (Front, BACK), not a note" in report
    (tmp_path / "spaced").mkdir()
    cards, report = _read(
        tmp_path / "spaced",
        " front , Back , TAGS \nWhat is dropout?,Zeroing random units during training.,ml\n",
        "spaced.csv",
    )
    assert cards["What is dropout?"]["tags"] == ["ml"]
    assert "its TAGS column gives each card its tags" in report


def test_a_windows_notepad_unicode_file_is_refused_at_its_line_with_the_fix(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """Notepad's "Unicode" (UTF-16, little-endian, a byte-order mark, CRLF): named for what
    it is at line 1 with what to do, no card, no traceback."""
    text = "What is dropout?\tZeroing random units.\r\nWhat is L2?\tA penalty.\r\n"
    output = _refused(drillbit, tmp_path, "notepad.txt", b"\xff\xfe" + text.encode("utf-16-le"))
    assert output == (
        "drillbit: import: notepad.txt:1: not UTF-8 text but UTF-16 text (it starts with a "
        "UTF-16 byte-order mark, as Windows Notepad's 'Unicode' writes); save it as UTF-8\n"
    )


def test_a_csv_over_the_limit_is_told_to_split_its_rows_not_at_headings(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """A card list of 50,000 rows with long answers passes 8 MiB: it was told to "split it
    at headings", which a CSV has none of; it is told to split its rows, each file under a
    copy of the header. (50,000 rows of 5 MB import: docs/importing.md has the numbers.)"""
    rows = tmp_path / "cards.csv"
    with rows.open("wb") as handle:
        handle.write(b"Front,Back\n")
        handle.truncate(9 * 1024 * 1024)  # sparse: refused by its size, never read
    output = _refused(drillbit, tmp_path, "cards.csv", rows.read_bytes())
    assert output == (
        "drillbit: import: cards.csv: 9 MiB, over the limit of 8 MiB: split its rows into "
        "files of at most 8 MiB, each under a copy of its header row, and import each with "
        "the same --pack\n"
    )
