"""The checker registry, the signatures cards rely on, replay, and what the child may see."""

from __future__ import annotations

import ast
import sys
from typing import Any

import numpy as np
import pytest

from engine.checkers import CheckerNotFoundError, get_checker
from engine.checkers.base import HARNESS_DIR, Checker, harness_sources
from engine.grade_inprocess import grade_inprocess
from engine.harnesses.gradcheck import make_function, make_gradient
from engine.nn.gradcheck import numerical_gradient
from tests.engine.answer_files import DRILLS

# the neural-networks drill catalog: entry -> parameter names (defaults checked separately)
CATALOG: dict[str, dict[str, tuple[str, ...]]] = {
    "nn.activations.sigmoid": {"sigmoid": ("z",)},
    "nn.activations.sigmoid_grad": {"sigmoid_grad": ("z",)},
    "nn.activations.relu_family": {
        "relu": ("z",),
        "relu_grad": ("z",),
        "leaky_relu": ("z", "alpha"),
        "elu": ("z", "alpha"),
    },
    "nn.softmax.softmax": {"softmax": ("z",)},
    "nn.softmax.cross_entropy": {"cross_entropy": ("y_hat", "y")},
    "nn.backprop.two_layer": {"two_layer_loss_and_grads": ("X", "Y", "params")},
    "nn.optim.sgd_step": {"sgd_step": ("theta", "grad", "lr")},
    "nn.optim.momentum_step": {"momentum_step": ("theta", "grad", "v", "lr", "beta")},
    "nn.optim.adam_step": {
        "adam_step": ("theta", "grad", "m", "v", "t", "lr", "beta1", "beta2", "eps")
    },
    "nn.batchnorm.batchnorm": {
        "batchnorm_forward": ("X", "gamma", "beta", "eps"),
        "batchnorm_backward": ("dout", "cache"),
    },
    "nn.dropout.dropout": {
        "dropout_forward": ("A", "keep_prob", "rng"),
        "dropout_backward": ("dout", "mask", "keep_prob"),
    },
    "nn.init.initializers": {
        "he_init": ("n_in", "n_out", "rng"),
        "xavier_init": ("n_in", "n_out", "rng"),
    },
    "nn.approx.xor_network": {"xor_params": ()},
    "nn.approx.approximate_sine": {"sine_params": ()},
    "nn.gradcheck.numerical_gradient": {"numerical_gradient": ("f", "x", "eps")},
    "nn.gradcheck.gradient_check": {"gradient_check": ("f", "grad_f", "x", "eps", "threshold")},
    "nn.minibatch.random_mini_batches": {"random_mini_batches": ("X", "Y", "batch_size", "rng")},
    # architectures pack
    "arch.conv.conv2d_forward": {"conv2d_forward": ("x", "w", "b", "stride", "pad")},
    "arch.conv.conv2d_backward": {"conv2d_backward": ("dout", "x", "w", "b", "stride", "pad")},
    "arch.pooling.maxpool": {
        "maxpool_forward": ("x", "size", "stride"),
        "maxpool_backward": ("dout", "x", "size", "stride"),
    },
    "arch.recurrent.lstm_cell": {
        "lstm_cell_forward": ("x", "h_prev", "c_prev", "W", "b"),
        "lstm_cell_backward": ("dh", "dc", "cache"),
    },
    "arch.attention.attention": {"scaled_dot_product_attention": ("Q", "K", "V", "mask")},
    "arch.attention.multi_head_attention": {
        "multi_head_attention": ("X", "Wq", "Wk", "Wv", "Wo", "n_heads", "causal")
    },
    "arch.embedding.embedding": {
        "embedding_forward": ("W", "ids"),
        "embedding_backward": ("dout", "ids", "vocab_size"),
    },
    "arch.embedding.positional_encoding": {"sinusoidal_encoding": ("T", "d")},
    # deep-training pack
    "deep.optim.rmsprop_step": {"rmsprop_step": ("theta", "grad", "s", "lr", "rho", "eps")},
    "deep.optim.adamw_step": {
        "adamw_step": (
            "theta",
            "grad",
            "m",
            "v",
            "t",
            "lr",
            "beta1",
            "beta2",
            "eps",
            "weight_decay",
        )
    },
    "deep.clipping.clip_grad_norm": {"clip_grad_norm": ("grads", "max_norm")},
    "deep.schedules.warmup_cosine_lr": {
        "warmup_cosine_lr": ("step", "base_lr", "warmup_steps", "total_steps", "min_lr")
    },
    "deep.layernorm.layernorm": {
        "layernorm_forward": ("X", "gamma", "beta", "eps"),
        "layernorm_backward": ("dout", "cache"),
    },
    "deep.losses.bce_with_logits": {"bce_with_logits": ("z", "y")},
    "deep.losses.smoothed_cross_entropy": {
        "smoothed_cross_entropy": ("logits", "labels", "smoothing")
    },
    "deep.regularization.l2_penalty_and_grads": {"l2_penalty_and_grads": ("params", "lam", "m")},
}
DEFAULTS: dict[tuple[str, str], dict[str, float]] = {
    ("nn.activations.relu_family", "leaky_relu"): {"alpha": 0.01},
    ("nn.activations.relu_family", "elu"): {"alpha": 1.0},
    ("nn.optim.momentum_step", "momentum_step"): {"beta": 0.9},
    ("nn.optim.adam_step", "adam_step"): {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8},
    ("nn.batchnorm.batchnorm", "batchnorm_forward"): {"eps": 1e-5},
    ("nn.gradcheck.numerical_gradient", "numerical_gradient"): {"eps": 1e-5},
    ("nn.gradcheck.gradient_check", "gradient_check"): {"eps": 1e-5, "threshold": 1e-7},
    ("arch.conv.conv2d_forward", "conv2d_forward"): {"stride": 1, "pad": 0},
    ("arch.conv.conv2d_backward", "conv2d_backward"): {"stride": 1, "pad": 0},
    ("arch.pooling.maxpool", "maxpool_forward"): {"size": 2, "stride": 2},
    ("arch.pooling.maxpool", "maxpool_backward"): {"size": 2, "stride": 2},
    ("arch.attention.multi_head_attention", "multi_head_attention"): {"causal": False},
    ("deep.optim.rmsprop_step", "rmsprop_step"): {"lr": 1e-3, "rho": 0.9, "eps": 1e-8},
    ("deep.optim.adamw_step", "adamw_step"): {
        "lr": 1e-3,
        "beta1": 0.9,
        "beta2": 0.999,
        "eps": 1e-8,
        "weight_decay": 1e-2,
    },
    ("deep.schedules.warmup_cosine_lr", "warmup_cosine_lr"): {"min_lr": 0.0},
    ("deep.layernorm.layernorm", "layernorm_forward"): {"eps": 1e-5},
    ("deep.losses.smoothed_cross_entropy", "smoothed_cross_entropy"): {"smoothing": 0.1},
}
NAMES = sorted(CATALOG)
STRICT = {
    "nn.activations.sigmoid",
    "nn.activations.sigmoid_grad",
    "nn.activations.relu_family",  # ELU's exp must not overflow, even in a discarded branch
    "nn.softmax.softmax",
    "nn.softmax.cross_entropy",
    "deep.losses.bce_with_logits",
    "deep.losses.smoothed_cross_entropy",
    "arch.attention.attention",
    "arch.attention.multi_head_attention",  # the same promise as one head's, forty-third round
}


