"""Study logic over the store: fsrs scheduling, sessions and modes, counts and stats.

Never imports textual; depends on cards only through the `StudyCard` protocol.
"""

from quiz.study.attempts import DrillProgress, VerdictLike, record_attempt
from quiz.study.cards import KINDS, Filters, Kind, StudyCard
from quiz.study.counts import Counts, DeckCounts, deck_counts
from quiz.study.days import local_timezone
from quiz.study.ratings import is_success, rating_for_answer, rating_for_drill
from quiz.study.scheduling import default_scheduler, fsrs_card_id, review_card
from quiz.study.session import Session, SessionOptions, SessionOver
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
    "deck_counts",
    "default_scheduler",
    "fsrs_card_id",
    "is_success",
    "local_timezone",
    "rating_for_answer",
    "rating_for_drill",
    "record_attempt",
    "review_card",
]
