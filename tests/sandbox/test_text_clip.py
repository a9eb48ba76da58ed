"""What a submission printed or raised, as the verdict shows it (`engine.sandbox.text`).

`clip` was checked only for a folded repeat and a length under a loose bound: mutants that
cut one line too many, kept one too few, or said the wrong count of lines or characters cut
survived. Each limit is pinned here at its edge, with the exact note a person reads.
"""

from __future__ import annotations

from engine.sandbox.text import CappedOutput, clip


def test_text_at_the_limits_is_shown_whole() -> None:
    forty = "\n".join(f"line {n}" for n in range(40))
    assert clip(forty) == forty
    assert clip("x" * 4000) == "x" * 4000


def test_one_character_past_the_limit_is_cut_and_counted() -> None:
    assert clip("x" * 4001) == "x" * 4000 + " [... 1 characters cut]"
    assert clip("abcdef", max_chars=4) == "abcd [... 2 characters cut]"


def test_too_many_lines_keep_the_first_and_last_halves() -> None:
    lines = [f"line {n}" for n in range(41)]
    assert clip("\n".join(lines)).split("\n") == [
        *lines[:20],
        "  [... 1 lines cut ...]",
        *lines[-20:],
    ]
    assert clip("\n".join(lines), max_lines=4).split("\n") == [
        "line 0",
        "line 1",
        "  [... 37 lines cut ...]",
        "line 39",
        "line 40",
    ]


def test_repeats_are_folded_where_they_stop_and_at_the_end() -> None:
    assert clip("a\na\nb") == "a\n  [previous line repeated 1 more times]\nb"
    assert clip("a\nb\nb\nb") == "a\nb\n  [previous line repeated 2 more times]"
    assert clip("a\nb\na") == "a\nb\na", "only lines in a row are folded"


def test_capped_output_keeps_exactly_its_limit() -> None:
    fits = CappedOutput(4)
    fits.add(b"ab")
    fits.add(b"cd")
    assert fits.text() == "abcd", "what fits to the byte carries no note"
    over = CappedOutput(4)
    over.add(b"abc")
    over.add(b"de")  # one byte of room left: it is kept, the other counted
    assert over.text() == "abcd\n[truncated: 1 more bytes not shown]"
