"""Turning what the parent observed of a run into a verdict. Every decision is made here, in the parent.

The child's messages only carry the submission's outputs (validated again
here, never unpickled, never called); the reference side (checker.judge)
runs in this process. `CaseJudge` judges each case between the supervising
loop's reads as soon as its result arrives (and prepares the reference before
that), so the parent's share of the work overlaps the child's run instead of
following it.
"""

from __future__ import annotations

import re
import signal
from collections import deque
from collections.abc import Sequence
from typing import Any

from engine.checkers.base import Case, Checker, Outcome
from engine.checks import missing_module_note
from engine.harnesses._runtime import SUBMISSION_FILENAME
from engine.outcome import GRADER_FAILED_PREFIX
from engine.sandbox import wire
from engine.sandbox.config import SandboxConfig
from engine.sandbox.room import room_hint
from engine.sandbox.text import clip, strip_controls
from engine.sandbox.worker import DISK_QUOTA, QUOTA_ENTRIES, RunResult, is_memory_error
from engine.verdict import LOADING, CaseResult, CaseStatus, Status, Verdict, build_verdict

STOPPED_NOTE = (
    "; it was stopped (SIGSTOP or SIGTSTP: did the code send one to its own process?) and"
    " waited so for the clock"
)
"""Said of a run that met the wall clock stopped by a signal (the app's last reading of it)."""


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


_SIGNAL_WORDS = {
    "SIGSEGV": "a segmentation fault",
    "SIGBUS": "a bus error",
    "SIGABRT": "an abort",
    "SIGFPE": "a fatal arithmetic error",
    "SIGILL": "an illegal instruction",
    "SIGKILL": "SIGKILL",
    "SIGSYS": "a call the sandbox refuses outright: exiting with a status of 128 or more, which"
    " bubblewrap reports as a signal's, or a system call made through another ABI",
}


MAX_LINE = 1_000_000
"""The largest line number a load error may name (a submission is far shorter): the child's
figure is only its word, and a JSON int may run to thousands of digits."""
_WHOLE_RETURN = frozenset({"out", "first", "again", "other"})
"""The harnesses' keys that hold an entry's whole return (call's, and seeded's three calls)."""

_HARNESS_KEY = re.compile(r"out\['([A-Za-z_][A-Za-z0-9_]*)'\]")


def readable_invalid(text: str) -> str:
    """A refused return's place in the user's words.

    The child encodes the harness's result dict under "out", so a refused value's path reads
    "out['out'][0]" or "out['first']": the harness's keys, nothing the user wrote. It becomes
    "the returned value, item [0]" (or "the returned dX" for a harness key named after one
    of the user's outputs).
    """
    match = _HARNESS_KEY.match(text)
    if match is None:
        return text
    key = match.group(1)
    subject = "the returned value" if key in _WHOLE_RETURN else f"the returned {key}"
    rest = text[match.end() :]
    if rest.startswith("["):
        where, sep, tail = rest.partition(": ")
        return f"{subject}, item {where}{sep}{tail}"
    return subject + rest


def _late_changes(late: Any, results: int) -> dict[int, list[str]]:
    """The `done` message's inputs changed after their cases' checks, by case index: a list of
    `[index, [names]]` pairs, each index one of a result received, or WireError."""
    if late is None:
        return {}
    found: dict[int, list[str]] = {}
    if type(late) is not list or len(late) > results:
        raise wire.WireError("the end of the run carried malformed fields")
    for entry in late:
        if (
            type(entry) is not list
            or len(entry) != 2
            or type(entry[0]) is not int
            or not 0 <= entry[0] < results
            or type(entry[1]) is not list
            or not all(type(name) is str for name in entry[1])
        ):
            raise wire.WireError("the end of the run carried malformed fields")
        found[entry[0]] = entry[1]
    return found


