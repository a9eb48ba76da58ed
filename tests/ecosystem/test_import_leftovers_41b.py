"""The importer's three leftovers of the forty-first round: Anki's clozes in the bullets of
Markdown notes are cards as RemNote's are; a bullet that is only an image is said to be an
image; an Anki plain-text note's field past its answer that only cites is its source."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.ecosystem.ankitext import parse_anki_text
from quiz.ecosystem.citations import field_citation
from quiz.ecosystem.noteimages import image_only
from tests.ecosystem.test_import_notes import answer_of, front, imported_cards, run_import

_ANKI_BULLETS = (
    "# Activations\n"
    "\n"
    "- Nonlinearities\n"
    "    - The {{c1::ReLU}} activation is max(0, x) and keeps positive inputs.\n"
    "    - Adam keeps a running mean of the {{c1::gradients}} and of their {{c2::squares}}.\n"
    "* A {{c1::sigmoid::function}} squashes any real number into the range (0, 1).\n"
    "- Softmax turns `{{c1::logits}}` into probabilities that sum to one.\n"
    "\n"
    "```python\n"
    "- {{c1::not}} a bullet, code\n"
    "```\n"
)


def test_anki_clozes_in_bullets_are_a_card_per_deletion_number(tmp_path: Path) -> None:
    cards, said, notes = imported_cards(tmp_path, _ANKI_BULLETS)
    assert set(cards) == {
        "The [...] activation is max(0, x) and keeps positive inputs",
        "Adam keeps a running mean of the [...] and of their squares",
        "Adam keeps a running mean of the gradients and of their [...]",
        "A [function] squashes any real number into the range (0, 1)",
    }, said
    relu = cards["The [...] activation is max(0, x) and keeps positive inputs"]
    assert answer_of(relu) == "The **ReLU** activation is max(0, x) and keeps positive inputs."
    squares = cards["Adam keeps a running mean of the gradients and of their [...]"]
    assert answer_of(squares).endswith("of their **squares**.")
    assert "**gradients**" not in answer_of(squares)  # only its own number is bold
    ids = sorted(p.stem for p in cards.values())
    assert sum(i.endswith(("-c1", "-c2")) for i in ids) == 2, ids  # one note, two cards
    assert "Nonlinearities" in relu.read_text(encoding="utf-8")  # its parent, shown before it
    assert (
        f"{notes}:4: note: cloze: list items holding Anki's clozes ('{{{{c1::...}}}}', lines 4,"
        " 5, 6) are each a note of its own, a card per deletion number"
    ) in said
    assert "RemNote" not in said  # they are Anki's: no RemNote note names them
    _, problems = lint([tmp_path / "c"])
    assert problems == []


def test_a_reimport_of_anki_bullets_changes_nothing(tmp_path: Path) -> None:
    cards, _, notes = imported_cards(tmp_path, _ANKI_BULLETS)
    again = run_import(str(notes), "--into", str(tmp_path / "c"))
    assert again.exit_code == 0, again.output
    assert "wrote" not in again.output
    assert len(list((tmp_path / "c").rglob("*.md"))) == len(cards)


def test_numbered_anki_cloze_items_are_a_card_each(tmp_path: Path) -> None:
    """A numbered list's items were read as one cloze paragraph, run together ("1. The
    [...] ... 2. A [...] ..."), and skipped as too short for its key points."""
    cards, said, _ = imported_cards(
        tmp_path,
        "# Activations\n"
        "\n"
        "1. The {{c1::ReLU}} activation keeps positive inputs and zeroes the rest.\n"
        "2. A {{c1::sigmoid}} squashes any real number into the range (0, 1).\n",
    )
    assert set(cards) == {
        "The [...] activation keeps positive inputs and zeroes the rest",
        "A [...] squashes any real number into the range (0, 1)",
    }, said
    assert "skipped" not in said


def test_an_anki_cloze_bullet_in_a_questions_answer_is_bold_there(tmp_path: Path) -> None:
    cards, said, notes = imported_cards(
        tmp_path,
        "## What does ReLU compute?\n"
        "\n"
        "- It computes {{c1::max(0, x)}} for each input.\n"
        "- It is cheap and does not saturate for positive inputs.\n",
    )
    assert set(cards) == {"What does ReLU compute?"}, said
    assert answer_of(cards["What does ReLU compute?"]) == (
        "- It computes **max(0, x)** for each input.\n"
        "- It is cheap and does not saturate for positive inputs."
    )
    assert (
        f"{notes}:3: note: cloze: list items holding Anki clozes in a question's answer"
        " (line 3) are shown bold in it, no cards of their own"
    ) in said


def test_remnote_and_anki_bullets_in_one_note_are_each_named_once(tmp_path: Path) -> None:
    cards, said, notes = imported_cards(
        tmp_path,
        "- The {{c1::ReLU}} activation keeps positive inputs and zeroes the rest.\n"
        "- {{Sigmoid}} squashes any real number into the range (0, 1).\n",
    )
    assert len(cards) == 2, said
    assert (
        f"{notes}:1: note: cloze: list items holding Anki's clozes ('{{{{c1::...}}}}', line 1)"
        in said
    )
    assert (
        f"{notes}:2: note: RemNote: RemNote's clozes ('{{{{...}}}}', line 2) read as Anki's"
        " ('{{c1::...}}'), a card per deletion; each list item holding one (line 2) is a note"
        " of its own"
    ) in said


