"""`drillbit doctor`: the layers a real child verified here, and hints for the missing ones."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from engine.checkers.nn.activations import SigmoidChecker
from engine.sandbox import SandboxConfig
from engine.sandbox import bwrap as bwrap_module
from engine.sandbox import isolation as isolation_module
from engine.sandbox import worker as worker_module
from engine.sandbox.config import SeccompSupport, seccomp_support
from engine.sandbox.decide import internal_verdict
from quiz.cli.group import cli
from quiz.doctor import LayerState, ModeReport, diagnose, format_report
from tests.cli.printing import Printing
from tests.conftest import PROCESS_TIMEOUT_SECONDS, REPO
from tests.sandbox.conftest import BWRAP


def test_doctor_command_lists_the_verified_layers() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "doctor"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=PROCESS_TIMEOUT_SECONDS,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Default mode" in out
    seccomp_line = next(line for line in out.splitlines() if "] seccomp:" in line)
    assert seccomp_line.startswith("  [ok]") == (seccomp_support().reason == "")
    bwrap_line = next(line for line in out.splitlines() if "] bubblewrap:" in line)
    assert bwrap_line.startswith("  [ok]") == BWRAP.active
    if BWRAP.active:
        assert "Without bubblewrap" in out
    # folded at 80 columns: a layer of 300 to 500 characters was cut mid-word by the terminal
    assert [line for line in out.splitlines() if len(line) > 80] == []


@pytest.fixture
def bare_machine(monkeypatch: pytest.MonkeyPatch, full_pools: None) -> Iterator[None]:
    """This machine without bwrap and without libseccomp, for this process: once its pools
    are full, so that no spawner builds a session pool's worker meanwhile."""
    missing = SeccompSupport("", "", "libseccomp is not installed (Debian package libseccomp2)")
    monkeypatch.setattr(worker_module, "seccomp_support", lambda: missing)
    monkeypatch.setattr(isolation_module, "seccomp_support", lambda: missing)
    monkeypatch.setattr("shutil.which", lambda name: None)
    monkeypatch.delenv("DRILLBIT_SANDBOX_BWRAP", raising=False)
    bwrap_module.reset_bwrap_status()
    yield
    bwrap_module.reset_bwrap_status()


def unfolded(text: str) -> str:
    """The report with its folded lines joined, for its phrases (`format_report` folds at 80)."""
    return " ".join(text.split())


def test_doctor_says_how_to_get_the_missing_layers(bare_machine: None) -> None:
    reports = diagnose()
    assert len(reports) == 1  # no bubblewrap: the default mode is the fallback
    text = unfolded(format_report(reports))
    assert "[--] bubblewrap: not active (bwrap is not installed" in text
    assert "[--] seccomp: not active (libseccomp is not installed" in text
    assert "apt-get install bubblewrap" in text
    assert "apt-get install libseccomp2" in text
    if sys.platform == "linux" and "[ok] landlock" not in text:
        assert "Linux 5.13" in text
    if "[ok] landlock" not in text:
        assert "WARNING: no kernel-enforced layer" in text and "your user's rights" in text


def test_doctor_warns_when_no_kernel_layer_is_left(
    bare_machine: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "quiz.doctor.SandboxConfig", lambda **kw: SandboxConfig(**{"landlock": False, **kw})
    )
    text = unfolded(format_report(diagnose()))
    assert "[--] landlock: not active (disabled by configuration)" in text
    assert "WARNING: no kernel-enforced layer is active here" in text
    assert "your user's rights" in text and "can read (and change) your files" in text


def _report(*layers: tuple[str, str]) -> str:
    """A one-mode report of these (name, text) layers, its lines joined."""
    states = tuple(LayerState(n, not t.startswith("not "), t) for n, t in layers)
    return unfolded(format_report([ModeReport("Default mode", states, (), None)]))


def test_doctor_says_what_a_machine_without_bubblewrap_lacks_and_that_drills_grade() -> None:
    text = _report(
        ("process", "a fresh `python -I -B` per submission"),
        ("bubblewrap", "not active (bwrap is not installed (Debian package bubblewrap))"),
        ("seccomp", "the kernel refuses new processes"),
        ("landlock", "the kernel lets the code read only the stdlib"),
    )
    meaning = text[text.index("Drills grade here") : text.index("How to get the missing")]
    assert "held by the layers marked [ok]" in meaning
    assert "bubblewrap: the code runs in this machine's namespaces and file system" in meaning
    assert "seccomp:" not in meaning and "landlock:" not in meaning  # both are [ok]
    assert "apt-get install bubblewrap" in text