def _outcome(fields: dict[str, Any], data: bytearray) -> Outcome | str:
    """The validated Outcome of one result message, or why it is an invalid return."""
    invalid = fields.get("invalid")
    if invalid is not None:
        return f"invalid return: {clip(readable_invalid(str(invalid)), max_chars=500, max_lines=5)}"
    error = fields.get("error")
    mutated = fields.get("mutated", [])
    fp = fields.get("fp", [])
    if (
        (error is not None and type(error) is not str)
        or type(mutated) is not list
        or type(fp) is not list
        or not all(type(m) is str for m in [*mutated, *fp])
    ):
        raise wire.WireError("a result message has malformed fields")
    if error is not None:
        return Outcome(
            outputs=None,
            error=clip(error),
            mutated=tuple(strip_controls(m)[:200] for m in mutated[:50]),
            fp_warnings=tuple(strip_controls(f)[:50] for f in fp[:10]),
        )
    if "out" not in fields:
        return "invalid return: no value came back"
    try:
        outputs = wire.decode_field(fields, "out", data, allow_str=False, path="result")
    except wire.WireError as exc:
        return f"invalid return: {clip(str(exc), max_chars=500, max_lines=5)}"
    if type(outputs) is not dict:
        return "invalid return: the harness result is not a dict"
    return Outcome(
        outputs=outputs,
        error=None,
        mutated=tuple(strip_controls(m)[:200] for m in mutated[:50]),
        fp_warnings=tuple(strip_controls(f)[:50] for f in fp[:10]),
    )


def _judge(
    checker: Checker, case: Case, outcome: Outcome, prepared: tuple[Any] | None = None
) -> CaseResult:
    try:
        if prepared is None:
            return checker.judge(case, outcome)
        return checker.judge_prepared(case, outcome, prepared[0])
    except Exception as exc:  # a returned value the checker could not interpret
        return CaseResult(
            name=case.name,
            status=CaseStatus.INVALID,
            message=(
                "the grader could not interpret the returned value"
                f" ({type(exc).__name__}: {clip(str(exc), max_chars=300, max_lines=3)})"
            ),
            inputs=case.describe,
        )


Judged = tuple[CaseResult, bool] | wire.WireError
"""One case's result and whether it ran out of memory, or the protocol violation its message held."""


def judge_result(
    checker: Checker,
    case: Case,
    fields: dict[str, Any],
    data: bytearray,
    memory: str,
    prepared: tuple[Any] | None = None,
) -> tuple[CaseResult, bool]:
    """The result of one case from its message (and whether it ran out of memory); raises WireError.

    `prepared` is `(checker.prepare(case),)` when that was computed beforehand.
    """
    outcome = _outcome(fields, data)
    if isinstance(outcome, str):
        return (
            CaseResult(
                name=case.name, status=CaseStatus.INVALID, message=outcome, inputs=case.describe
            ),
            False,
        )
    if outcome.error is not None and is_memory_error(outcome.error):
        return (
            CaseResult(
                name=case.name,
                status=CaseStatus.ERROR,
                message=f"ran out of memory: the sandbox allows {memory} of address space\n"
                + outcome.error,
                inputs=case.describe,
            ),
            True,
        )
    return _judge(checker, case, outcome, prepared), False


class CaseJudge:
    """Judges cases between the supervising loop's reads while the child runs: each case is
    judged once its result arrived, and while none is waiting the next cases are prepared.

    `sent` and `put` are the worker's callbacks (the job is written; a result
    arrived) and only record; `step` does one bounded piece of the work (one
    case judged, or one `prepare`) and is called by the loop between its reads,
    so the deadline is still checked between any two pieces; `finish` judges what
    arrived and was not judged yet and returns the judged cases by index. It runs
    on the supervising thread: a thread of its own cost a thread start per grading
    and handed every result over (a wake-up and the GIL each time) on a 2-core
    machine where the child needs the other core. A result that arrived is judged
    before anything more is prepared; while none is waiting (the child still runs)
    the reference of the next unprepared case is computed, as far ahead as the wait
    allows. Nothing is prepared before the job is written. A case's verdict is
    exactly what `decide` alone would give it.
    """

    def __init__(self, checker: Checker, cases: Sequence[Case], memory: str) -> None:
        self._checker = checker
        self._cases = list(cases)
        self._memory = memory
        self._arrived: deque[tuple[dict[str, Any], bytearray]] = deque()
        self.judged: dict[int, Judged] = {}
        self._sent = False
        self._next = 0
        """The case to judge next."""
        self._prepared: dict[int, tuple[Any] | None] = {}
        """`(checker.prepare(case),)` by case index (None where it raised), from `_next` on."""
        self._stopped = False

    def sent(self) -> None:
        """The whole job reached the child's pipe (called by the supervising loop)."""
        self._sent = True

    def put(self, fields: dict[str, Any], data: bytearray) -> None:
        """A case's result message arrived (called by the supervising loop)."""
        self._arrived.append((fields, data))

    def step(self) -> bool:
        """Judge a case that arrived, else prepare the next unprepared one; True while more
        can be done now."""
        if not self._can_work():
            return False
        if not self._arrived:
            self._prepare(self._next + len(self._prepared))
        elif self._next not in self._prepared:
            self._prepare(self._next)
        else:
            self._judge_next()
        return self._can_work()

    def _can_work(self) -> bool:
        return (
            self._sent
            and not self._stopped
            and self._next < len(self._cases)
            and (bool(self._arrived) or self._next + len(self._prepared) < len(self._cases))
        )

    def _prepare(self, index: int) -> None:
        try:
            self._prepared[index] = (self._checker.prepare(self._cases[index]),)
        except Exception:  # a checker bug: judging again in `_judge` reports it
            self._prepared[index] = None

    def _judge_next(self) -> None:
        index, case = self._next, self._cases[self._next]
        fields, data = self._arrived.popleft()
        prepared = self._prepared.pop(index)
        self._next += 1
        try:
            self.judged[index] = judge_result(
                self._checker, case, fields, data, self._memory, prepared
            )
        except wire.WireError as exc:
            self.judged[index] = exc
            self._stopped = True
        except Exception:  # left to `decide`, which judges the case itself
            self._stopped = True

    def finish(self) -> dict[int, Judged]:
        """No more results will come: judge those that arrived and were not judged yet."""
        while self._arrived and not self._stopped and self._next < len(self._cases):
            if self._next not in self._prepared:
                self._prepare(self._next)
            self._judge_next()
        return self.judged


