"""Fifty-third round: a slip along the wrong axis is named on a square input too.

Batch norm's and layer norm's statistics laid along the other axis (a reduction without
keepdims=True, a [:, None]), gamma and beta used as rows, dgamma or dbeta summed over the
features, and an L2 penalty summed over one axis per layer were named from numpy's shape
error, which comes only where the two sizes differ. On a square X (or layers of equal
widths) the same code runs; these cases are built square on purpose, and each slip must
still be named from its values, while a right answer passes on them.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import pytest

from engine import cases as gen
from engine.checkers import get_checker
from engine.checkers.base import Case
from engine.checkers.deep.regularization import per_axis_penalty_array
from engine.checkers.nn._common import call_inputs
from engine.checkers.nn._normalization import normalization_cases, normalization_inputs
from engine.grade_inprocess import _graded, load_submission

BATCHNORM = "nn.batchnorm.batchnorm"
LAYERNORM = "deep.layernorm.layernorm"
L2 = "deep.regularization.l2_penalty_and_grads"

NORM = """
import numpy as np

def {name}_forward(X, gamma, beta, eps=1e-5):
    mu = {mu}
    std = {std}
    x_hat = (X - mu) / std
    return {out}, (x_hat, std, gamma)

def {name}_backward(dout, cache):
    x_hat, std, gamma = cache
    k = dout.shape[{axis}]
    dbeta = {dbeta}
    dgamma = {dgamma}
    g = dout * gamma
    dX = (g - g.mean(axis={axis}, keepdims=True)
          - x_hat * (g * x_hat).mean(axis={axis}, keepdims=True)) / std
    return dX, dgamma, dbeta
"""

RIGHT = {
    "mu": "X.mean(axis={axis}, keepdims=True)",
    "std": "np.sqrt(X.var(axis={axis}, keepdims=True) + eps)",
    "out": "gamma * x_hat + beta",
    "dbeta": "dout.sum(axis=1, keepdims=True)",
    "dgamma": "(dout * x_hat).sum(axis=1, keepdims=True)",
}


def _norm_source(drill: str, **slips: str) -> str:
    axis = 1 if drill == BATCHNORM else 0
    parts = {k: v.format(axis=axis) for k, v in {**RIGHT, **slips}.items()}
    name = "batchnorm" if drill == BATCHNORM else "layernorm"
    return NORM.format(name=name, axis=axis, **parts)


def _square_norm_cases(seed: int, n: int) -> list[Case]:
    rng = np.random.default_rng(seed)
    plans = []
    for numeric in (False, True):
        X = gen.normal(rng, (n, n), 2.0) + gen.normal(rng, (n, 1), 1.0)
        plans.append((f"square {n} x {n}", normalization_inputs(rng, X, 1e-3), numeric))
    return normalization_cases(plans)


def _grade(checker_name: str, source: str, cases: list[Case]) -> tuple[str, str]:
    checker = get_checker(checker_name)
    fns = load_submission(source, checker.entries)
    verdict = _graded(checker, fns, cases, seed=0, start=time.perf_counter())
    failure = verdict.first_failure
    return verdict.status.value, failure.message if failure else ""


@pytest.mark.parametrize("drill", [BATCHNORM, LAYERNORM])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_right_answers_pass_on_square_inputs(drill: str, seed: int) -> None:
    assert _grade(drill, _norm_source(drill), _square_norm_cases(seed, 4)) == ("passed", "")


# each slip as candidates write it: the statistics' vector without keepdims (batch norm:
# a (n,) row where a column was meant), the layer-norm one turned into a column by [:, None]
SLIPS = [
    (
        BATCHNORM,
        {"mu": "X.mean(axis=1)", "std": "np.sqrt(X.var(axis=1) + eps)"},
        "the mean and standard deviation of each row were applied along the other axis",
    ),
    (BATCHNORM, {"mu": "X.mean(axis=1)"}, "the mean of each row was applied along the other"),
    (
        BATCHNORM,
        {"std": "np.sqrt(X.var(axis=1) + eps)"},
        "the standard deviation of each row was applied along the other axis",
    ),
    (
        LAYERNORM,
        {"mu": "X.mean(axis=0)[:, None]", "std": "np.sqrt(X.var(axis=0) + eps)[:, None]"},
        "the mean and standard deviation of each column were applied along the other axis",
    ),
    (
        LAYERNORM,
        {"out": "gamma.ravel() * x_hat + beta.ravel()"},
        "gamma and beta were laid along the examples",
    ),
    (BATCHNORM, {"out": "gamma.T * x_hat + beta.T"}, "gamma and beta were laid along the"),
    (
        LAYERNORM,
        {"dgamma": "(dout * x_hat).sum(axis=0, keepdims=True)"},
        "dgamma has shape (1, 4): it was summed over the features (axis 0)",
    ),
    (
        BATCHNORM,
        {"dbeta": "dout.sum(axis=0, keepdims=True)"},
        "dbeta has shape (1, 4): it was summed over the features (axis 0)",
    ),
]


@pytest.mark.parametrize(("drill", "slips", "phrase"), SLIPS)
@pytest.mark.parametrize("seed", [0, 3])
def test_a_slip_along_the_other_axis_is_named_on_a_square_input(
    drill: str, slips: dict[str, str], phrase: str, seed: int
) -> None:
    status, message = _grade(drill, _norm_source(drill, **slips), _square_norm_cases(seed, 4))
    assert status == "failed"
    assert phrase in message
    if "applied along" in phrase or "laid along" in phrase:
        assert "X is square here (4 x 4)" in message


def test_a_transposed_dbeta_on_a_square_input_is_not_called_a_features_sum() -> None:
    # the right sums returned as a row: a transpose, which the shape message already says
    source = _norm_source(BATCHNORM, dbeta="dout.sum(axis=1, keepdims=True).T")
    status, message = _grade(BATCHNORM, source, _square_norm_cases(0, 4))
    assert status == "failed"
    assert "(a column here, one row for each of the n features: got (1, n), a row)" in message
    assert "summed over the features" not in message


L2_SOURCE = """
import numpy as np

