"""A `source` citing a book's numbered section as a chapter (`ch. 9.2`) is lint's
`section-as-chapter` warning at the citation, with the form to write: the bundled bank was
held to `sec. 9.2` by a test of its own (tests/bank/test_citations.py), and an author's
pack was told nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.lint import lint

CARD = Path("mini") / "basics" / "what-is-relu.md"


def _source(mini_bank: Path, source: str) -> list[tuple[int, int, str, str, str]]:
    path = mini_bank / CARD
    text = path.read_text(encoding="utf-8")
    assert "source: tests\n" in text
    path.write_text(text.replace("source: tests\n", f"source: {source}\n"), encoding="utf-8")
    _bank, problems = lint([mini_bank], run_drills=False)
    return [(p.line, p.col, p.code, p.severity, p.message) for p in problems if p.path == path]


@pytest.mark.parametrize(
    ("source", "cited", "section"),
    [
        ("Goodfellow et al. 2016, ch. 6.3", "ch. 6.3", "6.3"),
        ("Bishop 2006 Chapter 5.2.1", "Chapter 5.2.1", "5.2.1"),
        ("Murphy 2022, chap 9.2", "chap 9.2", "9.2"),
    ],
)
def test_a_section_cited_as_a_chapter_is_warned_of_at_its_column(
    mini_bank: Path, source: str, cited: str, section: str
) -> None:
    ((line, col, code, severity, message),) = _source(mini_bank, source)
    assert (line, code, severity) == (8, "section-as-chapter", "warning")
    assert col == len("source: ") + source.index(cited) + 1
    assert message == (
        f"source: '{cited}' names a section as a chapter: write 'sec. {section}' (a reader "
        f"finds chapter {section.split('.')[0]} in the contents, not {section})"
    )


@pytest.mark.parametrize(
    "source",
    ["Goodfellow et al. 2016, ch. 6; sec. 6.3", "Goodfellow et al. 2016, sec. 6.3", "tests"],
)
def test_a_chapter_or_a_section_cited_as_such_is_fine(mini_bank: Path, source: str) -> None:
    assert _source(mini_bank, source) == []
