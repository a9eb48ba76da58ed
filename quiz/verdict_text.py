"""A verdict as plain text for the terminal (`drillbit grade`, `drillbit watch`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from engine.outcome import GRADER_FAILED, GRADER_FAILED_PREFIX, CaseStatus, Status
from quiz.plural import counted
from quiz.wrapping import INDEX_PLACE, fold_cells, fold_line

if TYPE_CHECKING:  # the models (pydantic) come with a verdict: the drill screen imports this
    from engine.verdict import CaseResult, Verdict

_MARK = {
    CaseStatus.PASSED: "ok  ",
    CaseStatus.FAILED: "FAIL",
    CaseStatus.ERROR: "ERR ",
    CaseStatus.INVALID: "BAD ",
    CaseStatus.TIMEOUT: "TIME",
    CaseStatus.NOT_RUN: " -- ",
}

_PLACES = (INDEX_PLACE,)
"""What a verdict's lines never fold inside: a failing case's place, `theta[0, 0]`."""

HEADLINE = {
    Status.PASSED: "PASSED",
    Status.FAILED: "FAILED",
    Status.ERROR: "ERROR",
    Status.TIMEOUT: "TIMEOUT",
    Status.CRASHED: "CRASHED",
    Status.INVALID: "INVALID RETURN",
    Status.INTERNAL: "GRADER PROBLEM",
}
"""A verdict's first word, the same in `drillbit grade` and `drillbit watch`."""


def _without_values(message: str, case: CaseResult) -> str:
    """`message` without its closing "expected X, got Y": the lines under it say them (the
    checks end a mismatch's one line with them, for the case list)."""
    if case.expected is None or case.got is None:
        return message
    first, newline, rest = message.partition("\n")
    tail = f"expected {case.expected}, got {case.got}"
    if first.endswith(tail):
        first = first.removesuffix(tail).rstrip(" :,;")
    return (first + newline + rest).strip("\n")


def failure_lines(case: CaseResult, *, values_first: bool = False) -> list[str]:
    """The failing case explained, one thing a line and each once: its inputs, the problem,
    expected and got, the tolerance (`drillbit grade`, `watch` and the drill screen).
    `values_first`: expected and got lead, then the problem, then the inputs (the drill
    screen, whose box shows three lines under the case's name at 80x24: two lines of
    inputs and the message's first left expected and got below it)."""
    values = []
    if case.expected is not None or case.got is not None:
        values = [f"expected: {case.expected}", f"got:      {case.got}"]
    inputs = [f"inputs:   {case.inputs}"] if case.inputs else []
    problem = []
    if case.message:  # a grader failure's reason: the headline said whose failure it is
        message = case.message.removeprefix(GRADER_FAILED_PREFIX)
        problem = _without_values(message, case).splitlines()
    lines = values + problem + inputs if values_first else inputs + problem + values
    if case.tolerance:  # the worst error is in the message: "max rel error 0.3 > 1e-09 at ..."
        lines.append(f"tolerance: {case.tolerance}")
    return lines


def _problem(case: CaseResult) -> str:
    """What makes two cases the same problem: the named mistake when the grader named one
    (its message goes on with this case's values or raised error), else the whole message,
    so a different error is never folded into an earlier one."""
    return case.problem or case.message


def row_details(cases: Sequence[CaseResult], first: CaseResult | None) -> list[str]:
    """Each case row's words: none for a pass or for the first problem (explained in full
    below the rows), 'same problem as case 5' for a repeat of an earlier row's problem, else
    the message's first line. The first problem's message stood in the headline, its row and
    its block; a named mistake whose raised error differed by case was said in every row."""
    seen: dict[str, str] = {} if first is None else {_problem(first): _number(first)}
    details = []
    for case in cases:
        if case.status is CaseStatus.PASSED or not case.message or case == first:
            details.append("")
            continue
        earlier = seen.setdefault(_problem(case), _number(case))
        same = earlier != _number(case)
        details.append(f"same problem as {earlier}" if same else case.message.splitlines()[0])
    return details


