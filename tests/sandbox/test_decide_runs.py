"""How `decide` turns what the parent saw of a run into the verdict a user reads, on
hand-made runs (`RunResult` and real wire messages, no child): each kind of returned value,
a refused or malformed result, running out of memory, a load error of each kind, where a
stopped run was, and `CaseJudge` giving the verdict `decide` alone gives.

The sixth of the mutation audits (thirty-sixth round) found none of this pinned outside
the sandbox's own gradings: mutants that swapped `or` for `and` in the result's checks,
dropped the memory case, miscounted what a load error lists or named the wrong case as the
one running all survived the unit tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np
import pytest

from engine.checkers.base import Case, Checker, Outcome
from engine.sandbox import wire
from engine.sandbox.config import SandboxConfig
from engine.sandbox.decide import MAX_LINE, CaseJudge, decide, judge_result, memory_limit
from engine.sandbox.worker import RunResult
from engine.verdict import LOADING, CaseResult, CaseStatus, Status, Verdict
from tests.sandbox.drills import DoubleChecker

CONFIG = SandboxConfig()
MEMORY = "512 MiB"


class TellingChecker(DoubleChecker):
    """`double` whose failures say what the checker was handed (the error, the mutated
    inputs, the floating-point events), and which counts what it prepared."""

    name: ClassVar[str] = "tests.telling"

    def __init__(self) -> None:
        self.prepared: list[str] = []

    def prepare(self, case: Case) -> Any:
        self.prepared.append(case.name)
        return f"prepared {case.name}"

    def judge(self, case: Case, outcome: Outcome) -> CaseResult:
        result = super().judge(case, outcome)
        if outcome.mutated or outcome.fp_warnings:
            told = f"mutated {list(outcome.mutated)} fp {list(outcome.fp_warnings)}"
            return result.model_copy(update={"status": CaseStatus.FAILED, "message": told})
        return result


class MarkingChecker(TellingChecker):
    """`TellingChecker` whose messages end with what was prepared for the case."""

    def judge_prepared(self, case: Case, outcome: Outcome, prepared: Any) -> CaseResult:
        result = self.judge(case, outcome)
        return result.model_copy(update={"message": f"{result.message} [{prepared}]"})


class ConfusedChecker(DoubleChecker):
    """`double` whose judging raises on a returned value it cannot read."""

    name: ClassVar[str] = "tests.confused"

    def judge(self, case: Case, outcome: Outcome) -> CaseResult:
        raise ValueError("cannot read \x1b[31mthis\x1b[0m " + "x" * 400)


def cases_of(checker: DoubleChecker, n: int = 3) -> list[Case]:
    return checker.make_cases(np.random.default_rng(7), {"n": n})


def message_of(fields: Mapping[str, Any], values: Mapping[str, Any] | None = None) -> Any:
    """A result message as the child writes it, read back as the parent's reader hands it."""
    data = wire.encode_message(dict(fields), dict(values or {}), allow_str=False)
    reader = wire.FrameReader(wire.RESULT_LIMIT)
    ((read_fields, bulk),) = reader.feed(bytes(data))
    return read_fields, bulk


def right(case: Case, **fields: Any) -> Any:
    return message_of({"t": "result", **fields}, {"out": {"out": 2 * case.inputs["args"][0]}})


def wrong(case: Case, **fields: Any) -> Any:
    return message_of({"t": "result", **fields}, {"out": {"out": 3 * case.inputs["args"][0]}})


def verdict_of(
    run: RunResult, cases: list[Case], checker: Checker | None = None, **kwargs: Any
) -> Verdict:
    return decide(
        checker or DoubleChecker(),
        cases,
        run,
        seed=7,
        duration_ms=1.0,
        isolation=["rlimits"],
        config=CONFIG,
        **kwargs,
    )


def statuses(verdict: Verdict) -> list[tuple[str, CaseStatus]]:
    return [(case.name, case.status) for case in verdict.cases]


def test_every_case_right_passes_and_one_wrong_case_fails() -> None:
    cases = cases_of(DoubleChecker())
    done = verdict_of(RunResult(loaded=True, done=True, results=[right(c) for c in cases]), cases)
    assert done.status is Status.PASSED, done.summary
    one_wrong = [right(cases[0]), wrong(cases[1]), right(cases[2])]
    failed = verdict_of(RunResult(loaded=True, done=True, results=one_wrong), cases)
    assert failed.status is Status.FAILED
    assert statuses(failed) == [
        ("case 1", CaseStatus.PASSED),
        ("case 2", CaseStatus.FAILED),
        ("case 3", CaseStatus.PASSED),
    ]
    assert failed.first_failure is not None and failed.first_failure.name == "case 2"


