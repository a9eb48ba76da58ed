"""Notes as a heavy user brings them (fifty-second round, import52): files joined
together, Windows line ends and tabs, spreadsheets, Anki's HTML, repeated notes, huge
fields, other encodings, odd paths. Each either imports with nothing lost or is refused
with the file and line, never a traceback."""

from __future__ import annotations

import codecs
from pathlib import Path

from tests.ecosystem.test_import_notes import run_import

BIAS = (
    "Bias is the error of the average model. It comes from wrong assumptions. It does not"
    " shrink with more data."
)
VARIANCE = "Variance is how much the fit moves with the sample. It grows with capacity."


def _cards(into: Path) -> dict[str, str]:
    """Each written card's id: its file's text."""
    return {p.stem: p.read_text("utf-8") for p in into.rglob("*.md")}


def test_a_byte_order_mark_mid_file_hides_no_heading(tmp_path: Path) -> None:
    """Two notes files joined (`cat`), the second saved with a BOM by a Windows editor,
    with Windows line ends and tabs: the BOM before `## Q2` made it no heading, so Q2 was
    read as Q1's answer, one key point `\\ufeff## Q2: What is variance?`."""
    first = f"## Q1: What is bias?\r\n\r\n{BIAS}\r\n\r\n"
    second = f"## Q2: What is variance?\r\n\r\n{VARIANCE}\tIt shrinks with more data.\r\n"
    notes = tmp_path / "joined.md"
    notes.write_bytes(codecs.BOM_UTF8 + first.encode() + codecs.BOM_UTF8 + second.encode())

    result = run_import(str(notes), "--into", str(tmp_path / "c"))

    assert result.exit_code == 0, result.output
    cards = _cards(tmp_path / "c")
    assert sorted(cards) == ["what-is-bias", "what-is-variance"], result.output
    assert "\ufeff" not in "".join(cards.values())
    assert "It shrinks with more data." in cards["what-is-variance"]
    assert "Q2" not in cards["what-is-bias"].split("## Answer")[1]


def test_two_spreadsheets_joined_give_no_card_of_their_column_names(tmp_path: Path) -> None:
    """Excel's "CSV UTF-8" starts with a BOM: two such files joined put one before the
    second header row, which became a card titled `\\ufeffFront` answered `Back`."""
    l2 = "What is L2?,It penalises large weights. It is weight decay. It shrinks weights.\n"
    l1 = "What is L1?,It penalises absolute weights. It makes weights sparse. It is the lasso.\n"
    notes = tmp_path / "joined.csv"
    notes.write_bytes(b"".join(codecs.BOM_UTF8 + f"Front,Back\n{row}".encode() for row in (l2, l1)))

    result = run_import(str(notes), "--into", str(tmp_path / "c"))

    assert result.exit_code == 0, result.output
    assert sorted(_cards(tmp_path / "c")) == ["what-is-l1", "what-is-l2"], result.output
    flat = " ".join(result.output.split())
    assert "joined.csv:1: skipped 'Front, Back': a row naming the columns" in flat
    assert "joined.csv:3: skipped 'Front, Back': the row naming the columns again" in flat


def test_an_answer_indented_by_a_tab_is_told_as_a_code_block_at_its_line(
    tmp_path: Path,
) -> None:
    """Mixed tabs and spaces before an answer's lines: Markdown reads them as code, and
    the skip says so at the question's line, with both ways out."""
    notes = tmp_path / "tabs.md"
    notes.write_text(f"## Q1: What is variance?\n\n\t{VARIANCE}\n    \tMore.\n", "utf-8")

    result = run_import(str(notes), "--into", str(tmp_path / "c"))

    assert result.exit_code == 1, result.output
    flat = " ".join(result.output.split())
    assert "tabs.md:1: skipped Q1 'What is variance?'" in flat
    assert "indented by a tab or four spaces, which Markdown reads as a code block" in flat
