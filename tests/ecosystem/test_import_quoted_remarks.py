"""Quotes and Notion callouts under an answer: shown with the answer, graded as none of it.

Before, a Notion export's `<aside>` lost its tags and ran into the answer's prose, and it
and a plain `> quote` under an answer became key points ("💡 Interviewers often follow
up ...", "Classic interview question."). Now an aside is a quote, as an Obsidian callout
is, and a quote gives a key point only when labelled (`> **Rule:** ...`), when the answer
is nothing but quotes, or when a longer answer lacks three points without it."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.bank.sentences import count_sentences, key_points_problem
from quiz.ecosystem.htmlstrip import strip_html
from quiz.ecosystem.keypoints import key_points
from tests.ecosystem.test_import_notes import answer_of, front, run_import

DATA = Path(__file__).parent.parent / "data" / "notes"


def _imported(tmp_path: Path, name: str) -> Path:
    result = run_import(str(DATA / name), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert lint([tmp_path / "c" / "p"])[1] == []
    return tmp_path / "c" / "p" / "p"


def test_a_notion_aside_is_a_quote_in_the_answer_and_no_key_point(tmp_path: Path) -> None:
    cards = _imported(tmp_path, "notion-callouts.md")
    decay = cards / "weight-decay.md"
    assert answer_of(decay).startswith(
        "> 💡 Interviewers often follow up on how it differs from an L2 penalty under Adam.\n\n"
        "Weight decay shrinks every weight"
    )
    assert front(decay)["key_points"] == [
        "Weight decay shrinks every weight by a small fraction at each update.",
        "It keeps the weights small without adding a term to the loss.",
    ]


def test_a_labelled_aside_is_a_key_point_without_its_icon(tmp_path: Path) -> None:
    warmup = _imported(tmp_path, "notion-callouts.md") / "warm-up-learning-rate.md"
    assert answer_of(warmup).endswith(
        "> ⚠️ **Rule of thumb:** warm up for about one percent of the total steps."
    )
    points = front(warmup)["key_points"]
    assert isinstance(points, list)
    assert "Rule of thumb: warm up for about one percent of the total steps." in points


def test_an_answer_that_is_only_an_aside_is_graded_on_it(tmp_path: Path) -> None:
    clipping = _imported(tmp_path, "notion-callouts.md") / "gradient-clipping.md"
    assert answer_of(clipping).startswith("> Clipping rescales the gradient")
    assert front(clipping)["key_points"] == [
        "Clipping rescales the gradient whenever its norm passes a threshold.",
        "It stops one bad batch from wrecking the weights.",
    ]


def test_a_quote_or_callout_under_an_answer_is_shown_and_not_graded(tmp_path: Path) -> None:
    cards = _imported(tmp_path, "quoted-remarks.md")
    dropout = cards / "what-is-dropout.md"
    assert answer_of(dropout).endswith("\n\n> Classic interview question.")
    assert front(dropout)["key_points"] == [
        "Dropout zeroes each unit with probability p while training and scales the survivors up."
    ]
    norm = cards / "batch-norm-allow-larger-learning-rates.md"
    assert front(norm)["key_points"] == [
        "It keeps each layer's inputs at a steady scale, so a large step cannot blow them up."
    ]
    (smoothing,) = cards.glob("label-smoothing*.md")
    assert answer_of(smoothing).startswith("> **Tip: Remember.**\n> The target keeps")
    assert front(smoothing)["key_points"] == [
        "Label smoothing moves a little probability from the true class to the others.",
        "The model stops pushing its logits toward infinity.",
        "Calibration often improves.",
    ]


def test_a_longer_answer_short_of_points_still_takes_them_from_its_quote() -> None:
    """Three sentences of prose that give two whole statements: the quote fills the
    rubric to three rather than the card being refused."""
    answer = (
        "Adam keeps a running mean of gradients. It also keeps one of their squares. "
        "Then, done.\n\n> The bias correction matters in the first few hundred steps.\n"
    )
    assert key_points(answer) == [
        "Adam keeps a running mean of gradients.",
        "It also keeps one of their squares.",
        "The bias correction matters in the first few hundred steps.",
    ]


def test_lint_counts_a_quote_only_in_an_answer_of_nothing_else() -> None:
    remark = (
        "It is a norm. It rescales inputs.\n\n> Asked at two interviews. Worth a second look.\n"
    )
    assert count_sentences(remark) == 2
    assert key_points_problem(2, remark) is None
    assert count_sentences("> One. Two. Three.\n") == 3


def test_asides_in_code_or_never_closed_stay_as_written() -> None:
    fenced = "```html\n<aside>\nkept\n</aside>\n```"
    assert strip_html(fenced) == fenced
    assert strip_html("A.\n<aside>\nnever closed\n\nB.") == "A.\nnever closed\n\nB."
    assert strip_html("A.\n<aside>💡 one line</aside>\nNext.") == "A.\n\n> 💡 one line\n\nNext."
    assert strip_html("<aside>\nFirst.\n\nSecond.\n</aside>") == "> First.\n>\n> Second.\n"
