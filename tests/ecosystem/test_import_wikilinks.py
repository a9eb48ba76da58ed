"""Obsidian wikilinks and embeds in notes: a card showed `[[Optimization#Learning rate]]`
with its brackets (a key point too), and `![[plot.png]]` as text, never saying the picture
was not imported."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.ecosystem.notes import parse_notes
from quiz.ecosystem.wikilinks import plain_links
from tests.ecosystem.test_import_notes import front, run_import

VAULT_NOTE = """\
# Normalization

## Why does [[Batch Norm]] allow larger learning rates?

It smooths the loss landscape, as [[Santurkar 2018|Santurkar et al.]] showed. The \
gradients change less from step to step. See [[Optimization#Learning rate]] for the rest.

![[bn-landscape.png]]

```python
idx = x[[0, 2]]  # [[not a link]] in code
```

Use `w[[1]]` to pick a row.

![[Layer norm note]]
"""


def test_wikilinks_are_their_text_and_embeds_are_named() -> None:
    (question,) = parse_notes(VAULT_NOTE).questions
    assert question.title == "Why does Batch Norm allow larger learning rates?"
    assert question.answer.startswith(
        "It smooths the loss landscape, as Santurkar et al. showed. The gradients change less "
        "from step to step. See Optimization > Learning rate for the rest."
    )
    assert "idx = x[[0, 2]]  # [[not a link]] in code" in question.answer  # code as is
    assert "Use `w[[1]]` to pick a row." in question.answer
    assert "![[" not in question.answer
    assert question.embeds == ("bn-landscape.png", "Layer norm note")


def test_an_obsidian_note_imports_without_brackets(tmp_path: Path) -> None:
    notes = tmp_path / "vault.md"
    notes.write_text(VAULT_NOTE, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "p", "--into", str(content))
    assert result.exit_code == 0, result.output
    (card,) = content.rglob("*.md")
    assert front(card)["title"] == "Why does Batch Norm allow larger learning rates?"
    text = card.read_text(encoding="utf-8")
    assert "[[Batch Norm]]" not in text and "[[Optimization" not in text
    assert (
        f"{notes}:3: note: 'Why does Batch Norm allow larger learning rates?': its embeds "
        "are left out (bn-landscape.png, Layer norm note): import reads this file's text only"
        in (result.output)
    )
    assert lint([content / "p"])[1] == []


def test_what_a_wikilink_shows() -> None:
    embeds: list[str] = []
    assert plain_links("[[A]] [[B|b]] [[C#D]] [[#E]] [[F#^abc]] ![[g.png]]", embeds) == (
        "A b C > D E F "
    )
    assert embeds == ["g.png"]
