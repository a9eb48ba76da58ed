"""Logseq's task marks, dates and time logs are a checkbox and widgets in Logseq: no card text.

A `- LATER What does label smoothing do to the targets? #card` block was a card titled "LATER What is label
smoothing?" (id `later-label-smoothing`), and its `SCHEDULED: <...>` line and `:LOGBOOK:`
drawer were answer text.
"""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.logseqtasks import drop_task_marks
from tests.ecosystem.test_import_notes import answer_of, front, run_import

PAGE = """\
tags:: ml

- ## Regularization
\t- LATER What does label smoothing do to the targets? #card
\t  SCHEDULED: <2024-03-02 Sat>
\t  :LOGBOOK:
\t  CLOCK: [2024-03-01 Fri 10:00:00]--[2024-03-01 Fri 10:05:00] =>  00:05:00
\t  :END:
\t\t- It puts $1-\\epsilon$ on the true class and spreads $\\epsilon$ over all classes.
\t\t- It keeps the logits from growing without bound.
\t- TODO [#A] Why is L2 regularization called weight decay? #card
\t  DEADLINE: <2024-03-09 Sat> SCHEDULED: <2024-03-02 Sat>
\t\t- With plain SGD its gradient shrinks every weight by a constant factor each step.
\t\t- With Adam the two differ, which is why AdamW decouples the decay.
"""


def test_marks_dates_and_logs_are_taken_off_in_place() -> None:
    rows = drop_task_marks(PAGE).split("\n")
    assert len(rows) == len(PAGE.split("\n"))  # every line keeps its number
    assert rows[3] == "\t- What does label smoothing do to the targets? #card"
    assert rows[4:8] == ["", "", "", ""]
    assert rows[10] == "\t- Why is L2 regularization called weight decay? #card"
    assert rows[11] == ""


def test_text_that_is_no_task_is_left_alone() -> None:
    text = (
        "TODO: read the paper\n"  # not a list item's first word
        "- Todo lists\n"  # not in capitals
        "- NOW\n"  # nothing after it
        "- DONE re-read section 3.5\r\n"  # a task, but no card's question: as written
        "  :LOGBOOK:\n"
        "  Not a clock line\n"  # so no log: left as text
        "  :END:\n"
        "```\n- TODO in code\n```\n"
    )
    assert drop_task_marks(text) is text
    asking = "- NOW [#B] Why clip gradients? #ml\r\n  - They explode.\r\n"
    assert drop_task_marks(asking) == "- Why clip gradients? #ml\r\n  - They explode.\r\n"


def test_a_task_card_is_asked_without_its_mark_and_answered_without_its_dates(
    tmp_path: Path,
) -> None:
    notes = tmp_path / "regularization.md"
    notes.write_text(PAGE, encoding="utf-8")
    result = run_import(str(notes), "--pack", "reg", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    folder = tmp_path / "c/reg/reg"
    smoothing = folder / "label-smoothing-targets.md"
    decay = folder / "l2-regularization-called-weight-decay.md"
    assert front(smoothing)["title"] == "What does label smoothing do to the targets?"
    assert front(decay)["title"] == "Why is L2 regularization called weight decay?"
    for card in (smoothing, decay):
        answer = answer_of(card)
        assert "SCHEDULED" not in answer and "LOGBOOK" not in answer and "CLOCK" not in answer
        assert "DEADLINE" not in answer and "[#A]" not in answer
        points = front(card)["key_points"]
        assert isinstance(points, list) and len(points) == 2, points
