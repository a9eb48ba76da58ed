"""The error a rule raises where a formula, or part of it, has no faithful text form: where
(an offset into the formula) and why, which lint reports at the card's line and column."""

from __future__ import annotations


class Unconvertible(Exception):
    """A formula, or part of it, that has no faithful plain-text form."""

    def __init__(self, pos: int, message: str) -> None:
        super().__init__(message)
        self.pos = pos
        self.message = message