def test_the_catalog_and_the_answer_folders_name_the_same_checkers() -> None:
    assert sorted(DRILLS.values()) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_checker_is_found_by_its_dotted_name(name: str) -> None:
    checker = get_checker(name)
    assert isinstance(checker, Checker)
    assert checker.name == name
    assert checker.signatures() == CATALOG[name]
    assert checker.entries == tuple(CATALOG[name])
    assert checker.fp_strict == (name in STRICT)
    assert (HARNESS_DIR / f"{checker.harness}.py").is_file()


def test_reference_defaults_match_the_catalog() -> None:
    import inspect

    for (name, entry), defaults in DEFAULTS.items():
        params = inspect.signature(get_checker(name).reference()[entry]).parameters
        assert {k: params[k].default for k in defaults} == defaults


def test_unknown_checkers_are_reported() -> None:
    for bad in ("nn.optim.nesterov", "nn.nothing.here", "plain"):
        with pytest.raises(CheckerNotFoundError):
            get_checker(bad)


@pytest.mark.parametrize("name", NAMES)
def test_reference_passes_for_several_seeds(name: str) -> None:
    checker = get_checker(name)
    for seed in (0, 1, 2, 12345, 2**40 + 3):
        verdict = grade_inprocess(checker, checker.reference(), seed=seed)
        assert verdict.passed, verdict.summary
        assert 1 <= len(verdict.cases) <= 15


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.dtype == b.dtype and np.array_equal(a, b)
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return type(a) is type(b) and len(a) == len(b) and all(map(_same, a, b))
    return type(a) is type(b) and bool(a == b)


