"""Obsidian callouts (`> [!faq]- What is X?`): a question callout with an answer is a card,
an answer callout marks an answer, other callouts are text of the answer they are under,
and a callout in no answer is named with its line. Before, a file of callouts gave "no
questions found", and a callout under an answer was a key point "[!tip] Inverted dropout
Scaling at train time..." with the question callouts after it swallowed as answer text."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.bank.lint import lint
from quiz.ecosystem.callouts import callout_of, header_text
from quiz.ecosystem.importer import plan_import, write_plan
from quiz.ecosystem.notes.read import parse_notes
from tests.ecosystem.test_import_notes import front, run_import

VAULT = """\
> [!abstract] Summary
> Notes on regularization.

## What is dropout?

Dropout zeroes each activation with probability $p$ while training. The kept ones are \
scaled by $1/(1-p)$. At test time the network runs unchanged.

> [!tip] Inverted dropout
> Scaling at train time means inference needs no change.

> [!question] Why does L2 regularization shrink weights?
> Each gradient step adds $\\lambda w$ to the gradient.

> [!answer]
> The penalty's gradient pulls every weight toward zero. Large weights shrink the most. \
For plain SGD this is weight decay.

> [!faq]- What is early stopping?
> Training stops when the validation loss stops improving. The step count acts as a \
regularizer. It needs a held-out set.

> [!warning]+ Pitfall
> Early stopping on the test set leaks it into the model selection.

Loose text after the callout.

> [!help]
> Why pad convolutions with zeros?
>
> > [!success]- Answer
> > Padding keeps the spatial size. Border pixels are used as often as central ones. \
Zero adds nothing to a sum.

