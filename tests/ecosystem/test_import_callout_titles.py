"""A callout titled with a question right after a question callout's boxed answer is no
remark of that answer: a foldable one (`+` as well as `-`) is a question of its own, and
an unfolded one is named as text, not taken in.

`> [!example]+ What does einsum compute?` was taken into the answer above it, its title
the key point "Example: What does ... compute?", and its own answer lost in that card."""

from __future__ import annotations

from pathlib import Path

from tests.ecosystem.test_import_notes import front, run_import

_BOXED = """\
> [!question] Why is basic slicing cheap?
> It returns a view of the same buffer.
> Nothing is copied, only the strides and the offset change.
> Fancy indexing and boolean masks copy instead.

"""
_EINSUM = """\
> [!example]{fold} What does einsum with "ij,jk->ik" compute?
> It computes the matrix product of the two arrays.
> Each output entry sums over the repeated index j.
> It matches the @ operator for 2-D arrays.
"""


def _cards(tmp_path: Path, text: str) -> tuple[str, dict[str, list[str]]]:
    notes = tmp_path / "numpy.md"
    notes.write_text(text, encoding="utf-8")
    result = run_import(str(notes), "--pack", "np", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    points = {
        str(front(path)["title"]): list(front(path)["key_points"])  # type: ignore[call-overload]
        for path in (tmp_path / "c").rglob("*.md")
    }
    return result.output, points


def test_a_foldable_callout_titled_with_a_question_is_a_card(tmp_path: Path) -> None:
    _, points = _cards(tmp_path, _BOXED + _EINSUM.format(fold="+"))
    assert points["Why is basic slicing cheap?"] == [
        "It returns a view of the same buffer.",
        "Nothing is copied, only the strides and the offset change.",
        "Fancy indexing and boolean masks copy instead.",
    ]
    assert points['What does einsum with "ij,jk->ik" compute?'][-1] == (
        "It matches the @ operator for 2-D arrays."
    )


def test_an_open_callout_titled_with_a_question_is_named_not_taken_in(tmp_path: Path) -> None:
    output, points = _cards(tmp_path, _BOXED + _EINSUM.format(fold=""))
    assert list(points) == ["Why is basic slicing cheap?"]
    assert all("einsum" not in point for point in points["Why is basic slicing cheap?"])
    assert "numpy.md:6: skipped '> [!example] What does einsum with" in output
    assert "not imported" in output