def sanitize(verdict: Verdict) -> Verdict:
    """No control characters anywhere in what will be shown."""

    def clean_case(result: CaseResult) -> CaseResult:
        updates = {}
        for key, value in result.__dict__.items():
            if isinstance(value, str) and key != "status":
                cleaned = strip_controls(value)
                if cleaned != value:
                    updates[key] = cleaned
        # a copy only where something was stripped: most results are clean already
        return result.model_copy(update=updates) if updates else result

    cases = [clean_case(c) for c in verdict.cases]
    first = clean_case(verdict.first_failure) if verdict.first_failure else None
    return verdict.model_copy(
        update={"summary": strip_controls(verdict.summary), "cases": cases, "first_failure": first}
    )


def memory_limit(config: SandboxConfig) -> str:
    """The address-space limit as the verdicts word it ('512 MiB')."""
    return f"{config.address_space >> 20} MiB"


def internal_verdict(
    checker: Checker, message: str, *, seed: int, duration_ms: float, isolation: list[str]
) -> Verdict:
    """A grader failure, worded so it does not blame the submission."""
    text = f"{GRADER_FAILED_PREFIX}{message}"
    if hint := room_hint(message):
        text += f"; {hint}"
    result = CaseResult(name="grader", status=CaseStatus.ERROR, message=text)
    return build_verdict(
        checker.name,
        [result],
        seed=seed,
        duration_ms=duration_ms,
        isolation=isolation,
        status=Status.INTERNAL,
        summary=text,
    )


