"""Lint warning: a pack's choice cards put their right answers at one position too often.

If authors place options in random order, the number of cards whose right answer is at
position p is a sum of independent Bernoulli variables, one per choice card, with
probability |answer| / len(choices) (0 when the card has no option p). A pack whose count
at some position lands in the upper tail beyond `FALSE_ALARM_RATE` (split over the
positions tested, Bonferroni) teaches "pick option p" to anyone studying the files or an
Anki export, even if the app shuffles the options at display.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from quiz.bank.models import Card, ChoiceFront, Pack
from quiz.bank.problems import Problem

__all__ = ["FALSE_ALARM_RATE", "MIN_CARDS", "answer_position_warnings", "upper_tail"]

FALSE_ALARM_RATE = 1e-3
"""Chance that a pack whose options are in random order gets this warning (per pack)."""

MIN_CARDS = 8
"""Packs with fewer choice cards are not tested: too few to tell a habit from chance."""


def upper_tail(probabilities: Sequence[float], observed: int) -> float:
    """P(X >= observed) for X a sum of independent Bernoulli(p_i), exactly (up to rounding).

    Cards with the same p form one binomial (a pack has a few option counts, so a few
    groups), whose terms come from the log-binomial; the groups are then convolved. A term
    by term convolution of every card was quadratic in the cards: 13 s of lint for a pack
    of 3,333 choice cards."""
    if observed <= 0:
        return 1.0
    groups = Counter(p for p in probabilities if p > 0.0)  # p = 0 never adds to X
    dist = [1.0]
    for p, n in sorted(groups.items()):
        dist = _convolve(dist, _binomial(n, p))
    return min(1.0, sum(dist[observed:]))


def _binomial(n: int, p: float) -> list[float]:
    """P(Bin(n, p) = k) for k = 0..n (from the exact binomial coefficient while it fits a
    float, from log-gamma beyond)."""
    if p >= 1.0:
        return [0.0] * n + [1.0]
    q = 1.0 - p
    if n <= 1000:
        return [math.comb(n, k) * p**k * q ** (n - k) for k in range(n + 1)]
    log_p, log_q = math.log(p), math.log1p(-p)
    log_n = math.lgamma(n + 1)
    return [
        math.exp(log_n - math.lgamma(k + 1) - math.lgamma(n - k + 1) + k * log_p + (n - k) * log_q)
        for k in range(n + 1)
    ]


def _convolve(a: list[float], b: list[float]) -> list[float]:
    """The distribution of the sum of two independent counts."""
    if len(a) == 1:
        return [a[0] * x for x in b]
    out = [0.0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b):
                out[i + j] += x * y
    return out


def _choice_fronts(cards: Iterable[Card]) -> list[tuple[Card, ChoiceFront]]:
    return [(c, c.front) for c in cards if isinstance(c.front, ChoiceFront)]


def answer_position_warnings(cards: Sequence[Card], packs: dict[str, Pack]) -> list[Problem]:
    """One warning per pack whose right answers crowd one position, placed on its pack.yaml."""
    warnings: list[Problem] = []
    for name in sorted({c.pack for c in cards}):
        fronts = _choice_fronts(c for c in cards if c.pack == name)
        if len(fronts) < MIN_CARDS:
            continue
        width = max(len(front.choices) for _, front in fronts)
        alpha = FALSE_ALARM_RATE / width
        for position in range(width):
            chances = [
                len(front.correct) / len(front.choices) if position < len(front.choices) else 0.0
                for _, front in fronts
            ]
            hits = [card for card, front in fronts if position in front.correct]
            tail = upper_tail(chances, len(hits))
            if tail >= alpha:
                continue
            pack = packs.get(name)
            where = pack.path / "pack.yaml" if pack is not None else hits[0].path
            warnings.append(
                Problem(
                    Path(where),
                    1,
                    1,
                    "answer-position",
                    f"pack '{name}': {len(hits)} of {len(fronts)} choice cards have a right answer "
                    f"at index {position}; options in random "
                    f"order would put about {sum(chances):.1f} there, and this many or more happens "
                    f"with probability {tail:.1e} < {alpha:.1e}: vary where the right options sit",
                    severity="warning",
                )
            )
    return warnings