_QUOTED_CODE = re.compile(r" *line \d+: ")
"""Where a load error's quote of the code begins: `  line 5: out = np.where(...`."""


def folded_failure_lines(
    case: CaseResult,
    width: int | None,
    indent: str = "",
    *,
    values_first: bool = False,
) -> list[str]:
    """`failure_lines`, each after `indent` and folded to `width` cells (whole when None),
    never inside a place such as `theta[0, 0]` that fits a line: "theta[0," ended a line
    and "0]" began the next, in `grade` and in the drill screen (whose widget wrapped the
    lines itself, at the same space). A line quoting the code goes on under the quote's
    first character, its long words cut, so a long quoted line of a SyntaxError no longer
    wrapped back to the first column, where its indentation and the place it names were
    lost among the message's lines. `values_first` as `failure_lines`'s."""
    folded: list[str] = []
    for line in failure_lines(case, values_first=values_first):
        quote = _QUOTED_CODE.match(line)
        if width is None or quote is None:
            folded += fold_line(f"{indent}{line}", width, indent, unbroken=_PLACES)
            continue
        code = line[quote.end() :]
        code_indent = code[: len(code) - len(code.lstrip(" "))]  # an IndentationError's fault
        hang = " " * len(indent + quote.group())
        first = indent + quote.group() + code_indent
        folded += fold_cells(code, width, first, hang, cut_words=True) or [first]
    return folded


def _number(case: CaseResult) -> str:
    """'case 5' of 'case 5: stride 2, pad 1'."""
    return case.name.partition(":")[0]


def outcome(verdict: Verdict) -> str:
    """The headline's words after the status: how many cases passed, or that none ran.
    The engine's summary starts with the status again and ends with the first problem's
    message, which the lines below say."""
    from engine.verdict import LOADING  # loaded with the verdict: no start-up cost

    cases = [case for case in verdict.cases if case.name != LOADING]
    passed = sum(case.status is CaseStatus.PASSED for case in cases)
    if verdict.passed:
        return f"all {counted(passed, 'case')}" if passed != 1 else "its one case"
    if verdict.status is Status.INTERNAL:
        return GRADER_FAILED
    if not verdict.code_loaded:
        return f"the code did not load, so {none_ran(len(cases))}"
    if cases:
        return f"{passed}/{len(cases)} cases passed"
    return verdict.summary


NOT_WRITTEN_HEADLINE = "NOT WRITTEN YET"
"""The drill screen's headline for `not_written` code, in place of ERROR."""


def not_written(verdict: Verdict) -> bool:
    """The code is the starter as handed out, as far as the grading shows: it loaded, no
    case passed and every case that ran stopped at a NotImplementedError the engine names
    "... is not written yet" (`engine.outcome.NOT_WRITTEN`, its message's first line).

    The drill screen's headline said ERROR, in red, to a person who had only pressed ctrl+r
    to see what grading looks like, above the verdict's own "sigmoid is not written yet"."""
    from engine.outcome import NOT_WRITTEN  # loaded with the verdict: no start-up cost

    if verdict.passed or not verdict.code_loaded or verdict.status is not Status.ERROR:
        return False
    ran = [case for case in verdict.cases if case.status is not CaseStatus.NOT_RUN]
    return bool(ran) and all(
        case.status is CaseStatus.ERROR and NOT_WRITTEN in case.message.partition("\n")[0]
        for case in ran
    )