def test_a_refused_return_is_invalid_in_the_users_words_and_clipped() -> None:
    cases = cases_of(DoubleChecker(), 1)
    refused = "out['out'][0]: " + "a str is not a number; " * 40
    run = RunResult(loaded=True, done=True, results=[message_of({"invalid": refused})])
    case = verdict_of(run, cases).cases[0]
    assert case.status is CaseStatus.INVALID
    assert case.message.startswith("invalid return: the returned value, item [0]: a str is")
    # 500 characters of the child's text are kept, then the count of what was cut
    kept = case.message.removeprefix("invalid return: ")
    assert kept.endswith(" characters cut]") and kept.index(" [... ") == 500, kept


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({}, "invalid return: no value came back"),
        ({"out": 5}, "invalid return: the harness result is not a dict"),
        ({"out": "not a tagged value"}, "invalid return: "),
    ],
)
def test_a_result_without_a_readable_dict_is_an_invalid_return(
    fields: dict[str, Any], said: str
) -> None:
    cases = cases_of(DoubleChecker(), 2)
    if fields.get("out") == "not a tagged value":  # what no encoder writes: a bare string
        message = ({"t": "result", "out": "not a tagged value"}, bytearray())
    else:
        message = message_of({"t": "result"}, fields)
    run = RunResult(loaded=True, done=True, results=[message, right(cases[1])])
    verdict = verdict_of(run, cases)
    assert verdict.status is Status.INVALID
    assert statuses(verdict) == [("case 1", CaseStatus.INVALID), ("case 2", CaseStatus.PASSED)]
    assert verdict.cases[0].message.startswith(said), verdict.cases[0].message
    assert verdict.cases[0].message != "invalid return: ", "the reason is said"


@pytest.mark.parametrize(
    "fields",
    [
        {"error": 5},
        {"mutated": "x"},
        {"fp": "overflow"},
        {"mutated": ["x", 3]},
        {"fp": [None]},
        {"error": "ValueError: boom", "mutated": {"x": 1}},
    ],
    ids=[
        "error-not-str",
        "mutated-not-list",
        "fp-not-list",
        "a-mutated-name",
        "an-fp-event",
        "both",
    ],
)
def test_a_result_with_malformed_fields_is_a_protocol_violation_at_its_case(
    fields: dict[str, Any],
) -> None:
    cases = cases_of(DoubleChecker())
    bad = message_of({"t": "result", **fields}, {"out": {"out": 2 * cases[1].inputs["args"][0]}})
    run = RunResult(loaded=True, done=True, results=[right(cases[0]), bad, right(cases[2])])
    verdict = verdict_of(run, cases)
    assert verdict.status is Status.INVALID
    assert verdict.summary.startswith(
        "invalid: the result channel carried data the protocol does not allow"
    )
    assert verdict.summary.endswith(": a result message has malformed fields"), verdict.summary
    # the violation stands at the case whose message held it; the rest were not run
    assert statuses(verdict) == [
        ("case 1", CaseStatus.PASSED),
        ("case 2", CaseStatus.INVALID),
        ("case 3", CaseStatus.NOT_RUN),
    ]


def test_well_formed_error_mutated_and_fp_fields_reach_the_checker_cut_to_size() -> None:
    checker = TellingChecker()
    cases = cases_of(checker, 2)
    names = [f"{i}" + "n" * 300 for i in range(60)]
    events = [f"{i}" + "e" * 80 for i in range(12)]
    error = message_of(
        {"t": "result", "error": "ValueError: boom\x07", "mutated": names, "fp": events}
    )
    run = RunResult(loaded=True, done=True, results=[error, right(cases[1], mutated=names)])
    verdict = verdict_of(run, cases, checker)
    first, second = verdict.cases
    assert first.status is CaseStatus.FAILED
    told = first.message
    assert f"mutated {[n[:200] for n in names[:50]]} fp {[e[:50] for e in events[:10]]}" == told
    # a value came back: the same cuts, and the checker's own verdict on it
    assert second.message == f"mutated {[n[:200] for n in names[:50]]} fp []"


