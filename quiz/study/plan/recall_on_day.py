"""Readiness on the day: the mean predicted recall of the plan's cards at the
start of the interview day (`readiness`), and the target and margin plan mode aims at.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from fsrs import Card, Scheduler

from quiz.store.records import CardState, InterviewPlan
from quiz.study.cards import StudyCard
from quiz.study.counts import topic_labels
from quiz.study.days import date_start
from quiz.study.plan.curve import _curve, recall_at

DEFAULT_TARGET = 0.9


READINESS_MARGIN = 0.03
"""The last pass stops once predicted readiness on the day reaches the target plus this:
fsrs predicts with default parameters, a person's memory differs, and some answers lapse."""


def memory_of(states: Mapping[str, CardState]) -> dict[str, Card]:
    """The fsrs Cards of saved states, by card id."""
    return {card_id: Card.from_json(state.fsrs_card) for card_id, state in states.items()}


def interview_start(plan: InterviewPlan, tz: tzinfo) -> datetime:
    """The moment readiness is measured: the start of the interview's study day, in UTC."""
    return date_start(plan.interview, tz)


@dataclass(frozen=True)
class Readiness:
    """Mean predicted recall at one moment, overall and per topic (a never-seen card is 0)."""

    overall: float
    by_topic: dict[str, float]
    """By topic name then pack; a name two packs share is one entry per pack, "topic (pack)"."""
    cards: int
    """How many cards the mean is over."""
    seen: int
    """How many of them have been studied at least once."""


def readiness(
    cards: Sequence[StudyCard],
    memory: Mapping[str, Card],
    moment: datetime,
    scheduler: Scheduler,
) -> Readiness:
    """Readiness of `cards` at `moment` from their fsrs memory states."""
    totals: dict[tuple[str, str], list[float]] = {}
    known = [memory.get(card.id) for card in cards]
    recalls = _recalls(known, moment, scheduler)
    for card, recall in zip(cards, recalls, strict=True):
        pack = getattr(card, "pack", "")  # pack_of, inlined (called per card and per day)
        group = (pack if isinstance(pack, str) else "", card.topic)
        totals.setdefault(group, []).append(recall)
    count = len(cards)
    # a topic name two packs share is one figure per pack, "topic (pack)", as in stats
    labels = topic_labels(totals)
    return Readiness(
        overall=_mean(recalls),
        by_topic={
            labels[group]: sum(values) / len(values)
            for group, values in sorted(totals.items(), key=lambda item: item[0][::-1])
        },
        cards=count,
        seen=sum(1 for one in known if one is not None),
    )


def _recalls(known: Iterable[Card | None], moment: datetime, scheduler: Scheduler) -> list[float]:
    """`recall_at(card, moment, scheduler)` of each card, the curve's constants read once:
    readiness asks it of every card twice a forecast day, the last pass once a day."""
    curve = _curve(scheduler) if moment.tzinfo is not None else None
    if curve is None:
        return [recall_at(card, moment, scheduler) for card in known]
    factor, decay = curve
    found: list[float] = []
    for card in known:  # _plain_recall, inlined
        reviewed, stability = (None, None) if card is None else (card.last_review, card.stability)
        found.append(
            0.0
            if reviewed is None or stability is None
            else float((1 + factor * max(0, (moment - reviewed).days) / stability) ** decay)
        )
    return found


def _mean(values: Sequence[float]) -> float:
    """The mean of `values` added one by one in their order (0 for none): not `sum`, whose
    floats Python 3.12 adds with compensation, so that the printed figures keep their bits."""
    total = 0.0
    for value in values:
        total += value
    return total / len(values) if values else 0.0
