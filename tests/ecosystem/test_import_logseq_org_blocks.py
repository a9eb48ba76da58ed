"""Logseq's org-mode blocks (`- #+BEGIN_NOTE` ... `#+END_NOTE`, `#+BEGIN_QUOTE`,
`#+BEGIN_SRC python`) are read as Logseq shows them: their text, or code.

Their markers were words of the card: the answer held "#+BEGIN_NOTE Use it with RNNs...
#+END_NOTE" and that, markers and all, was a key point; a SRC block's code was prose."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.ecosystem.logseqorg import read_org_blocks
from tests.ecosystem.test_import_notes import answer_of, front, run_import

PAGE = """\
- What is gradient clipping? #card
\t- Rescales the gradient when its norm passes a threshold
\t- #+BEGIN_NOTE
\t  Use it with RNNs, whose gradients can explode
\t  #+END_NOTE
\t- #+BEGIN_QUOTE
\t  Clip by norm, not by value, to keep the direction
\t  #+END_QUOTE
- How do you clip gradients in PyTorch? #card
\t- #+BEGIN_SRC python
\t  torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
\t  #+END_SRC
\t- Call it after backward and before the optimizer step
"""


def test_org_blocks_are_their_text_or_code(tmp_path: Path) -> None:
    notes = tmp_path / "clipping.md"
    notes.write_text(PAGE, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "dl", "--into", str(content))
    assert result.exit_code == 0, result.output
    cards = {str(front(path)["title"]): path for path in content.rglob("*.md")}
    clipping = cards["What is gradient clipping?"]
    assert front(clipping)["key_points"] == [
        "Rescales the gradient when its norm passes a threshold",
        "Use it with RNNs, whose gradients can explode",
        "Clip by norm, not by value, to keep the direction",
    ]
    assert "#+" not in answer_of(clipping)
    torch = answer_of(cards["How do you clip gradients in PyTorch?"])
    assert "```python\n  torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)\n  ```" in torch
    assert "#+" not in result.output
    assert lint([content])[1] == []


def test_lines_keep_their_numbers_and_odd_blocks_stay() -> None:
    crlf = "- #+BEGIN_TIP\r\n  Warm up first\r\n  #+END_TIP\r\n"
    assert read_org_blocks(crlf) == "\r\n- Warm up first\r\n\r\n"
    for kept in (
        "- #+BEGIN_NOTE\n  never closed\n",  # unclosed: as written
        "```\n#+BEGIN_NOTE\nx\n#+END_NOTE\n```\n",  # in a fence: code
        "- #+BEGIN_FOO\n  x\n  #+END_FOO\n",  # not a block Logseq shows as text or code
    ):
        assert read_org_blocks(kept) == kept
