"""The children's bytecode cache: private to this user, and actually used by the children."""

from __future__ import annotations

import marshal
import os
import py_compile
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import CodeType

import numpy as np
import pytest

from engine.grade_sandboxed import grade
from engine.sandbox import SandboxConfig, WorkerPool, pycache, sealed
from engine.sandbox.bwrap import SANDBOX_SITE
from engine.sandbox.config import host_paths
from tests.sandbox.conftest import BWRAP, skip_unless_bwrap_for
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import DOUBLE, GOOD, assert_clean, shown

PATIENT = PatientDoubleChecker()


def test_the_cache_is_private_and_holds_numpy_for_both_layouts() -> None:
    built = pycache.build(SANDBOX_SITE)
    assert built is not None
    root = pycache.cache_root().lstat()
    assert root.st_uid == os.geteuid() and stat.S_IMODE(root.st_mode) & 0o077 == 0
    numpy_init = os.path.join(host_paths().numpy_dir, "__init__.py")
    tag = sys.implementation.cache_tag
    plain = built / pycache.TREE / numpy_init.lstrip("/")
    assert plain.with_name(f"__init__.{tag}.pyc").exists()
    sandboxed = built / pycache.TREE / SANDBOX_SITE.lstrip("/") / "numpy" / f"__init__.{tag}.pyc"
    assert sandboxed.exists()


def test_a_foreign_or_open_cache_dir_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a real directory of this user's, closed to everyone else, is trusted. In this
    test's own folder: the machine's cache root may not exist yet (a clean machine, and
    under xdist this test can run before any build)."""
    mine = tmp_path / "mine"
    mine.mkdir(mode=0o700)
    assert pycache._owned_private_dir(mine)
    assert not pycache._owned_private_dir(tmp_path / "does-not-exist")
    open_dir = tmp_path / "open"
    open_dir.mkdir()
    open_dir.chmod(0o777)
    assert not pycache._owned_private_dir(open_dir)
    link = tmp_path / "link"
    link.symlink_to(mine)
    assert not pycache._owned_private_dir(link)
    a_file = tmp_path / "file"
    a_file.write_text("")
    a_file.chmod(0o600)
    assert not pycache._owned_private_dir(a_file)
    uid = os.geteuid()
    monkeypatch.setattr(os, "geteuid", lambda: uid + 1)  # as if another user owned it
    assert not pycache._owned_private_dir(mine)


def _numpy_init_pycs(cache: Path) -> list[Path]:
    root = cache / pycache.TREE
    tag = sys.implementation.cache_tag
    numpy_init = os.path.join(host_paths().numpy_dir, "__init__.py")
    plain = (root / numpy_init.lstrip("/")).with_name(f"__init__.{tag}.pyc")
    return [plain, root / SANDBOX_SITE.lstrip("/") / "numpy" / f"__init__.{tag}.pyc"]


def test_the_pycs_are_checked_hash() -> None:
    built = pycache.build(SANDBOX_SITE)
    assert built is not None
    for pyc in _numpy_init_pycs(built):
        flags = int.from_bytes(pyc.read_bytes()[4:8], "little")
        assert flags == 0b11, f"{pyc}: flags {flags:#b} (PEP 552 checked hash is 0b11)"


def test_every_pyc_carries_the_stamp_and_any_rewrite_loses_it(private_cache: Path) -> None:
    """The stamp and the seal are what a cache is trusted by: the builder stamps every .pyc
    and takes every write bit; a rewrite of the very same bytes drops the stamp, a write bit
    given back (what a child cannot do) or a link anywhere in the tree is refused."""
    tree = private_cache / pycache.TREE
    pycs = list(tree.rglob("*.pyc"))
    assert len(pycs) > 100
    assert {p.lstat().st_mtime_ns for p in pycs} == {sealed.STAMP_NS}
    modes = {stat.S_IMODE(p.lstat().st_mode) & 0o222 for p in [tree, *tree.rglob("*")]}
    assert modes == {0}, "a write bit left in the sealed tree"
    assert pycache.intact(private_cache)
    pyc = _numpy_init_pycs(private_cache)[1]
    pyc.chmod(0o644)
    assert not pycache.intact(private_cache)
    pyc.write_bytes(pyc.read_bytes())
    pyc.chmod(0o444)
    assert not pycache.intact(private_cache)
    os.utime(pyc, ns=(sealed.STAMP_NS, sealed.STAMP_NS))  # what a child cannot do
    assert pycache.intact(private_cache)
    pyc.parent.chmod(0o755)
    assert not pycache.intact(private_cache)
    (pyc.parent / "linked").symlink_to(pyc)
    pyc.parent.chmod(0o555)
    assert not pycache.intact(private_cache)


def _filenames(code: CodeType) -> set[str]:
    """The file names of a code object and of every code object nested in it."""
    names = {code.co_filename}
    for const in code.co_consts:
        if isinstance(const, CodeType):
            names |= _filenames(const)
    return names


def test_a_build_writes_what_py_compile_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build compiles each source once and renames it for its second path: every .pyc
    holds what py_compile writes for that path (header, code, the path in every code
    object) with its mode less the write bits. A sample of the pairs, both layouts and the stdlib among them."""
    pairs = pycache._sources(SANDBOX_SITE)
    sample = [pair for pair in pairs if pair[0].endswith("/numpy/__init__.py")] + pairs[::25]
    assert {seen == real for real, seen in sample} == {True, False}
    broken = tmp_path / "broken.py"
    broken.write_text("def (:\n")
    monkeypatch.setattr(pycache, "_sources", lambda site: [*sample, (str(broken), str(broken))])
    built, reference = tmp_path / "built", tmp_path / "reference"
    pycache._compile(built, SANDBOX_SITE)
    assert not pycache._target(built / pycache.TREE, str(broken)).exists()  # as py_compile
    for real, seen in sample:
        expected_pyc = pycache._target(reference, seen)
        expected_pyc.parent.mkdir(parents=True, exist_ok=True)
        py_compile.compile(
            real,
            cfile=str(expected_pyc),
            dfile=seen,
            doraise=True,
            invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH,
        )
        pyc = pycache._target(built / pycache.TREE, seen)
        ours, theirs = pyc.read_bytes(), expected_pyc.read_bytes()
        assert ours[:16] == theirs[:16], seen  # magic, checked-hash flags, source hash
        code, expected = marshal.loads(ours[16:]), marshal.loads(theirs[16:])
        assert code == expected, seen
        assert _filenames(code) == _filenames(expected) == {seen}
        sealed = stat.S_IMODE(expected_pyc.stat().st_mode) & ~0o222  # and no write bit
        assert stat.S_IMODE(pyc.stat().st_mode) == sealed


