"""The (answer, seed) pairs that the sweep over seeds 30-89 found named another mistake (or
passed a wrong answer), graded on those seeds: each must fail and be named as its file
promises. test_answers tries seeds 0, 1 and 7 only, and the whole sweep is too slow for the
suite; the case generators' guarantees are checked on every one of the 90 seeds."""

from __future__ import annotations

import numpy as np
import pytest

from engine import cases as gen
from engine.checkers import get_checker
from tests.engine.answer_files import ANSWERS, DRILLS, answers
from tests.engine.sweep_answers import sweep

FOUND = [
    # beta1**t had faded by t = 22-30: only-m-corrected (or v corrected with beta1) looked
    # uncorrected, and a gradient of one sign made abs(grad) the plain gradient
    ("adam-step", "wrong_only_m_corrected", (81, 82, 86)),
    ("adam-step", "wrong_v_hat_with_beta1", (38, 41, 52, 81, 82, 86)),
    ("adam-step", "wrong_abs_grad_in_v", (78,)),
    # Keras's eps at the defaults moves theta by as little as a decay after the step does
    ("adamw-step", "wrong_keras_default_eps", (32, 39)),
    # E[x**2] - E[x]**2 in float32 cancels past float32's 7 digits when the mean is large
    ("batchnorm", "wrong_var_of_squares_float32", (37, 38, 47, 56, 60, 62, 65, 68, 77, 78, 81, 89)),
    ("batchnorm", "wrong_float32_statistics", (56,)),
    ("bce-with-logits", "wrong_guard_inside_log", (53,)),
    # no forward case held id 0: a lookup clipped to [1, V - 1] passed
    ("embedding", "wrong_forward_clipped_ids", (32, 39, 45, 58, 61, 62, 63)),
    ("layernorm", "wrong_float32_cache", (51, 61, 80, 84)),
    # a 2 x 2 relu_grad case with no positive entry (relu(z) passed) or none negative
    # (np.sign passed); max(z, alpha) lifts a tiny positive z to alpha too
    ("relu-family", "wrong_grad_is_relu", (30,)),
    ("relu-family", "wrong_grad_sign", (34,)),
    ("relu-family", "wrong_leaky_max_with_alpha", (51, 87)),
    # one float32 value lay within the tolerance of a one-sided difference
    ("sigmoid-grad", "wrong_float32_stable", (72,)),
]


@pytest.mark.parametrize(("drill", "stem", "seeds"), FOUND, ids=[f"{d}/{s}" for d, s, _ in FOUND])
def test_the_found_pairs_get_their_promise(drill: str, stem: str, seeds: tuple[int, ...]) -> None:
    answer = next(a for a in answers() if a.path == ANSWERS / drill / f"{stem}.py")
    assert list(sweep([answer], seeds)) == []


def test_a_gradient_of_one_sign_gets_one_entry_flipped() -> None:
    a = np.array([[0.5, 0.0, 2.0], [0.1, 3.0, 0.0]])
    out = gen.with_both_signs(a)
    assert out[1, 0] == -0.1 and np.array_equal(np.abs(out), a)
    assert np.array_equal(gen.with_both_signs(-a), -out)
    mixed = np.array([1.0, -2.0, 3.0])
    assert np.array_equal(gen.with_both_signs(mixed), mixed)
    assert np.array_equal(gen.with_both_signs(np.array([[0.7]])), [[0.7]])  # one entry: as is


@pytest.mark.parametrize("drill", ["adam-step", "adamw-step", "rmsprop-step"])
def test_the_first_case_of_adam_family_has_both_signs(drill: str) -> None:
    checker = get_checker(DRILLS[drill])
    for seed in range(90):
        first = checker.make_cases(gen.case_seed_rng(seed), {})[0]
        grad = first.inputs["args"][1]
        assert np.any(grad > 0) and np.any(grad < 0), f"seed {seed}"
        if drill == "adam-step":
            assert 3 <= first.inputs["args"][4] <= 6, f"seed {seed}"


def test_each_sign_and_a_zero_are_made_only_where_missing() -> None:
    assert np.array_equal(gen.with_each_sign(np.array([-1.0, 0.0, 3.0])), [-1.0, 0.0, 3.0])
    out = gen.with_each_sign(np.array([[0.0, -0.5], [-3.0, -0.5]]))
    assert out.tolist() == [[0.0, -0.5], [3.0, -0.5]]
    assert sorted(gen.with_each_sign(np.zeros(3)).tolist()) == [-2.5, 0.0, 2.5]
    assert sorted(gen.with_each_sign(np.array([2.0, 5.0, 0.5])).tolist()) == [-5.0, 0.0, 2.0]


def test_every_mixed_relu_family_case_holds_each_sign() -> None:
    checker = get_checker(DRILLS["relu-family"])
    for seed in range(90):
        for case in checker.make_cases(gen.case_seed_rng(seed), {})[:9]:
            z = case.inputs["args"][0]
            drawn_mixed = "exact zeros" in case.name or case.name.endswith("alpha")
            if drawn_mixed or "alpha=" in case.name and "magnitudes" not in case.name:
                assert np.any(z > 0) and np.any(z < 0) and np.any(z == 0), case.name


def test_the_first_embedding_lookup_holds_both_ends_of_the_vocabulary() -> None:
    checker = get_checker(DRILLS["embedding"])
    for seed in range(90):
        W, ids = checker.make_cases(gen.case_seed_rng(seed), {})[0].inputs["args"]
        assert {0, W.shape[0] - 1} <= set(ids.tolist()), f"seed {seed}"
