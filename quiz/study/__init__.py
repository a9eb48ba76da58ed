"""Study logic over the store: fsrs scheduling, sessions and modes, counts and stats.

Never imports textual; depends on cards only through the `StudyCard` protocol.
"""

from quiz.study.attempts import DrillProgress, VerdictLike, count_practice_pass, record_attempt
from quiz.study.cards import KINDS, Filters, Kind, StudyCard
from quiz.study.counts import Counts, DeckCounts, deck_counts
from quiz.study.days import local_timezone
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
)
from quiz.study.session import Session, SessionOptions, SessionOver, set_card_aside
from quiz.study.stats import Stats, compute_stats
from quiz.study.summary import Answer, QuestionResult, Summary, TopicScore

__all__ = [
    "KINDS",
    "Answer",
    "Counts",
    "DeckCounts",
    "DrillProgress",
    "Filters",
    "Kind",
    "QuestionResult",
    "Session",
    "SessionOptions",
    "SessionOver",
    "Stats",
    "StudyCard",
    "Summary",
    "TopicScore",
    "VerdictLike",
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
    "set_card_aside",
    "suggested_rating",
]