def l2_penalty_and_grads(params, lam, m):
    penalty = 0.0
    grads = {{}}
    for key, value in params.items():
        if key.startswith("W"):
            penalty = penalty + {term}
            grads[key] = lam / m * value
        else:
            grads[key] = np.zeros_like(value)
    return lam / (2 * m) * penalty, grads
"""


def _l2_cases(seed: int, widths: list[list[int]]) -> list[Case]:
    rng = np.random.default_rng(seed)
    out = []
    for i, sizes in enumerate(widths, 1):
        net: dict[str, Any] = {}
        for layer in range(1, len(sizes)):
            net[f"W{layer}"] = gen.normal(rng, (sizes[layer], sizes[layer - 1]), 1.0)
            net[f"b{layer}"] = gen.normal(rng, (sizes[layer], 1), 1.0)
        inputs = call_inputs("l2_penalty_and_grads", net, 0.3, 7)
        out.append(Case(f"case {i}: {sizes}", inputs, "", private={"numeric": False}))
    return out


@pytest.mark.parametrize(
    ("term", "widths", "phrase"),
    [
        ("np.sum(value**2, axis=0)", [[4, 4, 4]], "one per column: each layer's squares were "),
        ("np.sum(value**2, axis=1)", [[4, 4, 4]], "one per row: each layer's squares were "),
        # W1 (5, 3) and W2 (5, 5): only the row sums add up
        ("np.sum(value**2, axis=1)", [[3, 5, 5]], "summed over axis 1 only, np.sum(W**2, axis=1)"),
        ("(value**2).sum(0)", [[4, 4]], "summed over axis 0 only"),
    ],
)
@pytest.mark.parametrize("seed", [0, 1])
def test_an_l2_penalty_per_axis_is_named_when_the_layers_fit(
    term: str, widths: list[list[int]], phrase: str, seed: int
) -> None:
    status, message = _grade(L2, L2_SOURCE.format(term=term), _l2_cases(seed, widths))
    assert status == "failed"
    assert phrase in message
    assert "added up with no error" in message


def test_an_l2_penalty_right_passes_on_layers_of_equal_widths() -> None:
    source = L2_SOURCE.format(term="np.sum(value**2)")
    assert _grade(L2, source, _l2_cases(0, [[4, 4, 4], [3, 5, 5]])) == ("passed", "")


def test_an_array_that_is_no_per_axis_sum_is_not_named() -> None:
    net = {"W1": np.arange(4.0).reshape(2, 2) + 1.0, "b1": np.zeros((2, 1))}
    assert per_axis_penalty_array(net, np.array([3.0, 1.0])) == ""  # sums: 10, 20 and 5, 25
    assert per_axis_penalty_array(net, np.sum(net["W1"] ** 2, axis=1)) != ""
    assert per_axis_penalty_array(net, np.array([[1.0, 2.0]])) == ""  # 2-D: not this slip


def test_the_error_reading_says_both_axes_when_the_sizes_cannot_tell() -> None:
    from engine.checkers.deep.regularization import _per_axis_penalty

    # W1 (5, 4) and W2 (4, 5): axis 0 gives (4,) and (5,), axis 1 (5,) and (4,)
    net = {"W1": np.ones((5, 4)), "b1": np.zeros((5, 1)), "W2": np.ones((4, 5))}
    case = Case("c", call_inputs("l2_penalty_and_grads", net, 0.1, 3), "")
    error = "ValueError: operands could not be broadcast together with shapes (4,) (5,) "
    message = _per_axis_penalty(case, error)
    assert "summed over one axis only" in message
    assert "which one cannot be told" in message


def test_dx_summed_over_the_other_axis_is_named_on_a_square_input() -> None:
    source = (
        _norm_source(BATCHNORM)
        .replace("g.mean(axis=1, keepdims=True)", "g.mean(axis=0, keepdims=True)")
        .replace(
            "(g * x_hat).mean(axis=1, keepdims=True)", "(g * x_hat).mean(axis=0, keepdims=True)"
        )
    )
    status, message = _grade(BATCHNORM, source, _square_norm_cases(1, 4))
    assert status == "failed"
    assert "the sums in dX run over axis 0; they run over axis 1" in message