def not_written_line(verdict: Verdict) -> str:
    """The one plain line that stands for a `not_written` verdict's cases: a red "error" row
    per case and a "First problem" block said ten times that the starter raises, as it was
    handed out to do. It names the functions still to write, from the engine's words."""
    from engine.outcome import NOT_WRITTEN  # loaded with the verdict: no start-up cost

    names = [
        case.message.partition("\n")[0].removesuffix(NOT_WRITTEN).strip()
        for case in verdict.cases
        if case.status is CaseStatus.ERROR
    ]
    unique = [name for name in dict.fromkeys(names) if name]
    what = " and ".join([", ".join(unique[:-1]), unique[-1]] if len(unique) > 1 else unique)
    return (
        "every case stopped at the starter's NotImplementedError: "
        f"write {what or 'the function'}; see the Task"
    )


def headline(verdict: Verdict) -> str:
    """A verdict's first word in `drillbit grade` and `watch`: the drill screen's
    NOT WRITTEN YET for the untouched starter (`not_written`), else `HEADLINE`'s."""
    return NOT_WRITTEN_HEADLINE if not_written(verdict) else HEADLINE[verdict.status]


def seed_and_time(verdict: Verdict) -> str:
    """'case seed 84112842 · 67 ms' after a verdict's head in the app and `watch`, or only
    the time when the code did not load: no case ran, so the seed replays nothing (the
    drill screen said "none of the 8 cases ran · case seed 84112842", `grade` said no seed)."""
    took = f"{verdict.duration_ms:.0f} ms"
    return f"case seed {verdict.seed} · {took}" if verdict.code_loaded else took


def none_ran(cases: int) -> str:
    """'none of the 12 cases ran' ('the one case did not run'): the verdict view and the
    watch report's words when the code did not load."""
    return "the one case did not run" if cases == 1 else f"none of the {cases} cases ran"


def isolation_warnings(verdict: Verdict) -> list[str]:
    """'WARNING: ...' lines for what the sandbox could not protect on this run (e.g. your files)."""
    return [
        f"WARNING: {layer.partition(':')[2].strip()}"
        for layer in verdict.isolation
        if layer.startswith("warning:")
    ]


def short_warnings(verdict: Verdict) -> list[str]:
    """`isolation_warnings` cut to their first clause, 'WARNING: the file system is not
    restricted by the kernel here': the drill screen's head line, whose whole warning took
    five of the box's rows at 80x24 and left the failing case below it (the whole one
    stays under the cases, with the layers)."""
    short = []
    for warning in isolation_warnings(verdict):
        clause = warning.removeprefix("WARNING: ").partition(":")[0].strip()
        clause = re.sub(r" \([^)]*\)$", "", clause)  # "(no bubblewrap or Landlock)"
        short.append(f"WARNING: {clause}")
    return short


def isolation_summary(verdict: Verdict) -> str:
    """One line that names every layer of the verdict, the active ones and then those that
    were not: 'isolation: process, rlimits, ..., seccomp; landlock not needed'. The drill
    screen showed each layer's whole statement, some 25 lines at 80 columns;
    `drillbit doctor` says what each layer stops."""
    layers = [layer for layer in verdict.isolation if not layer.startswith(("warning:", "note:"))]
    active = _active(layers)
    others = [
        f"{name} not needed" if text.strip().startswith("not needed") else f"{name} off"
        for name, _, text in (layer.partition(":") for layer in layers)
        if name not in active
    ]
    return "; ".join([f"isolation: {', '.join(active) or 'none'}", *others])


def output_tail(text: str, limit: int) -> list[str]:
    """The last `limit` lines of the code's stdout or stderr, after a line that says how many
    came before them. The grader keeps 64 KiB of each: a print in a loop filled that with
    32,000 lines, and the drill screen drew every one (4.6 s of the app's CPU, 300 MB)."""
    lines = text.rstrip().splitlines()
    if len(lines) <= limit:
        return lines
    return [f"[... {counted(len(lines) - limit, 'earlier line')} not shown]", *lines[-limit:]]


def _active(layers: list[str]) -> list[str]:
    """The names of the layers that were active (the list also says which were not, and why)."""
    return [
        name
        for name, _, text in (layer.partition(":") for layer in layers)
        if name not in ("warning", "note") and not text.strip().startswith(("not ", "NOT "))
    ]


