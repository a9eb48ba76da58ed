"""`drillbit import` of an Anki plain-text export (Notes in Plain Text, .txt): one card per
note (per cloze number for a cloze note with several), HTML made Markdown, clozes asked
with their deletions hidden, decks as topics, tags carried over."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from quiz.bank.lint import lint
from quiz.bank.models import KEBAB
from quiz.ecosystem import importer
from quiz.ecosystem.ankitext import parse_anki_text
from quiz.ecosystem.idwords import card_tag
from quiz.ecosystem.notes.found import ParsedNotes
from tests.ecosystem.test_import_notes import answer_of, front, run_import

EXPORT = (
    "#separator:tab\n"
    "#html:true\n"
    "#notetype column:1\n"
    "#deck column:2\n"
    "#tags column:5\n"
    "Basic\tML::Basics\tWhat is <b>overfitting</b>?\tThe model fits noise in the training "
    "data.<br>It does well on training data and badly on new data.<br>Regularization and "
    "more data help.\tml\n"
    "Basic\tML::Basics\tWhat does &sigma;(x) compute?\t1 / (1 + e<sup>-x</sup>). It squashes "
    "any real number into (0, 1). Its derivative is &sigma;(x)(1 - &sigma;(x)).\tml math\n"
    "Cloze\tML::Basics\tThe {{c1::bias-variance}} trade-off says {{c2::simpler::which}} "
    "models have higher bias.\t\tml\n"
    'Basic\tML\t"What is a ""quoted"" field?"\t"A field in quotes holds a tab\there.\n'
    'It runs over two lines. It ends with a quote."\t\n'
    "Basic\tML\tOnly a front\t\t\n"
)


def test_an_anki_export_gives_a_card_per_note(tmp_path: Path) -> None:
    notes = tmp_path / "deck.txt"
    notes.write_text(EXPORT, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "anki", "--into", str(content))
    assert result.exit_code == 0, result.output
    basics = content / "anki" / "ml-basics"  # the deck names the topic
    assert sorted(p.name for p in basics.glob("*.md")) == [
        "sigma-x-compute.md",
        "trade-off-says-models-have-higher-c1.md",  # no hint's word: `[which]` is not in it
        "trade-off-says-models-have-higher-c2.md",
        "what-is-overfitting.md",
    ]
    overfitting = front(basics / "what-is-overfitting.md")
    assert overfitting["title"] == "What is overfitting?"
    assert overfitting["key_points"] == [
        "The model fits noise in the training data.",
        "It does well on training data and badly on new data.",
        "Regularization and more data help.",
    ]
    sigma = (basics / "sigma-x-compute.md").read_text(encoding="utf-8")
    assert "title: What does σ(x) compute?" in sigma and "e^(-x)" in sigma
    # one card per cloze number: each hides its own deletions and shows the others' text
    c1 = (basics / "trade-off-says-models-have-higher-c1.md").read_text(encoding="utf-8")
    assert "## Question\n\nThe [...] trade-off says simpler models have higher bias." in c1
    assert "## Answer\n\nThe **bias-variance** trade-off says simpler models have" in c1
    c2 = (basics / "trade-off-says-models-have-higher-c2.md").read_text(encoding="utf-8")
    assert "## Question\n\nThe bias-variance trade-off says [which] models have higher" in c2
    assert "## Answer\n\nThe bias-variance trade-off says **simpler** models have" in c2
    # the tags column is the cards' tags
    assert overfitting["tags"] == ["ml"]
    assert front(basics / "sigma-x-compute.md")["tags"] == ["ml", "math"]
    assert front(content / "anki" / "ml" / "quoted-field.md")["tags"] == []
    quoted = front(content / "anki" / "ml" / "quoted-field.md")
    assert quoted["title"] == 'What is a "quoted" field?'
    # The note without a back is named at its line (the quoted field ran over two).
    assert (
        f"{notes}:11: skipped 'Only a front': a note whose second field is empty: no answer"
    ) in result.output
    _, problems = lint([content / "anki"])
    assert problems == []
    again = run_import(str(notes), "--pack", "anki", "--into", str(content))
    assert again.exit_code == 0 and "nothing new:" in again.output


def test_an_export_without_a_header_is_read_from_a_txt_file(tmp_path: Path) -> None:
    """Anki before 2.1.55 wrote no header: a .txt file of tab-separated lines is one."""
    rows = "What is L2?\tA penalty on squared weights. It shrinks them toward zero.\ttag\n"
    notes = tmp_path / "old.txt"
    notes.write_text(rows, encoding="utf-8")
    result = run_import(str(notes), "--pack", "old", "--into", str(tmp_path / "c"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "would write" in result.output and "what-is-l2.md" in result.output
    # The same lines in a .md file are Markdown: the report says why nothing was found.
    markdown = tmp_path / "old.md"
    markdown.write_text(rows, encoding="utf-8")
    refused = run_import(str(markdown), "--pack", "old", "--into", str(tmp_path / "d"))
    assert refused.exit_code == 1
    assert "its lines are tab-separated: an Anki plain-text export is read from a .txt" in (
        refused.output
    )


def test_rows_without_text_are_named_with_their_lines() -> None:
    parsed = parse_anki_text('#separator:Comma\n#html:false\nQ one?,","\n,Only a back\n')
    assert parsed.questions[0].title == "Q one?" and parsed.questions[0].answer == ","
    assert [(i.line, i.reason) for i in parsed.ignored] == [
        (4, "a note whose first field is empty")
    ]


def _plain(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Imports as before cards per cloze number, tags and ids without hints: a cloze note
    one card, its id made from its title (hints and all)."""

    def as_before(notes: str, separator: str = "\t") -> ParsedNotes:
        parsed = parse_anki_text(notes, separator)
        questions = []
        for question in parsed.questions:
            whole = question.whole or question
            if question.cloze <= 1:
                questions.append(dataclasses.replace(whole, tags=(), id_title=None))
        return dataclasses.replace(parsed, questions=tuple(questions))

    monkeypatch.setattr(importer, "parse_anki_text", as_before)