def test_process_alive_tells_a_running_process_from_a_reaped_one() -> None:
    """Both sweeps (pycache builds, worker dirs) name leftovers by pid and ask this."""
    done = subprocess.Popen(["true"])  # noqa: S607 - any short-lived process
    done.wait()
    assert pycache.process_alive(os.getpid())
    assert not pycache.process_alive(done.pid)


def test_unfinished_builds_of_dead_processes_are_swept(tmp_path: Path) -> None:
    dead_pid = subprocess.Popen(["true"])  # noqa: S607 - any short-lived process
    dead_pid.wait()
    stale = tmp_path / f"build-{dead_pid.pid}-abc"
    (stale / "numpy").mkdir(parents=True)
    (stale / "numpy" / "half.pyc").write_bytes(b"half")
    mine = tmp_path / f"build-{os.getpid()}-def"
    mine.mkdir()
    old_unnamed = tmp_path / "build-1q5z58_b"
    old_unnamed.mkdir()
    os.utime(old_unnamed, (time.time() - 3600, time.time() - 3600))
    legacy = tmp_path / "0123456789abcdef"  # named without a generation, unused ten days
    legacy.mkdir()
    (legacy / pycache.FORMAT_FILE).write_text(pycache.FORMAT)
    os.utime(legacy, (time.time() - 10 * 86_400, time.time() - 10 * 86_400))
    recent_old = tmp_path / "fedcba9876543210"  # another format, built an hour ago: in use
    recent_old.mkdir()
    os.utime(recent_old, (time.time() - 3600, time.time() - 3600))
    old_format = tmp_path / "00000000aaaaaaaa"  # timestamp .pyc files, unused for two days
    (old_format / "numpy").mkdir(parents=True)
    os.utime(old_format, (time.time() - 2 * 86_400, time.time() - 2 * 86_400))
    current = tmp_path / "1111111111111111.0a0b0c0d"  # finished, not retired, held by no one
    current.mkdir()
    (current / pycache.IN_USE).write_text("")
    (current / pycache.MARKER).write_text("ok\n")
    os.utime(current, (time.time() - 10 * 86_400, time.time() - 10 * 86_400))
    assert pycache.sweep_stale_builds(tmp_path) == 4
    assert not stale.exists() and not old_unnamed.exists() and not old_format.exists()
    assert not legacy.exists()
    assert mine.exists() and recent_old.exists() and current.exists()


