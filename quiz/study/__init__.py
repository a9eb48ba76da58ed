"""Study logic over the store: fsrs scheduling, sessions and modes, counts and stats.

Never imports textual; depends on cards only through the `StudyCard` protocol.

The names below are imported on first use (PEP 562), not with the package: importing
one submodule, as `drillbit stats` does with `quiz.study.stats`, must not pull in the
sessions and summaries.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quiz.study.aside import SetAside, aside_phrase, set_card_aside
    from quiz.study.attempts import (
        DrillProgress,
        VerdictLike,
        count_practice_pass,
        record_attempt,
    )
    from quiz.study.cards import KINDS, Filters, Kind, StudyCard
    from quiz.study.counts import Counts, DeckCounts, deck_counts
    from quiz.study.days import StudyZone, ZoneWatch, local_timezone, study_zone
    from quiz.study.elsewhere import (
        AnsweredElsewhere,
        ChangedElsewhere,
        answered_elsewhere_phrase,
        back_elsewhere_phrase,
        set_aside_elsewhere_phrase,
    )
    from quiz.study.options import SessionOptions
    from quiz.study.ratings import (
        is_success,
        rating_for_answer,
        rating_for_drill,
        rating_name,
        suggested_rating,
    )
    from quiz.study.scheduling import (
        default_scheduler,
        format_interval,
        fsrs_card_id,
        preview_intervals,
        review_card,
        shown_interval,
    )
    from quiz.study.session import Session, SessionOver
    from quiz.study.stats import Stats, compute_stats
    from quiz.study.summary import Answer, QuestionResult, Summary, TopicScore

_HOMES = {
    "attempts": ("DrillProgress", "VerdictLike", "count_practice_pass", "record_attempt"),
    "cards": ("KINDS", "Filters", "Kind", "StudyCard"),
    "counts": ("Counts", "DeckCounts", "deck_counts"),
    "days": ("StudyZone", "ZoneWatch", "local_timezone", "study_zone"),
    "ratings": (
        "is_success",
        "rating_for_answer",
        "rating_for_drill",
        "rating_name",
        "suggested_rating",
    ),
    "scheduling": (
        "default_scheduler",
        "format_interval",
        "fsrs_card_id",
        "preview_intervals",
        "review_card",
        "shown_interval",
    ),
    "elsewhere": (
        "AnsweredElsewhere",
        "ChangedElsewhere",
        "answered_elsewhere_phrase",
        "back_elsewhere_phrase",
        "back_elsewhere_phrase",
        "set_aside_elsewhere_phrase",
    ),
    "aside": ("SetAside", "aside_phrase", "set_card_aside"),
    "options": ("SessionOptions",),
    "session": ("Session", "SessionOver"),
    "stats": ("Stats", "compute_stats"),
    "summary": ("Answer", "QuestionResult", "Summary", "TopicScore"),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "KINDS",
    "Answer",
    "AnsweredElsewhere",
    "ChangedElsewhere",
    "Counts",
    "DeckCounts",
    "DrillProgress",
    "Filters",
    "Kind",
    "QuestionResult",
    "Session",
    "SessionOptions",
    "SessionOver",
    "SetAside",
    "Stats",
    "StudyCard",
    "StudyZone",
    "ZoneWatch",
    "Summary",
    "TopicScore",
    "VerdictLike",
    "answered_elsewhere_phrase",
    "aside_phrase",
    "back_elsewhere_phrase",
    "compute_stats",
    "count_practice_pass",
    "deck_counts",
    "default_scheduler",
    "format_interval",
    "fsrs_card_id",
    "preview_intervals",
    "is_success",
    "local_timezone",
    "rating_for_answer",
    "rating_for_drill",
    "rating_name",
    "record_attempt",
    "review_card",
    "set_aside_elsewhere_phrase",
    "set_card_aside",
    "shown_interval",
    "study_zone",
    "suggested_rating",
]


def __getattr__(name: str) -> Any:
    """Import the submodule that defines `name` on first use, then keep the value here."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'quiz.study' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"quiz.study.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
