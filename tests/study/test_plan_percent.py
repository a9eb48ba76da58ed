"""The plan's readiness and target in the words people read recall in: percent, as Anki's
"desired retention 90%", the same on Home, the stats screen and `drillbit plan`."""

from __future__ import annotations

import pytest

from quiz.study.plan_phrases import readiness_percent, target_percent, waiting_note


@pytest.mark.parametrize(
    ("value", "said"),
    [(0.0, "0%"), (0.01, "1%"), (0.29, "29%"), (0.71, "71%"), (0.897, "89%"), (1.0, "100%")],
)
def test_readiness_reads_in_whole_percent_rounded_down(value: float, said: str) -> None:
    """ "0.01 → target 0.90" read as a fraction beside the stats plot's %; rounded down,
    0.897 short of a 0.9 target never reads "90%" (0.29 is not 28%: 0.29 * 100 is 28.99...)."""
    assert readiness_percent(value) == said


@pytest.mark.parametrize(("value", "said"), [(0.9, "90%"), (0.925, "92.5%"), (0.99, "99%")])
def test_the_target_reads_in_percent_as_set(value: float, said: str) -> None:
    assert target_percent(value) == said


@pytest.mark.parametrize("value", [0.9, 0.925, 0.91234567, 0.5, 0.99])
def test_the_target_in_percent_reads_back_as_the_same_fraction(value: float) -> None:
    """The settings screen's box starts from the percent shown: enter on it unchanged must
    keep the target, not a rounded one."""
    from quiz.settings import from_percent

    assert from_percent(target_percent(value)) == value


def test_cards_due_but_not_today_say_when_in_a_new_users_words() -> None:
    """ "the plan's last pass reviews them" named a pass a new user never met: what happens
    to the cards (reviewed if needed) and when (the last days before the interview)."""
    before = waiting_note(3, 0, last_pass=False)
    assert before == (
        " · 3 more due by fsrs today: the plan reviews them in the last days before the "
        "interview if needed"
    )
    assert "last pass" not in before
    assert "last pass" not in waiting_note(1, 1, last_pass=True)
    assert waiting_note(0, 0, last_pass=False) == ""