def test_an_error_is_handed_over_clipped_and_without_control_characters() -> None:
    cases = cases_of(DoubleChecker(), 1)
    long_error = "ValueError: boom\x1b[2J\n" + "\n".join(f"line {i}" for i in range(100))
    run = RunResult(loaded=True, done=True, results=[message_of({"error": long_error})])
    case = verdict_of(run, cases).cases[0]
    assert case.status is CaseStatus.ERROR
    assert case.message.startswith("ValueError: boom\nline 0\n"), case.message[:40]
    assert "lines cut ...]" in case.message and "\x1b" not in case.message


def test_a_value_the_checker_cannot_read_is_invalid_with_its_reason_clipped() -> None:
    cases = cases_of(DoubleChecker(), 2)
    run = RunResult(loaded=True, done=True, results=[right(c) for c in cases])
    verdict = verdict_of(run, cases, ConfusedChecker())
    case = verdict.cases[0]
    assert verdict.status is Status.INVALID
    assert case.status is CaseStatus.INVALID
    assert case.message.startswith(
        "the grader could not interpret the returned value (ValueError: cannot read this xxx"
    ), case.message
    assert case.message.endswith(" characters cut])")
    assert case.inputs == cases[0].describe


def test_running_out_of_memory_names_the_first_case_that_did_and_the_limit() -> None:
    cases = cases_of(DoubleChecker(), 4)
    oom = "MemoryError: Unable to allocate 8.00 GiB for an array"
    run = RunResult(
        loaded=True,
        done=True,
        results=[
            right(cases[0]),
            message_of({"error": oom}),
            message_of({"error": f"numpy.core._exceptions._Array{oom}"}),
            right(cases[3]),
        ],
    )
    verdict = verdict_of(run, cases)
    assert verdict.status is Status.CRASHED
    assert verdict.summary == (
        f"crashed: ran out of memory in case 2 (the sandbox allows {MEMORY} of address space)"
    )
    assert verdict.cases[1].status is CaseStatus.ERROR
    assert verdict.cases[1].message == (
        f"ran out of memory: the sandbox allows {MEMORY} of address space\n{oom}"
    )
    assert verdict.cases[3].status is CaseStatus.PASSED
    assert memory_limit(CONFIG) == MEMORY
    assert memory_limit(SandboxConfig(address_space=3 << 30)) == "3072 MiB"


def test_an_error_that_only_mentions_memory_is_the_users_error() -> None:
    cases = cases_of(DoubleChecker(), 1)
    text = "ValueError: not a MemoryError"
    fields, data = message_of({"error": text})
    result, out_of_memory = judge_result(DoubleChecker(), cases[0], fields, data, MEMORY)
    assert not out_of_memory
    assert (result.status, result.message) == (CaseStatus.ERROR, text)


def test_an_internal_failure_blames_the_grader_and_keeps_what_was_printed() -> None:
    cases = cases_of(DoubleChecker(), 2)
    run = RunResult(internal="numpy failed to import", stdout="out", stderr="err")
    verdict = verdict_of(run, cases)
    assert verdict.status is Status.INTERNAL
    assert verdict.summary == "internal: the grader failed, not your code: numpy failed to import"
    assert (verdict.stdout, verdict.stderr) == ("out", "err")
    assert [c.name for c in verdict.cases] == ["grader"]


def loading(fields: dict[str, Any], checker: Checker | None = None) -> Verdict:
    cases = cases_of(DoubleChecker(), 2)
    verdict = verdict_of(RunResult(load_error=fields, stdout="printed"), cases, checker)
    assert [c.name for c in verdict.cases] == [LOADING, "case 1", "case 2"]
    assert [c.status for c in verdict.cases[1:]] == [CaseStatus.NOT_RUN] * 2
    assert verdict.cases[0].status is CaseStatus.ERROR
    assert verdict.stdout == "printed"
    return verdict


def test_a_missing_function_lists_what_the_code_defines_at_plausible_lines() -> None:
    defined: list[Any] = [["helper\x1b[1m", 3], ["b" * 80, 9], ["zero", 0], ["far", MAX_LINE + 1]]
    defined += [["last", MAX_LINE], ["flag", True], ["short"], "text", [5, 4]]
    defined += [[f"f{i}", 20 + i] for i in range(12)]
    verdict = loading({"kind": "missing", "missing": ["double", "forged", 7], "defined": defined})
    assert verdict.status is Status.ERROR
    text = verdict.cases[0].message
    listed = ["helper (line 3)", f"{'b' * 60} (line 9)", f"last (line {MAX_LINE})"]
    listed += ["5 (line 4)"] + [f"f{i} (line {20 + i})" for i in range(6)]
    assert text == f"your code does not define `double(x)`; it defines {', '.join(listed)}"
    assert verdict.summary == f"error: {text}"


