"""The importer's gaps of the forty-third round: a nested cloze's whole text bold once,
Logseq's and RemNote's clozes read past their formulas' braces."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.loader import load_card_text
from quiz.ecosystem.ankicloze import cloze_sides
from quiz.ecosystem.ankitext import parse_anki_text
from quiz.ecosystem.logseqcloze import read_logseq_clozes
from quiz.ecosystem.notes.read import parse_notes
from quiz.ecosystem.remnote import remnote_clozes
from tests.ecosystem.test_import_notes import answer_of, front, imported_cards, run_import


def test_a_nested_clozes_whole_text_is_bold_once() -> None:
    """The note kept whole (`whole`, written as one card when an old import made it so)
    read `**transformer uses **self-attention****`: Markdown shows stray stars."""
    deck = "#separator:tab\nA {{c1::transformer uses {{c2::self-attention}} }} in every layer.\t\n"
    questions = parse_anki_text(deck).questions
    assert [q.cloze for q in questions] == [1, 2]
    whole = questions[0].whole
    assert whole is not None and whole is questions[1].whole
    assert whole.answer == "A **transformer uses self-attention** in every layer."
    assert questions[1].answer == "A transformer uses **self-attention** in every layer."


def test_a_deletion_nested_in_one_of_its_own_number_is_bold_once() -> None:
    front = "The {{c1::encoder {{c1::stack}} }} and the {{c2::decoder}}."
    assert cloze_sides(front, "1") == (
        "The [...] and the decoder.",
        "The **encoder stack** and the decoder.",
    )
    assert cloze_sides(front)[1] == "The **encoder stack** and the **decoder**."
    assert cloze_sides("A {{c1::b}} c.")[1] == "A **b** c."  # not nested: as before


_LOGSEQ = """\
- The softmax of $z$ is {{cloze $\\sigma(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$}} for each class. #card
- Its derivative is {{cloze $\\sigma(x)(1-\\sigma(x))$}} and its range is {{cloze $(0, 1)$}}. #card
- A child block: {{cloze $e^{\\frac{a}{b}}$}} shows its text.
"""


def test_a_logseq_cloze_is_read_past_its_formulas_braces() -> None:
    """`{{cloze $...}}$}}`: its text held braces, so no cloze was read and the card was
    skipped, "no answer", the formula in the question."""
    rows = read_logseq_clozes(_LOGSEQ).text.split("\n")
    assert rows[0] == (
        "- Q: The softmax of $z$ is [...] for each class. **A:** The softmax of $z$ is"
        " **$\\sigma(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$** for each class."
    )
    assert rows[2] == "- A child block: $e^{\\frac{a}{b}}$ shows its text."
    # braces that do not pair up are no cloze read to a guessed end
    broken = "- It is {{cloze $\\frac{1}{2$}} here. #card"
    assert read_logseq_clozes(broken).text == broken


def test_logseq_formula_clozes_are_a_card_each(tmp_path: Path) -> None:
    cards, said, _ = imported_cards(tmp_path, _LOGSEQ.rsplit("- A child", 1)[0])
    assert set(cards) == {  # a title is plain text: its math as Unicode
        "The softmax of z is [...] for each class",
        "Its derivative is [...] and its range is (0, 1)",
        "Its derivative is σ(x)(1−σ(x)) and its range is [...]",
    }, said
    second = cards["Its derivative is σ(x)(1−σ(x)) and its range is [...]"]
    assert answer_of(second) == (
        "Its derivative is $\\sigma(x)(1-\\sigma(x))$ and its range is **$(0, 1)$**."
    )
    assert "skipped" not in said


_REMNOTE = """\
- Activations
    - The softmax of $z$ is {{$\\sigma(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$}} for each class.
    - The exponent {{$e^{\\frac{a}{b}}$}} is one formula.
    - Its derivative is {{$\\sigma(x)(1-\\sigma(x))$}} everywhere.
"""


def test_a_remnote_cloze_is_read_past_its_formulas_braces() -> None:
    """`{{$...}}$}}` was no cloze (text "not imported"); written as Anki's, its formula's
    `}}` is `} }`, the same formula, so Anki's reading does not end the deletion there."""
    text, lines = remnote_clozes(_REMNOTE)
    rows = text.split("\n")
    assert lines == (2, 3, 4)
    assert rows[1] == (
        "    - The softmax of $z$ is {{c1::$\\sigma(z)_i = \\frac{e^{z_i} }{\\sum_j e^{z_j} }$}}"
        " for each class."
    )
    assert rows[2] == "    - The exponent {{c1::$e^{\\frac{a}{b} }$}} is one formula."
    # no closing braces pair: not rewritten, as before
    assert remnote_clozes("- A {{x }} and {{ y}}.\n") == ("- A {{x }} and {{ y}}.\n", ())


def test_remnote_formula_clozes_import_whole(tmp_path: Path) -> None:
    cards, said, _ = imported_cards(tmp_path, _REMNOTE)
    exponent = cards["The exponent [...] is one formula"]
    assert answer_of(exponent) == "The exponent **$e^{\\frac{a}{b} }$** is one formula."
    softmax = cards["The softmax of z is [...] for each class"]
    assert "\\sum_j e^{z_j} }$** for each class." in answer_of(softmax)
    assert len(cards) == 3 and "not imported" not in said, said


_BREAKS = (
    "#separator:tab\n#html:true\n"
    "Softmax<br>$\\sigma(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$\tIt turns logits into"
    " probabilities.\n"
    "What is the<br>Softmax function?\tIt maps logits to probabilities.\n"
    "The gradient<br>$\\nabla_w L$ of the loss\tpoints uphill.\n"
    "What is dropout?<br>Explain why it helps.\tIt zeroes random units in training.\n"
    "Softmax:<br>$e^{z_i} / Z$\tIt normalises exponentials.\n"
)


def test_a_break_in_an_anki_question_titles_by_its_whole_sentence() -> None:
    """A `<br>` titled the card by the line before it: "What is the", "The gradient". A
    sentence going on after it (a line ending in "the", a formula then lowercase words) is
    the title whole; a term over its formula, or a question over another sentence, keeps
    the title and has the rest under it, the question's body, nothing dropped."""
    read = {q.title: q.prompt for q in parse_anki_text(_BREAKS).questions}
    assert read == {
        "Softmax": "$\\sigma(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$",
        "What is the Softmax function?": "",
        "The gradient $\\nabla_w L$ of the loss": "",
        "What is dropout?": "Explain why it helps.",
        "Softmax:": "$e^{z_i} / Z$",
    }


def test_a_term_over_its_formula_asks_with_the_formula_under_it(tmp_path: Path) -> None:
    deck = tmp_path / "deck.txt"
    deck.write_text(_BREAKS, encoding="utf-8")
    result = run_import(str(deck), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    questions = {str(front(p)["title"]): _question(p) for p in (tmp_path / "c").rglob("*.md")}
    assert questions["Softmax"] == (
        "Explain softmax.\n\n$\\sigma(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}$"
    )
    assert questions["Softmax:"] == "Explain softmax.\n\n$e^{z_i} / Z$"  # not "softmax:."
    assert questions["The gradient ∇_w L of the loss"] == (
        "Explain the gradient $\\nabla_w L$ of the loss."
    )


def _question(path: Path) -> str:
    card = load_card_text(path.read_text(encoding="utf-8"), path, topic=path.parent.name)
    return card.section("Question").strip()


def test_a_break_in_a_markdown_question_is_a_space() -> None:
    """`Q: What is the<br>softmax function?` was titled "What is thesoftmax function?"."""
    read = parse_notes(
        "Q: What is the<br>softmax function?\nA: It maps logits to probabilities.\n\n"
        "Q: Softmax<br/>$e^{z_i} / Z$\nA: It normalises exponentials.\n"
    ).questions
    assert [q.title for q in read] == ["What is the softmax function?", "Softmax $e^{z_i} / Z$"]
