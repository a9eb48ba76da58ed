"""One symbol per meaning in the cards a reader meets together.

Before the thirty-ninth round two schedule cards wrote the learning rate as eta_t (SGDR's
notation) while the AdamW cards used eta_t for Loshchilov & Hutter's schedule multiplier
and alpha for the rate: a reader going from one card to the next met one symbol with two
meanings. The pack now writes the rate as alpha everywhere and keeps eta_t for the
multiplier, and every card that shows eta_t says what it is.
"""

from __future__ import annotations

from tests.bank.bundled import BANK, text

PACK = "deep-training"


def _pack_texts() -> dict[str, str]:
    return {c.id: text(c.id) for c in BANK.cards if c.pack == PACK}


def test_eta_appears_only_as_the_schedule_multiplier_and_says_so() -> None:
    with_eta = {card_id: body for card_id, body in _pack_texts().items() if "\\eta" in body}
    # the three AdamW cards and the cosine card's note on SGDR's notation
    assert set(with_eta) >= {"decoupled-weight-decay", "adamw-step", "adamw-shrink-per-step"}
    for card_id, body in with_eta.items():
        assert "schedule multiplier" in body, card_id
        assert "\\eta_{\\max}" not in body and "\\eta_{\\min}" not in body, card_id
        assert "\\eta_t = \\eta" not in body, card_id  # no schedule formula written in eta


def test_the_cosine_schedule_is_written_with_the_learning_rate_alpha() -> None:
    formula = "\\alpha_t = \\alpha_{\\min} + "
    for card_id in ("learning-rate-schedules", "cosine-third-of-way"):
        assert formula in text(card_id), card_id


def test_the_focal_class_weight_is_defined_where_it_is_used() -> None:
    # alpha_t is Lin et al.'s class weight there, a different quantity from the rate alpha
    for card_id in ("focal-loss-class-imbalance", "focal-loss-weight"):
        assert "$1 - \\alpha$ for negatives" in text(card_id), card_id


def test_the_neural_networks_pack_counts_examples_with_m() -> None:
    # m is the number of examples everywhere in the pack (X is (n_x, m); batch norm's X is
    # (n, m) with n features): the two training cards that wrote the data set's size as n
    # now write m, so n never counts examples in one card and features in the next
    for card_id in ("mini-batch-gradient-descent", "batch-size-tradeoffs"):
        body = text(card_id)
        assert "\\frac{m - B}{m - 1}" in body, card_id
        assert "n - B" not in body and "$n/" not in body and "\\frac{1}{n}" not in body, card_id
    assert "$m/B$" in text("mini-batch-gradient-descent")


def test_adams_v_is_told_apart_from_the_momentum_velocity() -> None:
    # sgd-momentum-adam writes momentum's velocity and Adam's second moment both as v,
    # as their papers do; the card says which is which where Adam's begins
    assert "$v$ (here not the velocity above)" in text("sgd-momentum-adam")


def test_the_leaky_relu_slope_alpha_is_said_not_to_be_a_learning_rate() -> None:
    # alpha is the learning rate across the pack; the activation cards keep Maas et al.'s
    # and Clevert et al.'s alpha for a slope and a saturation value, and say so
    body = text("relu-vs-sigmoid")
    assert "negative-side slope $\\alpha$" in body and "no learning rate" in body


def test_the_softmax_drill_keeps_c_for_the_classes() -> None:
    # the drill's z is (c, m), c classes; its hint and explanation wrote the shift that
    # makes softmax safe as c too, one letter for two things a line apart
    body = text("softmax")
    assert "$c$ classes" in body
    assert "constant $c$" not in body and "c_j" not in body
    assert "constant $s$" in body and "s_j" in body


def test_the_approximation_cards_keep_d_for_the_output_bias() -> None:
    # relu-linear-pieces, xor-hidden-units and universal-approximation write the output
    # bias as d; approximate-sine wrote a segment's width as d and the claims card a
    # polynomial's degree, three meanings in cards read one after another
    assert "+ d$" in text("relu-linear-pieces")
    sine = text("approximate-sine")
    assert "width $d" not in sine and "\\frac{d^2}{8}" not in sine
    assert "width $\\Delta = \\frac{2\\pi}{20}$" in sine
    assert "the target's curvature, not that of $f$" in sine
    assert "degree $d$" not in text("universal-approximation-claims")


def test_the_backprop_cards_keep_c_for_the_classes_and_m_for_the_examples() -> None:
    # softmax-shift-invariance still wrote the shift as c beside the softmax, cross-entropy
    # and backprop cards' c classes; it now subtracts s = max_j z_j, as the softmax drill
    # does. dropout-train-vs-inference wrote its masks m_i where m counts the examples.
    shift = text("softmax-shift-invariance")
    assert "constant $c$" not in shift and "e^c" not in shift and "+ c$" not in shift
    assert "any constant $s$" in shift and "$s = \\max_j z_j$" in shift
    dropout = text("dropout-train-vs-inference")
    assert "m_i w_i x_i" not in dropout
    assert "\\sum_i r_i w_i x_i$ with independent masks $r_i$" in dropout


