"""System calls newer than libseccomp's table of names are refused all the same, in every mode.

The filter named its calls, and a name libseccomp did not know (Debian 12's 2.5.4 knows none
from Linux 6.8 on) was left out without a word, on a kernel that has the call (6.18 here).
Under Landlock a submission then read a download's origin URL from a file of the user's, set
an attribute of its own on it and removed the URL (`getxattrat`, `setxattrat`,
`removexattrat`, Linux 6.13), and under bubblewrap `statmount` (6.8) gave every mount's root
in its file system: numpy's path in the user's checkout and the bytecode cache's, which
nothing else in the sandbox names. The pools run without the audit hooks: what is tested is
the seccomp filter.
"""

from __future__ import annotations

import ast
import ctypes
import os
import platform
import textwrap
from pathlib import Path

import pytest

from engine.sandbox import WorkerPool
from engine.sandbox.config import SANDBOX_DIR, seccomp_support
from engine.verdict import Status
from tests.sandbox.drills import PatientDoubleChecker
from tests.sandbox.helpers import run_adversarial

PATIENT = PatientDoubleChecker()
"""A 60 s wall clock: what is tested is the kernel's refusal, not the deadline."""
URL = b"https://example.com/a-private-download"

pytestmark = pytest.mark.skipif(
    platform.machine() not in ("x86_64", "aarch64"),
    reason="the calls' numbers below are those of x86_64 and aarch64",
)

CALLS = """
import ctypes, os, struct

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
AT_FDCWD = -100


def call(number, *args):
    done = libc.syscall(ctypes.c_long(number), *args)
    if done < 0:
        raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
    return done


def value_args(buffer, size):
    return struct.pack("<QII", ctypes.addressof(buffer), size, 0)  # struct xattr_args
"""

ATTRIBUTE_CALLS: dict[str, tuple[str, str]] = {
    "getxattrat": (
        "buf = ctypes.create_string_buffer(256)\n"
        "n = call(464, AT_FDCWD, T, 0, b'user.xdg.origin.url', value_args(buf, 256), 16)\n"
        "raise ValueError(buf.raw[:n])",
        "Operation not supported",
    ),
    "listxattrat": (
        "buf = ctypes.create_string_buffer(256)\n"
        "raise ValueError(buf.raw[: call(465, AT_FDCWD, T, 0, buf, 256)])",
        "Operation not supported",
    ),
    "setxattrat": (
        "val = ctypes.create_string_buffer(b'planted')\n"
        "call(463, AT_FDCWD, T, 0, b'user.planted', value_args(val, 7), 16)",
        "Operation not permitted",
    ),
    "removexattrat": (
        "call(466, AT_FDCWD, T, 0, b'user.xdg.origin.url')",
        "Operation not permitted",
    ),
    "file_setattr": (
        "attr = bytes(32)  # struct file_attr: no flags, no project\n"
        "call(469, AT_FDCWD, T, attr, len(attr), 0)",
        "Operation not permitted",
    ),
}


def _source(setup: str, body: str) -> str:
    return (
        CALLS
        + "\n\ndef double(x):\n"
        + textwrap.indent(setup + "\n" + textwrap.dedent(body), "    ")
        + "\n    return 2 * x\n"
    )


@pytest.fixture
def downloaded(tmp_path: Path) -> Path:
    """A file of the user's with the attribute a browser gives a download."""
    path = tmp_path / "statement.pdf"
    path.write_bytes(b"%PDF")
    os.setxattr(path, "user.xdg.origin.url", URL)
    return path


@pytest.mark.parametrize("name", list(ATTRIBUTE_CALLS))
def test_no_extended_attribute_is_read_or_changed_by_the_newer_calls(
    mode_pool: tuple[str, WorkerPool], downloaded: Path, name: str
) -> None:
    """Under bubblewrap no file of the user's is there: one the child makes is asked instead,
    where nothing but the filter could refuse."""
    mode, pool = mode_pool
    if mode == "bwrap":
        setup = "T = b'mine.txt'\nwith open(T, 'w') as f:\n    f.write('x')"
    else:
        setup = f"T = {str(downloaded).encode()!r}"
    body, refusal = ATTRIBUTE_CALLS[name]
    verdict = run_adversarial(pool, _source(setup, body), Status.ERROR, refusal, checker=PATIENT)
    assert URL.decode() not in verdict.model_dump_json()
    assert os.listxattr(downloaded) == ["user.xdg.origin.url"]
    assert os.getxattr(downloaded, "user.xdg.origin.url") == URL


MOUNTS = """
request = struct.pack("<IIQQ", 24, 0, 0xFFFFFFFFFFFFFFFF, 0)  # every mount from the root
ids = (ctypes.c_uint64 * 256)()
found = call(458, request, ids, 256, 0)  # listmount
described = []
for mount in list(ids)[:found]:
    buf = ctypes.create_string_buffer(1 << 16)
    asked = struct.pack("<IIQQ", 24, 0, mount, 0x8 | 0x10 | 0x200)  # root, point, source
    call(457, asked, buf, 1 << 16, 0)  # statmount
    described.append(buf.raw.rstrip(b"\\0")[-400:])
raise ValueError(described)
"""


def test_no_mount_is_described(mode_pool: tuple[str, WorkerPool]) -> None:
    """listmount and statmount are refused: under bubblewrap they named the checkout."""
    _, pool = mode_pool
    verdict = run_adversarial(
        pool, _source("", MOUNTS), Status.ERROR, "Operation not permitted", checker=PATIENT
    )
    checkout = str(Path(__file__).resolve().parents[2])
    assert checkout not in verdict.model_dump_json()


def _launcher_constant(name: str, default: object = None) -> object:
    """A constant of the launcher, read from its text (it runs as a script, never imported);
    `default` when it has none."""
    tree = ast.parse((SANDBOX_DIR / "launcher.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if not isinstance(node, ast.Assign):
            continue
        if any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            value = node.value
            if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute):
                value = value.func.value  # "...".split()
            return ast.literal_eval(value)
    return default


def test_every_refused_call_has_a_number_here() -> None:
    """Each call the filter names is one libseccomp resolves here, one NEWER_SYSCALLS numbers,
    or one of another architecture only (`chown32`: libseccomp names it for 32-bit x86)."""
    library = ctypes.CDLL(seccomp_support().library)
    resolve = library.seccomp_syscall_resolve_name_arch
    resolve.argtypes = [ctypes.c_uint32, ctypes.c_char_p]
    native, x86, arm = 0, 0x40000003, 0x40000028  # SCMP_ARCH_NATIVE, _X86, _ARM
    newer = _launcher_constant("NEWER_SYSCALLS", {})
    assert isinstance(newer, dict)
    names = [
        *str(_launcher_constant("DENIED_SYSCALLS")).split(),
        *str(_launcher_constant("UNSUPPORTED_SYSCALLS")).split(),
    ]
    unnumbered = [
        name
        for name in names
        if resolve(native, name.encode()) < 0
        and name not in newer
        and resolve(x86, name.encode()) < 0
        and resolve(arm, name.encode()) < 0
    ]
    assert not unnumbered, f"left out of the filter here: {unnumbered}"