def test_anki_tags_are_kebab_cased_and_anki_own_ones_left_out() -> None:
    parsed = parse_anki_text(
        "#separator:tab\n#html:false\n#tags column:3\n"
        "Q?\tAn answer.\tML::Deep_Learning ml leech Ml σ-algebra 日本 " + "word_" * 30 + "\n"
    )
    # `::` and `_` part words, each tag once, `leech` (Anki's scheduler's) and a tag with
    # no ASCII word left out, a long one cut at a word to lint's 80 characters
    assert parsed.questions[0].tags == (
        "ml",  # `ML::Deep_Learning` is nested: its parent, then itself
        "ml-deep-learning",
        "sigma-algebra",
        "-".join(["word"] * 16),
    )
    assert all(re.fullmatch(KEBAB, tag) for tag in parsed.questions[0].tags)
    assert card_tag("C++") == "c" and card_tag("++") == ""


def test_a_cloze_note_gives_a_card_per_number_and_reimports_unchanged(tmp_path: Path) -> None:
    notes = tmp_path / "deck.txt"
    notes.write_text(
        "#separator:tab\n#html:true\n#tags column:3\n"
        "The {{c1::softmax}} turns {{c2::logits}} into {{c1::probabilities}}.\t\tnn\n"
        "A {{c1::ReLU}} is max(0, x).\tIt does not saturate for positive inputs.\tnn\n",
        encoding="utf-8",
    )
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "p", "--topic", "t", "--into", str(content))
    assert result.exit_code == 0, result.output
    folder = content / "p" / "t"
    assert sorted(p.stem for p in folder.glob("*.md")) == [
        "max-0-x",  # one number: one card, its id as before
        "turns-into-c1",  # the note's id (no deletion spelled out), then its number
        "turns-into-c2",
    ]
    c1 = front(folder / "turns-into-c1.md")
    assert c1["title"] == "The [...] turns logits into [...]"
    assert c1["source"] == "deck.txt Q1" and c1["tags"] == ["nn"]
    c2 = front(folder / "turns-into-c2.md")
    assert c2["title"] == "The softmax turns [...] into probabilities"
    assert front(folder / "max-0-x.md")["source"] == "deck.txt Q2"
    assert "3 questions seen, 3 cards written" in result.output
    again = run_import(str(notes), "--pack", "p", "--topic", "t", "--into", str(content))
    assert again.exit_code == 0 and "nothing new: 3 questions seen" in again.output


