"""Markdown notes copied from the web: `<sub>`/`<sup>` keep their grouping (`m_(t-1)`, not
`mt-1`), and a `Source: ...` line under an answer is the card's source, no key point
(tests/data/notes/web-copied-answers.md)."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.citations import take_citations
from quiz.ecosystem.scripts import write_scripts
from tests.conftest import DATA
from tests.ecosystem.test_import_notes import answer_of, front, run_import

NOTES = DATA / "notes" / "web-copied-answers.md"


def _cards(tmp_path: Path) -> tuple[dict[str, Path], str]:
    content = tmp_path / "c"
    result = run_import(str(NOTES), "--pack", "web", "--into", str(content))
    assert result.exit_code == 0, result.output
    return {str(front(p)["title"]): p for p in content.rglob("*.md")}, result.output


def _points(card: Path) -> list[str]:
    points = front(card)["key_points"]
    assert isinstance(points, list)
    return [str(p) for p in points]


def test_scripts_keep_their_grouping_in_titles_and_answers(tmp_path: Path) -> None:
    cards, _ = _cards(tmp_path)
    adam = cards["What does m_(t-1) hold in Adam?"]  # was "What does mt-1 hold in Adam?"
    assert "decayed by β_1 at each step" in answer_of(adam)
    assert "dividing by 1 - β_1^t." in answer_of(adam)


def test_a_source_line_is_the_cards_source(tmp_path: Path) -> None:
    cards, output = _cards(tmp_path)
    adam = cards["What does m_(t-1) hold in Adam?"]
    assert front(adam)["source"] == "web-copied-answers.md Q1 · Kingma and Ba 2015"
    assert "Source" not in answer_of(adam)
    assert len(_points(adam)) == 3
    decay = cards["What does decoupled weight decay change?"]
    assert front(decay)["source"] == "web-copied-answers.md Q2 · Loshchilov and Hutter 2019"
    assert all("Source" not in p for p in _points(decay))
    # a `source:` in fenced code is the code's
    config = cards["How is a config's source written?"]
    assert front(config)["source"] == "web-copied-answers.md Q3"
    assert "source: data/train.csv" in answer_of(config)
    assert "its source, 'Kingma and Ba 2015', is in the card's source" in output


def test_code_is_left_as_written() -> None:
    text = "Use `<sub>` tags: `a<sub>ij</sub>`.\n```html\nx<sup>2</sup>\n```\nb<sub>ij</sub>\n"
    assert write_scripts(text) == (
        "Use `<sub>` tags: `a<sub>ij</sub>`.\n```html\nx<sup>2</sup>\n```\nb_(ij)\n"
    )
    assert take_citations("Text.\n```\nSource: x\n```") == ("Text.\n```\nSource: x\n```", "")


def test_a_term_defined_in_an_answer_is_no_citation() -> None:
    """`Source:` labels a term as often as a citation: only a line that holds what a
    citation does (a year, a chapter, `et al.`), or a plain line ending the answer, is one."""
    parts = "Parts:\n- Sink: where it goes\n- Source: where the data comes from"
    assert take_citations(parts) == (parts, "")
    assert take_citations("It flows.\nSource: the first node.\nSink: the last.")[1] == ""
    assert take_citations("It normalizes.\n\nSource: my own notes") == (
        "It normalizes.",
        "my own notes",
    )
    assert take_citations("- It normalizes.\n- Source: Ioffe and Szegedy 2015") == (
        "- It normalizes.",
        "Ioffe and Szegedy 2015",
    )