def test_the_training_cards_count_a_batch_with_b_upper_case() -> None:
    # mini-batch-gradient-descent and batch-size-tradeoffs write the batch size as B; the
    # mini-batches drill wrote it as b, the pack's letter for a bias, in m/b batches
    assert "\\frac{m}{b}" not in text("mini-batches")
    assert "$\\lceil m / B \\rceil$ batches for a `batch_size` of $B$" in text("mini-batches")
    for card_id in ("mini-batch-gradient-descent", "batch-size-tradeoffs"):
        assert "$B$" in text(card_id) or "\\frac{\\sigma^2}{B}" in text(card_id), card_id


def _topic_texts(pack: str, topic: str) -> dict[str, str]:
    """Every card of one topic folder: the cards a reader meets one after another."""
    return {c.id: text(c.id) for c in BANK.cards if c.pack == pack and c.topic == topic}


def test_the_approximation_cards_keep_k_for_a_knot_and_h_for_the_width() -> None:
    # approximate-sine wrote its knots k_0..k_n with n units while universal-approximation,
    # a card it is read with, takes x in R^n; the depth paragraph composed the tent map k
    # times where k is a knot. The drill's knots now run to k_h (h, its width, one unit per
    # segment) and the composition count is L, the pack's letter for a number of layers
    sine = text("approximate-sine")
    assert "k_n" not in sine and "^{n-1}" not in sine
    assert "k_0 < k_1 < ... < k_h$, one hidden unit per segment" in sine
    assert "\\sum_{i=0}^{h-1} c_i" in sine
    depth = text("universal-approximation")
    assert "$k$ times" not in depth and "2^k" not in depth and "O(k)" not in depth
    assert "composed $L$ times, two units per layer, is a sawtooth of $2^L$" in depth
    # Telgarsky's theorem 1.1 takes its own letter, m (fifty-fourth round), not k
    assert "at most $m$ layers and at most $2^m$ nodes" in depth
    # xor-network (related to approximate-sine) wrote x_1 + x_2 as s, the drill's slopes
    # s_i, and its hidden vector as a bare h, the drill's width; it now writes t, as
    # universal-approximation and xor-hidden-units do, and (h_1, h_2)
    xor = text("xor-network")
    assert "$s = " not in xor and "\\text{ReLU}(s)" not in xor and "$h = (" not in xor
    assert "$t = x_1 + x_2$" in xor and "$(h_1, h_2) = (2, 1)$" in xor
    for card_id, body in _topic_texts("neural-networks", "approximation").items():
        assert "\\sum_{i=0}^{n-1}" not in body and "$k$ times" not in body, card_id


def test_the_normalization_cards_write_the_feature_count_as_n() -> None:
    # the layernorm drill, group-norm-and-rmsnorm and rmsnorm-drops divide by n features;
    # layernorm-param-count called the same count d and layernorm-vs-batchnorm d_model
    cards = _topic_texts("deep-training", "normalization")
    assert {"layernorm", "layernorm-param-count", "layernorm-vs-batchnorm"} <= set(cards)
    for card_id, body in cards.items():
        assert "$d" not in body and "d_{model}" not in body and "d_model" not in body, card_id
    assert "each token carries $n = 768$ features" in cards["layernorm-param-count"]
    assert "$2n = 2 \\times 768 = 1536$" in cards["layernorm-param-count"]
    assert "for shape $(B, T, n)$, with $n$ features per token" in cards["layernorm-vs-batchnorm"]


def test_the_gradient_checking_cards_write_the_relative_difference_as_r() -> None:
    # the gradient-check drill names it r and the analytic gradient g^{ana};
    # gradient-checking-method wrote "diff" and g, relative-difference-threshold g
    formula = "r = \\frac{\\|g^{num} - g^{ana}\\|}{\\|g^{num}\\| + \\|g^{ana}\\|}"
    for card_id in ("gradient-check", "gradient-checking-method"):
        assert formula in text(card_id), card_id
    method = text("gradient-checking-method")
    assert "\\text{diff}" not in method and "threshold on diff" not in method
    assert "| threshold on $r$ |" in method
    for card_id, body in _topic_texts("neural-networks", "gradient-checking").items():
        assert "- g\\|" not in body and "\\|g\\|" not in body and "gradient $g$" not in body, (
            card_id
        )


def test_k_is_left_to_the_attention_key_in_the_embedding_cards() -> None:
    # positional-encodings-why writes RoPE's key as k beside the offset of PE_{p+k}, and
    # embedding-gradient-choice wrote a column index as k; the offset is now Delta and
    # the column j
    choice = text("embedding-gradient-choice")
    assert "dout[:, k]" not in choice and "column $k$" not in choice
    assert "weights=dout[:, j], minlength=V)`, one column $j$ at a time" in choice
    for card_id in (
        "positional-encoding",
        "positional-encoding-claims",
        "positional-encodings-why",
    ):
        body = text(card_id)
        assert "offset $k$" not in body and "PE_{p+k}" not in body and "k \\omega_i" not in body
        assert "offset $\\Delta$" in body and "PE_{p+\\Delta}" in body, card_id
    assert "(R_n k) = q^T R_{n-m} k" in text("positional-encodings-why")


def test_the_mini_batches_drill_writes_a_batch_shape_with_b_upper_case() -> None:
    # the Task wrote a batch as (n_x, b), with b the pack's bias letter
    body = text("mini-batches")
    assert "(n_x, b)" not in body and "(n_y, b)" not in body
    assert "shapes `(n_x, B)` and `(n_y, B)`, where $B$ is `batch_size` for a full batch" in body