def test_doctor_says_what_each_missing_kernel_layer_leaves_to_the_audit_hooks() -> None:
    text = _report(
        ("bubblewrap", "not active (turned off (bwrap=False or DRILLBIT_SANDBOX_BWRAP=0))"),
        ("seccomp", "not active (libseccomp is not installed)"),
        ("landlock", "not active (disabled by configuration)"),
    )
    assert "seccomp: the kernel does not refuse the code new processes" in text
    assert "landlock: the kernel does not limit the files the code reads or writes" in text


def test_a_layer_not_needed_is_no_lack_and_every_layer_active_says_so() -> None:
    text = _report(
        ("bubblewrap", "no network, private PID/IPC/UTS namespaces"),
        ("landlock", "not needed (bubblewrap mounts only what the code may read)"),
    )
    assert "Drills grade here" not in text and "what the others lack" not in text
    assert text.endswith("Every layer is active.")


NO_TEMP_DIR = "No usable temporary directory found in ['/tmp', '/var/tmp', '/usr/tmp']"


@pytest.fixture
def no_bwrap(monkeypatch: pytest.MonkeyPatch, full_pools: None) -> Iterator[None]:
    """bubblewrap turned off for this process: every child's work dir is then made in the
    temporary folder (with bubblewrap, once a first child has started, none is)."""
    monkeypatch.setenv("DRILLBIT_SANDBOX_BWRAP", "0")
    bwrap_module.reset_bwrap_status()
    yield
    bwrap_module.reset_bwrap_status()


def test_a_full_disk_is_named_with_what_to_do_and_never_called_every_layer(
    monkeypatch: pytest.MonkeyPatch, no_bwrap: None
) -> None:
    """On a full disk Python finds no usable temporary folder: doctor (the command a grader
    problem points to) died with that traceback, and once caught it ended "Every layer is
    active." with no child started. Now it names the cause and the fix, and exits 1."""

    def no_room() -> str:
        raise FileNotFoundError(2, NO_TEMP_DIR)

    monkeypatch.setattr("tempfile.gettempdir", no_room)
    reports = diagnose()
    assert reports[0].failure is not None and NO_TEMP_DIR in reports[0].failure
    text = unfolded(format_report(reports))
    assert "free some space in it, or point TMPDIR at a folder that has room" in text
    assert "Every layer is active." not in text
    assert format_report(reports).endswith(
        "Nothing could be graded here until the sandbox starts (the reason is above)."
    )

    result = CliRunner().invoke(cli, ["doctor"])
    assert result.exit_code == 1, result.output
    assert "the sandbox could not start" in result.output


def test_a_grader_problem_for_want_of_room_says_what_to_do() -> None:
    verdict = internal_verdict(
        SigmoidChecker(), f"[Errno 2] {NO_TEMP_DIR}", seed=1, duration_ms=1.0, isolation=[]
    )
    assert verdict.summary.endswith("(`export TMPDIR=/a/folder/with/room`)")
    other = internal_verdict(
        SigmoidChecker(), "numpy failed", seed=1, duration_ms=1.0, isolation=[]
    )
    assert "TMPDIR" not in other.summary


def test_doctor_fits_a_terminal_narrower_than_80_columns(bare_machine: None) -> None:
    """Its lines were folded at 80 whatever the terminal: at 60 columns each of them wrapped
    again, mid-word. `drillbit doctor` folds at the terminal's width, 80 at most."""
    reports = diagnose()
    wide = format_report(reports)
    assert max(len(line) for line in wide.splitlines()) > 60
    narrow = format_report(reports, 60)
    assert max(len(line) for line in narrow.splitlines()) <= 60
    assert unfolded(narrow) == unfolded(wide)
    shown = Printing([sys.executable, "-m", "quiz", "doctor"], terminal=True, env={"COLUMNS": "60"})
    try:
        shown.process.wait(timeout=PROCESS_TIMEOUT_SECONDS)
    finally:
        shown.kill()
        shown.close()
    assert max(len(line) for line in shown.printed().splitlines()) <= 60
