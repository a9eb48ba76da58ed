"""The numbers the explanations work out agree with the computations they name.

An interviewer checks a worked number ("σ'(2) ≈ 0.105", "after 69 steps half the limit",
"about 17 times more") by redoing it. Each row below redoes one: it names the card, the
words as the card writes them, the number as written there and the value computed here
from the quantities the card states. The written number must agree with the computed one
to within one unit of its last written digit (these are "about" figures), and the words
must still be in the card, so a later edit can neither change the number nor drop the
sentence without this test saying which.
"""

from __future__ import annotations

import math
import sys
from decimal import Decimal

import numpy as np
import pytest

from tests.bank.bundled import text


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def _sigmoid_prime(z: float) -> float:
    return _sigmoid(z) * (1 - _sigmoid(z))


def _momentum_velocity(beta: float, steps: int) -> float:
    """The sum-convention velocity after `steps` equal gradients of 1, step by step."""
    v = 0.0
    for _ in range(steps):
        v = beta * v + 1.0
    return v


def _first_step_reaching(beta: float, fraction: float) -> int:
    """The first step at which that velocity reaches `fraction` of its limit 1/(1 - beta)."""
    step, v = 0, 0.0
    while v < fraction / (1 - beta):
        step, v = step + 1, beta * v + 1.0
    return step


def _cosine(t: int, peak: float = 0.1, steps: int = 300) -> float:
    return peak * (1 + math.cos(math.pi * t / steps)) / 2


D_SINE = 2 * math.pi / 20  # twenty equal segments of [-pi, pi]
FLOAT32_MAX = float(np.finfo(np.float32).max)

