"""The architectures pack's drills: references against independent loops and numerical
gradients, and every answer file graded through the real sandbox."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pytest

from engine.arch import attention, conv, embedding, pooling, recurrent
from engine.checkers import get_checker
from engine.grade_sandboxed import grade
from engine.nn.gradcheck import numerical_gradient
from engine.sandbox import WorkerPool
from tests.engine.answer_files import DRILLS, Answer, answers
from tests.sandbox.helpers import LIVE_POOLS, shown

ARCH = {drill: name for drill, name in DRILLS.items() if name.startswith("arch.")}
ARCH_ANSWERS = [a for a in answers() if a.drill in ARCH]
ANSWERS_BY_NAME = {f"{a.drill}/{a.path.stem}": a for a in ARCH_ANSWERS}


# ------------------------------------------------------------------ loop versions


def conv_loops(x: np.ndarray, w: np.ndarray, b: np.ndarray, s: int, p: int) -> np.ndarray:
    """The definition of the cross-correlation, one output at a time."""
    n, _, h, wd = x.shape
    f, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    ho, wo = (h + 2 * p - kh) // s + 1, (wd + 2 * p - kw) // s + 1
    out = np.zeros((n, f, ho, wo))
    for a, k, i, j in np.ndindex(n, f, ho, wo):
        out[a, k, i, j] = np.sum(xp[a, :, i * s : i * s + kh, j * s : j * s + kw] * w[k]) + b[k]
    return out


def pool_loops(
    x: np.ndarray, dout: np.ndarray | None, size: int, s: int
) -> tuple[np.ndarray, np.ndarray]:
    """Max pooling and its gradient through np.argmax, one window at a time."""
    n, c, h, w = x.shape
    ho, wo = (h - size) // s + 1, (w - size) // s + 1
    out = np.zeros((n, c, ho, wo))
    dx = np.zeros_like(x)
    for a, k, i, j in np.ndindex(n, c, ho, wo):
        win = x[a, k, i * s : i * s + size, j * s : j * s + size]
        out[a, k, i, j] = win.max()
        if dout is not None:
            u, v = np.unravel_index(np.argmax(win), win.shape)
            dx[a, k, i * s + u, j * s + v] += dout[a, k, i, j]
    return out, dx


GEOMETRIES = [(1, 0, 5, 5, 3, 3), (2, 1, 7, 6, 3, 2), (3, 0, 8, 8, 2, 2), (2, 2, 5, 9, 4, 3)]


@pytest.mark.parametrize(("stride", "pad", "h", "w", "kh", "kw"), GEOMETRIES)
def test_conv_reference_matches_loops_and_numerical_gradients(
    stride: int, pad: int, h: int, w: int, kh: int, kw: int
) -> None:
    rng = np.random.default_rng(h * 100 + w)
    x = rng.standard_normal((2, 3, h, w))
    k = rng.standard_normal((4, 3, kh, kw))
    b = rng.standard_normal(4)
    out = conv.conv2d_forward(x, k, b, stride, pad)
    np.testing.assert_allclose(out, conv_loops(x, k, b, stride, pad), rtol=1e-12, atol=1e-12)
    dout = rng.standard_normal(out.shape)
    grads = conv.conv2d_backward(dout, x, k, b, stride, pad)
    for i, arr in enumerate((x, k, b)):

        def loss(theta: np.ndarray, i: int = i) -> float:
            args = [x, k, b]
            args[i] = theta
            out = conv.conv2d_forward(args[0], args[1], args[2], stride, pad)
            return float(np.sum(dout * out))

        numeric = numerical_gradient(loss, arr.copy())
        np.testing.assert_allclose(grads[i], numeric, rtol=1e-7, atol=1e-8)


@pytest.mark.parametrize(("size", "stride"), [(2, 2), (3, 2), (3, 1), (2, 3), (1, 1)])
def test_pool_reference_matches_loops_on_ties(size: int, stride: int) -> None:
    rng = np.random.default_rng(size * 10 + stride)
    x = rng.integers(-2, 2, size=(2, 2, 7, 8)).astype(np.float64)
    out = pooling.maxpool_forward(x, size, stride)
    dout = rng.standard_normal(out.shape)
    expected_out, expected_dx = pool_loops(x, dout, size, stride)
    np.testing.assert_array_equal(out, expected_out)
    np.testing.assert_allclose(pooling.maxpool_backward(dout, x, size, stride), expected_dx)
    # one index per window: the gradient is conserved even with ties
    assert np.isclose(pooling.maxpool_backward(dout, x, size, stride).sum(), dout.sum())


def test_references_leave_their_inputs_alone() -> None:
    rng = np.random.default_rng(3)
    x, w, b = rng.standard_normal((2, 2, 6, 6)), rng.standard_normal((3, 2, 3, 3)), np.ones(3)
    copies = [a.copy() for a in (x, w, b)]
    dout = rng.standard_normal(conv.conv2d_forward(x, w, b, 2, 1).shape)
    conv.conv2d_backward(dout, x, w, b, 2, 1)
    pooling.maxpool_backward(rng.standard_normal((2, 2, 3, 3)), x, 2, 2)
    for before, after in zip(copies, (x, w, b), strict=True):
        np.testing.assert_array_equal(before, after)


def test_lstm_reference_matches_numerical_gradients() -> None:
    rng = np.random.default_rng(8)
    n, d, m = 3, 2, 4
    values = {
        "x": rng.standard_normal((d, m)),
        "h_prev": rng.standard_normal((n, m)),
        "c_prev": rng.standard_normal((n, m)),
        "W": rng.standard_normal((4 * n, n + d)),
        "b": rng.standard_normal((4 * n, 1)),
    }
    dh, dc = rng.standard_normal((n, m)), rng.standard_normal((n, m))
    _, _, cache = recurrent.lstm_cell_forward(*values.values())
    grads = recurrent.lstm_cell_backward(dh, dc, cache)
    for grad, name in zip(grads, ("x", "h_prev", "c_prev", "W", "b"), strict=True):

        def loss(theta: np.ndarray, name: str = name) -> float:
            v = {**values, name: theta}
            h, c, _ = recurrent.lstm_cell_forward(v["x"], v["h_prev"], v["c_prev"], v["W"], v["b"])
            return float(np.sum(dh * h) + np.sum(dc * c))

        numeric = numerical_gradient(loss, values[name].copy())
        np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-8)


def test_attention_reference_matches_a_loop_with_masks_and_batch_axes() -> None:
    rng = np.random.default_rng(9)
    Q, K, V = (rng.standard_normal(s) for s in ((2, 3, 4), (2, 5, 4), (2, 5, 6)))
    mask = rng.random((3, 5)) < 0.5
    mask[:, 0] = True
    out, weights = attention.scaled_dot_product_attention(Q, K, V, mask)
    for b, i in np.ndindex(2, 3):
        scores = Q[b, i] @ K[b].T / 2.0
        e = np.where(mask[i], np.exp(scores - scores[mask[i]].max()), 0.0)
        np.testing.assert_allclose(weights[b, i], e / e.sum(), rtol=1e-12)
        np.testing.assert_allclose(out[b, i], (e / e.sum()) @ V[b], rtol=1e-12)
    assert np.all(weights[:, ~mask] == 0.0)


@pytest.mark.parametrize("causal", [False, True])
def test_multi_head_reference_matches_one_head_at_a_time(causal: bool) -> None:
    rng = np.random.default_rng(10)
    T, d_model, n_heads = 5, 6, 3
    X = rng.standard_normal((T, d_model))
    Wq, Wk, Wv, Wo = (rng.standard_normal((d_model, d_model)) for _ in range(4))
    dh = d_model // n_heads
    heads = []
    for h in range(n_heads):
        cols = slice(h * dh, (h + 1) * dh)
        mask = np.tril(np.ones((T, T), dtype=bool)) if causal else None
        q, k, v = (X @ Wq)[:, cols], (X @ Wk)[:, cols], (X @ Wv)[:, cols]
        heads.append(attention.scaled_dot_product_attention(q, k, v, mask)[0])
    expected = np.hstack(heads) @ Wo
    got = attention.multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal)
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-12)


def test_embedding_and_encoding_references_follow_their_definitions() -> None:
    rng = np.random.default_rng(11)
    ids = np.array([[1, 2, 1], [0, 1, 1]])
    W = rng.standard_normal((4, 3))
    assert embedding.embedding_forward(W, ids).shape == (2, 3, 3)
    dout = rng.standard_normal((2, 3, 3))
    expected = np.zeros((4, 3))
    for idx in np.ndindex(ids.shape):
        expected[ids[idx]] += dout[idx]
    np.testing.assert_allclose(embedding.embedding_backward(dout, ids, 4), expected)
    pe = embedding.sinusoidal_encoding(7, 6)
    for p, i in np.ndindex(7, 3):
        angle = p / 10000 ** (2 * i / 6)
        assert np.isclose(pe[p, 2 * i], np.sin(angle)) and np.isclose(
            pe[p, 2 * i + 1], np.cos(angle)
        )


# ------------------------------------------------------------------ the sandbox


@pytest.fixture(scope="module")
def arch_pool() -> Iterator[WorkerPool]:
    """Two warm workers for grading every answer back to back."""
    with WorkerPool(size=2) as pool:
        LIVE_POOLS.append(pool)
        yield pool


@pytest.mark.parametrize(
    "answer", ARCH_ANSWERS, ids=[f"{a.drill}/{a.path.stem}" for a in ARCH_ANSWERS]
)
def test_every_answer_through_the_sandbox(arch_pool: WorkerPool, answer: Answer) -> None:
    verdict = grade(get_checker(answer.checker), answer.source, seed=3, pool=arch_pool)
    assert verdict.status.value == answer.status, shown(verdict)
    assert answer.phrase in shown(verdict), shown(verdict)


@pytest.mark.parametrize("name", sorted(ARCH.values()))
def test_reference_passes_across_many_seeds(name: str) -> None:
    from engine.grade_inprocess import grade_inprocess

    checker = get_checker(name)
    fns: dict[str, Callable[..., object]] = dict(checker.reference())
    for seed in range(20, 40):
        verdict = grade_inprocess(checker, fns, seed=seed)
        assert verdict.passed, f"seed {seed}: {verdict.summary}"


def test_overwriting_maxpool_gradients_are_named_in_column_order_too() -> None:
    """Windows visited column by column (the loop over j outside) and assigned (=): where two
    windows put their maximum on the same input, the last one visited wins, and in seed 162's
    first failing case that is another window than in row-major order."""
    from engine.cases import case_seed_rng
    from engine.checkers.arch import pooling as pooling_checker
    from engine.grade_inprocess import grade_inprocess, load_submission

    seed = 162
    checker = get_checker("arch.pooling.maxpool")
    case = next(
        c for c in checker.make_cases(case_seed_rng(seed), {}) if "ties and overlap" in c.name
    )
    dout, x, size, stride = case.inputs["args"]
    variant = pooling_checker._backward_variant
    by_rows = variant(dout, x, size, stride, "overwrite")
    by_columns = variant(dout, x, size, stride, "overwrite", column_major=True)
    assert not np.allclose(by_rows, by_columns)  # the seed tells the two orders apart

    answer = ANSWERS_BY_NAME["maxpool/wrong_overwrites_column_order"]
    fns = load_submission(answer.source, checker.entries)
    verdict = grade_inprocess(checker, fns, seed=seed)
    assert verdict.first_failure is not None and case.name == verdict.first_failure.name
    assert "overlapping windows overwrite each other's gradient" in shown(verdict), shown(verdict)


def _window_max_messages() -> list[str]:
    """Every forward case's message for the window maximum over (1, 2), over three seeds."""
    from engine.grade_inprocess import grade_inprocess, load_submission

    checker = get_checker("arch.pooling.maxpool")
    answer = ANSWERS_BY_NAME["maxpool/wrong_window_max_over_channels_and_rows"]
    fns = load_submission(answer.source, checker.entries)
    return [
        case.message
        for seed in (0, 1, 7)
        for case in grade_inprocess(checker, fns, seed=seed).cases
        if "maxpool_forward" in case.name and case.message
    ]


