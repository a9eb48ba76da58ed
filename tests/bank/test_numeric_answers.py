"""Every numeric card takes the forms an expert types for its answer and none of its slips.

A person who knows the answer writes it the way the computation left it: a fraction
(1/8), a percentage (4%), scientific notation (3e-5), a power (2^-20), a root (√128, the
spread of a dot product of 128 unit-variance terms) or a natural log (ln 2, the loss at a
zero logit), and rounds a long decimal to three significant figures (11.3). A card whose
tolerance refuses one of them marks a right answer wrong; one whose tolerance takes a
slip its explanation names (the variance for the standard deviation, the untied count,
the other convention) marks a wrong answer right. The table lists both for every numeric
card of the bundled bank, so a new card is added here with its forms.

The cards whose number no drill's engine computes (`test_numeric_engine.py` runs the
others) are recomputed below from the quantities themselves: arrays of the stated shapes,
bytes of the stated dtype, a network with the stated units.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from quiz.bank.models import NumericFront
from quiz.bank.numbers import parse_number
from tests.bank.bundled import BANK, card

FORMS: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = {
    # card id: (typed forms that must pass, slips that must fail)
    "attention-score-memory": (
        ("1024", "1,024", "2^10", "16*4096^2*4/2^20"),
        (64, 512, 2048, 4096),  # one head; float16; float64; T = 8192
    ),
    "attention-score-std": (
        ("11.3137", "11.31", "11.3", "√128", "sqrt(128)", "8√2", "128^0.5"),
        (128, 8, 1, 22.6),  # the variance; d_k = 64; after the scaling; two std
    ),
    "bottleneck-parameters": (
        ("69632", "69,632", "256*64 + 9*64*64 + 64*256"),
        (1179648, 69632 + 64 + 64 + 256),  # two plain 3x3 layers; the biases counted
    ),
    "conv-output-size": (("55",), (54, 56)),  # 224 without padding; no floor
    "conv-parameter-count": (
        ("73856", "73,856", "128*(64*9 + 1)"),
        (73728, 73728 + 64),  # no biases; one bias per input channel
    ),
    "receptive-field-stack": (("5",), (4, 11 / 3)),  # the whole kernel per layer
    "receptive-field-with-pooling": (("8",), (6, 7)),  # (k - 1) per layer, strides ignored
    "embedding-parameter-count": (
        ("16384000", "16,384,000", "1.6384e7", "32000*512"),
        (32768000, 32000 * 512 + 32000),  # untied; an output bias
    ),
    "pool-output-size": (("3",), (4, 3.5)),  # 7 / 2 rounded up; not rounded
    "gru-parameter-count": (
        ("274176", "274,176", "3*(256*356 + 256)"),
        (274176 + 3 * 256, 365568),  # PyTorch's two biases per block; the LSTM
    ),
    "lstm-parameter-count": (
        ("365568", "365,568", "4*(256*356 + 256)"),
        (366592, 274176),  # PyTorch's b_ih and b_hh; the GRU
    ),
    "mha-parameter-count": (
        ("1048576", "1,048,576", "2^20", "4*512^2"),
        (1048576 + 4 * 512, 786432, 655360),  # biases; no output projection; GQA
    ),
    "bce-at-zero-logit": (
        ("0.693147", "0.693", "ln 2", "ln(2)", "log(2)", "-ln(0.5)"),
        (1, math.log10(2), 0.5, -math.log(2)),  # log base 2; base 10; sigma(0); the sign
    ),
    "focal-loss-weight": (
        ("0.04", "4%", "1/25", "0.2^2", "(1 - 0.8)^2"),
        (0.01, 0.64, 0.96),  # p_t = 0.9; p_t squared; one minus the factor
    ),
    "label-smoothing-true-class": (("0.91", "91%", "0.9 + 0.1/10"), (0.9, 0.01)),
    "layernorm-param-count": (
        ("38400", "38,400", "25*1536", "(2*12 + 1)*2*768"),
        (1536, 36864, 19200),  # one layer norm; the final one forgotten; the gains alone
    ),
    "adamw-shrink-per-step": (
        ("0.0001", "1e-4", "0.001*0.1", "1 - 0.9999"),
        (0.1, 0.9999, 100),  # PyTorch's value copied; the factor itself; divided by lr
    ),
    "rmsprop-first-step-size": (
        ("0.1", "1e-1", "10*0.01", "0.01*5/sqrt(0.25)"),
        (0.01 / math.sqrt(0.1), 0.01),  # Keras's rho; the learning rate alone
    ),
    "sgd-l2-decay-factor": (
        ("0.9998", "99.98%", "1 - 0.05*0.004"),
        (0.9996, 0.996, 0.95),  # the gradient of lambda ||w||^2; 1 - lambda; 1 - alpha
    ),
    "cosine-third-of-way": (
        ("0.075", "7.5e-2", "3/40", "0.1*(1 + 0.5)/2"),
        (0.1 * 2 / 3, 0.025, 0.05),  # a linear decay; t = 200; halfway
    ),
    "warmup-first-rate": (("0.00003", "3e-5", "3e-4/10"), (0, 3e-4)),
    "clipped-array-norm": (("0.6", "3/5", "60%"), (3 / 7, 1, 0.2)),
    "gelu-negative-input": (
        ("-0.158655", "-0.1587", "-0.15881", "-(1 - 0.8413)"),
        (0, -0.8413, 0.1587),  # ReLU; Phi(1); the sign dropped
    ),
    "sigmoid-derivative-bound": (("0.25", "1/4", "25%"), (0.5, 1)),  # sigma(0); tanh'(0)
    "sigmoid-gradient-depth": (
        ("9.5367431640625e-7", "9.54e-7", "9.5e-7", "0.25^10", "2^-20", "4**-10", "1/1048576"),
        (2.5, 0.25, 0.25**9),  # a sum of the factors; one factor; nine layers
    ),
    "relu-linear-pieces": (("51",), (50, 2**50)),  # the kinks; a deep network's growth
    "xor-hidden-units": (("2",), (1, 3, 4)),
    "softmax-ce-gradient": (
        ("-0.3", "-3/10", "0.7 - 1"),
        (-1 / 0.7, 0.3, 0.7),  # d/d y_hat; the sign; the probability
    ),
    "gradient-check-cost": (("2000", "2,000", "2*1000"), (1000, 1001)),
    "he-vs-xavier-variance": (("1.5", "3/2", "384/256", "150%"), (2 / 3, 2)),
    "xavier-uniform-limit": (
        ("0.125", "1/8", "sqrt(6/384)", "√(6/384)"),
        (2 / 384, math.sqrt(2 / 384)),  # the variance; the standard deviation
    ),
    "batchnorm-parameter-count": (("128", "2*64"), (256, 64)),
    "adam-uncorrected-first-step": (
        ("0.0031623", "0.00316", "3.16e-3", "0.001*0.1/sqrt(0.001)", "0.001*√10"),
        (1e-3, 1e-4),  # with both corrections; with v's alone
    ),
    "momentum-terminal-velocity": (("100", "1e2", "1/(1 - 0.99)"), (1, 10, 99)),
    "dropout-scaling": (("3.75", "3/0.8", "15/4"), (2.4, 15, 3)),
    "last-mini-batch-size": (("96", "60000 - 234*256"), (256, 234, 235)),
    "linear-scaling-rule": (
        ("3.2", "0.1*32", "0.1*8192/256"),
        (0.1 * math.sqrt(32), 0.1, 32),  # the square-root rule; unchanged; k alone
    ),
    "mini-batch-count": (("391", "390 + 1"), (390, 390.625)),
}


def test_every_numeric_card_of_the_bank_lists_its_forms_and_slips() -> None:
    numeric = {c.id for c in BANK.cards if isinstance(c.front, NumericFront)}
    assert numeric == set(FORMS)


@pytest.mark.parametrize("card_id", sorted(FORMS))
def test_the_card_takes_each_form_an_expert_types(card_id: str) -> None:
    front = card(card_id).front
    assert isinstance(front, NumericFront)
    forms, _ = FORMS[card_id]
    for typed in forms:
        assert front.check_numeric(parse_number(typed)).correct, (card_id, typed)


@pytest.mark.parametrize("card_id", sorted(FORMS))
def test_the_card_refuses_the_slips_its_explanation_names(card_id: str) -> None:
    front = card(card_id).front
    assert isinstance(front, NumericFront)
    _, slips = FORMS[card_id]
    for slip in slips:
        assert not front.check_numeric(float(slip)).correct, (card_id, slip)


def _answer(card_id: str) -> float:
    front = card(card_id).front
    assert isinstance(front, NumericFront)
    return front.answer


def _accepts(card_id: str, value: float) -> bool:
    front = card(card_id).front
    assert isinstance(front, NumericFront)
    return front.check_numeric(value).correct


def test_the_attention_weights_of_16_heads_at_4096_tokens_take_one_gib() -> None:
    heads, tokens = 16, 4096
    weights = np.dtype(np.float32).itemsize * heads * tokens * tokens  # one T x T per head
    assert weights == 2**30
    assert _accepts("attention-score-memory", weights / 2**20)


def test_the_unscaled_score_of_128_unit_variance_pairs_has_spread_root_128() -> None:
    # q.k sums 128 independent products, each of variance E[q^2] E[k^2] = 1; with +-1
    # entries every product is +-1 exactly, so the variance of the sum is the count
    d_k = 128
    products = np.array([-1.0, 1.0])  # q_i k_i for Rademacher entries, equally likely
    variance = d_k * float(np.mean(products**2))
    assert variance == 128.0
    assert _accepts("attention-score-std", math.sqrt(variance))
    assert not _accepts("attention-score-std", variance)


def test_a_tied_embedding_is_one_vocabulary_by_width_matrix() -> None:
    vocab, width = 32000, 512
    shared = np.empty((vocab, width), dtype=np.float32)  # the lookup and the projection
    assert _accepts("embedding-parameter-count", shared.size)
    assert not _accepts("embedding-parameter-count", 2 * shared.size)


def test_a_gru_has_three_blocks_of_the_lstms_four() -> None:
    d, n = 100, 256
    blocks = [{"W": np.empty((n, n + d)), "b": np.empty((n, 1))} for _ in range(3)]
    count = sum(block["W"].size + block["b"].size for block in blocks)
    assert _accepts("gru-parameter-count", count)
    assert count * 4 == _answer("lstm-parameter-count") * 3


def test_multi_head_attention_weights_do_not_depend_on_the_heads() -> None:
    d_model = 512
    for heads in (1, 8, 16):
        d_h = d_model // heads
        per_head = 3 * heads * d_model * d_h  # W_Q, W_K, W_V of every head
        assert _accepts("mha-parameter-count", per_head + d_model * d_model)  # and W_O


def test_the_focal_factor_at_p_t_0_8_is_0_04() -> None:
    assert _accepts("focal-loss-weight", (1 - 0.8) ** 2)
    assert math.isclose(1 / ((1 - 0.8) ** 2), 25)  # "25 times less"
    assert math.isclose((1 - 0.1) ** 2, 0.81)  # a badly classified example keeps 0.81


def test_fifty_relu_units_on_a_line_make_51_pieces() -> None:
    # kinks at 1..50 with slopes that change at each: 51 pieces, the most 50 kinks allow
    kinks = np.arange(1.0, 51.0)
    slopes_out = np.where(np.arange(50) % 2 == 0, 1.0, -2.0)  # c_j, all nonzero

    def f(x: np.ndarray) -> np.ndarray:
        units = slopes_out[:, None] * np.maximum(x[None, :] - kinks[:, None], 0.0)
        return np.asarray(units.sum(axis=0))

    # one point inside each of the 51 intervals the kinks cut the line into
    probes = np.concatenate(([0.0], kinks + 0.5))
    step = 1e-3
    slopes = (f(probes + step) - f(probes - step)) / (2 * step)
    pieces = 1 + int(np.count_nonzero(~np.isclose(np.diff(slopes), 0.0)))
    assert pieces == 51
    assert _accepts("relu-linear-pieces", pieces)


def test_two_relu_units_compute_xor() -> None:
    x = np.array([[0, 0, 1, 1], [0, 1, 0, 1]], dtype=float)
    s = x.sum(axis=0)
    y = np.maximum(s, 0) - 2 * np.maximum(s - 1, 0)
    assert (y > 0.5).astype(int).tolist() == [0, 1, 1, 0]
    assert _accepts("xor-hidden-units", 2)


def test_the_linear_scaling_rule_gives_goyal_et_als_rate() -> None:
    k = 8192 / 256
    assert _accepts("linear-scaling-rule", 0.1 * k)
    assert math.isclose(math.sqrt(k), 5.657, abs_tol=1e-3)  # the square-root factor


def test_gelu_at_minus_one_is_minus_phi_of_minus_one() -> None:
    phi = 0.5 * (1 + math.erf(-1 / math.sqrt(2)))
    assert _accepts("gelu-negative-input", -1 * phi)