def decide(
    checker: Checker,
    cases: Sequence[Case],
    run: RunResult,
    *,
    seed: int,
    duration_ms: float,
    isolation: list[str],
    config: SandboxConfig,
    judged: dict[int, Judged] | None = None,
) -> Verdict:
    """The verdict for one run; `judged` holds the cases a `CaseJudge` already judged."""
    common: dict[str, Any] = {
        "seed": seed,
        "duration_ms": duration_ms,
        "isolation": isolation,
        "stdout": run.stdout,
        "stderr": run.stderr,
    }
    if run.internal is not None:
        verdict = internal_verdict(
            checker, run.internal, seed=seed, duration_ms=duration_ms, isolation=isolation
        )
        return verdict.model_copy(update={"stdout": run.stdout, "stderr": run.stderr})
    memory = memory_limit(config)
    results: list[CaseResult] = []
    status: Status | None = None
    summary: str | None = None
    protocol_error = run.protocol_error

    if run.load_error is not None:
        return loading_verdict(checker, cases, run.load_error, memory, **common)

    memory_case: str | None = None
    judged = judged or {}
    try:
        late = _late_changes(run.late, len(run.results))
    except wire.WireError as exc:
        late, protocol_error = {}, str(exc)
    for index, (case, (fields, data)) in enumerate(zip(cases, run.results, strict=False)):
        try:
            done = judged.get(index)
            mutated = fields.get("mutated")
            if index in late and (mutated is None or type(mutated) is list):
                # judged again, with the inputs the child found changed after the call
                fields = {**fields, "mutated": [*late[index], *(mutated or [])]}
                done = None
            if isinstance(done, wire.WireError):
                raise done
            result, out_of_memory = done or judge_result(checker, case, fields, data, memory)
        except wire.WireError as exc:
            protocol_error = str(exc)
            break
        if out_of_memory:
            memory_case = memory_case or case.name
        results.append(result)

    ran = len(results)
    running = cases[ran].name if run.loaded and ran < len(cases) else None
    where = running or (LOADING if not run.loaded else "after the last case")
    inputs = cases[ran].describe if running else ""

    if memory_case is not None:
        status = Status.CRASHED
        summary = (
            f"crashed: ran out of memory in {memory_case}"
            f" (the sandbox allows {memory} of address space)"
        )
    elif run.forged:
        status = Status.INVALID
        summary = (
            "invalid: the result channel carried bytes the grader did not write (each of its"
            " frames starts with a token your code never sees): did the code write to file"
            " descriptors it does not own?"
        )
        results.append(CaseResult(name=where, status=CaseStatus.INVALID, message=summary))
    elif protocol_error is not None:
        status = Status.INVALID
        summary = (
            "invalid: the result channel carried data the protocol does not allow "
            f"(did the code write to file descriptors it does not own?): {clip(protocol_error, max_chars=300)}"
        )
        results.append(CaseResult(name=where, status=CaseStatus.INVALID, message=summary))
    elif run.disk_quota:
        status = Status.CRASHED
        message = (
            f"wrote more than {DISK_QUOTA >> 20} MiB (or {QUOTA_ENTRIES} files, or folders"
            " nested too deep or too closed for the grader to measure) into its work"
            " directory; the process was killed and the directory removed"
        )
        summary = f"crashed {_during(where)}: {message}"
        results.append(
            CaseResult(name=where, status=CaseStatus.ERROR, message=message, inputs=inputs)
        )
    elif run.timed_out:
        status = Status.TIMEOUT
        limit = f"{checker.timeout_s:g} s"
        stopped = STOPPED_NOTE if run.stopped else ""
        summary = (
            (
                f"timeout: {where} did not finish within {limit} (wall clock, for loading"
                f" your code and all {len(cases)} cases together)"
            )
            + stopped
            + _printed_tail(run, config)
        )
        results.append(
            CaseResult(
                name=where,
                status=CaseStatus.TIMEOUT,
                message=(
                    f"did not finish within {limit} (wall clock); the process was killed."
                    f" The {limit} are for the whole run (loading your code and all"
                    f" {len(cases)} cases together), not for this case alone"
                    + _loading_took(run, where)
                    + stopped
                    + printing_note(run, config)
                ),
                inputs=inputs,
            )
        )
    elif not run.done:
        status, summary, message = _death(run, where, config, memory, len(cases))
        results.append(
            CaseResult(
                name=where,
                status=CaseStatus.TIMEOUT if status is Status.TIMEOUT else CaseStatus.ERROR,
                message=message,
                inputs=inputs,
            )
        )
    elif len(run.results) > len(cases):
        # the cases all ran and may each have passed, but the child broke the protocol (one
        # result per case): no pass, and the surplus is said, not called an early end
        status = Status.INVALID
        summary = (
            f"invalid: the sandboxed process sent {len(run.results)} results for"
            f" {len(cases)} cases (one is expected per case): a protocol error, so the run"
            " does not count as passed"
        )
        results.append(CaseResult(name=where, status=CaseStatus.INVALID, message=summary))
    elif len(run.results) < len(cases):
        status = Status.INVALID
        summary = "invalid: the result channel ended early"

    # a result added at `where` stands for the running case, never for loading or the end:
    # counted as a case there, a run stopped while loading lost its first case from the list
    stood_for = 1 if running is not None and len(results) > ran else 0
    results += [_not_run(c) for c in cases[ran + stood_for :]]
    verdict = build_verdict(checker.name, results, status=status, summary=summary, **common)
    told = thread_exception(run.stderr) if verdict.status is not Status.PASSED else None
    if told is not None:
        kind, line, function = told
        verdict = verdict.model_copy(
            update={
                "summary": f"{verdict.summary}; a thread your code started stopped on {kind}"
                f" under line {line} of your code (in {function}), as Python printed it on stderr"
            }
        )
    return sanitize(verdict)


