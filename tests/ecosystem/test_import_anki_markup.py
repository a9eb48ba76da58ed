"""Anki's LaTeX tags (`[$]...[/$]`, `[$$]...[/$$]`, `[latex]...[/latex]`) are math, and a
`<pre>` block of an Anki field is a code block with its lines and indentation.

The tags were kept as written (a card titled "What is the softmax of [$]z_i[/$]?"), and
code pasted into Anki ran into the text after it with its indentation collapsed."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from quiz.ecosystem.ankimarkup import anki_math
from quiz.ecosystem.ankitext import parse_anki_text
from tests.ecosystem.test_import_notes import answer_of, run_import

HEADER = "#separator:tab\n#html:true\n#notetype column:1\n#deck column:2\n"
CODE = (
    '<pre><code class="language-python">def lse(z):<br>'
    "&nbsp; &nbsp; m = z.max()<br>    return m + np.log(np.exp(z - m).sum())</code></pre>"
    "Subtracting the max keeps exp from overflowing. The result is exact. Cross-entropy"
    " uses it."
)


def _export(rows: list[list[str]]) -> str:
    """The rows as Anki writes a Notes in Plain Text export (quoted where a field needs)."""
    out = io.StringIO()
    csv.writer(out, delimiter="\t", lineterminator="\n").writerows(rows)
    return HEADER + out.getvalue()


EXPORT = _export(
    [
        [
            "Basic",
            "ML",
            "What is the softmax of [$]z_i[/$]?",
            r"[$$]\sigma(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}[/$$]<br>It maps logits to a"
            " distribution. It is shift invariant. Subtract the max for stability.",
        ],
        ["Basic", "ML", "How do you compute a stable log-sum-exp?", CODE],
        ["Basic", "ML", r"What does [latex]$\nabla$[/latex] denote?", "The gradient operator."],
    ]
)


def test_ankis_latex_tags_are_markdown_math() -> None:
    assert anki_math(r"[$]z_i[/$] and [$$] a^2 [/$$] and [latex]$\nabla$[/latex]") == (
        r"$z_i$ and $$a^2$$ and $\nabla$"
    )
    plain = "a [$ price ] and [latex stuff"
    assert anki_math(plain) is plain
    parsed = parse_anki_text(EXPORT)
    assert [q.title for q in parsed.questions] == [
        "What is the softmax of $z_i$?",
        "How do you compute a stable log-sum-exp?",
        r"What does $\nabla$ denote?",
    ]
    assert parsed.questions[0].answer.startswith(
        r"$$\sigma(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$$"
    )


def test_a_pre_block_is_a_code_block_with_its_indentation() -> None:
    answer = parse_anki_text(EXPORT).questions[1].answer
    assert answer == (
        "```python\n"
        "def lse(z):\n"
        "    m = z.max()\n"
        "    return m + np.log(np.exp(z - m).sum())\n"
        "```\n\n"
        "Subtracting the max keeps exp from overflowing. The result is exact. Cross-entropy"
        " uses it."
    )


def test_the_cards_keep_the_code_and_the_math(tmp_path: Path) -> None:
    notes = tmp_path / "deck.txt"
    notes.write_text(EXPORT, encoding="utf-8")
    result = run_import(str(notes), "--pack", "d", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    folder = tmp_path / "c/d/ml"
    assert "    m = z.max()" in answer_of(folder / "you-compute-stable-log-sum-exp.md")
    assert sorted(p.name for p in folder.iterdir()) == [
        "nabla-denote.md",
        "softmax-zi.md",
        "you-compute-stable-log-sum-exp.md",
    ]
