"""SQLite persistence: card states, review logs, drill attempts, drafts, migrations."""

from quiz.store.errors import ChangedSinceError, NotSavedError, StoreError
from quiz.store.migrations import LATEST_VERSION
from quiz.store.records import (
    MODES,
    Attempt,
    CardFlag,
    CardState,
    Draft,
    InterviewPlan,
    Mode,
    Review,
    ReviewTally,
    StoreNotice,
)
from quiz.store.store import Store

__all__ = [
    "LATEST_VERSION",
    "MODES",
    "Attempt",
    "CardFlag",
    "CardState",
    "ChangedSinceError",
    "Draft",
    "InterviewPlan",
    "Mode",
    "NotSavedError",
    "Review",
    "ReviewTally",
    "Store",
    "StoreError",
    "StoreNotice",
]
