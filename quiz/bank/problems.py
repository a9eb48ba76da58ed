"""A content problem with its place, and the error that carries a list of them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from quiz.errors import DrillbitError


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, at `path:line:col` (1-based)."""

    path: Path
    line: int
    col: int
    code: str
    """A short kebab-case kind of problem, e.g. 'unknown-key', 'duplicate-id'."""
    message: str
    severity: Literal["error", "warning"] = "error"
    """Errors fail `drillbit lint`; warnings are reported but leave the exit code 0."""

    @property
    def is_error(self) -> bool:
        """True for an error, False for a warning."""
        return self.severity == "error"

    def format(self) -> str:
        """`path:line:col: message [code]`, the form editors and CI understand."""
        kind = "" if self.is_error else "warning: "
        return f"{self.path}:{self.line}:{self.col}: {kind}{self.message} [{self.code}]"


class ContentError(DrillbitError):
    """Content could not be loaded; carries every problem found, each with its place."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        first = self.problems[0].format() if self.problems else "content error"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(first + more, title="content")
