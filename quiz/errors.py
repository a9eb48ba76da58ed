"""The project's error hierarchy: what the CLI prints nicely, with an exit code."""

from __future__ import annotations


class DrillbitError(Exception):
    """Base of every error drillbit reports to a person instead of a traceback."""

    exit_code = 1

    def __init__(self, message: str, *, title: str = "drillbit") -> None:
        super().__init__(message)
        self.message = message
        self.title = title


class UsageError(DrillbitError):
    """The command was called wrongly (unknown drill, missing path...)."""

    exit_code = 2
