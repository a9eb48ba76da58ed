"""A key point is a whole statement of three words or more, on both of the importer's paths:
a short answer's filter dropped "Yes.", but an answer of three or more sentences kept it, so
a cloze whose Back Extra was "Yes. No. Maybe." was written with those three as its rubric."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.ecosystem.keypoints import key_points
from quiz.ecosystem.keypoints_sentences import MAX_CHARS, clauses, is_statement
from tests.ecosystem.test_import_notes import front, run_import

ANKI_HEADER = "#separator:tab\n#html:true\n#notetype column:1\n#deck column:2\n"


def _written(content: Path) -> dict[str, list[str]]:
    """Each written card's id and key points."""
    cards: dict[str, list[str]] = {}
    for path in sorted(content.rglob("*.md")):
        points = front(path)["key_points"]
        assert isinstance(points, list)
        cards[path.stem] = [str(point) for point in points]
    return cards


def test_a_cloze_whose_extra_is_one_word_sentences_is_skipped(tmp_path: Path) -> None:
    notes = tmp_path / "deck.txt"
    notes.write_text(
        ANKI_HEADER + "Cloze\tML\t{{c1::Dropout}} zeroes random activations while training."
        "\tYes. No. Maybe.\n",
        encoding="utf-8",
    )
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "p", "--into", str(content))
    assert result.exit_code == 1, result.output  # nothing imported
    assert _written(content) == {}  # it was written with "Yes.", "No." and "Maybe."
    assert f"{notes}:5: skipped" in result.output
    assert "the answer is too short for 3 key points (found 1 whole statement)" in result.output


def test_a_markdown_answer_keeps_its_statements_and_drops_its_interjections(
    tmp_path: Path,
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(
        "## Q1: Why clip gradients?\n\n"
        "Exploding gradients make one step huge. Clipping rescales the gradient to a norm. "
        "True. It keeps the direction of the step. Cost. Almost none.\n\n"
        "## Q2: Is Adam always better?\n\nNo. No. Not always.\n",
        encoding="utf-8",
    )
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "p", "--into", str(content))
    assert result.exit_code == 0, result.output
    assert _written(content) == {
        "clip-gradients": [
            "Exploding gradients make one step huge.",
            "Clipping rescales the gradient to a norm.",
            "It keeps the direction of the step.",
        ]
    }
    assert f"{notes}:5: skipped Q2 'Is Adam always better?': the answer is too short" in (
        result.output
    )
    assert lint([content / "p"])[1] == []


def test_differently_written_notes_still_import(tmp_path: Path) -> None:
    """Short sentences of three words, a one-sentence answer, a list of names and a cloze
    with a real Back Extra are all statements (or the notes' own items)."""
    notes = tmp_path / "deck.txt"
    notes.write_text(
        ANKI_HEADER + "Basic\tML\tWhat does dropout do?\tDropout zeroes activations. It prevents "
        "co-adaptation. Inference rescales nothing.\n"
        "Basic\tML\tDoes batch norm use batch statistics at test time?\tNo, it uses running"
        " averages.\n"
        "Basic\tML\tName three adaptive optimizers.\t<ul><li>Adam</li><li>RMSProp</li>"
        "<li>Adagrad</li></ul>\n"
        "Cloze\tML\t{{c1::Dropout}} zeroes random activations while training.\tIt acts as"
        " an ensemble. Srivastava et al. 2014 introduced it.\n",
        encoding="utf-8",
    )
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "p", "--into", str(content))
    assert result.exit_code == 0, result.output
    assert _written(content) == {
        "batch-norm-use-batch-statistics-at": ["No, it uses running averages."],
        "what-does-dropout-do": [
            "Dropout zeroes activations.",
            "It prevents co-adaptation.",
            "Inference rescales nothing.",
        ],
        "name-three-adaptive-optimizers": ["Adam", "RMSProp", "Adagrad"],
        "zeroes-random-activations-while-training": [
            "Dropout zeroes random activations while training.",
            "It acts as an ensemble.",
            "Srivastava et al. 2014 introduced it.",
        ],
    }
    assert lint([content / "p"])[1] == []


def test_a_statement_has_three_words_a_formula_counting_as_one() -> None:
    assert not is_statement("Yes.") and not is_statement("Truncated BPTT.")
    assert is_statement("$f(x) = x^2$ is convex.") and is_statement("It adapts quickly.")
    answer = "Bias is error from assumptions. Variance is error from sensitivity. Yes. Cost."
    assert key_points(answer) == [
        "Bias is error from assumptions.",
        "Variance is error from sensitivity.",
    ]


def test_a_bold_run_in_heading_is_no_key_point(tmp_path: Path) -> None:
    """`**Why the start is special.** At initialization...` gave "Why the start is special."
    as a point (the bundled bank's warmup card, imported as notes, had two such)."""
    notes = tmp_path / "notes.md"
    notes.write_text(
        "## Q: Why warm up the learning rate?\n\n"
        "**Why the start is special.** At initialization the gradients are large and noisy."
        " Big steps then can push the weights somewhere bad.\n\n"
        "**Relation to large batches.** The linear scaling rule fails while the loss falls"
        " fast.\n\n"
        "**A bold sentence of more than six words stays.** It is a statement.\n",
        encoding="utf-8",
    )
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "p", "--into", str(content))
    assert result.exit_code == 0, result.output
    assert _written(content) == {
        "warm-up-learning-rate": [
            "At initialization the gradients are large and noisy.",
            "The linear scaling rule fails while the loss falls fast.",
            "A bold sentence of more than six words stays.",
        ]
    }
    assert lint([content / "p"])[1] == []