@pytest.mark.parametrize("name", NAMES)
def test_the_same_seed_replays_the_same_cases(name: str) -> None:
    checker = get_checker(name)
    first = checker.make_cases(np.random.default_rng(99), {})
    again = checker.make_cases(np.random.default_rng(99), {})
    other = checker.make_cases(np.random.default_rng(100), {})
    assert [c.name for c in first] == [c.name for c in again]
    assert all(
        _same(a.inputs, b.inputs) and a.describe == b.describe
        for a, b in zip(first, again, strict=True)
    )
    if name not in ("nn.approx.xor_network", "nn.approx.approximate_sine"):
        assert not all(_same(a.inputs, b.inputs) for a, b in zip(first, other, strict=False))


def _plain(value: Any) -> bool:
    """The Case contract: ndarrays of kind b/i/u/f, numbers, bools, strings, containers."""
    if isinstance(value, np.ndarray):
        return value.dtype.kind in "biuf"
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return all(_plain(v) for v in value)
    return type(value) in (int, float, bool, str)


@pytest.mark.parametrize("name", NAMES)
def test_case_inputs_are_plain_data(name: str) -> None:
    for case in get_checker(name).make_cases(np.random.default_rng(5), {}):
        assert _plain(case.inputs), case.name


def test_gradient_check_cases_do_not_tell_the_child_which_gradient_is_planted() -> None:
    cases = get_checker("nn.gradcheck.gradient_check").make_cases(np.random.default_rng(1), {})
    variants = {c.private["variant"].partition(":")[0] for c in cases}
    assert {"correct", "scaled", "transposed", "missing", "tiny"} <= variants
    for case in cases:
        assert set(case.inputs) <= {"fn", "coef", "gcoef", "x", "eps", "threshold"}
        assert set(case.inputs["gcoef"]) == {"A", "B", "D", "E", "H"}
        assert all(isinstance(v, np.ndarray) for v in case.inputs["gcoef"].values())


def test_the_harness_function_and_its_correct_gradient_agree() -> None:
    rng = np.random.default_rng(4)
    shape = (3, 3)
    q = rng.standard_normal((3, 3))
    coef = {
        "C": rng.standard_normal(shape),
        "S": rng.standard_normal(shape),
        "P": rng.standard_normal(shape),
        "Q": q + q.T,
    }
    gcoef = {"A": coef["C"], "B": coef["S"], "D": coef["P"], "E": np.zeros(shape), "H": coef["Q"]}
    x = rng.standard_normal(shape)
    numeric = numerical_gradient(make_function(coef), x.copy())
    assert np.allclose(make_gradient(gcoef)(x), numeric, rtol=1e-7, atol=1e-8)


def test_harnesses_import_only_numpy_and_the_stdlib() -> None:
    """What the child runs: each harness as shipped, and the helpers shipped beside them."""
    allowed = set(sys.stdlib_module_names) | {"numpy", "__future__"}
    texts = {f"{name}.py": text for name, text in harness_sources().items()}
    for path in sorted(HARNESS_DIR.glob("_*.py")):
        texts[path.name] = path.read_text(encoding="utf-8")
    assert len(texts) > 9
    for name, text in sorted(texts.items()):
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Import):
                roots = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                roots = {(node.module or "").split(".")[0]}
            else:
                continue
            assert roots <= allowed, f"{name} imports {roots - allowed}"


def test_sine_checker_honours_the_card_parameters() -> None:
    checker = get_checker("nn.approx.approximate_sine")
    ref = checker.reference()
    assert grade_inprocess(checker, ref, seed=0).passed
    tight = grade_inprocess(checker, ref, seed=0, params={"tolerance": 0.001})
    assert tight.first_failure is not None and ">= 0.001" in tight.first_failure.message
    few = grade_inprocess(checker, ref, seed=0, params={"max_units": 10})
    assert few.first_failure is not None and "at most 10 are allowed" in few.first_failure.message


