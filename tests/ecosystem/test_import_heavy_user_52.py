"""Notes as a heavy user brings them (fifty-second round, import52): files joined
together, Windows line ends and tabs, spreadsheets, Anki's HTML, repeated notes, huge
fields, other encodings, odd paths. Each either imports with nothing lost or is refused
with the file and line, never a traceback."""

from __future__ import annotations

import codecs
import tracemalloc
from pathlib import Path

from quiz.ecosystem.importer import plan_import
from quiz.errors import InputFileError
from tests.ecosystem.test_import_notes import front, run_import

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
    assert "joined.csv:3: skipped 'Front, Back': a row naming the columns again" in flat


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


EOS_ANSWER = (
    "It marks the end of a sequence. The decoder stops when it emits {eos}. Training pads"
    " after it with {pad}."
)


def test_a_token_written_like_a_tag_is_kept_from_markdown_and_anki(tmp_path: Path) -> None:
    """`<eos>` and `<pad>` (or Anki's `&lt;eos&gt;`) were taken for HTML and removed, unsaid:
    "The decoder stops when it emits ." Only HTML's own elements are markup now; the rest
    is kept, as code in the card's text, as written in its title, its id as before."""
    markdown = tmp_path / "tokens.md"
    markdown.write_text(
        "## Q1: What does the <eos> token tell a decoder?\n\n"
        + EOS_ANSWER.format(eos="<eos>", pad="<pad>")
        + " It is <b>never</b> masked.\n",
        "utf-8",
    )
    anki = tmp_path / "tokens.txt"
    answer = EOS_ANSWER.format(eos="&lt;eos&gt;", pad="&lt;pad&gt;")
    anki.write_text(
        "#separator:tab\n#html:true\n"
        f"What does the &lt;eos&gt; token tell a decoder?\t<div>{answer}</div>\n",
        "utf-8",
    )
    for notes in (markdown, anki):
        into = tmp_path / notes.suffix[1:]

        result = run_import(str(notes), "--into", str(into))

        assert result.exit_code == 0, result.output
        [card] = into.rglob("token-tell-decoder.md")  # the id it had
        text = card.read_text("utf-8")
        assert front(card)["title"] == "What does the <eos> token tell a decoder?"
        assert "What does the `<eos>` token tell a decoder?" in text
        assert "The decoder stops when it emits `<eos>`." in text
        assert "Training pads after it with `<pad>`." in text
        assert "<b>" not in text  # HTML's own tags are still markup


def test_a_note_given_twice_word_for_word_makes_one_card(tmp_path: Path) -> None:
    """A note pasted twice (or two files joined) made two cards, `what-is-bias` and
    `what-is-bias-2`, whose reviews then split. The repeat is skipped at its line, naming
    the first; a question asked again with another answer is still its own card."""
    notes = tmp_path / "dups.md"
    other = "Bias is what the model gets wrong on average. It is a systematic error. It stays with more data."
    notes.write_text(
        f"## What is bias?\n\n{BIAS}\n\n## What is bias?\n\n{BIAS}\n\n## What is bias?\n\n{other}\n",
        "utf-8",
    )
    anki = tmp_path / "dups.txt"
    anki.write_text(f"#separator:tab\n#html:false\nWhat is bias?\t{BIAS}\nWhat is bias?\t{BIAS}\n")

    result = run_import(str(notes), "--into", str(tmp_path / "c"))
    again = run_import(str(anki), "--into", str(tmp_path / "a"))

    assert result.exit_code == 0, result.output
    assert sorted(_cards(tmp_path / "c")) == ["what-is-bias", "what-is-bias-2"], result.output
    assert other in _cards(tmp_path / "c")["what-is-bias-2"]
    flat = " ".join(result.output.split())
    assert "dups.md:5: skipped 'What is bias?': the same question and answer as line 1" in flat
    assert "3 questions seen, 2 cards written, 1 skipped (1 repeated)" in flat
    assert again.exit_code == 0, again.output
    assert sorted(_cards(tmp_path / "a")) == ["what-is-bias"], again.output
    assert (
        "dups.txt:4: skipped 'What is bias?': the same question and answer as line 3"
        in " ".join(again.output.split())
    )


def test_a_csv_field_holding_a_line_break_and_a_trailing_empty_column(tmp_path: Path) -> None:
    """Excel and Google Sheets write a quoted field over two lines and an empty last column
    (`Front,Back,`): each row a card at its own line, the line break kept."""
    notes = tmp_path / "sheet.csv"
    notes.write_text(
        "Front,Back,\n"
        '"What is dropout?","It drops units at random.\nIt keeps the expected input the same.'
        ' It regularises the network.",\n'
        "What is L2?,It penalises large weights. It is weight decay. It shrinks weights.,\n",
        "utf-8",
    )

    result = run_import(str(notes), "--into", str(tmp_path / "c"))

    assert result.exit_code == 0, result.output
    cards = _cards(tmp_path / "c")
    assert sorted(cards) == ["what-is-dropout", "what-is-l2"], result.output
    assert (
        "It drops units at random.\nIt keeps the expected input the same."
        in cards["what-is-dropout"]
    )
    flat = " ".join(result.output.split())
    assert "sheet.csv:2 What is dropout?" in flat and "sheet.csv:4 What is L2?" in flat


