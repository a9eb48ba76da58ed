"""What `drillbit watch` prints on a pass: the explanation re-flowed, its code kept whole."""

from __future__ import annotations

from engine.verdict import Status, Verdict
from quiz.bank.loader import load_bank
from quiz.bank.sources import bundled_content_dir
from quiz.watch_report import watch_report

LONG_CODE_LINE = "elu = np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0.0)))"


def test_code_in_the_explanation_is_never_re_flowed() -> None:
    card = next(c for c in load_bank([bundled_content_dir()]).cards if c.id == "relu-family")
    assert LONG_CODE_LINE in card.section("Explanation")  # a fenced line longer than 40
    verdict = Verdict(drill="nn.activations.relu_family", status=Status.PASSED, seed=0)
    text = watch_report(verdict, card, stamp="12:00:00", file="mine.py", width=40)
    # the prose is wrapped to 40 columns; the code line stays one line, as written
    assert [line for line in text.splitlines() if len(line) > 40] == [LONG_CODE_LINE]