JUNK: list[Any] = [
    None,
    "text",
    3,
    2.5,
    True,
    [1.0, 2.0],
    (np.zeros(2), np.zeros(3)),
    [(np.zeros((2, 1)), "y")],
    {"W1": 1, "dW1": np.zeros(2)},
    np.zeros((0,)),
    np.full((2, 2), np.nan),
    np.zeros((3, 3), dtype=np.int64),
    np.ones((1, 1), dtype=bool),
]
KEYS = (
    "out first again other mask out_again mask_again out_other mask_other dA "
    "dX dgamma dbeta grad x_after ok rel_diff"
).split()


@pytest.mark.parametrize("name", NAMES)
def test_judges_explain_junk_instead_of_crashing(name: str) -> None:
    from engine.checkers.base import Outcome
    from engine.verdict import CaseStatus

    checker = get_checker(name)
    for case in checker.make_cases(np.random.default_rng(2), {}):
        for junk in JUNK:
            result = checker.judge(case, Outcome(outputs=dict.fromkeys(KEYS, junk)))
            assert result.status is CaseStatus.FAILED, (case.name, junk)
            assert result.message
        raised = checker.judge(case, Outcome(outputs=None, error="ValueError: boom"))
        assert raised.status is CaseStatus.ERROR and "ValueError: boom" in raised.message


def test_gradient_check_has_a_case_only_a_check_using_its_eps_gets_right() -> None:
    """A correct gradient at a coarse eps: the reference's own central difference disagrees
    with it past the threshold, so ok is False; a check with a fixed small step says True."""
    from engine.checkers.nn.gradcheck import COARSE_EPS
    from engine.nn import gradcheck as ref

    checker = get_checker("nn.gradcheck.gradient_check")
    for seed in range(40):
        cases = checker.make_cases(np.random.default_rng(seed), {})
        (case,) = [c for c in cases if c.private["variant"] == "coarse"]
        inputs = case.inputs
        assert inputs["eps"] == COARSE_EPS and inputs["threshold"] == 1e-5
        f, g = make_function(inputs["coef"]), make_gradient(inputs["gcoef"])
        x = inputs["x"]
        # the ground truth is the reference engine's answer at the case's eps ...
        assert ref.gradient_check(f, g, x.copy(), COARSE_EPS, 1e-5) == (
            case.private["ok"],
            case.private["rel_diff"],
        )
        assert case.private["ok"] is False and case.private["rel_diff"] > 1e-4
        # ... and a fixed 1e-5 step would have found the gradient fine
        assert ref.gradient_check(f, g, x.copy(), 1e-5, 1e-5)[0]


OPTIMIZERS = [
    "nn.optim.sgd_step",
    "nn.optim.adam_step",
    "deep.optim.rmsprop_step",
    "deep.optim.adamw_step",
]


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_the_single_parameter_case_has_a_nonzero_gradient(name: str) -> None:
    """The (1, 1) case (Adam's t=1 first step) must move the parameter; before, the forced
    exact zero of `with_zeros` was the whole gradient, so no first step was ever tested."""
    checker = get_checker(name)
    for seed in range(20):
        cases = checker.make_cases(np.random.default_rng(seed), {})
        (single,) = [c for c in cases if "a single parameter" in c.name]
        grad = single.inputs["args"][1]
        assert grad.shape == (1, 1) and grad[0, 0] != 0.0, (seed, single.name)
        # exact zeros are still covered by the other cases
        others = [c.inputs["args"][1] for c in cases if c is not single]
        assert any(np.any(g == 0.0) for g in others), seed


def test_with_zeros_can_leave_one_entry_and_draws_the_same_numbers() -> None:
    from engine import cases as gen

    for size in (1, 2, 3, 10):
        a = np.arange(1.0, size + 1.0)
        plain = gen.with_zeros(np.random.default_rng(5), a, 1.0)
        kept_rng = np.random.default_rng(5)
        kept = gen.with_zeros(kept_rng, a, 1.0, keep_nonzero=True)
        assert np.all(plain == 0.0)  # every entry chosen
        assert np.count_nonzero(kept) == 1
        after = np.random.default_rng(5)
        after.choice(size, size=size, replace=False)
        assert kept_rng.random() == after.random()  # the stream goes on as before