def test_a_missing_function_the_child_did_not_name_falls_back_to_every_entry() -> None:
    for named in (["forged"], "double", None):
        verdict = loading({"kind": "missing", "missing": named, "defined": "nothing"})
        assert verdict.cases[0].message == (
            "your code does not define `double(x)`; it defines no functions"
        ), named


def test_running_out_of_memory_while_loading_is_a_crash_with_the_limit() -> None:
    verdict = loading({"kind": "memory", "message": "MemoryError"})
    assert verdict.status is Status.CRASHED
    assert verdict.cases[0].message == (
        f"ran out of memory while loading your code (the sandbox allows {MEMORY})\nMemoryError"
    )
    assert verdict.summary == (
        f"crashed: ran out of memory while loading your code (the sandbox allows {MEMORY})"
    )


def test_a_syntax_error_is_shown_as_the_child_wrote_it() -> None:
    text = "SyntaxError: invalid syntax (line 2)\n    def f(:\n         ^"
    verdict = loading({"kind": "syntax", "message": text})
    assert verdict.status is Status.ERROR
    assert verdict.cases[0].message == text
    assert verdict.summary == "error: SyntaxError: invalid syntax (line 2)"


def test_an_exception_while_loading_is_named_on_the_first_line_with_a_module_note() -> None:
    plain = loading({"kind": "exception", "message": "NameError: name 'np' is not defined"})
    assert plain.status is Status.ERROR
    assert plain.cases[0].message == (
        "while loading, your code raised NameError: name 'np' is not defined"
    )
    assert plain.summary == f"error: {plain.cases[0].message}"
    module = loading({"message": "ModuleNotFoundError: No module named 'torch'"}).cases[0]
    first, _, note = module.message.partition("\n")
    assert first == "while loading, your code raised ModuleNotFoundError: No module named 'torch'"
    assert "torch" in note, module.message
    empty = loading({"kind": "syntax"})
    assert (empty.summary, empty.cases[0].message) == (
        "error: your code could not be loaded",
        "",
    )


def stopped(run: RunResult, n: int = 3) -> Verdict:
    cases = cases_of(DoubleChecker(), n)
    run.results = [right(c) for c in cases[: len(run.results)]]
    return verdict_of(run, cases)


def test_a_run_stopped_between_cases_names_the_case_that_was_running() -> None:
    verdict = stopped(RunResult(loaded=True, timed_out=True, results=[({}, bytearray())]))
    assert verdict.status is Status.TIMEOUT
    assert verdict.summary == (
        "timeout: case 2 did not finish within 1 s (wall clock, for loading your code and all"
        " 3 cases together)"
    )
    assert statuses(verdict) == [
        ("case 1", CaseStatus.PASSED),
        ("case 2", CaseStatus.TIMEOUT),
        ("case 3", CaseStatus.NOT_RUN),
    ]
    timed = verdict.cases[1]
    assert timed.inputs == cases_of(DoubleChecker(), 3)[1].describe
    assert timed.message == (
        "did not finish within 1 s (wall clock); the process was killed. The 1 s are for the"
        " whole run (loading your code and all 3 cases together), not for this case alone"
    )


def test_a_timeout_in_a_case_says_how_much_of_the_limit_loading_took() -> None:
    run = RunResult(loaded=True, timed_out=True, results=[({}, bytearray())], loaded_s=0.716)
    timed = stopped(run).cases[1]
    assert timed.message.endswith(
        "(loading your code and all 3 cases together), not for this case alone; loading your"
        " code took 0.72 s of them"
    ), timed.message
    before = stopped(RunResult(loaded=False, timed_out=True, loaded_s=None))
    assert "loading your code took" not in before.cases[0].message


def test_a_run_stopped_before_loading_or_after_the_last_case_says_so() -> None:
    before = stopped(RunResult(loaded=False, timed_out=True))
    assert before.summary.startswith(f"timeout: {LOADING} did not finish"), before.summary
    assert [c.name for c in before.cases] == [LOADING, "case 1", "case 2", "case 3"]
    assert before.cases[0].inputs == ""
    after = stopped(RunResult(loaded=True, timed_out=True, results=[({}, bytearray())] * 3))
    assert after.summary.startswith("timeout: after the last case did not finish")
    assert statuses(after)[-1] == ("after the last case", CaseStatus.TIMEOUT)


