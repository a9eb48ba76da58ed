"""`drillbit import` of notes as they come from other machines and programs: old Mac line
ends, other encodings, Anki's own packages, binary files, a heading of megabytes, a file
written to while it is read. Each gives cards or one specific line, never a traceback."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from quiz.errors import InputFileError
from quiz.textsafe import read_regular, read_regular_text
from tests.conftest import RunDrillbit
from tests.hostile.helpers import PEAK_LIMIT_MB, drillbit

NOTES = (
    "# Notes\n\n"
    "## Q1: What is ReLU?\n\n"
    "ReLU is max(0, x). It is cheap to compute. It does not saturate for positive inputs.\n\n"
    "## Q2: What is dropout?\n\n"
    "Dropout zeroes activations at random in training. It reduces co-adaptation. At test "
    "time every unit is kept.\n"
)


def _import(run: RunDrillbit, notes: Path, *args: str) -> tuple[int, str]:
    result = run("import", notes.name, "--into", "c", *args, cwd=notes.parent)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout + result.stderr


@pytest.mark.parametrize("ending", ["\r", "\r\n", "mixed"])
def test_every_markdown_line_end_gives_the_cards_at_their_lines(
    tmp_path: Path, drillbit: RunDrillbit, ending: str
) -> None:
    """A lone CR (classic Mac OS, some exporters) is a line end to Markdown; dropped as a
    control character it joined the whole file into one line: `no questions found`."""
    lines = NOTES.split("\n")
    if ending == "mixed":
        text = "".join(line + ("\r", "\r\n", "\n")[number % 3] for number, line in enumerate(lines))
    else:
        text = ending.join(lines)
    notes = tmp_path / "notes.md"
    notes.write_bytes(text.encode())
    code, output = _import(drillbit, notes)
    assert code == 0, output
    assert "← notes.md:3 Q1 What is ReLU?" in output
    assert "← notes.md:7 Q2 What is dropout?" in output
    card = (tmp_path / "c" / "notes" / "notes" / "what-is-relu.md").read_text()
    assert "\r" not in card and "ReLU is max(0, x). It is cheap to compute." in card


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (
            NOTES.encode("utf-16"),  # Windows Notepad's "Unicode"
            "notes.md:1: not UTF-8 text but UTF-16 text (it starts with a UTF-16 byte-order "
            "mark, as Windows Notepad's 'Unicode' writes); save it as UTF-8",
        ),
        (
            NOTES.replace("cheap", "ch\u00e9ap").encode("latin-1"),
            "notes.md:5: not UTF-8 text (byte 0xE9 at column 28: invalid continuation byte); "
            "save it as UTF-8",
        ),
        (
            NOTES.replace("\n", "\r").replace("cheap", "ch\u00e9ap").encode("cp1252"),
            "notes.md:5: not UTF-8 text (byte 0xE9 at column 28: invalid continuation byte); "
            "save it as UTF-8",
        ),
        (
            bytes(range(256)) * 4,
            "notes.md:1: not UTF-8 text but a binary file (it holds NUL bytes)",
        ),
        (
            b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n",
            "notes.md:1: not UTF-8 text but a PDF document",
        ),
    ],
    ids=["utf-16", "latin-1", "cp1252-with-cr", "binary", "pdf"],
)
def test_text_that_is_not_utf8_is_named_for_what_it_is(
    tmp_path: Path, drillbit: RunDrillbit, data: bytes, said: str
) -> None:
    """It said `not UTF-8 text (invalid start byte)` at line 1 for all of them."""
    notes = tmp_path / "notes.md"
    notes.write_bytes(data)
    code, output = _import(drillbit, notes)
    assert (code, output) == (1, f"drillbit: import: {said}\n")
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize("name", ["deck.apkg", "collection.colpkg", "Deck.APKG"])
def test_an_anki_package_says_how_to_export_the_deck_as_text(
    tmp_path: Path, drillbit: RunDrillbit, name: str
) -> None:
    package = tmp_path / name
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("collection.anki21", b"SQLite format 3\x00" + bytes(100))
    code, output = _import(drillbit, package)
    assert (code, output) == (
        1,
        f"drillbit: import: {name}: an Anki package, which import does not read: in Anki, export "
        "the deck with File > Export... as 'Notes in Plain Text (.txt)' and import that "
        "file\n",
    )
    renamed = package.rename(tmp_path / "notes.md")
    code, output = _import(drillbit, renamed)
    assert (code, output) == (
        1,
        "drillbit: import: notes.md:1: not UTF-8 text but a ZIP archive (such as an Anki .apkg or "
        ".colpkg deck, or a .docx)\n",
    )


def test_a_card_over_the_card_file_limit_is_not_written(
    tmp_path: Path, _isolated_home: Path
) -> None:
    """A 3 MB heading (a paste gone wrong) made a 3 MB card file that the app and lint then
    refused (`over the limit of 1 MiB`), and was printed whole on two lines."""
    notes = tmp_path / "notes.md"
    heading = "## Q1: What is " + "x" * 3_000_000 + "?\n\nAn answer here. Another one here. "
    notes.write_text(heading + "And a third one.\n\n" + NOTES.split("\n", 2)[2])
    run = drillbit("import", str(notes), "--into", str(tmp_path / "c"), home=_isolated_home)
    assert run.returncode == 0, run.output
    assert "Traceback" not in run.output and len(run.output) < 4000
    title = "What is " + "x" * 111 + "…"
    assert (
        f"notes.md:1: skipped Q1 '{title}': the card would be 2.9 MiB, over a card file's "
        "limit of 1 MiB (the app would not load it); split the question or its answer"
    ) in run.stderr
    assert "1 skipped (1 card too large)" in run.stderr
    written = sorted(path.name for path in (tmp_path / "c" / "notes" / "notes").iterdir())
    assert written == ["what-is-dropout.md", "what-is-relu.md"]
    assert run.peak_mb < PEAK_LIMIT_MB


def test_a_file_written_to_while_it_is_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor saving in place, or a download still going on, mid-read: what was read
    may end mid-answer, and a card made of it would have lost the rest."""
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES * 20_000)  # several reads of a MiB
    real_read = os.read
    reads: list[int] = []

    def read_then_append(fd: int, size: int) -> bytes:
        chunk = real_read(fd, size)
        if not reads:
            with notes.open("a") as handle:
                handle.write("## Q3: What is added meanwhile?\n")
        reads.append(len(chunk))
        return chunk

    monkeypatch.setattr(os, "read", read_then_append)
    with pytest.raises(InputFileError) as raised:
        read_regular_text(notes, limit=8 * 1024 * 1024, title="import")
    assert raised.value.message == (
        f"{notes}: it changed while it was read; try again once it is saved"
    )
    monkeypatch.setattr(os, "read", real_read)
    assert read_regular(notes, limit=8 * 1024 * 1024).endswith(b"meanwhile?\n")


