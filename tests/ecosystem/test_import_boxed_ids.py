"""A card imported while a task item's box was a word of its question ("[x] Why does
dropout reduce overfitting?", id `x-dropout-reduce-overfitting`) keeps its id, and so its
reviews, when its notes are imported again now that the box is read as the item's state.

Before, the re-import wrote a second card, `dropout-reduce-overfitting`, new to the
scheduler, and named the old one "no longer in the notes": the user met the question as
new and its history stayed with a card they would delete."""

from __future__ import annotations

from pathlib import Path

import pytest

import quiz.ecosystem.notes.blocks as blocks
from quiz.bank.lint import lint
from tests.ecosystem.test_import_notes import front, run_import

_NOTES = """\
# Regularization: review checklist

- [x] Why does dropout reduce overfitting?
    - Random units are zeroed while training, so no unit can rely on another one.
    - The network acts like an average over many thinned networks.
    - With inverted dropout nothing is rescaled at test time.
- [X] What does L2 regularization do to the weights?
    - It adds the squared norm of the weights to the loss, scaled by a strength.
    - Each gradient step then shrinks every weight toward zero.
    - It matches a Gaussian prior on the weights.
- [ ] Why does early stopping regularize?
    - Training stops when the validation loss stops improving.
    - The weights of the best validation epoch are kept.
    - It limits how far the weights travel from their start.
"""

_BOXED = {
    "x-dropout-reduce-overfitting": "[x] Why does dropout reduce overfitting?",
    "x-l2-regularization-weights": "[X] What does L2 regularization do to the weights?",
    "early-stopping-regularize": "Why does early stopping regularize?",  # [ ] was dropped
}


def _import_as_before(notes: Path, content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Import the notes as the importer did while the box was a word of the question."""
    with monkeypatch.context() as patch:
        patch.setattr(blocks, "without_checkbox", lambda children: children)
        result = run_import(str(notes), "--pack", "reg", "--into", str(content))
    assert result.exit_code == 0, result.output
    assert _titles(content) == _BOXED  # what such an import made


def _titles(content: Path) -> dict[str, object]:
    return {path.stem: front(path)["title"] for path in content.rglob("*.md")}


def _setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    notes, content = tmp_path / "checklist.md", tmp_path / "c"
    notes.write_text(_NOTES, encoding="utf-8")
    _import_as_before(notes, content, monkeypatch)
    return notes, content


def test_a_boxed_card_keeps_its_id_and_loses_its_box(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes, content = _setup(tmp_path, monkeypatch)
    result = run_import(str(notes), "--pack", "reg", "--into", str(content))
    assert result.exit_code == 0, result.output
    # the same three cards, under the same ids, titled without the box
    assert _titles(content) == {
        "x-dropout-reduce-overfitting": "Why does dropout reduce overfitting?",
        "x-l2-regularization-weights": "What does L2 regularization do to the weights?",
        "early-stopping-regularize": "Why does early stopping regularize?",
    }
    (card,) = content.rglob("x-dropout-reduce-overfitting.md")
    question = card.read_text(encoding="utf-8").split("## Question\n", 1)[1]
    assert question.lstrip().startswith("Why does dropout")
    folder = content / "reg" / "reg"
    assert (
        f"retitled {folder / 'x-dropout-reduce-overfitting.md'}  ← {notes}:3 Why does dropout "
        "reduce overfitting? (was titled '[x] Why does dropout reduce overfitting?': a task "
        "item's box is no word of its question; its id and reviews kept)"
    ) in result.output
    assert "was titled '[X] What does L2" in result.output
    assert "3 questions seen, 0 cards written, 2 retitled, 1 unchanged ->" in result.output
    assert "no longer in" not in result.output  # the boxed cards are these questions'
    assert lint([content])[1] == []


def test_importing_again_after_that_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes, content = _setup(tmp_path, monkeypatch)
    run_import(str(notes), "--pack", "reg", "--into", str(content))
    written = {path: path.read_bytes() for path in content.rglob("*.md")}
    again = run_import(str(notes), "--pack", "reg", "--into", str(content))
    assert again.exit_code == 0, again.output
    assert "nothing new: 3 questions seen, 0 cards written, 3 unchanged ->" in again.output
    assert {path: path.read_bytes() for path in content.rglob("*.md")} == written
    assert sorted(path.stem for path in written) == sorted(_BOXED)  # no second card


def test_a_dry_run_says_it_would_retitle_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes, content = _setup(tmp_path, monkeypatch)
    result = run_import(str(notes), "--pack", "reg", "--into", str(content), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "would retitle " in result.output
    assert _titles(content) == _BOXED


def test_a_boxed_card_edited_since_is_refused_for_what_was_edited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The box is forgiven, an edited answer is not: the file is named with what differs."""
    notes, content = _setup(tmp_path, monkeypatch)
    notes.write_text(
        _NOTES.replace("nothing is rescaled at test time", "activations are scaled while training"),
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "reg", "--into", str(content))
    assert result.exit_code == 1, result.output
    assert "x-dropout-reduce-overfitting.md already exists with another answer (use --force" in (
        result.output
    )
    assert not (content / "reg" / "reg" / "dropout-reduce-overfitting.md").exists()
    assert (
        front(content / "reg" / "reg" / "x-dropout-reduce-overfitting.md")["title"]
        == (_BOXED["x-dropout-reduce-overfitting"])
    )


def test_a_card_of_an_x_id_with_another_title_is_not_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the file whose title is the question's, boxed, is its card: a card of the
    same id asking something else (written by hand) is left to the usual id rule."""
    notes, content = _setup(tmp_path, monkeypatch)
    card = content / "reg" / "reg" / "x-dropout-reduce-overfitting.md"
    card.write_text(
        card.read_text(encoding="utf-8").replace(
            "[x] Why does dropout reduce overfitting?", "Why does dropout help at all?"
        ),
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "reg", "--into", str(content))
    assert f"wrote {content / 'reg' / 'reg' / 'dropout-reduce-overfitting.md'}" in result.output
    assert front(card)["title"] == "Why does dropout help at all?"
