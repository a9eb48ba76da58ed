"""`drillbit lint` output for tools: the JSON report (a pydantic model, so `drillbit schema
lint` prints its schema) and GitHub workflow-command annotations, escaped as GitHub reads them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from quiz.bank.problems import Problem
from quiz.paths import as_found

__all__ = [
    "LINT_SCHEMA_VERSION",
    "LintProblem",
    "LintReport",
    "LintTotals",
    "escape_data",
    "escape_property",
    "github_annotation",
    "github_lines",
    "github_path",
    "lint_report",
    "utf8_text",
]

LINT_SCHEMA_VERSION: Literal[1] = 1
"""Bumped when a field of the lint report changes meaning or goes away."""
ANNOTATIONS_PER_STEP = 10
"""Annotations of one severity GitHub shows for a step; it drops the rest without a word."""


class LintProblem(BaseModel):
    """One problem, at `path:line:col`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str = Field(description="The card file, relative to the working directory when below it.")
    line: int = Field(ge=1, description="1-based line.")
    col: int = Field(ge=1, description="1-based column.")
    code: str = Field(description="Kind of problem, kebab-case (e.g. 'unknown-key').")
    severity: Literal["error", "warning"] = Field(description="Errors fail the run.")
    message: str = Field(description="What is wrong, in one line.")


class LintTotals(BaseModel):
    """Counts over the run."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    errors: int = Field(ge=0, description="Problems that fail the run.")
    warnings: int = Field(ge=0, description="Problems reported without failing it.")
    files_with_errors: int = Field(ge=0, description="Distinct files holding an error.")
    cards_loaded: int = Field(
        ge=0,
        description="Cards of the linted paths that loaded (not the rest of the bank they "
        "were checked with).",
    )


class LintReport(BaseModel):
    """`drillbit lint --format json`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: Literal[1] = Field(description="Version of this report's shape.")
    problems: list[LintProblem] = Field(description="Every problem, sorted by place.")
    totals: LintTotals = Field(description="Counts over the run.")


def lint_report(
    problems: Sequence[Problem], cards_loaded: int, path_text: Callable[[Path], str] = str
) -> LintReport:
    """The JSON report of a run; `path_text` turns a problem's path into its shown form."""
    errors = [p for p in problems if p.is_error]
    return LintReport(
        schema_version=LINT_SCHEMA_VERSION,
        problems=[
            LintProblem(
                path=utf8_text(path_text(p.path)),
                line=p.line,
                col=p.col,
                code=p.code,
                severity=p.severity,
                message=utf8_text(p.message),
            )
            for p in problems
        ],
        totals=LintTotals(
            errors=len(errors),
            warnings=len(problems) - len(errors),
            files_with_errors=len({p.path for p in errors}),
            cards_loaded=cards_loaded,
        ),
    )


def utf8_text(text: str) -> str:
    """`text` as JSON can hold it: a file name that is not UTF-8 (Python reads its bytes as
    lone surrogates, which no UTF-8 encodes) with those bytes written `\\xe9`, where the
    report ended in a traceback."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            raw = text.encode("utf-8", "backslashreplace")
        return raw.decode("utf-8", "backslashreplace")
    return text


def escape_data(text: str) -> str:
    """A workflow command's message: `%`, CR and LF escaped (GitHub's escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: also `:` and `,` (GitHub's escapeProperty)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_path(path: Path, workspace: str | None = None) -> str:
    """The path GitHub matches against the checkout: relative to $GITHUB_WORKSPACE when set.

    Outside the workspace (or without one) it is relative to the working directory
    when below it, else absolute. A symbolic link is named where it sits, not where it
    points (`quiz.paths.as_found`): the annotation lands on the file the author made.
    """
    base = os.environ.get("GITHUB_WORKSPACE", "") if workspace is None else workspace
    full = path.absolute()
    found = as_found(path)
    for root in [Path(base)] if base else []:
        for candidate, anchor in ((full, root.absolute()), (found, root.resolve())):
            try:
                return candidate.relative_to(anchor).as_posix()
            except ValueError:
                continue
    try:
        return found.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(full)


def github_annotation(
    problem: Problem, printable_message: str, workspace: str | None = None
) -> str:
    """One `::error file=...,line=...,col=...,title=...::message` line."""
    props = ",".join(
        [
            f"file={escape_property(github_path(problem.path, workspace))}",
            f"line={problem.line}",
            f"col={problem.col}",
            f"title={escape_property(f'drillbit lint ({problem.code})')}",
        ]
    )
    return f"::{problem.severity} {props}::{escape_data(printable_message)}"


def github_lines(
    problems: Sequence[Problem],
    printable: Callable[[str], str],
    workspace: str | None = None,
) -> list[str]:
    """`--format github`: an annotation per problem while GitHub shows them all. Past
    `ANNOTATIONS_PER_STEP` of a severity, the last annotation it shows says how many more
    there are, and those follow in the log as `- path:line:col: severity: message [code]`
    (the dash: a line of a file's name never reads as a workflow command): an author who
    fixed the ten shown would otherwise meet the next ten only on the next push."""
    over: dict[str, list[Problem]] = {}
    for severity in ("error", "warning"):
        same = [p for p in problems if p.severity == severity]
        if len(same) > ANNOTATIONS_PER_STEP:
            over[severity] = same[ANNOTATIONS_PER_STEP - 1 :]
    unannotated = {id(p) for rest in over.values() for p in rest}
    lines = [
        github_annotation(p, printable(p.message), workspace)
        for p in problems
        if id(p) not in unannotated
    ]
    for severity, rest in over.items():
        title = escape_property("drillbit lint (more problems)")
        said = (
            f"{len(rest)} more {severity}s, not annotated (GitHub shows {ANNOTATIONS_PER_STEP} "
            f"{severity}s a step): this step's log lists them"
        )
        lines.append(f"::{severity} title={title}::{escape_data(said)}")
        lines.extend(
            "- "
            + escape_data(
                printable(
                    f"{github_path(p.path, workspace)}:{p.line}:{p.col}: {severity}: "
                    f"{p.message} [{p.code}]"
                )
            )
            for p in rest
        )
    return lines
