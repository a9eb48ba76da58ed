"""An Anki field's `<br>` after a line without a stop ends a statement: "A probability
distribution over classes<br>Each output is positive and they sum to 1." was one run-on
key point, the two lines read as one sentence."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.keypoints import key_points
from tests.ecosystem.test_import_notes import front, run_import


def test_lines_without_a_stop_before_one_with_it_are_points_each() -> None:
    points = key_points("A distribution over classes\nEach output is positive and they sum to 1.")
    assert points == ["A distribution over classes", "Each output is positive and they sum to 1."]


def test_prose_wrapped_at_a_width_is_still_one_sentence() -> None:
    answer = "The optimizer keeps a moving average\nof past gradients and follows it.\n"
    assert key_points(answer) == [
        "The optimizer keeps a moving average of past gradients and follows it."
    ]


def test_an_anki_field_with_breaks_gives_a_point_a_line(tmp_path: Path) -> None:
    notes = tmp_path / "deck.txt"
    notes.write_text(
        "#separator:tab\n#html:true\n"
        "What does the softmax output?\tA probability distribution over classes<br>"
        'Each output is <b>positive</b> and they sum to 1.<br><img src="plot.png"><br>'
        "It is the exponential of each logit over their sum.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    (card,) = (tmp_path / "c").rglob("softmax*.md")
    points = front(card)["key_points"]
    assert isinstance(points, list)
    assert sorted(points) == [
        "A probability distribution over classes",
        "Each output is positive and they sum to 1.",
        "It is the exponential of each logit over their sum.",
    ]
    assert "its images are left out (plot.png)" in result.output


def test_a_wrap_before_a_capital_in_stopped_prose_is_one_sentence() -> None:
    answer = (
        "It shrinks every weight toward zero at each step.\n"
        "Under plain SGD it is the same as an\n"
        "L2 penalty on the loss.\n"
        "With Adam the two differ, which is why AdamW decouples it."
    )
    assert "Under plain SGD it is the same as an L2 penalty on the loss." in key_points(answer)
