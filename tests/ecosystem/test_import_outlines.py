"""Outliners: a Logseq page (tab-indented blocks, `#card` tags, `id::` properties) gave
"no questions found", and a list indented by tabs lost its answers as code. (Jupyter
notebooks, once refused here, are read: test_import_notebooks.py.)"""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint
from quiz.ecosystem.notes.read import parse_notes
from tests.ecosystem.test_import_notes import front, run_import

LOGSEQ = """\
- # Optimizers
\t- What is momentum? #card
\t\t- Momentum keeps a moving average of past gradients and steps along it.
\t\t- It damps oscillations across a ravine.
\t\t- It speeds progress along the ravine's floor.
\t- Why does Adam need bias correction? #card
\t  id:: 64f1a2b3-1111-2222-3333-444455556666
\t\t- The moments start at zero, so early averages are biased toward zero.
\t\t- Dividing by $1-\\beta^t$ removes the bias.
\t\t- Without it the first steps would be far too small.
\t\t- collapsed:: true
"""


def test_a_logseq_page_gives_a_card_per_card_block(tmp_path: Path) -> None:
    parsed = parse_notes(LOGSEQ)
    assert [(q.line, q.title) for q in parsed.questions] == [
        (2, "What is momentum?"),
        (6, "Why does Adam need bias correction?"),
    ]
    momentum, adam = parsed.questions
    assert momentum.answer == (
        "- Momentum keeps a moving average of past gradients and steps along it.\n"
        "- It damps oscillations across a ravine.\n"
        "- It speeds progress along the ravine's floor."
    )
    assert "::" not in adam.answer and "\t" not in adam.answer
    notes = tmp_path / "page.md"
    notes.write_text(LOGSEQ, encoding="utf-8")
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "p", "--into", str(content))
    assert result.exit_code == 0, result.output
    points = {path.stem: front(path)["key_points"] for path in content.rglob("*.md")}
    assert points["adam-need-bias-correction"] == [
        "The moments start at zero, so early averages are biased toward zero.",
        "Dividing by $1-\\beta^t$ removes the bias.",
        "Without it the first steps would be far too small.",
    ]
    assert lint([content / "p"])[1] == []


def test_a_list_indented_by_tabs_keeps_its_answers() -> None:
    notes = (
        "1. **What does a 1x1 convolution do?**\n"
        "\tIt mixes the channels at each position. It changes the channel count cheaply. "
        "Bottleneck blocks use it.\n"
    )
    (question,) = parse_notes(notes).questions
    assert question.answer == (
        "It mixes the channels at each position. It changes the channel count cheaply. "
        "Bottleneck blocks use it."
    )
