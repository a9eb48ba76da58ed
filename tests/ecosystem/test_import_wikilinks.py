"""Obsidian wikilinks and embeds in notes: a card showed `[[Optimization#Learning rate]]`
with its brackets (a key point too), and `![[plot.png]]` as text, never saying the picture
was not imported."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.ecosystem.notes.read import parse_notes
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
    assert plain_links("[[A]] [[B|b]] [[C#D]] [[#E]] [[F#^abc]]. ![[g.png]]", embeds) == (
        "A b C > D E F. "
    )
    assert embeds == ["g.png"]


EMBEDS_IN_A_SENTENCE = """## Why does Adam need bias correction?

Its moment estimates start at zero, so early steps are too small. See ![[adam-notes]] and ![[SGD#Momentum]] for more; the curve ![[bias.png|300]] shows it.

![[adam-diagram.png]]
"""


def test_an_embed_inside_a_sentence_is_its_title() -> None:
    """Taken out, the embeds left "See  and  for more; the curve  shows it.": a key point
    that says nothing. An embed alone on its line or after its sentence is still left out."""
    (question,) = parse_notes(EMBEDS_IN_A_SENTENCE).questions
    assert question.answer == (
        "Its moment estimates start at zero, so early steps are too small. See adam-notes and "
        "SGD > Momentum for more; the curve bias.png shows it."
    )
    assert question.embeds == ("adam-notes", "SGD#Momentum", "bias.png", "adam-diagram.png")
    embeds: list[str] = []
    assert plain_links("Adam is fast. ![[plot.png]]", embeds) == "Adam is fast. "
    assert plain_links("- ![[a.png]] ![[b]]", embeds) == "-  "
    assert embeds == ["plot.png", "a.png", "b"]


def test_embeds_kept_as_titles_reimport_unchanged(tmp_path: Path) -> None:
    notes = tmp_path / "adam.md"
    notes.write_text(EMBEDS_IN_A_SENTENCE, encoding="utf-8")
    content = tmp_path / "c"
    first = run_import(str(notes), "--pack", "p", "--into", str(content))
    assert first.exit_code == 0, first.output
    (card,) = content.rglob("*bias*.md")
    assert "See adam-notes and SGD > Momentum for more" in front(card)["key_points"]  # type: ignore[operator]
    again = run_import(str(notes), "--pack", "p", "--into", str(content))
    assert again.exit_code == 0, again.output
    assert again.output.startswith("unchanged ")
    assert "0 cards written, 1 unchanged" in again.output


DAILY_NOTE = """\
# [[2024-03-01]] review

## [[2024-03-02]] plans

Read the [[Adam]] paper again tomorrow.

## [[Attention]]: why divide by $\\sqrt{d_k}$?

Dot products grow with the dimension, so the softmax saturates.

- The variance of the dot product is $d_k$ for unit-variance inputs.
- Dividing by its square root brings it back to one.
- The softmax gradients then stay usable.

---

See also [[Transformers MOC]].
"""


def test_a_daily_note_title_is_shown_without_its_brackets(tmp_path: Path) -> None:
    """Obsidian's and Logseq's daily-note links (`[[2024-03-01]] review`) kept their
    brackets in the pack's title and in the titles skip lines name (the text a skip line
    quotes is quoted as written, to be found in the notes)."""
    notes = tmp_path / "daily.md"
    notes.write_text(DAILY_NOTE, encoding="utf-8")
    parsed = parse_notes(DAILY_NOTE)
    assert parsed.title == "2024-03-01 review"
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "p", "--into", str(content), "--dry-run")
    assert result.exit_code == 0, result.output
    assert f"{notes}:3: skipped '2024-03-02 plans': not a question" in result.output
    assert (
        f"{notes}:17: skipped 'See also [[Transformers MOC]].': text "
        "after the rule (line 15) that ends the answer of 'Attention: why divide by "
        "$\\sqrt{d_k}$?' (line 7)" in result.output
    )
    assert "[[2024" not in result.output and "[[Attention" not in result.output
    assert "[[Adam]]" not in result.output
    run_import(str(notes), "--pack", "p", "--into", str(content))
    assert "title: 2024-03-01 review\n" in (content / "p" / "pack.yaml").read_text()


def test_an_answer_on_the_questions_own_line_shows_its_links_as_text() -> None:
    """An answer on its question's line (`- Q: ... **A:** ...`, a RemNote `Front >> Back`,
    a RemNote cloze item, `- **Why?** It ...`) kept its links' brackets, its images and
    its `==highlights==`: the rows under a question were read for them, its own line only
    for its title."""
    parsed = parse_notes(
        "- Q: What is a Jacobian? **A:** The matrix of [[partial derivative|partial"
        " derivatives]], see ![[jacobian.png]]\n"
        "- Q: What is backprop? **A:** The [[chain rule]] applied from the loss back.\n"
        "- Q: What is `x[[0]]`? **A:** Code: `x[[0]]` picks rows.\n"
        "- **What is global average pooling?** ==It averages each channel== to a number.\n"
        "- Q: What is a ROC curve? **A:** TPR against FPR ![roc](assets/roc.png)\n"
    )
    answers = [q.answer for q in parsed.questions]
    assert answers == [
        "The matrix of partial derivatives, see jacobian.png",
        "The chain rule applied from the loss back.",
        "Code: `x[[0]]` picks rows.",
        "**It averages each channel** to a number.",
        "TPR against FPR roc",  # an image after words: its alt text, as on any line
    ]
    assert parsed.questions[0].embeds == ("jacobian.png",)
    assert parsed.questions[4].embeds == ("roc.png",)