def loading_verdict(
    checker: Checker, cases: Sequence[Case], fields: dict[str, Any], memory: str, **common: Any
) -> Verdict:
    """The verdict of a file that did not load: `fields` is the child's `load_error` message, or
    what the in-process grader found in the same words (`grade_source_inprocess`), so a missing
    function or a SyntaxError reads the same on both paths. Its reason, then every case not run."""
    status, summary, result = _load_error(checker, fields, memory)
    results = [result, *(_not_run(c) for c in cases)]
    return sanitize(build_verdict(checker.name, results, status=status, summary=summary, **common))


def _not_run(case: Case) -> CaseResult:
    return CaseResult(name=case.name, status=CaseStatus.NOT_RUN, inputs=case.describe)


def _load_error(
    checker: Checker, fields: dict[str, Any], memory: str
) -> tuple[Status, str, CaseResult]:
    kind = fields.get("kind")
    text = clip(str(fields.get("message", "")))
    if kind == "missing":
        # only names this drill asked for: the child's list is its word, and a forged one
        # (written to the result pipe by the submission) named 7 MB of "functions", which the
        # summary, the case and the first failure each repeated, printed and saved in a try
        named = fields.get("missing")
        claimed = set(m for m in named if type(m) is str) if type(named) is list else set()
        missing = [name for name in checker.entries if name in claimed] or list(checker.entries)
        listed = fields.get("defined")
        defined = [
            f"{strip_controls(str(d[0]))[:60]} (line {d[1]})"
            for d in (listed if type(listed) is list else [])
            if type(d) is list and len(d) == 2 and type(d[1]) is int and 0 < d[1] <= MAX_LINE
        ][:10]
        signatures = checker.call_signatures()
        wanted = ", ".join(f"`{signatures.get(name, name + '(...)')}`" for name in missing)
        text = f"your code does not define {wanted}"
        text += f"; it defines {', '.join(defined)}" if defined else "; it defines no functions"
        status = Status.ERROR
    elif kind == "memory":
        text = f"ran out of memory while loading your code (the sandbox allows {memory})\n{text}"
        status = Status.CRASHED
    elif kind == "syntax":
        status = Status.ERROR
    else:
        # the exception on the first line: the headline and a case list show that line,
        # which read "your code raised an exception while loading:" and stopped there
        text = f"while loading, your code raised {text}"
        note = missing_module_note(text)
        text += f"\n{note}" if note else ""
        status = Status.ERROR
    summary = f"{status.value}: {text.splitlines()[0] if text else 'your code could not be loaded'}"
    return status, summary, CaseResult(name=LOADING, status=CaseStatus.ERROR, message=text)


def _cpu_so_far(run: RunResult) -> float | None:
    """The CPU seconds the child said it had used when it sent its last result, if plausible.

    The child reports it (`cpu` in a result message); it only goes into a message, so a
    value that is not a finite number within an hour is dropped, never trusted further.
    """
    if not run.results:
        return None
    cpu = run.results[-1][0].get("cpu")
    if not (type(cpu) is float or type(cpu) is int):  # a bool is not a figure
        return None
    seconds = float(cpu)
    return seconds if 0 <= seconds <= 3600 else None  # NaN fails both comparisons


def _size(count: int) -> str:
    """A byte count as people read it: 52.7 MB, 830 KB."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}"
    return f"{count} bytes"


def _printed_tail(run: RunResult, config: SandboxConfig) -> str:
    """The end of a stopped run's headline when it printed more than is kept, or ""."""
    return f", after printing {_size(run.printed)}" if run.printed > config.output_limit else ""


def printing_note(run: RunResult, config: SandboxConfig) -> str:
    """Why a run that printed far more than is kept may have been stopped, or "".

    A `print` in a loop over every element is a common way to run out of time: the run
    then read as a plain timeout, its output cut to the kept part, and the cause unsaid."""
    if run.printed <= config.output_limit:
        return ""
    return (
        f"; it printed {_size(run.printed)} before it was stopped (only the first"
        f" {config.output_limit // 1024} KiB of each stream are kept): writing that much takes"
        " time of its own, so print less (not once per element or per step of a loop)"
    )


def _loading_took(run: RunResult, where: str) -> str:
    """How much of the wall limit loading the code took, for a timeout in a case.

    An import that slept 0.7 s of a 1 s limit timed out in a quick case 3, and the verdict
    said only that the limit was for all the cases together. The figure is the parent's own
    clock, from the job's submission to the child's "loaded" message.
    """
    if run.loaded_s is None or where == LOADING:
        return ""
    return f"; loading your code took {run.loaded_s:.2f} s of them"