@pytest.fixture(scope="module")
def compiled_cache() -> Path:
    """The real cache of this machine, built by `pycache.build` (once per machine, then found)."""
    built = pycache.build(SANDBOX_SITE)
    assert built is not None
    return built


@pytest.fixture
def builds_by_copy(compiled_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build in this test's own cache root copies the real cache's .pyc files instead of
    compiling numpy again (about 2.5 s of CPU per build, several per test); the rest of the
    build, its locks, publishing, retiring and sweeping are the product's own. Used by the
    tests about a cache's life, not its contents: the two tests above and the concurrency
    test's processes build for real."""
    finish = pycache._compile

    def copy_then_finish(work: Path, sandbox_site: str) -> None:
        assert sandbox_site == SANDBOX_SITE
        flags = {pycache.MARKER, pycache.FORMAT_FILE, pycache.IN_USE, pycache.RETIRED}
        shutil.copytree(
            compiled_cache,
            work,
            dirs_exist_ok=True,
            ignore=lambda folder, names: (
                flags & set(names) if folder == str(compiled_cache) else ()
            ),
        )
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(pycache, "_sources", lambda site: [])
            finish(work, sandbox_site)  # the marker, format and in-use files, as a build writes

    monkeypatch.setattr(pycache, "_compile", copy_then_finish)


@pytest.mark.usefixtures("full_pools", "builds_by_copy")
def test_a_retired_cache_stays_until_no_process_holds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Retiring never pulls a directory from under a process that may be binding it."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(pycache, "_state", {})
    # Two open file descriptions lock against each other as two processes would.
    other = pycache._acquire(SANDBOX_SITE)
    assert other is not None
    mine = pycache.ready_cache(SANDBOX_SITE)
    assert mine == other[0]
    pycache.discard(SANDBOX_SITE)
    assert (mine / pycache.RETIRED).exists()
    fresh = pycache.ready_cache(SANDBOX_SITE)  # a new cache, built beside the retired one
    assert fresh is not None and fresh != mine and not (fresh / pycache.RETIRED).exists()
    assert (mine / pycache.MARKER).exists(), "removed while another process holds it"
    os.close(other[1])
    pycache.sweep_stale_builds(pycache.cache_root())
    assert not mine.exists() and fresh.exists()
    pycache._state.clear()


@pytest.mark.usefixtures("full_pools", "builds_by_copy")
def test_a_process_holding_a_retired_cache_moves_to_a_fresh_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(pycache, "_state", {})
    mine = pycache.ready_cache(SANDBOX_SITE)
    assert mine is not None
    (mine / pycache.RETIRED).write_text("")  # what another process's discard does
    fresh = pycache.ready_cache(SANDBOX_SITE)
    assert fresh is not None and fresh != mine
    pycache.sweep_stale_builds(pycache.cache_root())
    assert not mine.exists(), "released when this process moved on"
    pycache._state.clear()


@pytest.mark.usefixtures("builds_by_copy")
@pytest.mark.usefixtures("full_pools")
def test_a_process_grading_on_survives_another_retiring_its_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """This process grades, another drillbit retires the shared cache (its child could
    not be confined), and this process grades again: its cache directory must still be
    there, and the next child must get a fresh cache."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(pycache, "_state", {})
    config = SandboxConfig(bwrap=BWRAP.active)
    with WorkerPool(config) as pool:
        first = grade(DOUBLE, GOOD, pool=pool)
    assert first.passed, shown(first)
    held = pycache.ready_cache(SANDBOX_SITE)
    assert held is not None
    other = subprocess.run(
        [sys.executable, "-m", "tests.sandbox.concurrent_grader", "no-bwrap", "1", "--unconfined"],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "TMPDIR": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert other.returncode == 0, other.stdout + other.stderr
    assert (held / pycache.RETIRED).exists(), "the other process retired the cache"
    assert (held / pycache.MARKER).exists(), "deleted while this process holds it"
    with WorkerPool(config) as pool:
        again = grade(DOUBLE, GOOD, pool=pool)
    assert again.passed, shown(again)
    fresh = pycache.ready_cache(SANDBOX_SITE)
    assert fresh is not None and fresh != held
    pycache._state.clear()


def test_processes_grading_at_once_never_break_each_other(tmp_path: Path) -> None:
    """Separate drillbit runs in both modes share the cache while one of them keeps
    retiring it (its children could not be confined) and each starts afresh per round:
    every grading must pass (bwrap fails outright if a directory it binds vanishes)."""
    modes = ["bwrap", "no-bwrap"] if BWRAP.active else ["no-bwrap", "no-bwrap"]
    runs = [[mode, "6"] for mode in modes] + [["no-bwrap", "6", "--unconfined"]]
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.sandbox.concurrent_grader", *args],
            cwd=Path(__file__).resolve().parents[2],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for args in runs
    ]
    outputs = [proc.communicate()[0] for proc in procs]
    for args, proc, output in zip(runs, procs, outputs, strict=True):
        assert proc.returncode == 0, f"{' '.join(args)}:\n{output[-2000:]}"
    root = tmp_path / pycache.cache_root().name
    pycache.sweep_stale_builds(root)  # every process is gone: no retired cache is kept
    left = [p for p in root.iterdir() if not p.name.startswith(".")]
    assert len(left) <= 1 and not any((p / pycache.RETIRED).exists() for p in left), left


@pytest.fixture
def private_cache(builds_by_copy: None, own_pycache: Path) -> Path:
    """A cache of this test's own, built by copying the real one (`builds_by_copy` first)."""
    return own_pycache


POISON = "raise ImportError('poisoned bytecode cache')\n"


def test_a_pyc_that_does_not_match_its_source_is_not_used(private_cache: Path) -> None:
    """A .pyc compiled from other code (a stale or planted one) is recompiled from the source."""
    evil = private_cache.parent / "evil.py"
    evil.write_text(POISON)
    for pyc in _numpy_init_pycs(private_cache):
        py_compile.compile(
            str(evil),
            cfile=str(pyc),
            invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH,
        )
    for bwrap in [True, False] if BWRAP.active else [False]:
        with WorkerPool(SandboxConfig(bwrap=bwrap)) as pool:
            verdict = grade(DOUBLE, GOOD, pool=pool)
        assert verdict.passed, shown(verdict)


POISONER = """
import importlib.util, marshal, os
import numpy
def double(x):
    code = compile({poison!r}, "numpy/__init__.py", "exec")
    source = open(numpy.__file__, "rb").read()
    data = (importlib.util.MAGIC_NUMBER + (3).to_bytes(4, "little")
            + importlib.util.source_hash(source) + marshal.dumps(code))
    written = []
    for path in {targets!r}:
        try:
            with open(path, "wb") as f:
                f.write(data)
            written.append(path)
        except OSError:
            pass
    return 2 * x if not written else x
"""


@pytest.mark.parametrize("mode", ["bwrap", "no-bwrap"])
def test_a_confined_child_cannot_poison_the_cache(private_cache: Path, mode: str) -> None:
    """With the hooks off, the kernel layers alone keep the child from writing the cache."""
    skip_unless_bwrap_for(mode)
    pycs = _numpy_init_pycs(private_cache)
    before = [p.read_bytes() for p in pycs]
    targets = [str(p) for p in pycs] + [
        f"/opt/drillbit/pycache/{p.relative_to(private_cache / pycache.TREE)}" for p in pycs
    ]
    source = POISONER.format(poison=POISON, targets=targets)
    config = SandboxConfig(bwrap=mode == "bwrap", audit_hooks=False)
    with WorkerPool(config) as pool:
        attempt = grade(DOUBLE, source, pool=pool)
    assert attempt.passed, shown(attempt)  # x instead of 2 * x had any write succeeded
    assert [p.read_bytes() for p in pycs] == before
    with WorkerPool(config) as pool:
        after = grade(DOUBLE, GOOD, pool=pool)
    assert after.passed, shown(after)


FORGER = """
import importlib.util, marshal, os
import numpy

ROOT = {root!r}
POISON = {poison!r}

def forged(source_path):
    source = open(source_path, "rb").read()
    code = compile(POISON, source_path, "exec")
    return (importlib.util.MAGIC_NUMBER + (3).to_bytes(4, "little")
            + importlib.util.source_hash(source) + marshal.dumps(code))

def numpy_inits(cache):
    for folder, _, names in os.walk(cache):
        for name in names:
            if name.startswith("__init__.") and name.endswith(".pyc") and folder.endswith("/numpy"):
                yield os.path.join(folder, name)

def double(x):
    data = forged(numpy.__file__)  # the same source in both layouts
    written = 0
    for entry in sorted(os.listdir(ROOT)):
        cache = os.path.join(ROOT, entry)
        if entry.startswith(".") or "." not in entry or not os.path.isdir(cache):
            continue
        if {plant!r}:  # a cache of its own, named to be found first, flags and all
            key = entry.split(".")[0]
            planted = os.path.join(ROOT, key + ".00000000")
            for pyc in numpy_inits(cache):
                target = planted + pyc[len(cache):]
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "wb") as f:
                    f.write(data)
                written += 1
            for flag in (".in-use", ".format", ".complete"):
                open(os.path.join(planted, flag), "w").close()
        else:  # the caches there, rewritten in place
            for pyc in numpy_inits(cache):
                with open(pyc, "wb") as f:
                    f.write(data)
                written += 1
    if not written:
        raise ValueError("no cache to poison under " + ROOT)
    return 2 * x
"""


@pytest.mark.parametrize("how", ["in-place", "planted"])
def test_a_child_without_a_file_system_layer_cannot_poison_a_later_grading(
    private_cache: Path, how: str
) -> None:
    """With seccomp alone (no bubblewrap, no Landlock) the child can write the user's files,
    the caches under the temp dir among them. Here another drillbit holds the cache, so this
    process has none of its own to retire: the child rewrote numpy's .pyc files there (or
    planted a cache of its own, found first), each with the true source's hash and code
    that raises on import, and every later child of a confined mode imported it and failed.
    A cache is now handed out only when every .pyc in it carries the builder's time stamp,
    which a seccomp-confined child cannot set (utime is refused) and every write replaces;
    and the tree is sealed, so the rewrite in place is now refused outright."""
    other_process = pycache._acquire(SANDBOX_SITE)
    assert other_process is not None and other_process[0] == private_cache
    pycache._state.clear()  # this process holds nothing: another one does
    try:
        attack = FORGER.format(
            root=str(private_cache.parent), poison=POISON, plant=how == "planted"
        )
        unconfined = SandboxConfig(bwrap=False, landlock=False, audit_hooks=False)
        with WorkerPool(unconfined) as pool:
            written = grade(DOUBLE, attack, pool=pool)
        if how == "planted":  # its own folder in the caches' root: nothing stops the writes
            assert written.passed, shown(written)
        else:  # the sealed tree: no write bit, which the child cannot give back
            assert "PermissionError" in written.summary, shown(written)
        for bwrap in [True, False] if BWRAP.active else [False]:
            with WorkerPool(SandboxConfig(bwrap=bwrap)) as pool:
                later = grade(DOUBLE, GOOD, pool=pool)
            assert later.passed, f"bwrap={bwrap}: {shown(later)}"
    finally:
        pycache._release(other_process)


NESTER = """
import os

def double(x):
    top = os.path.join({root!r}, "build-{pid}-planted")  # a build of a process that is gone
    if not os.path.exists(top):
        os.mkdir(top)
        fd = os.open(top, os.O_RDONLY)
        for _ in range(3000):  # one level at a time: no path ever grows
            os.mkdir("d", dir_fd=fd)
            deeper = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = deeper
        os.mkdir("locked", 0, dir_fd=fd)  # and a folder its owner may not list
    return 2 * x
"""


def test_a_nest_planted_in_the_cache_root_stops_no_later_grading(private_cache: Path) -> None:
    """With seccomp alone the child can write in the caches' root like its user: it planted a
    build of a dead process nested 3,000 deep, and every later drillbit's look-up (which
    sweeps such builds) raised RecursionError, so no grading in any mode could start. The
    nest is now removed without recursing, its locked folder with it."""
    gone = subprocess.Popen(["true"])  # noqa: S607 - any short-lived process
    gone.wait()
    root = private_cache.parent
    attack = NESTER.format(root=str(root), pid=gone.pid)
    unconfined = SandboxConfig(bwrap=False, landlock=False, audit_hooks=False)
    with WorkerPool(unconfined) as pool:
        planted = grade(PATIENT, attack, pool=pool)  # 3,000 folders: no race against a clock
    assert planted.passed, shown(planted)
    assert (root / f"build-{gone.pid}-planted").is_dir()
    for bwrap in [True, False] if BWRAP.active else [False]:
        pycache._state.clear()  # a drillbit started later looks the cache up afresh
        with WorkerPool(SandboxConfig(bwrap=bwrap)) as pool:
            later = grade(DOUBLE, GOOD, pool=pool)
        assert later.passed, f"bwrap={bwrap}: {shown(later)}"
    assert not (root / f"build-{gone.pid}-planted").exists()


RACER = """
import importlib.util, marshal, os, time
import numpy

ROOT = {root!r}
POISON = {poison!r}
LOG = {log!r}

def forged(source_path):
    source = open(source_path, "rb").read()
    code = compile(POISON, source_path, "exec")
    return (importlib.util.MAGIC_NUMBER + (3).to_bytes(4, "little")
            + importlib.util.source_hash(source) + marshal.dumps(code))

def numpy_inits():
    for folder, _, names in os.walk(ROOT):
        for name in names:
            if name.startswith("__init__.") and name.endswith(".pyc") and folder.endswith("/numpy"):
                yield os.path.join(folder, name)

def sandbox_children(pids):
    found = []
    for pid in pids:
        try:
            with open(f"/proc/{{pid}}/cmdline", "rb") as f:
                if b"drillbit-sandbox-child" in f.read():
                    found.append(pid)
        except OSError:
            pass
    return found

def double(x):
    if os.path.exists(LOG):  # the first case watched
        return 2 * x
    data = forged(numpy.__file__)
    known = {{p for p in os.listdir("/proc") if p.isdigit()}}
    young = {{}}  # pid -> polls left: a forked child shows its command line only after exec
    log = open(LOG, "a", buffering=1)
    log.write("watching\\n")
    end = time.monotonic() + 30
    while time.monotonic() < end and not os.path.exists(LOG + ".stop"):
        now = {{p for p in os.listdir("/proc") if p.isdigit()}}
        for pid in now - known:
            young[pid] = 200
        known = now
        for pid in sandbox_children(list(young)):
            del young[pid]
            if int(pid) == os.getpid():
                continue
            for path in numpy_inits():  # its check is done: rewrite before its import
                try:
                    with open(path, "wb") as f:
                        f.write(data)
                    log.write("rewrote\\n")
                except OSError as exc:
                    log.write(f"refused {{type(exc).__name__}}\\n")
        for pid in list(young):
            young[pid] -= 1
            if young[pid] <= 0:
                del young[pid]
        time.sleep(0.002)
    return 2 * x
"""


@pytest.mark.parametrize("mode", ["bwrap", "landlock"])
def test_a_pyc_rewritten_after_the_check_is_not_imported(
    private_cache: Path, tmp_path: Path, mode: str
) -> None:
    """With seccomp alone a child watches /proc for a sandbox child another drillbit starts and
    rewrites numpy's .pyc files in the caches the moment one appears (each one: the first may
    be its own pool's next worker): after the parent's check
    that every .pyc keeps its stamp, before the new child's `import numpy`. The new child,
    under bubblewrap or Landlock, ran the forged code (here: an ImportError, so numpy could
    not be imported and the grading failed)."""
    skip_unless_bwrap_for(mode)
    other_process = pycache._acquire(SANDBOX_SITE)  # the victim drillbit's cache, found intact
    assert other_process is not None and other_process[0] == private_cache
    pycache._state.clear()  # the racer's start retires nothing: this process holds nothing
    log = tmp_path / "racer.log"
    attack = RACER.format(root=str(private_cache.parent), poison=POISON, log=str(log))
    unconfined = SandboxConfig(bwrap=False, landlock=False, audit_hooks=False)
    outcome: list[object] = []
    with WorkerPool(unconfined) as attacker_pool:
        racer = threading.Thread(
            target=lambda: outcome.append(grade(PATIENT, attack, pool=attacker_pool))
        )
        racer.start()
        try:
            waited = time.monotonic()
            while not log.exists() and racer.is_alive() and time.monotonic() - waited < 60:
                time.sleep(0.01)
            assert log.exists(), "the racer never started watching"
            victim = SandboxConfig(bwrap=mode == "bwrap", landlock=mode == "landlock")
            with WorkerPool(victim) as pool:
                later = grade(DOUBLE, GOOD, pool=pool)
        finally:
            (tmp_path / "racer.log.stop").touch()
            racer.join()
            pycache._release(other_process)
    lines = log.read_text().splitlines()
    assert {"rewrote", "refused PermissionError"} & set(lines), f"no child seen: {lines}"
    assert later.passed, f"{mode} child after the racer: {shown(later)} ({lines})"


LOCK_HOLDER = """
import fcntl, os, time

def double(x):
    if os.path.exists({flag!r}):  # held during the first case
        return 2 * x
    for name in [".lock"] if {which!r} == "root" else os.listdir({root!r}):
        if os.path.isdir(os.path.join({root!r}, name)) or {which!r} == "root":
            held = name if {which!r} == "root" else os.path.join(name, ".in-use")
            lock = os.open(os.path.join({root!r}, held), os.O_RDONLY)
            fcntl.flock(lock, fcntl.LOCK_EX)  # what a look-up takes, or a cache's holders
    open({flag!r}, "w").close()
    end = time.monotonic() + 50
    while time.monotonic() < end and not os.path.exists({flag!r} + ".stop"):
        time.sleep(0.05)
    return 2 * x
"""


@pytest.mark.parametrize("which", ["root", "in-use"])
def test_a_child_holding_the_caches_lock_stalls_no_other_grading(
    private_cache: Path, tmp_path: Path, which: str
) -> None:
    """With seccomp alone a child took the lock every look-up of every drillbit waits for (or
    the lock on a cache's in-use file, which a look-up shares) and held it until its deadline:
    meanwhile no other drillbit could start a child (its pool's first look-up waited in the
    caller's thread). A look-up now waits for a busy lock only as long as another's check
    takes, then the child starts without the cache (it compiles numpy itself) and the next
    worker looks again."""
    pycache._release(pycache._state.pop(SANDBOX_SITE))  # the child's start retires nothing
    flag = tmp_path / "holding"
    attack = LOCK_HOLDER.format(root=str(private_cache.parent), flag=str(flag), which=which)
    unconfined = SandboxConfig(bwrap=False, landlock=False, audit_hooks=False)
    with WorkerPool(unconfined) as attacker_pool:
        holder = threading.Thread(target=lambda: grade(PATIENT, attack, pool=attacker_pool))
        holder.start()
        looked_up: list[Path | None] = []
        try:
            waited = time.monotonic()
            while not flag.exists() and holder.is_alive() and time.monotonic() - waited < 60:
                time.sleep(0.01)
            assert flag.exists(), "the child never took the lock"
            pycache._state.clear()  # a drillbit started now looks the cache up afresh
            lookup = threading.Thread(
                target=lambda: looked_up.append(pycache.ready_cache(SANDBOX_SITE)), daemon=True
            )
            lookup.start()
            lookup.join(30)  # the holder keeps the lock for 50 s
            assert looked_up == [None], "the look-up waited for the child's lock"
            with WorkerPool(SandboxConfig(bwrap=False)) as pool:  # a child starts meanwhile
                meanwhile = grade(DOUBLE, GOOD, pool=pool)
            assert meanwhile.passed, shown(meanwhile)
        finally:
            Path(f"{flag}.stop").touch()
            holder.join()
    assert_clean([])  # the holder is gone, and its lock with it
    assert pycache.ready_cache(SANDBOX_SITE) == private_cache  # found again


BREAKER = """
import os

def double(x):
    root = {root!r}
    if os.path.exists(root + "-moved") or os.path.isdir(os.path.join(root, ".lock")):
        return 2 * x  # done at the first case
    if {how!r} == "lock-folder":
        os.unlink(os.path.join(root, ".lock"))
        os.mkdir(os.path.join(root, ".lock"))
    else:  # the caches' root moved away and a file put at its name
        os.rename(root, root + "-moved")
        open(root, "w").close()
    return 2 * x
"""


@pytest.mark.parametrize("how", ["lock-folder", "root-file"])
def test_a_child_cannot_take_the_cache_away_for_good(private_cache: Path, how: str) -> None:
    """With seccomp alone a child put a folder at the caches' lock file, or a file at the
    caches' root: every later look-up of every drillbit failed on it, so no child in any mode
    got the cache again (each compiled numpy itself, about 40% of its start) until the user
    found it. A look-up now removes what is not its own lock or root (both are the user's,
    named for drillbit) and goes on."""
    root = private_cache.parent
    pycache._release(pycache._state.pop(SANDBOX_SITE))
    (root / pycache.ROOT_LOCK).touch()
    attack = BREAKER.format(root=str(root), how=how)
    unconfined = SandboxConfig(bwrap=False, landlock=False, audit_hooks=False)
    with WorkerPool(unconfined) as pool:
        broken = grade(DOUBLE, attack, pool=pool)
    assert broken.passed, shown(broken)
    pycache._state.clear()  # a drillbit started later
    healed = pycache.ready_cache(SANDBOX_SITE)
    assert healed is not None and pycache.intact(healed)
    with WorkerPool(SandboxConfig(bwrap=False)) as pool:
        later = grade(DOUBLE, GOOD, pool=pool)
    assert later.passed, shown(later)


APPENDER = """
import numpy

def double(x):
    try:
        with open(numpy.__file__, "ab"):  # appends nothing: the file stays as it was
            pass
    except OSError as exc:
        raise RuntimeError("numpy's source refused: " + type(exc).__name__) from None
    return 2 * x
"""


def test_only_a_child_without_a_file_system_layer_can_change_numpys_source(
    mode_pool: tuple[str, WorkerPool],
) -> None:
    """What the sealed cache does not close: numpy is a file of the user's when it is installed
    where the user can write (a venv of theirs; any file when the app runs as root), and a
    child with seccomp alone can open its source for writing, so every later grading in any
    mode and the app itself would run what it wrote. Bubblewrap and Landlock refuse it."""
    mode, pool = mode_pool
    source = Path(np.__file__)
    before = source.stat()
    users = before.st_uid == os.geteuid() and before.st_mode & stat.S_IWUSR
    verdict = grade(DOUBLE, APPENDER, pool=pool)
    if mode == "seccomp-alone" and users:
        assert verdict.passed, shown(verdict)
    else:
        assert "numpy's source refused" in verdict.summary, shown(verdict)
    after = source.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


EMPTY_PLANTER = """
import os

def double(x):
    root = {root!r}
    for entry in sorted(os.listdir(root)):
        if "." in entry and not entry.startswith(".") and not entry.endswith(".00000000"):
            planted = os.path.join(root, entry.split(".")[0] + ".00000000")  # found first
            os.makedirs(planted, exist_ok=True)
            for flag in (".in-use", ".format", ".complete"):
                open(os.path.join(planted, flag), "w").close()
            if not os.path.exists(os.path.join(planted, "tree")):
                os.mkdir(os.path.join(planted, "tree"), 0o555)  # sealed, and empty
    return 2 * x
"""


def test_an_empty_cache_planted_to_be_found_first_is_not_used(private_cache: Path) -> None:
    """With seccomp alone a child can make a sealed folder (mkdir takes the mode) but put
    nothing in it: an empty tree with the flags beside it, named to be found first, passed as
    intact, and every later drillbit's children got no bytecode (each compiled numpy itself,
    about 40% of its start). A cache must hold numpy's first .pyc."""
    root = private_cache.parent
    pycache._release(pycache._state.pop(SANDBOX_SITE))
    attack = EMPTY_PLANTER.format(root=str(root))
    unconfined = SandboxConfig(bwrap=False, landlock=False, audit_hooks=False)
    with WorkerPool(unconfined) as pool:
        planted = grade(DOUBLE, attack, pool=pool)
    assert planted.passed, shown(planted)
    assert any(p.name.endswith(".00000000") for p in root.iterdir())
    found = pycache.ready_cache(SANDBOX_SITE)  # a drillbit started later
    assert found is not None and not found.name.endswith(".00000000")
    assert _numpy_init_pycs(found)[1].exists()