ROWS: list[tuple[str, str, str, float]] = [
    # (card id, the words as written, the number as written, the value computed here)
    (
        "conv-parameter-count",
        "56 \\cdot 56 \\cdot 128 \\cdot 576 \\approx 231",
        "231e6",
        56 * 56 * 128 * (64 * 9),
    ),
    (
        "conv-parameter-count",
        "\\approx 8 \\times 10^{10}$ weights",
        "8e10",
        (56 * 56 * 64) * (56 * 56 * 128),
    ),
    (
        "bottleneck-parameters",
        "about 17 times more",
        "17",
        (2 * 256 * 256 * 9) / (256 * 64 + 64 * 64 * 9 + 64 * 256),
    ),
    (
        "bottleneck-parameters",
        "$2 \\times 64 \\cdot 64 \\cdot 9 = 73728$ weights: a similar cost",
        "73728",
        2 * 64 * 64 * 9,  # He et al.'s figure 5: the 64-channel basic block beside it
    ),
    ("why-convolutions", "about 150 million weights", "150e6", 224 * 224 * 3 * 1000),
    ("cross-entropy", "the log moves by 0.095", "0.095", math.log(1e-6 + 1e-7) - math.log(1e-6)),
    (
        "sigmoid",
        "\\sigma(-500) \\approx 7 \\cdot 10^{-218}",
        "7e-218",
        _sigmoid(-500.0),
    ),
    ("sigmoid-derivative-bound", "\\sigma'(2) \\approx 0.105", "0.105", _sigmoid_prime(2.0)),
    ("sigmoid-derivative-bound", "\\sigma'(5) \\approx 0.0066", "0.0066", _sigmoid_prime(5.0)),
    (
        "momentum-terminal-velocity",
        "after 10 steps $v \\approx 9.6 g$",
        "9.6",
        _momentum_velocity(0.99, 10),
    ),
    (
        "momentum-terminal-velocity",
        "after 69 steps half the limit",
        "69",
        _first_step_reaching(0.99, 0.5),
    ),
    (
        "momentum-terminal-velocity",
        "about 460 steps $99 g$",
        "4.6e2",
        _first_step_reaching(0.99, 0.99),
    ),
    ("cosine-third-of-way", "would be at $0.0667$", "0.0667", 0.1 * (1 - 100 / 300)),
    ("cosine-third-of-way", "$t = 150$ gives $0.05$", "0.05", _cosine(150)),
    ("cosine-third-of-way", "$t = 200$ gives $0.025$", "0.025", _cosine(200)),
    ("lstm-gates", "near $\\sigma(1) \\approx 0.73$", "0.73", _sigmoid(1.0)),
    ("lstm-gates", "0.73^{10} \\approx 0.04", "0.04", _sigmoid(1.0) ** 10),
    ("lstm-gates", "0.5^{10} \\approx 0.001", "0.001", 0.5**10),
    ("attention-score-std", "about $\\pm 22.6$ (two standard deviations)", "22.6", 2 * 128**0.5),
    (
        "attention-score-std",
        "e^{22.6} \\approx 6.5 \\times 10^9",
        "6.5e9",
        math.exp(22.6),
    ),
    ("approximate-sine", "\\frac{\\Delta^2}{8} \\approx 0.012", "0.012", D_SINE**2 / 8),
    (
        "adagrad-long-run",
        "\\frac{0.01}{\\sqrt{0.1001}} \\alpha \\approx 0.03 \\alpha",
        "0.03",
        0.01 / math.sqrt(0.1 + 0.01**2),
    ),
    ("he-vs-xavier-variance", "deviation $\\approx 0.0884$", "0.0884", math.sqrt(2 / 256)),
    ("he-vs-xavier-variance", "deviation $\\approx 0.0722$", "0.0722", math.sqrt(2 / 384)),
    ("he-vs-xavier-variance", "\\frac{2}{384} \\approx 0.0052083", "0.0052083", 2 / 384),
    ("xavier-uniform-limit", "($a = 2/384 \\approx 0.0052$)", "0.0052", 2 / 384),
    ("xavier-uniform-limit", "($a \\approx 0.072$)", "0.072", math.sqrt(2 / 384)),
    ("weight-initialization", "2/512 \\approx 0.0039", "0.0039", 2 / 512),
    ("weight-initialization", "2/1024 \\approx 0.0020", "0.0020", 2 / 1024),
    ("dropout-keep-prob", "$0.64 a$", "0.64", 0.8 * 0.8),
    ("adam-step", "\\hat{v}_t \\approx 1.6 v_t", "1.6", 1 / (1 - 0.999**1000)),
    ("adam-step", "about 26% too large", "26", 100 * (math.sqrt(1 / (1 - 0.999**1000)) - 1)),
    ("adam-step", "0.9999^{1000} \\approx 0.90", "0.90", 0.9999**1000),
    ("adam-step", "about 3.2 times too large", "3.2", math.sqrt(1 / (1 - 0.9999**1000))),
    ("adam-step", "about 32 times larger", "32", 1 / math.sqrt(1 - 0.999)),
    (
        "batch-normalization",
        "\\sqrt{0.011 / 0.01001} \\approx 1.048",
        "1.048",
        math.sqrt((0.01 + 1e-3) / (0.01 + 1e-5)),
    ),
    (
        "multilabel-output-layer",
        "gets $-4.5 \\times 10^{-5}$",
        "-4.5e-5",
        _sigmoid_prime(-10.0) * (_sigmoid(-10.0) - 1),
    ),
    ("linear-scaling-rule", "a factor of about 5.7", "5.7", math.sqrt(8192 / 256)),
    ("focal-loss-weight", "keeps $0.81$ of its loss", "0.81", (1 - 0.1) ** 2),
    ("focal-loss-weight", "25 times less", "25", 1 / (1 - 0.8) ** 2),
    (
        "mixed-precision-loss-scaling",
        "2^{-14} \\approx 6.1 \\times 10^{-5}",
        "6.1e-5",
        float(np.finfo(np.float16).smallest_normal),
    ),
    (
        "mixed-precision-loss-scaling",
        "2^{-24} \\approx 6 \\times 10^{-8}",
        "6e-8",
        float(np.finfo(np.float16).smallest_subnormal),
    ),
    (
        "gradient-check",
        "around $5 \\cdot 10^{-5}$",
        "5e-5",
        1e-4 / (2 + 1e-4),  # ||g 1e-4|| / (||g (1 + 1e-4)|| + ||g||)
    ),
    (
        "sigmoid-grad",
        "once $|z|$ is above about 711",
        "711",
        2 * math.acosh(math.sqrt(sys.float_info.max)),  # where cosh(z/2)^2 passes the max
    ),
]


def _agrees(written: str, computed: float) -> bool:
    """`written` is `computed` to within one unit of its last written digit."""
    number = Decimal(written)
    unit = Decimal(1).scaleb(number.as_tuple().exponent)  # type: ignore[arg-type]
    return abs(Decimal(computed) - number) <= unit


@pytest.mark.parametrize(("card_id", "words", "written", "computed"), ROWS)
def test_a_worked_number_is_what_its_computation_gives(
    card_id: str, words: str, written: str, computed: float
) -> None:
    assert words in text(card_id), (card_id, words)
    assert written.lstrip("-").replace("e", "").replace(".", "")[0].isdigit()
    assert _agrees(written, computed), (card_id, words, computed)


def test_the_agreement_is_one_unit_of_the_last_written_digit() -> None:
    # the rule the rows lean on, on numbers whose rounding is known
    assert _agrees("0.105", 0.10499) and not _agrees("0.105", 0.1062)
    assert _agrees("4.6e2", 458.2) and not _agrees("460", 458.2)
    assert _agrees("8e10", 8.06e10) and not _agrees("8e10", 9.2e10)
