"""CPython's test-only and debug C modules (the thirty-third round's follow-up).

`_testcapi` and `_testinternalcapi` were importable in a drill in every mode: raw C-API entry
points (a frame's globals and locals, refcount games, `set_nomemory`, pending calls that run in
the grader's frames, `set_config`). They and the interpreter's other test and example modules
are refused now, by the same check that refuses a C module by the last part of its name, so a
renamed copy and a built-in one made by `_imp.create_builtin` are refused too.
"""

from __future__ import annotations

import importlib.util

import pytest

from engine.sandbox import WorkerPool, child
from tests.sandbox.test_attacks_from_inside import _found

LOAD_EACH = """
import importlib.machinery, importlib.util
FOUND = {{}}

def outcome(load):
    try:
        load()
    except ModuleNotFoundError as exc:
        return "refused" if "the sandbox does not provide it" in str(exc) else repr(exc)
    except Exception as exc:
        return repr(exc)
    return "LOADED"

def renamed(name):
    spec = importlib.util.find_spec(name)
    if spec.origin in (None, "built-in"):
        return importlib.util.module_from_spec(spec)
    loader = importlib.machinery.ExtensionFileLoader("evil." + name, spec.origin)
    copy = importlib.util.spec_from_file_location("evil." + name, spec.origin, loader=loader)
    return importlib.util.module_from_spec(copy)

for name in {names!r}:
    seen = (outcome(lambda: __import__(name)), outcome(lambda: renamed(name)))
    if seen != ("refused", "refused"):  # only what got through: a long message is cut short
        FOUND[name] = seen
FOUND = (len({names!r}), FOUND)
"""


def _present() -> list[str]:
    """The refused test and debug modules this interpreter ships (the child's is the same)."""
    return sorted(name for name in child.TEST_AND_DEBUG_MODULES if importlib.util.find_spec(name))


def _assert_all_refused(message: str, names: list[str]) -> None:
    """Each module checked, none loaded (by name or renamed) or refused for another reason."""
    assert f"found ({len(names)}, {{}})" in message, message


def test_the_interpreters_test_modules_are_refused_where_the_hooks_are_alone(
    no_seccomp_pool: tuple[str, WorkerPool],
) -> None:
    """With bubblewrap, with Landlock and with the hooks alone: `import _testcapi` (and each
    other test module this Python has) and a copy loaded as `evil._testcapi` are refused."""
    _, pool = no_seccomp_pool
    names = _present()
    assert "_testcapi" in names and "_testinternalcapi" in names, names
    _assert_all_refused(_found(pool, LOAD_EACH.format(names=names)), names)


def test_the_interpreters_test_modules_are_refused_with_every_layer(pool: WorkerPool) -> None:
    """The same with every layer this machine has (and with bubblewrap forced off)."""
    names = _present()
    _assert_all_refused(_found(pool, LOAD_EACH.format(names=names)), names)


def test_a_built_in_test_module_is_refused_when_made_directly() -> None:
    """`xxsubtype` is built in: `_imp.create_builtin` makes it with no import event, so the
    child's stand-in for that maker refuses it by name."""
    with pytest.raises(ModuleNotFoundError, match="the sandbox does not provide it to drills"):
        child._vetted_spec(importlib.util.find_spec("xxsubtype"))


def test_the_profiler_is_importable_but_cannot_profile(pool: WorkerPool) -> None:
    """`_lsprof` stays: cProfile imports, and enabling it is refused as the profiling hook it
    installs, so it reaches nothing the refused `sys.setprofile` does not."""
    message = _found(
        pool,
        """
        import cProfile
        try:
            cProfile.Profile().enable()
            FOUND = "enabled"
        except PermissionError as exc:
            FOUND = str(exc)
        """,
    )
    assert "profiling hooks is not allowed in a drill" in message, message
