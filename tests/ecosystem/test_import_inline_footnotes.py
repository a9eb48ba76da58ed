"""An inline footnote (`^[text]`, Obsidian's and Pandoc's) is the note's, as a footnote is.

"they explode.^[He et al. derive the right scale.]" ended the answer's sentence on the
card and its key point with the footnote's markup and text.
"""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.footnotes import take_footnotes
from tests.ecosystem.test_import_notes import answer_of, front, run_import

NOTE = """\
## Why does weight initialization matter?

Too small and signals shrink layer by layer; too large and they explode.^[He et al. derive
the right scale for ReLU networks.] It sets the starting variance of every layer.^[See
[the paper](https://arxiv.org/abs/1502.01852).]

Use `x^[i]` in code as written.
"""


def test_inline_footnotes_are_taken_out_and_counted() -> None:
    text = "A fact.^[a source] Another.^[see [x](y)] Code `a^[b]` stays.\n"
    taken = take_footnotes(text)
    assert taken.text == "A fact. Another. Code `a^[b]` stays.\n"
    assert taken.inline == (1, 1) and taken.marks == 0
    said = taken.note()
    assert said is not None and said.startswith("2 inline footnotes (^[...]) on line 1: left out")
    assert take_footnotes("x^[unclosed\n").text == "x^[unclosed\n"


def test_a_card_keeps_no_inline_footnote(tmp_path: Path) -> None:
    notes = tmp_path / "init.md"
    # one footnote per line: an inline footnote is read on the line it opens on
    notes.write_text(NOTE.replace("derive\nthe", "derive the").replace("See\n[", "See ["), "utf-8")
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    (card,) = (tmp_path / "c/p").rglob("*initialization*.md")
    answer = answer_of(card)
    assert "^[" not in answer.replace("`x^[i]`", ""), answer
    assert "He et al." not in answer and "arxiv" not in answer
    assert "they explode. It sets the starting variance of every layer." in answer
    points = front(card)["key_points"]
    assert isinstance(points, list), points
    assert not any("^[" in p.replace("`x^[i]`", "") for p in points), points
    said = " ".join(result.output.split())
    assert "init.md:3: note: footnotes: 2 inline footnotes (^[...]) on line 3" in said, said