def _before_not_run(cases: list[CaseResult]) -> list[CaseResult]:
    """The cases up to the last one that ran: after a load failure or a timeout, a row per
    case not run said again what the headline says (`-v` lists them)."""
    ran = [n for n, case in enumerate(cases) if case.status is not CaseStatus.NOT_RUN]
    return cases[: ran[-1] + 1] if ran else cases


def _explained(case: CaseResult, width: int | None) -> list[str]:
    """`failure_lines` indented under the headline or "First problem", each folded."""
    return folded_failure_lines(case, width, "  ")


def format_verdict(
    verdict: Verdict, *, verbose: bool = False, drill: str | None = None, width: int | None = None
) -> str:
    """Headline, the cases, the first problem explained, output, case seed and isolation;
    `drill` is the name the person typed (the verdict names the checker). With `width` (a
    terminal's) a case's row and the first problem's lines fold under their own text: a
    case name of 94 columns made `-v`'s rows 103 wide."""
    lines = [f"{headline(verdict)}  {drill or verdict.drill}: {outcome(verdict)}"]
    first = verdict.first_failure
    if verdict.status is Status.INTERNAL and first is not None:
        # its one result is the grader, no case: the reason goes under the headline alone
        lines += _explained(first, width)
        first = None  # said: no "First problem" block repeats it
    elif not_written(verdict) and not verbose:  # one line, not a row per case that raised
        lines += fold_line(f"  {not_written_line(verdict)}", width, "  ")
        first = None
    elif verdict.cases:
        shown = verdict.cases if verbose or verdict.passed else _before_not_run(verdict.cases)[:25]
        for case, detail in zip(shown, row_details(shown, first), strict=True):
            row = f"  [{_MARK[case.status]}] {case.name}{'  ' + detail if detail else ''}"
            lines += fold_line(row, width, " " * len("  [ok  ] "), unbroken=_PLACES)
        left = len(verdict.cases) - len(shown)
        if left and all(case.status is CaseStatus.NOT_RUN for case in verdict.cases[len(shown) :]):
            lines.append(f"  [{_MARK[CaseStatus.NOT_RUN]}] {counted(left, 'case')} not run")
        elif left:
            lines.append(f"  ... {counted(left, 'more case')}")
    if first is not None:
        lines += ["", *fold_line(f"First problem: {first.name}", width, "  ")]
        lines += _explained(first, width)
    for name, text in (("stdout", verdict.stdout), ("stderr", verdict.stderr)):
        if text.strip():
            lines.append("")
            lines.append(f"Your {name}:")
            lines.extend(f"  {line}" for line in output_tail(text, 20))
    lines.append("")
    lines.extend(seed_and_isolation(verdict, width))
    return "\n".join(lines)


def seed_and_isolation(verdict: Verdict, width: int | None) -> list[str]:
    """A verdict's last lines: what the sandbox could not protect, the case seed that
    replays it with the time, and the isolation layers that were active. The text ends with
    them; `grade --format exercism`, whose results.json has no field for them, prints them
    on stderr (it gave neither the seed nor the layers)."""
    lines = isolation_warnings(verdict)
    # a seed replays the cases; code that did not load ran none, and replaying cannot help
    seed = (
        f"case seed {verdict.seed} (replay with --case-seed {verdict.seed})"
        if verdict.code_loaded
        else "no case ran, so no case seed to replay"
    )
    lines.append(f"{seed} · {verdict.duration_ms:.0f} ms")
    lines.extend(isolation_lines(verdict, width))
    return lines


def isolation_lines(verdict: Verdict, width: int | None) -> list[str]:
    """'isolation: process, rlimits, ...', the layers that were active, folded to `width`
    (80 columns when unknown: on the seed's line it made one of 150)."""
    isolation = f"isolation: {', '.join(_active(verdict.isolation)) or 'none'}"
    return fold_line(isolation, width or 80, "  ")
