"""The sentences of `plan`, `stats`, `config` and `cards` on an 80-column terminal: under an
interview plan `drillbit plan` printed one of 294 columns, `stats` its "Today:" line in 104
and `cards` its note on the plan in 101, `config` a key's description in 94, which the
terminal broke mid-word. They fold at spaces (a description under its key); a pipe gets
every sentence on one line."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fsrs import Rating, Scheduler

from quiz.store import Store
from quiz.study.scheduling import review_card
from tests.cli.printing import printed_on_a_terminal
from tests.conftest import FIXED_DAY, FIXED_NOW, RunDrillbit


def _from(lines: list[str], first: str) -> list[str]:
    """`lines` from the first that starts with `first` on (all of them for "")."""
    return lines[next(n for n, line in enumerate(lines) if line.startswith(first)) :]


@pytest.mark.parametrize(
    ("command", "first"),
    [
        (("plan",), ""),
        (("stats",), ""),
        (("config",), ""),
        # the table's title is cut: its note; under the plan "due" is the plan's 8 of today
        (("cards", "--state", "due"), "8 of 147 cards"),
    ],
)
def test_every_sentence_fits_80_columns_and_a_pipe_keeps_it_whole(
    drillbit: RunDrillbit, command: tuple[str, ...], first: str
) -> None:
    long_ago = FIXED_NOW - timedelta(days=60)
    with Store.open() as store:  # a card due by fsrs: `stats` and `cards` say the plan decides
        review_card(store, Scheduler(), "relu-vs-sigmoid", Rating.Easy, now=long_ago, correct=True)
    interview = (FIXED_DAY + timedelta(days=60)).isoformat()
    set_up = ("plan", "--interview", interview, "--minutes-per-day", "30")
    assert drillbit(*set_up, now=FIXED_NOW).returncode == 0
    piped = drillbit(*command, now=FIXED_NOW)
    assert max(len(line) for line in piped.stdout.splitlines()) > 80
    lines = printed_on_a_terminal(*command, now=FIXED_NOW)
    assert [line for line in lines if len(line) > 80] == []
    said = _from((piped.stdout + piped.stderr).splitlines(), first)
    assert " ".join(_from(lines, first)).split() == " ".join(said).split()


def test_the_difficulty_legend_folds_on_a_narrower_terminal() -> None:
    lines = printed_on_a_terminal(
        "cards", "--sort", "difficulty", "--topic", "attention", columns=50
    )
    assert lines[-2:] == ["DIFF: fsrs's difficulty, 1 easy to 10 hard; -", "never reviewed"]
    assert max(len(line) for line in lines) <= 50


def test_stats_on_a_40_column_pane_folds_between_figures_and_cuts_topic_names() -> None:
    """In a 40-column split pane `drillbit stats` broke its figures mid-word ("accuracy: 1"
    then "00%", "(no a" then "nswers") and every topic row wrapped, its seen count alone
    on the next line. Figures fold between themselves; a topic's name is cut with "…"."""
    with Store.open() as store:
        for card in ("relu-vs-sigmoid", "central-vs-forward-difference"):
            review_card(store, Scheduler(), card, Rating.Good, now=FIXED_NOW, correct=True)
    lines = printed_on_a_terminal("stats", columns=40, now=FIXED_NOW)
    assert max(len(line) for line in lines) <= 40, lines
    assert any("accuracy: 100%" in line for line in lines), "a figure kept whole"
    table = _from(lines, "topic ")
    assert table[0].split() == ["topic", "reviews", "accuracy", "seen"]
    cut = next(line for line in table if line.startswith("gradient-"))
    assert cut.split() == ["gradient-chec…", "1", "100%", "1"]
    assert next(line for line in table if line.startswith("activations")).split()[1:] == [
        "1",
        "100%",
        "1",
    ]
