"""The importer's small words of the forty-third round: a deletion card asked as the
sentence it is, a `<br>` read one way in every form of a Markdown question, a name that
opens a bare title kept capitalised."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it.token import Token

import quiz.ecosystem.notes.asking as asking
from quiz.bank.loader import load_card_text
from quiz.ecosystem.notes.read import parse_notes
from quiz.ecosystem.questionphrase import as_question
from quiz.ecosystem.titles import TitleParts, plain_inline, split_title
from tests.ecosystem.test_import_notes import front, run_import


def _questions(tmp_path: Path, name: str, text: str) -> dict[str, str]:
    """Each imported card's title and the text of its Question section."""
    notes = tmp_path / name
    notes.write_text(text, encoding="utf-8")
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    asked = {}
    for path in (tmp_path / "c").rglob("*.md"):
        card = load_card_text(path.read_text(encoding="utf-8"), path, topic=path.parent.name)
        asked[str(front(path)["title"])] = card.section("Question").strip()
    return asked


def test_a_deletion_is_asked_as_its_sentence() -> None:
    """A title holding a deletion's `[...]` is a fill-in, asked as written, as "The
    derivative of tanh(x) is [...]." is; "Explain [...] $...$." asked nothing readable."""
    assert as_question("[...] $\\sigma(z)_i = e^{z_i} / Z$") == (
        "[...] $\\sigma(z)_i = e^{z_i} / Z$."
    )
    assert as_question("[...] zeroes random units") == "[...] zeroes random units."
    assert as_question("Adam keeps [...] of the gradient") == "Adam keeps [...] of the gradient."
    assert as_question("What does [...] keep") == "What does [...] keep?"
    assert as_question("The derivative of $\\tanh(x)$ is") == (
        "The derivative of $\\tanh(x)$ is [...]."
    )
    assert as_question("Dropout") == "Explain dropout."  # no deletion: a bare topic


def test_a_deletion_only_cloze_over_its_formula_is_a_fill_in(tmp_path: Path) -> None:
    asked = _questions(
        tmp_path,
        "deck.txt",
        "#separator:tab\n#html:true\n"
        "{{c1::Softmax}}<br>$\\sigma(z)_i = e^{z_i} / Z$\tIt normalises exponentials.\n"
        "The derivative of tanh(x) is {{c1::$1-\\tanh^2(x)$}}.\tIt peaks at zero.\n",
    )
    assert sorted(asked.values()) == [
        "The derivative of tanh(x) is [...].",
        "[...] $\\sigma(z)_i = e^{z_i} / Z$.",
    ]


_FRONTS = (
    "What is the<br>softmax function?",
    "What is dropout?<br>Explain why it helps.",
    "Why does<br>batch norm help?",
)


def _read(notes: str) -> list[tuple[str, str]]:
    return [(q.title, q.prompt) for q in parse_notes(notes).questions]


def test_a_break_reads_the_same_in_each_form_of_a_markdown_question() -> None:
    """A heading, a bold line and a list item read a `<br>` as a space (a run-in bold
    question kept it as text) while a `Q:` line
    read it as Anki does: "What is dropout?<br>Explain why it helps." was one title."""
    q_lines = _read("".join(f"Q: {text}\nA: It is so.\n\n" for text in _FRONTS))
    assert q_lines == [
        ("What is the softmax function?", ""),
        ("What is dropout?", "Explain why it helps."),
        ("Why does batch norm help?", ""),
    ]
    headings = _read("".join(f"## {text}\n\nIt is so.\n\n" for text in _FRONTS))
    bold = _read("".join(f"**{text}**\nIt is so.\n\n" for text in _FRONTS))
    items = _read("".join(f"- {text}\n    - It is so.\n" for text in _FRONTS))
    run_in = _read("".join(f"- **{text}** It is so.\n" for text in _FRONTS))
    assert headings == q_lines
    assert bold == q_lines
    assert items == q_lines
    # a run-in bold question ends in `?` (one ending in "." is no run-in question, as
    # before); its `<br>` was kept as text: "What is the<br>softmax function?"
    assert run_in == [q_lines[0], q_lines[2]]


def test_a_break_in_a_heading_puts_the_formula_under_its_term() -> None:
    assert _read("## Softmax<br>$e^{z_i} / Z$ #card\n\nIt normalises exponentials.\n") == [
        ("Softmax", "$e^{z_i} / Z$")
    ]


def test_a_break_in_code_stays_in_the_title() -> None:
    assert _read("## What does `<br>` do?\n\nIt breaks a line.\n")[0][0] == ("What does `<br>` do?")


def test_a_name_opening_a_bare_title_keeps_its_capital(tmp_path: Path) -> None:
    """`**Nesterov** momentum ...` writes the name only at a sentence's start: it was
    asked "Explain nesterov momentum.". A common word recurs in lowercase in its own
    explanation ("against the gradient"); a name never does."""
    asked = _questions(
        tmp_path,
        "deck.txt",
        "#separator:tab\n#html:true\n"
        "Nesterov momentum\t**Nesterov** momentum takes the gradient after a look-ahead"
        " step.\n"
        "Gradient descent\t**Gradient** descent steps against the gradient.\n"
        "Weight decay\tWeight decay shrinks the weights each step.\n"
        "Batch normalization\t**Batch normalization** rescales each mini-batch.\n"
        "Batch size\tIt sets how many examples one step sees.\n"
        "The chain rule\tThe chain rule multiplies the local derivatives.\n"
        "Momentum\t**Momentum** adds a fraction of the last step to the next.\n",
    )
    assert asked == {
        "Nesterov momentum": "Explain Nesterov momentum.",
        "Gradient descent": "Explain gradient descent.",
        "Weight decay": "Explain weight decay.",
        "Batch normalization": "Explain batch normalization.",
        "Batch size": "Explain batch size.",  # the note never writes it: a common noun
        "The chain rule": "Explain the chain rule.",
        "Momentum": "Explain momentum.",  # one word: the term itself, as before
    }


def test_a_heading_imported_before_keeps_its_card(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A heading whose `<br>` was a space ("What is dropout? Why does it help?") is
    titled otherwise now: its card keeps its id and reviews, and the report says why."""
    notes, content = tmp_path / "notes.md", tmp_path / "c"
    notes.write_text(
        "## What is dropout?<br>Why does it help?\n\nIt zeroes random units.\n\n"
        "## Why does weight decay help?\n\nIt keeps the weights small.\n",
        encoding="utf-8",
    )

    def as_before(
        children: list[Token] | None, whole: TitleParts | None = None
    ) -> tuple[TitleParts, str, None]:
        return split_title(plain_inline(children)), "", None

    with monkeypatch.context() as patch:
        patch.setattr(asking, "broken_parts", as_before)
        first = run_import(str(notes), "--pack", "p", "--into", str(content))
    assert first.exit_code == 0, first.output
    titles = {path.stem: front(path)["title"] for path in content.rglob("*.md")}
    assert titles.get("dropout-help") == "What is dropout? Why does it help?"
    result = run_import(str(notes), "--pack", "p", "--into", str(content))
    assert result.exit_code == 0, result.output
    after = {path.stem: front(path)["title"] for path in content.rglob("*.md")}
    assert sorted(after) == sorted(titles), result.output  # no second card
    assert after["dropout-help"] == "What is dropout?"
    said = " ".join(result.output.split())
    assert "a line break in the note is now read as in an Anki note's front" in said, said
    assert "0 cards written, 1 retitled, 1 unchanged" in said
