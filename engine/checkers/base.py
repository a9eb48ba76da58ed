"""The contract between a drill's checker, the harness that runs in the child, and the grader.

A checker lives in the trusted parent. It makes randomized cases (plain data),
names the harness module whose *source text* is shipped to the child, and judges
the plain data that comes back. The reference outputs never leave the parent.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from engine.verdict import CaseResult

HARNESS_DIR = Path(__file__).resolve().parent.parent / "harnesses"


SHARED_IMPORT = "from engine.harnesses._returns import return_code\n"
"""The shared helper every harness that reports a wrong return imports (`_returns`)."""

_SHARED = re.compile(r"^from engine\.harnesses\.(?P<helper>_\w+) import [^\n]+\n", re.MULTILINE)
"""A harness's import of a shared helper (`_returns`, `_seeding`): the only imports of engine
a harness may make; the shipped text holds the helper's text instead."""


def _helper_text(helper: str) -> str:
    """A shared helper's text as written into a harness: its own imports, none of `__future__`."""
    text = (HARNESS_DIR / f"{helper}.py").read_text(encoding="utf-8")
    future = "from __future__ import annotations\n"
    return text[text.index(future) + len(future) :].lstrip("\n")


def _shipped(text: str) -> str:
    """A harness's text as the child gets it: each shared helper, with its own imports,
    written in place of its import (the child cannot import engine)."""
    return _SHARED.sub(lambda found: _helper_text(found["helper"]), text)


@cache
def harness_sources() -> dict[str, str]:
    """Every harness's source text by name, read once: each job ships its harness's text,
    and the warm sandbox child compiles them all before its job (it uses a compiled one
    only when the job's text is the same)."""
    return {
        path.stem: _shipped(path.read_text(encoding="utf-8"))
        for path in sorted(HARNESS_DIR.glob("*.py"))
        if not path.name.startswith("_")
    }


@dataclass(frozen=True)
class Case:
    """One randomized case.

    `inputs` is sent to the child and must hold only plain data: ndarrays of
    kind b/i/u/f, floats, ints, bools, strings, and lists/tuples/dicts of those.
    `private` stays in the parent (expected values, which gradient is planted...).
    """

    name: str
    inputs: dict[str, Any]
    describe: str
    private: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    """What running one case produced, as plain data (from the child or in-process)."""

    outputs: dict[str, Any] | None
    """The harness's result dict, or None when the call raised."""
    error: str | None = None
    """The user's exception, formatted for humans (traceback trimmed to their file)."""
    mutated: tuple[str, ...] = ()
    """Names of input arrays the submission changed in place."""
    fp_warnings: tuple[str, ...] = ()
    """Floating-point events (overflow, divide, invalid) raised during the call."""


class Checker(ABC):
    """One drill's grading logic. Subclasses set the class variables and implement two methods."""

    name: ClassVar[str]
    """Dotted name relative to `engine.checkers`, e.g. 'nn.optim.adam_step'."""
    entries: ClassVar[tuple[str, ...]]
    """Function names the user must define."""
    harness: ClassVar[str] = "call"
    """Module name in `engine/harnesses/` whose source runs in the child."""
    fp_strict: ClassVar[bool] = False
    """True where numerical stability is the point: FP warnings fail the case."""
    timeout_s: ClassVar[float] = 5.0
    """Wall-clock limit for the whole submission."""

    @abstractmethod
    def reference(self) -> Mapping[str, Callable[..., Any]]:
        """The reference implementation of every entry, keyed by entry name."""

    @abstractmethod
    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        """Randomized cases for one grading; `params` come from the card's front matter."""

    @abstractmethod
    def judge(self, case: Case, outcome: Outcome) -> CaseResult:
        """Decide one case from the plain data the submission produced."""

    def prepare(self, case: Case) -> Any:
        """What judging `case` needs that does not depend on the submission (the reference's answer).

        The sandboxed grader calls it while the child runs, so the reference is
        computed alongside the submission instead of after it, and hands the
        value to `judge_prepared`. None (nothing to prepare) by default.
        """
        return None

    def judge_prepared(self, case: Case, outcome: Outcome, prepared: Any) -> CaseResult:
        """`judge` with what `prepare(case)` returned; checkers that prepare nothing need not override it."""
        return self.judge(case, outcome)

    def harness_source(self) -> str:
        """The harness module's source text, shipped to the child as plain text."""
        return harness_sources()[self.harness]

    def returned_none(self, case: Case, outputs: Mapping[str, Any]) -> str | None:
        """'softmax(z) returned None ...' when the call harness reported a None return, else None.

        The child only reports that it was None (`{"returned_none": 1}`: the wire refuses
        None in a result); the name and parameters come from the case and the reference.
        """
        flag = outputs.get("returned_none")
        if self.harness != "call" or type(flag) is not int or flag != 1:
            return None
        fn = str(case.inputs.get("fn", ""))
        params = self.signatures().get(fn)
        call = f"{fn}({', '.join(params)})" if params is not None else "your function"
        return f"{call} returned None (did it forget to `return`?)"

    def call_signatures(self) -> dict[str, str]:
        """Each entry's parameters as written, defaults too, without annotations:
        `maxpool_backward(dout, x, size=2, stride=2)`, what a file lacking it is told to
        write (the names alone left out that size and stride may be omitted); a default
        as the reference's source writes it (`eps=1e-5`, not repr's `1e-05`)."""
        from engine.signature_text import written_signature

        return {name: written_signature(name, fn) for name, fn in self.reference().items()}

    def signatures(self) -> dict[str, tuple[str, ...]]:
        """Positional parameter names of each entry, taken from the reference."""
        import inspect

        return {
            name: tuple(inspect.signature(fn).parameters) for name, fn in self.reference().items()
        }
