"""No two cards of the bundled bank answer with the same fact.

A choice card whose right option is a concept card's key point, or two concept cards
with one key point, show a learner who reviews both the same fact twice: the second
time it is recognition, not recall. The forty-ninth round found such twins (the one-cycle
shape, the residual Jacobian, what a causal mask allows, group norm's axes and more) and
gave each card a question of its own; this test keeps them from coming back.

What a card answers with is its right options (choice) or its key points (concept). Two
such facts are compared as sets of words (the first five letters of each word of three or
more letters, so "normalizes" meets "normalization") and formulas (whitespace removed):
a pair is a twin when most of the smaller set is in the other (TWIN_SHARE, with at least
MIN_SHARED in common), or when the two share a long formula and a third of the words. It
finds a fact copied or lightly reworded; a paraphrase in other words still needs a
reader. Pairs judged distinct are in DISTINCT, each with its reason.
"""

from __future__ import annotations

import itertools
import re

import pytest

from quiz.bank.models import Card, ChoiceFront, ConceptFront
from tests.bank.bundled import BANK, card

TWIN_SHARE = 0.6
MIN_SHARED = 3
LONG_FORMULA = 12
FORMULA_SHARE = 0.3

_STOP = frozenset(
    "the and for with that this from not are its than then each one two per which what "
    "when how does can into only also both their them they has have had was were will "
    "would all any but our out own same some such very just more most other after before "
    "over under about".split()
)
_MATH = re.compile(r"\$([^$]+)\$")

DISTINCT: dict[frozenset[str], str] = {
    frozenset({"relu-vs-sigmoid", "vanishing-gradient"}): (
        "both need the bound sigma' <= 1/4 as one reason among several (why ReLU wins, why "
        "depth vanishes); the number itself is sigmoid-derivative-bound's question"
    ),
    frozenset({"sgd-momentum-adam", "decoupled-weight-decay"}): (
        "the optimizer survey names AdamW in one clause; what decoupling does is "
        "decoupled-weight-decay's question"
    ),
    frozenset({"mini-batch-gradient-descent", "why-learning-rate-warmup"}): (
        "the linear scaling rule is a key point of the batch-size card; the warmup card asks "
        "why large batches need warmup (Goyal et al.'s five epochs), not the rule"
    ),
    frozenset({"batch-normalization", "layernorm-vs-batchnorm"}): (
        "the learned gamma and beta are the definition both need; neither card asks them, "
        "and their count is batchnorm-parameter-count's question"
    ),
    frozenset({"l2-regularization-effect", "decoupled-weight-decay"}): (
        "plain SGD's shrink factor is the premise of the decoupling card and one effect of "
        "L2 in the other; the number is sgd-l2-decay-factor's question"
    ),
    frozenset({"why-learning-rate-warmup", "pre-norm-vs-post-norm"}): (
        "the forty-eighth round's split (test_one_card_per_fact.py): the norm card asks the "
        "gradients at initialization, the warmup card the warmup they call for"
    ),
    frozenset({"positional-encodings-why", "positional-encoding-claims"}): (
        "the concept card gives the reason positions are needed (permutation equivariance); "
        "the select-all option applies it to a reversed sequence, true only without a causal "
        "mask, the distinction that card tests"
    ),
    frozenset({"mini-batch-gradient-descent", "batch-size-tradeoffs"}): (
        "the select-all card's warmup option applies the concept card's scaling rule to a "
        "16-fold batch among five other claims; the rule's number is linear-scaling-rule's"
    ),
    frozenset({"batch-size-tradeoffs", "why-learning-rate-warmup"}): (
        "shared words (learning rate, warmup): raising the rate for a larger batch is not "
        "why warmup helps"
    ),
    frozenset({"batch-size-tradeoffs", "exploding-gradients"}): (
        "shared words (learning rate, warmup), opposite advice for different problems"
    ),
    frozenset({"batch-size-tradeoffs", "l2-regularization-effect"}): (
        "shared words (learning rate), different facts"
    ),
}


def _tokens(fact: str) -> frozenset[str]:
    formulas = {re.sub(r"\s+", "", f) for f in _MATH.findall(fact)}
    words = re.findall(r"[a-z0-9]+", _MATH.sub(" ", fact).lower())
    stems = {w[:5] for w in words if len(w) >= 3 and w not in _STOP}
    return frozenset(stems | {f for f in formulas if len(f) >= 3})


def _formulas(fact: str) -> set[str]:
    return {re.sub(r"\s+", "", f) for f in _MATH.findall(fact)}


