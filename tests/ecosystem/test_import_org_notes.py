"""Org-mode notes are read as the Markdown they mean, line for line.

An org file's headings are stars (`** What is bagging?`), which Markdown reads as list
items, and its keywords (`#+TITLE: Trees`) as headings: the import said "no questions
found" and named the whole file as one block of text before any question.
"""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.orgnotes import is_org, read_org
from tests.conftest import DATA
from tests.ecosystem.test_import_notes import answer_of, front, run_import

TREES = DATA / "notes" / "trees.org"


def test_org_lines_are_rewritten_in_place() -> None:
    text = TREES.read_text(encoding="utf-8")
    org = read_org(text, ".org")
    rows = org.text.split("\n")
    assert len(rows) == len(text.split("\n"))  # every line keeps its number
    assert rows[:6] == ["# Trees", "", "#ml #trees", "", "", "# Ensembles"]
    assert rows[6] == "## What is bagging?"
    assert rows[11] == "## How does gradient boosting differ from a random forest? #boosting"
    assert rows[12:16] == ["", "", "", ""]  # planning line and drawer
    assert (
        rows[18]
        == "[the scikit-learn guide](https://scikit-learn.org/stable/modules/ensemble.html)."
    )
    assert rows[20] == "## What does `max_features` control in a random forest?"
    assert "at the cost of **weaker** single trees." in rows[22]
    assert org.unused == ("AUTHOR",)


def test_only_org_notes_are_read_so() -> None:
    assert is_org("#+TITLE: x\n* What is it?\nText.\n", ".md")
    assert is_org("* What is it?\n", ".org")
    for markdown in (
        "* a list item\n* another\n",  # stars but no keyword first
        "# Title\n#+TITLE: late\n* item\n",  # a keyword, but not the first line of text
        "#+TITLE: x\n\nNo headings.\n",
    ):
        assert not is_org(markdown, ".md")
        assert read_org(markdown, ".md").text == markdown
    unclosed = ":PROPERTIES:\n* What is it?\nText.\n"  # a drawer never closed: no drawer
    assert read_org(unclosed, ".org").text == unclosed


def test_an_org_file_imports_its_questions(tmp_path: Path) -> None:
    result = run_import(str(TREES), "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "org-mode: 4 headings (`*`) read as Markdown's (`#`)" in said, said
    assert "keywords AUTHOR are not used" in said
    assert "no questions found" not in said and "skipped" not in said, said
    folder = tmp_path / "c/trees/trees"
    cards = {str(front(p)["title"]): p for p in folder.glob("*.md")}
    assert sorted(cards) == [
        "How does gradient boosting differ from a random forest?",
        "What does max_features control in a random forest?",
        "What is bagging?",
    ]
    boosting = cards["How does gradient boosting differ from a random forest?"]
    assert front(boosting)["tags"] == ["ml", "trees", "boosting"]
    answer = answer_of(boosting)
    assert answer.startswith("Gradient boosting grows trees one after another")
    assert "SCHEDULED" not in answer and ":ID:" not in answer and "PROPERTIES" not in answer
    assert "[the scikit-learn guide](https://scikit-learn.org" in answer
    assert "TODO" not in str(front(boosting)) and "[#A]" not in str(front(boosting))


def test_an_org_file_saved_with_a_bom_and_crlf_reads_the_same(tmp_path: Path) -> None:
    """Windows editors write a byte-order mark and CRLF: the BOM before `#+TITLE:` left the
    title as text, named "skipped ... at the top of the notes"."""
    notes = tmp_path / "trees.org"
    notes.write_bytes(b"\xef\xbb\xbf" + TREES.read_bytes().replace(b"\n", b"\r\n"))
    result = run_import(str(notes), "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "skipped" not in said and "no questions found" not in said, said
    assert "title: Trees" in (tmp_path / "c/trees/pack.yaml").read_text(encoding="utf-8")
    assert len(list((tmp_path / "c/trees/trees").glob("*.md"))) == 3
    assert read_org("\ufeff#+TITLE: T\r\n* Q?\r\n", ".org").text == "# T\r\n# Q?\r\n"


def test_lowercase_source_blocks_are_code(tmp_path: Path) -> None:
    """Emacs writes `#+begin_src` since org 9.2: its code was read as prose, a key point."""
    notes = tmp_path / "numerics.org"
    notes.write_text(
        "* How do you compute log-sum-exp stably?\n"
        "Subtract the maximum before exponentiating, then add it back outside the log.\n"
        "#+begin_src python\ndef logsumexp(z):\n    m = z.max()\n"
        "    return m + np.log(np.exp(z - m).sum())\n#+end_src\n",
        encoding="utf-8",
    )
    assert read_org(notes.read_text(encoding="utf-8"), ".org").text.split("\n")[2] == (
        "#+BEGIN_SRC python"
    )
    result = run_import(str(notes), "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    (card,) = (tmp_path / "c/numerics").rglob("*log-sum-exp*.md")
    answer = answer_of(card)
    assert "```python\ndef logsumexp(z):" in answer and "#+" not in answer, answer
    points = front(card)["key_points"]
    assert isinstance(points, list) and not any("logsumexp" in p for p in points), points
