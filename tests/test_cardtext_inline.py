"""Choices and key points in the app: inline code in pieces of its own, without its
backticks (as the card's Markdown shows it), the rest as `plain_text` gives it."""

from __future__ import annotations

import pytest

from quiz.cardtext import code_span_text, inline_pieces, plain_text


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("Use `np.exp`", [("Use ", False), ("np.exp", True)]),
        (
            "`mask = rng.random(A.shape) < 0.8`, then `A * mask / 0.8`",
            [
                ("mask = rng.random(A.shape) < 0.8", True),
                (", then ", False),
                ("A * mask / 0.8", True),
            ],
        ),
        # a code span keeps its backslashes; the text around it has its escapes read
        ("`a\\_b` is not a\\_b", [("a\\_b", True), (" is not a_b", False)]),
        # math around code is rendered, a dollar in code is not math
        ("$\\alpha$ times `x$`", [("α times ", False), ("x$", True)]),
        # an escaped or unclosed backtick is no code span
        ("no \\`code\\` here", [("no `code` here", False)]),
        ("x `unclosed", [("x `unclosed", False)]),
        ("plain", [("plain", False)]),
    ],
)
def test_inline_pieces(text: str, pieces: list[tuple[str, bool]]) -> None:
    assert inline_pieces(text) == pieces
    # the same text as before, less the backticks of the code spans
    if not any(code for _, code in pieces):
        assert "".join(piece for piece, _ in pieces) == plain_text(text)


@pytest.mark.parametrize(
    ("span", "shown"),
    [("`x`", "x"), ("`` `x` ``", "`x`"), ("` a `", "a"), ("`  `", "  "), ("` a`", " a")],
)
def test_a_code_span_shows_as_commonmark_reads_it(span: str, shown: str) -> None:
    assert code_span_text(span) == shown
