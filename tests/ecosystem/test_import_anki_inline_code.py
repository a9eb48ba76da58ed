"""Inline `<code>` in an Anki note's answer: Anki's editor writes it, and shared NumPy and
PyTorch decks are full of it. Its tags were dropped with the rest, and "`a @ b`" became
the prose "a @ b" (a key point of code read as words). The question's stays text: its
words make the card's id, which a re-import of the same deck must keep."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from tests.ecosystem.test_import_notes import answer_of, front, run_import


def test_inline_code_in_an_answer_is_a_code_span(tmp_path: Path) -> None:
    notes = tmp_path / "deck.txt"
    notes.write_text(
        "#separator:tab\n#html:true\n"
        '"What does <code>np.einsum(""ij,jk->ik"", a, b)</code> compute?"\t'
        '"The matrix product <code>a @ b</code>, as <CODE class=""x"">np.matmul(<b>a</b>, b)'
        '</CODE> gives; <code>x &gt; 0</code> and <code>`tick`</code> too."\n',
        encoding="utf-8",
    )
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "p", "--topic", "t", "--into", str(content))
    assert result.exit_code == 0, result.output
    assert lint([content])[1] == []
    [card] = (content / "p" / "t").glob("*.md")
    assert card.stem == "np-einsum-ij-jk-ik-b"  # the id the question made before
    assert front(card)["title"] == 'What does np.einsum("ij,jk->ik", a, b) compute?'
    assert answer_of(card) == (
        "The matrix product `a @ b`, as `np.matmul(a, b)` gives; `x > 0` and `` `tick` `` too."
    )
