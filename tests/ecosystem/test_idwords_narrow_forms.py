"""An imported title's id does not change with the one-column forms the app now shows:
\\cdot, shown as ⋅ (DOT OPERATOR) instead of · (MIDDLE DOT), parts words as · did, and is
not named "cdot" the way × is named "times"."""

from __future__ import annotations

from quiz.ecosystem.idwords import id_words


def test_the_dot_operator_parts_words_as_the_middle_dot_did() -> None:
    assert id_words("q ⋅ k") == id_words("q · k") == ["q", "k"]
    assert id_words("3×3") == ["3", "times", "3"]  # a named operator keeps its name
    assert id_words("x₁, ..., xₙ") == id_words("x₁, …, xₙ") == ["x1", "xn"]
