"""`\\(` and `\\[` without their closers: each opener searched the rest of its paragraph for
one, so a paragraph of 100,000 of them took lint minutes. A search that finds none is
remembered for the later openers of its kind; what is math stays the same."""

from __future__ import annotations

from quiz.bank.markdown import scan_math


def _latex(text: str) -> list[tuple[str, str]]:
    return [(s.delimiter, s.latex) for s in scan_math(text, latex_delimiters=True).spans]


def test_an_unclosed_opener_leaves_the_other_kind_and_earlier_pairs_be() -> None:
    assert _latex("\\(a\\) then \\( open and \\[y\\] then \\( again") == [
        ("\\(", "a"),
        ("\\[", "y"),
    ]


def test_many_unclosed_openers_are_no_math() -> None:
    assert _latex("\\(" * 100_000) == []
    assert _latex("\\( x " * 50_000 + "\\[z\\]") == [("\\[", "z")]