def is_twin(one: str, other: str) -> bool:
    """True when two facts say the same thing in nearly the same words or formulas."""
    a, b = _tokens(one), _tokens(other)
    smaller = min(len(a), len(b))
    if smaller == 0:
        return False
    share = len(a & b) / smaller
    if len(a & b) >= MIN_SHARED and share >= TWIN_SHARE:
        return True
    shared_formula = any(len(f) >= LONG_FORMULA for f in _formulas(one) & _formulas(other))
    return shared_formula and share >= FORMULA_SHARE


def answered_with(c: Card) -> list[str]:
    """The facts a card's answer consists of: its right options or its key points."""
    front = c.front
    if isinstance(front, ChoiceFront):
        return [front.choices[i] for i in sorted(front.correct)]
    if isinstance(front, ConceptFront):
        return list(front.key_points)
    return []


def _twin_pairs() -> dict[frozenset[str], tuple[str, str]]:
    cards = [c for c in BANK.cards if answered_with(c)]
    found: dict[frozenset[str], tuple[str, str]] = {}
    for one, other in itertools.combinations(cards, 2):
        for x, y in itertools.product(answered_with(one), answered_with(other)):
            if is_twin(x, y):
                found[frozenset({one.id, other.id})] = (x, y)
                break
    return found


def test_no_two_cards_answer_with_the_same_fact() -> None:
    twins = {pair: facts for pair, facts in _twin_pairs().items() if pair not in DISTINCT}
    assert twins == {}, "ask each fact once, or add the pair to DISTINCT with a reason"


def test_every_pair_judged_distinct_is_still_found_and_its_cards_exist() -> None:
    """An entry whose cards no longer overlap is a stale excuse: drop it."""
    found = _twin_pairs()
    for pair in DISTINCT:
        for card_id in pair:
            card(card_id)
        assert pair in found, sorted(pair)


# What the twins answered with before the forty-ninth round, against the key point of the
# card that still asks the fact: each must be found, or the check has gone blind.
_FORMER_TWINS = [
    (
        "group-norm-and-rmsnorm",
        "Over $H$, $W$ and one group's $\\frac{C}{G}$ channels, separately for each example "
        "and group",
    ),
    (
        "residual-identity-path",
        "$I + \\frac{\\partial F}{\\partial x}$, so part of the gradient passes through unchanged",
    ),
    (
        "adagrad-rmsprop-adam",
        "It keeps shrinking, like $\\frac{1}{\\sqrt{t}}$, because a sum of squared gradients "
        "can only grow",
    ),
    ("transformer-block", "Position $t$ attends to positions $s \\le t$, itself included"),
    (
        "why-convolutions",
        "Convolution is equivariant to translation - shifting the input shifts the feature map",
    ),
    ("gradient-checking-method", "Restore each parameter after perturbing it"),
    (
        "universal-approximation",
        "One hidden layer can approximate any continuous function on a compact set to any "
        "given accuracy",
    ),
    (
        "pre-norm-vs-post-norm",
        "In a pre-norm block, $x + \\text{Sublayer}(\\text{LayerNorm}(x))$, the residual stream "
        "has an identity path from input to output",
    ),
]


@pytest.mark.parametrize(("owner", "former"), _FORMER_TWINS)
def test_a_former_twin_would_be_found_again(owner: str, former: str) -> None:
    assert any(is_twin(former, point) for point in answered_with(card(owner))), owner


def test_a_different_question_on_the_same_topic_is_no_twin() -> None:
    # the rewritten cards share their topic and some words with the key point, not the fact
    pairs = [
        ("learning-rate-schedules", "one-cycle-policy"),
        ("residual-identity-path", "residual-jacobian"),
        ("transformer-block", "causal-mask-choice"),
        ("group-norm-and-rmsnorm", "normalization-axes"),
        ("group-norm-and-rmsnorm", "rmsnorm-drops"),
        ("dropout-train-vs-inference", "inverted-dropout-inference"),
        ("batch-normalization", "batchnorm-inference"),
        ("gradient-checking-method", "gradient-check-setup"),
        ("attention-complexity", "self-attention-complexity-choice"),
        ("early-stopping", "early-stopping-claims"),
        ("sigmoid-vs-softmax-outputs", "multilabel-output-layer"),
        ("why-convolutions", "cnn-invariance-claims"),
        ("universal-approximation", "universal-approximation-claims"),
        ("pre-norm-vs-post-norm", "norm-placement-claims"),
    ]
    for owner, other in pairs:
        facts = itertools.product(answered_with(card(owner)), answered_with(card(other)))
        assert not any(is_twin(x, y) for x, y in facts), (owner, other)
