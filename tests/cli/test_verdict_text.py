"""The grade verdict as text says each thing once: a short headline, the case rows, the
first problem explained (inputs, problem, expected, got, tolerance), as pytest and
rustlings do. The first problem's message stood in the headline, its row and its block,
and the headline read 'FAILED nn.activations.sigmoid: failed: ...'."""

from __future__ import annotations

from engine.verdict import CaseResult, CaseStatus, Verdict, build_verdict
from quiz.verdict_text import failure_lines, folded_failure_lines, format_verdict

REASON = "the sign is flipped: max rel error 2.3e-01 > 1e-09 at sigmoid(...)[0, 0]"
OTHER = "sigmoid(z) has shape (3,); expected (3, 1)"


def _mismatch(name: str, expected: str = "0.397277", got: str = "0.247876") -> CaseResult:
    """A value mismatch as the checks report it: the message ends with expected and got."""
    return CaseResult(
        name=name,
        status=CaseStatus.FAILED,
        message=f"{REASON}: expected {expected}, got {got}",
        inputs="z (1, 1) in [-0.417, -0.417]",
        max_abs_error=0.149,
        max_rel_error=0.232,
        tolerance="rel error <= 1e-09 or abs error <= 1e-12 per element",
        expected=expected,
        got=got,
    )


def _verdict() -> Verdict:
    results = [
        CaseResult(name="case 1: a single value", status=CaseStatus.PASSED),
        _mismatch("case 2: moderate values"),
        _mismatch("case 3: a 1-D array"),
        CaseResult(name="case 4: a column", status=CaseStatus.FAILED, message=OTHER),
    ]
    return build_verdict("nn.activations.sigmoid", results, seed=7, duration_ms=3, isolation=[])


def test_the_headline_is_the_status_the_drill_and_the_count() -> None:
    text = format_verdict(_verdict(), drill="sigmoid")
    assert text.splitlines()[0] == "FAILED  sigmoid: 1/4 cases passed"


def test_the_first_problem_and_its_values_are_said_once() -> None:
    text = format_verdict(_verdict(), drill="sigmoid")
    assert text.count("the sign is flipped") == 1
    assert text.count("0.397277") == 1 and text.count("0.247876") == 1
    assert "  [FAIL] case 2: moderate values" in text.splitlines()  # the block below explains it
    assert failure_lines(_mismatch("case 2")) == [
        "inputs:   z (1, 1) in [-0.417, -0.417]",
        REASON,
        "expected: 0.397277",
        "got:      0.247876",
        "tolerance: rel error <= 1e-09 or abs error <= 1e-12 per element",
    ]


def test_a_case_with_the_same_problem_points_to_it_and_another_is_shown() -> None:
    rows = format_verdict(_verdict(), verbose=True).splitlines()
    assert "  [FAIL] case 3: a 1-D array  same problem as case 2" in rows
    assert f"  [FAIL] case 4: a column  {OTHER}" in rows


def test_a_message_not_ending_in_the_values_is_kept_whole() -> None:
    case = _mismatch("case 2").model_copy(update={"message": "wrong rate at step 3"})
    assert "wrong rate at step 3" in failure_lines(case)


def test_a_pass_counts_its_cases_once() -> None:
    results = [CaseResult(name=f"case {n}", status=CaseStatus.PASSED) for n in (1, 2)]
    verdict = build_verdict("nn.x", results, seed=1, duration_ms=1, isolation=[])
    assert format_verdict(verdict, drill="x").splitlines()[0] == "PASSED  x: all 2 cases"


def test_the_cases_not_run_are_one_row_and_every_row_with_v() -> None:
    """After a load failure the headline says none ran, and ten ' -- ' rows said it again."""
    from engine.verdict import LOADING

    results = [
        CaseResult(name=LOADING, status=CaseStatus.ERROR, message="SyntaxError: expected ':'"),
        *(CaseResult(name=f"case {n}", status=CaseStatus.NOT_RUN) for n in range(1, 11)),
    ]
    verdict = build_verdict("nn.x", results, seed=1, duration_ms=1, isolation=[])
    rows = format_verdict(verdict).splitlines()
    assert rows[:3] == [
        "ERROR  nn.x: the code did not load, so none of the 10 cases ran",
        f"  [ERR ] {LOADING}",
        "  [ -- ] 10 cases not run",
    ]
    assert "  [ -- ] case 10" in format_verdict(verdict, verbose=True).splitlines()


