"""The deep-training pack: its cards, its references checked independently, and its edge cases.

The answer files (tests/data/answers/<drill>/) are graded by test_answers.py in-process and
by test_deep_training_sandbox.py through the sandbox; here the references themselves are
checked against numerical gradients and hand-computed values, so a checker cannot pass a
wrong reference, and the case generators are shown to produce the edge cases they claim.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable

import numpy as np
import pytest

from engine.checkers import get_checker
from engine.checkers.base import Case
from engine.deep import clipping, layernorm, losses, optim, regularization, schedules
from engine.grade_inprocess import grade_inprocess
from engine.nn import optim as nn_optim
from engine.nn.gradcheck import numerical_gradient
from quiz.bank.loader import load_bank
from quiz.bank.models import Card, ChoiceFront, CodingFront, ConceptFront
from tests.conftest import DATA, REPO, RunDrillbit

PACK = "deep-training"
DRILLS = {
    "rmsprop-step": "deep.optim.rmsprop_step",
    "adamw-step": "deep.optim.adamw_step",
    "clip-grad-norm": "deep.clipping.clip_grad_norm",
    "warmup-cosine": "deep.schedules.warmup_cosine_lr",
    "layernorm": "deep.layernorm.layernorm",
    "bce-with-logits": "deep.losses.bce_with_logits",
    "label-smoothing": "deep.losses.smoothed_cross_entropy",
    "weight-decay-l2": "deep.regularization.l2_penalty_and_grads",
}
"""The deep-training pack's drill catalog: drill id -> checker."""


def _pack_cards() -> list[Card]:
    bank = load_bank([REPO / "content"], use_cache=False)
    assert not bank.problems, bank.problems
    return [card for card in bank.cards if card.pack == PACK]


# ----------------------------------------------------------------------- content


def test_the_pack_has_the_cards_the_issue_asks_for() -> None:
    cards = _pack_cards()
    kinds = Counter(card.kind for card in cards)
    assert len(cards) >= 36
    assert kinds["concept"] >= 12
    assert kinds["choice"] + kinds["numeric"] >= 16
    coding = {c.id: c.front.checker for c in cards if isinstance(c.front, CodingFront)}
    assert coding == DRILLS


def test_concept_cards_have_a_rubric_and_every_card_cites_a_source() -> None:
    for card in _pack_cards():
        front = card.front
        assert len(front.source) > 10, card.id
        if isinstance(front, ConceptFront):
            assert 3 <= len(front.key_points) <= 7


def test_the_right_choice_is_not_always_in_the_same_place() -> None:
    positions: list[int] = []
    for card in _pack_cards():
        front = card.front
        if isinstance(front, ChoiceFront):
            answer = front.answer
            positions.extend(answer if isinstance(answer, tuple) else (answer,))
    assert len(set(positions)) >= 4, positions


def test_drillbit_list_shows_the_pack(drillbit: RunDrillbit) -> None:
    result = drillbit("list", "--kind", "coding", "--json")
    assert result.returncode == 0, result.stderr
    listed = {row["id"] for row in json.loads(result.stdout)["cards"] if row["pack"] == PACK}
    assert listed == set(DRILLS)


@pytest.mark.parametrize(
    ("drill", "answer", "code", "phrase"),
    [
        ("clip-grad-norm", "correct_concatenate_min.py", 0, "PASSED"),
        ("adamw-step", "wrong_l2_in_gradient.py", 1, "L2 regularization inside Adam"),
    ],
)
def test_drillbit_grade_runs_the_new_drills(
    drill: str, answer: str, code: int, phrase: str, drillbit: RunDrillbit
) -> None:
    result = drillbit("grade", drill, str(DATA / "answers" / drill / answer), "--seed", "5")
    assert result.returncode == code, result.stdout + result.stderr
    assert phrase in result.stdout


# ------------------------------------------------------------ references, checked


def test_the_references_pass_their_own_checkers_on_many_seeds() -> None:
    for name in DRILLS.values():
        checker = get_checker(name)
        for seed in range(100, 112):
            verdict = grade_inprocess(checker, checker.reference(), seed=seed)
            assert verdict.passed, (name, seed, verdict.summary)


def test_adamw_without_decay_is_adam_and_decay_only_shrinks_theta() -> None:
    rng = np.random.default_rng(0)
    theta, grad = rng.standard_normal((3, 4)), rng.standard_normal((3, 4))
    m, v = rng.standard_normal((3, 4)), rng.standard_normal((3, 4)) ** 2
    adam = nn_optim.adam_step(theta, grad, m, v, 7, 0.01, 0.9, 0.99, 1e-8)
    plain = optim.adamw_step(theta, grad, m, v, 7, 0.01, 0.9, 0.99, 1e-8, 0.0)
    decayed = optim.adamw_step(theta, grad, m, v, 7, 0.01, 0.9, 0.99, 1e-8, 0.5)
    for a, b in zip(adam, plain, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-15)
    np.testing.assert_allclose(decayed[0], plain[0] - 0.01 * 0.5 * theta, rtol=1e-12)
    np.testing.assert_array_equal(decayed[1], plain[1])  # the moments never see the decay


