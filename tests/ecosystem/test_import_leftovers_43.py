"""The importer's gaps of the forty-third round: a nested cloze's whole text bold once,
Logseq's and RemNote's clozes read past their formulas' braces."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.loader import load_card_text
from quiz.ecosystem.ankicloze import cloze_sides
from quiz.ecosystem.ankitext import parse_anki_text
from quiz.ecosystem.logseqcloze import read_logseq_clozes
from quiz.ecosystem.notes.read import parse_notes
from quiz.ecosystem.remnote import remnote_clozes, unpaired_remnote_clozes
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
    assert [q.title for q in read] == ["What is the softmax function?", "Softmax"]
    assert read[1].prompt == "$e^{z_i} / Z$"  # under the title, as in an Anki note


def test_a_logseq_cloze_whose_braces_do_not_pair_is_named(tmp_path: Path) -> None:
    """A brace left open in its formula: no cloze is read to a guessed end, and the user
    is told where and how to mend it, not only that the block had "no answer"."""
    notes = tmp_path / "page.md"
    notes.write_text(
        "- It is {{cloze $\\frac{1}{2$}} here. #card\n"
        "- The mean is {{cloze $\\mu$}} and the half is {{cloze $\\frac{1}{2$}}. #card\n"
        "- A fine one: {{cloze $e^{\\frac{a}{b}}$}}. #card\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code in (0, 1), result.output
    said = " ".join(result.output.split())
    assert (
        f"{notes}:1: note: cloze: '{{{{cloze $\\frac{{1}}{{2$}}}}' (lines 1, 2): its braces do"
        " not pair up, so it is not read as a cloze and its text stays as written: give each"
        " '{' its '}'"
    ) in said
    assert read_logseq_clozes("- A fine one: {{cloze $e^{x}$}}. #card").unpaired == ()


def test_a_cloze_line_of_a_deletion_alone_is_titled_with_the_line_after_it() -> None:
    """`{{c1::Softmax}}<br>$...$` was titled "[...]", which says nothing in a list of cards
    (and its id was the note's place, `p-q2`); a line with words of its own is not joined."""
    deck = (
        "#separator:tab\n#html:true\n"
        "{{c1::Softmax}}<br>$\\sigma(z)_i = e^{z_i} / Z$\tIts outputs sum to one.\n"
        "{{c1::ReLU}} is an activation.<br>It keeps positive inputs.\t\n"
    )
    titles = [(q.title, q.prompt) for q in parse_anki_text(deck).questions]
    assert titles == [
        ("[...] $\\sigma(z)_i = e^{z_i} / Z$", ""),
        ("[...] is an activation.", "It keeps positive inputs."),
    ]


def test_a_remnote_cloze_whose_braces_do_not_pair_is_named(tmp_path: Path) -> None:
    """Not read, and said so; one in code or inside math, or a blank at its edge, is none."""
    text = (
        "- The half is {{$\\frac{1}{2$}} here.\n"
        "- The mean is {{$\\mu$}} and a {{x }} stays.\n"
        "- Code `{{$\\frac{1}{2$}}` and math $\\frac{{a}}{b}$ are none.\n"
    )
    assert unpaired_remnote_clozes(text) == ((1, "{{$\\frac{1}{2$}}"),)
    notes = tmp_path / "rem.md"
    notes.write_text(text, encoding="utf-8")
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    said = " ".join(result.output.split())
    assert (
        f"{notes}:1: note: RemNote: '{{{{$\\frac{{1}}{{2$}}}}' (line 1): its braces do not pair"
        " up, so it is not read as a cloze"
    ) in said


def test_q_over_a_pairs_with_no_blank_line_between_are_a_card_each(tmp_path: Path) -> None:
    """One Markdown paragraph: the second question was lost in the first one's answer."""
    cards, said, _ = imported_cards(
        tmp_path,
        "Q: What is dropout?\nA: Zeroing random units in training.\n"
        "Q: What is weight decay?\nA: A penalty on the weights' size,\npulling them to zero.\n",
    )
    assert set(cards) == {"What is dropout?", "What is weight decay?"}, said
    assert answer_of(cards["What is dropout?"]) == "Zeroing random units in training."
    assert answer_of(cards["What is weight decay?"]) == (
        "A penalty on the weights' size,\npulling them to zero."
    )


def test_a_run_that_markdown_reads_as_other_blocks_is_left() -> None:
    from quiz.ecosystem.qapairs import split_question_pairs

    text = "Q: a?\nA: b\nQ: c?\nA: d\n\nQ: e?\nA:\n- f\nQ: g?\nA: h\n\nText\nQ: i?\nA: j\nQ: k?\n"
    split, lines = split_question_pairs(text)
    assert lines == (1, 3)  # the second run holds a list item, the third opens with text
    assert split == "- " + text.replace("\nQ: c?", "\n- Q: c?", 1)


def test_a_term_and_definition_card_over_a_question_mark_card_are_two(tmp_path: Path) -> None:
    """`Cross-entropy::$...$` (one word, no blank after `::`: no Dataview field) was text,
    and the `?` card under it took it into its question."""
    cards, said, _ = imported_cards(
        tmp_path,
        "# Losses #flashcards\n\nCross-entropy::$-\\sum_i y_i \\log \\hat{y}_i$\n"
        "What is the hinge loss?\n?\n$\\max(0, 1 - y f(x))$, zero past the margin.\n\n"
        "source:: Bishop\n",
    )
    assert set(cards) == {"Cross-entropy", "What is the hinge loss?"}, said
    assert answer_of(cards["Cross-entropy"]) == "$-\\sum_i y_i \\log \\hat{y}_i$"
    assert answer_of(cards["What is the hinge loss?"]) == (
        "$\\max(0, 1 - y f(x))$, zero past the margin."
    )


def test_bold_and_numbered_q_and_a_pairs_are_a_card_each(tmp_path: Path) -> None:
    """`**Q:**` pairs were one card (the run's lines were taken for list items); `A1:`
    under `Q1:` was no answer marker, and stayed in the answer's text."""
    cards, said, _ = imported_cards(
        tmp_path,
        "**Q:** What is the bias-variance trade-off?\n"
        "**A:** Lower bias usually costs higher variance.\n"
        "**Q:** How do you reduce variance?\n"
        "**A:** More data, regularisation, or bagging.\n\n"
        "Q1: What is a ROC curve?\nA1: True positive rate against false positive rate.\n"
        "Q2: What is AUC?\nA2: The area under the ROC curve.\n",
    )
    assert answer_of(cards["How do you reduce variance?"]) == (
        "More data, regularisation, or bagging."
    )
    assert answer_of(cards["What is AUC?"]) == "The area under the ROC curve."
    assert len(cards) == 4 and "no answer marker" not in said, said


def test_a_numbered_a_marks_an_answer_only_with_its_colon() -> None:
    from quiz.ecosystem.notes.found import answer_marker

    assert answer_marker("A1: It is Y.") == "It is Y."
    assert answer_marker("**A2.1:** It is Y.") == "It is Y."
    assert answer_marker("A1 grade is the best.") is None
    assert answer_marker("A4 paper") is None


def test_a_question_left_open_asks_for_its_end() -> None:
    """Anki's "Basic (type in the answer)" front `The derivative of $\\tanh(x)$ is` was
    asked "Explain the derivative of $\\tanh(x)$ is.", which no one can read."""
    from quiz.ecosystem.questionphrase import as_question

    assert as_question("The derivative of $\\tanh(x)$ is") == (
        "The derivative of $\\tanh(x)$ is [...]."
    )
    assert as_question("Softmax:") == "Explain softmax."
    assert as_question("Dropout vs batch norm") == "Explain dropout vs batch norm."
