"""What a test that asserts "the card index was read" must hold still: the bank's inputs.

A `drillbit` process reads the remembered card index (no card model, no pydantic) only
while every input of a load is as it was when the index was written: each content file's
size, times and inode (`quiz.bank.statwalk`) and the parsing code (`cachefile.code_stamp`),
and only when no file had changed within `cachefile.RACY_SECONDS` of the writing. The
bundled bank is the repository's own content/ folder, which no test owns: an edit, a
`git checkout` or a content merge in that work tree while the suite runs changes it, and
the next process rightly loads the bank in full (its card cache misses for the file that
changed, so pydantic validates it). A test of the index path compares these inputs
around its processes and tells such a run apart from a regression (`Inputs.held`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import pytest

from quiz.bank import cachefile, statwalk
from quiz.bank.index import bank_index
from quiz.bank.sources import content_roots

T = TypeVar("T")


@dataclass(frozen=True)
class Inputs:
    """A load's inputs as this test's environment names them (its DRILLBIT_CONTENT too)."""

    stamp: str
    walk: str | None
    """The stat walk's records, None when the walk cannot vouch for the files."""
    newest_ns: int

    @classmethod
    def now(cls) -> Inputs:
        """The inputs as they are now (the code stamp read again, not the cached one)."""
        found = statwalk.walk([str(root) for root in content_roots()])
        stamp = cachefile.code_stamp.__wrapped__()  # the cached one would hide an edit
        return cls(stamp, None, 0) if found is None else cls(stamp, found[1], found[0])

    def held(self, after: Inputs, started: float) -> bool:
        """Whether a process begun at `started` (wall clock, before it) found these inputs
        old enough to remember (not racy) and whether they were still these at `after`
        (a change always moves a ctime forward, so equal walks mean nothing changed)."""
        settled = self.newest_ns <= (started - cachefile.RACY_SECONDS) * 1e9
        return self.walk is not None and settled and after == self


def settled_inputs() -> Inputs:
    """The inputs once no file changed within RACY_SECONDS (a fresh copy or an edit just
    made is not remembered, by design): waits for that condition, a few seconds at most."""
    found = Inputs.now()
    for _ in range(100):
        wait = found.newest_ns / 1e9 + cachefile.RACY_SECONDS - time.time()
        if wait < 0:
            break
        time.sleep(min(wait + 0.01, 0.5))
        found = Inputs.now()
    return found  # still changing: the run will not hold, and says so


def while_held(run: Callable[[], T], attempts: int = 5) -> T:
    """`run()`'s result from the first attempt during which the bank's inputs held still,
    with this test's card index (in its DRILLBIT_HOME) made for them first: the session's
    warm copy (`_warm_card_cache`) was made for the bank as it was at the session's start."""
    for _ in range(attempts):
        before = settled_inputs()
        bank_index(content_roots())  # the remembered index, else a load that remembers it
        started = time.time()
        result = run()
        if before.held(Inputs.now(), started):
            return result
    pytest.fail(f"the bank's content or code changed during each of {attempts} attempts")