def _cpu_limit_message(run: RunResult, limit: str, cases: int) -> str:
    """The CPU limit is one budget for the whole run: say so, and what earlier cases used.

    Otherwise a correct but slow solution sends its author hunting a bug in whichever
    (possibly tiny) case happened to be running when the budget ran out.
    """
    message = (
        f"used more than {limit} of CPU time; the process was stopped. The limit is one budget"
        f" for the whole run (loading your code and all {cases} cases together), not for this"
        " case alone"
    )
    done, cpu = len(run.results), _cpu_so_far(run)
    if done and cpu is not None:
        message += f"; the run had used {cpu:.2f} s of it by the end of case {done}"
    return message + "; look at how fast the whole function is rather than at this case's inputs"


def _memory_note(run: RunResult, config: SandboxConfig, *, cpu_limit: bool = False) -> str:
    """How close the run came to the memory ceiling, from the parent's readings, or "".

    A dict of millions of entries grows slowly (each entry is a few Python objects): such a run
    used its CPU budget before its address space reached the ceiling, or reached it, caught the
    MemoryError and ran on, and the verdict said only "CPU time", though memory was the cause."""
    peak, limit = run.peak_address_space, config.address_space
    if peak < limit // 2:
        return ""
    note = f"; its address space had grown to {peak >> 20} MiB of the {limit >> 20} MiB allowed"
    if peak >= limit - limit // 16:
        note += " (at or near the ceiling, past which every allocation fails with MemoryError)"
    if cpu_limit:
        note += ": building that much (millions of small objects) takes much of the CPU time"
    return note


def _memory_tail(run: RunResult, config: SandboxConfig) -> str:
    """The headline's word on memory when the run used half its ceiling or more, or ""."""
    if run.peak_address_space < config.address_space // 2:
        return ""
    return f", its memory at {run.peak_address_space >> 20} of {config.address_space >> 20} MiB"


def _status_words(run: RunResult, name: str, words: str) -> str:
    """What a signal's death is called: under bubblewrap without seccomp, a status too."""
    if run.status_only and not run.seccomp and run.signal is not None:
        return (
            f"the process was killed by {name}{_words(name, words)}, or exited with status"
            f" {128 + run.signal}: bubblewrap reports the two alike, and without seccomp (not"
            " active here) nothing keeps code from choosing that status"
        )
    return f"the process was killed by {name}{_words(name, words)}"


def _words(name: str, words: str) -> str:
    return f" ({words})" if words != name else ""


def _death(
    run: RunResult, where: str, config: SandboxConfig, memory: str, cases: int
) -> tuple[Status, str, str]:
    """Why the child stopped without finishing: CPU limit, a signal, an exit."""
    # A CPU limit is named only when the process's own CPU time bears it out (its rusage, or
    # the parent's last reading of it under bubblewrap): a SIGXCPU (a POSIX timer's, a status
    # of 152 under bubblewrap) or a SIGKILL the code brought on itself reads as the signal.
    # A SIGXCPU counts once the job used half of what its start left: the kernel checks the
    # limit on tick-sampled time, which the rusage rescales (a busy loop stopped by the 2 s
    # limit read 1.87 s here), and a reading may come up to a sample period before the end;
    # and only once the whole process used three quarters of the limit (a soft limit the code
    # lowered to 1 s, where nothing refuses that, sends SIGXCPU at 1 s).
    # Under a verified seccomp filter no SIGXCPU is the code's (no `kill` of it, no timer that
    # sends it, no lowered limit): it is the kernel's at the limit, whatever the last reading,
    # which under bubblewrap lags the process by a sample period or more on a loaded machine.
    left = config.cpu_soft_s - run.cpu_at_start
    xcpu = run.signal == signal.SIGXCPU and (
        run.seccomp
        or (
            run.cpu_known
            and run.cpu_s - run.cpu_at_start >= left / 2
            and run.cpu_s >= 0.75 * config.cpu_soft_s
        )
    )
    hard = run.signal == signal.SIGKILL and run.cpu_known and run.cpu_s >= config.cpu_soft_s - 0.1
    if xcpu or hard:
        limit = f"{config.cpu_soft_s} s" if xcpu else f"{config.cpu_hard_s} s"
        message = _cpu_limit_message(run, limit, cases)
        message += _memory_note(run, config, cpu_limit=True)
        message += printing_note(run, config)
        summary = (
            (
                f"timeout: the run exceeded the CPU time limit ({limit}), one budget for all"
                f" {cases} cases together, {_during(where)}"
            )
            + _memory_tail(run, config)
            + _printed_tail(run, config)
        )
        return Status.TIMEOUT, summary, message
    memory_hint = "MemoryError" in run.stderr or "Cannot allocate memory" in run.stderr
    if run.signal is not None:
        name = _signal_name(run.signal)
        words = _SIGNAL_WORDS.get(name, name)
        if name == "SIGSYS" and not run.seccomp:  # no filter: only the code sends it
            words = "no seccomp filter was active here, so not a call the sandbox refused"
        message = _status_words(run, name, words)
        if run.signal == signal.SIGXCPU:
            message += (
                f"; the process had used {run.cpu_s:.2f} s of CPU, short of the limit's"
                f" {config.cpu_soft_s} s: the signal was not the limit's"
                if run.cpu_known
                else "; the app could not read the process's CPU use here, so it cannot tell"
                " whether the limit sent that signal"
            )
        message += _raised_limit_note(run, name) or _fault_note(run, name, where)
        message += _crash_line_note(run, name)
        if memory_hint:
            message += f"; it ran out of memory (the sandbox allows {memory})"
        message += _memory_note(run, config)
        return Status.CRASHED, f"crashed {_during(where)}: {message}", message
    message = f"the process exited (code {run.exit_code}) before reporting a result"
    if run.exit_code == wire.CHANNEL_LOST_STATUS:
        message = (
            "the grader could no longer write to its result channel, so no more results"
            " came back: did the code close a file descriptor it did not open?"
            " (the channel is a descriptor the code shares)"
        )
    if memory_hint:
        message += f"; it ran out of memory (the sandbox allows {memory})"
    message += _memory_note(run, config)
    return Status.CRASHED, f"crashed {_during(where)}: {message}", message