def test_printed_output_shows_its_last_lines_and_how_many_came_before() -> None:
    """`drillbit grade` showed the last 20 lines of 32,000 with no word of the rest."""
    printed = "".join(f"line {n}\n" for n in range(32_000))
    verdict = _verdict().model_copy(update={"stdout": printed})
    text = format_verdict(verdict).splitlines()
    at = text.index("Your stdout:")
    assert text[at + 1] == "  [... 31980 earlier lines not shown]"
    assert text[at + 2 : at + 22] == [f"  line {n}" for n in range(31_980, 32_000)]


LONG_CASE = (
    "case 15: maxpool_backward, against a numerical gradient (distinct values, overlapping windows)"
)
"""A case name of the bank (94 columns): `grade -v`'s row for it was 103 wide."""


def test_on_a_terminal_a_long_case_row_folds_under_its_name() -> None:
    results = [
        CaseResult(name="case 1: defaults", status=CaseStatus.FAILED, message=OTHER),
        CaseResult(name=LONG_CASE, status=CaseStatus.FAILED, message=OTHER),
    ]
    verdict = build_verdict("arch.pooling.maxpool", results, seed=7, duration_ms=3, isolation=[])
    folded = format_verdict(verdict, verbose=True, width=80).splitlines()
    assert max(len(line) for line in folded) <= 80
    row = folded.index("  [FAIL] case 15: maxpool_backward, against a numerical gradient (distinct")
    assert folded[row + 1] == "         values, overlapping windows)  same problem as case 1"
    whole = format_verdict(verdict, verbose=True).splitlines()  # a pipe: one line a case
    assert f"  [FAIL] {LONG_CASE}  same problem as case 1" in whole
    assert " ".join(folded).split() == " ".join(whole).split()


BIAS = "b, of shape (F,), was added to the (N, F, Ho, Wo) output as it is"


def _raised(name: str, shapes: str, cause: str | None = BIAS) -> CaseResult:
    """A case whose code raised: with a named cause the raised error follows it, as the
    grader writes it, and only the cause is the problem."""
    error = f"your code raised ValueError: operands could not be broadcast together {shapes}"
    return CaseResult(
        name=name,
        status=CaseStatus.FAILED if cause else CaseStatus.ERROR,
        message=f"{cause}\n{error}" if cause else error,
        problem=cause,
    )


def test_a_named_mistake_is_one_problem_whatever_each_case_raised() -> None:
    """conv2d-forward's bias on the width axis raised with other shapes in every case, and
    every row said the whole mistake again instead of 'same problem as case 1'."""
    results = [
        _raised("case 1: a 1x1 kernel", "(2,3,4,5) (3,)"),
        _raised("case 2: stride 2", "(1,2,3,3) (2,)"),
        CaseResult(
            name="case 3: pad 2", status=CaseStatus.FAILED, message=f"{BIAS}: max rel", problem=BIAS
        ),
    ]
    verdict = build_verdict(
        "arch.conv.conv2d_forward", results, seed=7, duration_ms=3, isolation=[]
    )
    rows = format_verdict(verdict).splitlines()
    assert "  [FAIL] case 2: stride 2  same problem as case 1" in rows
    assert "  [FAIL] case 3: pad 2  same problem as case 1" in rows


def test_different_errors_without_a_named_mistake_each_keep_their_row() -> None:
    results = [
        _raised("case 1: a 1x1 kernel", "(2,3,4,5) (3,)", cause=None),
        _raised("case 2: stride 2", "(1,2,3,3) (2,)", cause=None),
    ]
    verdict = build_verdict(
        "arch.conv.conv2d_forward", results, seed=7, duration_ms=3, isolation=[]
    )
    rows = format_verdict(verdict).splitlines()
    assert (
        "  [ERR ] case 2: stride 2  your code raised ValueError: operands could not be "
        "broadcast together (1,2,3,3) (2,)" in rows
    )


