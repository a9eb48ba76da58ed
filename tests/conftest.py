"""Shared fixtures: every test runs with its own DRILLBIT_HOME and no stray content sources;
`drillbit` and `drillbit_process` run the command line."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Protocol

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

from quiz.bank.index import card_index
from quiz.bank.loader import load_bank
from quiz.bank.sources import content_roots
from quiz.cli import main
from quiz.clock import Clock, utc_now
from quiz.study.days import local_date, study_zone

settings.register_profile(
    "drillbit", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("drillbit")
"""Property tests draw the same examples on every run: a newcomer's `uv run pytest` never
turns red by chance. A bug they find once is pinned with `@example` (and a plain test).
Nor does the clock decide: no deadline per example and no `too_slow` check of the time
spent drawing (both wall clock, which a loaded machine stretches; a test that left out
`deadline=None` had 200 ms per example)."""

DATA = Path(__file__).resolve().parent / "data"
REPO = Path(__file__).resolve().parent.parent
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux")
"""For tests of a forked helper: drillbit forks one only on Linux (`quiz.bank.parallel`)."""

SLOW_FIXTURES = frozenset(
    {
        "drillbit_process",
        "served",
        "served_one_tab",
        "served_few_files",
        "browser",
        "pool",
        "bare_bwrap_pool",
    }
)
"""Fixtures that start a process, a server, a browser or a sandbox pool: a test using one is
marked `slow`."""

SLOW_MODULES = frozenset(
    {
        "bank/test_loader_properties.py",  # hypothesis, hundreds of generated cards
        "bench/test_bench_smoke.py",  # runs the benchmark's probes
        "tui/test_start_imports.py",  # fresh app processes (the benchmark's probe)
        "ecosystem/test_no_textual.py",  # a fresh interpreter per module
        "engine/test_architectures.py",  # grades answers in the sandbox
        "engine/test_deep_training_sandbox.py",
        "hostile/test_data_folder.py",  # `drillbit` processes on hostile folders
        "sandbox/test_adversarial.py",
        "sandbox/test_answers_sandboxed.py",
        "sandbox/test_canary.py",
        "sandbox/test_doctor.py",
        "sandbox/test_kernel_layers.py",
        "sandbox/test_layers.py",
        "sandbox/test_other_processes.py",
        "sandbox/test_pool.py",
        "sandbox/test_pycache.py",
        "sandbox/test_resources.py",
        "sandbox/test_self_checks.py",
        "store/test_concurrent_reviews.py",  # several processes on one database
        "store/test_kill.py",  # a process killed mid-write
        "test_import_hygiene.py",  # a fresh interpreter per module
        "test_xdist_groups.py",  # a pytest run with two workers
        "tui/test_snapshots.py",  # renders every screen at two sizes
    }
)
"""Test modules (relative to tests/) that are slow as a whole."""

SERVER_FIXTURES = frozenset(
    {"served", "served_one_tab", "served_few_files", "served_on_a_fake_clock"}
)
"""Fixtures that start `drillbit serve` on a port picked free a moment before it binds: their
tests share one xdist group, so two workers never race for the same port."""

TESTS = Path(__file__).resolve().parent

RUN_FIRST = (
    "sandbox/test_pycache.py::test_processes_grading_at_once_never_break_each_other",
    "bench/test_bench_smoke.py::test_heavy_user_figures_on_a_small_history",
    "web/test_serve_browser.py",
    "sandbox/test_pycache.py",
    "bench/test_bench_smoke.py",
    "bank/test_loader_properties.py",
    "bank/test_safeyaml.py::test_dumped_values_load_as_pyyaml_loads_them",
    "ecosystem/test_cli_entry.py::test_import_then_lint_in_a_project_folder",
    "engine/test_statistics.py",
)
"""Tests (node ids relative to tests/, or their prefixes) that take longest on the wall
clock, longest first (`--durations` at load 8: 80 s for the first, 10-45 s for the rest).
xdist hands tests out in collection order, so one of these collected last ran alone at
the end while the other workers had nothing left; collected first, the short tests fill
in around them. After these come the other slow tests, then the rest."""


@pytest.hookimpl(optionalhook=True)  # `-p no:xdist` runs without the hook
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto` starts one worker more than this process may use cores: much of the suite
    waits (sandbox time limits, child processes, servers), and a third worker fills a core
    that would idle (tests/sandbox and the sandboxed engine tests: 274 -> 247 s on 2 cores).
    PYTEST_XDIST_AUTO_NUM_WORKERS still decides when set."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    return len(os.sched_getaffinity(0)) + 1


def pytest_itemcollected(item: pytest.Item) -> None:
    """Mark `slow` a test of SLOW_MODULES or one that uses one of SLOW_FIXTURES (`pytest -m
    "not slow"` is then the fast inner loop); put a test that serves on a port in the `serve`
    xdist group (one worker runs them in turn).

    Here, as each test is collected, and not in `pytest_collection_modifyitems`: xdist's
    worker reads `xdist_group` in its own `pytest_collection_modifyitems`, which ran before
    this conftest's, so a group added there was never seen and the serve tests (three
    Chromiums among them) ran on every worker at once. (pytest 9.2 lost the groups too:
    pyproject.toml keeps pytest below it; tests/test_xdist_groups.py runs the real thing.)"""
    if _slow(item):
        item.add_marker(pytest.mark.slow)
    if SERVER_FIXTURES & set(getattr(item, "fixturenames", ())):
        item.add_marker(pytest.mark.xdist_group("serve"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Order the run: RUN_FIRST in its order, the other slow tests, the rest (each part in
    collection order; every process sorts the same way, as xdist requires)."""
    order = {
        id(item): _run_rank(f"{_module(item)}::{item.name}", slow=_slow(item)) for item in items
    }
    items.sort(key=lambda item: order[id(item)])


