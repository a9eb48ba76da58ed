"""A Logseq `((ref))` inside a question's sentence reads as its block's text, as Logseq
shows it (import54): the block's own lines, without its properties, its children, its
list mark, its heading marks or its `#card` tag; a block quoting another shows that
one's text; a reference to no block of the file is shown as a placeholder and named at
its file and line."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.blockrefs import LOOPED, NOT_HERE, read_block_refs
from tests.ecosystem.test_import_notes import front, run_import

A = "6571a2b4-1c2d-4e5f-8a9b-00000000000a"
B = "6571a2b4-1c2d-4e5f-8a9b-00000000000b"
C = "6571a2b4-1c2d-4e5f-8a9b-00000000000c"
D = "6571a2b4-1c2d-4e5f-8a9b-00000000000d"
GONE = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"


def _rows(text: str) -> list[str]:
    return read_block_refs(text).text.split("\n")


def test_a_block_with_properties_and_children_shows_its_own_line() -> None:
    text = (
        "- Adam keeps a running mean of squared gradients #card\n"
        "  collapsed:: true\n"
        f"  id:: {A}\n"
        "  card-repeats:: 2\n"
        "\t- Its child block, no part of its text.\n"
        f"- How does (({A})) differ from SGD? #card\n"
    )
    assert _rows(text)[5] == (
        "- How does Adam keeps a running mean of squared gradients differ from SGD? #card"
    )


def test_a_heading_block_and_a_block_of_two_lines() -> None:
    text = (
        "- ## Adaptive steps #card\n"
        f"  id:: {A}\n"
        "- Momentum keeps a running average\n"
        "  of past gradients\n"
        f"  id:: {B}\n"
        f"- Why does (({A})) help? #card\n"
        f"- What does (({B})) smooth? #card\n"
    )
    rows = _rows(text)
    assert rows[5] == "- Why does Adaptive steps help? #card"  # was "Why does ## Adaptive..."
    # was "What does of past gradients smooth?", the line above the id alone
    assert rows[6] == "- What does Momentum keeps a running average of past gradients smooth? #card"


def test_a_block_quoting_another_shows_its_text_and_a_loop_ends() -> None:
    text = (
        "- Adaptive steps\n"
        f"  id:: {A}\n"
        f"- As (({A})) says, per weight\n"
        f"  id:: {B}\n"
        f"- (({D})) and back\n"
        f"  id:: {C}\n"
        f"- (({C})) again\n"
        f"  id:: {D}\n"
        f"- Which rule is (({B}))? #card\n"
        f"- Which loop is (({C}))? #card\n"
    )
    read = read_block_refs(text)
    rows = read.text.split("\n")
    # it was "(a block not in these notes)" and named missing, though it is in them
    assert rows[8] == "- Which rule is As Adaptive steps says, per weight? #card"
    # a loop was shown as NOT_HERE too, and not named (import55: `LOOPED`, named)
    assert rows[9] == f"- Which loop is {LOOPED} again and back? #card"
    assert read.missing == ()
    assert [(loop.line, loop.blocks) for loop in read.loops] == [
        (5, (7, 5)),
        (7, (5, 7)),
        (10, (5, 7)),
    ]


def test_a_missing_block_is_named_at_its_file_and_line(tmp_path: Path) -> None:
    notes = tmp_path / "optim.md"
    notes.write_text(
        "- Adam keeps a running mean of squared gradients\n"
        f"  id:: {A}\n"
        f"- How does (({A})) differ from SGD? #card\n"
        "\t- It scales each step by the root of that mean, per weight, so steps even out.\n"
        f"- Why is (({GONE})) not shown here? #card\n"
        "\t- Because its block is on another page, which the import does not read.\n",
        "utf-8",
    )
    into = tmp_path / "cards"
    result = run_import(str(notes), "--pack", "p", "--topic", "t", "--into", str(into))
    assert result.exit_code == 0, result.output
    titles = sorted(str(front(card)["title"]) for card in into.rglob("*.md"))
    assert titles == [
        "How does Adam keeps a running mean of squared gradients differ from SGD?",
        f"Why is {NOT_HERE} not shown here?",
    ]
    said = " ".join(result.output.split())
    assert (
        f"optim.md:5: note: block reference: (({GONE})) names no block of this file (import "
        f'reads this file only): the card shows "{NOT_HERE}" in its place'
    ) in said
    assert "optim.md:3: note: block references: line 3 holds Logseq block references" in said