def test_a_run_that_printed_past_the_limit_says_how_much_when_it_timed_out() -> None:
    run = RunResult(loaded=True, timed_out=True, printed=CONFIG.output_limit + 1_000_000)
    verdict = stopped(run)
    assert verdict.summary.endswith(", after printing 1.1 MB"), verdict.summary
    assert "; it printed 1.1 MB before it was stopped" in verdict.cases[0].message


def test_a_crash_in_a_case_is_a_crash_at_that_case() -> None:
    run = RunResult(loaded=True, signal=11, results=[({}, bytearray())] * 2)
    verdict = stopped(run)
    assert verdict.status is Status.CRASHED
    assert verdict.summary.startswith(
        "crashed in case 3: the process was killed by SIGSEGV (a segmentation fault); "
    )
    assert verdict.summary.endswith("reached by what the code did in case 3"), verdict.summary
    assert statuses(verdict)[2] == ("case 3", CaseStatus.ERROR)
    cpu = stopped(RunResult(loaded=True, signal=24, cpu_s=2.0, cpu_known=True))
    assert cpu.status is Status.TIMEOUT
    assert statuses(cpu)[0] == ("case 1", CaseStatus.TIMEOUT)


def test_a_full_disk_a_forged_frame_and_a_broken_channel_are_told_apart() -> None:
    disk = stopped(RunResult(loaded=True, disk_quota=True, results=[({}, bytearray())]))
    assert disk.status is Status.CRASHED
    assert disk.summary.startswith("crashed in case 2: wrote more than 64 MiB (or 10000 files")
    assert statuses(disk)[1] == ("case 2", CaseStatus.ERROR)
    forged = stopped(RunResult(loaded=True, forged=True, protocol_error="x", done=True))
    assert forged.status is Status.INVALID
    assert forged.summary.startswith("invalid: the result channel carried bytes the grader")
    assert statuses(forged)[0] == ("case 1", CaseStatus.INVALID)
    broken = stopped(RunResult(loaded=True, protocol_error="a frame too long", done=True))
    assert broken.summary.endswith("?): a frame too long"), broken.summary
    assert [c.status for c in broken.cases] == [CaseStatus.INVALID] + [CaseStatus.NOT_RUN] * 2


def test_a_run_done_with_fewer_results_than_cases_ended_early() -> None:
    verdict = stopped(RunResult(loaded=True, done=True, results=[({}, bytearray())] * 2))
    assert verdict.status is Status.INVALID
    assert verdict.summary == "invalid: the result channel ended early"
    assert statuses(verdict)[2] == ("case 3", CaseStatus.NOT_RUN)


def test_a_run_with_more_results_than_cases_is_a_protocol_error_not_an_early_end() -> None:
    """Every case passed, but a fourth result came for three cases: the child broke the
    protocol, so the run is invalid and says so, and it is not called an early end."""
    cases = cases_of(DoubleChecker())
    extra = [*(right(c) for c in cases), right(cases[-1])]
    verdict = verdict_of(RunResult(loaded=True, done=True, results=extra), cases)
    assert verdict.status is Status.INVALID
    assert verdict.summary == (
        "invalid: the sandboxed process sent 4 results for 3 cases (one is expected per"
        " case): a protocol error, so the run does not count as passed"
    )
    assert "ended early" not in verdict.summary
    assert statuses(verdict) == [
        ("case 1", CaseStatus.PASSED),
        ("case 2", CaseStatus.PASSED),
        ("case 3", CaseStatus.PASSED),
        ("after the last case", CaseStatus.INVALID),
    ]
    assert verdict.first_failure is not None
    assert verdict.first_failure.message == verdict.summary


def test_control_characters_never_reach_the_summary_or_a_case() -> None:
    cases = cases_of(DoubleChecker(), 1)
    cases[0] = Case(
        name=cases[0].name,
        inputs=cases[0].inputs,
        describe="x\x1b[2J of shape (1, 1)",
        private=cases[0].private,
    )
    run = RunResult(loaded=True, done=True, results=[message_of({"error": "boom"})])
    verdict = verdict_of(run, cases)
    assert verdict.cases[0].inputs == "x of shape (1, 1)"
    assert (
        verdict.first_failure is not None
        and verdict.first_failure.inputs == verdict.cases[0].inputs
    )
    loading_run = RunResult(load_error={"kind": "syntax", "message": "Bad\x07 code"})
    assert verdict_of(loading_run, cases).summary == "error: Bad code"


