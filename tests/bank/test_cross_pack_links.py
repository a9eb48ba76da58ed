"""Cards of different packs that state the same fact link to each other.

neural-networks teaches the basics; deep-training and architectures go deeper into the same
quantities (Adam's first step, batch norm against layer norm, softmax with cross-entropy,
vanishing and exploding gradients). A learner who reviews the deeper card should be offered
the basic one, so its `related` names it. Links run from a pack to the packs it names in
`after` (lint of one pack folder reports any other), never back.
"""

from __future__ import annotations

import pytest

from tests.bank.bundled import card

DEEPER_TO_BASIC = [
    ("adagrad-rmsprop-adam", "sgd-momentum-adam"),
    ("adamw-step", "adam-step"),
    ("rmsprop-first-step-size", "adam-uncorrected-first-step"),
    ("rmsprop-first-step-size", "adam-bias-correction"),
    ("decoupled-weight-decay", "sgd-momentum-adam"),
    ("layernorm-vs-batchnorm", "batch-normalization"),
    ("layernorm-vs-batchnorm", "batchnorm-inference"),
    ("small-batch-normalization", "batchnorm-claims"),
    ("layernorm", "batchnorm"),
    ("group-norm-and-rmsnorm", "batch-normalization"),
    ("sigmoid-vs-softmax-outputs", "softmax-ce-gradient"),
    ("sigmoid-vs-softmax-outputs", "softmax"),
    ("label-smoothing", "softmax-ce-gradient"),
    ("bce-gradient", "softmax-ce-gradient"),
    ("layernorm-param-count", "batchnorm-parameter-count"),
    ("label-smoothing", "cross-entropy"),
    ("exploding-gradients", "vanishing-gradient"),
    ("exploding-gradients", "weight-initialization"),
    ("residual-identity-path", "vanishing-gradient"),
    ("why-learning-rate-warmup", "linear-scaling-rule"),
    ("why-learning-rate-warmup", "adam-bias-correction"),
    ("rnn-gradient-flow", "vanishing-gradient"),
    ("rnn-gradient-flow", "clip-grad-norm"),
    ("pre-norm-vs-post-norm", "layernorm-vs-batchnorm"),
    ("transformer-block", "layernorm"),
    ("attention", "softmax"),
]

ORDER = ["neural-networks", "deep-training", "architectures"]


@pytest.mark.parametrize(("deeper", "basic"), DEEPER_TO_BASIC)
def test_the_deeper_card_names_the_basic_one(deeper: str, basic: str) -> None:
    assert basic in card(deeper).front.related
    # Only toward a pack loaded earlier: the basic card's pack comes first.
    assert ORDER.index(card(basic).pack) < ORDER.index(card(deeper).pack), (deeper, basic)
