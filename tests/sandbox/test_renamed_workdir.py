"""A work dir its child renamed is removed where it went.

With seccomp alone a child may rename its work dir's top folder within the temp dir (it
owns the folder and the temp dir is writable): removal by the name the folder was made
with found nothing, and the folder, with what the code put in it, stayed for good (seen on
this machine). The grader holds a descriptor on the folder and removes it where it is."""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
import textwrap
from collections.abc import Iterator

import pytest

from engine.sandbox import SandboxConfig, WorkerPool
from engine.sandbox.worker import _reaper
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import LIVE_POOLS, run_adversarial, shown

ESCAPE = "drillbit-test-renamed-"

RENAME_THE_TOP = textwrap.dedent(f"""
    import os

    def double(x):
        here = os.getcwd()  # <top>/hidden/<random>
        top = os.path.dirname(os.path.dirname(here))
        if os.path.basename(top).startswith({ESCAPE!r}):
            return 2 * x  # renamed by an earlier case
        away = os.path.join(os.path.dirname(top), {ESCAPE!r} + os.path.basename(top))
        os.rename(top, away)
        with open("kept", "w") as f:  # the cwd moved with it
            f.write("left behind")
        return 2 * x
""")


@pytest.fixture
def seccomp_alone_pool() -> Iterator[WorkerPool]:
    config = SandboxConfig(bwrap=False, landlock=False, audit_hooks=False)
    with WorkerPool(config) as pool:
        LIVE_POOLS.append(pool)
        yield pool


def _escaped() -> list[str]:
    return glob.glob(os.path.join(tempfile.gettempdir(), f"{ESCAPE}*"))


def test_a_work_dir_renamed_by_its_child_is_removed_where_it_went(
    seccomp_alone_pool: WorkerPool,
) -> None:
    before = set(_escaped())
    verdict = run_adversarial(
        seccomp_alone_pool, RENAME_THE_TOP, Status.PASSED, checker=PatientDoubleChecker()
    )
    _reaper.flush()
    left = set(_escaped()) - before
    try:
        assert verdict.status is Status.PASSED, shown(verdict)
        assert left == set(), f"the renamed work dir stayed: {sorted(left)}"
    finally:
        for path in left:
            shutil.rmtree(path, ignore_errors=True)  # root's, as the tests run: modes bind not