def test_rmsprop_first_step_is_lr_over_root_of_one_minus_rho() -> None:
    theta = np.zeros(3)
    grad = np.array([5.0, -0.2, 1e3])
    new, s = optim.rmsprop_step(theta, grad, np.zeros(3), lr=0.01, rho=0.9, eps=0.0)
    np.testing.assert_allclose(np.abs(new), 0.01 / math.sqrt(0.1), rtol=1e-14)
    np.testing.assert_allclose(s, 0.1 * grad**2)


def test_clipping_keeps_the_direction_and_reports_the_norm_before() -> None:
    grads = [np.array([[3.0]]), np.array([0.0, 4.0])]
    clipped, total = clipping.clip_grad_norm(grads, 1.0)
    assert total == 5.0
    np.testing.assert_allclose(clipped[0], [[0.6]])
    np.testing.assert_allclose(clipped[1], [0.0, 0.8])
    same, total = clipping.clip_grad_norm(grads, 5.0)  # exactly at max_norm: unchanged
    assert total == 5.0 and all(a is not b for a, b in zip(same, grads, strict=True))
    assert all(np.array_equal(a, b) for a, b in zip(same, grads, strict=True))


def test_the_starters_constant_rate_is_named_in_every_case_not_a_warm_restart() -> None:
    """The starter returns base_lr at every step. In the runs with no decay of two steps
    (warmup_steps == total_steps, a single step in total) it read "wrong rate", or a warm
    restart with a one-step cycle, whose every step sits at p = 0."""
    checker = get_checker(DRILLS["warmup-cosine"])

    def constant(step: int, base_lr: float, *_: float) -> float:
        return base_lr

    def restarting(step: int, base_lr: float, warmup: int, total: int, floor: float = 0.0) -> float:
        if step < warmup:
            return base_lr * (step + 1) / warmup
        p = (step - warmup) % (total - warmup + 1) / max(1, total - warmup)
        return floor + (base_lr - floor) * (1 + math.cos(math.pi * p)) / 2

    for seed in (3, 4, 5):
        verdict = grade_inprocess(checker, {"warmup_cosine_lr": constant}, seed=seed)
        for case in verdict.cases:
            assert case.message and "at every step" in case.message, (case.name, case.message)
            assert "warm restart" not in case.message, (case.name, case.message)
    restarts = grade_inprocess(checker, {"warmup_cosine_lr": restarting}, seed=3)
    assert any("warm restart" in (c.message or "") for c in restarts.cases), restarts.cases


def test_the_schedule_at_its_boundaries() -> None:
    lr = schedules.warmup_cosine_lr
    assert lr(0, 0.1, 10, 100) == pytest.approx(0.01)
    assert lr(9, 0.1, 10, 100) == pytest.approx(0.1)  # warmup ends at base_lr
    assert lr(10, 0.1, 10, 100) == pytest.approx(0.1)  # cosine starts at base_lr
    assert lr(55, 0.1, 10, 100, 0.02) == pytest.approx(0.06)  # halfway: the mean of the two
    assert lr(100, 0.1, 10, 100, 0.02) == pytest.approx(0.02)
    assert lr(10_000, 0.1, 10, 100, 0.02) == pytest.approx(0.02)  # past the end: the floor
    assert lr(0, 0.1, 0, 100) == pytest.approx(0.1)  # no warmup
    # warmup_steps == total_steps: p = 0 at the first step after warmup, then 1
    assert lr(5, 0.1, 5, 5, 0.01) == pytest.approx(0.1)
    assert lr(6, 0.1, 5, 5, 0.01) == pytest.approx(0.01)


def _layernorm_loss(
    which: str, values: dict[str, np.ndarray], dout: np.ndarray, eps: float
) -> Callable[[np.ndarray], float]:
    def f(x: np.ndarray) -> float:
        args = dict(values, **{which: x})
        out, _ = layernorm.layernorm_forward(args["X"], args["gamma"], args["beta"], eps)
        return float(np.sum(dout * out))

    return f


def test_layernorm_backward_matches_a_numerical_gradient() -> None:
    rng = np.random.default_rng(3)
    values = {
        "X": rng.standard_normal((5, 3)) * 3 + 1,
        "gamma": rng.standard_normal((5, 1)),
        "beta": rng.standard_normal((5, 1)),
    }
    dout = rng.standard_normal((5, 3))
    out, cache = layernorm.layernorm_forward(values["X"], values["gamma"], values["beta"], 1e-3)
    np.testing.assert_allclose(
        ((out - values["beta"]) / values["gamma"]).mean(axis=0), 0.0, atol=1e-12
    )  # each example is centred over its features
    grads = dict(
        zip(("X", "gamma", "beta"), layernorm.layernorm_backward(dout, cache), strict=True)
    )
    for which, got in grads.items():
        f = _layernorm_loss(which, values, dout, 1e-3)
        expected = numerical_gradient(f, values[which].copy())
        np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-8)