def test_cards_imported_before_keep_their_ids_and_reviews(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Imported before tags and cards per cloze number: the re-import adds the tags to
    the same files (retagged, exit 0) and keeps a cloze note's one card as it is, saying
    how to get one per number; nothing is duplicated, no id changes."""
    notes = tmp_path / "deck.txt"
    notes.write_text(EXPORT, encoding="utf-8")
    content = tmp_path / "c"
    with monkeypatch.context() as patched:
        _plain(EXPORT, patched)
        first = run_import(str(notes), "--pack", "anki", "--into", str(content))
    assert first.exit_code == 0, first.output
    before = sorted(p.name for p in content.rglob("*.md"))
    basics = content / "anki" / "ml-basics"
    assert "trade-off-says-which-models-have.md" in before
    assert front(basics / "what-is-overfitting.md")["tags"] == []
    result = run_import(str(notes), "--pack", "anki", "--into", str(content))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in content.rglob("*.md")) == before
    assert front(basics / "what-is-overfitting.md")["tags"] == ["ml"]
    assert front(basics / "trade-off-says-which-models-have.md")["tags"] == ["ml"]
    assert f"retagged {basics / 'what-is-overfitting.md'}  ← {notes}:6 What is overfitting? " in (
        result.output
    )
    assert "(tags added: ml, math)" in result.output
    assert (
        f"{notes}:8: note: 'The [...] trade-off says [which] models have higher bias.': a cloze "
        "note with 2 numbers, imported before as one card with every deletion hidden "
        "(trade-off-says-which-models-have): kept so, with its reviews"
    ) in result.output
    assert "4 questions seen, 0 cards written, 3 retagged, 1 unchanged" in result.output
    again = run_import(str(notes), "--pack", "anki", "--into", str(content))
    assert again.exit_code == 0 and "nothing new: 4 questions seen" in again.output
    # A tag removed from a card's file by hand is an edit: refused, as before.
    card = basics / "what-is-overfitting.md"
    card.write_text(card.read_text().replace("tags:\n- ml\n", "tags:\n- mine\n"))
    edited = run_import(str(notes), "--pack", "anki", "--into", str(content))
    assert edited.exit_code == 1
    assert "what-is-overfitting.md already exists with another tags" in edited.output
    # Deleted, the one card gives way to one per number.
    (basics / "trade-off-says-which-models-have.md").unlink()
    split = run_import(str(notes), "--pack", "anki", "--into", str(content))
    assert "trade-off-says-models-have-higher-c2.md" in split.output


def test_skips_are_grouped_only_under_their_own_reason(tmp_path: Path) -> None:
    """Three notes skipped for one reason (a placeholder answer) and a cloze note's two cards
    for another: the group of five named the cloze cards under the first reason's words
    ("no statement of three words or more", as the placeholders were told then), which was
    false of them."""
    notes = tmp_path / "deck.txt"
    notes.write_text(
        "#separator:tab\n#html:true\n#notetype column:1\n#deck column:2\n"
        "Basic\tML\tDerivative of ReLU at z > 0?\t—\n"
        "Basic\tML\tDerivative of tanh at 0?\t—\n"
        "Basic\tML\tDerivative of the identity?\t—\n"
        "Cloze\tML\tThe {{c1::bias}}-{{c2::variance}} trade-off says simpler models have"
        " higher {{c1::bias}}.\tSee ESL 7.1. Fig 2:\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    lines = result.output.splitlines()
    [group] = [i for i, line in enumerate(lines) if line.startswith("skipped 3 questions")]
    assert "the answer is a placeholder ('—')" in lines[group]
    assert [line.split(" '")[0] for line in lines[group + 1 : group + 4]] == [
        f"  - {tmp_path / 'deck.txt'}:{n}" for n in (5, 6, 7)
    ]
    others = [line for line in lines if "trade-off" in line]
    assert len(others) == 2 and all("found 2 whole statements" in line for line in others)


def test_an_image_occlusion_note_is_left_out_with_why(tmp_path: Path) -> None:
    """Anki's Image Occlusion note is a cloze of shapes over an image: asked as a cloze its
    question was `[...]`, and it was reported as an answer too short."""
    notes = tmp_path / "deck.txt"
    notes.write_text(
        "#separator:tab\n#html:true\n#notetype column:1\n#deck column:2\n"
        "Image Occlusion\tML\t{{c1::image-occlusion:rect:left=.1:top=.2:width=.3:height=.4:oi=1}}"
        '\t<img src="net.png">\tLabel the layer\t\t\n',
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 1
    assert "an Image Occlusion note: what it asks is hidden in its image" in result.output
    assert "too short" not in result.output
    assert "1 skipped (1 image occlusion)" in result.output


def test_a_note_s_images_are_named_in_a_note(tmp_path: Path) -> None:
    """Tags are dropped, `<img>` too: a card that asked about a plot no longer showed it,
    and nothing said so."""
    notes = tmp_path / "deck.txt"
    notes.write_text(
        "#separator:tab\n#html:true\n#notetype column:1\n#deck column:2\n"
        "Basic\tML\tWhat does this plot show? <img src='lc.png'>\t<img src=\"lc-answer.png\">"
        "A learning curve. Training error rises as data grows. The gap between the curves"
        " is variance.\n"
        "Basic\tML\tWhat is overfitting?\tThe model fits noise. It does well on training data."
        " It does badly on new data.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    noted = [line for line in result.output.splitlines() if "note:" in line]
    assert noted == [
        f"{notes}:5: note: 'What does this plot show?': its images are left out"
        " (lc.png, lc-answer.png): import reads text only"
    ]
    assert len(list((tmp_path / "c").rglob("*.md"))) == 2  # both cards are written


def test_text_after_a_list_is_no_part_of_its_last_item(tmp_path: Path) -> None:
    """Anki's editor writes a list then text with no break between (`</ul>Text`): the text
    was read as the last item's, and the key point "High variance: overfitting
    Regularization trades a little bias for less variance." mixed the two."""
    notes = tmp_path / "deck.txt"
    notes.write_text(
        "#separator:tab\n#html:true\n"
        "What is the bias-variance trade-off?\t<div>Bias is error from wrong assumptions."
        "</div><ul><li>High bias: underfitting</li><li>High variance: overfitting</li></ul>"
        "Regularization trades a little bias for less variance.\n"
        "Name two regularizers.\tTwo common ones:<ul><li>weight decay on the weights</li>"
        "<li>dropout of activations</li></ul>\n",
        encoding="utf-8",
    )
    (first, second) = parse_anki_text(notes.read_text(encoding="utf-8")).questions
    assert first.answer.endswith(
        "- High bias: underfitting\n- High variance: overfitting\n\n"
        "Regularization trades a little bias for less variance."
    )  # one blank line parts them (two were left where the list ended, thirty-seventh round)
    # an item opens a line, even right after text ("Two common ones:- weight decay")
    assert (
        second.answer == "Two common ones:\n- weight decay on the weights\n- dropout of activations"
    )
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "p", "--into", str(content))
    assert result.exit_code == 0, result.output
    points = front(content / "p" / "p" / "bias-variance-trade-off.md")["key_points"]
    assert points == [
        "High bias: underfitting",
        "High variance: overfitting",
        "Bias is error from wrong assumptions.",
    ]
    assert lint([content / "p"])[1] == []


