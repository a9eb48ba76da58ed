"""An answer of one or two sentences beside a code block is a card with those sentences as
its key points and the code kept in its answer (tests/data/notes/code-answers.md).

A line of code is never a key point, and the short-answer rule read any code block as
"more than two sentences": such an answer had two points and needed three, and a note's
PyTorch snippet under two sentences was "too short for 3 key points". An answer that is
really too short (three sentences, one of them "Yes."; a table and a sentence) is still
skipped, and its message says how many more statements to add and what kept it long."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from tests.conftest import DATA
from tests.ecosystem.test_import_notes import answer_of, front, run_import

NOTES = DATA / "notes" / "code-answers.md"


def _imported(tmp_path: Path) -> tuple[str, dict[str, Path]]:
    content = tmp_path / "c"
    result = run_import(str(NOTES), "--pack", "torch", "--into", str(content))
    assert result.exit_code == 0, result.output
    return result.output, {path.stem: path for path in content.rglob("*.md")}


def test_two_sentences_and_code_give_a_card_with_the_code_in_its_answer(tmp_path: Path) -> None:
    output, cards = _imported(tmp_path)
    clip = cards["you-clip-gradients-pytorch"]
    assert front(clip)["key_points"] == [
        "Clipping bounds the update when one batch gives a huge gradient.",
        "Call it after `loss.backward()` and before `optimizer.step()`.",
    ]
    assert "torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)" in answer_of(clip)
    assert answer_of(clip).count("```") == 2
    freeze = cards["you-freeze-layer"]
    assert front(freeze)["key_points"] == [
        "Turn off its parameters' gradients so the optimizer never changes them."
    ]
    assert "p.requires_grad = False" in answer_of(freeze)
    assert "2 cards written, 2 skipped" in output
    _, problems = lint([tmp_path / "c"])
    assert problems == []


def test_a_really_short_answer_beside_code_says_what_to_add(tmp_path: Path) -> None:
    output, cards = _imported(tmp_path)
    assert not any("eval" in stem for stem in cards)  # "Yes." and "Really." are no points
    assert (
        f"{NOTES}:27: skipped 'Why call `model.eval()` before validation?': the answer is too "
        "short for 3 key points (found 2 whole statements): it holds 4 sentences, and only an "
        "answer of at most two sentences of prose (code blocks aside) may have fewer; add 1 "
        "more (a sentence of three words or more, a list item or a bold 'Term:' line each)"
    ) in output


def test_a_table_still_makes_an_answer_long(tmp_path: Path) -> None:
    output, cards = _imported(tmp_path)
    assert not any("no-grad" in stem for stem in cards)
    assert (
        f"{NOTES}:38: skipped 'What does `torch.no_grad()` change?': the answer is too short for "
        "3 key points (found 2 whole statements): it holds a table, and only"
    ) in output


def test_code_with_no_sentence_asks_for_one(tmp_path: Path) -> None:
    notes = tmp_path / "bare.md"
    notes.write_text(
        "## How do you zero the gradients?\n\n```python\noptimizer.zero_grad()\n```\n\n"
        "## How do you move a model to the GPU?\n\n```python\n# every parameter and buffer "
        "moves\nmodel.to('cuda')\n```\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert (
        f"{notes}:1: skipped 'How do you zero the gradients?': the answer is too short for a "
        "key point (no statement of three words or more in it); write the answer as a sentence"
    ) in result.output
    (card,) = (tmp_path / "c").rglob("*gpu*.md")  # its comment is a statement: its one point
    assert front(card)["key_points"] == ["every parameter and buffer moves"]
    assert lint([tmp_path / "c"])[1] == []
