"""`<details>` blocks whose `<summary>` asks: the summary is the question, the block its answer.

Notes kept for GitHub hide every answer in a `<details>` block and ask in its summary. The
summary was dropped as a label (as "Show answer" is) and the question with it: a section of
such blocks was named as a heading's text "not imported", and a file of them gave "no
questions found". Written on Windows (a byte-order mark, CRLF line ends) as much as not."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.ecosystem.htmlboxes import read_asking_boxes
from tests.ecosystem.test_import_notes import answer_of, front, run_import

NOTES = (
    "# Regularization\n"
    "\n"
    "## Dropout and friends\n"
    "\n"
    "<details>\n"
    "<summary>What does dropout do during training?</summary>\n"
    "\n"
    "Dropout zeroes each unit with probability p during training. The kept units are\n"
    "scaled by 1/(1-p). At test time nothing is dropped.\n"
    "\n"
    "</details>\n"
    "\n"
    "<details><summary><b>Q: Why does label smoothing help calibration?</b></summary>\n"
    "\n"
    "It mixes the one-hot target with a uniform distribution. The model stops pushing its\n"
    "logits toward infinity. Its confidence then tracks its accuracy more closely.\n"
    "</details>\n"
    "\n"
    "## What is weight decay?\n"
    "\n"
    "<details>\n"
    "<summary>Show answer</summary>\n"
    "\n"
    "Weight decay shrinks every weight by a small fraction at each update. It keeps the\n"
    "weights small. It acts like an L2 penalty under plain SGD.\n"
    "</details>\n"
)


def _write(tmp_path: Path) -> Path:
    notes = tmp_path / "reg.md"
    notes.write_bytes(b"\xef\xbb\xbf" + NOTES.replace("\n", "\r\n").encode("utf-8"))
    return notes


def test_a_summary_that_asks_is_the_question_and_the_block_its_answer(tmp_path: Path) -> None:
    notes = _write(tmp_path)
    result = run_import(str(notes), "--pack", "p", "--topic", "t", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert lint([tmp_path / "c" / "p"])[1] == []
    cards = tmp_path / "c" / "p" / "t"
    assert "reg.md:6 What does dropout do during training?" in result.output
    dropout = cards / "dropout-during-training.md"
    assert answer_of(dropout).startswith("Dropout zeroes each unit with probability p")
    smoothing = cards / "label-smoothing-help-calibration.md"
    assert front(smoothing)["title"] == "Why does label smoothing help calibration?"
    assert answer_of(smoothing).endswith("Its confidence then tracks its accuracy more closely.")
    assert "not imported" not in result.output


def test_a_summary_that_asks_nothing_still_marks_the_answer(tmp_path: Path) -> None:
    notes = _write(tmp_path)
    result = run_import(str(notes), "--pack", "p", "--topic", "t", "--into", str(tmp_path / "c"))
    decay = tmp_path / "c" / "p" / "t" / "weight-decay.md"
    assert answer_of(decay).startswith("Weight decay shrinks every weight"), result.output
    assert "3 questions seen, 3 cards written" in result.output


def test_the_rewrite_keeps_every_line() -> None:
    read = read_asking_boxes(NOTES)
    assert read.lines == (5, 13)
    assert read.text.count("\n") == NOTES.count("\n")
    assert "Show answer" in read.text  # the marker is left to the notes reader