def _raised_limit_note(run: RunResult, name: str) -> str:
    """A segmentation fault's likely cause, when the code had raised the recursion limit: the
    child's note of it (its number only; the words are the app's)."""
    if name not in ("SIGSEGV", "SIGBUS") or run.recursion_limit is None:
        return ""
    limit = run.recursion_limit
    return (
        f"; the code had raised Python's recursion limit to {limit:,} (sys.setrecursionlimit),"
        " and recursion deeper than the C stack holds (Python's own, or C code's such as the"
        " repr of deeply nested lists) ends the process this way instead of raising"
        " RecursionError: recurse less deeply, or keep the limit lower"
    )


def _fault_note(run: RunResult, name: str, where: str) -> str:
    """What a segmentation fault (or bus error) with no raised limit told usually means here.

    The signal alone told nothing, and the sandbox has shut the usual doors: ctypes is refused
    and numpy's raw-memory doors are closed, so what is left is a stack overrun or a fault in C
    code the drill reached; named with where it came, as the code's own doing to look into."""
    if name not in ("SIGSEGV", "SIGBUS") or run.recursion_limit is not None:
        return ""
    return (
        "; a drill's code should not be able to cause one (ctypes is refused and numpy's doors"
        " to raw memory are closed), so the usual cause is recursion deeper than the C stack"
        " holds: C code recursing through deeply nested objects (their repr, comparison or"
        " copy), deep recursion in a thread of the code's (each has 8 MiB of stack at least,"
        " whatever threading.stack_size asked, and no room for the fault handler), or a"
        " recursion limit raised where the grader could not hear of it (from a thread of the"
        " code's); else a fault in numpy or a library it calls, reached by what the code did"
        f" {_during(where)}"
    )


_FAULT_DUMP = re.compile(
    # not anchored at a line's start: the handler writes no newline first, and code that
    # left its own output mid-line (bytes with none) hid the dump (fifty-third round)
    r"Fatal Python error: (?:Segmentation fault|Bus error|Aborted|Floating point exception"
    r"|Illegal instruction)\n\n"
    r"(?:Stack|Current thread 0x[0-9a-f]+) \(most recent call first\):\n((?:  [^\n]*\n)*)",
    re.MULTILINE,
)
"""Python's fault handler's dump of one of its five signals (the child enables it before the
code loads, `_fault_dumps` in launcher.py): its header and its frames' lines. An abort, a
floating-point or an illegal-instruction fault in a thread of the code's (`os.abort()` there)
was told by its signal alone, its dump naming the line unread (fifty-fifth round)."""
_DUMPED = ("SIGSEGV", "SIGBUS", "SIGABRT", "SIGFPE", "SIGILL")
"""The signals whose fault dump `crash_line` reads (FAULT_SIGNALS in launcher.py)."""
_CODE_FRAME = re.compile(
    rf'^  File "{re.escape(SUBMISSION_FILENAME)}", line ([1-9][0-9]{{0,6}}),?'
    r" in ([A-Za-z_][A-Za-z0-9_]{0,79}|<(?:module|lambda|listcomp|dictcomp|setcomp|genexpr)>)$",
    re.MULTILINE,
)
"""One frame of the code's file, its line and function: in a fault dump (most recent first,
`line 5 in f`) or in a traceback (most recent last, `line 5, in f`)."""


