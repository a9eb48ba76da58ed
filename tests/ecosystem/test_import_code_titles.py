"""A call in a title's code span keeps its parentheses.

The empty brackets a link leaves were taken out of every title, code too: "Why call
`model.eval()` before validation?" was asked as "Why call `model.eval` before
validation?", a name no one calls. The title written is plain text (`model.eval()` without
its backticks, which a title shows as typed), so the imported cards lint clean.
"""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.ecosystem.titles import clean_title
from tests.ecosystem.test_import_notes import front, run_import

NOTE = """\
## Q: Why call `model.eval()` before validation?

It switches dropout and batch normalization to their inference behaviour. It does not turn
off gradients. Use it together with `torch.no_grad()`.

## What does ``torch.no_grad()`` do? [](https://pytorch.org)

It disables gradient tracking inside its block. No graph is built. Memory is saved.
"""


def test_code_spans_keep_their_brackets_and_link_leftovers_go() -> None:
    assert clean_title("Why call `model.eval()` before it?") == "Why call `model.eval()` before it?"
    assert clean_title("What is `x[]` [] here?") == "What is `x[]` here?"
    assert clean_title("``f()`` and `g()` ()") == "``f()`` and `g()`"
    assert clean_title("Plain call f() here") == "Plain call f here"  # no code span: as before


def test_imported_titles_keep_the_call(tmp_path: Path) -> None:
    notes = tmp_path / "torch.md"
    notes.write_text(NOTE, encoding="utf-8")
    result = run_import(str(notes), "--pack", "t", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    titles = sorted(str(front(p)["title"]) for p in (tmp_path / "c/t").rglob("*.md"))
    assert titles == [
        "What does torch.no_grad() do?",
        "Why call model.eval() before validation?",
    ], titles
    assert "`model.eval()`" in " ".join(result.output.split())
    # Lint's `title-markup` asks the same of a title written by hand: no backticks in it.
    assert lint([tmp_path / "c"])[1] == []