@pytest.mark.parametrize("indent", ["\t", "    "])
def test_an_answer_indented_as_code_says_why_it_has_no_statements(
    tmp_path: Path, drillbit: RunDrillbit, indent: str
) -> None:
    """A tab-indented answer (a note pasted from an outline) is a code block to Markdown:
    it was skipped as "found 0 whole statements" with no word of why."""
    notes = tmp_path / "notes.md"
    relu = "ReLU is max(0, x). It is cheap to compute. It does not saturate for positive inputs."
    notes.write_text(NOTES.replace(relu, indent + "relu = np.maximum(0, x)"))
    code, output = _import(drillbit, notes)
    assert code == 0, output
    skipped = next(line for line in output.splitlines() if "skipped Q1 'What is ReLU?'" in line)
    assert skipped.startswith("notes.md:3: ")
    assert "found 0 whole statements" in skipped
    assert "indented by a tab or four spaces, which Markdown reads as a code block" in skipped
    assert "← notes.md:7 Q2 What is dropout?" in output
    # a fenced block is code the author meant: its skip says nothing of indents
    notes.write_text(NOTES.replace("ReLU is max(0, x).", "```\nrelu = max(0, x)\n```\n\n"))
    code, output = _import(drillbit, notes)
    assert code == 0, output
    # the summary names the content folder, whose path holds this test's name
    assert "indented by a tab" not in output
