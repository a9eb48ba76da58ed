"""The importer's silent losses left by the forty-first round: an Anki note's field past its
answer in words is kept after the answer as a quote; a cloze bullet whose text runs on to
an indented line is a card with its whole text; a skipped text's images beside its words
are named in the report."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.ecosystem.ankitext import parse_anki_text
from quiz.ecosystem.remnote import item_continuations
from quiz.ecosystem.srcards import cloze_asked, cloze_whole
from tests.ecosystem.test_import_notes import answer_of, front, imported_cards, run_import

_EXTRA_DECK = (
    "#separator:tab\n"
    "#html:true\n"
    "What is weight decay?\tAn L2 penalty on the weights, added to the loss.\tRemember it"
    " is cheap<br>and nearly always worth a try\n"
    "The {{c1::sigmoid}} maps log-odds to a {{c2::probability}}.\t\tAlso called the"
    " logistic function\n"
    "What does a ReLU do?\tIt keeps positive inputs and zeroes the rest.\t<i>Bishop, PRML"
    " 5.1</i>\n"
)


def test_a_third_field_in_words_is_kept_after_the_answer_as_a_quote() -> None:
    notes = parse_anki_text(_EXTRA_DECK)
    by_title = {q.title: q for q in notes.questions}
    decay = by_title["What is weight decay?"]
    assert decay.answer == (
        "An L2 penalty on the weights, added to the loss.\n\n"
        "> Remember it is cheap\n> and nearly always worth a try"
    )
    assert decay.kept_fields == (3,)
    sigmoid = by_title["The [...] maps log-odds to a probability."]  # one card per number
    assert sigmoid.answer.endswith("\n\n> Also called the logistic function")
    assert sigmoid.kept_fields == (3,)
    relu = by_title["What does a ReLU do?"]  # a citation is its source, not a quote
    assert relu.kept_fields == () and relu.cited == "Bishop, PRML 5.1"
    assert ">" not in relu.answer


def test_the_add_reverse_flag_and_own_note_fields_are_no_extra() -> None:
    deck = (
        "#separator:tab\n#notetype column:1\n"
        "Basic (optional reversed card)\tWhat is a logit?\tThe log-odds of a probability.\ty\n"
        "Basic\tWhat is a logit?\tThe log-odds of a probability.\t\n"
    )
    questions = parse_anki_text(deck).questions
    assert [q.kept_fields for q in questions] == [(), ()]
    assert all(">" not in q.answer for q in questions)


def test_a_named_extra_column_is_kept_and_a_status_column_is_not_used() -> None:
    sheet = (
        "Front,Back,Extra,Status\n"
        "What is dropout?,Zeroing random units while training.,Srivastava's paper,Done\n"
    )
    notes = parse_anki_text(sheet, separator=",")
    (dropout,) = notes.questions
    assert dropout.answer == "Zeroing random units while training.\n\n> Srivastava's paper"
    (header,) = notes.ignored
    assert "its Status column is not used" in header.reason
    assert "its Extra column is kept after each answer as a quote" in header.reason


def test_the_kept_field_is_said_no_key_point_and_the_card_lints(tmp_path: Path) -> None:
    deck = tmp_path / "deck.txt"
    deck.write_text(_EXTRA_DECK, encoding="utf-8")
    result = run_import(str(deck), "--pack", "ml", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert (
        "note: 3 cards keep their Anki note's fields past the answer in words (an Extra or"
        " Notes field) after the answer as a quote" in said
    ), said
    card = next((tmp_path / "c").rglob("weight-decay.md"))
    assert answer_of(card).endswith("> Remember it is cheap\n> and nearly always worth a try")
    points = front(card)["key_points"]
    assert isinstance(points, list)
    assert not any("cheap" in str(point) for point in points)
    _, problems = lint([tmp_path / "c"])
    assert problems == []


def test_a_card_imported_before_its_extra_was_kept_is_updated_not_refused(
    tmp_path: Path,
) -> None:
    deck = tmp_path / "deck.txt"
    deck.write_text(_EXTRA_DECK, encoding="utf-8")
    out = tmp_path / "c"
    assert run_import(str(deck), "--pack", "ml", "--into", str(out)).exit_code == 0
    card = next(out.rglob("weight-decay.md"))
    kept = card.read_text(encoding="utf-8")
    before = kept.replace("\n\n> Remember it is cheap\n> and nearly always worth a try", "")
    assert before != kept
    card.write_text(before, encoding="utf-8")  # as the forty-first round wrote it
    again = run_import(str(deck), "--pack", "ml", "--into", str(out))
    assert again.exit_code == 0, again.output
    said = " ".join(again.output.split())
    assert "updated " in said and "already exists" not in said, said
    assert card.read_text(encoding="utf-8") == kept
    third = run_import(str(deck), "--pack", "ml", "--into", str(out))
    assert "nothing new" in third.output and "updated" not in third.output


_RUN_ON_BULLETS = (
    "- Activations\n"
    "\t- The {{c1::ReLU}} is max(0, x): it keeps\n"
    "\t  positive inputs and {{c2::zeroes}} the rest.\n"
    "\t  id:: 65a1b2c3-0000-4000-8000-000000000001\n"
    "- RemNote style {{first}} on one line\n"
    "  and {{second}} on the next.\n"
    "- Only the second line holds the cloze\n"
    "  in {{c1::Anki}} form here.\n"
    "- A plain bullet that runs on\n"
    "  with no cloze at all.\n"
)


def test_a_cloze_bullet_running_on_to_an_indented_line_is_one_card(tmp_path: Path) -> None:
    cards, said, _ = imported_cards(tmp_path, _RUN_ON_BULLETS)
    assert set(cards) == {
        "The [...] is max(0, x): it keeps positive inputs and zeroes the rest",
        "The ReLU is max(0, x): it keeps positive inputs and [...] the rest",
        "RemNote style [...] on one line and second on the next",
        "RemNote style first on one line and [...] on the next",  # numbered on, not c1 twice
        "Only the second line holds the cloze in [...] form here",
    }, said
    relu = cards["The ReLU is max(0, x): it keeps positive inputs and [...] the rest"]
    assert (
        answer_of(relu)
        == "The ReLU is max(0, x): it keeps positive inputs and **zeroes** the rest."
    )
    assert "not imported" in said and "A plain bullet that runs on" in said  # no cloze: text
    assert "'- The {{c1::ReLU}}" not in said
    _, problems = lint([tmp_path / "c"])
    assert problems == []


def test_a_run_on_cloze_bullet_in_an_answer_is_bold_on_every_line(tmp_path: Path) -> None:
    notes = (
        "## What does softmax do?\n"
        "\n"
        "- It turns {{c1::logits}} into\n"
        "  probabilities that {{c2::sum to one}}.\n"
    )
    cards, said, _ = imported_cards(tmp_path, notes)
    (card,) = cards.values()
    assert "**logits**" in answer_of(card) and "**sum to one**" in answer_of(card), said
    assert "{{" not in card.read_text(encoding="utf-8")


def test_a_nested_item_or_a_quote_under_a_bullet_is_no_run_on() -> None:
    rows = [
        "- The {{c1::ReLU}} keeps",
        "  positive inputs.",
        "  - a nested item",
        "    its own run-on",
        "- Another",
        "  > a quote",
        "- Third",
        "",
        "  after a blank line",
        "Not indented",
        "- collapsed:: true",  # a property is no item's text to run on
        "  The {{c1::x}} here",
        "- Logseq's block",
        "  runs on here",
        "  id:: 65f0a1b2-1111-4222-8333-444455556666",
    ]
    assert item_continuations(rows) == {1: 0, 3: 2, 13: 12}


def test_a_skipped_texts_images_beside_words_are_named(tmp_path: Path) -> None:
    notes = (
        "# Notes\n"
        "\n"
        "- See the loss curve ![](assets/loss.png) for the overfitting point\n"
        "- ![](assets/only.png)\n"
        "- The `![](not/an/image.png)` syntax in code is text\n"
        "\n"
        "## What is dropout?\n"
        "\n"
        "Dropout zeroes random units while training, so no unit can rely on another.\n"
    )
    _, said, _ = imported_cards(tmp_path, notes)
    assert (
        "text (lines 3-5, with images: loss.png, only.png) under the title 'Notes', in no"
        " question's answer, not imported" in said
    ), said  # `![](not/an/image.png)` in code is no image


def test_images_of_several_lines_alone_are_said_to_be_images(tmp_path: Path) -> None:
    notes = "# Gallery\n\n- ![](a.png)\n- ![[b.png]]\n\n## What is X?\n\nX is a thing that works.\n"
    _, said, _ = imported_cards(tmp_path, notes)
    assert "images (lines 3-4: a.png, b.png) in no question's answer" in said, said


def test_an_html_image_in_an_answer_is_named_or_kept_as_a_link(tmp_path: Path) -> None:
    notes = (
        "## What does overfitting look like?\n"
        "\n"
        "- the gap between the two curves ![[curve.png]] widens over the epochs\n"
        '- <img src="assets/x.png" width="300"> the validation loss starts to rise\n'
        '- The web chart <img src="https://example.com/c.png" alt="a chart"> shows it too\n'
        "- ![[plot.png|the training curve]] flattens while the other climbs\n"
    )
    cards, said, _ = imported_cards(tmp_path, notes)
    (card,) = cards.values()
    answer = answer_of(card)
    assert "x.png" not in answer and "<img" not in answer
    assert "the validation loss starts to rise" in answer  # `<img>` alone: left out, named
    assert "the gap between the two curves curve.png widens" in answer  # an embed's title
    assert "![a chart](https://example.com/c.png)" in answer  # of the web: kept as a link
    assert "the training curve flattens" in answer  # an image's alias in words is its text
    assert "left out (curve.png, x.png, plot.png)" in said, said
    points = front(card)["key_points"]
    assert isinstance(points, list)
    assert not any("x.png" in str(point) or "<img" in str(point) for point in points), points


def test_a_skipped_note_is_not_said_to_keep_its_third_field(tmp_path: Path) -> None:
    deck = tmp_path / "deck.txt"
    deck.write_text(
        "#separator:tab\n#html:true\nWhat is einsum?\tTBD\tSee the NumPy docs\n", encoding="utf-8"
    )
    result = run_import(str(deck), "--pack", "ml", "--into", str(tmp_path / "c"))
    said = " ".join(result.output.split())
    assert "skipped 'What is einsum?'" in said, said
    assert "kept after the answer" not in said, said


def test_a_cloze_bullet_after_a_callout_question_is_a_card_of_its_own(tmp_path: Path) -> None:
    notes = (
        "Q: What does label smoothing do?\n"
        "A: It mixes the one-hot target with a uniform distribution over the classes.\n"
        "\n"
        "> [!faq]- Why is cross-entropy preferred over MSE for classification?\n"
        "> Its gradient does not vanish when the sigmoid saturates.\n"
        "\n"
        "- The {{c1::KL divergence}} is not symmetric, so it is no distance.\n"
    )
    cards, said, _ = imported_cards(tmp_path, notes)
    assert "The [...] is not symmetric, so it is no distance" in cards, said
    assert "not imported" not in said and "in a question's answer" not in said, said


def test_a_deletion_wrapped_by_a_line_break_is_one_line_on_every_card() -> None:
    deck = (
        "#separator:tab\n#html:true\n"
        "Adam keeps {{c1::a running mean<br>of the gradient}} and {{c2::of its square}}.\t\n"
    )
    by_title = {q.title: q for q in parse_anki_text(deck).questions}
    assert set(by_title) == {
        "Adam keeps [...] and of its square.",
        "Adam keeps a running mean of the gradient and [...].",  # was "Adam keeps a running mean"
    }
    assert by_title["Adam keeps [...] and of its square."].answer == (
        "Adam keeps **a running mean of the gradient** and of its square."
    )


def test_nested_clozes_are_a_card_per_number_each_whole() -> None:
    deck = (
        "#separator:tab\n#html:true\n"
        "A {{c1::transformer uses {{c2::self-attention}} }} in every layer.\t\n"
        "The {{c1::ReLU}} keeps {{c2::positive}} inputs.\t\n"  # not nested: as before
    )
    questions = parse_anki_text(deck).questions
    asked = {q.title: q.answer for q in questions}
    assert asked == {
        "A [...] in every layer.": "A **transformer uses self-attention** in every layer.",
        "A transformer uses [...] in every layer.": "A transformer uses **self-attention** in"
        " every layer.",
        "The [...] keeps positive inputs.": "The **ReLU** keeps positive inputs.",
        "The ReLU keeps [...] inputs.": "The ReLU keeps **positive** inputs.",
    }
    assert [q.cloze for q in questions] == [1, 2, 1, 2]


def test_a_field_over_the_csv_modules_limit_is_read_and_a_pasted_image_named_short(
    tmp_path: Path,
) -> None:
    deck = tmp_path / "deck.txt"
    pasted = "data:image/png;base64," + "A" * 200_000  # over csv's 128 KiB field limit
    deck.write_text(
        "#separator:tab\n#html:true\n"
        "What does this loss curve show?\tThe validation loss rises while the training loss"
        f' falls, so the model overfits.<img src="{pasted}">\n'
        "What is early stopping?\tStopping when the validation loss stops improving.\n",
        encoding="utf-8",
    )
    result = run_import(str(deck), "--pack", "ml", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output[:2000]  # was a traceback (csv.Error)
    assert "its images are left out (a pasted image/png)" in result.output
    assert len(result.output) < 5000  # the image's 200 KB source is no line of the report
    assert len(list((tmp_path / "c").rglob("*.md"))) == 2


def test_a_cloze_left_open_before_text_with_colons_is_read_as_anki_reads_it() -> None:
    # every `{{c1::` left open made the old pattern backtrack over the rest of the field
    # (cubic: 8 KB took 45 s); the first closed deletion is read as before
    field = "x " + "{{c1::a std::vector " * 50 + "{{c2::last}} done."
    (question,) = parse_anki_text(f"#separator:tab\n{field}\tan answer here\n").questions
    assert question.title.endswith("{{c1::a std::vector [...] done.")
    assert question.cloze == 0


def test_a_line_of_clozes_left_open_is_read_once() -> None:
    # each `{{c1::` left open scanned the rest of its line again: 8,000 took 13-20 s
    line = "x " + "{{c1::a " * 8000 + "{{c2::b}} c"
    assert cloze_asked(line).endswith("{{c1::a [...] c")
    assert cloze_whole(line, highlights=False).endswith("{{c1::a **b** c")


def test_a_headerless_files_tag_shaped_last_field_is_named_not_quoted(tmp_path: Path) -> None:
    # Anki before 2.1.55 wrote a note's tags last with no header: no quote of tags
    deck = tmp_path / "old.txt"
    deck.write_text(
        "What is weight decay?\tAn L2 penalty on the weights added to the loss.\toptim"
        " deep::training\n"
        "What is dropout?\tZeroing random units while training.\tRemember: it is cheap.\n",
        encoding="utf-8",
    )
    questions = {q.title: q for q in parse_anki_text(deck.read_text(encoding="utf-8")).questions}
    decay = questions["What is weight decay?"]
    assert decay.answer == "An L2 penalty on the weights added to the loss."
    assert decay.unread_field == (3, "optim deep::training") and decay.kept_fields == ()
    assert questions["What is dropout?"].answer.endswith("\n\n> Remember: it is cheap.")
    result = run_import(str(deck), "--pack", "ml", "--into", str(tmp_path / "c"))
    said = " ".join(result.output.split())
    assert "its third field ('optim deep::training') is not read" in said, said
    assert "'#tags column:3'" in said
    # with a header line, the same field is the note's and kept
    headed = parse_anki_text("#separator:tab\n" + deck.read_text(encoding="utf-8"))
    assert headed.questions[0].answer.endswith("\n\n> optim deep::training")