def test_a_line_anki_wraps_in_a_div_starts_a_line(tmp_path: Path) -> None:
    """Anki's editor leaves a field's first line bare and wraps each next line in a
    `<div>`: the first two lines ran together, and the key point "The harmonic mean of
    precision and recall.It is high only when both are high." was two sentences in one."""
    notes = tmp_path / "deck.txt"
    notes.write_text(
        "#separator:tab\n#html:true\n"
        "F1 score\tThe harmonic mean of precision and recall.<div>It is high only when both"
        " are high.</div><div>It ignores true negatives.</div>\n"
        "Recall\t <p>The share of positives found.</p>It matters for screening.<h3>Not"
        " for spam filters.</h3>\n",
        encoding="utf-8",
    )
    (f1, recall) = parse_anki_text(notes.read_text(encoding="utf-8")).questions
    assert f1.answer == (
        "The harmonic mean of precision and recall.\nIt is high only when both are high.\n"
        "It ignores true negatives."
    )
    assert recall.answer == (
        "The share of positives found.\nIt matters for screening.\nNot for spam filters."
    )
    content = tmp_path / "c"
    assert run_import(str(notes), "--pack", "p", "--into", str(content)).exit_code == 0
    assert front(content / "p" / "p" / "f1-score.md")["key_points"] == [
        "The harmonic mean of precision and recall.",
        "It is high only when both are high.",
        "It ignores true negatives.",
    ]