```markdown
> [!faq] Not a question: this is code
> with a body
```
"""


def test_question_callouts_are_cards_and_note_callouts_part_of_their_answers() -> None:
    parsed = parse_notes(VAULT)
    assert [(q.line, q.title, q.prompt) for q in parsed.questions] == [
        (4, "What is dropout?", ""),
        (
            11,
            "Why does L2 regularization shrink weights?",
            r"Each gradient step adds $\lambda w$ to the gradient.",
        ),
        (17, "What is early stopping?", ""),
        (25, "Why pad convolutions with zeros?", ""),
    ]
    dropout, l2, early, pad = parsed.questions
    # the tip is part of the answer it is under, shown as a bold run-in heading
    assert dropout.answer.endswith(
        "> **Tip: Inverted dropout.**\n> Scaling at train time means inference needs no change."
    )
    assert "[!" not in dropout.answer + l2.answer + early.answer + pad.answer
    # the answer callout's body is the answer, out of its quote
    assert l2.answer.startswith("The penalty's gradient pulls every weight toward zero.")
    assert l2.marker
    # a folded question callout holds its answer, and the warning right after it joins it
    assert early.answer.startswith("Training stops when the validation loss stops improving.")
    assert early.answer.endswith(
        "> **Warning: Pitfall.**\n> Early stopping on the test set "
        "leaks it into the model selection."
    )
    assert early.marker  # the box is its marker: no "no answer marker" note
    # a title-less question callout asks its first paragraph; a nested answer answers it
    assert pad.answer.startswith("Padding keeps the spatial size.")
    assert "```markdown\n> [!faq] Not a question" not in pad.answer  # code stays code
    assert [(i.line, i.text, i.reason.split(",")[0]) for i in parsed.ignored] == [
        (1, "[!abstract] Summary", "a callout in no question's answer"),
        (
            23,
            "Loose text after the callout.",
            "text after the callout question 'What is early stopping?' (line 17)",
        ),
        # the code after the last callout is text after it, and no callout
        (
            31,
            "```markdown",
            "text (lines 31-34) after the callout question 'Why pad convolutions with zeros?' "
            "(line 25)",
        ),
    ]


def test_a_vault_of_callouts_imports_and_names_what_it_leaves_out(tmp_path: Path) -> None:
    notes = tmp_path / "vault.md"
    notes.write_text(VAULT, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "p", "--into", str(content))
    assert result.exit_code == 0, result.output
    written = sorted(path.stem for path in content.rglob("*.md"))
    assert len(written) == 4, written
    assert f"{notes}:1: skipped '[!abstract] Summary': a callout in no question's answer" in (
        result.output
    )
    assert f"{notes}:23: skipped 'Loose text after the callout.'" in result.output
    assert "3 other parts not imported" in result.output
    assert "'What is early stopping?': no answer marker" not in result.output
    for path in content.rglob("*.md"):
        points = front(path)["key_points"]
        assert isinstance(points, list)
        assert not [point for point in points if "[!" in str(point)], path.name
    assert lint([content / "p"])[1] == []


def test_a_heading_question_answered_in_a_folded_answer_callout(tmp_path: Path) -> None:
    notes = (
        "## What is a 1x1 convolution for?\n\n> [!answer]-\n> It mixes channels at "
        "each position. It changes the channel count cheaply. Bottlenecks use it.\n"
    )
    (question,) = parse_notes(notes).questions
    assert question.marker
    assert question.answer == (
        "It mixes channels at each position. It changes the channel count cheaply. "
        "Bottlenecks use it."
    )


def test_a_question_callout_without_an_answer_is_reported_as_such(tmp_path: Path) -> None:
    text = "# T\n\n> [!question] What is a saddle point?\n\n## Next heading\n\nText.\n"
    plan = plan_import(tmp_path / "n.md", content_dir=tmp_path / "c", pack="p", text=text)
    write_plan(plan)
    assert plan.cards == ()
    assert [(s.line, s.label, s.reason) for s in plan.skipped if s.line == 3] == [
        (3, "'What is a saddle point?'", "no answer under the question")
    ]


def test_a_file_of_only_other_callouts_names_each_one() -> None:
    parsed = parse_notes("> [!note] One\n> text\n\n> [!tip]\n> more\n> > [!info] inner\n")
    assert parsed.questions == ()
    assert [(i.line, i.text) for i in parsed.ignored] == [(1, "[!note] One"), (4, "[!tip]")]


def test_callout_headers() -> None:
    tip = callout_of("[!tip]- Inverted dropout", 0, 2)
    assert tip is not None and tip.fold == "-" and not tip.asks and not tip.answers
    assert header_text("> [!tip]- Inverted dropout", tip) == "> **Tip: Inverted dropout.**"
    faq = callout_of("[!FAQ] What is X?", 0, 2)
    assert faq is not None and faq.kind == "faq" and faq.asks
    folded = callout_of("[!example]- Why does it work?", 0, 2)
    assert folded is not None and folded.asks  # a folded callout asking: a flashcard
    titled = callout_of("[!success]- Answer", 0, 2)
    assert titled is not None and titled.answers
    assert header_text("[!success]- Answer", titled) == "**Answer:**"
    assert callout_of("[!nope", 0, 1) is None and callout_of("[x] done", 0, 1) is None


_VAULT_PIECES = [
    "> [!faq]- What is X?\n",
    "> [!question]\n",
    "> [!answer]\n",
    "> [!success]- Answer\n",
    "> [!tip] Title [[Link|alias]]\n",
    "> > [!note]\n",
    "> > nested text $x$\n",
    "> body sentence with three words.\n",
    ">\n",
    "\n",
    "## Why is [[Page#Heading]] here?\n",
    "![[plot.png]]\n",
    "Plain prose sentence here, and it goes on.\n",
    "- What is momentum? #card\n",
    "\t- Momentum averages gradients.\n",
    "\tTabbed prose that ends here.\n",
    "\tz = x - x.max()\n",
    "lowercase notes here. it goes on. w.r.t. the rest.\n",
    "- **What is Z?** Z is run in after it.\n",
    "tags:: ml, [[deep learning]]\n",
    "**Why?** Because\n",
    "  id:: 64f1a2b3\n",
    "```python\n",
    "x[[0, 1]]\n",
    "```\n",
    "**Answer:** yes it is.\n",
    "\r\n",
    "\ufeff",
    "[[",
    "]]",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_VAULT_PIECES), max_size=30))
def test_any_mix_of_vault_shapes_gives_cards_or_reported_skips(pieces: list[str]) -> None:
    """Callouts, wikilinks, embeds and outline blocks in any mix: no exception, and every
    question a card or a skip with its line."""
    text = "".join(pieces)
    with tempfile.TemporaryDirectory() as tmp:
        plan = plan_import(Path(tmp) / "n.md", content_dir=Path(tmp) / "c", pack="p", text=text)
    lines = {c.question.line for c in plan.cards} | {s.line for s in plan.skipped}
    read = text.replace("\ufeff", "")  # as the import reads it: a byte-order mark is no text
    assert all(q.line in lines for q in parse_notes(read).questions)
    assert all(1 <= len(card.key_points) <= 6 for card in plan.cards)


def test_pathological_callout_and_tag_lines_end() -> None:
    """Two patterns backtracked without end (measured by hand on the code before: a header
    row of 26 quote marks its pattern refuses, 42 s; 200 KB of spaces in notes with a
    `#card` tag, 2 minutes): these inputs, far larger, would not end. No time is asserted:
    the test ends, with the questions read."""
    deep = "## What is X?\n\nX is a thing. It does Y. It is Z.\n\n" + "> " * 60 + "\t[!tip] Deep\n"
    (question,) = parse_notes(deep).questions
    assert question.answer.startswith("X is a thing.")
    spaces = "- What is a tag? #card\n  - A tag is a label.\n" + " " * 2_000_000 + "x\n"
    assert [q.title for q in parse_notes(spaces).questions] == ["What is a tag?"]