def test_bce_is_stable_and_its_gradient_matches_a_numerical_one() -> None:
    z = np.array([[-1e4, -30.0, -1.0, 0.0], [0.5, 2.0, 40.0, 1e4]])
    y = np.array([[1.0, 0.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0]])
    with np.errstate(all="raise", under="ignore"):
        loss, dz = losses.bce_with_logits(z, y)
    naive = np.mean(np.maximum(z, 0) - z * y + np.log(1 + np.exp(-np.abs(z))))
    assert loss == pytest.approx(naive, rel=1e-12)
    assert losses.bce_with_logits(np.zeros(1), np.ones(1))[0] == pytest.approx(math.log(2))
    moderate = np.array([[-1.0, 0.3], [2.0, -0.5]])
    labels = np.array([[1.0, 0.0], [0.0, 1.0]])
    numeric = numerical_gradient(lambda x: losses.bce_with_logits(x, labels)[0], moderate.copy())
    np.testing.assert_allclose(losses.bce_with_logits(moderate, labels)[1], numeric, rtol=1e-7)


def test_label_smoothing_targets_loss_and_gradient() -> None:
    labels = np.array([2, 0, 2])
    q = losses.smoothed_targets(labels, 4, 0.2)
    np.testing.assert_allclose(q.sum(axis=0), 1.0)
    assert q[2, 0] == pytest.approx(0.85) and q[1, 0] == pytest.approx(0.05)
    logits = np.random.default_rng(1).standard_normal((4, 3))
    plain, _ = losses.smoothed_cross_entropy(logits, labels, 0.0)
    logp = losses.log_softmax(logits)
    assert plain == pytest.approx(-logp[labels, np.arange(3)].mean())
    numeric = numerical_gradient(
        lambda x: losses.smoothed_cross_entropy(x, labels, 0.2)[0], logits.copy()
    )
    _, d = losses.smoothed_cross_entropy(logits, labels, 0.2)
    np.testing.assert_allclose(d, numeric, rtol=1e-7, atol=1e-10)
    with np.errstate(all="raise", under="ignore"):
        loss, d = losses.smoothed_cross_entropy(np.array([[1e4], [-1e4]]), np.array([1]), 0.1)
    assert loss == pytest.approx(0.95 * 2e4 + 0.05 * 0.0)
    assert np.isfinite(d).all()


def test_the_l2_penalty_leaves_biases_alone() -> None:
    params = {"W1": np.array([[1.0, 2.0]]), "b1": np.array([[5.0]]), "W2": np.array([[3.0]])}
    penalty, grads = regularization.l2_penalty_and_grads(params, 0.5, 2)
    assert penalty == pytest.approx(0.5 / 4 * 14)
    assert list(grads) == list(params)
    np.testing.assert_allclose(grads["W1"], [[0.25, 0.5]])
    np.testing.assert_array_equal(grads["b1"], [[0.0]])


# ------------------------------------------------------------- the cases we claim


def _cases(name: str, seed: int = 0) -> list[Case]:
    return list(get_checker(name).make_cases(np.random.default_rng(seed), {}))


def test_the_generators_include_the_edge_cases() -> None:
    warm = [c.inputs for c in _cases(DRILLS["warmup-cosine"])]
    assert any(i["args"][1] == 0 for i in warm)  # warmup_steps = 0
    assert all(max(i["steps"]) > i["args"][2] for i in warm)  # every run goes past total_steps
    clip = _cases(DRILLS["clip-grad-norm"])
    exact = [c for c in clip if "exactly" in c.name]
    grads, max_norm = exact[0].inputs["args"]
    assert clipping.global_norm(grads) == max_norm
    assert any(g.size == 1 for c in clip for g in c.inputs["args"][0])
    ln = [c.inputs["X"].shape for c in _cases(DRILLS["layernorm"])]
    assert any(m == 1 for _, m in ln) and any(n == 2 for n, _ in ln)
    bce = [c.inputs["args"][0] for c in _cases(DRILLS["bce-with-logits"])]
    assert max(float(np.abs(z).max()) for z in bce) > 5e3
    assert any(z.ndim == 3 for z in bce) and any(z.shape == (1,) for z in bce)
    ls = [c.inputs["args"] for c in _cases(DRILLS["label-smoothing"])]
    assert any(len(a) == 3 and a[2] == 0.0 for a in ls) and any(len(a) == 2 for a in ls)
    assert max(float(np.ptp(a[0], axis=0).max()) for a in ls) > 5e3
    l2 = [c.inputs["args"] for c in _cases(DRILLS["weight-decay-l2"])]
    assert any(a[2] == 1 for a in l2) and any(a[1] == 0.0 for a in l2)
