"""The answer files in tests/data/answers and the drill each one is for (shared by test suites).

Each file is a standalone submission; its first line says what grading must give:
`# expect: <status> | <substring of the first failure's message or the summary>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import DATA

ANSWERS = DATA / "answers"

DRILLS: dict[str, str] = {
    "sigmoid": "nn.activations.sigmoid",
    "sigmoid-grad": "nn.activations.sigmoid_grad",
    "relu-family": "nn.activations.relu_family",
    "softmax": "nn.softmax.softmax",
    "cross-entropy": "nn.softmax.cross_entropy",
    "two-layer-backprop": "nn.backprop.two_layer",
    "sgd-step": "nn.optim.sgd_step",
    "momentum-step": "nn.optim.momentum_step",
    "adam-step": "nn.optim.adam_step",
    "batchnorm": "nn.batchnorm.batchnorm",
    "dropout": "nn.dropout.dropout",
    "initializers": "nn.init.initializers",
    "xor-network": "nn.approx.xor_network",
    "approximate-sine": "nn.approx.approximate_sine",
    "numerical-gradient": "nn.gradcheck.numerical_gradient",
    "gradient-check": "nn.gradcheck.gradient_check",
    "mini-batches": "nn.minibatch.random_mini_batches",
    # architectures pack
    "conv2d-forward": "arch.conv.conv2d_forward",
    "conv2d-backward": "arch.conv.conv2d_backward",
    "maxpool": "arch.pooling.maxpool",
    "lstm-cell": "arch.recurrent.lstm_cell",
    "attention": "arch.attention.attention",
    "multi-head-attention": "arch.attention.multi_head_attention",
    "embedding": "arch.embedding.embedding",
    "positional-encoding": "arch.embedding.positional_encoding",
    # deep-training pack
    "rmsprop-step": "deep.optim.rmsprop_step",
    "adamw-step": "deep.optim.adamw_step",
    "clip-grad-norm": "deep.clipping.clip_grad_norm",
    "warmup-cosine": "deep.schedules.warmup_cosine_lr",
    "layernorm": "deep.layernorm.layernorm",
    "bce-with-logits": "deep.losses.bce_with_logits",
    "label-smoothing": "deep.losses.smoothed_cross_entropy",
    "weight-decay-l2": "deep.regularization.l2_penalty_and_grads",
}
"""Drill id (the card's id and the answers folder) -> checker dotted name."""

_EXPECT = re.compile(r"^# expect: (passed|failed|error|invalid) \| (.+)$")


@dataclass(frozen=True)
class Answer:
    """One answer file and the verdict it must get."""

    path: Path
    drill: str
    checker: str
    status: str
    phrase: str

    @property
    def source(self) -> str:
        """The submission's text."""
        return self.path.read_text(encoding="utf-8")


def answers() -> list[Answer]:
    """Every answer file, sorted by path."""
    out = []
    for path in sorted(ANSWERS.glob("*/*.py")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = _EXPECT.match(first)
        if match is None:
            raise ValueError(f"{path}: line 1 must be '# expect: <status> | <phrase>'")
        drill = path.parent.name
        out.append(Answer(path, drill, DRILLS[drill], match.group(1), match.group(2)))
    return out


def first_failure_message(drill: str, name: str, seed: int = 0) -> str:
    """The first failure's message when answer file `name` of `drill` is graded in process
    with `seed`: what a round's message tests read (the answer must fail)."""
    from engine.checkers import get_checker
    from engine.grade_inprocess import grade_inprocess, load_submission

    checker = get_checker(DRILLS[drill])
    source = (ANSWERS / drill / f"{name}.py").read_text(encoding="utf-8")
    verdict = grade_inprocess(checker, load_submission(source, checker.entries), seed=seed)
    assert not verdict.passed
    assert verdict.first_failure is not None
    return verdict.first_failure.message
