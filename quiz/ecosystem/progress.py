"""The progress backup's old home: it lives in `quiz.store.backup` and `quiz.store.backup_export`, inside the store.

Kept as a thin adapter so `quiz.ecosystem.progress` imports keep working.
"""

from __future__ import annotations

from quiz.store.backup import FORMAT, VERSION, import_progress, merge_progress
from quiz.store.backup_export import ExportCounts, export_progress
from quiz.store.backup_models import (
    AttemptRow,
    CardStateRow,
    DraftRow,
    ProgressFile,
    ReviewRow,
    SessionRow,
)
from quiz.store.backup_read import ProgressFormatError, parse_progress, read_progress
from quiz.store.backup_report import MergeReport

__all__ = [
    "FORMAT",
    "VERSION",
    "AttemptRow",
    "CardStateRow",
    "DraftRow",
    "ExportCounts",
    "MergeReport",
    "ProgressFile",
    "ProgressFormatError",
    "ReviewRow",
    "SessionRow",
    "export_progress",
    "import_progress",
    "merge_progress",
    "parse_progress",
    "read_progress",
]