def test_anki_html_soup_keeps_its_text_and_names_what_it_drops(tmp_path: Path) -> None:
    """Entities, `<div>`s, `<br>`s, a sound and an image in one note: the text comes out
    whole, the sound and the image are named at the note's line as left out."""
    notes = tmp_path / "soup.txt"
    notes.write_text(
        "#separator:tab\n#html:true\n"
        "What is the <b>softmax</b> &amp; its range?<div><br></div>[sound:softmax.mp3]\t"
        "<div>It maps logits to probabilities.</div><div>Its outputs sum to&nbsp;one.<br></div>"
        '<div>It is invariant to adding a constant.</div><img src="plot.png">&mdash; see plot\n',
        "utf-8",
    )

    result = run_import(str(notes), "--into", str(tmp_path / "c"))

    assert result.exit_code == 0, result.output
    [text] = _cards(tmp_path / "c").values()
    assert "title: What is the softmax & its range?" in text
    for said in ("It maps logits to probabilities.", "Its outputs sum to one.",
                 "It is invariant to adding a constant.", "— see plot"):  # fmt: skip
        assert said in text, said
    assert not any(mark in text for mark in ("<div", "<br", "&nbsp;", "&amp;", "[sound:", "<img"))
    flat = " ".join(result.output.split())
    assert "soup.txt:3: note:" in flat
    assert "its images are left out (plot.png)" in flat
    assert "its sounds are left out (softmax.mp3)" in flat


def test_a_note_whose_front_is_only_whitespace_is_named_at_its_line(tmp_path: Path) -> None:
    notes = tmp_path / "blank.txt"
    notes.write_text(f"#separator:tab\n#html:false\n \t\u3000\t{BIAS}\nWhat is bias?\t{BIAS}\n")

    result = run_import(str(notes), "--into", str(tmp_path / "c"))

    assert result.exit_code == 0, result.output
    assert sorted(_cards(tmp_path / "c")) == ["what-is-bias"]
    assert "blank.txt:3: skipped" in result.output
    assert "a note whose first field is empty" in result.output


def _sentences(size: int) -> str:
    """Distinct sentences, `size` characters or a few more."""
    out, total, i = [], 0, 0
    while total < size:
        out.append(f"Sentence {i} says the weight moves the loss here. ")
        total += len(out[-1])
        i += 1
    return "".join(out).strip()


def test_a_one_megabyte_field_imports_in_bounded_memory(tmp_path: Path) -> None:
    """One Anki field of 1 MB of prose: one card, its whole answer kept; the plan's peak
    (traced) stays within 25 times the notes (19 measured: the card's text, its key
    points and the answer's sentences side by side). A field that makes the card over a
    card file's 1 MiB is refused at its line, naming the limit."""
    answer = _sentences(1_000_000)
    notes = tmp_path / "big.txt"
    text = f"#separator:tab\n#html:false\nWhat does a huge answer hold?\t{answer}\n"
    notes.write_text(text, "utf-8")

    tracemalloc.start()
    try:
        plan = plan_import(notes, content_dir=tmp_path / "c", pack="p", text=text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    [card] = plan.cards
    assert answer in card.text
    assert peak < 25 * len(text), peak / len(text)
    over = tmp_path / "over.txt"
    over.write_text(f"#separator:tab\n#html:false\nWhat is too big?\t{_sentences(1_200_000)}\n")
    result = run_import(str(over), "--into", str(tmp_path / "o"))
    assert result.exit_code == 1, result.output
    assert "over.txt:3: skipped 'What is too big?': the card would be 1.2 MiB, over a card" in (
        " ".join(result.output.split())
    )
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").rglob("*.md"))


def test_a_windows_1252_file_is_refused_at_its_first_such_byte(tmp_path: Path) -> None:
    """Latin text saved as Windows-1252 (Excel's "CSV", old Notepad) is not read as
    mojibake: the import names the line and column and the fix, and writes nothing."""
    notes = tmp_path / "latin.md"
    notes.write_bytes(
        f"## Q1: What is bias?\n\n{BIAS}\n\n## Q2: Why is naïve Bayes fast?\n".encode("cp1252")
    )

    result = run_import(str(notes), "--into", str(tmp_path / "c"))

    assert isinstance(
        result.exception, InputFileError
    )  # the CLI prints it: `drillbit: import: ...`
    said = str(result.exception)
    assert said.startswith(f"{notes}:5: not UTF-8 text (byte 0xEF at column 17"), said
    assert said.endswith("save it as UTF-8")
    assert not (tmp_path / "c").exists()


def test_a_folder_a_symlink_loop_and_a_directory_named_like_notes_are_refused(
    tmp_path: Path,
) -> None:
    """Import reads one file: a folder (a vault), a directory called `notes.md` and a link
    that goes round in a loop are each refused by name as a usage error, nothing read or
    written, no traceback."""
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "a.md").write_text(f"## What is bias?\n\n{BIAS}\n", "utf-8")
    (vault / "loop").symlink_to(vault)  # a folder that holds itself
    (tmp_path / "notes.md").mkdir()
    (tmp_path / "one").symlink_to(tmp_path / "two")
    (tmp_path / "two").symlink_to(tmp_path / "one")
    for path, said in (
        (vault, "is a directory"),
        (vault / "loop", "is a directory"),
        (tmp_path / "notes.md", "is a directory"),
        (tmp_path / "one", "goes round in a loop of symbolic links"),
    ):
        result = run_import(str(path), "--into", str(tmp_path / "c"))

        assert result.exit_code == 2, result.output
        assert said in result.output and str(path) in result.output, result.output
        assert "Traceback" not in result.output
    assert not (tmp_path / "c").exists()