def test_a_note_s_sounds_are_named_and_a_field_of_media_only_is_said_so(tmp_path: Path) -> None:
    """`[sound:...]` was dropped without a word (a card asking what a word sounds like no
    longer played it), and a note whose answer is a sound or a picture alone was skipped
    as one with 'no second field', though it has one."""
    notes = tmp_path / "deck.txt"
    notes.write_text(
        "#separator:tab\n#html:true\n#notetype column:1\n#deck column:2\n"
        "Basic\tML\tHow is 'Adam' said? [sound:adam.mp3]\tAs the name Adam. It comes from"
        " adaptive moment estimation. It is no acronym to spell out.\n"
        'Basic\tML\tWhat does a sigmoid look like?\t<img src="sigmoid.png">&nbsp;<br>\n'
        "Basic\tML\tSay 'softmax'.\t[sound:softmax.mp3]\n"
        "Basic\tML\t[sound:relu.mp3]\tReLU, said as ray-loo.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (
        f"{notes}:5: note: 'How is 'Adam' said?': its sounds are left out (adam.mp3):"
        " import reads text only"
    ) in lines
    assert (
        f"{notes}:6: skipped 'What does a sigmoid look like?': its answer is only media"
        " (sigmoid.png): import reads text only"
    ) in lines
    assert (
        f"{notes}:7: skipped 'Say 'softmax'.': its answer is only media (softmax.mp3):"
        " import reads text only"
    ) in lines
    assert (
        f"{notes}:8: skipped 'ReLU, said as ray-loo.': its question is only media"
        " (relu.mp3): import reads text only"
    ) in lines
    assert "no second field" not in result.output
    assert "3 skipped (3 media only)" in result.output


def test_a_note_with_a_reversed_card_says_its_reverse_is_not_made(tmp_path: Path) -> None:
    """Anki makes two cards of a Basic (and reversed card) note (and of an optional-reversed
    one whose Add Reverse field is filled in); import made the forward one and said nothing
    of the other."""
    notes = tmp_path / "deck.txt"
    notes.write_text(
        "#separator:tab\n#html:true\n#notetype column:1\n#deck column:2\n"
        "Basic (and reversed card)\tML\tWhat is bias?\tThe error from wrong assumptions in"
        " the model. High bias underfits.\n"
        "Basic (optional reversed card)\tML\tWhat is variance?\tThe error from sensitivity to"
        " the training set. High variance overfits.\ty\n"
        "Basic (optional reversed card)\tML\tWhat is noise?\tThe error no model can remove."
        " It sets the floor of the test error.\t\n"
        "Basic\tML\tWhat is overfitting?\tThe model fits noise. It does badly on new data.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    noted = [line for line in result.output.splitlines() if "note:" in line]
    reason = (
        "its reversed card (asked from the answer) is not made: import makes the card asked"
        " from the front only"
    )
    assert noted == [
        f"{notes}:5: note: 'What is bias?': {reason}",
        f"{notes}:6: note: 'What is variance?': {reason}",
    ]
    assert len(list((tmp_path / "c").rglob("*.md"))) == 4  # every note gives its card


def test_a_csv_of_cards_is_read_as_comma_separated_notes(tmp_path: Path) -> None:
    """A `.csv` of question and answer columns (a spreadsheet's, or Anki's import format
    with commas), with a byte-order mark, CRLF line ends and a quoted field holding a line
    break and doubled quotes: one card per row, as a tab-separated `.txt` gives. It was
    read as Markdown: "no questions found", nothing imported."""
    notes = tmp_path / "cards.csv"
    notes.write_bytes(
        b"\xef\xbb\xbf"
        b'"What is a learning rate?","The step size of gradient descent.\r\n'
        b'Too large diverges; too small crawls."\r\n'
        b'"What does ""ReLU"" stand for?","The rectified linear unit, max(0, x)."\r\n'
    )
    into = tmp_path / "c"
    result = run_import(str(notes), "--pack", "p", "--topic", "t", "--into", str(into))
    assert result.exit_code == 0, result.output
    assert "2 questions seen, 2 cards written" in result.output
    assert lint([into / "p"])[1] == []
    rate = into / "p" / "t" / "learning-rate.md"
    assert (
        answer_of(rate)
        == "The step size of gradient descent.\nToo large diverges; too small crawls."
    )
    relu = next((into / "p" / "t").glob("relu*.md"))
    assert front(relu)["title"] == 'What does "ReLU" stand for?'
    again = run_import(str(notes), "--pack", "p", "--topic", "t", "--into", str(into))
    assert "nothing new:" in again.output, again.output


def test_a_first_row_naming_the_columns_is_said_to_be_no_note(tmp_path: Path) -> None:
    """`Front,Back,Tags` first (a spreadsheet's header): it was taken as a note, and the
    report said the question 'Front' was skipped as "the answer is too short"."""
    notes = tmp_path / "cards.tsv"
    notes.write_text(
        "Front\tBack\nWhat is a learning rate?\tThe step size of gradient descent.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "p", "--topic", "t", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert "cards.tsv:1: skipped 'Front, Back': a row naming the columns (Front, Back)" in (
        result.output
    )
    assert "1 question seen, 1 card written; 1 other part not imported" in result.output
    assert "too short" not in result.output
    assert parse_anki_text("Front,Back\nBack,Front\n", ",").questions[0].title == "Back"