def test_a_second_problem_repeated_points_to_its_own_first_row() -> None:
    results = [
        CaseResult(name="case 1: a", status=CaseStatus.FAILED, message=REASON),
        CaseResult(name="case 2: b", status=CaseStatus.FAILED, message=OTHER),
        CaseResult(name="case 3: c", status=CaseStatus.FAILED, message=OTHER),
    ]
    verdict = build_verdict("nn.activations.sigmoid", results, seed=7, duration_ms=3, isolation=[])
    rows = format_verdict(verdict).splitlines()
    assert f"  [FAIL] case 2: b  {OTHER}" in rows
    assert "  [FAIL] case 3: c  same problem as case 2" in rows


def test_the_grader_names_the_problem_apart_from_what_each_case_raised() -> None:
    """The real drill: the bias added on the width raises with each case's shapes."""
    from engine.checkers import get_checker
    from engine.grade_inprocess import grade_inprocess, load_submission
    from tests.engine.answer_files import ANSWERS

    checker = get_checker("arch.conv.conv2d_forward")
    source = (ANSWERS / "conv2d-forward" / "wrong_bias_on_width_axis.py").read_text()
    verdict = grade_inprocess(checker, load_submission(source, checker.entries), seed=0)
    failing = [case for case in verdict.cases if case.status is not CaseStatus.PASSED]
    assert len({case.message for case in failing}) > 1  # each raised with its own shapes
    assert {case.problem for case in failing} == {failing[0].problem}
    assert failing[0].problem is not None and failing[0].problem.startswith(BIAS)
    rows = format_verdict(verdict).splitlines()
    first = failing[0].name.partition(":")[0]
    for case in failing[1:]:
        assert f"  [FAIL] {case.name}  same problem as {first}" in rows


def test_a_quoted_code_line_folds_under_the_quote_its_indent_kept() -> None:
    """A SyntaxError's quote wider than the terminal went on at the block's indent, under
    "line 5:", so the quote's continuation read as a line of the message."""
    long = "out = np.where(z >= 0, 1.0 / (1.0 + np.exp(-z)), np.exp(z) / (1.0 + np.exp(z))) +"
    message = f"SyntaxError: '(' was never closed (line 5)\n  line 5: {long}"
    loaded = CaseResult(name="loading your code", status=CaseStatus.ERROR, message=message)
    verdict = build_verdict(
        "nn.sigmoid", [loaded], seed=1, duration_ms=1.0, isolation=[], summary="did not load"
    )
    lines = format_verdict(verdict, drill="sigmoid", width=60).splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("    line 5: out = "))
    hang = " " * len("    line 5: ")
    following = [line for line in lines[at + 1 :] if line.startswith(hang)]
    assert following and all(len(line) <= 60 for line in lines[at:])
    assert not lines[at + 1][len(hang)].isspace(), "under the quote's first character"
    pieces = [lines[at][len(hang) :], *(line[len(hang) :] for line in following)]
    assert " ".join(pieces) == long, "the whole quote, in order, under it"
    unfolded = format_verdict(verdict, drill="sigmoid", width=None)
    assert f"    line 5: {long}" in unfolded.splitlines(), "into a pipe: whole"


def test_an_indentation_errors_quote_keeps_its_indent_when_folded() -> None:
    """There the indent is the mistake (`_shown_line` keeps it): folding must not drop it."""
    message = (
        "IndentationError: unexpected indent (line 3)\n"
        "  line 3:         return np.maximum(0.0, z) + np.minimum(0.0, z) * slope"
    )
    case = CaseResult(name="loading your code", status=CaseStatus.ERROR, message=message)
    lines = folded_failure_lines(case, 50)
    assert lines[1] == "  line 3:         return np.maximum(0.0, z) +"
    assert lines[2:] == ["          np.minimum(0.0, z) * slope"]
