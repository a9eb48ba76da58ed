"""Counting the fsrs texts a backup read checks, for the tests of what it checks and when."""

from __future__ import annotations

from typing import Any

import pytest

from quiz.store import backup_fsrs


def count_fsrs_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts `backup_fsrs._fsrs` is asked to check from now on, in order."""
    asked: list[str] = []
    check = backup_fsrs._fsrs

    def counted(value: str, info: Any) -> str:
        asked.append(value)
        return check(value, info)

    monkeypatch.setattr(backup_fsrs, "_fsrs", counted)
    return asked