def test_a_window_maximum_over_the_wrong_axes_is_named_in_every_case_it_fails() -> None:
    """window.max(axis=(1, 2)) on a window (N, C, size, size): where its (N, size) does not
    fit out[:, :, i, j] numpy raises, where it fits (size = C) the values are wrong; each
    such case says which axes, never a bare broadcast error or max rel error."""
    messages = _window_max_messages()
    assert messages
    for message in messages:
        assert message.startswith("each window's maximum was taken over the wrong axes"), message
        assert "window.max(axis=(1, 2)) (over the channels and the window's rows)" in message
        assert "window.max(axis=(2, 3))" in message
    raised = [m for m in messages if "your code raised" in m]
    ran = [m for m in messages if "your code raised" not in m]
    assert raised and all("does not fit out[:, :, i, j], (N, C)" in m for m in raised)
    assert ran and all("fit out[:, :, i, j] here only by chance" in m for m in ran)


def test_only_the_axes_the_shapes_fit_are_named_for_a_window_maximum() -> None:
    """N=1, C=2, size 3: the (1, 3) that did not fit (1, 2) is what axes (1, 2) or (1, 3)
    leave, not (0, 1) (which leaves (3, 3)) nor the batch's (0, 2) (which leaves (2, 3))."""
    from engine.checkers.arch.pooling import MaxpoolChecker
    from engine.checkers.base import Case
    from engine.checkers.nn._common import call_inputs

    checker = MaxpoolChecker()
    case = Case("case 2: f", call_inputs("maxpool_forward", np.zeros((1, 2, 7, 8)), 3, 2), "")
    error = "ValueError: could not broadcast input array from shape (1,3) into shape (1,2)"
    cause = checker.error_cause(case, error)
    assert cause is not None
    assert "axis=(1, 2)" in cause and "axis=(1, 3)" in cause
    assert "axis=(0, 1)" not in cause and "axis=(0, 2)" not in cause
    assert checker.error_cause(case, error.replace("(1,3) into", "(4,5) into")) is None
    assert checker.error_cause(case, error.replace("(1,2)", "(1,9)")) is None