def judged_alongside(
    checker: DoubleChecker, cases: list[Case], results: list[Any]
) -> tuple[CaseJudge, dict[int, Any]]:
    """What `CaseJudge` judged with the results arriving one by one between steps."""
    judge = CaseJudge(checker, cases, MEMORY)
    assert not judge.step(), "nothing is prepared before the job is written"
    assert checker.prepared == [] if isinstance(checker, TellingChecker) else True
    judge.sent()
    for fields, data in results:
        judge.put(fields, data)
        while judge.step():
            pass
    return judge, judge.finish()


def test_case_judge_gives_the_verdict_decide_alone_gives() -> None:
    checker = TellingChecker()
    cases = cases_of(checker, 4)
    results = [right(cases[0]), wrong(cases[1]), message_of({"invalid": "out['x']"})]
    results.append(message_of({"error": "MemoryError"}))
    run = RunResult(loaded=True, done=True, results=results)
    _, judged = judged_alongside(checker, cases, results)
    assert sorted(judged) == [0, 1, 2, 3]
    alongside = verdict_of(run, cases, checker, judged=judged)
    alone = verdict_of(run, cases, TellingChecker())
    assert alongside == alone
    assert alongside.status is Status.CRASHED
    assert statuses(alongside) == [
        ("case 1", CaseStatus.PASSED),
        ("case 2", CaseStatus.FAILED),
        ("case 3", CaseStatus.INVALID),
        ("case 4", CaseStatus.ERROR),
    ]
    assert checker.prepared == ["case 1", "case 2", "case 3", "case 4"]


def test_case_judge_hands_each_case_what_was_prepared_for_it() -> None:
    checker = MarkingChecker()
    cases = cases_of(checker, 3)
    results = [right(cases[0]), wrong(cases[1]), right(cases[2])]
    _, judged = judged_alongside(checker, cases, results)
    run = RunResult(loaded=True, done=True, results=results)
    verdict = verdict_of(run, cases, checker, judged=judged)
    error = float(np.max(np.abs(cases[1].inputs["args"][0])))
    assert [c.message for c in verdict.cases] == [
        " [prepared case 1]",
        f"wrong values (max abs error {error:.3g}) [prepared case 2]",
        " [prepared case 3]",
    ]


def test_case_judge_prepares_ahead_while_nothing_arrived_and_stops_at_the_last_case() -> None:
    checker = TellingChecker()
    cases = cases_of(checker, 3)
    judge = CaseJudge(checker, cases, MEMORY)
    judge.sent()
    assert judge.step() and checker.prepared == ["case 1"]
    assert judge.step() and checker.prepared == ["case 1", "case 2"]
    assert not judge.step(), "every case is prepared: nothing more to do until a result comes"
    assert checker.prepared == ["case 1", "case 2", "case 3"]
    assert not judge.step() and len(checker.prepared) == 3
    judge.put(*right(cases[0]))
    assert not judge.step()
    assert list(judge.judged) == [0]
    judge.put(*right(cases[1]))
    judge.put(*right(cases[2]))
    assert judge.finish().keys() == {0, 1, 2}
    assert checker.prepared == ["case 1", "case 2", "case 3"], "each prepared once"


def test_case_judge_judges_a_result_that_came_before_its_case_was_prepared() -> None:
    checker = MarkingChecker()
    cases = cases_of(checker, 2)
    judge = CaseJudge(checker, cases, MEMORY)
    judge.sent()
    judge.put(*right(cases[0]))
    judge.put(*wrong(cases[1]))
    assert judge.step() and checker.prepared == ["case 1"]
    assert judge.step() and list(judge.judged) == [0]
    judged = judge.finish()
    assert checker.prepared == ["case 1", "case 2"]
    first, second = (judged[i] for i in (0, 1))
    assert not isinstance(first, wire.WireError) and not isinstance(second, wire.WireError)
    assert first[0].status is CaseStatus.PASSED
    assert second[0].status is CaseStatus.FAILED and second[0].message.endswith("[prepared case 2]")


