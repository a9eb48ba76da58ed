"""A coding card's `params` that its checker never reads is lint's `unknown-param` error,
at the param's own line and column, with a did-you-mean: a misspelt param (`tolerence`,
`epsilon` for `eps`) linted clean, and the drill was graded with the checker's default."""

from __future__ import annotations

import re
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from quiz.bank.drill_params import unread_params
from quiz.bank.lint import LINT_SEED, lint
from quiz.bank.models import Card
from tests.conftest import DATA, REPO

SINE = REPO / "content" / "neural-networks" / "approximation" / "approximate-sine.md"
CHECKER = "checker: nn.approx.approximate_sine\n"


def sine_drill(tmp_path: Path, params: str) -> Path:
    """The bundled sine drill, alone in a pack, with `params` written after its checker."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "tui_bank", root)
    card = root / "mini" / "approximation" / "approximate-sine.md"
    card.parent.mkdir()
    text = SINE.read_text(encoding="utf-8")
    assert CHECKER in text
    text = re.sub(r"(?m)^related: .*\n", "", text.replace(CHECKER, CHECKER + params))
    card.write_text(text, encoding="utf-8")
    return card


def told(card: Path) -> list[tuple[int, int, str, str]]:
    _, problems = lint([card], run_drills=False)
    return [(p.line, p.col, p.code, p.message) for p in problems if p.path == card]


def line_of(card: Path, text: str) -> int:
    lines = card.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


@pytest.mark.parametrize(
    "params",
    [
        "params: {max_units: 40, tolerance: 0.05}\n",
        "params:\n  tolerance: 0.04\n",
        "params: {max_units: 30}\n",
    ],
)
def test_params_the_checker_reads_are_clean(tmp_path: Path, params: str) -> None:
    assert told(sine_drill(tmp_path, params)) == []


def test_a_misspelt_param_is_told_at_its_place_with_the_name_meant(tmp_path: Path) -> None:
    card = sine_drill(tmp_path, "params: {max_units: 40, tolerence: 0.05}\n")
    line = line_of(card, "tolerence")
    col = card.read_text(encoding="utf-8").splitlines()[line - 1].index("tolerence") + 1
    assert told(card) == [
        (
            line,
            col,
            "unknown-param",
            "unknown param 'tolerence' (did you mean 'tolerance'?): checker "
            "'nn.approx.approximate_sine' never reads it, so the drill is graded with the "
            "checker's default instead",
        )
    ]


def test_a_param_like_none_it_reads_lists_what_it_reads(tmp_path: Path) -> None:
    card = sine_drill(tmp_path, "params:\n  max_units: 40\n  epsilon: 0.05\n")
    ((line, col, code, message),) = told(card)
    assert (line, col, code) == (line_of(card, "  epsilon: "), 3, "unknown-param")
    assert message.startswith("unknown param 'epsilon' (it reads max_units, tolerance): ")


def test_a_checker_that_reads_no_param_says_to_delete_it(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(DATA / "tui_bank", root)
    card = root / "mini" / "drills" / "tiny-sgd.md"
    text = card.read_text(encoding="utf-8")
    sgd = "checker: nn.optim.sgd_step\n"
    assert sgd in text
    card.write_text(text.replace(sgd, sgd + "params: {lr: 0.1}\n"), encoding="utf-8")
    ((_, _, code, message),) = told(card)
    assert code == "unknown-param"
    assert message.startswith("unknown param 'lr' (it reads none: delete it): "), message


class _Reads:
    """A checker reading `eps` with a default, as most would, or listing its params."""

    name = "pack.eps_drill"

    def __init__(self, how: str) -> None:
        self.how = how

    def make_cases(self, rng: Any, params: Mapping[str, Any]) -> list[Any]:
        if self.how == "get":
            params.get("eps", 1e-5)
        elif self.how == "in":
            _ = "eps" in params and params["eps"]
        elif self.how == "lists":
            dict(params)
        else:
            raise ValueError("a checker that fails")
        return []


def _card(tmp_path: Path, params: str) -> Card:
    card_path = sine_drill(tmp_path, params)
    bank, _ = lint([card_path], run_drills=False)
    (card,) = [c for c in bank.cards if c.path == card_path]
    return card


def test_epsilon_for_eps_gets_the_did_you_mean(tmp_path: Path) -> None:
    card = _card(tmp_path, "params: {epsilon: 0.0001}\n")
    for how in ("get", "in"):
        (problem,) = unread_params(card, _Reads(how), LINT_SEED)
        assert problem.message.startswith("unknown param 'epsilon' (did you mean 'eps'?): ")
    assert unread_params(card, _Reads("get"), LINT_SEED)[0].line == line_of(card.path, "epsilon")


def test_a_checker_that_lists_its_params_or_fails_is_not_second_guessed(tmp_path: Path) -> None:
    card = _card(tmp_path, "params: {epsilon: 0.0001}\n")
    assert unread_params(card, _Reads("lists"), LINT_SEED) == []
    assert unread_params(card, _Reads("fails"), LINT_SEED) == []


def test_an_unread_param_leaves_the_drill_s_runs_checked(tmp_path: Path) -> None:
    """The drill is still graded (with the default), so a starter that passes is told too."""
    card = sine_drill(tmp_path, "params: {tolerence: 0.05}\n")
    text = card.read_text(encoding="utf-8")
    todo = '    raise NotImplementedError("sine_params is not implemented yet")'
    assert todo in text
    solved = (
        "    knots = np.linspace(-np.pi, np.pi, 21)\n"
        "    slopes = np.diff(np.sin(knots)) / np.diff(knots)\n"
        '    return {"W1": np.ones((20, 1)), "b1": -knots[:-1].reshape(20, 1),\n'
        '            "W2": np.diff(slopes, prepend=0.0).reshape(1, 20),\n'
        '            "b2": np.array([[np.sin(knots[0])]])}'
    )
    card.write_text(text.replace(todo, solved), encoding="utf-8")
    _, problems = lint([card], run_drills=True)
    assert [p.code for p in problems] == ["unknown-param", "starter-passes"]