def _module(item: pytest.Item) -> str:
    """The test's module relative to tests/ ("" outside it)."""
    return item.path.relative_to(TESTS).as_posix() if item.path.is_relative_to(TESTS) else ""


def _slow(item: pytest.Item) -> bool:
    """A test of SLOW_MODULES or one that uses one of SLOW_FIXTURES."""
    fixtures = set(getattr(item, "fixturenames", ()))
    return _module(item) in SLOW_MODULES or bool(SLOW_FIXTURES & fixtures)


def _run_rank(test: str, *, slow: bool) -> int:
    """Where a test (`module::name`) goes in the run: RUN_FIRST's index, then slow, then fast."""
    for rank, prefix in enumerate(RUN_FIRST):
        if test == prefix or test.startswith(f"{prefix}::") or test.startswith(f"{prefix}["):
            return rank
    return len(RUN_FIRST) + (0 if slow else 1)


@pytest.fixture(scope="session")
def _homes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder that holds every test's DRILLBIT_HOME in this process."""
    return tmp_path_factory.mktemp("drillbit-homes")


_HOME_NUMBERS = itertools.count()


@pytest.fixture(autouse=True)
def _isolated_home(_homes: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh DRILLBIT_HOME per test, so no test reads or writes a real user's progress.
    A plain numbered folder: `mktemp` lists the whole temporary folder to number each new
    one and moves a symlink, about 1 ms per test on this disk."""
    home = _homes / f"home{next(_HOME_NUMBERS)}"
    home.mkdir()
    monkeypatch.setenv("DRILLBIT_HOME", str(home))
    monkeypatch.delenv("DRILLBIT_CONTENT", raising=False)
    yield home


@pytest.fixture
def mini_bank(tmp_path: Path) -> Path:
    """A writable copy of the small valid bank in tests/data/mini_bank (the content root)."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "mini_bank", root)
    return root


DRILLBIT_COMMAND = (sys.executable, "-m", "quiz")
"""`drillbit` as a user's shell runs it: this interpreter, the package's `__main__`."""

PROCESS_TIMEOUT_SECONDS = 600
"""The suite's one ceiling on a wait that only guards against a hang: a process a test
started (to end, to answer), a thread or a helper it waits for. A wait returns as soon as
its thing is done, so the ceiling costs only a failing test time. Fixed limits of 60-120 s
stood in a score of tests: at a sixteenth of a core an interpreter that imports numpy, a
`drillbit grade` waiting for the sandbox's worker (its bytecode cache perhaps rebuilt) or a
`git init` outlasts them with nothing wrong. A limit that is itself the claim (a sandbox's
time limit, "ends within its grace") is written where it is checked, never this. The web
and command-line tests' `WAIT_SECONDS` are this ceiling; tests/sandbox's
`WARM_WITHIN_SECONDS` and the Pilot tests' `WAIT_SECONDS` have their own reasons."""

SMALL_BACKUP_REVIEWS = [
    {"card_id": f"card-{number}", "rating": 3, "correct": True, "mode": "due"}
    | {"reviewed_at": f"2026-01-05T09:{number:02d}:00+00:00"}
    for number in range(20)
]
SMALL_BACKUP = {
    "format": "drillbit-progress",
    "version": 1,
    "exported_at": "2026-01-05T10:00:00+00:00",
    "reviews": SMALL_BACKUP_REVIEWS,
}
"""A progress backup of 20 reviews, for the tests that interrupt or kill an import."""


@dataclass(frozen=True)
class CliResult:
    """What one `drillbit` run left behind: its exit status and its two streams."""

    returncode: int
    stdout: str
    stderr: str


class RunDrillbit(Protocol):
    """`drillbit ARGS` run from `cwd` (default: the repository) with `env` added, its clock
    fixed at `now` when given (else the wall clock's)."""

    def __call__(
        self,
        *args: str,
        cwd: Path | None = None,
        env: Mapping[str, str] | None = None,
        now: datetime | None = None,
    ) -> CliResult: ...


FIXED_NOW = datetime(2026, 6, 15, 12, 0).astimezone()
"""The time of a test that fixes the commands' clock (`drillbit(..., now=FIXED_NOW)`):
local noon, hours from any study day's end, on a date of its own (the wall clock's day
may end while a test runs; this one never does)."""

FIXED_DAY = local_date(FIXED_NOW, study_zone())
"""The study day of FIXED_NOW, as the commands count it."""


def run_at(run: RunDrillbit, fixed: datetime) -> RunDrillbit:
    """`run` with the commands' clock at `fixed`, unless a call gives its own `now`."""

    def at(
        *args: str,
        cwd: Path | None = None,
        env: Mapping[str, str] | None = None,
        now: datetime | None = None,
    ) -> CliResult:
        return run(*args, cwd=cwd, env=env, now=fixed if now is None else now)

    return at


def clock_at(now: datetime | None) -> Clock:
    """A clock that always reads `now`, or the wall clock when None."""
    return utc_now if now is None else lambda: now


def _run_in_process(
    *args: str,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> CliResult:
    """`quiz.cli.main(ARGS)`, the console script's function, with click's isolated streams."""
    runner = CliRunner()
    previous = Path.cwd()
    os.chdir(cwd or REPO)
    try:
        with runner.isolation(env=env) as (out, err, _):
            try:
                main(list(args), clock=clock_at(now))
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
            # read inside the block: the streams are closed when the isolation ends
            stdout, stderr = out.getvalue().decode(), err.getvalue().decode()
    finally:
        os.chdir(previous)
    return CliResult(code, stdout, stderr)


def _run_process(
    *args: str,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    now: datetime | None = None,
) -> CliResult:
    """A real `python -m quiz ARGS` process, with this test's environment plus `env`; with
    `now`, `quiz.cli.main(ARGS)` at that time in a fresh interpreter."""
    command = [*DRILLBIT_COMMAND] if now is None else [*command_at(now)]
    completed = subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        env={**os.environ, **(env or {})},
        timeout=PROCESS_TIMEOUT_SECONDS,
    )
    return CliResult(completed.returncode, completed.stdout, completed.stderr)


def drillbit_streams(
    *args: str,
    cwd: Path | None = None,
    stdin: IO[Any] | int | None = None,
    stdout: IO[Any] | int = subprocess.PIPE,
    typed: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """A real `drillbit ARGS` process on standard streams the test gives (a file or a pipe as
    its input or output, a pipe whose reader is gone, /dev/full), or `typed` as its input;
    its stderr read as text."""
    return subprocess.run(
        [*DRILLBIT_COMMAND, *args],
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        input=typed,
        text=True,
        cwd=cwd or REPO,
        env=dict(os.environ),
        timeout=PROCESS_TIMEOUT_SECONDS,
        check=False,
    )


def command_at(now: datetime) -> list[str]:
    """`drillbit` with its clock at `now`, for a test's process: `quiz.cli.main` with the
    words after it, in a fresh interpreter (as DRILLBIT_COMMAND, which has the wall clock)."""
    code = (
        "import sys\n"
        "from datetime import datetime\n"
        "from quiz.cli import main\n"
        f"now = datetime.fromisoformat({now.isoformat()!r})\n"
        "main(sys.argv[1:], clock=lambda: now)\n"
    )
    return [sys.executable, "-c", code]


@pytest.fixture
def forecasts(monkeypatch: pytest.MonkeyPatch) -> list[datetime]:
    """The moments the plan-followed forecast was computed at, in order (the plan cache's
    tests, in-process or through `drillbit plan`, count what it computed)."""
    import quiz.study.plan

    made: list[datetime] = []
    real = quiz.study.plan.forecast

    def counted(*args: object, **kwargs: object) -> Any:
        made.append(args[3])  # type: ignore[arg-type]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(quiz.study.plan, "forecast", counted)
    return made


@pytest.fixture(scope="session")
def _bundled_card_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The card cache (and index) of the bundled bank, built once per worker: a command run
    with a cold cache parses the bundled cards again, about 1.1 s of CPU each time."""
    home = tmp_path_factory.mktemp("bundled-card-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DRILLBIT_HOME", str(home))
        patch.delenv("DRILLBIT_CONTENT", raising=False)
        roots = content_roots()
        load_bank(roots)
        card_index(roots)
    return home / "cache"


@pytest.fixture
def _warm_card_cache(_isolated_home: Path, _bundled_card_cache: Path) -> None:
    """This test's DRILLBIT_HOME starts with the bundled bank's card cache, as a user's does
    after the first run. The cache's own rules still hold: an entry is used only for the
    same unchanged file, and a card with a problem is never cached (tests/bank/test_cache.py
    covers the cold and warm paths)."""
    shutil.copytree(_bundled_card_cache, _isolated_home / "cache", dirs_exist_ok=True)


@pytest.fixture
def drillbit(_warm_card_cache: None) -> RunDrillbit:
    """Run the command line in this process (fast); the sandbox child is still a real process."""
    return _run_in_process


@pytest.fixture
def drillbit_process(_warm_card_cache: None) -> RunDrillbit:
    """Run the command line as a separate process: for what only a process shows (the
    entry point itself, signals, packages found on its `sys.path`, a clean interpreter)."""
    return _run_process


def modules_imported_by(*args: str, now: datetime | None = None) -> tuple[set[str], str]:
    """The modules `drillbit ARGS` has imported when it is done, run in a fresh interpreter
    (the test's DRILLBIT_HOME), and what it printed; its clock at `now` when given."""
    clock = "" if now is None else f", clock=lambda: datetime.fromisoformat({now.isoformat()!r})"
    code = (
        "import json, sys\n"
        + ("" if now is None else "from datetime import datetime\n")
        + "from quiz.cli import main\n"
        f"main({list(args)!r}{clock})\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=PROCESS_TIMEOUT_SECONDS,
    )
    return set(json.loads(done.stderr.splitlines()[-1])), done.stdout
