"""Claims of the architectures pack that an expert review corrected, computed where they can be.

Each test checks a fact numerically where it is a formula, then that the card states it
(the wording the review found wrong is gone). The last one keeps the pack's key points and
choices writing their formulas as `$...$` math, rendered as Unicode like the card bodies.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable

import numpy as np
import pytest

from engine.arch.conv import conv2d_forward
from engine.arch.pooling import maxpool_backward, maxpool_forward
from engine.arch.recurrent import lstm_cell_backward, lstm_cell_forward
from quiz.bank.markdown import scan_math
from quiz.bank.mathtext import latex_to_unicode
from quiz.bank.models import ChoiceFront, ConceptFront
from tests.bank.bundled import BANK, card, text


def out_size(n: int, k: int, s: int, p: int) -> int:
    return (n + 2 * p - k) // s + 1


def test_alexnet_gets_55_from_227_exactly_or_from_224_padded_by_2() -> None:
    assert out_size(224, 11, 4, 0) == 54
    assert out_size(227, 11, 4, 0) == 55 and (227 - 11) % 4 == 0
    assert out_size(224, 11, 4, 2) == 55
    # With symmetric padding 224 + 2p - 11 is odd: no padding makes the division exact.
    assert all((224 + 2 * p - 11) % 4 != 0 for p in range(10))
    body = text("conv-output-size")
    assert "only 227 (or padding) gives an integer 55 exactly" not in body
    assert "no padding is implied by the formula" not in body
    assert "\\lfloor 217/4 \\rfloor + 1 = 55" in body


def test_the_variance_argument_needs_zero_mean_entries() -> None:
    # q_i, k_i independent, each mu - 1 or mu + 1 with probability 1/2: mean mu, variance 1.
    for mu in (0.0, 0.5, 2.0):
        values = [mu - 1.0, mu + 1.0]
        products = [q * k for q, k in itertools.product(values, values)]
        assert np.isclose(np.var(products), 1 + 2 * mu**2)
    # the argument is attention-scaling's question; sqrt-dk-claims asks a head's factor
    scaling = card("attention-scaling").front
    assert isinstance(scaling, ConceptFront)
    assert any("mean 0 and variance 1" in p for p in scaling.key_points)
    assert "$1 + 2\\mu^2$" in text("attention-scaling")


def test_a_finite_mask_is_zero_by_underflow_and_a_full_finite_mask_is_uniform() -> None:
    scores = np.array([3.0, -1e9, 1.0])
    shifted = scores - scores.max()
    assert np.exp(shifted)[1] == 0.0  # underflow, not an exact -inf
    masked_row = np.full(4, -1e9)
    weights = np.exp(masked_row - masked_row.max())
    assert np.allclose(weights / weights.sum(), 0.25)
    body = text("attention")
    assert "(or a very large negative number) makes the masked probabilities exactly 0" not in body
    assert "only through underflow" in body


def test_the_singular_value_power_bounds_the_gradient_but_does_not_set_it() -> None:
    rng = np.random.default_rng(0)
    W = rng.standard_normal((4, 4))
    sigma = np.linalg.norm(W, 2)
    product = np.eye(4)
    for _ in range(6):
        d = np.diag(1 - np.tanh(rng.standard_normal(4)) ** 2)  # tanh', at most 1
        product = d @ W @ product
    assert np.linalg.norm(product, 2) <= sigma**6 * (1 + 1e-12)
    nilpotent = np.array([[0.0, 2.0], [0.0, 0.0]])  # sigma_max 2, yet its square is 0
    assert np.linalg.norm(nilpotent, 2) > 1 and not np.any(nilpotent @ nilpotent)
    body = text("rnn-gradient-flow")
    assert "shrinks or grows roughly like" not in body
    assert "Roughly, its size behaves like" not in body
    assert "possible, not certain" in body


def test_dilation_grows_the_field_exponentially_only_when_it_doubles() -> None:
    def field(dilations: list[int], k: int = 3) -> int:
        return 1 + sum((k - 1) * d for d in dilations)

    assert [field([2**i for i in range(n)]) for n in (1, 2, 3, 4)] == [3, 7, 15, 31]
    assert [field([2] * n) for n in (1, 2, 3, 4)] == [5, 9, 13, 17]  # constant: linear
    assert "when the dilation doubles at every layer" in text("receptive-field")


def test_corrected_claims_and_citations() -> None:
    for card_id in ("self-attention-complexity-choice", "attention-complexity"):
        assert "Keles et al. 2023" in card(card_id).front.source, card_id
    assert "There is no $\\log T$ algorithm" not in text("self-attention-complexity-choice")
    for card_id in ("attention", "attention-complexity", "attention-score-memory"):
        assert "Dao et al. 2022" in card(card_id).front.source, card_id
    assert "tensor2tensor" in text("norm-placement-claims")
    assert "Yu & Koltun 2016" in card("receptive-field").front.source
    assert "Jozefowicz et al. 2015" in card("gru-vs-lstm").front.source
    assert "Press et al. 2022" in card("positional-encodings-why").front.source


def _attend(X: np.ndarray, causal: bool) -> np.ndarray:
    """One head of self-attention with identity projections, tokens as rows."""
    scores = X @ X.T / np.sqrt(X.shape[1])
    if causal:
        scores = np.where(np.tril(np.ones(scores.shape, dtype=bool)), scores, -np.inf)
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    return np.asarray((e / e.sum(axis=1, keepdims=True)) @ X)


def test_only_unmasked_self_attention_ignores_the_order() -> None:
    X = np.random.default_rng(1).standard_normal((5, 4))
    reverse = X[::-1]
    assert np.allclose(_attend(reverse, False), _attend(X, False)[::-1])
    assert not np.allclose(_attend(reverse, True), _attend(X, True)[::-1])
    c = card("positional-encoding-claims")
    assert isinstance(c.front, ChoiceFront) and isinstance(c.front.answer, tuple)
    assert c.front.choices[0].startswith("Unmasked self-attention") and 0 in c.front.answer
    assert "A causal mask (the decoder's) breaks this symmetry" in text(c.id)


def test_seventeenth_round_corrections_and_citations() -> None:
    # The additive-versus-dot-product comparison is one the Transformer paper cites.
    assert "Britz et al. 2017" in card("attention-scaling").front.source
    assert "The paper reports that for small" not in text("attention-scaling")
    # Head specialization is Voita et al.'s finding; the head ablation is the paper's table 3.
    assert "Voita et al. 2019" in card("why-multiple-heads").front.source
    assert "0.9 BLEU" in text("why-multiple-heads")
    # "Hundreds of steps" had no source: the 1997 lags and the measured context use.
    body = text("lstm-gates")
    assert "handle dependencies of hundreds of steps" not in body
    assert "more than 1000 steps" in body and "about 200 tokens of context on average" in body
    assert "Khandelwal et al. 2018" in card("lstm-gates").front.source
    # A dense optimizer does not keep an embedding's update sparse.
    body = text("embeddings-concept")
    assert "treat rarely seen rows differently from frequent ones" not in body
    assert "SparseAdam" in body
    # The GRU of cuDNN and PyTorch resets after the hidden product.
    assert "cuDNN and PyTorch apply it after" in text("gru-vs-lstm")
    # The SETH lower bound has an exception: small heads with small entries.
    for card_id in ("attention-complexity", "self-attention-complexity-choice"):
        assert "Alman & Song 2023" in card(card_id).front.source, card_id
        assert "almost linear time" in text(card_id), card_id


def test_an_lstm_damps_its_cell_path_but_can_still_explode_elsewhere() -> None:
    # One step: the direct derivative of c_t = f * c_prev + i * g in c_prev is f, in (0, 1).
    rng = np.random.default_rng(0)
    f = 1 / (1 + np.exp(-rng.normal(size=5) * 3))
    assert np.all((f > 0) & (f < 1))
    # A path through the recurrent weights is not damped: W^T diag(o * tanh') grows when
    # W is large, whatever the forget gate does.
    W = 4.0 * np.eye(5)
    step = W.T @ np.diag(np.full(5, 0.5))
    assert np.linalg.norm(np.linalg.matrix_power(step, 10), 2) > 1e3
    body = text("lstm-cell")
    assert "do nothing against exploding gradients" not in body
    assert "the direct cell path is damped by $f < 1$" in body


def test_the_rnn_jacobian_chain_has_the_latest_step_on_the_left() -> None:
    # h_i = tanh(W h_{i-1}): the chain rule gives J_t ... J_{k+1}, J_i = diag(1 - h_i^2) W.
    rng = np.random.default_rng(1)
    W = rng.normal(size=(3, 3))
    h0 = rng.normal(size=3)
    h1 = np.tanh(W @ h0)
    h2 = np.tanh(W @ h1)
    J1, J2 = np.diag(1 - h1**2) @ W, np.diag(1 - h2**2) @ W
    eps = 1e-6
    numeric = np.column_stack(
        [
            (np.tanh(W @ np.tanh(W @ (h0 + e))) - np.tanh(W @ np.tanh(W @ (h0 - e)))) / (2 * eps)
            for e in np.eye(3) * eps
        ]
    )
    assert np.allclose(numeric, J2 @ J1, atol=1e-8)
    assert not np.allclose(numeric, J1 @ J2, atol=1e-3)  # the other order is wrong
    body = text("rnn-gradient-flow")
    assert "\\prod_{i=k+1}^{t}" not in body
    assert "the latest step on the left" in body


def test_the_linear_layers_dominate_a_block_until_t_is_about_six_d() -> None:
    # Multiply-adds of one block for T tokens of width d: Q, K, V, O projections 4Td^2,
    # a feed-forward layer of inner width 4d 8Td^2, the scores and weighted sum 2T^2 d.
    def linear(t: int, d: int) -> int:
        return 4 * t * d * d + 2 * t * d * 4 * d

    def quadratic(t: int, d: int) -> int:
        return 2 * t * t * d

    d = 512
    assert linear(6 * d, d) == quadratic(6 * d, d)
    assert linear(2 * d, d) > 2 * quadratic(2 * d, d)  # past T = d the linear part still leads
    assert quadratic(12 * d, d) // 2 == linear(12 * d, d)  # a causal kernel halves the T^2 part
    body = text("attention-complexity")
    assert "which dominates while $T < d$" not in body
    assert "$T \\approx 6 d$" in body and "leads only past $T = 6d$" in body
    assert "leads only near" not in body  # past the crossover, not only around it
    assert "Kaplan et al. 2020" in card("attention-complexity").front.source


def test_twenty_second_round_corrections() -> None:
    # The forget gate damps one path of an LSTM; it does something, but not enough.
    body = text("bptt-claims")
    assert "gating does nothing against" not in body
    assert "the forget gate damps only the direct cell-state path" in body
    # Splitting a tie is a subgradient as valid as the first maximum; frameworks store one index.
    body = text("maxpool-backward-ties")
    assert "exact float equality" not in body
    assert "record one index per window" in body
    # Relative positions do not by themselves extrapolate: Press et al. 2022 measured it.
    body = text("positional-encodings-why")
    assert "These tend to generalize better across lengths" not in body
    assert "only ALiBi keeps its quality" in body
    assert "Chen et al. 2023" in card("positional-encodings-why").front.source


def test_bincount_adds_an_embedding_gradient_one_column_at_a_time() -> None:
    ids = np.array([4, 1, 4])
    dout = np.arange(9.0).reshape(3, 3)
    expected = np.zeros((6, 3))
    np.add.at(expected, ids, dout)
    columns = [np.bincount(ids, weights=dout[:, j], minlength=6) for j in range(3)]
    assert np.array_equal(np.stack(columns, axis=1), expected)
    with pytest.raises(ValueError):
        np.bincount(ids, weights=dout, minlength=6)  # weights must be one-dimensional
    body = text("embedding-gradient-choice")
    assert "`np.bincount` with weights or a one-hot" not in body
    assert "one column $j$ at a time" in body
    # Bengio et al. 1994 showed a difficulty, not an impossibility.
    body = text("rnn-gradient-flow")
    assert "so the network cannot learn that" not in body
    assert "learns only with great difficulty" in body


def test_the_sources_cover_what_the_bodies_cite() -> None:
    # The receptive-field recurrence is Araujo et al.'s; Dumoulin & Visin give output sizes.
    for card_id in ("receptive-field", "receptive-field-with-pooling"):
        assert "Araujo, Norris & Sim 2019" in card(card_id).front.source, card_id
    source = card("one-by-one-convolution").front.source
    assert "Howard et al. 2017 (MobileNets)" in source and "Chollet 2017 (Xception)" in source
    assert "Lin et al. 2014 (Network in Network)" in card("maxpool").front.source


def test_the_post_norm_sources_are_named_by_title() -> None:
    # Two "Liu et al. 2020" and two "He et al. 2016" exist; the card cites these ones.
    source = card("pre-norm-vs-post-norm").front.source
    assert "Liu et al. 2020 (Understanding the Difficulty of Training Transformers)" in source
    assert "He et al. 2016 (Identity Mappings in Deep Residual Networks)" in source


# ASCII spellings of math that belong inside `$...$`: sqrt(...), powers, Greek names,
# slash derivatives, big-O, comparisons, subscripts and "3x3"-style products.
_ASCII_MATH = re.compile(
    r"sqrt\(|\^|_hat\b|\b[dD][A-Za-z]/d[a-z]\b|\bO\(|<=|>=|\b[A-Za-z]+_\{?\w|\b\d+x\d+\b"
    r"|\b(alpha|beta|gamma|eta|lambda|rho|sigma|theta|epsilon|pi)\b",
    re.IGNORECASE,
)


def test_key_points_and_choices_write_formulas_as_math_that_renders() -> None:
    checked = 0
    for c in BANK.cards:
        if c.pack != "architectures":
            continue
        front = c.front
        if isinstance(front, ConceptFront):
            texts = list(front.key_points)
        elif isinstance(front, ChoiceFront):
            texts = list(front.choices)
        else:
            continue
        for line in texts:
            spans = scan_math(line).spans
            outside = line
            for span in reversed(spans):
                outside = outside[: span.start] + outside[span.end :]
            assert _ASCII_MATH.search(outside) is None, (c.id, line)
            for span in spans:
                assert latex_to_unicode(span.latex) is not None, (c.id, span.latex)
            checked += len(spans)
    assert checked > 50


def _gru_step(h: np.ndarray, x: np.ndarray, w: dict[str, np.ndarray], z_keeps: bool) -> np.ndarray:
    """One GRU step with the reset gate before the product; `z_keeps` puts z on h (Cho et al.)."""

    def sigmoid(a: np.ndarray) -> np.ndarray:
        out: np.ndarray = 1.0 / (1.0 + np.exp(-a))
        return out

    hx = np.concatenate([h, x])
    z = sigmoid(w["Wz"] @ hx + w["bz"])
    r = sigmoid(w["Wr"] @ hx + w["br"])
    cand = np.tanh(w["Wh"] @ np.concatenate([r * h, x]) + w["bh"])
    out: np.ndarray = z * h + (1 - z) * cand if z_keeps else (1 - z) * h + z * cand
    return out


def test_the_two_gru_conventions_differ_by_negating_the_update_gate() -> None:
    rng = np.random.default_rng(0)
    n, d = 3, 2
    w = {k: rng.standard_normal((n, n + d)) for k in ("Wz", "Wr", "Wh")}
    w |= {k: rng.standard_normal(n) for k in ("bz", "br", "bh")}
    h, x = rng.standard_normal(n), rng.standard_normal(d)
    chung = _gru_step(h, x, w, z_keeps=False)
    cho = _gru_step(h, x, w, z_keeps=True)
    assert not np.allclose(chung, cho)  # the same weights give different cells
    negated = w | {"Wz": -w["Wz"], "bz": -w["bz"]}
    assert np.allclose(chung, _gru_step(h, x, negated, z_keeps=True))
    # The card's form is Chung et al.'s; Cho et al., Goodfellow et al. and PyTorch put z on h.
    body = text("gru-vs-lstm")
    assert "libraries differ" not in body
    assert "This is Chung et al.'s (2014) way of writing it" in body
    assert "PyTorch's `nn.GRU`" in body
    assert "negating $W_z$ and $b_z$" in body


def test_the_attention_cost_counts_the_product_with_v() -> None:
    n_q, n_k, d_k, d_v = 3, 5, 4, 7
    Q, K, V = np.ones((n_q, d_k)), np.ones((n_k, d_k)), np.ones((n_k, d_v))
    # With all-ones inputs each output entry is its dot product's length: count the terms.
    scores, out = Q @ K.T, np.full((n_q, n_k), 1.0) @ V
    assert scores.sum() == n_q * n_k * d_k and out.sum() == n_q * n_k * d_v
    body = text("attention")
    assert "time $O(n_q n_k d_k)$ and memory" not in body
    assert "$O(n_q n_k (d_k + d_v))$" in body


def test_library_and_paper_claims_cite_their_source() -> None:
    # Each body states what a library does or a work found; the source names it (23rd round).
    cited = {
        "lstm-cell": (
            "PyTorch stacks its gates as i, f, g, o and Keras as i, f, c, o",
            ["PyTorch nn.LSTM documentation", "Keras LSTMCell source"],
        ),
        "lstm-parameter-count": ("`b_ih` and `b_hh`", ["PyTorch nn.LSTM documentation"]),
        "gru-parameter-count": ("like PyTorch, add $3n$ more", ["PyTorch nn.GRU documentation"]),
        "same-padding": (
            "TensorFlow pads more at the bottom and right",
            ["TensorFlow tf.nn.convolution documentation (SAME padding)"],
        ),
        "conv-output-size": ("torchvision's AlexNet does this", ["torchvision models/alexnet.py"]),
        "embedding": (
            "shares its weights with the other embedding and the pre-softmax output layer",
            ["Vaswani et al. 2017 sec. 3.4 and 5.1", "Press & Wolf 2017 (three-way tying)"],
        ),
        "pre-norm-vs-post-norm": ("GPT-2/3-style models", ["Radford et al. 2019 (GPT-2"]),
    }
    for card_id, (claim, works) in cited.items():
        assert claim in text(card_id), card_id
        for work in works:
            assert work in card(card_id).front.source, (card_id, work)


def test_the_one_hot_hint_flattens_dout_as_well_as_the_ids() -> None:
    rng = np.random.default_rng(5)
    vocab_size, d = 6, 3
    for shape in ((2, 4), (1, 4)):
        ids = rng.integers(0, vocab_size, size=shape)
        dout = rng.standard_normal((*shape, d))
        expected = np.zeros((vocab_size, d))
        np.add.at(expected, ids, dout)
        one_hot = np.eye(vocab_size)[ids.reshape(-1)]
        got = one_hot.T @ dout.reshape(-1, d)  # the hint as the card writes it now
        np.testing.assert_allclose(got, expected, rtol=1e-12)
        try:  # the old hint flattened only the ids
            old = one_hot.T @ dout
        except ValueError:
            continue
        assert old.shape != expected.shape  # a batch of one: a stack of shape (1, V, d)
    hints = card("embedding").section("Hints")
    assert "with the ids flattened to one axis" not in hints
    assert "`np.eye(vocab_size)[ids.reshape(-1)].T @ dout.reshape(-1, d)`" in hints


def _tanh_rnn_jacobian_norm(scale: float, steps: int) -> float:
    """The norm of dh_t/dh_0 for h_t = tanh(W h_{t-1}), W = scale * an orthogonal matrix,
    from a small state (tanh near its linear part, |phi'| close to 1 but never above)."""
    rng = np.random.default_rng(7)
    q, _ = np.linalg.qr(rng.standard_normal((4, 4)))
    W, h, J = scale * q, 1e-3 * rng.standard_normal(4), np.eye(4)
    for _ in range(steps):
        h = np.tanh(W @ h)
        J = np.diag(1 - h**2) @ W @ J
    return float(np.linalg.norm(J, 2))


def test_tanh_bounds_the_derivative_but_does_not_make_rnn_gradients_vanish() -> None:
    assert _tanh_rnn_jacobian_norm(0.9, 20) <= 0.9**20  # sigma_max(W) < 1: they vanish
    assert _tanh_rnn_jacobian_norm(1.5, 20) > 100  # |phi'| <= 1 throughout, yet it grows
    front = card("rnn-gradient-flow").front
    assert isinstance(front, ConceptFront)
    points = "\n".join(front.key_points)
    assert "so gradients over long spans usually vanish" not in points
    assert "$|\\phi'| \\le 1$ alone does not make them vanish" in points


def _lstm_run(b_i: float, steps: int) -> tuple[float, float]:
    """One unit held at f = sigma(20) ~ 1 with a candidate of about 1, from c = 0.5: the
    cell state after `steps` steps and dc_prev/dc of the last step (dh = 0)."""
    n = 1
    W = np.zeros((4 * n, n + 1))
    b = np.array([[b_i], [20.0], [0.0], [20.0]])  # rows i, f, o, g
    x, h, c = np.ones((1, 1)), np.zeros((n, 1)), np.full((n, 1), 0.5)
    cache: tuple[object, ...] = ()
    for _ in range(steps):
        h, c, cache = lstm_cell_forward(x, h, c, W, b)
    _, _, dc_prev, _, _ = lstm_cell_backward(np.zeros((n, 1)), np.ones((n, 1)), cache)
    return float(c[0, 0]), float(dc_prev[0, 0])


def test_a_forget_gate_near_one_keeps_the_gradient_but_the_value_needs_a_closed_write() -> None:
    closed_c, closed_grad = _lstm_run(-20.0, 10)  # input gate ~0: the value is kept
    open_c, open_grad = _lstm_run(20.0, 10)  # input gate ~1: it adds g ~ 1 per step
    assert abs(closed_c - 0.5) < 1e-6 and abs(open_c - 10.5) < 1e-6
    assert np.isclose(closed_grad, 1.0) and np.isclose(open_grad, 1.0)  # dc_prev = f * dc
    for card_id in ("lstm-gates", "lstm-cell"):
        assert "both the value and its gradient travel" not in text(card_id), card_id
        assert "remembers by default" not in text(card_id), card_id
        assert "remember by default" not in text(card_id), card_id
    assert "only when the write $i \\odot g$ is near 0 as well" in text("lstm-gates")
    assert "the write $i \\odot g$ near 0" in text("lstm-cell")
    front = card("lstm-gates").front
    assert isinstance(front, ConceptFront)
    assert any("$f \\approx 1$ with the input gate open accumulates" in p for p in front.key_points)
    # The forget bias of 1 starts f at sigma(1), not near 1.
    assert np.isclose(1 / (1 + np.exp(-1.0)), 0.73, atol=0.005)
    assert np.isclose(0.7311**10, 0.04, atol=0.005) and np.isclose(0.5**10, 0.001, atol=1e-4)
    assert "$\\sigma(1) \\approx 0.73$" in text("lstm-gates")


def _tiled_attention(
    Q: np.ndarray, K: np.ndarray, V: np.ndarray, tile: int
) -> tuple[np.ndarray, np.ndarray]:
    """Exact attention over key tiles with a running maximum and sum per query (online
    softmax): no (n_q, n_k) array is ever formed. Returns the output and the per-query
    log-sum-exp, all a backward pass needs to recompute the weights."""
    n_q, d_v = Q.shape[0], V.shape[1]
    m, s, acc = np.full(n_q, -np.inf), np.zeros(n_q), np.zeros((n_q, d_v))
    for start in range(0, K.shape[0], tile):
        scores = Q @ K[start : start + tile].T / np.sqrt(Q.shape[1])  # (n_q, tile)
        new_m = np.maximum(m, scores.max(axis=1))
        scale, e = np.exp(m - new_m), np.exp(scores - new_m[:, None])
        s = s * scale + e.sum(axis=1)
        acc = acc * scale[:, None] + e @ V[start : start + tile]
        m = new_m
    return acc / s[:, None], m + np.log(s)


def test_exact_attention_needs_linear_memory_and_quadratic_arithmetic() -> None:
    rng = np.random.default_rng(3)
    Q, K, V = rng.normal(size=(16, 4)), rng.normal(size=(16, 4)), rng.normal(size=(16, 3))
    scores = Q @ K.T / 2.0
    weights = np.exp(scores - scores.max(axis=1, keepdims=True))
    weights /= weights.sum(axis=1, keepdims=True)
    out, lse = _tiled_attention(Q, K, V, tile=4)
    np.testing.assert_allclose(out, weights @ V, rtol=1e-12)
    assert lse.shape == (16,)  # the state kept per query: linear in T
    np.testing.assert_allclose(np.exp(Q @ K.T / 2.0 - lse[:, None]), weights, rtol=1e-12)
    # Kaplan et al.: 2 n_ctx d FLOPs of context per token and layer against 24 d^2.
    d = 512
    assert 2 * (12 * d) * d == 24 * d * d
    for card_id in ("attention-complexity", "self-attention-complexity-choice"):
        body = text(card_id)
        assert "$O(T^2)$ memory per head for the weights" not in body, card_id
        assert "$O(T)$ extra memory" in body, card_id
    body = text("attention-complexity")
    assert "memory-efficient kernels reduce memory, not the arithmetic" not in body
    assert "make the same point with their per-token estimate." not in body
    assert "while $n_{ctx} < 12 d_{model}$" in body
    assert "reads and writes of the large, slow memory (HBM)" in body
    assert "Rabe & Staats 2021" in card("attention-complexity").front.source
    assert "Dao et al. 2022" in card("self-attention-complexity-choice").front.source
    assert "The time and memory of the score matrices grow" not in text("multi-head-attention")
    # Chunking an exact attention saves memory, not time: it is no remedy for the time.
    front = card("attention-complexity").front
    assert isinstance(front, ConceptFront)
    assert not any("chunking" in point for point in front.key_points)
    assert any(p.startswith("Remedies that change the time") for p in front.key_points)


def _rope(x: np.ndarray, position: int) -> np.ndarray:
    """Rotate each coordinate pair (2i, 2i+1) of x by position * 10000^(-2i/d)."""
    d = x.shape[0]
    angle = position * 10000.0 ** (-np.arange(0, d, 2) / d)
    cos, sin = np.cos(angle), np.sin(angle)
    out = np.empty_like(x)
    out[0::2] = cos * x[0::2] - sin * x[1::2]
    out[1::2] = sin * x[0::2] + cos * x[1::2]
    return out


def test_rope_encodes_absolute_positions_whose_scores_depend_only_on_the_offset() -> None:
    rng = np.random.default_rng(11)
    q, k = rng.normal(size=8), rng.normal(size=8)
    score = _rope(q, 3) @ _rope(k, 7)
    for shift in (1, 10, 500):  # the same offset anywhere in the sequence: the same score
        assert np.isclose(_rope(q, 3 + shift) @ _rope(k, 7 + shift), score)
    assert np.isclose(q @ _rope(k, 4), score)  # q^T R_{n-m} k with n - m = 4
    assert not np.allclose(_rope(q, 3), _rope(q, 4))  # each vector carries its own position
    body = text("positional-encodings-why")
    assert "which rotate queries and keys so their dot product depends on the offset" not in body
    assert "each vector carries its **absolute** position" in body
    assert "The values are not rotated" in body
    front = card("positional-encodings-why").front
    assert isinstance(front, ConceptFront)
    assert any("$(R_m q)^T (R_n k) = q^T R_{n-m} k$" in p for p in front.key_points)


def _branch_shares(pre_norm: bool, blocks: int = 12) -> list[float]:
    """Var[F(x)] / Var[x + F(x)] per block at initialization, with random linear branches of
    unit gain on tokens of unit variance (rows), for a pre-norm or a post-norm stack."""
    rng = np.random.default_rng(2)
    d = 256

    def norm(a: np.ndarray) -> np.ndarray:
        out: np.ndarray = (a - a.mean(axis=1, keepdims=True)) / a.std(axis=1, keepdims=True)
        return out

    x, shares = rng.normal(size=(64, d)), []
    for _ in range(blocks):
        W = rng.normal(size=(d, d)) / np.sqrt(d)
        branch = (norm(x) if pre_norm else x) @ W
        shares.append(float(branch.var() / (x + branch).var()))
        x = x + branch if pre_norm else norm(x + branch)
    return shares


def test_post_norm_blocks_lean_on_their_branches_and_pre_norm_blocks_less_and_less() -> None:
    post, pre = _branch_shares(pre_norm=False), _branch_shares(pre_norm=True)
    assert all(0.4 < share < 0.6 for share in post)  # about half, in every block
    for block, share in enumerate(pre, start=1):  # about 1 / (block + 1)
        assert 0.7 / (block + 1) < share < 1.3 / (block + 1), (block, share)
    body = text("pre-norm-vs-post-norm")
    assert "(some work finds deep pre-norm models use their depth less effectively)" not in body
    # The fifty-third round held the Liu et al. claims to what their abstract, README and
    # code say: 'unbalanced gradients are not the root cause', not an experiment's result.
    assert "rebalancing post-norm's gradients alone does not stabilize its training" not in body
    assert "unbalanced gradients are not the root cause" in body
    assert "an amplification effect" in body and "Admin" in body
    front = card("pre-norm-vs-post-norm").front
    assert isinstance(front, ConceptFront)
    assert any(p.startswith("Liu et al. 2020") for p in front.key_points)


_CITED = re.compile(r"([A-Z][A-Za-z\-]+)(?: et al\.| & [A-Z][A-Za-z\-]+),? \(?((?:19|20)\d\d)")


def test_every_work_a_body_cites_by_author_and_year_is_in_its_source() -> None:
    checked = 0
    for c in BANK.cards:
        if c.pack != "architectures":
            continue
        body = text(c.id).replace(c.front.source, "", 1)
        for name, year in _CITED.findall(body):
            pattern = re.escape(name) + r"[^;]{0,80}?" + year
            assert re.search(pattern, c.front.source), (c.id, name, year)
            checked += 1
    assert checked > 50
    # Works a body names without author and year (a model, a kernel) are cited too.
    named = {
        "multi-head-attention": ("FlashAttention", "Dao et al. 2022 (FlashAttention)"),
        "receptive-field": ("WaveNet", "van den Oord et al. 2016 (WaveNet)"),
        "pooling-purpose": ("as in AlexNet", "Krizhevsky et al. 2012 sec. 3.4"),
    }
    for card_id, (claim, work) in named.items():
        assert claim in text(card_id) and work in card(card_id).front.source, card_id
    assert "stride-2 convolutions" in text("pooling-purpose")
    assert "He, Zhang, Ren & Sun 2016 (Deep Residual Learning), sec. 3.3" in text("pooling-purpose")
    # Two He et al. 2016 papers are cited in the bank: the bottleneck is the first one's.
    assert "sec. 4.1 (deeper bottleneck" in card("bottleneck-parameters").front.source
    assert "sec. 2.3" in card("receptive-field-stack").front.source


def test_a_transformer_block_keeps_two_thirds_of_its_weights_in_the_feed_forward_layer() -> None:
    d = 512
    attention = 4 * d * d  # Q, K, V and output projections
    feed_forward = d * 4 * d + 4 * d * d  # d -> 4d -> d
    assert feed_forward == 8 * d * d
    assert math.isclose(feed_forward / (attention + feed_forward), 2 / 3)
    body = text("transformer-block")
    assert "about two thirds of a block's weights are in the feed-forward layer" in body
    assert "$\\text{LN}(x + \\text{Sublayer}(x))$ (post-norm)" in body
    assert "$x + \\text{Sublayer}(\\text{LN}(x))$" in body


def _dilated_windows(n: int, k: int, s: int, p: int, dilation: int) -> int:
    """Count the window positions of a dilated kernel that fit in the padded input."""
    taps = dilation * np.arange(k)
    return sum(1 for start in range(0, n + 2 * p, s) if start + taps[-1] < n + 2 * p)


def test_a_dilated_kernel_enters_the_output_size_through_its_span() -> None:
    for n, k, s, p, dilation in itertools.product(
        (7, 10, 227), (1, 3, 5), (1, 2, 4), (0, 2), (1, 2, 3)
    ):
        span = dilation * (k - 1) + 1
        if span > n + 2 * p:
            continue
        expected = (n + 2 * p - dilation * (k - 1) - 1) // s + 1
        assert _dilated_windows(n, k, s, p, dilation) == expected, (n, k, s, p, dilation)
    assert _dilated_windows(227, 3, 1, 0, 2) == 223 != out_size(227, 3, 1, 0)
    # "Same" padding at stride 1 pads half the span minus one per side.
    assert all(_dilated_windows(32, 5, 1, 2 * d, d) == 32 for d in (1, 2, 3))
    body = text("conv-output-size")
    assert "W + 2p - \\delta (K - 1) - 1" in body and "= 223" in body
    assert "sec. 5.1 (dilated convolutions)" in card("conv-output-size").front.source
    assert "$p = \\delta (K - 1)/2$" in text("same-padding")
    assert "\\delta (K - 1) - 1)/s" in text("conv2d-forward")


def test_a_tied_embedding_gets_a_dense_gradient_and_the_transformer_ties_three_ways() -> None:
    # Logits h E^T through a softmax: the output side gives every row of E a gradient.
    rng = np.random.default_rng(5)
    V, d, token, target = 7, 3, 2, 4
    E, h = rng.normal(size=(V, d)), rng.normal(size=d)
    p = np.exp(h @ E.T - (h @ E.T).max())
    p /= p.sum()
    y = np.eye(V)[target]
    output_side = np.outer(p - y, h)  # d(-log p_target)/dE through the logits
    input_side = np.zeros((V, d))
    input_side[token] = rng.normal(size=d)  # the lookup's gradient: one row
    tied = output_side + input_side
    assert np.count_nonzero(input_side.any(axis=1)) == 1
    assert np.all(tied.any(axis=1))  # every row moves
    eps = 1e-6

    def loss(M: np.ndarray) -> float:
        e = np.exp(h @ M.T)
        return float(-np.log(e[target] / e.sum()))

    bump = np.zeros((V, d))
    bump[0, 1] = eps
    assert np.isclose((loss(E + bump) - loss(E - bump)) / (2 * eps), output_side[0, 1])
    # One 37,000 x 512 matrix for the encoder input, decoder input and pre-softmax layers.
    vocab, width = 37000, 512
    assert 3 * vocab * width - vocab * width == 2 * vocab * width == 37_888_000
    for card_id in ("embeddings-concept", "embedding-parameter-count"):
        body = text(card_id)
        assert "used in the original Transformer, thus saves" not in body, card_id
        assert "saving $2 V d$" in body and "37,000" in body, card_id
        assert "Inan, Khosravi & Socher 2017" in card(card_id).front.source, card_id
    assert "a dense gradient" in text("embeddings-concept")
    assert "dense gradient" in text("embedding")


def test_a_kv_cache_stores_two_n_layer_t_d_numbers_and_leaves_the_t_squared_term() -> None:
    rng = np.random.default_rng(8)
    T, d = 6, 4
    X = rng.normal(size=(T, d))
    Wq, Wk, Wv = (rng.normal(size=(d, d)) for _ in range(3))
    full = _attend_projected(X, Wq, Wk, Wv)
    keys: list[np.ndarray] = []
    values: list[np.ndarray] = []
    products = 0
    for t in range(T):  # one new token at a time, earlier keys and values from the cache
        keys.append(X[t] @ Wk)
        values.append(X[t] @ Wv)
        K, V = np.stack(keys), np.stack(values)
        s = K @ (X[t] @ Wq) / np.sqrt(d)
        w = np.exp(s - s.max())
        np.testing.assert_allclose((w / w.sum()) @ V, full[t], rtol=1e-12)
        products += K.size + V.size  # score and weighted-sum multiply-adds: 2 (t + 1) d
    assert products == T * (T + 1) * d  # quadratic in T in all: about T^2 d
    assert len(keys) * d + len(values) * d == 2 * T * d  # per layer: 2 T d numbers
    # 32 layers of width 4096 in 16-bit floats: 0.5 MiB a token, 2 GiB for 4096 tokens.
    per_token = 2 * 32 * 4096 * 2
    assert per_token == 2**19 and per_token * 4096 == 2 * 2**30
    body = text("attention-complexity")
    assert "caching keys and values makes each new token cost $O(T d)$ for attention." not in body
    assert "$2 n_{layer} T d$ numbers per sequence" in body and "2 GiB" in body
    assert "still takes $O(T^2 d)$ attention arithmetic" in body
    source = card("attention-complexity").front.source
    assert "Shazeer 2019" in source and "Ainslie et al. 2023" in source
    # Decoding reads every weight each step too: 12 n_layer d^2 of them, 12 GiB here, as much
    # as six sequences' caches at 4096 tokens. The cache alone does not make it bandwidth-bound.
    weights = 12 * 32 * 4096**2
    assert round(weights / 1e9, 1) == 6.4 and weights * 2 == 12 * 2**30
    assert weights * 2 == 6 * per_token * 4096
    assert "which makes decoding limited by memory bandwidth" not in body
    assert "(6.4 billion here, 12 GiB)" in body and "from a batch of 6" in body
    assert "Pope et al. 2022" in source


def _attend_projected(X: np.ndarray, Wq: np.ndarray, Wk: np.ndarray, Wv: np.ndarray) -> np.ndarray:
    """Causal single-head attention over all rows at once, the training pass."""
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    scores = Q @ K.T / np.sqrt(X.shape[1])
    scores = np.where(np.tril(np.ones(scores.shape, dtype=bool)), scores, -np.inf)
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    return np.asarray((e / e.sum(axis=1, keepdims=True)) @ V)


def test_an_lstm_cell_can_count_and_a_gru_state_stays_inside_minus_one_one() -> None:
    # One LSTM unit: input and forget gates held open (bias 20), candidate tanh(20 x).
    # x = +1 for 'a' and -1 for 'b': the cell counts a's minus b's.
    W = np.array([[0.0, 0.0], [0.0, 0.0], [0.0, 0.0], [0.0, 20.0]])  # rows i, f, o, g
    b = np.array([[20.0], [20.0], [0.0], [0.0]])
    h, c = np.zeros((1, 1)), np.zeros((1, 1))
    counts = []
    for symbol in [1.0] * 300 + [-1.0] * 300:
        h, c, _ = lstm_cell_forward(np.array([[symbol]]), h, c, W, b)
        counts.append(float(c[0, 0]))
    assert abs(counts[299] - 300) < 1e-3 and abs(counts[-1]) < 1e-3  # 300 a's, then back to 0
    # A GRU's next state interpolates its state and a tanh: from 0 it never leaves (-1, 1).
    rng = np.random.default_rng(9)
    n, d = 4, 2
    w = {k: 2 * rng.standard_normal((n, n + d)) for k in ("Wz", "Wr", "Wh")}
    w |= {k: 2 * rng.standard_normal(n) for k in ("bz", "br", "bh")}
    state, largest = np.zeros(n), 0.0
    for x in 2 * rng.standard_normal((600, d)):
        state = _gru_step(state, x, w, z_keeps=False)
        largest = max(largest, float(np.abs(state).max()))
    assert 0.9 < largest < 1.0  # pushed toward the bound, never past it
    body = text("gru-vs-lstm")
    assert "LSTM when the separate memory and output gate help (e.g. very long" not in body
    assert "Weiss, Goldberg & Yahav (2018) showed the LSTM strictly more expressive" in body
    assert "stays in $(-1, 1)$ forever once it starts there" in body  # the bound needs h_0 in it
    assert "Weiss, Goldberg & Yahav 2018" in card("gru-vs-lstm").front.source


def test_aligned_queries_and_keys_grow_like_d_k_and_independent_ones_like_its_root() -> None:
    rng = np.random.default_rng(12)
    for d_k in (16, 256, 1024):
        q = rng.standard_normal((1000, d_k))
        independent = np.einsum("nd,nd->n", q, rng.standard_normal((1000, d_k)))
        aligned = np.einsum("nd,nd->n", q, q)  # k = q
        assert 0.9 < independent.std() / np.sqrt(d_k) < 1.1
        assert 0.95 < aligned.mean() / d_k < 1.05
        # Divided by sqrt(d_k) the aligned score still grows as sqrt(d_k); by d_k it does not.
        assert np.isclose(aligned.mean() / np.sqrt(d_k), np.sqrt(d_k), rtol=0.05)
    body = text("attention-scaling")
    assert "$E[q \\cdot k] = d_k$" in body
    assert "divides the scores by $d_k$ rather than $\\sqrt{d_k}$" in body
    assert "Yang et al. 2022 (Tensor Programs V" in card("attention-scaling").front.source
    # muP's claim is hyperparameter transfer across widths, not unchanged training behaviour.
    assert "keeps training behaviour the same as models widen" not in body
    assert (
        "mup package documentation (its README, 1/d attention scaling)"
        in card("attention-scaling").front.source
    )


def test_deepnorm_weights_the_residual_up_so_each_branch_starts_smaller() -> None:
    rng = np.random.default_rng(13)
    d = 256

    def norm(a: np.ndarray) -> np.ndarray:
        out: np.ndarray = (a - a.mean(axis=1, keepdims=True)) / a.std(axis=1, keepdims=True)
        return out

    for alpha in (1.0, 2.0, 4.0):  # alpha = 1 is plain post-norm
        x = rng.normal(size=(64, d))
        for _ in range(6):
            branch = x @ (rng.normal(size=(d, d)) / np.sqrt(d))
            share = branch.var() / (alpha * x + branch).var()
            assert abs(share - 1 / (1 + alpha**2)) < 0.05, (alpha, share)
            x = norm(alpha * x + branch)
    body = text("pre-norm-vs-post-norm")
    assert "RMSNorm replaces LayerNorm for speed)" not in body
    assert "$x_{l+1} = \\text{LN}(\\alpha x_l + F(x_l))$ with $\\alpha > 1$" in body
    assert "$\\frac{1}{1 + \\alpha^2}$ of its block, not a half" in body
    assert "is a different kind of change, not a placement" in body


def test_grouped_query_attention_has_fewer_key_and_value_weights() -> None:
    def weights(d_model: int, n_heads: int, kv_heads: int) -> int:
        d_h = d_model // n_heads
        shapes = [(d_model, d_model), (d_model, kv_heads * d_h), (d_model, kv_heads * d_h)]
        shapes.append((d_model, d_model))  # the output projection
        return sum(np.zeros(shape).size for shape in shapes)

    assert weights(512, 8, 8) == weights(512, 1, 1) == weights(512, 64, 64) == 4 * 512**2
    assert weights(512, 8, 2) == 655360 and weights(512, 8, 1) == 589824
    body = text("mha-parameter-count")
    assert "= 655360$ weights" in body and "$589824$" in body
    assert "Ainslie et al. 2023 (GQA)" in card("mha-parameter-count").front.source


def test_same_padding_for_a_five_by_five_kernel_is_two_per_side() -> None:
    # Stride 1: H_o = H + 2p - K + 1. Each wrong option's padding, per side, on K = 5.
    h, k = 32, 5
    grows = {p: out_size(h, k, 1, p) - h for p in (5, 4, 1, 2)}
    assert grows == {5: k + 1, 4: 4, 1: -2, 2: 0}
    c = card("same-padding")
    assert isinstance(c.front, ChoiceFront) and isinstance(c.front.answer, int)
    assert c.front.choices[c.front.answer].startswith("$p = 2$ per side")
    # Every option states the padding per side and a reason, so none stands out as the plain one.
    assert all(choice.count("per side (") == 1 for choice in c.front.choices)
    body = text("same-padding")
    assert "padding is always one pixel" not in body
    assert "$K + 1 = 6$ pixels larger" in body and "shrinks the output by 2" in body


def test_a_tied_max_takes_one_entry_or_a_split_but_not_the_full_gradient_twice() -> None:
    window = np.array([0.0, 0.0, -1.0, -3.0])  # two entries tie for the maximum, after a ReLU

    def is_subgradient(s: np.ndarray, ys: np.ndarray) -> bool:
        # max(y) >= max(x) + s . (y - x) for every y: a supporting plane of the convex max
        return bool(np.all(ys.max(axis=1) >= window.max() + (ys - window) @ s - 1e-12))

    ys = np.vstack(
        [window + np.random.default_rng(3).normal(size=(500, 4)), window + [1.0, 1.0, 0, 0]]
    )
    first, split, both = np.eye(4)[0], np.array([0.5, 0.5, 0, 0]), np.array([1.0, 1.0, 0, 0])
    assert is_subgradient(first, ys) and is_subgradient(split, ys)
    assert not is_subgradient(both, ys)  # raising both tied entries by 1 raises the max by 1, not 2
    # The drill's reference, like PyTorch and Caffe, sends all of g to the first maximum.
    dx = maxpool_backward(np.full((1, 1, 1, 1), 2.0), window.reshape(1, 1, 2, 2))
    assert np.array_equal(dx.reshape(4), 2.0 * first)
    body = text("maxpool-backward-ties")
    assert "Frameworks pick one: the index recorded" not in body
    assert "not what the frameworks" not in body
    assert "TensorFlow's `reduce_max` does split $g$ equally" in body
    assert "Theano issue 5404" in card("maxpool-backward-ties").front.source


def test_strided_max_pooling_ignores_only_half_of_the_one_pixel_shifts() -> None:
    # A lone feature at every pixel of an 8 x 8 map, moved one pixel to the right (the last
    # column wrapping around): 2 x 2 windows with stride 2 keep the pooled map only when the
    # move stays inside a window.
    changed = []
    for i, j in itertools.product(range(8), range(8)):
        spike = np.zeros((1, 1, 8, 8))
        spike[0, 0, i, j] = 1.0
        moved = np.roll(spike, 1, axis=3)
        changed.append(not np.array_equal(maxpool_forward(spike), maxpool_forward(moved)))
        assert changed[-1] == (j % 2 == 1)  # from a window's second column into the next
    assert sum(changed) == len(changed) // 2
    body = text("pooling-purpose")
    assert "It gives approximate invariance to small translations inside a window" not in body
    assert "half of the one-pixel shifts change the output" in body
    source = card("pooling-purpose").front.source
    assert "Azulay & Weiss 2019" in source and "Zhang 2019" in source


def test_every_table_a_body_quotes_is_in_its_source() -> None:
    # positional-encoding-claims quoted table 3's BLEU scores with only sec. 3.2.3 and 3.5
    # in its source, which say "nearly identical" but give no numbers.
    quoted = 0
    for c in BANK.cards:
        if c.pack not in ("architectures", "deep-training"):
            continue
        body = text(c.id).replace(c.front.source, "", 1)
        for table in sorted(set(re.findall(r"\btable (\d+)", body))):
            assert f"table {table}" in c.front.source, (c.id, table)
            quoted += 1
    assert quoted >= 3


def rope_interleaved(x: np.ndarray, position: int) -> np.ndarray:
    """RoPE as the paper writes it: coordinates (2i, 2i+1) rotated by position * theta_i."""
    d = x.size
    theta = 10000.0 ** (-np.arange(0, d, 2) / d)
    cos, sin = np.cos(position * theta), np.sin(position * theta)
    even, odd = x[0::2], x[1::2]
    out = np.empty_like(x)
    out[0::2], out[1::2] = even * cos - odd * sin, even * sin + odd * cos
    return out


def rope_half(x: np.ndarray, position: int) -> np.ndarray:
    """RoPE as GPT-NeoX and Hugging Face's LLaMA write it: coordinate i paired with i + d/2."""
    d = x.size
    theta = 10000.0 ** (-np.arange(0, d, 2) / d)
    cos, sin = np.cos(position * theta), np.sin(position * theta)
    first, second = x[: d // 2], x[d // 2 :]
    return np.concatenate([first * cos - second * sin, first * sin + second * cos])


def test_rope_scores_see_only_the_offset_and_the_two_layouts_differ_by_a_permutation() -> None:
    rng = np.random.default_rng(32)
    d, model = 8, 16
    Wq, Wk, x_m, x_n = (rng.standard_normal(s) for s in ((model, d), (model, d), model, model))

    Rope = Callable[[np.ndarray, int], np.ndarray]

    def score(rope: Rope, wq: np.ndarray, wk: np.ndarray, m: int, n: int) -> float:
        """The attention score of x_m's query at position m and x_n's key at position n."""
        return float(rope(x_m @ wq, m) @ rope(x_n @ wk, n))

    # the score sees only n - m: shifting both positions changes nothing
    assert math.isclose(
        score(rope_interleaved, Wq, Wk, 3, 7), score(rope_interleaved, Wq, Wk, 10, 14)
    )
    # the half layout reads coordinate i with i + d/2: the columns (0, 2, 4, ..., 1, 3, ...)
    # of the interleaved weights give it the same pairs, so the same scores
    perm = np.concatenate([np.arange(0, d, 2), np.arange(1, d, 2)])
    permuted = score(rope_half, Wq[:, perm], Wk[:, perm], 3, 7)
    assert math.isclose(permuted, score(rope_interleaved, Wq, Wk, 3, 7))
    assert not math.isclose(score(rope_half, Wq, Wk, 3, 7), permuted, rel_tol=1e-3)
    body = text("positional-encodings-why")
    assert "$\\theta_i = 10000^{-2i/d}$, the sinusoids' frequencies" in body
    assert "GPT-NeoX and Hugging Face's LLaMA pair $i$ with $i + d/2$ (`rotate_half`)" in body
    assert "weights loaded into the other layout unpermuted give wrong scores" in body
    assert (
        "Su et al. 2021 (RoFormer), sec. 3.2.2 and 3.4.2"
        in card("positional-encodings-why").front.source
    )


def test_a_letter_keeps_one_meaning_across_the_cards_of_a_topic() -> None:
    # In the recurrent topic c is an LSTM's cell state and f its forget gate (lstm-gates,
    # lstm-cell, gru-vs-lstm): bptt's output bias was c, and rnn-gradient-flow's key points
    # wrote the activation's derivative as an undefined f'.
    assert "V h_t + c$$" not in text("bptt")
    assert "V h_t + b_{out}$$" in text("bptt")
    rnn = text("rnn-gradient-flow")
    assert "f'" not in rnn
    assert "$|\\phi'| \\le \\gamma$ for another activation $\\phi$" in rnn
    # one-by-one-convolution used W for its weight matrix and, two lines on, for the width
    # (H W C_in C_out multiply-adds). Its formula is now the drills' kernel w, checked here
    # against the reference conv2d_forward.
    rng = np.random.default_rng(3)
    x, w, b = (
        rng.standard_normal((2, 5, 4, 3)),
        rng.standard_normal((7, 5, 1, 1)),
        rng.standard_normal(7),
    )
    out = conv2d_forward(x, w, b)
    assert np.allclose(out[1, :, 2, 0], w[:, :, 0, 0] @ x[1, :, 2, 0] + b)
    one = text("one-by-one-convolution")
    assert "W \\in \\mathbb{R}" not in one
    assert "$$out[:, i, j] = w[:, :, 0, 0] \\, x[:, i, j] + b$$" in one
    # V is the values in positional-encodings-why, the vocabulary size in embeddings-concept
    assert "queries, keys and values $Q$, $K$ and $V$" in text("positional-encodings-why")


def test_doubling_the_context_quadruples_memory_only_where_the_weights_are_stored() -> None:
    # attention-complexity said doubling T quadruples the arithmetic "not the memory", while
    # attention-score-memory (stored weights) quadruples it: 1 GiB at 4096 tokens, 4 at 8192.
    def stored_weights_bytes(T: int, heads: int = 16) -> int:
        return heads * T * T * 4

    def tiled_state_numbers(T: int) -> int:
        return 2 * T  # a running maximum and sum per query

    assert stored_weights_bytes(8192) == 4 * stored_weights_bytes(4096) == 4 * 2**30
    assert tiled_state_numbers(8192) == 2 * tiled_state_numbers(4096)
    body = text("attention-complexity")
    assert "quadruples the attention arithmetic, not the memory" not in body
    assert "arithmetic; the memory need not follow" in body
    assert "$O(T^2)$ memory per head if stored for the backward pass" in body
    assert "Doubling $T$ to 8192 quadruples this to 4 GiB" in text("attention-score-memory")


def test_an_orthogonal_or_identity_recurrence_keeps_the_gradient_norm() -> None:
    # rnn-gradient-flow listed "orthogonal or identity initialization" unqualified and uncited.
    # An orthogonal W has every singular value 1, so 50 linear steps keep any vector's norm;
    # the identity does so only through ReLU units in their active region (Le et al.'s IRNN),
    # where diag(relu') = I, while a tanh unit's derivative below 1 still shrinks it.
    rng = np.random.default_rng(5)
    Q, _ = np.linalg.qr(rng.standard_normal((8, 8)))
    assert np.allclose(np.linalg.svd(Q, compute_uv=False), 1.0)
    g = rng.standard_normal(8)
    assert np.isclose(np.linalg.norm(np.linalg.matrix_power(Q.T, 50) @ g), np.linalg.norm(g))

    # 50 steps of h_t = f(I h_{t-1} + x_t) with positive inputs, then the gradient back
    # through each step's own derivative: W^T diag(f'(a_t)) with W = I
    def relu(a: np.ndarray) -> np.ndarray:
        return np.asarray(np.maximum(a, 0.0))

    def relu_slope(a: np.ndarray) -> np.ndarray:
        return (a > 0).astype(float)

    def tanh(a: np.ndarray) -> np.ndarray:
        return np.asarray(np.tanh(a))

    def tanh_slope(a: np.ndarray) -> np.ndarray:
        return np.asarray(1 - np.tanh(a) ** 2)

    inputs = np.abs(rng.standard_normal((50, 8))) + 0.5
    for f, slope, keeps in ((relu, relu_slope, True), (tanh, tanh_slope, False)):
        h, pre = np.zeros(8), []
        for x in inputs:
            pre.append(np.eye(8) @ h + x)
            h = f(pre[-1])
        back = g.copy()
        for a in reversed(pre):
            back = np.eye(8).T @ (slope(a) * back)
        ratio = np.linalg.norm(back) / np.linalg.norm(g)
        assert np.isclose(ratio, 1.0) if keeps else ratio < 1e-3, (f.__name__, ratio)
    body = text("rnn-gradient-flow")
    assert "orthogonal or identity initialization of $W$" not in body
    assert "with ReLU units, the identity (Le et al. 2015)" in body
    # Saxe et al. studied deep feed-forward nets; the card says so before applying it to W.
    assert "(Saxe et al. 2014, shown for deep feed-forward nets, which unrolled RNNs are)" in body
    source = card("rnn-gradient-flow").front.source
    assert "Saxe, McClelland & Ganguli 2014" in source and "Le, Jaitly & Hinton 2015" in source


def test_a_fully_masked_row_fails_silently_whether_the_finite_mask_replaces_or_adds() -> None:
    # The attention drill said a fully masked row "becomes uniform": true where -1e9 replaces
    # the scores; where it is added, float64 keeps the scores' differences and the weights
    # are the unmasked ones. Neither fails loudly.
    def softmax(z: np.ndarray) -> np.ndarray:
        e: np.ndarray = np.exp(z - z.max())
        weights: np.ndarray = e / e.sum()
        return weights

    scores = np.array([3.0, 1.0, 2.0, -0.5])
    assert np.allclose(softmax(np.full(4, -1e9)), 0.25)  # replaced
    added = softmax(scores - 1e9)
    assert np.allclose(added, softmax(scores), atol=1e-6) and not np.allclose(added, 0.25)
    assert 1e-7 < np.spacing(1e9) < 2e-7
    body = text("attention")
    assert "a row with every key masked then becomes uniform instead" not in body
    assert "stay those of the unmasked scores where it is added to them" in body


def test_rope_takes_the_sinusoids_formula_over_the_head_size() -> None:
    # positional-encodings-why called RoPE's theta_i "the sinusoids' frequencies" without
    # saying over which d: RoPE rotates each head's queries and keys, so d is the head size
    # (128 in LLaMA-7B), not d_model (4096). The range is alike, 1 down to about 1e-4, but
    # pair i turns at a different rate: pair 32 at 0.01 radian a position, not 0.87.
    def theta(i: int, d: int) -> float:
        return float(10000.0 ** (-2 * i / d))

    assert math.isclose(theta(32, 128), 0.01)
    assert math.isclose(theta(32, 4096), 0.866, rel_tol=1e-3)
    assert 1e-4 < theta(63, 128) < 2e-4 and 1e-4 < theta(2047, 4096) < 2e-4
    body = text("positional-encodings-why")
    assert "the sinusoids' frequencies over the head size $d$" in body


def test_exact_attention_for_one_query_keeps_state_that_does_not_grow_with_t() -> None:
    # attention-complexity said Rabe & Staats need O(T) extra memory, as FlashAttention does
    # (a maximum and a sum per query). Their point is smaller: one query's running state is
    # a maximum, a sum and a d_v accumulator whatever T is, so queries taken one chunk at a
    # time need O(sqrt(T)) in their implementation and O(log T) (counters) in theory.
    rng = np.random.default_rng(44)
    d_v = 3
    for T in (16, 256):
        Q, K, V = rng.normal(size=(T, 4)), rng.normal(size=(T, 4)), rng.normal(size=(T, d_v))
        scores = Q @ K.T / 2.0
        weights = np.exp(scores - scores.max(axis=1, keepdims=True))
        weights /= weights.sum(axis=1, keepdims=True)
        for row in (0, T - 1):
            out, lse = _tiled_attention(Q[row : row + 1], K, V, tile=1)
            assert out.shape == (1, d_v) and lse.shape == (1,)  # the same size for every T
            np.testing.assert_allclose(out[0], weights[row] @ V, rtol=1e-12)
    body = text("attention-complexity")
    assert "(Rabe & Staats 2021; FlashAttention, Dao et al. 2022) runs the softmax" not in body
    assert "$O(T)$ extra memory (FlashAttention, Dao et al. 2022)" in body
    assert "$O(\\sqrt{T})$ (Rabe & Staats 2021; $O(\\log T)$ in theory)" in body


def test_the_forget_bias_of_one_is_jozefowicz_et_al_s_recommendation() -> None:
    # lstm-gates cited Gers et al. (2000) for the bias of 1; "Learning to Forget" adds the
    # forget gate and starts it open with a positive bias, and the value 1 is the one
    # Jozefowicz et al. (2015) recommend. Either way the gate starts at sigma(1), not near 1.
    # Jozefowicz et al. ask for "1 or 2" and say the idea was present in Gers, Schmidhuber
    # & Cummins (2000): the card credits it through them (fifty-second round).
    sigma_1 = 1 / (1 + math.exp(-1.0))
    assert math.isclose(sigma_1, 0.7311, abs_tol=1e-4)
    assert sigma_1**10 / 0.5**10 > 40  # ten steps keep about 40 times more gradient
    body = text("lstm-gates")
    assert "(Gers et al. 2000; Jozefowicz et al. 2015)" not in body
    assert "as Jozefowicz et al. (2015) recommend" in body
    assert "Gers et al. 2000 had suggested a positive one" not in body
    assert "credit the idea to Gers, Schmidhuber and Cummins 2000" in body
    assert "such as 1 or 2" in body
    source = card("lstm-gates").front.source
    assert "Jozefowicz et al. 2015" in source
    assert "Gers, Schmidhuber & Cummins 2000 (Learning to Forget" in source


def test_a_head_s_d_h_is_the_d_k_the_attention_cards_scale_by() -> None:
    # The attention topic scales by sqrt(d_k); the transformers topic by sqrt(d_h), never
    # saying they are one number: Vaswani et al. (sec. 3.2.2) set d_k = d_v = d_model / h.
    d_model, h = 512, 8
    assert d_model // h == 64 and d_model % h == 0
    assert "$d_k$" in text("attention-scaling")
    body = text("why-multiple-heads")
    assert "the paper's $d_k = d_v$, 64 for $d_{model} = 512$ and $h = 8$" in body
    assert "sec. 3.2.2" in card("why-multiple-heads").front.source
    assert "(the $d_k$ of the single-head drill, per head)" in text("multi-head-attention")


def test_the_attention_drill_says_its_rows_are_not_the_softmax_drill_s_columns() -> None:
    # The neural-networks softmax drill normalizes axis 0 (examples are columns); the
    # attention drill normalizes the last axis (tokens are rows). Carried over unchanged,
    # axis 0 normalizes each key over the queries instead: columns sum to 1, rows do not.
    rng = np.random.default_rng(44)
    scores = rng.normal(size=(3, 5))  # 3 queries, 5 keys
    e = np.exp(scores - scores.max(axis=0, keepdims=True))
    wrong = e / e.sum(axis=0, keepdims=True)
    assert np.allclose(wrong.sum(axis=0), 1.0) and not np.allclose(wrong.sum(axis=1), 1.0)
    assert "whose `softmax` normalizes axis 0" in text("attention")
    assert "examples are columns" in text("softmax")
    assert "softmax" in card("attention").front.related


def test_pascanu_bounds_by_the_singular_value_and_the_linear_case_by_the_radius() -> None:
    """rnn-gradient-flow's locator note called sec. 2.1's condition the 'largest eigenvalue',
    a summary's word: the paper bounds each Jacobian by the largest singular value times
    gamma, and keeps the eigenvalue for its linear case (fifty-third round). A matrix with
    spectral radius below 1 but a singular value above it shows the two are not the same:
    its powers vanish in the end though the singular-value bound allows growth."""
    w = np.array([[0.9, 3.0], [0.0, 0.9]])
    assert max(abs(np.linalg.eigvals(w))) < 1 < np.linalg.norm(w, 2)
    powers = [np.linalg.norm(np.linalg.matrix_power(w, n), 2) for n in (1, 2, 400)]
    assert powers[1] > powers[0] > 1 and powers[2] < 1e-10  # grows first, vanishes in the end
    # The pre-activation form s_t = W tanh(s_{t-1}) + U x_t + b is the same network.
    rng = np.random.default_rng(53)
    W, U, b = rng.normal(size=(3, 3)), rng.normal(size=(3, 2)), rng.normal(size=3)
    xs = rng.normal(size=(5, 2))
    h = np.zeros(3)
    s = U @ xs[0] + b
    h = np.tanh(s)
    for x in xs[1:]:
        h = np.tanh(W @ h + U @ x + b)
        s = W @ np.tanh(s) + U @ x + b
    assert np.allclose(h, np.tanh(s))
    body = text("rnn-gradient-flow")
    assert "for them to explode it is necessary that it be above" not in body
    assert "$s_t = W \\phi(s_{t-1}) + U x_t + b$" in body
    assert "they state both with the spectral radius" in body
    assert "sec. 2.1 (eq. 5" in card("rnn-gradient-flow").front.source


def test_the_branch_shares_add_up_to_about_half_n_for_post_norm_and_log_n_for_pre_norm() -> None:
    """pre-norm-vs-post-norm said the amplification grows 'like N against log N' on Liu et
    al.'s word, from a part of the paper no stored text showed; it now adds up the shares
    the test above measures, and cites the abstract, the authors' README (the output change
    follows the dependence) and their code for Admin (fifty-third round)."""
    post, pre = _branch_shares(pre_norm=False), _branch_shares(pre_norm=True)
    n = len(post)
    assert 0.4 * n < sum(post) < 0.6 * n
    harmonic = sum(1 / (block + 1) for block in range(1, n + 1))  # about ln n
    assert 0.7 * harmonic < sum(pre) < 1.3 * harmonic
    assert abs(harmonic - (math.log(n + 1) - 1 + 0.5772)) < 0.1
    body = text("pre-norm-vs-post-norm")
    assert "growing like the number of layers $N$ against $\\log N$" not in body
    assert "Summed over $N$ blocks, about $\\frac{N}{2}$ against $\\ln N$" in body
    source = card("pre-norm-vs-post-norm").front.source
    assert "Training Transformers), abstract (" in source
    assert "Transformer-Clinic README" in source and "transformer_layer.py" in source
    claims = card("norm-placement-claims")
    assert "of the stream (Liu et al. 2020)" not in text("norm-placement-claims")
    assert "Training Transformers), abstract (" in claims.front.source


def test_a_conv_layer_is_shift_equivariant_only_at_stride_one_away_from_the_borders() -> None:
    rng = np.random.default_rng(55)
    x = rng.normal(size=(1, 2, 12, 12))
    w, b = rng.normal(size=(3, 2, 3, 3)), rng.normal(size=3)
    shifted = np.roll(x, 1, axis=3)  # one pixel right; column 0 wraps around
    one = conv2d_forward(x, w, b, stride=1, pad=0)
    one_shifted = conv2d_forward(shifted, w, b, stride=1, pad=0)
    # Stride 1: the map moves by the same pixel, except where the window reads the wrapped border.
    np.testing.assert_allclose(one_shifted[..., 1:], one[..., :-1])
    assert not np.allclose(one_shifted[..., 0], one[..., 0])
    two = conv2d_forward(x, w, b, stride=2, pad=0)
    two_shifted = conv2d_forward(shifted, w, b, stride=2, pad=0)
    # Stride 2: a one-pixel shift is half an output step, so no column of the old map comes back.
    assert not any(
        np.allclose(two_shifted[..., j], two[..., i])
        for i in range(two.shape[-1])
        for j in range(two.shape[-1])
    )
    # Shifting by the stride itself moves the strided map by one column again.
    two_by_two = conv2d_forward(np.roll(x, 2, axis=3), w, b, stride=2, pad=0)
    np.testing.assert_allclose(two_by_two[..., 1:], two[..., :-1])
    body = text("conv2d-forward")
    assert "exactly only at stride 1 and away from the padded borders" in body
    assert "only shifts by multiples of $s$" in body
    assert "translation-equivariant and cheap" not in body


def test_max_pooling_keeps_a_shift_inside_its_window_and_not_one_across() -> None:
    # One strong response on a row of 8, pooled 2 by 2 with stride 2 (windows 0-1, 2-3, ...).
    def pooled(position: int) -> np.ndarray:
        x = np.zeros((1, 1, 2, 8))
        x[0, 0, 0, position] = 1.0
        return maxpool_forward(x)

    assert np.array_equal(pooled(2), pooled(3))  # moved inside the window 2-3: same output
    assert not np.array_equal(pooled(3), pooled(4))  # one pixel more crosses into 4-5
    body = text("why-convolutions")
    assert "which makes small shifts inside a window irrelevant" not in body
    assert "only *approximately* invariant to small shifts" in body


def test_a_padded_border_unit_sees_fewer_real_pixels_and_stride_one_keeps_the_jump() -> None:
    # A 3-wide 'same' convolution on 8 pixels: the first output's field of 3 holds 1 pad.
    def seen(position: int) -> bool:
        x = np.zeros(8)
        x[position] = 1.0
        return bool(np.convolve(np.pad(x, 1), np.ones(3), "valid")[0] != 0)

    assert [p for p in range(8) if seen(p)] == [0, 1]

    # A 3-wide convolution, then 3 by 3 max pooling with stride 1: the field is 5, as
    # r = 3 + (3 - 1) * 1 says, and neighbouring outputs stay 1 pixel apart (no jump).
    def field(unit: int) -> list[int]:
        hits = []
        for position in range(12):
            x = np.zeros(12)
            x[position] = 1.0
            row = np.convolve(x, np.ones(3), "valid")
            pooled = maxpool_forward(np.tile(row, (1, 1, 3, 1)), size=3, stride=1)
            if pooled[0, 0, 0, unit] != 0:
                hits.append(position)
        return hits

    assert field(0) == [0, 1, 2, 3, 4] and field(1) == [1, 2, 3, 4, 5]
    body = text("receptive-field")
    assert "Every stride or pooling layer multiplies the jump" not in body
    assert "Every layer with a stride above 1" in body
    assert "part of the field lies on the padding" in body
