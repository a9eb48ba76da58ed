"""A page, section or chapter range in a card's `source` written backwards (`pp. 200-180`)
is a warning at its column (forty-fourth round); ranges in order pass, the shortened
forms citations use (`pp. 1234-56`, `sec. 4.2-3`) among them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bank.edits import edit, line_of, told_in_full, tui_bank_copy

NUMERIC = Path("mini", "basics", "sigmoid-bound.md")


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    return tui_bank_copy(tmp_path)


def test_a_page_range_written_backwards_is_a_warning_at_its_column(bank: Path) -> None:
    path = bank / NUMERIC
    edit(path, "source: tests\n", "source: Goodfellow et al. 2016 (Deep Learning), pp. 200-180\n")
    assert told_in_full(bank) == [
        (
            path,
            line_of(path, "source: Goodfellow et al. 2016 (Deep Learning), pp. 200-180"),
            len("source: Goodfellow et al. 2016 (Deep Learning), ") + 1,
            "source-range",
            "source: 'pp. 200-180' runs backwards (it ends before it starts): write the lower "
            "number first ('pp. 180-200') or fix the mistyped one",
            False,
        )
    ]


@pytest.mark.parametrize(
    "cited",
    [
        "Goodfellow et al. 2016, sec. 8.5.1-8.5.2",
        "Bishop 2006, pp. 1234-56",  # the end's shared digits left out: 1234-1256
        "Bishop 2006, sec. 4.2-3",  # 4.2-4.3
        "Bishop 2006, pages 12\u201319 and table 1a-b",
        "Bishop 2006, pp. 12-12",
    ],
)
def test_a_page_range_in_order_passes(bank: Path, cited: str) -> None:
    edit(bank / NUMERIC, "source: tests\n", f"source: {cited}\n")
    assert told_in_full(bank) == []


@pytest.mark.parametrize(
    ("cited", "fix"),
    [
        ("sections 3.3-3.1", "write the lower number first ('sections 3.1-3.3') or fix the mistyped one"),
        ("sec. 10.2-1", "fix the mistyped number"),
        ("ch. 9-7", "write the lower number first ('ch. 7-9') or fix the mistyped one"),
    ],
)  # fmt: skip
def test_a_section_or_chapter_range_backwards_is_told_too(bank: Path, cited: str, fix: str) -> None:
    path = bank / NUMERIC
    edit(path, "source: tests\n", f"source: Bishop 2006, {cited}\n")
    assert [(p[3], p[4]) for p in told_in_full(bank)] == [
        ("source-range", f"source: '{cited}' runs backwards (it ends before it starts): {fix}")
    ]