# ------------------------------------------------------------------ the pack's cards

CATALOG = {
    "conv2d-forward": ("arch.conv.conv2d_forward", ("conv2d_forward",)),
    "conv2d-backward": ("arch.conv.conv2d_backward", ("conv2d_backward",)),
    "maxpool": ("arch.pooling.maxpool", ("maxpool_forward", "maxpool_backward")),
    "lstm-cell": ("arch.recurrent.lstm_cell", ("lstm_cell_forward", "lstm_cell_backward")),
    "attention": ("arch.attention.attention", ("scaled_dot_product_attention",)),
    "multi-head-attention": ("arch.attention.multi_head_attention", ("multi_head_attention",)),
    "embedding": ("arch.embedding.embedding", ("embedding_forward", "embedding_backward")),
    "positional-encoding": ("arch.embedding.positional_encoding", ("sinusoidal_encoding",)),
}
"""The architectures pack's drill catalog: drill id -> (checker, entries)."""


def _pack_cards() -> list[Any]:
    from quiz.bank.loader import load_bank
    from quiz.bank.sources import bundled_content_dir

    bank = load_bank([bundled_content_dir()], use_cache=False)
    return [card for card in bank.cards if card.pack == "architectures"]


def test_the_pack_has_the_catalog_drills_and_enough_questions() -> None:
    from quiz.bank.models import ChoiceFront, CodingFront, ConceptFront, NumericFront

    cards = _pack_cards()
    coding = {c.id: c.front for c in cards if isinstance(c.front, CodingFront)}
    assert {k: (f.checker, f.entry) for k, f in coding.items()} == CATALOG
    assert ARCH == {k: v[0] for k, v in CATALOG.items()}
    concepts = [c.front for c in cards if isinstance(c.front, ConceptFront)]
    assert len(concepts) >= 12
    assert all(3 <= len(f.key_points) <= 7 for f in concepts)
    choices = [c.front for c in cards if isinstance(c.front, ChoiceFront)]
    numeric = [c.front for c in cards if isinstance(c.front, NumericFront)]
    assert len(choices) + len(numeric) >= 16
    assert len(cards) >= 36
    # the right option is not always in the same place
    firsts = {f.answer if isinstance(f.answer, int) else f.answer[0] for f in choices}
    assert len(firsts) >= 3
    assert all(c.front.source.strip() for c in cards)