def crash_line(stderr: str) -> tuple[int, str] | None:
    """The line and function of the code's deepest frame in the last fault dump on `stderr`.

    The code shares stderr and could print a dump of its own; the last one is the handler's,
    written as the process died, unless the code turned the handler off first: then the line
    is one the code chose of its own file, a word about its own code that changes no status."""
    dumps = list(_FAULT_DUMP.finditer(stderr))
    if not dumps:
        return None
    frame = _CODE_FRAME.search(dumps[-1].group(1))
    return None if frame is None else (int(frame.group(1)), frame.group(2))


_THREAD_TRACEBACK = re.compile(
    # not anchored at a line's start: the code's own output may have left a line open
    r"Exception in thread [^\n]{0,300}:\nTraceback \(most recent call last\):\n"
    r"((?:  [^\n]*\n)*)([A-Za-z_][A-Za-z0-9_.]{0,99})(?::[^\n]*)?$",
    re.MULTILINE,
)
"""The traceback Python's `threading.excepthook` prints for a thread's uncaught exception: its
frames' lines and the exception's class."""


def thread_exception(stderr: str) -> tuple[str, int, str] | None:
    """The class, line and function of the first uncaught exception of a thread of the code's
    on `stderr`, its deepest frame of the code's file; None when none names one.

    A thread's exception ends the thread alone: the grader heard nothing of it, and a verdict
    (wrong values, a result that never came) said nothing of where the code stopped
    (fifty-fifth round). The code shares stderr and could print such a traceback itself: then
    the line is one it chose of its own file, words that change no status."""
    for found in _THREAD_TRACEBACK.finditer(stderr):
        frames = _CODE_FRAME.findall(found.group(1))
        if frames:
            line, function = frames[-1]
            return found.group(2), int(line), function
    return None


def _crash_line_note(run: RunResult, name: str) -> str:
    """Where in the code a fatal signal came, from the fault handler's dump, or ""."""
    if name not in _DUMPED:
        return ""
    # the end of a stderr the code filled past the kept part first: the dump is written last
    found = crash_line(run.stderr_tail) or crash_line(run.stderr)
    if found is None:
        return _no_dump_note(run) if name in ("SIGSEGV", "SIGBUS") else ""
    line, function = found
    return (
        f"; it came under line {line} of your code (in {function}), the deepest of its lines"
        " on the stack when the process died, as Python's fault handler printed it on stderr"
    )


def _no_dump_note(run: RunResult) -> str:
    """Why a fault with the handler set left no dump, where nothing kept descriptor 2.

    Under the seccomp filter the code can neither close descriptor 2 nor put another file
    there (FAULT_DUMP_FD in launcher.py): a dump missing then is a fault in a thread of the
    code's, which is said (a stack overflow there, the child's threads having stacks of 8 MiB
    at least, needs a raised recursion limit: `floor_thread_stacks` in child.py). Without the filter the code
    can take it (fifty-fourth round), and the line's absence is said rather than left silent."""
    if not run.fault_handler:
        return ""
    if run.seccomp:  # the fifty-sixth round's words for what the fifty-second's left unsaid
        return (
            "; Python's fault handler printed no dump though the seccomp filter kept its"
            " descriptor, so this was most likely a stack overflow in a thread your code"
            " started: a thread has no alternate stack for the handler to run on, and its line"
            " is not known (recurse less deeply there, or keep the recursion limit lower)"
        )
    return (
        "; Python's fault handler printed no dump, so the line is not known: it writes on"
        " descriptor 2 (stderr), and nothing is printed when the code closed or replaced"
        " descriptor 2 (no seccomp filter ran here to refuse that) or when the fault came in"
        " a thread of the code's"
    )


def _during(where: str) -> str:
    """'in case 3' / 'while loading your code' / 'after the last case'."""
    if where == LOADING:
        return f"while {LOADING}"
    return where if where.startswith("after") else f"in {where}"
