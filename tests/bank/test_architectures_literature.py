"""The forty-second review of the architectures pack, its claims computed where they can be.

An interviewer read every card against the papers it cites. Each test computes the fact a
card now states (with the reference engine where a drill's formula is concerned), then
checks the card says it and no longer says what the review corrected.
"""

from __future__ import annotations

import numpy as np

from engine.arch.conv import conv2d_backward, conv2d_forward
from engine.arch.recurrent import lstm_cell_forward
from quiz.bank.models import CodingFront, ConceptFront
from tests.bank.bundled import BANK, card, text


def dilated(dout: np.ndarray, stride: int) -> np.ndarray:
    """`dout` with its entries `stride` pixels apart on both spatial axes, zeros between."""
    n, f, ho, wo = dout.shape
    out = np.zeros((n, f, (ho - 1) * stride + 1, (wo - 1) * stride + 1))
    out[:, :, ::stride, ::stride] = dout
    return out


def test_a_strided_convolutions_gradients_read_dout_dilated_by_the_stride() -> None:
    # conv2d-backward said dw reads "dout at every s-th position of the input", which
    # names neither array right: with a stride, dw cross-correlates the padded input with
    # dout dilated by s, and dx_pad is the full convolution of that dilated dout with w.
    rng = np.random.default_rng(42)
    stride, pad = 2, 1
    x = rng.standard_normal((2, 3, 8, 7))
    w = rng.standard_normal((4, 3, 3, 2))
    b = rng.standard_normal(4)
    dout = rng.standard_normal(conv2d_forward(x, w, b, stride, pad).shape)
    dx, dw, _ = conv2d_backward(dout, x, w, b, stride, pad)
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    big = dilated(dout, stride)
    bh, bw = big.shape[2:]
    kh, kw = w.shape[2:]
    cross = np.empty_like(w)
    for u in range(kh):
        for v in range(kw):
            cross[:, :, u, v] = np.einsum("nfij,ncij->fc", big, xp[:, :, u : u + bh, v : v + bw])
    assert np.allclose(cross, dw)
    # the full convolution: every dilated entry lays its filter down at its own position
    full = np.zeros_like(xp)
    for i in range(bh):
        for j in range(bw):
            full[:, :, i : i + kh, j : j + kw] += np.einsum("nf,fcuv->ncuv", big[:, :, i, j], w)
    # rows and columns no window reached (8 + 2 - 3 is odd) stay 0, then the crop
    assert not full[:, :, -1, :].any()
    assert np.allclose(full[:, :, pad:-pad, pad:-pad], dx)
    body = text("conv2d-backward")
    assert "`dout` is read at every $s$-th position of the input" not in body
    assert "with stride $s$, with `dout` dilated by $s$" in body
    assert "0 for the rows and columns no window reached" in body


def test_the_effective_receptive_field_widens_like_the_root_of_the_depth() -> None:
    # Luo et al. 2016: n stacked layers spread a unit's gradient like a sum of n steps,
    # so the effective field's width grows like sqrt(n) and the theoretical one like n.
    def impulse_response(layers: int) -> np.ndarray:
        out = np.array([1.0])
        for _ in range(layers):
            out = np.convolve(out, np.ones(3) / 3)
        return out

    def width(weights: np.ndarray) -> float:
        positions = np.arange(weights.size) - weights.size // 2
        return float(np.sqrt((weights * positions**2).sum()))

    assert impulse_response(4).size == 2 * 4 + 1
    assert np.isclose(width(impulse_response(16)) / width(impulse_response(4)), 2.0)
    theoretical = (2 * 16 + 1) / (2 * 4 + 1)
    assert theoretical > 3.6
    body = text("receptive-field")
    assert "its width grows like $\\sqrt{n}$ while the theoretical field grows like $n$" in body
    front = card("receptive-field").front
    assert isinstance(front, ConceptFront)
    assert any("$\\sqrt{n}$" in point for point in front.key_points)