def test_a_bullet_that_is_only_an_image_is_said_to_be_one(tmp_path: Path) -> None:
    _, said, notes = imported_cards(
        tmp_path,
        "- ![](diagram.png)\n"
        "\n"
        "## What does ReLU compute?\n"
        "\n"
        "It keeps positive inputs and zeroes the rest, elementwise.\n"
        "\n"
        "# Dropout\n"
        "\n"
        "- Dropout zeroes units with probability {{c1::p}} while training.\n"
        "- ![[dropout.png|300]]\n"
        "- ![mask](img/mask.jpg)\n",
    )
    assert (
        f"{notes}:1: skipped '- ![](diagram.png)': an image (diagram.png) in no question's"
        " answer, not imported: drillbit cards are text; to keep what it shows, write it in"
        " words in a question's answer (the file stays in your notes)"
    ) in said
    assert (
        f"{notes}:10: skipped '- ![[dropout.png|300]]': images (lines 10-11: dropout.png,"
        " mask.jpg) in no question's answer, not imported: drillbit cards are text; to keep"
        " what they show"
    ) in said
    assert "2 other parts not imported" in said


def test_an_image_beside_words_and_a_note_embed_stay_text(tmp_path: Path) -> None:
    """Only a line that is nothing but images is one: words or an embedded note are text."""
    _, said, _ = imported_cards(
        tmp_path,
        "- ![](relu.png) the ReLU curve, flat then rising\n"
        "- ![[Activation notes]]\n"
        "\n"
        "## What does ReLU compute?\n"
        "\n"
        "It keeps positive inputs and zeroes the rest, elementwise.\n",
    )
    assert "text (lines 1-2, with an image: relu.png) at the top of the notes" in said
    assert "an image (" not in said and "images (" not in said


def test_which_lines_are_only_images() -> None:
    assert image_only("- ![](x.png)") == ("x.png",)
    assert image_only('  * ![[a/b.jpg|300]] ![alt](../c.png "t")') == ("b.jpg", "c.png")
    assert image_only('1. <img src="plot.svg">') == ("plot.svg",)
    for line in ("- ![[Some note]]", "- ![](x.png) shows ReLU", "- ![[x.png]] and ![[y.png]]"):
        assert image_only(line) == (), line


_DECK = (
    "#separator:tab\n"
    "#html:true\n"
    "What does logistic regression model?\tThe log-odds of the class as a linear function"
    " of the inputs.\t<i>Bishop, PRML 4.3.4</i>\n"
    "The {{c1::sigmoid}} maps log-odds to a probability.\t<i>Bishop, PRML 4.3.2</i>\n"
    "What does a ReLU do?\tIt keeps positive inputs and zeroes the rest.\tRemember, 2 uses\n"
    "Who wrote PRML?\tBishop, PRML 2006\t\n"
)


def test_a_citation_in_a_third_field_is_the_cards_source() -> None:
    notes = parse_anki_text(_DECK)
    by_title = {q.title: q for q in notes.questions}
    logistic = by_title["What does logistic regression model?"]
    assert logistic.cited == "Bishop, PRML 4.3.4"
    assert logistic.answer == "The log-odds of the class as a linear function of the inputs."
    sigmoid = by_title["The [...] maps log-odds to a probability."]
    assert sigmoid.cited == "Bishop, PRML 4.3.2"  # a Back Extra that only cites
    assert sigmoid.answer == "The **sigmoid** maps log-odds to a probability."
    relu = by_title["What does a ReLU do?"]
    assert relu.cited == ""  # a third field in words is no citation: kept as a quote
    assert relu.answer == "It keeps positive inputs and zeroes the rest.\n\n> Remember, 2 uses"
    prml = by_title["Who wrote PRML?"]  # an answer that cites is still the answer
    assert prml.cited == "" and prml.answer == "Bishop, PRML 2006"


def test_an_imported_third_field_citation_is_written_as_source(tmp_path: Path) -> None:
    deck = tmp_path / "deck.txt"
    deck.write_text(_DECK, encoding="utf-8")
    result = run_import(str(deck), "--pack", "ml", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    card = next((tmp_path / "c").rglob("logistic-regression-model.md"))
    assert front(card)["source"] == "deck.txt Q1 · Bishop, PRML 4.3.4"
    assert "Bishop" not in answer_of(card)


def test_what_a_field_cites() -> None:
    cites = {
        "Bishop, PRML 4.3.4": "Bishop, PRML 4.3.4",
        "*Hastie et al., ESL 3.4*": "Hastie et al., ESL 3.4",
        "Source: Goodfellow et al. ch. 8": "Goodfellow et al. ch. 8",
        "(Lin et al., 2017)": "Lin et al., 2017",
        "Kingma and Ba, Adam 2014": "Kingma and Ba, Adam 2014",
    }
    for field, cited in cites.items():
        assert field_citation(field) == cited, field
    for field in (
        "Remember the sigmoid saturates",
        "Yes, 3 times",
        "See the notes above",
        "Adam came out in 2015.",
        "Bishop, PRML 4.3.4\nand the lecture on it",
        "",
    ):
        assert field_citation(field) is None, field
