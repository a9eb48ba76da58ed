"""MkDocs, HackMD and Docusaurus admonitions are read as Obsidian callouts.

`??? question "What is dropout?"` over its indented answer (MkDocs Material) was a
paragraph over a code block, and `:::spoiler What is X?` ... `:::` (HackMD) a paragraph
with colons: a file of them gave "no questions found".
"""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.admonitions import read_admonitions
from tests.conftest import DATA
from tests.ecosystem.test_import_notes import answer_of, front, run_import

NOTES = DATA / "notes" / "mkdocs-admonitions.md"


def test_admonitions_become_callouts_line_for_line() -> None:
    text = NOTES.read_text(encoding="utf-8")
    rows = read_admonitions(text).split("\n")
    assert len(rows) == len(text.split("\n"))
    assert rows[2:6] == [
        "> [!question]- What is dropout?",
        ">",
        "> During training each unit is zeroed with probability p, so the network cannot"
        " rely on any single unit.",
        "> At test time the full network is used.",
    ]
    assert rows[7] == "> [!note] Why does early stopping regularize?"
    assert rows[10:13] == [
        "> [!spoiler]- What is weight decay?",
        "> It shrinks every weight toward zero at each step, which is L2 regularization under"
        " plain SGD.",
        "",
    ]
    assert read_admonitions("???+ tip\r\n    Open.\r\n") == "> [!tip]+\r\n> Open.\r\n"


def test_what_is_no_admonition_is_left_as_written() -> None:
    for text in (
        '??? question "Asked?"\n\nNo indented body.\n',  # nothing under it
        ":::spoiler Never closed?\nIt runs on.\n",
        '```\n??? question "In code?"\n    code\n```\n',
        "Why??? Because!!! It is so.\n",
        "std::vector<int> v; // ::: not a container\n",
    ):
        assert read_admonitions(text) == text


def test_an_admonition_file_imports_its_questions(tmp_path: Path) -> None:
    result = run_import(str(NOTES), "--pack", "reg", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "no questions found" not in said, said
    cards = {str(front(p)["title"]): p for p in (tmp_path / "c/reg/reg").glob("*.md")}
    assert sorted(cards) == ["What is dropout?", "What is weight decay?"]
    dropout = answer_of(cards["What is dropout?"])
    assert dropout.startswith("During training each unit is zeroed with probability p")
    assert "```" not in dropout and "???" not in dropout
    decay = answer_of(cards["What is weight decay?"])
    assert decay.startswith("It shrinks every weight") and ":::" not in decay
    # a note box titled with a question is named, as an Obsidian one is
    assert "skipped '> [!note] Why does early stopping regularize?'" in said, said
