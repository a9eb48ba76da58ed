"""Shapes the fiftieth round reads (import50): a single comma row as Anki's Import File
reads it, beside a paragraph of notes with commas that stays text; nested tags kept as a
hierarchy a search by the parent finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.ecosystem.commarows import is_comma_row, join_open_fields
from quiz.ecosystem.idwords import nested_tags
from tests.conftest import RunDrillbit
from tests.ecosystem.test_import_kept_shapes_45 import _import


def _read(tmp_path: Path, text: str | bytes, name: str) -> tuple[dict[str, dict[str, object]], str]:
    """`text` imported from `name`: the cards by title, the report on one line."""
    cards, report = _import(tmp_path, text, name)
    return cards, " ".join(report.split())


@pytest.mark.parametrize("name", ["relu.csv", "relu.txt"])
@pytest.mark.parametrize("row", ["What is ReLU?,max(0, x)", "What is ReLU?, max(0, x)"])
def test_a_single_comma_row_is_a_card_its_formula_whole(
    tmp_path: Path, name: str, row: str
) -> None:
    """Anki's Import File takes a comma for the separator of such a line and makes a note
    of Front and Back. The `.csv` was a card answered `max(0` (skipped as too short), the
    `.txt` text at the top of the notes; both are the card, its answer whole."""
    cards, report = _read(tmp_path, row + "\n", name)
    assert list(cards) == ["What is ReLU?"]
    assert cards["What is ReLU?"]["answer"] == "max(0, x)"
    assert cards["What is ReLU?"]["line"] == 1
    assert "skipped" not in report


@pytest.mark.parametrize("name", ["notes.csv", "notes.txt"])
def test_a_paragraph_of_notes_with_commas_is_no_card(tmp_path: Path, name: str) -> None:
    """A line of prose holds commas with a blank after them: it stays text, named at its
    line, where the `.csv` made it a card "Regularisation notes"."""
    text = (
        "Regularisation notes, from the third lecture, which covered dropout, weight decay"
        " and early stopping in some detail.\n"
    )
    cards, report = _read(tmp_path, text, name)
    assert cards == {}
    assert f"{name}:1: skipped 'Regularisation notes, from the third lecture" in report
    assert "no questions found" in report


def test_a_term_row_and_a_prose_row_are_told_apart() -> None:
    """A question or a few words glued to the comma is a card row; prose is not."""
    assert is_comma_row("dropout,zeroes random units while training\n")
    assert is_comma_row('"What is X?","Y, and Z"\n')
    assert not is_comma_row("Dropout, in short, zeroes random units.\n")
    assert not is_comma_row("We saw it. Then,later the loss fell\n")
    assert not is_comma_row("a,b\nc,d\n")  # two rows: the card list reader's as before
    assert not is_comma_row("What is X?,\n")


def test_fields_cut_inside_brackets_or_math_are_joined_and_others_are_not() -> None:
    """`max(0` and ` x)` are one field; a bracket never closed leaves the columns as cut."""
    assert join_open_fields(["ReLU", "max(0", " x)", "ml"], ",") == ["ReLU", "max(0, x)", "ml"]
    assert join_open_fields(["f", "$g(a", " b)$"], ",") == ["f", "$g(a, b)$"]
    assert join_open_fields(["a", "$x", " y$"], ",") == ["a", "$x, y$"]
    assert join_open_fields(["a", "b (c", "d"], ",") == ["a", "b (c", "d"]
    assert join_open_fields(["a", "max(0", " x)"], "\t") == ["a", "max(0", " x)"]


NESTED = {
    "obsidian.md": "#flashcards/ml/dl\n\nWhat is dropout?::Zeroing random units during training.\n",
    "anki.txt": (
        "#separator:tab\n#html:true\n#tags column:3\n"
        "What is dropout?\tZeroing random units during training.\tML::DL exam\n"
    ),
    "logseq.md": "tags:: ml/dl, exam\n\n## What is dropout?\nZeroing random units during training.\n",
}


@pytest.mark.parametrize("name", list(NESTED))
def test_a_nested_tag_is_found_by_its_parent_and_by_itself(
    tmp_path: Path, name: str, drillbit: RunDrillbit
) -> None:
    """Obsidian's `#ml/dl`, Anki's `ML::DL` and Logseq's `ml/dl` were one tag, `ml-dl` (or
    `flashcards-ml-dl`), which `--tag ml` missed; a card tag holds no level, so the card
    gets each level's path, the parent first, and both searches find it, as Anki's
    `tag:ml` finds `ml::dl`. A word that only ends the path (`dl`) is no tag."""
    cards, report = _read(tmp_path, NESTED[name], name)
    tags = cards["What is dropout?"]["tags"]
    assert isinstance(tags, list)
    assert tags[tags.index("ml") :][:2] == ["ml", "ml-dl"]
    assert "dl" not in tags
    assert "flashcards-ml-dl" not in tags
    content = str(tmp_path / "c")
    for tag in ("ml", "ml-dl"):
        listed = drillbit("--content", content, "list", "--tag", tag)
        assert listed.returncode == 0, listed.stderr
        assert "What is dropout?" in listed.stdout, tag
    assert "What is dropout?" not in drillbit("--content", content, "list", "--tag", "dl").stdout


def test_nested_tags_give_every_level_once_and_a_flat_tag_itself() -> None:
    """The levels' paths, each once, the plugin's `flashcards` marker its own tag."""
    assert nested_tags("ml/dl/rnn") == ("ml", "ml-dl", "ml-dl-rnn")
    assert nested_tags("ML::Deep_Learning") == ("ml", "ml-deep-learning")
    assert nested_tags("flashcards/ml") == ("flashcards", "ml")
    assert nested_tags("flashcards") == ("flashcards",)
    assert nested_tags("deep-learning") == ("deep-learning",)
    assert nested_tags("ml//dl/") == ("ml", "ml-dl")
    assert nested_tags("日本") == ()