def test_a_clause_is_never_cut_inside_brackets() -> None:
    """An aside's `;` cut "Learned relative biases (Shaw et al. 2018" from its bracket."""
    sentence = (
        "Relative encodings come as learned biases (Shaw et al. 2018; T5's bucketed biases),"
        " as rotations of queries and keys (RoPE; Su et al. 2021), or as a linear penalty on"
        " distance; ALiBi is the last of these and needs no learned parameters at all."
    )
    assert len(sentence) > MAX_CHARS
    assert clauses(sentence) == [
        "Relative encodings come as learned biases (Shaw et al. 2018; T5's bucketed biases),"
        " as rotations of queries and keys (RoPE; Su et al. 2021), or as a linear penalty on"
        " distance",
        "ALiBi is the last of these and needs no learned parameters at all",
    ]


def test_a_colon_a_dash_or_a_dependent_conjunction_cuts_no_statement_in_two() -> None:
    """Cuts that gave fragments on realistic notes (the bundled bank's answers imported as
    notes had 30 such points: "More expressive features at little cost", "Or any
    constant", "So they stay identical forever"): the sentence stays whole."""
    whole = [
        "Adam — short for adaptive moment estimation — combines momentum with per-weight steps.",
        "Three settings matter most: the learning rate, the batch size and the warmup length.",
        "It converges faster: roughly twice as fast in our runs.",
        "Use a larger batch, or the gradient estimate is noisy.",
        "Weight decay shrinks every weight each step; e.g. with plain SGD it equals L2.",
        "Every unit computes the same output, so the units stay identical forever.",
    ]
    for sentence in whole:
        assert clauses(sentence) == [sentence.rstrip(".")], sentence
    # clauses that stand alone are still points of their own
    assert clauses("Dropout is a regularizer; it trains an ensemble of thinned networks.") == [
        "Dropout is a regularizer",
        "It trains an ensemble of thinned networks",
    ]
    assert clauses(
        "It keeps the division finite when a variance is zero — which happens with a batch "
        "of one — and it biases the estimate slightly."
    ) == [
        "It keeps the division finite when a variance is zero — which happens with a batch of one",
        "It biases the estimate slightly",
    ]


def test_a_long_list_item_is_cut_at_its_sentences_before_its_clauses(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(
        "## What does mixed precision keep in float32?\n\n"
        "- **Master weights:** a float32 copy of the weights is kept. The forward and backward "
        "passes run in float16, but the optimizer updates the float32 copy. With 10 mantissa "
        "bits, float16 neighbours near $w$ are about $2^{-10} |w|$ apart, so tiny updates "
        "round away.\n"
        "- **Loss scaling:** the loss is multiplied before the backward pass so that small "
        "gradients do not flush to zero.\n"
        "- **Reductions:** sums such as the softmax's denominator are accumulated in float32.\n",
        encoding="utf-8",
    )
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "p", "--into", str(content))
    assert result.exit_code == 0, result.output
    (points,) = _written(content).values()
    # it was cut at clauses across its sentences: "A float32 copy of the weights is kept.
    # The forward and backward passes run in float16"
    assert points == [
        "Master weights: a float32 copy of the weights is kept.",
        "The forward and backward passes run in float16, but the optimizer updates the "
        "float32 copy.",
        "With 10 mantissa bits, float16 neighbours near $w$ are about $2^{-10} |w|$ apart, so "
        "tiny updates round away.",
        "Loss scaling: the loss is multiplied before the backward pass so that small "
        "gradients do not flush to zero.",
        "Reductions: sums such as the softmax's denominator are accumulated in float32.",
    ]
    assert all(". " not in point for point in points), points
    assert lint([content / "p"])[1] == []


def test_a_paragraph_typed_in_lowercase_is_a_statement_unless_it_carries_one_on() -> None:
    """Notes are often typed without capitals: "exploding gradients ... make steps huge." was
    never a key point (a lowercase start was read as the rest of a sentence a formula cut),
    so the card's rubric lost its main statement. Only right after a formula, a list, code
    or a paragraph left open is a lowercase start the rest of a sentence."""
    typed = (
        "exploding gradients in RNNs make the steps huge.\n\n"
        "Clipping the gradient's norm bounds every step."
    )
    assert key_points(typed) == [
        "exploding gradients in RNNs make the steps huge.",
        "Clipping the gradient's norm bounds every step.",
    ]
    after_formula = (
        "The update divides by a running root mean square.\n\n"
        "$$\\theta \\leftarrow \\theta - \\eta g / \\sqrt{v}$$\n\n"
        "where v is the running mean of the squared gradient."
    )
    assert not any(p.startswith("where") for p in key_points(after_formula))
    after_list = (
        "Three things go into the step:\n\n"
        "- the learning rate\n- the gradient\n- the running mean of its square\n\n"
        "each of them set before training begins."
    )
    assert not any(p.startswith("each") for p in key_points(after_list))
    after_colon = "The reason is this:\n\nthe variance grows with every layer you add to it."
    assert not any(p.startswith("the variance") for p in key_points(after_colon))