def test_case_judge_stops_at_a_malformed_result_and_decide_reports_it_there() -> None:
    checker = TellingChecker()
    cases = cases_of(checker, 3)
    results = [right(cases[0]), message_of({"error": 5}), right(cases[2])]
    judge, judged = judged_alongside(checker, cases, results)
    assert sorted(judged) == [0, 1] and isinstance(judged[1], wire.WireError)
    assert not judge.step(), "nothing more is judged after a protocol violation"
    verdict = verdict_of(
        RunResult(loaded=True, done=True, results=results), cases, checker, judged=judged
    )
    assert verdict.status is Status.INVALID
    assert statuses(verdict) == [
        ("case 1", CaseStatus.PASSED),
        ("case 2", CaseStatus.INVALID),
        ("case 3", CaseStatus.NOT_RUN),
    ]


class BrokenPrepare(TellingChecker):
    """A checker whose `prepare` raises: the case is judged without what it prepared."""

    def prepare(self, case: Case) -> Any:
        self.prepared.append(case.name)
        raise RuntimeError("a checker bug")


def test_case_judge_judges_without_a_preparation_that_raised() -> None:
    checker = BrokenPrepare()
    cases = cases_of(checker, 2)
    results = [right(c) for c in cases]
    _, judged = judged_alongside(checker, cases, results)
    verdict = verdict_of(
        RunResult(loaded=True, done=True, results=results), cases, checker, judged=judged
    )
    assert verdict.status is Status.PASSED
    assert [c.message for c in verdict.cases] == ["", ""], "judged by `judge`, not prepared"


def test_case_judge_leaves_a_result_past_the_last_case_alone() -> None:
    """The child's word is not trusted for how many results it sends: a result past the
    last case is neither prepared nor judged, between reads or at the end."""
    checker = TellingChecker()
    cases = cases_of(checker, 2)
    results = [right(cases[0]), right(cases[1]), right(cases[1])]
    judge = CaseJudge(checker, cases, MEMORY)
    judge.sent()
    for fields, data in results:
        judge.put(fields, data)
    while judge.step():
        pass
    assert sorted(judge.judged) == [0, 1]
    assert not judge.step()
    assert sorted(judge.finish()) == [0, 1]
    assert checker.prepared == ["case 1", "case 2"]
    assert all(
        not isinstance(done, wire.WireError) and done[0].status is CaseStatus.PASSED
        for done in judge.judged.values()
    )


def test_case_judge_finish_judges_what_arrived_and_stops_at_the_last_case() -> None:
    checker = TellingChecker()
    cases = cases_of(checker, 2)
    judge = CaseJudge(checker, cases, MEMORY)
    judge.sent()
    for fields, data in [right(cases[0]), wrong(cases[1]), right(cases[1])]:
        judge.put(fields, data)
    judged = judge.finish()  # no step between the reads: all judged at the end
    assert sorted(judged) == [0, 1]
    assert checker.prepared == ["case 1", "case 2"]


class TwoEntries(DoubleChecker):
    """A drill of two functions, `double` and `halve`."""

    name: ClassVar[str] = "tests.two"
    entries: ClassVar[tuple[str, ...]] = ("double", "halve")

    def reference(self) -> Mapping[str, Any]:
        return {"double": lambda x: 2 * x, "halve": lambda y: y / 2}


def test_a_missing_function_names_only_the_entries_the_child_said_are_missing() -> None:
    text = loading({"kind": "missing", "missing": ["halve"]}, TwoEntries()).cases[0].message
    assert text == "your code does not define `halve(y)`; it defines no functions"
    both = loading({"kind": "missing", "missing": "halve"}, TwoEntries()).cases[0].message
    assert both.startswith("your code does not define `double(x)`, `halve(y)`;"), both


def test_a_missing_function_is_named_with_its_defaults_and_keyword_parameters() -> None:
    """maxpool's file without maxpool_backward was told `maxpool_backward(dout, x, size,
    stride)`, which hid that size and stride have defaults: the whole signature is shown,
    without annotations, as the reference writes it."""
    from engine.checkers import get_checker

    maxpool = get_checker("arch.pooling.maxpool")
    text = loading({"kind": "missing", "missing": ["maxpool_backward"]}, maxpool).cases[0].message
    assert text.startswith(
        "your code does not define `maxpool_backward(dout, x, size=2, stride=2)`;"
    ), text

    class Keywords(TwoEntries):
        def reference(self) -> Mapping[str, Any]:
            def halve(y: float, *, by: float = 2.0, **rest: Any) -> float:
                return y / by

            return {"double": lambda x: 2 * x, "halve": halve}

    text = loading({"kind": "missing", "missing": ["halve"]}, Keywords()).cases[0].message
    assert (
        text == "your code does not define `halve(y, *, by=2.0, **rest)`; it defines no functions"
    )