def test_a_gated_feed_forward_keeps_the_weights_of_a_four_d_one() -> None:
    # transformer-block gave 4 d_model as the feed-forward width without saying that
    # SwiGLU models (LLaMA) use three matrices of about 8/3 d_model: the same 8 d^2.
    d = 4096
    assert 3 * d * (8 * d // 3) <= 8 * d * d
    assert abs(3 * d * 11008 - 8 * d * d) / (8 * d * d) < 0.01  # LLaMA-7B's inner size
    body = text("transformer-block")
    assert "three matrices of inner size about $\\frac{8}{3} d_{model}$" in body
    assert "Touvron et al. 2023 (LLaMA), sec. 2.2" in card("transformer-block").front.source
    # the decoder's cross-attention is a third sub-layer, and its inputs are shifted right
    assert "cross-attention** between the two" not in body
    assert "a third sub-layer, between those two, of **cross-attention**" in body
    assert "shifted right by one position, which is why the mask keeps the diagonal" in body
    assert "section 3.1-3.3" not in card("transformer-block").front.source
    # with cross-attention a decoder block holds 8 d^2 of attention against 8 d^2 of MLP
    attention, cross, mlp = 4 * d * d, 4 * d * d, 8 * d * d
    assert mlp / (attention + mlp) == 2 / 3 and mlp / (attention + cross + mlp) == 1 / 2
    assert "(half in a decoder block with cross-attention)" in body


def test_a_heads_scores_have_rank_at_most_its_size() -> None:
    rng = np.random.default_rng(7)
    T, dh = 12, 4
    scores = rng.standard_normal((T, dh)) @ rng.standard_normal((T, dh)).T
    assert np.linalg.matrix_rank(scores) == dh < T
    body = text("why-multiple-heads")
    assert "have rank at most $d_h$" in body
    assert "Bhojanapalli et al. 2020" in card("why-multiple-heads").front.source


def test_the_lstm_cell_path_is_the_forget_gate_with_h_held_fixed() -> None:
    rng = np.random.default_rng(5)
    n, d, m = 3, 2, 1
    x, h_prev, c_prev = (rng.standard_normal(s) for s in ((d, m), (n, m), (n, m)))
    W, b = rng.standard_normal((4 * n, n + d)), rng.standard_normal((4 * n, 1))
    _, c, _ = lstm_cell_forward(x, h_prev, c_prev, W, b)
    _, c_moved, _ = lstm_cell_forward(x, h_prev, c_prev + 1e-6, W, b)
    z = W @ np.vstack([h_prev, x]) + b
    f = 1 / (1 + np.exp(-z[n : 2 * n]))
    assert np.allclose((c_moved - c) / 1e-6, f)
    assert "on the direct path; $c_{t-1}$ also reaches the gates through $h_{t-1}$" in text(
        "lstm-cell"
    )


def test_review_corrections_of_wording_notation_and_sources() -> None:
    # embeddings-concept called the table E where the drill, the choice and the numeric
    # cards of its topic call it W
    concept = text("embeddings-concept")
    assert "E \\in \\mathbb{R}" not in concept and "$E[v]$" not in concept
    assert "$W \\in \\mathbb{R}^{V \\times d}$" in concept
    # ALiBi's flat perplexity past the training length is not a longer memory
    why = text("positional-encodings-why")
    assert "only ALiBi keeps its quality" in why
    assert "not proof the extra context is used" in why and "early-token curse" in why
    # pre-norm's gradient bound shrinks with depth (Xiong et al., theorem 1)
    assert "$\\sqrt{N}$ times smaller for $N$ layers" in text("pre-norm-vs-post-norm")
    assert "theorem 1" in card("pre-norm-vs-post-norm").front.source
    # sources name the section that holds the fact
    one = card("one-by-one-convolution").front.source
    assert "Going Deeper with Convolutions), sec. 4" in one
    assert "sec. 3.3 (projection shortcuts)" in one and "Long, Shelhamer & Darrell 2015" in one
    assert "Long et al. 2015" in text("one-by-one-convolution")
    for card_id in ("maxpool", "pooling-purpose"):
        assert "(Network in Network), sec. 3.2 (global average pooling)" in (
            card(card_id).front.source
        )
    assert "Striving for Simplicity" in card("pooling-purpose").front.source
    assert "Krizhevsky et al. 2012 sec. 3.4" in card("maxpool").front.source


def test_every_drill_of_the_pack_names_a_card_of_its_topic_that_teaches_it() -> None:
    # lstm-cell named only conv2d-backward as related, multi-head-attention only the
    # attention drill: a drill now points at a concept, choice or numeric card of its topic
    for c in BANK.cards:
        if c.pack != "architectures" or not isinstance(c.front, CodingFront):
            continue
        teaching = [
            card(other)
            for other in c.front.related
            if not isinstance(card(other).front, CodingFront)
        ]
        assert any(t.front.topic == c.front.topic for t in teaching), c.id


def test_flash_attention_is_faster_with_more_arithmetic_not_the_same() -> None:
    # attention-complexity said FlashAttention is faster "with the same arithmetic"; its
    # backward pass recomputes the scores, which the standard one reads back: in multiples
    # of T^2 d multiply-adds, forward Q K^T and P V, backward dV, dP, dS K, dS^T Q.
    standard = 2 + 4
    recomputed = standard + 1  # Q K^T once more, tile by tile
    assert recomputed > standard
    body = text("attention-complexity")
    assert "FlashAttention is also faster, with the same arithmetic" not in body
    assert "though that recomputation adds arithmetic (Dao et al. 2022, figure 2)" in body
    assert "figure 2" in card("attention-complexity").front.source
