"""The children's bytecode cache: private to this user, and actually used by the children."""

from __future__ import annotations

import os
import stat
import sys

from engine.sandbox import pycache
from engine.sandbox.bwrap import SANDBOX_SITE
from engine.sandbox.config import host_paths


def test_the_cache_is_private_and_holds_numpy_for_both_layouts() -> None:
    built = pycache.build(SANDBOX_SITE)
    assert built is not None
    root = pycache.cache_root().lstat()
    assert root.st_uid == os.geteuid() and stat.S_IMODE(root.st_mode) & 0o077 == 0
    numpy_init = os.path.join(host_paths().numpy_dir, "__init__.py")
    tag = sys.implementation.cache_tag
    plain = built / numpy_init.lstrip("/")
    assert plain.with_name(f"__init__.{tag}.pyc").exists()
    sandboxed = built / SANDBOX_SITE.lstrip("/") / "numpy" / f"__init__.{tag}.pyc"
    assert sandboxed.exists()


def test_a_foreign_or_open_cache_dir_is_not_trusted() -> None:
    assert pycache._owned_private_dir(pycache.cache_root())
    assert not pycache._owned_private_dir(pycache.cache_root() / "does-not-exist")
    open_dir = pycache.cache_root() / "open-for-test"
    open_dir.mkdir(exist_ok=True)
    try:
        open_dir.chmod(0o777)
        assert not pycache._owned_private_dir(open_dir)
    finally:
        open_dir.rmdir()