def test_a_refused_return_keeps_five_lines_of_the_reason() -> None:
    cases = cases_of(DoubleChecker(), 1)
    five = "\n".join(f"reason {n}" for n in range(5))
    kept = verdict_of(
        RunResult(loaded=True, done=True, results=[message_of({"invalid": five})]), cases
    )
    assert kept.cases[0].message == f"invalid return: {five}"
    six = five + "\nreason 5"
    cut = verdict_of(
        RunResult(loaded=True, done=True, results=[message_of({"invalid": six})]), cases
    )
    assert cut.cases[0].message == (
        "invalid return: reason 0\nreason 1\n  [... 2 lines cut ...]\nreason 4\nreason 5"
    )


def test_a_string_in_a_returned_value_is_refused_with_its_place() -> None:
    """Strings go to the child (a job's function name), never back: a result holding one,
    as only a child that writes its own frames can send, is an invalid return."""
    cases = cases_of(DoubleChecker(), 1)
    data = wire.encode_message({"t": "result"}, {"out": {"out": "2x"}}, allow_str=True)
    ((fields, bulk),) = wire.FrameReader(wire.RESULT_LIMIT).feed(bytes(data))
    case = verdict_of(RunResult(loaded=True, done=True, results=[(fields, bulk)]), cases).cases[0]
    assert case.status is CaseStatus.INVALID
    assert case.message.startswith("invalid return: result['out']"), case.message
    long_key = "k" * 600
    data = wire.encode_message({"t": "result"}, {"out": {long_key: "2x"}}, allow_str=True)
    ((fields, bulk),) = wire.FrameReader(wire.RESULT_LIMIT).feed(bytes(data))
    long = verdict_of(RunResult(loaded=True, done=True, results=[(fields, bulk)]), cases).cases[0]
    kept = long.message.removeprefix("invalid return: ")
    assert kept.index(" [... ") == 500 and kept.endswith(" characters cut]"), kept


def test_floating_point_events_of_a_returned_value_reach_the_checker_cut_to_size() -> None:
    checker = TellingChecker()
    cases = cases_of(checker, 1)
    events = [f"{i}" + "e" * 80 for i in range(12)]
    run = RunResult(loaded=True, done=True, results=[right(cases[0], fp=events)])
    message = verdict_of(run, cases, checker).cases[0].message
    assert message == f"mutated [] fp {[e[:50] for e in events[:10]]}"


def test_the_reasons_for_a_value_the_checker_cannot_read_or_a_broken_channel_are_cut() -> None:
    cases = cases_of(DoubleChecker(), 1)

    class Wordy(DoubleChecker):
        def judge(self, case: Case, outcome: Outcome) -> CaseResult:
            raise ValueError("\n".join(f"line {n}" for n in range(4)) + "y" * 400)

    run = RunResult(loaded=True, done=True, results=[right(cases[0])])
    message = verdict_of(run, cases, Wordy()).cases[0].message
    reason = message.removeprefix("the grader could not interpret the returned value (ValueError: ")
    assert reason.startswith("line 0\n  [... 2 lines cut ...]\nline 3yyy"), reason
    assert reason.rindex(" [... ") == 300 and reason.endswith(" characters cut])"), reason
    broken = stopped(RunResult(loaded=True, protocol_error="z" * 400, done=True))
    assert broken.summary.endswith(f"?): {'z' * 300} [... 100 characters cut]"), broken.summary


def test_a_function_defined_on_the_first_line_is_listed() -> None:
    verdict = loading({"kind": "missing", "missing": ["double"], "defined": [["dbl", 1]]})
    assert (
        verdict.cases[0].message == "your code does not define `double(x)`; it defines dbl (line 1)"
    )


def test_a_reason_of_three_lines_from_a_checker_that_cannot_read_the_value_is_kept_whole() -> None:
    cases = cases_of(DoubleChecker(), 1)

    class ThreeLines(DoubleChecker):
        def judge(self, case: Case, outcome: Outcome) -> CaseResult:
            raise ValueError("one\ntwo\nthree")

    run = RunResult(loaded=True, done=True, results=[right(cases[0])])
    message = verdict_of(run, cases, ThreeLines()).cases[0].message
    assert message == (
        "the grader could not interpret the returned value (ValueError: one\ntwo\nthree)"
    )
